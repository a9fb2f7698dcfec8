"""Every case of the bad-input corpus (badinputs.py) through the real command line.

The outcome rule: a case either builds (exit 0) or stops with exactly one line
``file:line: error: message`` (no traceback) and exit status 2. A project first builds the good
seed; the case then replaces a seed, theme file, configuration or template and builds again.
A failure leaves every earlier output and the manifest byte for byte as they were; a build
writes nothing outside output/<seed>/, under names safe on Windows, macOS and Linux, and its
documents hold every character of the seed's content, in order, markup and template syntax
as plain text. No temporary file is left either way.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.atomic import TEMP_PREFIX
from briefgen.outline.clean import content_of
from briefgen.project.folder import load_project

from support.badinputs import (
    BUILDS,
    CASES,
    CONFIG,
    FAILS,
    SEED,
    SEED_FILE,
    THEMES_FILE,
    Case,
    copy_project,
    find_case,
)
from support.readback import (
    collection_body,
    docx_body_text,
    docx_paragraphs,
    path_problems,
    pdf_body_text,
    pdf_pages,
    pdf_text,
)

EPOCH = "1795824000"  # 2026-11-28
ERROR_LINE = re.compile(r"(?P<where>[^\s:][^:]*:\d+): error: \S.*")
OUTPUT = Path("output") / SEED.stem


def run_build(project: Path, cache: Path, *options: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run `python -m briefgen build` in a fresh process inside ``project``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": str(cache)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "briefgen", "build", *options], cwd=project, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="backslashreplace")
    return proc, time.perf_counter() - started


def files_under(folder: Path) -> dict[str, bytes]:
    """Return every file below ``folder`` (relative, / separated) with its bytes; links as their target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[path.relative_to(folder).as_posix()] = os.readlink(path).encode()
        elif path.is_file():
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


@pytest.fixture(scope="session")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bad-input-cache")


@pytest.fixture(scope="session")
def good_project(tmp_path_factory, cache) -> Path:
    """A project that has built the good seed and its briefs."""
    project = tmp_path_factory.mktemp("good") / "project"
    (project / "seeds").mkdir(parents=True)
    (project / SEED_FILE).write_bytes(SEED.read_bytes())
    (project / THEMES_FILE).write_bytes(SEED.with_name(SEED.stem + ".themes.toml").read_bytes())
    (project / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    proc, _ = run_build(project, cache)
    assert proc.returncode == 0, proc.stderr
    return project


@pytest.fixture(scope="session")
def sheet(good_project):
    return load_project(good_project).style


def check_fails(case: Case, proc: subprocess.CompletedProcess, before: dict[str, bytes], project: Path) -> None:
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    found = ERROR_LINE.fullmatch(lines[0])
    assert found, lines[0]
    assert found["where"] == case.where, lines[0]
    if case.says:
        assert case.says in lines[0], lines[0]
    assert proc.stdout == ""
    after = files_under(project / "output")
    assert after.keys() == before.keys()
    changed = [name for name in before if after[name] != before[name]]
    assert not changed, f"a failed build changed {changed}"


def check_builds(case: Case, proc: subprocess.CompletedProcess, project: Path, text: str, sheet,
                 before: dict[str, bytes], cache: Path) -> None:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    if case.says and case.says not in proc.stderr:  # a parse warning: `briefgen check` prints it
        check = subprocess.run([sys.executable, "-m", "briefgen", "check"], cwd=project, capture_output=True,
                               text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": str(cache)})
        assert case.says in check.stdout, (proc.stderr, check.stdout)
    out = project / OUTPUT
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["outputs"]}
    assert set(files_under(out)) == listed | {"manifest.json"}, "the folder holds what the manifest lists"
    (docx_file,) = [out / p for p in listed if "/" not in p and p.endswith(".docx")]
    (pdf_file,) = [out / p for p in listed if "/" not in p and p.endswith(".pdf")]
    assert docx_file.with_suffix(".pdf") == pdf_file
    expected = collection_body(text)
    assert content_of(docx_body_text(docx_file)) == expected, "the DOCX body lost or added text"
    drawn = "".join(c for c in expected if c not in case.blank)
    assert content_of(pdf_body_text(pdf_file, sheet)) == drawn, "the PDF body lost or added text"
    for char in case.blank:
        assert f"U+{ord(char):04X}" in proc.stderr, f"no warning for U+{ord(char):04X}"
    for literal in case.literal:
        assert content_of(literal) in content_of("".join(docx_paragraphs(docx_file))), literal
        assert content_of(literal) in content_of(pdf_text(pdf_file)), literal
    briefs = sorted(p for p in listed if p.startswith("briefs/") and not p.endswith(".json"))
    previous = {name[len(SEED.stem) + 1:]: data for name, data in before.items()}  # relative to output/
    for brief in briefs:
        if previous.get(brief) == (out / brief).read_bytes():
            continue  # as the good seed built it
        if brief.endswith(".pdf"):
            assert pdf_pages(out / brief) == 1, brief
        else:
            docx_paragraphs(out / brief)  # a well-formed package
    for literal in case.brief_literal:
        assert any(content_of(literal) in content_of(pdf_text(out / b)) for b in briefs if b.endswith(".pdf"))
        assert any(content_of(literal) in content_of("".join(docx_paragraphs(out / b)))
                   for b in briefs if b.endswith(".docx"))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Case, good_project, cache, sheet, tmp_path):
    # Nested, so that a name climbing out of output/<seed>/ still lands where this test looks.
    root = tmp_path / "a" / "b" / "c"
    project = root / "project"
    copy_project(good_project, project)
    seed_text = SEED.read_text(encoding="utf-8")
    before = files_under(project / "output")
    made = case.make(project, seed_text)
    inputs = set(files_under(tmp_path))
    proc, seconds = run_build(project, cache, *case.options)
    if case.outcome == FAILS:
        check_fails(case, proc, before, project)
    else:
        check_builds(case, proc, project, seed_text if made is None else made, sheet, before, cache)
    if case.max_seconds is not None:
        assert seconds < case.max_seconds
    new = sorted(set(files_under(tmp_path)) - inputs)
    prefix = f"a/b/c/project/{OUTPUT.as_posix()}/"
    assert all(name.startswith(prefix) for name in new), f"written outside {OUTPUT}: {new}"
    assert not [name for name in files_under(tmp_path) if TEMP_PREFIX in name], "a temporary file was left"
    problems = [p for name in new for p in path_problems(name[len(prefix):])]
    assert not problems, problems


def test_the_corpus_is_large_and_covers_both_outcomes():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)
    assert {case.outcome for case in CASES} == {BUILDS, FAILS}
    assert all(case.where for case in CASES if case.outcome == FAILS)


def test_a_reserved_title_gets_a_safe_file_name(good_project, cache, tmp_path):
    project = tmp_path / "project"
    copy_project(good_project, project)
    find_case("reserved-collection-title").make(project, SEED.read_text(encoding="utf-8"))
    proc, _ = run_build(project, cache)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (project / OUTPUT).glob("*.pdf")) == ["_CON.pdf"]


@pytest.mark.parametrize("name", ["...txt", "..txt", "CON.txt", " x. .txt"])
def test_a_seed_file_name_never_leads_out_of_output(good_project, cache, tmp_path, name):
    """The output folder is named after the seed file: seeds/...txt (stem ..) must not mean output/.."""
    project = tmp_path / "a" / "project"
    copy_project(good_project, project)
    (project / SEED_FILE).rename(project / "seeds" / name)
    (project / THEMES_FILE).unlink()
    inputs = set(files_under(tmp_path))
    proc, _ = run_build(project, cache)
    assert proc.returncode == 0, proc.stderr
    new = sorted(set(files_under(tmp_path)) - inputs)
    assert new and all(n.startswith("a/project/output/") and n.count("/") in (4, 5) for n in new), new
    assert len({n.split("/")[3] for n in new}) == 1  # one output folder, its briefs/ inside it
    folders = {n.split("/")[3] for n in new}
    assert len(folders) == 1 and not path_problems(folders.pop()), new
