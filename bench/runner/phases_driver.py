"""The phases of a real build in one process: the library's SeedBuild.run, its stages timed from inside.

Run by runner/phases.py as:  python phases_driver.py PROJECT SEED OUT IMPORTS

It first imports, timed, click and the briefgen modules a real `briefgen build` imports outside
the writers (IMPORTS: the names runner/imports.py read from an import profile of one, one a line),
then the DOCX writer, then the PDF writer. Then it builds SEED into the empty folder OUT with
SeedBuild, timers wrapped around the functions a build is made of. Each timer counts its own time
less that of the timers called inside it, so the phases add up to the build, whatever calls what.
The command line's own part (click parsing the arguments, the quick-check record) is not in it; the
process ends as the command line's does (os._exit: nothing torn down). Prints one JSON object: the
phases, the seconds in process, the compilation's pages, the briefs.
"""

import sys
import time

STARTED = time.perf_counter()  # sys and time are loaded with the interpreter: nothing is imported before this
KINDS = {"compilation": "compilation", "brief": "briefs"}


class Phases:
    """Exclusive timers: each phase's seconds less those of the timed phases called inside it."""

    def __init__(self):
        self.seconds = {}  # phase -> seconds, in the order phases were first entered
        self.inner = []  # for each open phase, the seconds spent in timed phases inside it
        self.writing = ""  # the writer at work ("PDF: compilation"): names the PDF writer's own phases
        self.pages = None

    def wrap(self, name, function):
        """Return ``function`` timed as phase ``name``: a string, or a function of the call's arguments."""
        def timed(*args, **kwargs):
            label = name(*args, **kwargs) if callable(name) else name
            self.seconds.setdefault(label, 0.0)
            self.inner.append(0.0)
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                self.seconds[label] += spent - self.inner.pop()
                if self.inner:
                    self.inner[-1] += spent
        return timed

    def patch(self, owner, attribute: str, name) -> None:
        """Time ``owner.attribute`` as phase ``name`` wherever it is called through ``owner``."""
        setattr(owner, attribute, self.wrap(name, getattr(owner, attribute)))


def import_modules(listing: str) -> dict:
    """Import the build's core modules, then each writer; return the seconds of each step."""
    with open(listing, encoding="utf-8") as handle:
        core = handle.read().split()
    steps = {}
    started = time.perf_counter()
    for name in core:
        __import__(name)
    steps["imports: briefgen core"] = time.perf_counter() - started
    started = time.perf_counter()
    __import__("briefgen.writers.docx.writer")
    steps["imports: DOCX writer"] = time.perf_counter() - started
    started = time.perf_counter()
    __import__("briefgen.writers.pdf.writer")
    steps["imports: PDF writer (reportlab)"] = time.perf_counter() - started
    return steps


def time_stages(phases: Phases) -> None:
    """Wrap the stages of a build in timers, where the build looks them up (module attributes)."""
    from briefgen.briefs import maker
    from briefgen.build import builder, plans
    from briefgen.document import compilation
    from briefgen.fonts.faces import FontFace
    from briefgen.outline import seeds
    from briefgen.words import segment

    phases.patch(builder.SeedBuild, "fingerprint", "fingerprint: fonts resolved, inputs hashed")
    phases.patch(seeds, "load_seed", "parse: decode, outline")
    phases.patch(segment, "load_dictionary", "jieba: dict.txt read, total")
    phases.patch(segment.Segmenter, "__init__", "jieba: Segmenter for texts not in the token cache")
    phases.patch(plans, "speech_hashes", "hashes: speeches, documents")
    phases.patch(plans, "hash_document", "hashes: speeches, documents")
    phases.patch(compilation, "display_titles", "document: title lines (title token cache)")
    phases.patch(compilation, "build_compilation", "document: blocks from templates")
    phases.patch(FontFace, "metrics", "fonts: widths read for the grid")
    phases.patch(plans, "plan_briefs", "briefs: theme file, selection, fitting, index")
    phases.patch(maker, "sentence_tokens", "briefs: sentence tokens (token cache)")
    phases.patch(builder, "plan_outputs", "planning: targets and their dependencies")
    phases.patch(builder, "apply_targets", "outputs: manifest, atomic replacement of the files")
    time_layout(phases)
    time_writers(phases)


def time_layout(phases: Phases) -> None:
    """Time the layout of each document, and note the compilation's pages."""
    from briefgen.render import Renderer

    job = Renderer.job

    def job_noting_pages(self, document):
        found = job(self, document)
        if document.kind == "compilation":
            phases.pages = len(found.layout.pages)
        return found

    Renderer.job = job_noting_pages
    phases.patch(Renderer, "job", lambda self, document: f"layout: {KINDS[document.kind]}")


def time_writers(phases: Phases) -> None:
    """Time each writer call, and the PDF writer's font loading, font subsets and saving apart."""
    from briefgen import writers
    from briefgen.writers.pdf import embed, fonts, writer

    get_writer = writers.get_writer

    def timed_writer(fmt: str):
        def label(job):
            phases.writing = f"{fmt.upper()}: {KINDS[job.document.kind]}"
            return phases.writing + (": pages drawn" if fmt == "pdf" else "")
        return phases.wrap(label, get_writer(fmt))

    writers.get_writer = timed_writer
    phases.patch(fonts, "load_font", lambda face: f"{phases.writing}: fonts loaded")
    phases.patch(embed.EmbeddedFont, "add_to", lambda font, doc: f"{phases.writing}: font subsets")
    phases.patch(writer, "_save", lambda canvas: f"{phases.writing}: saved (objects, deflate)")


def main() -> None:
    """Import, build the seed with every stage timed, print the phases as JSON."""
    seconds = import_modules(sys.argv[4])
    import json
    import os
    from pathlib import Path

    from briefgen.build.builder import SeedBuild
    from briefgen.project.folder import load_project

    root, seed, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    phases = Phases()
    time_stages(phases)
    project = phases.wrap("project: briefgen.toml, style sheet", load_project)(root)
    build = SeedBuild(seed, out, project)
    report = phases.wrap("build: the rest (manifest read, file-hash cache saved)", build.run)()
    if report.error is not None or report.built == 0:
        raise SystemExit(f"the build did not build: {report.error or report.actions}")
    in_process = time.perf_counter() - STARTED
    briefs = sum(1 for entry in report.outputs if entry.kind == "brief" and entry.format == "pdf")
    print(json.dumps({"phases": {**seconds, **phases.seconds}, "in_process": in_process, "pages": phases.pages,
                      "briefs": briefs}), flush=True)
    os._exit(0)  # as the command line ends (briefgen.cli.main): no tearing down of layouts and fonts


if __name__ == "__main__":
    main()
