"""A build killed at any moment (SIGKILL) leaves every file either old or new and matching its manifest."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from support.cli import edit, out_dir, run
from support.paths import SEED

DELAYS = [0.1 * i for i in range(24)]  # spread over a whole rebuild, its write phase widened
PAUSE = "0.05"


def check_consistent(folder: Path) -> None:
    """Assert the manifest describes what is on disk and no listed file is truncated."""
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = set()
    for entry in data["outputs"]:
        path = folder / entry["path"]
        listed.add(entry["path"])
        allowed = {entry["sha256"]}
        if data["state"] == "updating" and "previous_sha256" in entry:
            allowed.add(entry["previous_sha256"])
        actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
        assert actual in allowed, (entry["path"], data["state"])
        if not path.exists():
            continue
        content = path.read_bytes()
        if path.suffix == ".pdf":
            assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
        elif path.suffix == ".json":
            json.loads(content)
    strays = [p for p in folder.rglob("*") if p.is_file() and str(p.relative_to(folder)) not in listed
              and p.name != "manifest.json" and not p.name.startswith(".briefgen-tmp-")]
    assert not strays


def test_killed_builds_never_leave_a_truncated_or_mismatched_file(project, monkeypatch):  # noqa: F811
    monkeypatch.setenv("BRIEFGEN_PAUSE_BETWEEN_WRITES", PAUSE)
    seed = project / "seeds" / SEED.name
    versions = ("今年为县乡机关招录公务员3666人", "今年为县乡机关招录公务员3667人")
    states = []
    for turn, delay in enumerate(DELAYS):
        edit(seed, versions[turn % 2], versions[(turn + 1) % 2])
        proc = subprocess.Popen([sys.executable, "-m", "briefgen", "build", "-q", "--jobs", "1"], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        check_consistent(out_dir(project))
        states.append(json.loads((out_dir(project) / "manifest.json").read_text(encoding="utf-8"))["state"])
    # The kills landed before, inside and after write phases, not all in one of them.
    assert "updating" in states and "complete" in states
    monkeypatch.delenv("BRIEFGEN_PAUSE_BETWEEN_WRITES")
    run(project, "build", "-q")
    check_consistent(out_dir(project))
    assert json.loads((out_dir(project) / "manifest.json").read_text(encoding="utf-8"))["state"] == "complete"
    assert not list(out_dir(project).rglob(".briefgen-tmp-*"))
    final = run(project, "build", "-v", "--force")
    assert "built 19" in final.stderr
