"""briefgen's own measurements in one repetition: builds of the seed with and without its briefs, the
PDF alone, the outline, no-op rebuilds, a rebuild after one sentence changed, and the output sizes."""

from __future__ import annotations

import time
from pathlib import Path

from runner.processes import built_count, run

EDIT = "，切实推动各项工作落地见效"  # inserted before the first 。 of one paragraph of speech 3


def edited(text: str, outline) -> str:
    """Return the seed text with one sentence of speech 3 (or the last speech) changed."""
    speech = outline.speeches[min(2, len(outline.speeches) - 1)]
    paragraphs = list(speech.intro) or [p for point in speech.points for p in point.body]
    line = paragraphs[0].line - 1
    lines = text.split("\n")
    stop = lines[line].find("。")
    lines[line] = lines[line][:stop] + EDIT + lines[line][stop:] if stop >= 0 else lines[line] + EDIT
    return "\n".join(lines)


def measure_full_builds(bench, factor: int, index: int, tag: str) -> None:
    """Build the seed with its briefs into an empty folder (cache warm, then cold) and again at once."""
    full = bench.seed("full", factor)
    done = bench.build(full, f"out/full-{tag}")
    bench.add(factor, "full: build, warm cache", done.wall)
    bench.add(factor, "cpu: full build, warm cache", done.cpu)
    if index == 0:
        bench.info[(factor, "full: outputs")] = built_count(done)
    forget_quick_check(bench, full, f"out/full-{tag}")
    done = bench.build(full, f"out/full-{tag}")
    bench.add(factor, "full: no-op right after (hashes)", done.wall)
    assert built_count(done) == 0, done.stderr
    if factor < 100:  # a cold build with briefs at 100x takes a minute
        done = bench.build(full, f"out/full-cold-{tag}", env=bench.cold_env())
        bench.add(factor, "full: build, cold cache", done.wall)


def measure_duplex_build(bench, tag: str) -> None:
    """Build the seed with its briefs printed on both sides (blank pages, mirrored margins, speeches on
    right-hand pages) into an empty folder, beside the simplex build of the same repetition."""
    bench.add(1, "full: build, duplex", bench.build_duplex(f"out/duplex-{tag}").wall)


def measure_compilation_builds(bench, factor: int, tag: str) -> None:
    """Build the seed without its theme file: cache warm, no-op at once, cache cold, --jobs 1."""
    comp = bench.seed("comp", factor)
    done = bench.build(comp, f"out/comp-{tag}")
    bench.add(factor, "comp: build, warm cache", done.wall)
    bench.add(factor, "cpu: compilation build, warm cache", done.cpu)
    forget_quick_check(bench, comp, f"out/comp-{tag}")
    done = bench.build(comp, f"out/comp-{tag}")
    bench.add(factor, "comp: no-op right after (hashes)", done.wall)
    done = bench.build(comp, f"out/comp-cold-{tag}", env=bench.cold_env())
    bench.add(factor, "comp: build, cold cache", done.wall)
    done = bench.build(comp, f"out/comp-j1-{tag}", extra=("--jobs", "1"))
    bench.add(factor, "comp: build --jobs 1", done.wall)
    bench.add(factor, "cpu: compilation build --jobs 1", done.cpu)


def measure_pdf_only(bench, factor: int, tag: str) -> None:
    """Build the compilation's PDF alone (`briefgen build --format pdf` into an empty folder), a whole process."""
    comp = bench.seed("comp", factor)
    done = bench.build(comp, f"out/pdf-{tag}", extra=("--format", "pdf"))
    bench.add(factor, "comp: PDF only", done.wall)
    bench.add(factor, "cpu: PDF only", done.cpu)


def measure_outline(bench, factor: int) -> None:
    """Time `briefgen outline --format json` of the seed."""
    done = run([*bench.briefgen, "outline", "--format", "json", str(bench.seed("full", factor))], bench.project,
               bench.env)
    bench.add(factor, "outline --format json", done.wall)


def measure_rebuilds(bench, factor: int, index: int, kinds: list[tuple[str, Path, str]]) -> None:
    """Rebuild each output folder built in this repetition: a no-op answered by the quick check, then
    (not for briefs at 100x) one sentence of speech 3 changed and changed back, two one-speech edits."""
    for kind, seed, folder in kinds:
        # The quick check answers from file times only when every input is over a second old (the
        # racy window): one build then writes the record, the next is answered from it.
        settle(bench.project / seed, bench.project / folder)
        bench.build(seed, folder)
        quick = quick_check_record(bench, seed, folder).is_file()
        done = bench.build(seed, folder)
        bench.add(factor, f"{kind}: no-op (quick check)", done.wall)
        if not quick:
            bench.notes.append(f"{factor}x run {index + 1}, {kind}: the quick-check record was not written; "
                               "that no-op went through the content hashes")
        if kind == "full" and factor >= 100:
            continue
        for text in (bench.info[(factor, "edited")], bench.info[(factor, "text")]):
            (bench.project / seed).write_text(text, encoding="utf-8")
            done = bench.build(seed, folder)
            bench.add(factor, f"{kind}: one-speech edit", done.wall)
            bench.info[(factor, f"{kind}: outputs rebuilt after an edit")] = built_count(done)


def settle(seed: Path, folder: Path) -> None:
    """Wait until the seed and every file in ``folder`` are more than a second old (the quick check's
    racy window)."""
    files = [seed, *(f for f in folder.rglob("*") if f.is_file())]
    delay = max(f.stat().st_mtime for f in files) + 1.2 - time.time()
    if delay > 0:
        time.sleep(delay)


RECORD_PATH = ("import sys; from briefgen.cli.options import parse_build_args; "
               "from briefgen.cli.quickcheck import record_path; print(record_path(parse_build_args(sys.argv[1:])))")


def quick_check_record(bench, seed: Path, out: str) -> Path:
    """Return the file of the quick-check record of `briefgen build SEED -o OUT` in the warm cache folder,
    as briefgen itself names it (asked once, in the project folder and the bench's environment)."""
    key = (str(seed), out)
    if key not in bench.records:
        done = run([bench.python, "-c", RECORD_PATH, str(seed), "-o", out], bench.project, bench.env)
        bench.records[key] = Path(done.stdout.strip())
    return bench.records[key]


def forget_quick_check(bench, seed: Path, out: str) -> None:
    """Remove the quick-check record the build just wrote, so that the next no-op goes through the
    manifest's content hashes."""
    quick_check_record(bench, seed, out).unlink(missing_ok=True)


def record_sizes(bench, factor: int, kinds: list[tuple[str, Path, str]]) -> None:
    """Record the bytes of each kind of output: DOCX, PDF, the briefs' DOCX and PDF, the manifest, the index."""
    sizes = {}
    for kind, _seed, folder in kinds:
        for file in sorted((bench.project / folder).rglob("*")):
            if file.is_file():
                key = f"{kind}: " + ("briefs " + file.suffix[1:] if file.parent.name == "briefs"
                                     else file.suffix[1:] if file.suffix != ".json" else file.name)
                sizes[key] = sizes.get(key, 0) + file.stat().st_size
    bench.info[(factor, "sizes")] = sizes
