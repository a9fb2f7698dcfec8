"""briefgen against the alternatives, on the seed and on 10x and 100x seeds, with its targets checked.

Run: .venv/bin/python bench/run.py [--quick] [--factors 1,10,100] [--keep DIR]

What one run measures (every figure the median of fresh processes, whole-process wall time unless
it says otherwise), for the seed (1x) and seeds with its speeches repeated 10 and 100 times
(bench/common.py scaled_seed); the parts live in bench/runner/:

- briefgen, compilation + briefs (the seed beside its theme file), runner/builds.py: `briefgen build`
  into an empty output folder with the cache folder ($BRIEFGEN_CACHE: title and sentence tokens,
  the dictionary's total) warm and cold (an empty folder each run); `briefgen build` again right
  after the build (the manifest's content hashes decide) and again a second or more later (the
  command line's quick check of file times decides); a rebuild after one sentence of one speech changed;
- briefgen printing on both sides (issue 13), runner/builds.py: the seed with its briefs built into an
  empty folder in a second project whose briefgen.toml adds `duplex = true` and
  `speeches_start_right = true`, beside the simplex build of the same repetition;
- briefgen, compilation only (an empty theme file: no briefs): the same builds, `--jobs 1`, the PDF alone
  (`briefgen build --format pdf`: no DOCX writer, no click), `briefgen outline --format json`;
- phases, runner/phases_driver.py: the library's SeedBuild.run in one process with exclusive timers
  around its stages, after importing, timed, click and the briefgen modules a real build imports
  (runner/imports.py reads them from an import profile of one), then each writer;
- the start of a bare interpreter (`python -c pass`) in every repetition, which the imports are
  set against so that machine load shows;
- peak memory, runner/memory.py: the RSS summed over the process and its forked workers, sampled
  every 5 ms (pages shared after fork count twice, so this is an upper bound), in separate runs;
- the alternatives on the same text, runner/compare_*.py: pandoc (Markdown from `briefgen outline
  --format md`, briefgen's own DOCX as --reference-doc) then LibreOffice (`soffice --headless
  --convert-to pdf`, a private profile created before timing, the bundled fonts through a private
  fontconfig); reportlab's Paragraph flow (bench_pdf.py's baseline: the floor of a reportlab PDF);
  Typst (PyPI `typst`, bench/official.typ: A4, margins 37/35/28/26 mm, 16 pt FangSong, 2 em indent,
  justified, 22 pt centred titles on briefgen's title lines, a contents page, page numbers; the
  bundled font files, system fonts ignored).

briefgen runs as an installed copy does: from compiled bytecode (PYTHONPYCACHEPREFIX in the work
folder, warmed by one untimed build of each seed, as PYTHONDONTWRITEBYTECODE=1 would otherwise
recompile it in every process). SOURCE_DATE_EPOCH is fixed, so every output is the same bytes
each run. Measurements of one repetition run one after another, repetitions round-robin
(runner/schedule.py), so a change of machine load reaches every column alike; the load average is
recorded.

Prints the tables and the targets (runner/targets.py, pass/fail), writes bench/results.json
(git-ignored).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT  # noqa: E402
from runner.inputs import RESULTS  # noqa: E402
from runner.report import report  # noqa: E402
from runner.results import write_results  # noqa: E402
from runner.schedule import run_all  # noqa: E402
from runner.state import Bench  # noqa: E402

RUNS = {"default": {1: 5, 10: 3, 100: 3}, "quick": {1: 3, 10: 1, 100: 1}}  # repetitions per factor


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (1x: 3, 10x and 100x: 1), "
                        "no compilation + briefs at 100x")
    parser.add_argument("--factors", default="1,10,100", help="seed sizes to build (default 1,10,100)")
    parser.add_argument("--keep", type=Path, help="keep the work folder here (default: a temporary folder)")
    return parser.parse_args()


def main() -> None:
    """Run the bench in a work folder, print the report, write bench/results.json."""
    args = parse_args()
    factors = sorted({int(f) for f in args.factors.split(",")})
    runs = RUNS["quick" if args.quick else "default"]
    runs = {f: runs.get(f, runs[10]) for f in factors}
    for name, found in (("pandoc", shutil.which("pandoc")),
                        ("LibreOffice (soffice)", shutil.which(os.environ.get("BRIEFGEN_SOFFICE", "soffice")))):
        if not found:
            print(f"{name} is not installed: the pandoc + LibreOffice column is skipped", flush=True)
    if args.keep:
        if args.keep.exists():
            sys.exit(f"{args.keep} exists: name a new folder")
        args.keep.mkdir(parents=True)
        folder, cleanup = args.keep, None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="briefgen-bench-")
        folder = Path(cleanup.name)
    try:
        bench = Bench(folder.resolve(), factors, runs, args.quick)
        run_all(bench)
        text, targets = report(bench)
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    print("\n" + text)
    write_results(bench, targets)
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
