"""The order of one bench run: set-up, then every measurement once per repetition, round-robin, then memory.

Measurements of one repetition run one after another and repetitions take turns, so a change of
machine load reaches every column alike; the load average is recorded at each repetition.
"""

from __future__ import annotations

import os
import time

from runner.builds import (
    measure_compilation_builds,
    measure_duplex_build,
    measure_full_builds,
    measure_outline,
    measure_pdf_only,
    measure_rebuilds,
    record_sizes,
)
from runner.compare_office import measure_office
from runner.compare_reportlab import measure_reportlab
from runner.compare_typst import measure_typst
from runner.memory import measure_memory
from runner.phases import measure_phases
from runner.prepare import prepare
from runner.processes import run

STARTS_PER_REPETITION = 3  # `python -c pass` is short: a few starts make its median steady


def run_all(bench) -> None:
    """Prepare the work folder, run every repetition of every factor, then the memory builds."""
    started = time.perf_counter()
    print(f"work folder {bench.work}; load average {os.getloadavg()[0]:.2f}", flush=True)
    prepare(bench)
    for factor in bench.factors:
        for index in range(bench.runs[factor]):
            print(f"  {factor}x: run {index + 1} of {bench.runs[factor]} ...", flush=True)
            repetition(bench, factor, index)
        measure_memory(bench, factor)
    bench.loads.append(os.getloadavg())
    bench.seconds = time.perf_counter() - started


def repetition(bench, factor: int, index: int) -> None:
    """Run every measurement of one factor once."""
    first = index == 0
    with_briefs = bench.with_briefs(factor, index)
    full, comp = bench.seed("full", factor), bench.seed("comp", factor)
    bench.loads.append(os.getloadavg())
    tag = f"{factor}-{index}"
    if with_briefs:
        measure_full_builds(bench, factor, index, tag)
        if factor == 1:
            measure_duplex_build(bench, tag)
    measure_compilation_builds(bench, factor, tag)
    measure_pdf_only(bench, factor, tag)
    measure_outline(bench, factor)
    measure_interpreter_start(bench, factor)
    # The phases of the same kind of build in every repetition of a factor: with briefs where the
    # factor has them (at 100x one repetition), else the compilation alone.
    if with_briefs or not bench.with_briefs(factor, 0):
        measure_phases(bench, factor, full if with_briefs else comp, tag)
    if bench.typst:
        measure_typst(bench, factor, first)
    if bench.reportlab:
        measure_reportlab(bench, factor, first)
    if bench.office:
        measure_office(bench, factor, tag, first)
    kinds = [("full", full, f"out/full-{tag}")] if with_briefs else []
    kinds.append(("comp", comp, f"out/comp-{tag}"))
    measure_rebuilds(bench, factor, index, kinds)
    if first:
        record_sizes(bench, factor, kinds)


def measure_interpreter_start(bench, factor: int) -> None:
    """Time a bare `python -c pass`, the floor of every process here, beside the factor's other runs."""
    for _ in range(STARTS_PER_REPETITION):
        bench.add(factor, "python -c pass", run([bench.python, "-c", "pass"], bench.work, bench.env).wall)
