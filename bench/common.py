"""Helpers shared by the benchmarks: scaled seeds, timing in fresh processes, tables."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
CHINESE_DIGITS = "〇一二三四五六七八九"


# A fresh process's preamble for the writer benches: the seed's compilation job, timed as t0..t1.
COMPILATION_JOB = """
import json, os, time
t0 = time.perf_counter()
from pathlib import Path
from briefgen.project.folder import load_project
from briefgen.render import Renderer
from briefgen.outline.seeds import load_seed
project = load_project(Path({root!r}))
loaded = load_seed(Path({seed!r}))
renderer = Renderer(project, source=project.relative(loaded.path))
job = renderer.compilation(loaded.outline, project.config.document_date())
t1 = time.perf_counter()
"""


def chinese_count(value: int) -> str:
    """Return a number in Chinese digits (used to make repeated titles distinct)."""
    return "".join(CHINESE_DIGITS[int(d)] for d in str(value))


def scaled_seed(factor: int) -> str:
    """Return the seed with its speeches repeated ``factor`` times, each copy's title changed."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    from briefgen.outline.parse import parse_text

    outline = parse_text("\n".join(lines))
    starts = [s.line - 1 for s in outline.speeches]
    head = lines[: starts[0]]
    head[-1] = head[-1].replace(f"{len(starts)}篇", f"{len(starts) * factor}篇")
    blocks = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
    out = list(head)
    for copy in range(factor):
        for block in blocks:
            title = block[0] if copy == 0 else f"{block[0]}（之{chinese_count(copy + 1)}）"
            out += [title, *block[1:]]
    return "\n".join(out)


def write_scaled_seed(folder: Path, factor: int) -> Path:
    """Write the ``factor``-times seed into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"seed-{factor}x.txt"
    if not path.exists():
        path.write_text(scaled_seed(factor), encoding="utf-8")
    return path


def run_python(code: str, env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run ``code`` in a fresh interpreter that prints one JSON object; return it plus wall time and peak RSS."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.setdefault("wall", wall)
    return result


def run_command(args: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int]:
    """Run a command; return its wall time in seconds and the peak RSS of children so far in MB."""
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed: {proc.stderr[-2000:]}")
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def median(values: list[float]) -> float:
    """Return the median of ``values``."""
    return statistics.median(values)


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print a plain-text table."""
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
        if index == 0:
            print("  ".join("-" * w for w in widths))
