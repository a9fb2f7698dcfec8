"""PDF time and size for the seed and the 100x seed: briefgen's writer against reportlab's plain
Paragraph flow on the same text (same page size and margins, same font files) as the baseline.

Every figure is the median of fresh processes. "write" is the PDF writer alone (layout done);
"job" is reading, parsing and laying out; "process" is the whole interpreter run, start-up included.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import COMPILATION_JOB, ROOT, SEED, median, print_table, run_command, run_python, write_scaled_seed  # noqa: E402

BRIEFGEN = COMPILATION_JOB + """
from briefgen.writers.pdf.writer import write_pdf
t2 = time.perf_counter()
data = write_pdf(job)
t3 = time.perf_counter()
print(json.dumps({{"job": t1 - t0, "import": t2 - t1, "write": t3 - t2, "pages": len(job.layout.pages),
                  "size": len(data)}}))
"""

# The baseline: what reportlab does out of the box with the same text and fonts.
BASELINE = """
import json, time
t0 = time.perf_counter()
from xml.sax.saxutils import escape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from briefgen.fonts.faces import bundled_face
from briefgen.outline.parse import parse_text
text = open({seed!r}, encoding="utf-8").read()
outline = parse_text(text)
t1 = time.perf_counter()
pdfmetrics.registerFont(TTFont("body", str(bundled_face("body").path)))
pdfmetrics.registerFont(TTFont("title", str(bundled_face("title").path)))
pdfmetrics.registerFont(TTFont("hei", str(bundled_face("hei").path)))
body = ParagraphStyle("body", fontName="body", fontSize=16, leading=28.95, firstLineIndent=32, wordWrap="CJK",
                      alignment=4)
title = ParagraphStyle("title", fontName="title", fontSize=22, leading=28.95, alignment=1, wordWrap="CJK")
head = ParagraphStyle("head", parent=body, fontName="hei")
story = []
for speech in outline.speeches:
    story.append(Paragraph(escape(speech.title), title))
    for paragraph in speech.intro:
        story.append(Paragraph(escape(paragraph.text), body))
    def add(point):
        story.append(Paragraph(escape(point.marker + point.heading), head))
        for paragraph in point.body:
            text = paragraph.text + "".join(s.marker + s.lead + s.text for s in paragraph.subpoints)
            story.append(Paragraph(escape(text), body))
        for child in point.points:
            add(child)
    for point in speech.points:
        add(point)
    story.append(PageBreak())
out = {out!r}
doc = SimpleDocTemplate(out, pagesize=(210 * mm, 297 * mm), leftMargin=28 * mm, rightMargin=26 * mm,
                        topMargin=37 * mm, bottomMargin=35 * mm, invariant=1)
doc.build(story)
t2 = time.perf_counter()
import os
print(json.dumps({{"job": t1 - t0, "write": t2 - t1, "pages": doc.page, "size": os.path.getsize(out)}}))
"""


def measure(code: str, runs: int, env: dict) -> dict:
    """Return the medians of ``runs`` fresh processes running ``code`` (after one to warm the caches)."""
    run_python(code, env)
    results = [run_python(code, env) for _ in range(runs)]
    keys = [k for k in results[0] if isinstance(results[0][k], float)]
    return {k: median([r[k] for r in results]) for k in keys} | {"pages": results[0]["pages"],
                                                                 "size": results[0]["size"]}


def build_wall(seed: Path, folder: Path, runs: int, env: dict) -> float:
    """Return the median wall time of `briefgen build` (DOCX, PDF and briefs) of a seed."""
    times = []
    for index in range(runs + 1):
        wall, _ = run_command([sys.executable, "-m", "briefgen", "build", "-o", str(folder / f"b{index}"), str(seed)],
                              cwd=ROOT, env={**env, "SOURCE_DATE_EPOCH": "1795824000"})
        times.append(wall)
    return median(times[1:])  # the first run warms the bytecode cache


def bench(runs: int = 5, big_runs: int = 3) -> dict:
    """Measure and print the table; return the figures."""
    rows, figures = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Measure as an installed briefgen runs: with compiled bytecode cached (kept out of the tree),
        # even where PYTHONDONTWRITEBYTECODE is set.
        env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        seeds = {"1x": (SEED, runs), "100x": (write_scaled_seed(folder, 100), big_runs)}
        for label, (seed, count) in seeds.items():
            ours = measure(BRIEFGEN.format(root=str(ROOT), seed=str(seed)), count, env)
            base = measure(BASELINE.format(seed=str(seed), out=str(folder / f"baseline-{label}.pdf")), count, env)
            figures[label] = {"briefgen": ours, "baseline": base}
            rows.append([label, "briefgen (grid, CID fonts)", ours["pages"], ours["job"], ours["write"], ours["wall"],
                         ours["size"] / 1e6])
            rows.append([label, "reportlab Paragraph flow", base["pages"], base["job"], base["write"], base["wall"],
                         base["size"] / 1e6])
        build = build_wall(SEED, folder, runs, env)
        figures["1x/build"] = build
    print_table(f"PDF of the seed (median of {runs} fresh processes; 100x: {big_runs}; seconds, MB)",
                ["seed", "renderer", "pages", "job", "write", "process", "MB"], rows)
    print(f"\n`briefgen build` of the seed (DOCX, PDF, briefs), whole process: {build:.3f} s")
    return figures


if __name__ == "__main__":
    bench()
