"""Machine faults: a file where a folder should be, a read-only or full disk, a folder that cannot be
written, a file another program holds, a bad environment variable. Each gives one line naming the
path and what to do, exit 2, and leaves every earlier output and the manifest byte for byte as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.cli import edit, hashes, out_dir, run
from support.paths import ROOT, SEED

FAULTY = ROOT / "tests" / "support" / "faulty.py"
EDIT = ("今年为县乡机关招录公务员3666人", "今年为县乡机关招录公务员3667人")


def one_error_line(proc: subprocess.CompletedProcess, path: str, *words: str) -> str:
    """Assert the command failed with exit 2 and exactly one error line naming ``path``; return it."""
    assert proc.returncode == 2, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert errors[0].startswith(f"{path}: error: "), errors[0]
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def run_with_fault(folder: Path, fault: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "BRIEFGEN_TEST_FAULT": fault}
    return subprocess.run([sys.executable, str(FAULTY), *args], cwd=folder, capture_output=True, text=True, env=env)


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.startswith(".briefgen-tmp-")]


def test_a_file_where_the_output_folder_should_be(project):
    (project / "afile").write_text("not a folder", encoding="utf-8")
    proc = run(project, "build", f"seeds/{SEED.name}", "-o", "afile/out", check=False)
    one_error_line(proc, "afile/out", "afile is a file", "-o")
    assert (project / "afile").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("fault, words", [
    ("write:EACCES:output", ("permission denied", "-o")),
    ("write:ENOSPC:output", ("no space left",)),
    ("replace:EACCES:.pdf", ("permission denied",)),
    ("replace:LOCKED:briefs/03", ("another program has it open", "Word or WPS")),
])
def test_a_refused_write_or_rename_leaves_the_previous_outputs(project, fault, words):
    before = hashes(out_dir(project))
    edit(project / "seeds" / SEED.name, *EDIT)
    proc = run_with_fault(project, fault, "build", "--force")
    shown = "output/" + SEED.stem
    line = one_error_line(proc, shown if fault.startswith("write") else line_path(proc), *words)
    assert line.split(": error: ")[0].startswith(shown)
    assert hashes(out_dir(project)) == before
    assert no_temporary_files(project)


def line_path(proc: subprocess.CompletedProcess) -> str:
    return next(line for line in proc.stderr.splitlines() if ": error: " in line).split(": error: ")[0]


def test_a_locked_brief_undoes_the_files_already_replaced(project):
    """The compilation's DOCX and PDF are renamed before the briefs: they must come back too."""
    before = hashes(out_dir(project))
    edit(project / "seeds" / SEED.name, *EDIT)
    proc = run_with_fault(project, "replace:LOCKED:briefs/08", "build", "-v")
    assert "built" not in proc.stderr.split("error")[-1]
    one_error_line(proc, f"output/{SEED.stem}/briefs/08-关心关爱.docx", "Word or WPS")
    assert hashes(out_dir(project)) == before
    run(project, "build", "-q")  # and the next build, with the file released, succeeds
    assert hashes(out_dir(project)) != before


def test_under_jobs_a_seed_whose_folder_is_blocked_stops_no_other(project):
    second = project / "seeds" / "second.txt"
    shutil.copy(SEED, second)
    (project / "output" / "second").write_text("a file in the way", encoding="utf-8")
    proc = run(project, "build", "--jobs", "2", check=False)
    one_error_line(proc, "output/second", "is a file")
    assert (out_dir(project) / "manifest.json").is_file()
    assert "failed 1" in proc.stderr


@pytest.mark.parametrize("name, value, words", [
    ("SOURCE_DATE_EPOCH", "tomorrow", ("not a number of seconds",)),
    ("BRIEFGEN_PAUSE_BETWEEN_WRITES", "soon", ("not a number of seconds",)),
    ("BRIEFGEN_CACHE", "{project}/seeds/" + SEED.name, ("is a file, not a folder", "set it empty")),
])
def test_a_bad_environment_variable_is_one_line_naming_it(project, name, value, words):
    before = hashes(out_dir(project))
    env = {**os.environ, name: value.format(project=project)}
    edit(project / "seeds" / SEED.name, *EDIT)
    for command in (("build",), ("outline",)):
        proc = run(project, *command, check=False, env=env)
        one_error_line(proc, name, *words)
    assert hashes(out_dir(project)) == before


# -- real small file systems (a tmpfs mounted for the test, where the machine allows it) ------------


def mount_tmpfs(folder: Path, size: str, *options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join((f"size={size}", *options)), "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); the injected faults above cover it")


@pytest.fixture()
def small_disk(project):
    disk = project / "disk"
    mount_tmpfs(disk, "8m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_full_disk_leaves_the_previous_outputs(project, small_disk):
    target = small_disk / "out"
    run(project, "build", f"seeds/{SEED.name}", "-o", str(target))
    before = hashes(target)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(0, free - 64 * 1024))
    edit(project / "seeds" / SEED.name, *EDIT)
    proc = run(project, "build", f"seeds/{SEED.name}", "-o", str(target), check=False)
    one_error_line(proc, "disk/out", "no space left")
    assert hashes(target) == before and no_temporary_files(target)


def test_a_read_only_disk_leaves_the_previous_outputs(project, small_disk):
    target = small_disk / "out"
    run(project, "build", f"seeds/{SEED.name}", "-o", str(target))
    before = hashes(target)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    edit(project / "seeds" / SEED.name, *EDIT)
    proc = run(project, "build", f"seeds/{SEED.name}", "-o", str(target), check=False)
    one_error_line(proc, "disk/out", "read-only")
    assert hashes(target) == before
