"""reportlab's Paragraph flow on the same text (bench_pdf.py's baseline): the floor of a reportlab PDF."""

from __future__ import annotations

from bench_pdf import BASELINE
from runner.processes import run


def measure_reportlab(bench, factor: int, first: bool) -> None:
    """Set the compilation seed's text with reportlab's Paragraph flow in a fresh process."""
    pdf = bench.work / f"reportlab-{factor}x.pdf"
    code = BASELINE.format(seed=str(bench.project / bench.seed("comp", factor)), out=str(pdf))
    done = run([bench.python, "-c", code], bench.project, bench.env)
    result = done.last_json()
    bench.add(factor, "reportlab: process", done.wall)
    bench.add(factor, "cpu: reportlab Paragraph flow", done.cpu)
    bench.add(factor, "reportlab: Paragraph flow", result["write"])
    if first:
        bench.info[(factor, "reportlab: pages")] = result["pages"]
        bench.info[(factor, "reportlab: PDF bytes")] = result["size"]
