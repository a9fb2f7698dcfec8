"""The phases of a build, measured by running phases_driver.py in a fresh process of its own."""

from __future__ import annotations

from pathlib import Path

from runner.processes import run

DRIVER = Path(__file__).with_name("phases_driver.py")


def measure_phases(bench, factor: int, seed: Path, tag: str) -> None:
    """Build ``seed`` once through the phases driver and record each phase and the whole process."""
    done = run([bench.python, DRIVER, bench.project, seed, bench.project / f"out/driver-{tag}",
                bench.work / "imports.txt"], bench.project, bench.env)
    result = done.last_json()
    for name, value in result["phases"].items():
        bench.add(factor, f"phase: {name}", value)
    bench.add(factor, "phase: whole process", done.wall)
    bench.add(factor, "phase: in process", result["in_process"])
    bench.info[(factor, "pages")] = result["pages"]
    bench.info[(factor, "phases of")] = "compilation + briefs" if result["briefs"] else "compilation only"
