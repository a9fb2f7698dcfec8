"""The seed size limit (briefgen.outline.decode.MAX_SEED_CHARS, MAX_SEED_BYTES): peak memory and wall time of
`briefgen build` on the 10x and 100x seeds and on the largest seeds the limit accepts, and how
quickly a 20 MB seed is refused.

Every build is `python -m briefgen build` in a fresh process, run by a fresh wrapper process whose
children's peak RSS (getrusage) is the largest of the build and its worker processes. Each seed
is built twice: compilation only, then with the bundled seed's theme file (eight briefs) as
well. The largest seed is measured three times: as the seed's Chinese text, with its paragraphs
in Latin words, and with them in single letters between spaces (every character a word of its
own: the most words, and so the most memory for the briefs, a seed of that length can hold).
One build of the seed first fills the cache folder as any earlier build would; token caches of
the measured seeds start cold.
The limit holds when the largest accepted seed stays under BOUND_MB.

Run: .venv/bin/python bench/bench_limits.py [--quick]   (--quick: 10x and the refusal only)
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEED, print_table, run_python, scaled_seed, write_scaled_seed  # noqa: E402

from briefgen.outline.decode import MAX_SEED_BYTES, MAX_SEED_CHARS  # noqa: E402

BOUND_MB = 400  # the project's memory target for a build
MB = 1e6
THEMES = SEED.with_name(SEED.stem + ".themes.toml")

BUILD = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.run([sys.executable, "-m", "briefgen", "build", "-q", "--force", {seed!r}, "-o", {out!r}],
                      cwd={cwd!r}, capture_output=True, text=True)
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "status": proc.returncode, "stderr": proc.stderr.strip()[-300:]}}))
"""


def build(project: Path, seed: Path, cache: Path) -> dict:
    """Build ``seed`` in a fresh process; return its wall time, peak RSS, exit status and last words."""
    out = project / "out" / seed.stem
    shutil.rmtree(out, ignore_errors=True)
    env = {"BRIEFGEN_CACHE": str(cache), "SOURCE_DATE_EPOCH": "1795824000"}
    return run_python(BUILD.format(seed=str(seed), out=str(out), cwd=str(project)), env=env, cwd=project)


LATIN_WORDS = ("the of and to in is that for it as was with be by on not this are or from at which but have an they "
               "were there would their we been has when who will more no if out so what up its about into than them "
               "can only other new some could time these two may then first any now such like over even most made "
               "after also did many before must through back years where much way well down should because each").split()


def latin_words(length: int, seed: int) -> str:
    """Return Latin words (an English-like text) of ``length`` characters."""
    words, size = [], 0
    while size < length:
        word = LATIN_WORDS[(seed * 7 + len(words) * 13) % len(LATIN_WORDS)]
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[: length - 1] + "."


def single_letters(length: int, seed: int) -> str:
    """Return letters between spaces, ``length`` characters: every character is a word of its own."""
    return " ".join("abcdefghijklmnopqrstuvwxyz"[(seed + i) % 26] for i in range((length + 1) // 2))[:length]


def twin(path: Path, fill, name: str) -> Path:
    """Write the seed with every paragraph (a line over 100 characters) replaced by ``fill`` text of the
    same number of characters; titles stay as they are."""
    lines = [fill(len(line), index) if len(line) > 100 else line
             for index, line in enumerate(path.read_text(encoding="utf-8").split("\n"))]
    found = path.with_name(f"{path.stem}-{name}.txt")
    found.write_text("\n".join(lines), encoding="utf-8")
    return found


def largest_accepted(folder: Path) -> tuple[int, Path]:
    """Return the largest scale factor of the seed whose text the limit accepts, and that file."""
    factor = MAX_SEED_CHARS // len(scaled_seed(1)) + 1
    while True:
        path = write_scaled_seed(folder, factor)
        if len(path.read_text(encoding="utf-8")) <= MAX_SEED_CHARS and path.stat().st_size <= MAX_SEED_BYTES:
            return factor, path
        path.unlink()
        factor -= 1


def oversized(folder: Path, size: int) -> Path:
    """Write a seed of at least ``size`` bytes (the seed's speeches repeated) and return it."""
    factor = int(size // len(scaled_seed(1).encode("utf-8"))) + 1
    return write_scaled_seed(folder, factor)


def bench(quick: bool = False) -> dict:
    """Measure, print the table and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        project, cache = Path(tmp) / "project", Path(tmp) / "cache"
        seeds = project / "seeds"
        seeds.mkdir(parents=True)
        cache.mkdir()
        warm = write_scaled_seed(seeds, 1)
        build(project, warm, cache)  # the cache folder as any earlier build leaves it
        cases = [("10x", write_scaled_seed(seeds, 10))]
        if not quick:
            cases.append(("100x", write_scaled_seed(seeds, 100)))
            factor, path = largest_accepted(seeds)
            cases.append((f"limit ({factor}x)", path))
            cases.append(("limit, Latin words", twin(path, latin_words, "latin")))
            cases.append(("limit, single letters", twin(path, single_letters, "letters")))
        rows, figures = [], {}
        for label, path in cases:
            for briefs in (False, True):
                themes = path.with_name(path.stem + ".themes.toml")
                if briefs:
                    shutil.copy(THEMES, themes)
                found = build(project, path, cache)
                themes.unlink(missing_ok=True)
                if found["status"] != 0:
                    raise RuntimeError(f"{label}: {found['stderr']}")
                name = f"{label}{' + briefs' if briefs else ''}"
                figures[name] = found
                rows.append([name, f"{path.stat().st_size / MB:.2f}", f"{len(path.read_text(encoding='utf-8')):,}",
                             found["seconds"], round(found["rss_mb"]), "yes" if found["rss_mb"] < BOUND_MB else "NO"])
        big = oversized(seeds, 20_000_000)
        refused = build(project, big, cache)
        assert refused["status"] == 2 and "refused" in refused["stderr"], refused
        figures["20 MB"] = refused
        rows.append(["20 MB (refused)", f"{big.stat().st_size / MB:.2f}", "", refused["seconds"],
                     round(refused["rss_mb"]), "yes" if refused["rss_mb"] < BOUND_MB else "NO"])
    print_table(f"briefgen build, fresh processes (limit {MAX_SEED_CHARS:,} characters, files over "
                f"{MAX_SEED_BYTES / 1e6:.0f} MB refused unread; bound {BOUND_MB} MB)",
                ["seed", "MB", "characters", "wall s", "peak RSS MB", f"< {BOUND_MB} MB"], rows)
    print(f"\nrefusal of the 20 MB seed: {refused['stderr']}")
    return figures


if __name__ == "__main__":
    result = bench(quick="--quick" in sys.argv[1:])
    if "--json" in sys.argv[1:]:
        print(json.dumps(result, indent=2))
