"""Time of the briefs of the seed (every theme, DOCX and PDF) and how much of it is jieba (Segmenter) start-up.

Each figure is the median of fresh processes building the bundled seed in a temporary project
whose briefgen.toml has a unit, a date and a 版记. Three cache states:

- warm:  the seed's sentence tokens are cached (a rebuild);
- cold:  an empty cache folder (a new or edited seed): one Segmenter is built for every sentence
         of the collection;
- none:  BRIEFGEN_CACHE="" (no cache folder at all): as cold, and the dictionary's total frequency
         is counted again in every process.

Run: .venv/bin/python bench/bench_briefs.py [--runs N] [--formats docx,pdf]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SEED, median, print_table, run_command, run_python  # noqa: E402

THEMES = SEED.with_name(SEED.stem + ".themes.toml")
CONFIG = ROOT / "briefgen.toml"  # the bundled project's: unit, date, brief footer

# One process: the whole build_seed, with the brief part and the Segmenter timed inside it.
CODE = """
import json, time
t0 = time.perf_counter()
from pathlib import Path
from briefgen.briefs import maker as briefs
from briefgen.words import segment
from briefgen.build.builder import build_seed
from briefgen.project.folder import load_project
t1 = time.perf_counter()
timers = {{"segmenter": 0.0, "tokens": 0.0, "briefs": 0.0, "brief_writers": 0.0, "planning": 0.0}}
in_sentences = [False]  # titles are segmented too (the compilation's): count only the sentences' Segmenter

class TimedSegmenter(segment.Segmenter):
    def __init__(self, text):
        started = time.perf_counter()
        super().__init__(text)
        if in_sentences[0]:
            timers["segmenter"] += time.perf_counter() - started

segment.Segmenter = TimedSegmenter
sentence_tokens = briefs.sentence_tokens
def timed_sentence_tokens(texts):
    started = time.perf_counter()
    in_sentences[0] = True
    try:
        return sentence_tokens(texts)
    finally:
        in_sentences[0] = False
        timers["tokens"] += time.perf_counter() - started
briefs.sentence_tokens = timed_sentence_tokens
make_briefs = briefs.make_briefs
def timed_make_briefs(*args, **kwargs):
    started = time.perf_counter()
    try:
        return make_briefs(*args, **kwargs)
    finally:
        timers["briefs"] += time.perf_counter() - started
briefs.make_briefs = timed_make_briefs
from briefgen.build import plans
plan_briefs = plans.plan_briefs
def timed_plan_briefs(*args, **kwargs):
    started = time.perf_counter()
    targets = plan_briefs(*args, **kwargs)
    timers["planning"] = time.perf_counter() - started
    for target in targets:
        def timed_render(render=target.render):
            begun = time.perf_counter()
            try:
                return render()
            finally:
                timers["brief_writers"] += time.perf_counter() - begun
        target.render = timed_render
    return targets
plans.plan_briefs = timed_plan_briefs
import briefgen.build.builder
root = Path({root!r})
project = load_project(root)
t2 = time.perf_counter()
result = build_seed(root / "seeds" / {seed!r}, root / "out", project, formats={formats!r}, force=True)
t3 = time.perf_counter()
count = sum(1 for o in result.outputs if o.kind == "brief")
print(json.dumps({{"imports": t1 - t0, "build": t3 - t2,
                  "briefs_total": timers["planning"] + timers["brief_writers"],
                  "selection_layout": timers["briefs"] - timers["tokens"], "tokens": timers["tokens"],
                  "segmenter": timers["segmenter"],
                  "brief_writers": timers["brief_writers"], "brief_files": count}}))
"""


def make_project(folder: Path) -> Path:
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / "seeds" / SEED.name)
    shutil.copy(THEMES, folder / "seeds" / THEMES.name)
    shutil.copy(CONFIG, folder / "briefgen.toml")
    return folder


def measure(root: Path, formats: tuple[str, ...], runs: int, cache: str, env_for) -> dict:
    """Return the medians of ``runs`` fresh build processes in one cache state."""
    results = []
    for _ in range(runs):
        env = env_for(cache)
        results.append(run_python(CODE.format(root=str(root), seed=SEED.name, formats=formats), env=env))
    keys = ("imports", "build", "briefs_total", "selection_layout", "tokens", "segmenter", "brief_writers", "wall")
    return {key: median([r[key] for r in results]) for key in keys} | {"brief_files": results[0]["brief_files"]}


def bench(runs: int = 5, formats: tuple[str, ...] = ("docx", "pdf")) -> dict:
    """Measure the briefs of the seed in each cache state and print a table."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = make_project(base / "project")

        def env_for(cache: str) -> dict:
            if cache == "none":
                return {"BRIEFGEN_CACHE": ""}
            folder = base / f"cache-{cache}"
            if cache == "cold":  # every sentence is segmented afresh
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
            return {"BRIEFGEN_CACHE": str(folder)}

        warm = base / "cache-warm"
        warm.mkdir()
        run_python(CODE.format(root=str(root), seed=SEED.name, formats=formats), env={"BRIEFGEN_CACHE": str(warm)})
        figures, rows = {}, []
        for cache in ("warm", "cold", "none"):
            found = measure(root, formats, runs, cache, env_for)
            figures[cache] = found
            rows.append([cache, found["brief_files"], found["briefs_total"], found["selection_layout"],
                         found["brief_writers"], found["tokens"], found["segmenter"], found["build"], found["wall"]])
        cli = [run_command([sys.executable, "-m", "briefgen", "build", "--force"], cwd=root,
                           env={"BRIEFGEN_CACHE": str(warm)})[0] for _ in range(runs)]
        figures["cli_warm"] = median(cli)
    print_table(f"Briefs of the seed, {'+'.join(formats)} (median of {runs} fresh processes, seconds)",
                ["cache", "files", "briefs", "select+layout", "writers", "tokens", "of which Segmenter",
                 "whole build_seed", "process wall"], rows)
    print(f"\n`briefgen build --force` (compilation + briefs, warm cache), process wall: {figures['cli_warm']:.3f} s "
          f"(target 0.9 s)")
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default="docx,pdf")
    args = parser.parse_args()
    bench(args.runs, tuple(args.formats.split(",")))
