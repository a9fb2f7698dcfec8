"""Running briefgen's command line in a project folder, and reading back what a build left there."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.paths import EPOCH, SEED, THEMES


def run(folder: Path, *args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``briefgen ARGS`` in ``folder`` in a fresh process; with ``check``, assert it succeeded."""
    proc = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=folder, capture_output=True, text=True,
                          env=env)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def run_briefgen(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run the briefgen command in a fresh process with the test date and no cache folder."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": ""}
    proc = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=cwd, env=env, capture_output=True,
                          text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"briefgen {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def make_seed_project(folder: Path, themes: bool = True) -> Path:
    """Return ``folder`` made a project holding the bundled seed (and its theme file)."""
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / "seeds" / SEED.name)
    if themes:
        shutil.copy(THEMES, folder / "seeds" / THEMES.name)
    return folder


def build_pdf(folder: Path, seed: Path = SEED, *options: str) -> Path:
    """Build a project holding ``seed`` (bundled fonts only) and return its compilation PDF."""
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    if not (folder / "briefgen.toml").exists():
        (folder / "briefgen.toml").write_text("[fonts]\nsystem = false\n", encoding="utf-8")
    if seed.parent != folder / "seeds":
        shutil.copy(seed, folder / "seeds" / seed.name)
    run_briefgen(["build", "-o", "out", *options, f"seeds/{seed.name}"], folder)
    (pdf,) = (folder / "out").glob("*.pdf")
    return pdf


def hashes(folder: Path) -> dict[str, str]:
    """Return relative path -> sha256 of every file under ``folder``."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def actions(proc: subprocess.CompletedProcess) -> dict[str, str]:
    """Return output path -> what -v said about it ('up to date', 'built: speech 3 changed', ...)."""
    found = {}
    for line in proc.stderr.splitlines():
        parts = line.split(": ", 2)
        if len(parts) == 3 and parts[1].startswith("output/"):
            found[parts[1].split("/", 2)[2]] = parts[2]
    return found


def out_dir(project: Path) -> Path:
    """Return the output folder of the bundled seed in ``project``."""
    return project / "output" / SEED.stem


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a text file by ``new`` (asserting it is there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def manifest(project: Path) -> dict:
    """Return the bundled seed's manifest in ``project``."""
    return json.loads((out_dir(project) / "manifest.json").read_text(encoding="utf-8"))
