"""What an editor relies on: an approved brief does not drift when an unrelated speech is added, pins and
drops survive rebuilds, issue numbers cannot clash, a brief that lost its sources says so, and a seed
without a theme file still gets briefs (and says how they were made)."""

from __future__ import annotations

import json

from support.briefs import build_briefs
from support.cli import make_seed_project, run
from support.paths import SEED, THEMES

# A speech on another subject (energy saving in public buildings), in the seed's shape: it holds none of
# the keywords of the seed's theme file.
UNRELATED = """以节约型机关创建推动公共机构绿色低碳转型
机关事务管理局围绕碳达峰碳中和目标，推进公共机构节能降耗，节约型机关创建成效明显。
一、完善能耗定额。制定公共机构能耗定额标准，对办公建筑用电、用水实行分类计量，全市公共机构人均综合能耗下降6.2%。
二、推广节能技术。实施办公区照明改造和空调系统改造，新建光伏发电设施1.8万平方米，年节约用电420万千瓦时。
三、倡导绿色办公。推行无纸化会议和电子公文流转，办公用纸消耗同比减少18%，垃圾分类覆盖全部办公区。
"""


def theme_keywords() -> set[str]:
    from briefgen.briefs.themes import load_themes

    return {word for theme in load_themes(THEMES).themes for word in theme.keywords}


def brief_hashes(folder):
    manifest = json.loads((folder / "out" / "manifest.json").read_text(encoding="utf-8"))
    return {o["path"]: o["sha256"] for o in manifest["outputs"] if o["kind"] == "brief"}


def insert_speech(text: str, speech: str, before_title: str) -> str:
    at = text.index(before_title)
    return text[:at] + speech + text[at:]


def test_adding_an_unrelated_speech_leaves_every_brief_byte_identical(tmp_path):
    assert not any(word in UNRELATED for word in theme_keywords())
    first = build_briefs(tmp_path / "a", SEED, THEMES.read_text(encoding="utf-8"))
    before = brief_hashes(tmp_path / "a")
    assert len(before) == 16
    # Inserted in the middle: every later speech moves down its lines and one speech number.
    text = first.seed.read_text(encoding="utf-8")
    first.seed.write_text(insert_speech(text, UNRELATED, "树牢基层导向优化选育管用"), encoding="utf-8")
    proc = run(tmp_path / "a", "build", "-v", "-o", "out", f"seeds/{SEED.name}")
    outline = json.loads(run(tmp_path / "a", "outline", f"seeds/{SEED.name}").stdout)
    assert len(outline["speeches"]) == len(first.outline.speeches) + 1
    assert brief_hashes(tmp_path / "a") == before
    said = [line for line in proc.stderr.splitlines() if ": out/briefs/0" in line]
    assert len(said) == 16 and all(line.endswith(": up to date") for line in said), said  # not even rebuilt
    index = json.loads((tmp_path / "a" / "out" / "briefs" / "index.json").read_text(encoding="utf-8"))
    old = {brief.entry["theme"]: brief.entry for brief in first.briefs}
    for entry in index["briefs"]:  # the same sentences, those of the moved speeches at their new lines
        assert [s["text"] for s in entry["sentences"]] == [s["text"] for s in old[entry["theme"]]["sentences"]]


def test_a_pinned_sentence_stays_and_a_dropped_one_stays_out_after_an_edit_elsewhere(tmp_path):
    plain = build_briefs(tmp_path / "plain", SEED, THEMES.read_text(encoding="utf-8"))
    quoted = [s["text"] for s in plain.briefs[0].entry["sentences"]]
    dropped = [s["text"] for s in plain.briefs[0].entry["sentences"] if s["role"] == "body"][-1]
    pinned = "加强对习近平法治思想原创性贡献的学理化阐释"  # speech 6: no keyword of 考录
    assert not any(t.startswith(pinned) for t in quoted)
    themes = THEMES.read_text(encoding="utf-8").replace(
        'keywords = ["考录", "招录", "录用", "笔试", "面试", "考试"]',
        f'keywords = ["考录", "招录", "录用", "笔试", "面试", "考试"]\npin = ["{pinned}"]\ndrop = ["{dropped[:12]}"]')
    edited = build_briefs(tmp_path / "edited", SEED, themes)

    def sentences():
        index = json.loads((tmp_path / "edited" / "out" / "briefs" / "index.json").read_text(encoding="utf-8"))
        return index["briefs"][0]["sentences"]

    for round in range(2):
        found = sentences()
        assert any(s["text"].startswith(pinned) and s["pinned"] for s in found), round
        assert dropped not in [s["text"] for s in found], round
        text = edited.seed.read_text(encoding="utf-8")  # an edit in another speech (奖励, speech 3)
        edited.seed.write_text(text.replace("武穴市将200余名", "武穴市将210余名"), encoding="utf-8")
        run(tmp_path / "edited", "build", "-o", "out", f"seeds/{SEED.name}")


def test_two_themes_with_the_same_issue_are_an_error_naming_both_lines(tmp_path):
    folder = make_seed_project(tmp_path)
    themes = folder / "seeds" / THEMES.name
    text = themes.read_text(encoding="utf-8")
    text = text.replace('name = "考录"', 'name = "考录"\nissue = 3').replace('name = "基层"', 'name = "基层"\nissue = 3')
    themes.write_text(text, encoding="utf-8")
    proc = run(folder, "build", check=False)
    lines = text.splitlines()
    first, second = [n for n, line in enumerate(lines, 1) if line == "issue = 3"]
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"seeds/{THEMES.name}:{second}: error: theme 4: issue 3 is already set at line "
                                   f"{first} (theme 1): two briefs cannot both be 第3期")


def test_a_brief_that_lost_most_of_its_sources_warns(tmp_path):
    first = build_briefs(tmp_path / "a", SEED, THEMES.read_text(encoding="utf-8"))
    text = first.seed.read_text(encoding="utf-8")
    start = text.index("完善奖励机制强化典型示范")
    end = text.index("树牢基层导向优化选育管用")
    first.seed.write_text(text[:start] + text[end:], encoding="utf-8")  # the 奖励 speech deleted
    proc = run(tmp_path / "a", "build", "-o", "out", f"seeds/{SEED.name}")
    lost = [line for line in proc.stderr.splitlines() if "are no longer in the seed" in line]
    assert [line.split("theme ")[1].split(":")[0] for line in lost][:1] == ["'奖励激励'"]
    assert all(line.startswith(f"seeds/{THEMES.name}:") and line.endswith("read it again before it goes out")
               and "(speech 《完善奖励机制强化典型示范激励广大公务员新时代新担当新作为》 is gone)" in line for line in lost)
    quoted = {brief.entry["theme"] for brief in first.briefs
              if any(s["speech"]["number"] == 3 for s in brief.entry["sentences"])}
    assert {line.split("'")[1] for line in lost} == quoted  # every brief that quoted it, and only those
    proc = run(tmp_path / "a", "build", "--force", "-o", "out", f"seeds/{SEED.name}")
    assert "no longer in the seed" not in proc.stderr  # said once, when it happened


def test_a_seed_without_a_theme_file_builds_briefs_of_themes_found_in_its_text(tmp_path):
    folder = make_seed_project(tmp_path, themes=False)
    proc = run(folder, "build")
    notes = [line for line in proc.stderr.splitlines() if ": note: " in line]
    assert len(notes) == 1 and notes[0].startswith(f"seeds/{SEED.name}: note: no theme file")
    out = folder / "output" / SEED.stem
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    kinds = [o["kind"] for o in manifest["outputs"]]
    assert kinds.count("brief") >= 6 and "themes" in kinds  # three briefs at least, in both formats
    assert (out / "briefs" / "themes.toml").is_file() and not (folder / "seeds" / THEMES.name).exists()
    index = json.loads((out / "briefs" / "index.json").read_text(encoding="utf-8"))
    assert index["derived_themes"] and index["themes"] == f"output/{SEED.stem}/briefs/themes.toml"
    # Adopted as the seed's theme file, it makes the same briefs, and the derived file goes.
    (out / "briefs" / "themes.toml").rename(folder / "seeds" / THEMES.name)
    before = {o["path"]: o["sha256"] for o in manifest["outputs"] if o["kind"] == "brief"}
    proc = run(folder, "build")
    assert ": note: " not in proc.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {o["path"]: o["sha256"] for o in manifest["outputs"] if o["kind"] == "brief"} == before
    assert "themes" not in [o["kind"] for o in manifest["outputs"]]


def test_an_empty_theme_file_means_the_compilation_alone(tmp_path):
    folder = make_seed_project(tmp_path, themes=False)
    (folder / "seeds" / THEMES.name).write_text("# 本次只印汇编\n", encoding="utf-8")
    proc = run(folder, "build")
    assert ": note: " not in proc.stderr and ": warning: theme" not in proc.stderr
    out = folder / "output" / SEED.stem
    kinds = [o["kind"] for o in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]]
    assert sorted(kinds) == ["brief-index", "compilation", "compilation"]
    assert not list((out / "briefs").glob("*.pdf")) and not (out / "briefs" / "themes.toml").exists()
