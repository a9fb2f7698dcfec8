"""Incremental builds: what each kind of edit rebuilds, removals, manifests, determinism, locations."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.cli import actions, edit, hashes, manifest, out_dir, run
from support.paths import ROOT, SEED, THEMES

HEAVY = ("reportlab", "docx", "jieba", "lxml", "briefgen.writers.pdf", "briefgen.writers.docx", "briefgen.layout.lines",
         "briefgen.outline.parse", "jinja2", "click")


def brief_speeches(project: Path) -> dict[str, set[int]]:
    """Return brief file stem -> the speeches its sentences come from, from index.json."""
    index = json.loads((out_dir(project) / "briefs" / "index.json").read_text(encoding="utf-8"))
    return {Path(b["files"][0]).stem: {s["speech"]["number"] for s in b["sentences"]} for b in index["briefs"]}


def test_a_first_build_writes_every_output_and_a_manifest_of_them(project):
    data = manifest(project)
    files = hashes(out_dir(project))
    assert data["state"] == "complete" and data["schema_version"] == 1
    listed = {o["path"]: o for o in data["outputs"]}
    assert set(listed) == set(files) - {"manifest.json"}
    assert all(listed[path]["sha256"] == sha for path, sha in files.items() if path in listed)
    kinds = {(o["kind"], o["format"]) for o in data["outputs"]}
    assert kinds == {("compilation", "docx"), ("compilation", "pdf"), ("brief", "docx"), ("brief", "pdf"),
                     ("brief-index", "json")}
    assert sum(o["kind"] == "brief" for o in data["outputs"]) == 16


def modules_after(project: Path, *args: str) -> tuple[set[str], str]:
    """Run the command line in a fresh interpreter; return the modules it loaded and its stderr."""
    driver = (f"import sys, runpy\nsys.argv = ['briefgen', {', '.join(repr(a) for a in args)}]\n"
              "try:\n    runpy.run_module('briefgen', run_name='__main__')\nexcept SystemExit as e:\n"
              "    assert not e.code, e.code\nprint(' '.join(sorted(sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", driver], cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split()), proc.stderr


def heavy(modules: set[str], names=HEAVY) -> list[str]:
    return [m for m in modules for name in names if m == name or m.startswith(name + ".")]


def test_a_no_op_rebuild_rewrites_nothing_and_loads_nothing_heavy(project):
    before = {p: p.stat().st_mtime_ns for p in out_dir(project).rglob("*") if p.is_file()}
    modules, err = modules_after(project, "build", "-v")  # decided from content hashes
    assert not heavy(modules)
    assert "built 0, up to date 19, failed 0" in err
    modules, err = modules_after(project, "build", "-v")  # decided from the recorded file times
    assert not heavy(modules)
    assert "built 0, up to date 19, failed 0" in err
    assert {p: p.stat().st_mtime_ns for p in out_dir(project).rglob("*") if p.is_file()} == before


def test_a_touched_but_unchanged_seed_is_decided_from_hashes_without_loading_writers(project):
    (project / "seeds" / SEED.name).touch()
    before = hashes(out_dir(project))
    proc = run(project, "build", "-v")
    assert set(actions(proc).values()) == {"up to date"}
    assert hashes(out_dir(project)) == before


def test_editing_one_speech_rebuilds_the_compilation_and_the_briefs_that_use_it(project):
    used_before = brief_speeches(project)
    before = hashes(out_dir(project))
    # A sentence of speech 4 that its briefs quote (an edit the 基层 brief shows).
    edit(project / "seeds" / SEED.name, "今年为县乡机关招录公务员3666人", "今年为县乡机关招录公务员3667人")
    proc = run(project, "build", "-v")
    done = actions(proc)
    used_after = brief_speeches(project)
    touching = {stem for stem in used_before if 4 in used_before[stem] | used_after.get(stem, set())}
    assert touching and touching != set(used_before)
    for stem in used_before:
        for fmt in ("docx", "pdf"):
            path = f"briefs/{stem}.{fmt}"
            if stem in touching:  # a brief names its speeches by title: their numbers change as speeches come and go
                assert done[path] == "built: speech 《树牢基层导向优化选育管用努力锻造堪当重任的基层公务员队伍》 changed"
            else:
                assert done[path] == "up to date"
                assert hashes(out_dir(project))[path] == before[path]
    assert done["公务员工作座谈会发言汇编.pdf"] == "built: speech 4 changed"
    assert manifest(project)["inputs"]["seed"] == hashlib.sha256((project / "seeds" / SEED.name).read_bytes()).hexdigest()


def test_editing_a_theme_rebuilds_that_brief_only(project):
    edit(project / "seeds" / THEMES.name, 'keywords = ["考核", "绩效", "考准考实", "考核结果"]',
         'keywords = ["考核", "绩效"]')
    done = actions(run(project, "build", "-v"))
    rebuilt = {path for path, what in done.items() if what != "up to date"}
    assert rebuilt == {"briefs/02-考核.docx", "briefs/02-考核.pdf", "briefs/index.json"}
    assert done["briefs/02-考核.pdf"] == "built: theme changed"


def test_a_comment_added_to_the_theme_file_rebuilds_no_brief(project):
    path = project / "seeds" / THEMES.name
    path.write_text("# 编辑于十二月一日\n# 第二行说明\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    done = actions(run(project, "build", "-v"))
    # every theme now stands two lines lower: only the index, which points at those lines, is written again
    assert {path for path, what in done.items() if what != "up to date"} == {"briefs/index.json"}


def test_editing_the_style_sheet_rebuilds_everything(project):
    shutil.copytree(ROOT / "templates", project / "templates")
    edit(project / "templates" / "style.toml", 'red = "C8102E"', 'red = "D00000"')
    done = actions(run(project, "build", "-v"))
    outputs = {o["path"] for o in manifest(project)["outputs"] if o["kind"] != "brief-index"}
    assert {path for path, what in done.items() if what == "built: style sheet changed"} == outputs


def test_editing_a_brief_template_rebuilds_the_briefs_not_the_compilation(project):
    shutil.copytree(ROOT / "templates", project / "templates")
    edit(project / "templates" / "brief_name.j2", "工作简报", "工作动态")
    done = actions(run(project, "build", "-v"))
    assert done["公务员工作座谈会发言汇编.docx"] == "up to date"
    assert done["briefs/01-考录.pdf"] == "built: template brief_name.j2 changed"


def test_a_deleted_theme_loses_its_files_and_its_manifest_entries(project):
    text = (project / "seeds" / THEMES.name).read_text(encoding="utf-8")
    start = text.index('[[theme]]                     # speeches 3, 4 and 5')
    (project / "seeds" / THEMES.name).write_text(text[:start], encoding="utf-8")
    proc = run(project, "build", "-v")
    assert actions(proc)["briefs/08-关心关爱.pdf"] == "removed: no longer planned"
    assert not (out_dir(project) / "briefs" / "08-关心关爱.pdf").exists()
    assert "briefs/08-关心关爱.docx" not in {o["path"] for o in manifest(project)["outputs"]}


@pytest.mark.parametrize("damage", ["delete", "garbage", "other schema"])
def test_a_missing_or_unreadable_manifest_means_a_full_rebuild(project, damage):
    path = out_dir(project) / "manifest.json"
    if damage == "delete":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"\x00{not json")
    else:
        path.write_text(json.dumps({"schema_version": 99}), encoding="utf-8")
    done = actions(run(project, "build", "-v"))
    assert set(done.values()) == {"built: new output"}
    assert manifest(project)["state"] == "complete"


def test_a_deleted_output_is_rebuilt(project):
    (out_dir(project) / "briefs" / "03-奖励激励.docx").unlink()
    done = actions(run(project, "build", "-v"))
    assert done["briefs/03-奖励激励.docx"] == "built: file missing or changed on disk"
    assert done["briefs/03-奖励激励.pdf"] == "up to date"


def test_identical_inputs_give_identical_bytes_and_manifest_in_another_folder_and_process(project, tmp_path):
    other = tmp_path / "elsewhere"
    (other / "seeds").mkdir(parents=True)
    shutil.copy(project / "seeds" / SEED.name, other / "seeds")
    shutil.copy(project / "seeds" / THEMES.name, other / "seeds")
    run(other, "build", "-q", "--jobs", "1", env=None)
    assert hashes(other / "output") == hashes(project / "output")


def test_force_rebuilds_everything_to_the_same_bytes(project):
    before = hashes(out_dir(project))
    done = actions(run(project, "build", "-v", "--force"))
    assert set(done.values()) == {"built: forced"}
    assert hashes(out_dir(project)) == before


def test_output_locations(project):
    second = project / "seeds" / "second.txt"
    shutil.copy(project / "seeds" / SEED.name, second)
    run(project, "build", "-q", "seeds/second.txt", "-o", "one")
    assert (project / "one" / "manifest.json").is_file()
    run(project, "build", "-q", "seeds/second.txt", f"seeds/{SEED.name}", "-o", "many")
    assert {p.name for p in (project / "many").iterdir()} == {"second", SEED.stem}
    run(project, "build", "-q")
    assert {p.name for p in (project / "output").iterdir()} == {"second", SEED.stem}


def test_one_failing_seed_does_not_stop_the_others(project):
    (project / "seeds" / "broken.txt").write_text("这是一段正文，没有标题。\n", encoding="utf-8")
    shutil.rmtree(project / "output")
    proc = run(project, "build", "--jobs", "2", check=False)
    assert proc.returncode == 2
    assert "seeds/broken.txt:1: error: the first line should be the collection title" in proc.stderr
    assert (out_dir(project) / "manifest.json").is_file()
    assert "Traceback" not in proc.stderr
    assert "failed 1" in proc.stderr.splitlines()[-1]


def test_a_failed_build_leaves_the_previous_outputs_untouched(project):
    before = hashes(out_dir(project))
    (project / "seeds" / SEED.name).write_bytes(b"")
    proc = run(project, "build", check=False)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"seeds/{SEED.name}:1: error: the file is empty: a seed needs a collection "
                                        "title and speeches"]
    assert hashes(out_dir(project)) == before


def test_format_pdf_rebuilds_the_pdfs_and_leaves_the_docx_files_as_they_were(project):
    before = hashes(out_dir(project))
    edit(project / "seeds" / SEED.name, "今年为县乡机关招录公务员3666人", "今年为县乡机关招录公务员3667人")
    proc = run(project, "build", "-v", "--format", "pdf")
    built = {p for p, said in actions(proc).items() if said != "up to date"}
    changed = {path for path, sha in hashes(out_dir(project)).items() if before.get(path) != sha}
    assert changed and all(p.endswith((".pdf", ".json")) for p in changed)
    assert all(p in hashes(out_dir(project)) for p in before)  # nothing removed
    assert not any(p.endswith(".docx") for p in actions(proc))
    proc = run(project, "build", "-v")  # the DOCX files of what changed, and the index that lists both
    rebuilt = {p for p, said in actions(proc).items() if said != "up to date"}
    assert rebuilt == {p.replace(".pdf", ".docx") for p in built if p.endswith(".pdf")} | {"briefs/index.json"}
