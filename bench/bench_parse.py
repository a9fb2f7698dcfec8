"""Parse time of the seed and the 100x seed (600 speeches), with and without title segmentation.

Title breaking segments the long titles (no cache folder: BRIEFGEN_CACHE=""), or takes their
words from the cache of titles seen before (a warm cache folder, as after any earlier build).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEED, median, print_table, run_python, write_scaled_seed  # noqa: E402

CODE = """
import json, time, sys
t0 = time.perf_counter()
from briefgen.outline.decode import read_seed
from briefgen.outline.parse import parse_text
t1 = time.perf_counter()
text = read_seed({path!r}).text
mode = {mode!r}
if mode == "jieba":
    import jieba, logging
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
t2 = time.perf_counter()
if mode == "plain":
    outline = parse_text(text)
else:
    outline = parse_text(text)
t3 = time.perf_counter()
print(json.dumps({{"imports": t1 - t0, "startup": t2 - t1, "parse": t3 - t2, "speeches": len(outline.speeches)}}))
"""


def measure(path: Path, mode: str, runs: int, cache: str) -> dict:
    results = [run_python(CODE.format(path=str(path), mode=mode), env={"BRIEFGEN_CACHE": cache})
               for _ in range(runs)]
    return {key: median([r[key] for r in results]) for key in ("imports", "startup", "parse", "wall")} | {
        "speeches": results[0]["speeches"]}


def bench(runs: int = 5) -> dict:
    """Measure parsing and return the figures (also printed as a table)."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds = {"1x": SEED, "100x": write_scaled_seed(Path(tmp), 100)}
        warm = Path(tmp) / "cache"
        warm.mkdir()
        rows, figures = [], {}
        for label, path in seeds.items():
            run_python(CODE.format(path=str(path), mode="cached"), env={"BRIEFGEN_CACHE": str(warm)})
            for mode, meaning, cache in [("plain", "parse, titles not broken", ""),
                                         ("segment", "parse + title breaking, segmented", ""),
                                         ("cached", "parse + title breaking, words cached", str(warm)),
                                         ("jieba", "jieba.initialize() + parse, segmented", "")]:
                found = measure(path, mode, runs, cache)
                figures[f"{label}/{mode}"] = found
                rows.append([label, found["speeches"], meaning, found["parse"], found["startup"], found["wall"]])
    print_table(f"Parsing (median of {runs} fresh processes, seconds)",
                ["seed", "speeches", "what", "parse", "start-up", "process wall"], rows)
    return figures


if __name__ == "__main__":
    bench()
