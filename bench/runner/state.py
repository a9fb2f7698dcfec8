"""The state of one bench run: its work folder, the environments its processes run in, the samples taken."""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from runner.inputs import EPOCH
from runner.processes import Done, run


def is_installed(module: str) -> bool:
    """Return whether a Python package can be imported (without importing it)."""
    return importlib.util.find_spec(module) is not None


@dataclass
class Bench:
    """The work folder, environments and collected samples of one run."""

    work: Path
    factors: list[int]
    runs: dict[int, int]
    quick: bool
    samples: dict = field(default_factory=dict)  # (factor, name) -> list of floats
    info: dict = field(default_factory=dict)  # (factor, name) -> value
    notes: list[str] = field(default_factory=list)
    loads: list[tuple[float, float, float]] = field(default_factory=list)
    seconds: float = 0.0
    imports: dict = field(default_factory=dict)  # what a real build imports (runner/imports.py)
    office_env: dict = field(default_factory=dict)  # LibreOffice's: the private fontconfig (compare_office.py)
    records: dict = field(default_factory=dict)  # (seed, out) -> the file of its quick-check record (builds.py)

    def __post_init__(self):
        self.project = self.work / "project"
        self.duplex_project = self.work / "project-duplex"  # the same seeds printed on both sides (issue 13)
        self.python = sys.executable
        script = Path(sys.executable).with_name("briefgen")
        self.briefgen = [str(script)] if script.is_file() else [sys.executable, "-m", "briefgen"]
        # As an installed briefgen runs: from compiled bytecode (kept in the work folder, as
        # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile it in every process).
        self.env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(self.work / "pycache"),
                    "SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": str(self.work / "cache-warm")}
        self.env.pop("BRIEFGEN_SOFFICE", None)
        self.cold_count = 0
        self.pandoc = shutil.which("pandoc")
        self.soffice = shutil.which(os.environ.get("BRIEFGEN_SOFFICE", "soffice")) or shutil.which("libreoffice")
        self.office = bool(self.pandoc and self.soffice)
        self.typst = is_installed("typst")
        self.reportlab = is_installed("reportlab")

    def add(self, factor: int, name: str, value: float) -> None:
        """Record one sample of a measurement."""
        self.samples.setdefault((factor, name), []).append(value)

    def median(self, factor: int, name: str) -> float | None:
        """Return the median of a measurement's samples, or None when it was not taken."""
        found = self.samples.get((factor, name))
        return statistics.median(found) if found else None

    def spread(self, factor: int, name: str) -> tuple[float, float] | None:
        """Return the lowest and highest sample of a measurement taken more than once."""
        found = self.samples.get((factor, name))
        return (min(found), max(found)) if found and len(found) > 1 else None

    def cold_env(self) -> dict:
        """Return the environment of a run with an empty cache folder of its own."""
        self.cold_count += 1
        folder = self.work / f"cache-cold-{self.cold_count}"
        folder.mkdir()
        return {**self.env, "BRIEFGEN_CACHE": str(folder)}

    def seed(self, kind: str, factor: int) -> Path:
        """Return the seed path (relative to the project) of a kind: "full" has a theme file, "comp" an empty
        one (no briefs)."""
        return Path(kind) / f"seed-{factor}x.txt"

    def with_briefs(self, factor: int, index: int) -> bool:
        """Return whether repetition ``index`` builds the seed with its briefs: at 100x only the first
        (a build takes about a minute), and none with --quick."""
        return factor < 100 or (index == 0 and not self.quick)

    def build(self, seed: Path, out: str, env: dict | None = None, extra: tuple = (), sample: bool = False) -> Done:
        """Run `briefgen build SEED -o OUT` in the project folder."""
        return run([*self.briefgen, "build", str(seed), "-o", out, *extra], self.project, env or self.env, sample)

    def build_duplex(self, out: str) -> Done:
        """Run `briefgen build` of the seed with its briefs in the duplex project folder."""
        return run([*self.briefgen, "build", str(self.seed("full", 1)), "-o", out], self.duplex_project, self.env)
