"""bench/results.json: every sample and median of a run, with what was measured and on what."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess

from common import ROOT
from runner.inputs import RESULTS

NOT_SAVED = ("text", "edited")  # the seed texts themselves


def source_state() -> dict:
    """Return the commit measured and whether src/ had uncommitted changes (others work in the same tree)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return ""
    return {"commit": git("rev-parse", "HEAD"), "src_changes": git("status", "--porcelain", "--", "src").splitlines()}


def write_results(bench, targets: list[dict]) -> None:
    """Write the run's figures to bench/results.json (git-ignored)."""
    results = {
        "when": dt.datetime.now().isoformat(timespec="seconds"), "source": source_state(),
        "quick": bench.quick, "factors": bench.factors, "runs": {str(k): v for k, v in bench.runs.items()},
        "cpus": os.cpu_count(), "load_averages": bench.loads, "seconds": bench.seconds,
        "python": platform.python_version(),
        "medians": {f"{f}x: {n}": statistics.median(v) for (f, n), v in bench.samples.items()},
        "samples": {f"{f}x: {n}": v for (f, n), v in bench.samples.items()},
        "info": {f"{f}x: {n}": v for (f, n), v in bench.info.items() if n not in NOT_SAVED},
        "imports": bench.imports, "notes": bench.notes, "targets": targets,
    }
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
