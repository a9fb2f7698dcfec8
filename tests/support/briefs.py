"""Building seeds into briefs in a scratch project, and reading the briefs back as an editor reads them:
paragraphs of the DOCX with their styles, lines of the PDF, the sentences index.json names."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdfium2 as pdfium

from briefgen.build.builder import build_seed
from briefgen.outline.model import Collection
from briefgen.outline.seeds import load_seed
from briefgen.project.folder import load_project

from support.paths import ROOT

OPENERS = "“‘「『《〈（([【〔〖{［｛"
CLOSERS = "”’」』》〉）)]】〕〗}］｝"
NO_PARAGRAPH_END = "；;，,：:、"
NO_PARAGRAPH_START = "，,。.；;：:、！!？?" + CLOSERS


@dataclass
class Paragraph:
    """A DOCX paragraph: its style's name, its text, and the text of its runs in a character style."""

    style: str
    text: str
    styled: str  # the leading runs set in a character style (the attribution)


@dataclass
class BuiltBrief:
    """One brief of a build: its index entry and its files."""

    entry: dict
    pdf: Path
    docx: Path


@dataclass
class BuiltSeed:
    """A seed built into briefs: its outline, index, briefs and the build's warnings."""

    seed: Path
    outline: Collection
    out_dir: Path
    index: dict
    briefs: list[BuiltBrief]
    warnings: list[str]


def bundled_config(meeting: bool = True) -> str:
    """Return the bundled project's briefgen.toml; without ``meeting``, without the seed's meeting (for
    seeds of other meetings)."""
    text = (ROOT / "briefgen.toml").read_text(encoding="utf-8")
    return text if meeting else "\n".join(line for line in text.split("\n") if not line.startswith("meeting"))


def build_briefs(folder: Path, seed: Path, themes: str | None = None, config: str | None = None) -> BuiltSeed:
    """Build ``seed`` (with the theme file text ``themes``, or none) in a project at ``folder`` set up like
    the bundled one (its briefgen.toml, or ``config``), into folder/out."""
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    (folder / "briefgen.toml").write_text(config if config is not None else bundled_config(), encoding="utf-8")
    target = folder / "seeds" / seed.name
    shutil.copy(seed, target)
    if themes is not None:
        target.with_name(target.stem + ".themes.toml").write_text(themes, encoding="utf-8")
    report = build_seed(target, folder / "out", load_project(folder))
    index = json.loads((folder / "out" / "briefs" / "index.json").read_text(encoding="utf-8"))
    briefs = []
    for entry in index["briefs"]:
        files = {Path(f).suffix: folder / "out" / f for f in entry["files"]}
        briefs.append(BuiltBrief(entry, files[".pdf"], files[".docx"]))
    return BuiltSeed(target, load_seed(target).outline, folder / "out", index, briefs, report.warnings)


def docx_paragraphs(path: Path) -> list[Paragraph]:
    """Return a DOCX's paragraphs with their style names and their character-styled leading text."""
    document = docx.Document(io.BytesIO(path.read_bytes()))
    found = []
    for paragraph in document.paragraphs:
        styled = ""
        for run in paragraph.runs:
            if run.style is None or run.style.name in ("Default Paragraph Font", None):
                break
            styled += run.text
        found.append(Paragraph(paragraph.style.name, paragraph.text, styled))
    return found


def pdf_text(path: Path) -> tuple[int, str]:
    """Return a PDF's page count and its first page's text."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf), pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def balanced(text: str) -> bool:
    """Return True when every bracket and quote of ``text`` closes, in order."""
    pairs = dict(zip(OPENERS, CLOSERS))
    stack: list[str] = []
    for char in text:
        if char in pairs:
            stack.append(pairs[char])
        elif char in CLOSERS and (not stack or stack.pop() != char):
            return False
    return not stack
