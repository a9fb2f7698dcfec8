"""A build under either language: the same documents, byte for byte (a seed with a theme file: its
manifest too, so a change of language rebuilds nothing); a theme file the build derives comments in the
user's language, and a change of language rewrites that file alone; warnings and errors in the user's
language, in their `file:line: warning:` / `error:` shape."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefgen.build.apply import describe_change
from support.cli import hashes, make_seed_project, run
from support.paths import EPOCH, SEED, THEMES

NO_THEMES = "nothemes.txt"  # a second copy of the seed, without a theme file: its themes are derived
THEMES_SHOWN = f"seeds/{THEMES.name}"


def environment(language: str, cache: Path) -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": str(cache), "BRIEFGEN_LANG": language}


def two_seed_project(folder: Path) -> Path:
    make_seed_project(folder)
    shutil.copy(SEED, folder / "seeds" / NO_THEMES)
    return folder


def inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in sorted(folder.rglob("*")) if p.is_file()}


DERIVED = "nothemes/briefs/themes.toml"


def test_the_documents_are_the_same_bytes_under_either_language(tmp_path):
    made = {}
    for language in ("zh", "en"):
        folder = two_seed_project(tmp_path / language)
        proc = run(folder, "build", env=environment(language, tmp_path / f"cache-{language}"))
        assert ": note: " in proc.stderr  # the seed without a theme file had its themes derived
        made[language] = hashes(folder / "output")
    differ = {name for name in made["en"] if made["zh"].get(name) != made["en"][name]}
    assert made["zh"].keys() == made["en"].keys()
    # the derived file's comments, the lines its themes stand on (the index points at them), what it recorded
    assert differ == {DERIVED, "nothemes/briefs/index.json", "nothemes/manifest.json"}
    names = set(made["en"])
    assert f"{SEED.stem}/manifest.json" in names and sum(name.endswith(".pdf") for name in names) >= 10
    comments = {language: [line for line in (tmp_path / language / "output" / DERIVED).read_text(
        encoding="utf-8").splitlines() if line.startswith("#")] for language in ("zh", "en")}
    assert comments["zh"][0] == "# 以下主题是从种子文件" and comments["en"][0] == "# Themes found in the text of"
    data = {language: [line for line in (tmp_path / language / "output" / DERIVED).read_text(
        encoding="utf-8").splitlines() if line and not line.startswith(("#", "[[theme]]"))] for language in made}
    assert data["zh"] == data["en"]  # the same themes, keywords and headlines


def test_a_change_of_language_rewrites_the_derived_theme_file_alone(tmp_path):
    folder = two_seed_project(tmp_path)
    run(folder, "build", env=environment("en", tmp_path / "cache"))
    before = inodes(folder / "output")
    proc = run(folder, "build", "-v", env=environment("zh", tmp_path / "cache"))  # no quick no-op: a new language
    after = inodes(folder / "output")
    assert {name for name in before if before[name] != after[name]} == {DERIVED, "nothemes/briefs/index.json",
                                                                        "nothemes/manifest.json"}
    assert (folder / "output" / DERIVED).read_text(encoding="utf-8").startswith("# 以下主题是从种子文件")
    again = inodes(folder / "output")
    run(folder, "build", env=environment("zh", tmp_path / "cache"))
    assert inodes(folder / "output") == again


def test_a_broken_theme_file_is_one_chinese_error_line_under_a_chinese_locale(tmp_path):
    folder = make_seed_project(tmp_path)
    (folder / THEMES_SHOWN).write_text('[[theme]]\nname = "考录"\nheadline = "考录"\nkeywords = ["考录"]\n'
                                       'colour = "red"\n', encoding="utf-8")
    proc = run(folder, "build", check=False, env=environment("zh", tmp_path / "cache"))
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"{THEMES_SHOWN}:5: error: 第 1 个主题中有未知的键 'colour'；可用的键为：drop, exclude, headline, issue, "
        "keywords, name, pin"]


ADDED_THEMES = ('\n[[theme]]\nname = "量子"\nheadline = "量子计算"\nkeywords = ["量子计算"]\n'
                '\n[[theme]]\nname = "考试"\nheadline = "严把考试关"\nkeywords = ["考试"]\npin = ["这一句不在种子文件里"]\n')


@pytest.mark.parametrize("language, expected", [
    ("zh", ["{themes}:{quantum}: warning: 主题 '量子' 在 {seed} 中没有匹配的句子（关键词：量子计算）；不生成简报，也不占用期号",
            "{themes}:{pin}: warning: pin 中的 '这一句不在种子文件里' 不是（或已不再是）种子文件中的句子；未固定引用任何句子"]),
    ("en", ["{themes}:{quantum}: warning: theme '量子' matches no sentence of {seed} (keywords: 量子计算); no brief, "
            "and no issue number",
            "{themes}:{pin}: warning: pin '这一句不在种子文件里' is no sentence of the seed (any more); nothing pinned"]),
])
def test_the_brief_warnings_speak_the_users_language_and_keep_their_shape(tmp_path, language, expected):
    folder = make_seed_project(tmp_path)
    before = len(THEMES.read_text(encoding="utf-8").splitlines())
    with (folder / THEMES_SHOWN).open("a", encoding="utf-8") as handle:
        handle.write(ADDED_THEMES)
    proc = run(folder, "build", env=environment(language, tmp_path / "cache"))
    where = {"themes": THEMES_SHOWN, "seed": f"seeds/{SEED.name}", "quantum": before + 2, "pin": before + 11}
    assert [line for line in proc.stderr.splitlines() if line.startswith(THEMES_SHOWN)] == [
        line.format(**where) for line in expected]


def test_the_derived_themes_note_is_chinese_and_names_its_files(tmp_path):
    folder = make_seed_project(tmp_path, themes=False)
    proc = run(folder, "build", env=environment("zh", tmp_path / "cache"))
    (note,) = [line for line in proc.stderr.splitlines() if ": note: " in line]
    assert note.startswith(f"seeds/{SEED.name}: note: 未找到主题文件 {THEMES_SHOWN}：已从正文中找出 ")
    assert note.endswith(f"个主题，写入 output/{SEED.stem}/briefs/themes.toml（如需修改并保留这些主题，"
                         f"请将该文件复制为 {THEMES_SHOWN}）")


RARE_SEED = "队伍建设工作发言汇编\n加强公务员队伍建设\n（市委组织部　王喆）\n我们坚持把政治标准放在首位。\n{extra}\n"


def rare_project(folder: Path, extra: str) -> Path:
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "rare.txt").write_text(RARE_SEED.format(extra=extra), encoding="utf-8")
    (folder / "briefgen.toml").write_text("[fonts]\nsystem = false\n", encoding="utf-8")
    return folder


def test_the_font_warnings_and_errors_read_chinese(tmp_path):
    folder = rare_project(tmp_path / "fallback", "王喆同志介绍了经验。")
    proc = run(folder, "build", env=environment("zh", tmp_path / "cache"))
    assert ("seeds/rare.txt:5: warning: 字符 U+5586 '喆'（body 字体，仿宋_GB2312）不在其字体文件 "
            "BriefgenBody-FandolFang-Regular.ttf 中；已改用备用字体 BriefgenFallback-WenQuanYiMicroHei.ttf"
            in proc.stderr.splitlines())
    folder = rare_project(tmp_path / "missing", "统计数据见附表\u3400。")  # U+3400: in no bundled face
    proc = run(folder, "build", check=False, env=environment("zh", tmp_path / "cache"))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "seeds/rare.txt:5: error: 没有字体能显示字符 U+3400 '\u3400'（body 字体和备用字体中都没有）："
        "BriefgenBody-FandolFang-Regular.ttf, BriefgenFallback-WenQuanYiMicroHei.ttf；如需将其留空，"
        "请在生成时加上 --allow-missing-glyphs 选项")
    proc = run(folder, "build", "--allow-missing-glyphs", env=environment("zh", tmp_path / "cache"))
    assert "seeds/rare.txt:5: warning: 没有字体能显示字符 U+3400 '\u3400'（body 字体和备用字体中都没有）；已留空" in (
        proc.stderr.splitlines())


def test_why_an_output_is_rebuilt_is_said_in_the_users_language(monkeypatch):
    old = {"speeches": {"3": "a", "4": "b"}, "templates": {"cover.j2": "x"}}
    monkeypatch.setenv("BRIEFGEN_LANG", "en")
    assert describe_change(old, {**old, "speeches": {"3": "c", "4": "d"}}) == "speeches 3, 4 changed"
    assert describe_change(old, {**old, "speeches": {"3": "c", "4": "b"}}) == "speech 3 changed"
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    assert describe_change(old, {**old, "speeches": {"3": "c", "4": "d"}}) == "发言 3、4 已修改"
    assert describe_change(old, {**old, "templates": {"cover.j2": "y"}}) == "模板 cover.j2 已修改"
    assert describe_change(old, {**old, "kind": "pdf"}) == "依赖项已变更"
