"""DOCX time and size for the seed and the 100x seed: briefgen's writer (XML written directly) against
python-docx building the same paragraphs with the same styles as the baseline.

Every figure is the median of fresh processes. "import" is importing the writer (python-docx for the
baseline), "write" the DOCX writer alone (layout done), "job" reading, parsing and laying out;
"process" is the whole interpreter run, start-up included. On "size" for the 100x seed: it is the
seed repeated 100 times; python-docx's XML of one copy (about 30 KB) fits deflate's 32 KB window, so
the copies compress away, while briefgen's (about 50 KB: run properties, bookmarks) does not.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import COMPILATION_JOB, ROOT, SEED, median, print_table, run_python, write_scaled_seed  # noqa: E402

BRIEFGEN = COMPILATION_JOB + """
from briefgen.writers.docx.writer import write_docx
t2 = time.perf_counter()
data = write_docx(job)
t3 = time.perf_counter()
print(json.dumps({{"job": t1 - t0, "import": t2 - t1, "write": t3 - t2, "pages": len(job.layout.pages),
                  "size": len(data)}}))
"""

# The baseline: python-docx adding the same blocks as paragraphs with named styles and East Asian
# fonts (what the writer would have to do through python-docx, before removing its template's extras).
BASELINE = COMPILATION_JOB + """
import io
import docx
from docx.oxml.ns import qn
from docx.shared import Pt
t2 = time.perf_counter()
document = docx.Document()
for name, style in job.sheet.styles.items():
    word = document.styles.add_style(style.word_name, 1)
    word.font.size = Pt(style.size_pt)
    word.font.name = job.sheet.fonts["latin"]
    word.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), job.sheet.fonts[style.font])
for _section, block in job.document.iter_blocks():
    paragraph = document.add_paragraph(style=job.sheet.style(block.style).word_name)
    for run in block.runs:
        paragraph.add_run(run.text)
out = io.BytesIO()
document.save(out)
t3 = time.perf_counter()
print(json.dumps({{"job": t1 - t0, "import": t2 - t1, "write": t3 - t2, "pages": len(job.layout.pages),
                  "size": len(out.getvalue())}}))
"""


def measure(code: str, runs: int, env: dict) -> dict:
    """Return the medians of ``runs`` fresh processes running ``code`` (after one to warm the caches)."""
    run_python(code, env)
    results = [run_python(code, env) for _ in range(runs)]
    keys = [k for k in results[0] if isinstance(results[0][k], float)]
    return {k: median([r[k] for r in results]) for k in keys} | {"pages": results[0]["pages"],
                                                                 "size": results[0]["size"]}


def bench(runs: int = 5, big_runs: int = 3) -> dict:
    """Measure and print the table; return the figures."""
    rows, figures = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # As an installed briefgen runs: compiled bytecode cached (outside the tree).
        env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        seeds = {"1x": (SEED, runs), "100x": (write_scaled_seed(folder, 100), big_runs)}
        for label, (seed, count) in seeds.items():
            ours = measure(BRIEFGEN.format(root=str(ROOT), seed=str(seed)), count, env)
            base = measure(BASELINE.format(root=str(ROOT), seed=str(seed)), count, env)
            figures[label] = {"briefgen": ours, "python-docx": base}
            for name, found in (("briefgen (XML text)", ours), ("python-docx, paragraphs only", base)):
                rows.append([label, name, found["pages"], found["job"], found["import"], found["write"],
                             found["wall"], found["size"] / 1e6])
    print_table(f"DOCX (median of {runs} fresh processes for 1x, {big_runs} for 100x; seconds, MB)",
                ["seed", "writer", "pages", "job", "import", "write", "process", "size"], rows)
    return figures


if __name__ == "__main__":
    bench()
