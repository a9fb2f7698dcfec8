"""briefgen against the alternatives, on the seed and on 10x and 100x seeds, with its targets checked.

Run: .venv/bin/python bench/run.py [--quick] [--factors 1,10,100] [--keep DIR]

What one run measures (every figure the median of fresh processes, whole-process wall time unless
it says otherwise), for the seed (1x) and seeds with its speeches repeated 10 and 100 times
(bench/common.py write_scaled_seed):

- briefgen, compilation + briefs (the seed beside its theme file): `briefgen build` into an empty
  output folder with the cache folder ($BRIEFGEN_CACHE: sentence tokens, the dictionary's total)
  warm and cold (an empty folder each run); `briefgen build` again right after the build (the
  manifest's content hashes decide) and again a second or more later (the command line's quick
  check of file times decides); a rebuild after one sentence of one speech changed;
- briefgen, compilation only (no theme file): the same builds, `--jobs 1`, the PDF alone (the
  library's build_seed(formats=("pdf",)): no DOCX writer, no click), `briefgen outline --format json`;
- phases: a driver that calls the library's stages in one process with timers, in the order and
  with the garbage collector off as plans.py / build.py do (serial: no forked workers);
- peak memory: the RSS summed over the process and its forked workers, sampled every 5 ms (pages
  shared after fork count twice, so this is an upper bound), in separate runs;
- the alternatives on the same text: pandoc (Markdown from `briefgen outline --format md`,
  briefgen's own DOCX as --reference-doc) then LibreOffice (`soffice --headless --convert-to pdf`,
  a private profile created before timing, the bundled fonts through a private fontconfig);
  reportlab's Paragraph flow (bench_pdf.py's baseline: the floor of a reportlab PDF); Typst (PyPI
  `typst`, bench/official.typ: A4, margins 37/35/28/26 mm, 16 pt FangSong, 2 em indent, justified,
  22 pt centred titles, a contents page, page numbers; the bundled font files, system fonts ignored).

briefgen runs as an installed copy does: from compiled bytecode (PYTHONPYCACHEPREFIX in the work
folder, warmed by one untimed build of each seed, as PYTHONDONTWRITEBYTECODE=1 would otherwise
recompile it in every process). SOURCE_DATE_EPOCH is fixed, so every output is the same bytes
each run. Measurements of one repetition run one after another, repetitions round-robin, so a
change of machine load reaches every column alike; the load average is recorded.

Prints the tables and the targets (pass/fail), writes bench/results.json (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_briefs import CONFIG  # noqa: E402
from bench_pdf import BASELINE as REPORTLAB  # noqa: E402
from common import ROOT, SEED, scaled_seed  # noqa: E402

RESULTS = Path(__file__).with_name("results.json")
TYPST_TEMPLATE = Path(__file__).with_name("official.typ")
FONTS = ROOT / "src" / "briefgen" / "data" / "fonts"
THEMES = SEED.with_name(SEED.stem + ".themes.toml")
EPOCH = "1795824000"  # 2026-11-28: every output is the same bytes in every run
EDIT = "，切实推动各项工作落地见效"  # inserted before the first 。 of one paragraph of speech 3
RUNS = {"default": {1: 5, 10: 3, 100: 3}, "quick": {1: 3, 10: 1, 100: 1}}

# -- targets (issue 8) -------------------------------------------------------------------------------
FULL_VS_OFFICE = 0.5  # full build of the seed <= 0.5 x pandoc + LibreOffice, compilation alone
NOOP_VS_FULL = 0.1  # no-op rebuild <= 0.1 x full build
BIG_VS_OFFICE = 0.7  # 100x compilation <= 0.7 x pandoc + LibreOffice at 100x
PER_PAGE_GROWTH = 1.3  # time per page at 100x <= 1.3 x time per page at 10x
MEMORY_MB = 400.0  # peak memory at 100x
OUTLINE_S = 0.3  # `briefgen outline --format json` of the seed

# In-process driver: the library's stages with timers, mirroring plans.py and build.py.
DRIVER = r"""
import json, sys, time
T = {}
t0 = time.perf_counter()
import click, briefgen.cli.commands, briefgen.cli.quickcheck
t1 = time.perf_counter()
import gc
from pathlib import Path
from dataclasses import replace
from briefgen.words import segment
from briefgen.build.builder import SeedBuild, theme_file
from briefgen.build.plans import speech_hashes, hash_document
from briefgen.document.compilation import build_compilation
from briefgen.render import Renderer
from briefgen.outline.seeds import load_seed
from briefgen.project.folder import load_project
from briefgen.briefs.maker import make_briefs, token_cache
from briefgen.briefs.themes import load_themes
from briefgen.build.fingerprint import hash_bytes
from briefgen.atomic import write_bytes_atomic
t2 = time.perf_counter()
from briefgen.writers import docx as docx_module
t3 = time.perf_counter()
from briefgen.writers import pdf as pdf_module, pdf_fonts, pdf_embed
t4 = time.perf_counter()
T["imports: click + briefgen core"] = t2 - t0
T["imports: DOCX writer"] = t3 - t2
T["imports: PDF writer (reportlab)"] = t4 - t3

timers = {"segmenter": 0.0, "tokens": 0.0, "font load": 0.0, "font embed": 0.0, "pdf save": 0.0}
def timed(key, function):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            timers[key] += time.perf_counter() - started
    return wrapper
segment.Segmenter.__init__ = timed("segmenter", segment.Segmenter.__init__)
segment.TokenCache.tokens = timed("tokens", segment.TokenCache.tokens)
pdf_fonts.load_font = timed("font load", pdf_fonts.load_font)
pdf_embed.EmbeddedFont.add_to = timed("font embed", pdf_embed.EmbeddedFont.add_to)
pdf_module._save = timed("pdf save", pdf_module._save)

def pdf_split(key, started_timers, total):
    load = timers["font load"] - started_timers["font load"]
    embed = timers["font embed"] - started_timers["font embed"]
    save = timers["pdf save"] - started_timers["pdf save"]
    T[key + ": fonts loaded"] = load
    T[key + ": pages drawn"] = total - load - embed - save
    T[key + ": font subsets"] = embed
    T[key + ": saved (objects, deflate)"] = save

root, seed, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
gc.disable()  # as build.py does while planning and rendering
s = time.perf_counter()
project = load_project(root)
build = SeedBuild(seed, out, project)
inputs = build.fingerprint()  # resolves the fonts, hashes every input
T["project, fingerprint (fonts resolved, inputs hashed)"] = time.perf_counter() - s

s = time.perf_counter()
renderer = Renderer(project)
renderer.faces = build.faces
metrics = renderer.metrics
T["fonts: Latin metrics for the grid"] = time.perf_counter() - s

s = time.perf_counter()
segment.load_dictionary()
T["jieba: dict.txt read, total"] = time.perf_counter() - s

s = time.perf_counter()
before = timers["segmenter"]
loaded = load_seed(seed)
parse = time.perf_counter() - s
T["parse: Segmenter for titles"] = timers["segmenter"] - before
T["parse: decode, outline, titles"] = parse - T["parse: Segmenter for titles"]
outline = loaded.outline

s = time.perf_counter()
date = project.config.document_date()
document = build_compilation(outline, renderer.templates, project.style, project.config, date)
T["document: blocks from templates"] = time.perf_counter() - s
s = time.perf_counter()
job = replace(renderer.job(document), source=build.shown)
T["layout: compilation"] = time.perf_counter() - s
outputs = {}
s = time.perf_counter()
outputs["compilation.docx"] = docx_module.write_docx(job)
T["DOCX: compilation"] = time.perf_counter() - s
mark = dict(timers)
s = time.perf_counter()
outputs["compilation.pdf"] = pdf_module.write_pdf(job)
pdf_split("PDF: compilation", mark, time.perf_counter() - s)

briefs = []
if theme_file(seed).is_file():
    s = time.perf_counter()
    themes = load_themes(theme_file(seed))
    mark = dict(timers)
    briefs = make_briefs(outline, themes, renderer, token_cache(seed).tokens, build.shown, lambda m: None)
    total = time.perf_counter() - s
    tokens = timers["tokens"] - mark["tokens"]
    T["briefs: sentence tokens (cache, Segmenter)"] = tokens
    T["briefs: selection + layout"] = total - tokens
    s = time.perf_counter()
    for brief in briefs:
        outputs[brief.stem + ".docx"] = docx_module.write_docx(brief.job)
    T["briefs: DOCX"] = time.perf_counter() - s
    mark = dict(timers)
    s = time.perf_counter()
    for brief in briefs:
        outputs[brief.stem + ".pdf"] = pdf_module.write_pdf(brief.job)
    pdf_split("briefs: PDF", mark, time.perf_counter() - s)

s = time.perf_counter()
speech_hashes(outline)
hash_document(document)
for brief in briefs:
    hash_document(brief.job.document)
out.mkdir(parents=True, exist_ok=True)
for name, data in outputs.items():
    hash_bytes(data)
    write_bytes_atomic(out / name, data)
T["outputs: dependency hashes, atomic writes"] = time.perf_counter() - s
end = time.perf_counter()
print(json.dumps({"phases": T, "in_process": end - t0, "pages": len(job.layout.pages), "briefs": len(briefs)}))
"""

# The PDF alone through the library (no DOCX writer, no click): what `briefgen build` would cost
# for a PDF-only build.
PDF_ONLY = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from briefgen.build.builder import build_seed
from briefgen.project.folder import load_project
root, seed, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
report = build_seed(seed, out, load_project(root), formats=("pdf",))
assert report.built == 1, report.actions
print(json.dumps({"in_process": time.perf_counter() - t0}))
"""

TYPST = r"""
import json, sys, time
t0 = time.perf_counter()
import typst
t1 = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True,
              timestamp=int(sys.argv[4]))
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "compile": t2 - t1}))
"""


# -- running processes -----------------------------------------------------------------------------

class Failed(RuntimeError):
    """A measured command failed."""


@dataclass
class Done:
    """One finished process: wall time, the largest RSS of it or a child (MB), its output."""

    wall: float
    maxrss_mb: float
    stdout: str
    stderr: str
    tree_peak_mb: float | None = None  # RSS summed over the process tree (pages shared after fork twice)
    tree_pss_mb: float | None = None  # PSS summed over the tree: each page once
    cpu: float = 0.0  # user + system seconds of the process and its waited-for children


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _tree_memory_mb(pid: int) -> tuple[float, float]:
    """Return the RSS and the PSS (shared pages divided among their sharers) summed over a process tree."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
        stack += _children(current)
    return rss * 1024 / 1e6, pss * 1024 / 1e6


def run(args: list[str], cwd: Path, env: dict, sample: bool = False) -> Done:
    """Run a command to the end; with ``sample``, poll the RSS of its process tree every 5 ms."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([str(a) for a in args], cwd=cwd, env=env, stdout=out, stderr=err)
        peak = peak_pss = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if sample else 0)
            if pid:
                break
            rss, pss = _tree_memory_mb(proc.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(0.005)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise Failed(f"{' '.join(map(str, args))} (in {cwd}) exited {proc.returncode}:\n{stderr[-3000:]}")
    return Done(wall, usage.ru_maxrss / 1024, stdout, stderr, peak if sample else None,
                peak_pss if sample else None, usage.ru_utime + usage.ru_stime)


def built_count(done: Done) -> int:
    """Return N of the build summary line `built N, up to date M, failed F in S s`."""
    found = re.findall(r"built (\d+), up to date (\d+), failed (\d+)", done.stderr)
    if not found:
        raise Failed(f"no build summary in: {done.stderr[-500:]}")
    return int(found[-1][0])


def pdf_pages(path: Path) -> int | None:
    """Return the page count of a PDF (pypdfium2, a briefgen dependency)."""
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()
    except Exception:  # noqa: BLE001 - a count is informative only
        return None


# -- the work folder -------------------------------------------------------------------------------

def edited(text: str, outline) -> str:
    """Return the seed text with one sentence of speech 3 (or the last speech) changed."""
    speech = outline.speeches[min(2, len(outline.speeches) - 1)]
    paragraphs = list(speech.intro) or [p for point in speech.points for p in point.body]
    line = paragraphs[0].line - 1
    lines = text.split("\n")
    stop = lines[line].find("。")
    lines[line] = lines[line][:stop] + EDIT + lines[line][stop:] if stop >= 0 else lines[line] + EDIT
    return "\n".join(lines)


def fontconfig(folder: Path, fonts: dict[str, str]) -> Path:
    """Write a fontconfig holding only the bundled fonts, the style sheet's family names aliased to them
    (as tests/support/lo.py does), so LibreOffice sets the same faces briefgen embeds."""
    from xml.sax.saxutils import escape

    roles = json.loads((FONTS / "fonts.json").read_text(encoding="utf-8"))["roles"]
    matches = []
    for role, name in fonts.items():
        entry = roles.get(role)
        if entry is None:
            continue
        weight = ('<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
                  if entry.get("subfamily") == "Bold" else "")
        matches.append(f'<match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
                       f'<edit name="family" mode="assign" binding="strong"><string>{escape(entry["family"])}'
                       f"</string></edit>{weight}</match>")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fonts.conf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    f"<dir>{escape(str(FONTS))}</dir>\n<cachedir>{escape(str(folder / 'fc-cache'))}</cachedir>\n"
                    + "\n".join(matches) + "\n</fontconfig>\n", encoding="utf-8")
    return path


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(outline, unit: str | None, date: str) -> str:
    """Return the compilation of ``outline`` as a Typst document over bench/official.typ (the same
    blocks blocks.py makes: cover, contents, speeches with title lines, subtitle, unit, points)."""
    heading_style = {1: "hei", 2: "kai", 3: "bold"}

    def runs(paragraph) -> list[str]:
        found = [_q(paragraph.text)] if paragraph.text else []
        for sub in paragraph.subpoints:
            found.append(f'("bold", {_q(sub.marker + sub.lead)})')
            if sub.text:
                found.append(_q(sub.text))
        return found

    def para(items: list[str]) -> str:
        return f"#para({', '.join(items)})"

    def point(node, out: list[str]) -> None:
        style = heading_style.get(node.level)
        head = _q(node.marker + node.heading)
        head = head if style is None else f'("{style}", {head})'
        body = list(node.body)
        out.append(para([head] + (runs(body.pop(0)) if node.run_in else [])))
        out.extend(para(runs(p)) for p in body)
        for child in node.points:
            point(child, out)

    def lines(items) -> str:
        return "(" + "".join(_q(i) + ", " for i in items) + ")"

    out = ['#import "official.typ": *', "#show: official",
           f"#cover({lines(outline.title_lines or (outline.title,))}, {_q(unit) if unit else 'none'}, {_q(date)})",
           "#contents()", "#body-start()"]
    out.extend(para(runs(p)) for p in outline.preface)
    for speech in outline.speeches:
        out.append(f"#speech({lines(speech.title_lines or (speech.title,))}, "
                   f"{_q(speech.subtitle.text) if speech.subtitle else 'none'}, "
                   f"{_q(speech.unit.text) if speech.unit else 'none'})")
        out.extend(para(runs(p)) for p in speech.intro)
        for node in speech.points:
            point(node, out)
    return "\n".join(out) + "\n"


@dataclass
class Bench:
    """The work folder, environments and collected samples of one run."""

    work: Path
    factors: list[int]
    runs: dict[int, int]
    quick: bool
    samples: dict = field(default_factory=dict)  # (factor, name) -> list of floats
    info: dict = field(default_factory=dict)  # (factor, name) -> value
    notes: list[str] = field(default_factory=list)
    loads: list[tuple[float, float, float]] = field(default_factory=list)

    def __post_init__(self):
        self.project = self.work / "project"
        self.python = sys.executable
        script = Path(sys.executable).with_name("briefgen")
        self.briefgen = [str(script)] if script.is_file() else [sys.executable, "-m", "briefgen"]
        self.env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(self.work / "pycache"),
                    "SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": str(self.work / "cache-warm")}
        self.env.pop("BRIEFGEN_SOFFICE", None)
        self.cold_count = 0
        self.pandoc = shutil.which("pandoc")
        self.soffice = shutil.which(os.environ.get("BRIEFGEN_SOFFICE", "soffice")) or shutil.which("libreoffice")
        try:
            import typst  # noqa: F401

            self.typst = True
        except ImportError:
            self.typst = False
        try:
            import reportlab  # noqa: F401

            self.reportlab = True
        except ImportError:
            self.reportlab = False

    # -- bookkeeping ----------------------------------------------------------------------------

    def add(self, factor: int, name: str, value: float) -> None:
        self.samples.setdefault((factor, name), []).append(value)

    def median(self, factor: int, name: str) -> float | None:
        found = self.samples.get((factor, name))
        return statistics.median(found) if found else None

    def cold_env(self) -> dict:
        """Return the environment of a run with an empty cache folder of its own."""
        self.cold_count += 1
        folder = self.work / f"cache-cold-{self.cold_count}"
        folder.mkdir()
        return {**self.env, "BRIEFGEN_CACHE": str(folder)}

    def seed(self, kind: str, factor: int) -> Path:
        """Return the seed path (relative to the project) of a kind: "full" has a theme file, "comp" has none."""
        return Path(kind) / f"seed-{factor}x.txt"

    def build(self, seed: Path, out: str, env: dict | None = None, extra: tuple = (), sample: bool = False) -> Done:
        return run([*self.briefgen, "build", str(seed), "-o", out, *extra], self.project, env or self.env, sample)

    # -- set-up ---------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Write the project (seeds with and without theme files), warm bytecode and cache, prepare the tools."""
        from briefgen.outline.parse import parse_text
        from briefgen.project.folder import load_project
        from briefgen.outline.seeds import load_seed

        (self.project / "out").mkdir(parents=True)
        shutil.copy(CONFIG, self.project / "briefgen.toml")
        project = load_project(self.project)
        unit = project.config.document.unit
        from briefgen.project.config import format_chinese_date

        date = format_chinese_date(project.config.document_date())
        for factor in self.factors:
            text = SEED.read_text(encoding="utf-8") if factor == 1 else scaled_seed(factor)
            for kind in ("full", "comp"):
                path = self.project / self.seed(kind, factor)
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
            shutil.copy(THEMES, self.project / "full" / f"seed-{factor}x.themes.toml")
            outline = parse_text(text)
            self.info[(factor, "text")] = text
            self.info[(factor, "edited")] = edited(text, outline)
            self.info[(factor, "chars")] = len(text)
            self.info[(factor, "speeches")] = len(outline.speeches)
            # One untimed build of each seed: compiles the bytecode, caches the dictionary's total and
            # the seed's sentence tokens in the warm cache folder.
            print(f"  warming up {factor}x ...", flush=True)
            if self.with_briefs(factor, 0):
                self.build(self.seed("full", factor), f"out/warm-full-{factor}")
            self.build(self.seed("comp", factor), f"out/warm-comp-{factor}")
            loaded = load_seed(self.project / self.seed("comp", factor))
            typ = self.work / "typst" / f"seed-{factor}x.typ"
            typ.parent.mkdir(exist_ok=True)
            typ.write_text(typst_source(loaded.outline, unit, date), encoding="utf-8")
            if self.pandoc and self.soffice:
                office = self.work / "office"
                office.mkdir(exist_ok=True)
                md = run([*self.briefgen, "outline", "--format", "md", str(self.seed("comp", factor))], self.project,
                         self.env)
                (office / f"seed-{factor}x.md").write_text(md.stdout, encoding="utf-8")
        shutil.copy(TYPST_TEMPLATE, self.work / "typst" / TYPST_TEMPLATE.name)
        if self.pandoc and self.soffice:
            office = self.work / "office"
            reference = next((self.project / "out" / "warm-comp-1").glob("*.docx"), None) if 1 in self.factors else None
            if reference is None:
                reference = next((self.project / "out" / f"warm-comp-{self.factors[0]}").glob("*.docx"))
            shutil.copy(reference, office / "reference.docx")
            self.office_env = {**self.env, "FONTCONFIG_FILE": str(fontconfig(office, project.style.fonts)),
                               "SAL_USE_VCLPLUGIN": "svp"}
            print("  creating the LibreOffice profile ...", flush=True)
            first = self.factors[0]
            self.office_route(first, "warm-up")

    # -- the alternatives -----------------------------------------------------------------------

    def office_route(self, factor: int, tag: str) -> tuple[Done, Done, Path]:
        office = self.work / "office"
        out = office / f"out-{tag}"
        out.mkdir(exist_ok=True)
        docx = out / f"seed-{factor}x.docx"
        pandoc = run([self.pandoc, "-f", "markdown", "-t", "docx", "--reference-doc", office / "reference.docx",
                      "-o", docx, office / f"seed-{factor}x.md"], office, self.env)
        soffice = run([self.soffice, f"-env:UserInstallation={(office / 'profile').as_uri()}", "--headless",
                       "--norestore", "--convert-to", "pdf", "--outdir", out, docx], office, self.office_env)
        pdf = out / f"seed-{factor}x.pdf"
        if not pdf.is_file():
            raise Failed(f"LibreOffice made no PDF: {soffice.stdout}\n{soffice.stderr}")
        return pandoc, soffice, pdf

    # -- one repetition -------------------------------------------------------------------------

    def with_briefs(self, factor: int, index: int) -> bool:
        """Return whether repetition ``index`` builds the seed with its briefs: at 100x only the first
        (a build takes about a minute), and none with --quick."""
        return factor < 100 or (index == 0 and not self.quick)

    def repetition(self, factor: int, index: int) -> None:
        """Run every measurement of one factor once (round-robin across repetitions)."""
        add = lambda name, value: self.add(factor, name, value)  # noqa: E731
        first = index == 0
        with_briefs = self.with_briefs(factor, index)
        briefs_extra = factor < 100  # cold cache and edits with briefs: not at 100x (a minute each)
        full, comp = self.seed("full", factor), self.seed("comp", factor)
        self.loads.append(os.getloadavg())
        tag = f"{factor}-{index}"

        if with_briefs:
            done = self.build(full, f"out/full-{tag}")
            add("full: build, warm cache", done.wall)
            add("cpu: full build, warm cache", done.cpu)
            if first:
                self.info[(factor, "full: outputs")] = built_count(done)
            done = self.build(full, f"out/full-{tag}")
            add("full: no-op right after (hashes)", done.wall)
            assert built_count(done) == 0, done.stderr
        if with_briefs and briefs_extra:
            done = self.build(full, f"out/full-cold-{tag}", env=self.cold_env())
            add("full: build, cold cache", done.wall)

        done = self.build(comp, f"out/comp-{tag}")
        add("comp: build, warm cache", done.wall)
        add("cpu: compilation build, warm cache", done.cpu)
        done = self.build(comp, f"out/comp-{tag}")
        add("comp: no-op right after (hashes)", done.wall)
        done = self.build(comp, f"out/comp-cold-{tag}", env=self.cold_env())
        add("comp: build, cold cache", done.wall)
        done = self.build(comp, f"out/comp-j1-{tag}", extra=("--jobs", "1"))
        add("comp: build --jobs 1", done.wall)
        add("cpu: compilation build --jobs 1", done.cpu)

        done = run([self.python, "-c", PDF_ONLY, self.project, comp, self.project / f"out/pdf-{tag}"], self.project,
                   self.env)
        add("comp: PDF only (library)", done.wall)
        add("cpu: PDF only (library)", done.cpu)
        done = run([*self.briefgen, "outline", "--format", "json", str(full)], self.project, self.env)
        add("outline --format json", done.wall)

        # The phases of the same kind of build in every repetition of a factor: with briefs where
        # the factor has them (at 100x one repetition), else the compilation alone.
        if with_briefs or not self.with_briefs(factor, 0):
            done = run([self.python, "-c", DRIVER, self.project, full if with_briefs else comp,
                        self.project / f"out/driver-{tag}"], self.project, self.env)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            for name, value in result["phases"].items():
                add(f"phase: {name}", value)
            add("phase: whole process", done.wall)
            add("phase: in process", result["in_process"])
            self.info[(factor, "pages")] = result["pages"]
            self.info[(factor, "phases of")] = "compilation + briefs" if result["briefs"] else "compilation only"

        if self.typst:
            pdf = self.work / "typst" / f"seed-{factor}x.pdf"
            done = run([self.python, "-c", TYPST, self.work / "typst" / f"seed-{factor}x.typ", pdf, FONTS, EPOCH],
                       self.work / "typst", self.env)
            add("typst: process", done.wall)
            add("cpu: Typst", done.cpu)
            add("typst: compile", json.loads(done.stdout.strip().splitlines()[-1])["compile"])
            if first:
                self.info[(factor, "typst: pages")] = pdf_pages(pdf)
                self.info[(factor, "typst: PDF bytes")] = pdf.stat().st_size
        if self.reportlab:
            pdf = self.work / f"reportlab-{factor}x.pdf"
            code = REPORTLAB.format(seed=str(self.project / comp), out=str(pdf))
            done = run([self.python, "-c", code], self.project, self.env)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            add("reportlab: process", done.wall)
            add("cpu: reportlab Paragraph flow", done.cpu)
            add("reportlab: Paragraph flow", result["write"])
            if first:
                self.info[(factor, "reportlab: pages")] = result["pages"]
                self.info[(factor, "reportlab: PDF bytes")] = result["size"]
        if self.pandoc and self.soffice:
            pandoc, soffice, pdf = self.office_route(factor, tag)
            add("office: pandoc", pandoc.wall)
            add("office: LibreOffice", soffice.wall)
            add("office: route", pandoc.wall + soffice.wall)
            add("cpu: pandoc + LibreOffice", pandoc.cpu + soffice.cpu)
            if first:
                self.info[(factor, "office: pages")] = pdf_pages(pdf)
                self.info[(factor, "office: PDF bytes")] = pdf.stat().st_size
                self.info[(factor, "office: DOCX bytes")] = (pdf.with_suffix(".docx")).stat().st_size

        kinds = [("full", full, f"out/full-{tag}")] if with_briefs else []
        kinds.append(("comp", comp, f"out/comp-{tag}"))
        for kind, seed, folder in kinds:
            # The quick check: the build above finished a while ago (the record is written only when
            # every output is over a second old); one build writes the record, the next is answered
            # from file times.
            self.settle(self.project / folder)
            self.build(seed, folder)
            quick = self.record_exists(seed, folder)
            done = self.build(seed, folder)
            add(f"{kind}: no-op (quick check)", done.wall)
            if not quick:
                self.notes.append(f"{factor}x run {index + 1}, {kind}: the quick-check record was not written; "
                                  "that no-op went through the content hashes")
            if kind == "full" and not briefs_extra:
                continue
            # One sentence of speech 3 changed, rebuilt; changed back, rebuilt: two one-speech edits.
            for text in (self.info[(factor, "edited")], self.info[(factor, "text")]):
                (self.project / seed).write_text(text, encoding="utf-8")
                done = self.build(seed, folder)
                add(f"{kind}: one-speech edit", done.wall)
                self.info[(factor, f"{kind}: outputs rebuilt after an edit")] = built_count(done)
        if first:
            sizes = {}
            for kind, _seed, folder in kinds:
                for file in sorted((self.project / folder).rglob("*")):
                    if file.is_file():
                        key = f"{kind}: " + ("briefs " + file.suffix[1:] if file.parent.name == "briefs"
                                             else file.suffix[1:] if file.suffix != ".json" else file.name)
                        sizes[key] = sizes.get(key, 0) + file.stat().st_size
            self.info[(factor, "sizes")] = sizes

    def settle(self, folder: Path) -> None:
        """Wait until every file in ``folder`` is more than a second old (the quick check's racy window)."""
        newest = max((f.stat().st_mtime for f in folder.rglob("*") if f.is_file()), default=0.0)
        delay = newest + 1.2 - time.time()
        if delay > 0:
            time.sleep(delay)

    def record_exists(self, seed: Path, out: str) -> bool:
        """Return True when the quick-check record of this command line is in the cache folder
        (the key quickcheck.record_path computes)."""
        key = json.dumps([os.path.realpath(self.project), [str(seed)], out, False])
        name = "quick-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20] + ".json"
        return (Path(self.env["BRIEFGEN_CACHE"]) / name).is_file()

    def memory(self, factor: int) -> None:
        """One build of each kind with the process tree's memory sampled every 5 ms."""
        tag = f"{factor}-mem"
        kinds = ["comp"] + ([] if (self.quick and factor == 100) else ["full"])
        for kind in kinds:
            done = self.build(self.seed(kind, factor), f"out/{kind}-{tag}", sample=True)
            self.info[(factor, f"{kind}: peak RSS, process tree (MB)")] = done.tree_peak_mb
            self.info[(factor, f"{kind}: peak PSS, process tree (MB)")] = done.tree_pss_mb
            self.info[(factor, f"{kind}: peak RSS, largest process (MB)")] = done.maxrss_mb

    def interpreter(self) -> None:
        for _ in range(5):
            self.add(0, "python -c pass", run([self.python, "-c", "pass"], self.work, self.env).wall)

    def run_all(self) -> None:
        started = time.perf_counter()
        print(f"work folder {self.work}; load average {os.getloadavg()[0]:.2f}", flush=True)
        self.prepare()
        self.interpreter()
        for factor in self.factors:
            for index in range(self.runs[factor]):
                print(f"  {factor}x: run {index + 1} of {self.runs[factor]} ...", flush=True)
                self.repetition(factor, index)
            self.memory(factor)
        self.loads.append(os.getloadavg())
        self.seconds = time.perf_counter() - started


# -- report ----------------------------------------------------------------------------------------

def fmt(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(title: str, header: list[str], rows: list[list]) -> str:
    cells = [header] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title]
    for index, row in enumerate(cells):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ratio(a, b):
    return a / b if a is not None and b else None


def report(bench: Bench) -> tuple[str, dict]:
    factors = bench.factors
    m = bench.median
    header = ["", *(f"{f}x" for f in factors)]
    out = []
    pages = {f: bench.info.get((f, "pages")) for f in factors}
    out.append(table("Seeds", header, [
        ["characters", *(bench.info[(f, "chars")] for f in factors)],
        ["speeches", *(bench.info[(f, "speeches")] for f in factors)],
        ["compilation pages (briefgen)", *(pages[f] for f in factors)],
        ["runs (median of)", *(bench.runs[f] for f in factors)],
    ]))

    def row(label, name):
        return [label, *(m(f, name) for f in factors)]

    out.append(table("briefgen, compilation + briefs (seed with its theme file), seconds", header, [
        row("full build, cache warm", "full: build, warm cache"),
        row("full build, cache cold (empty $BRIEFGEN_CACHE)", "full: build, cold cache"),
        row("no-op rebuild (quick check, >1 s after)", "full: no-op (quick check)"),
        row("no-op rebuild right after the build (hashes)", "full: no-op right after (hashes)"),
        row("one-speech edit, rebuild", "full: one-speech edit"),
        ["outputs written (full build / after the edit)",
         *(f"{bench.info.get((f, 'full: outputs'), '-')} / {bench.info.get((f, 'full: outputs rebuilt after an edit'), '-')}"
           for f in factors)],
        ["peak MB: tree PSS / tree RSS / largest process RSS",
         *(f"{fmt(bench.info.get((f, 'full: peak PSS, process tree (MB)')), 0)} / "
           f"{fmt(bench.info.get((f, 'full: peak RSS, process tree (MB)')), 0)} / "
           f"{fmt(bench.info.get((f, 'full: peak RSS, largest process (MB)')), 0)}" for f in factors)],
    ]))
    comp_pages = [ratio(m(f, "comp: build, warm cache"), pages[f]) for f in factors]
    out.append(table("briefgen, compilation only (no theme file), seconds", header, [
        row("build, cache warm (DOCX + PDF)", "comp: build, warm cache"),
        row("build, cache cold", "comp: build, cold cache"),
        row("build --jobs 1", "comp: build --jobs 1"),
        row("no-op rebuild (quick check, >1 s after)", "comp: no-op (quick check)"),
        row("no-op rebuild right after the build (hashes)", "comp: no-op right after (hashes)"),
        row("one-speech edit, rebuild", "comp: one-speech edit"),
        row("PDF only (library build_seed, formats=pdf)", "comp: PDF only (library)"),
        row("outline --format json", "outline --format json"),
        ["ms per page (build, cache warm)", *((v * 1000 if v else None) for v in comp_pages)],
        ["peak MB: tree PSS / tree RSS / largest process RSS",
         *(f"{fmt(bench.info.get((f, 'comp: peak PSS, process tree (MB)')), 0)} / "
           f"{fmt(bench.info.get((f, 'comp: peak RSS, process tree (MB)')), 0)} / "
           f"{fmt(bench.info.get((f, 'comp: peak RSS, largest process (MB)')), 0)}" for f in factors)],
    ]))

    phase_names = [k[1] for k in bench.samples if k[0] == factors[0] and k[1].startswith("phase: ")]
    for f in factors[1:]:
        phase_names += [k[1] for k in bench.samples if k[0] == f and k[1].startswith("phase: ")
                        and k[1] not in phase_names]
    phase_names = [n for n in phase_names if n not in ("phase: whole process", "phase: in process")]
    start = m(0, "python -c pass")
    rows = [["interpreter start (python -c pass)", *([start] * len(factors))]]
    rows += [[n[len("phase: "):], *(m(f, n) for f in factors)] for n in phase_names]
    sums = {f: sum(m(f, n) or 0.0 for n in phase_names) for f in factors}
    rows.append(["sum of the phases", *(sums[f] for f in factors)])
    rows.append(["whole driver process", *(m(f, "phase: whole process") for f in factors)])
    rows.append(["(rest: interpreter exit, freeing)",
                 *((m(f, "phase: whole process") or 0) - sums[f] - (start or 0) for f in factors)])
    out.append(table("Phases, one process, serial, gc off (driver calling the library's stages), seconds; "
                     + ", ".join(f"{f}x: {bench.info.get((f, 'phases of'))}" for f in factors), header, rows))

    alt = []
    if bench.pandoc and bench.soffice:
        alt += [row("pandoc (Markdown -> DOCX, reference doc)", "office: pandoc"),
                row("LibreOffice (DOCX -> PDF, warm profile)", "office: LibreOffice"),
                row("pandoc + LibreOffice route", "office: route"),
                ["  pages", *(bench.info.get((f, "office: pages")) for f in factors)]]
    if bench.typst:
        alt += [row("Typst, whole process (python + typst)", "typst: process"),
                row("Typst, compile call", "typst: compile"),
                ["  pages", *(bench.info.get((f, "typst: pages")) for f in factors)]]
    if bench.reportlab:
        alt += [row("reportlab Paragraph flow, whole process", "reportlab: process"),
                row("reportlab Paragraph flow, build call", "reportlab: Paragraph flow"),
                ["  pages", *(bench.info.get((f, "reportlab: pages")) for f in factors)]]
    if bench.pandoc and bench.soffice:
        alt += [["briefgen full build / route", *(ratio(m(f, "full: build, warm cache"), m(f, "office: route"))
                                                  for f in factors)],
                ["briefgen compilation build / route", *(ratio(m(f, "comp: build, warm cache"), m(f, "office: route"))
                                                         for f in factors)]]
    if bench.typst:
        alt += [["briefgen PDF only / Typst (whole processes)",
                 *(ratio(m(f, "comp: PDF only (library)"), m(f, "typst: process")) for f in factors)]]
    if bench.reportlab:
        alt += [["briefgen PDF only / reportlab flow (whole processes)",
                 *(ratio(m(f, "comp: PDF only (library)"), m(f, "reportlab: process")) for f in factors)]]
    out.append(table("The alternatives on the same text, seconds (ratios: briefgen / alternative)", header, alt))

    cpu_names = [k[1] for k in bench.samples if k[1].startswith("cpu: ")]
    cpu_names = list(dict.fromkeys(cpu_names))
    out.append(table("CPU seconds (user + system of the process and its children: less sensitive to machine "
                     "load than wall time)", header, [[n[len("cpu: "):], *(m(f, n) for f in factors)]
                                                      for n in cpu_names]))

    sizes_rows = []
    keys = []
    for f in factors:
        for k in bench.info.get((f, "sizes"), {}):
            if k not in keys:
                keys.append(k)
    for k in keys:
        sizes_rows.append([f"briefgen {k}", *(None if bench.info.get((f, "sizes"), {}).get(k) is None
                                               else bench.info[(f, "sizes")][k] / 1e6 for f in factors)])
    for label, key in (("pandoc DOCX", "office: DOCX bytes"), ("LibreOffice PDF", "office: PDF bytes"),
                       ("Typst PDF", "typst: PDF bytes"), ("reportlab PDF", "reportlab: PDF bytes")):
        if any(bench.info.get((f, key)) for f in factors):
            sizes_rows.append([label, *(None if bench.info.get((f, key)) is None else bench.info[(f, key)] / 1e6
                                        for f in factors)])
    out.append(table("Output sizes, MB", header, sizes_rows))

    targets = check_targets(bench)
    lines = []
    for t in targets:
        verdict = {True: "PASS", False: "FAIL", None: "n/a "}[t["pass"]]
        detail = (f"{fmt(t['measured'])} vs limit {fmt(t['limit'])} ({fmt(t['ratio'], 2)} of the limit)"
                  if t["pass"] is not None else t.get("why", ""))
        ranges = [f"{what} {lo:.3f}-{hi:.3f}" for what, found in (("runs", t.get("measured_range")),
                                                                  ("limit's base", t.get("limit_base_range")))
                  if found for lo, hi in [found]]
        if ranges and t["pass"] is not None:
            detail += f" [{'; '.join(ranges)}]"
        lines.append(f"  {verdict}  {t['name']}: {detail}")
    out.append("Targets (medians, whole-process wall time)\n" + "\n".join(lines))
    load = bench.loads
    out.append(f"Machine: {os.cpu_count()} CPUs; load average (1 min) during the run {min(l[0] for l in load):.2f} to "
               f"{max(l[0] for l in load):.2f}; Python {platform.python_version()}; the bench took "
               f"{bench.seconds:.0f} s. Cache warm: tokens cached by an untimed build; cold: an empty "
               "$BRIEFGEN_CACHE each run (bytecode cached in both).")
    source = source_state()
    out.append(f"Source: commit {source['commit'][:10]}"
               + (f", with uncommitted changes in {len(source['src_changes'])} file(s) of src/"
                  if source["src_changes"] else ", src/ clean"))
    if not (bench.pandoc and bench.soffice):
        out.append("pandoc or LibreOffice (soffice) is not installed: the pandoc + LibreOffice column is skipped.")
    if not bench.typst:
        out.append("Typst (PyPI typst) is not installed: pip install -e '.[bench]'. Its column is skipped.")
    for note in bench.notes:
        out.append("Note: " + note)
    return "\n\n".join(out), {"targets": targets}


def check_targets(bench: Bench) -> list[dict]:
    m = bench.median
    found = []

    def spread(factor, name):
        values = bench.samples.get((factor, name))
        return (min(values), max(values)) if values and len(values) > 1 else None

    def target(name, measured, limit, why="", runs=None, limit_runs=None):
        ok = None if measured is None or limit is None else measured <= limit
        found.append({"name": name, "measured": measured, "limit": limit, "pass": ok,
                      "ratio": ratio(measured, limit), "why": why or "not measured",
                      "measured_range": runs, "limit_base_range": limit_runs})

    office = bench.pandoc and bench.soffice
    no_office = "pandoc + LibreOffice not installed"
    route1, route100 = m(1, "office: route"), m(100, "office: route")
    full1 = m(1, "full: build, warm cache")
    target(f"full build of the seed, cache warm <= {FULL_VS_OFFICE} x pandoc + LibreOffice (compilation)",
           full1, route1 * FULL_VS_OFFICE if office and route1 else None, "" if office else no_office,
           spread(1, "full: build, warm cache"), spread(1, "office: route"))
    target(f"full build of the seed, cache cold <= {FULL_VS_OFFICE} x pandoc + LibreOffice (compilation)",
           m(1, "full: build, cold cache"), route1 * FULL_VS_OFFICE if office and route1 else None,
           "" if office else no_office, spread(1, "full: build, cold cache"), spread(1, "office: route"))
    target(f"no-op rebuild (quick check) <= {NOOP_VS_FULL} x full build",
           m(1, "full: no-op (quick check)"), full1 * NOOP_VS_FULL if full1 else None, "",
           spread(1, "full: no-op (quick check)"), spread(1, "full: build, warm cache"))
    target(f"no-op rebuild right after the build (hashes) <= {NOOP_VS_FULL} x full build",
           m(1, "full: no-op right after (hashes)"), full1 * NOOP_VS_FULL if full1 else None, "",
           spread(1, "full: no-op right after (hashes)"), spread(1, "full: build, warm cache"))
    target(f"100x compilation only, cache warm <= {BIG_VS_OFFICE} x pandoc + LibreOffice at 100x",
           m(100, "comp: build, warm cache"), route100 * BIG_VS_OFFICE if office and route100 else None,
           "" if office else no_office, spread(100, "comp: build, warm cache"), spread(100, "office: route"))
    per = {f: ratio(m(f, "comp: build, warm cache"), bench.info.get((f, "pages"))) for f in (10, 100)}
    target(f"time per page at 100x <= {PER_PAGE_GROWTH} x time per page at 10x (compilation build, s/page)",
           per[100], per[10] * PER_PAGE_GROWTH if per[10] else None)
    for kind, label in (("comp", "compilation only"), ("full", "compilation + briefs")):
        for measure, key in (("PSS", "peak PSS"), ("RSS, shared pages counted per process", "peak RSS")):
            target(f"peak memory at 100x, {label} (process tree {measure}, MB) < {MEMORY_MB:.0f}",
                   bench.info.get((100, f"{kind}: {key}, process tree (MB)")),
                   MEMORY_MB if 100 in bench.factors else None)
    for f in (1, 100):
        typst = m(f, "typst: process")
        target(f"PDF only at {f}x <= Typst (whole processes)", m(f, "comp: PDF only (library)"), typst,
               "" if bench.typst else "typst not installed", spread(f, "comp: PDF only (library)"),
               spread(f, "typst: process"))
    target(f"outline --format json of the seed < {OUTLINE_S} s", m(1, "outline --format json"), OUTLINE_S, "",
           spread(1, "outline --format json"))
    return found


def source_state() -> dict:
    """Return the commit measured and whether src/ had uncommitted changes (others work in the same tree)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""
    return {"commit": git("rev-parse", "HEAD"), "src_changes": git("status", "--porcelain", "--", "src").splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (1x: 3, 10x and 100x: 1), "
                        "no compilation + briefs at 100x")
    parser.add_argument("--factors", default="1,10,100", help="seed sizes to build (default 1,10,100)")
    parser.add_argument("--keep", type=Path, help="keep the work folder here (default: a temporary folder)")
    args = parser.parse_args()
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
        bench.run_all()
        text, extra = report(bench)
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    print("\n" + text)
    results = {
        "when": dt.datetime.now().isoformat(timespec="seconds"), "source": source_state(),
        "quick": args.quick, "factors": factors, "runs": {str(k): v for k, v in runs.items()},
        "cpus": os.cpu_count(), "load_averages": bench.loads, "seconds": bench.seconds,
        "python": platform.python_version(),
        "medians": {f"{f}x: {n}": statistics.median(v) for (f, n), v in bench.samples.items()},
        "samples": {f"{f}x: {n}": v for (f, n), v in bench.samples.items()},
        "info": {f"{f}x: {n}": v for (f, n), v in bench.info.items() if n not in ("text", "edited")},
        "notes": bench.notes, **extra,
    }
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
