"""Parse time of the seed and the 100x seed (600 speeches), and of breaking their titles into lines.

The parser no longer breaks titles: the document stage does (briefgen.document.titles.display_titles,
at the style sheet's title width). Title breaking segments the long titles (no cache folder:
BRIEFGEN_CACHE=""), or takes their words from the cache of titles seen before (a warm cache
folder, as after any earlier build).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SEED, median, print_table, run_python, write_scaled_seed  # noqa: E402

CODE = """
import json, time, sys
t0 = time.perf_counter()
from briefgen.outline.decode import read_seed
from briefgen.outline.parse import parse_text
from pathlib import Path
from briefgen.document.titles import display_titles
from briefgen.project.folder import load_project
sheet = load_project(Path({root!r})).style  # the title width
t1 = time.perf_counter()
text = read_seed({path!r}).text
mode = {mode!r}
if mode == "jieba":
    import jieba, logging
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
t2 = time.perf_counter()
outline = parse_text(text)
t3 = time.perf_counter()
if mode != "plain":
    display_titles(outline, sheet)
t4 = time.perf_counter()
print(json.dumps({{"imports": t1 - t0, "startup": t2 - t1, "parse": t3 - t2, "titles": t4 - t3,
                  "speeches": len(outline.speeches)}}))
"""

MODES = [("plain", "parse, titles not broken", "none"),
         ("segment", "parse + title breaking, segmented", "none"),
         ("cached", "parse + title breaking, words cached", "warm"),
         ("jieba", "jieba.initialize() + parse + titles, segmented", "none")]


def measure(path: Path, mode: str, runs: int, cache: str) -> dict:
    """Return the medians of ``runs`` fresh processes parsing ``path`` in one mode."""
    code = CODE.format(root=str(ROOT), path=str(path), mode=mode)
    results = [run_python(code, env={"BRIEFGEN_CACHE": cache}) for _ in range(runs)]
    return {key: median([r[key] for r in results]) for key in ("imports", "startup", "parse", "titles", "wall")} | {
        "speeches": results[0]["speeches"]}


def bench(runs: int = 5) -> dict:
    """Measure parsing and title breaking and return the figures (also printed as a table)."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds = {"1x": SEED, "100x": write_scaled_seed(Path(tmp), 100)}
        warm = Path(tmp) / "cache"
        warm.mkdir()
        caches = {"none": "", "warm": str(warm)}
        rows, figures = [], {}
        for label, path in seeds.items():
            measure(path, "cached", 1, caches["warm"])  # fills the title token cache
            for mode, meaning, cache in MODES:
                found = measure(path, mode, runs, caches[cache])
                figures[f"{label}/{mode}"] = found
                rows.append([label, found["speeches"], meaning, found["parse"], found["titles"], found["startup"],
                             found["wall"]])
    print_table(f"Parsing (median of {runs} fresh processes, seconds)",
                ["seed", "speeches", "what", "parse", "titles", "start-up", "process wall"], rows)
    return figures


if __name__ == "__main__":
    bench()
