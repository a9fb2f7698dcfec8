"""The compilation made for the printing tests (tests/data/page_feet.txt: headings of every level on
their own lines, speeches with subtitle and unit lines, at lengths that push headings to page feet),
projects with a briefgen.toml of the test's choosing, and pages read back from a PDF by position."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefgen.job import RenderJob
from briefgen.outline.seeds import load_seed
from briefgen.project.folder import Project, load_project
from briefgen.project.style import MM, StyleSheet
from briefgen.render import Renderer

from support.paths import DATA
from support.pdf import line_text, read_chars, text_lines

PAGE_FEET = DATA / "page_feet.txt"
DATE = dt.date(2026, 11, 28)
KEPT_STYLES = ("title", "subtitle", "unit", "heading1", "heading2", "heading3", "heading4", "heading5")
# The style sheet with headings on their own lines no longer kept with their text (as before issue 13).
HEADINGS_NOT_KEPT = "".join(f"[style.styles.heading{n}]\nkeep_with_next = false\n" for n in range(1, 6))


def project_with(folder: Path, toml: str = "") -> Project:
    """Return a project using only the bundled fonts, with ``toml`` in its briefgen.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "briefgen.toml").write_text(f"{toml}\n[fonts]\nsystem = false\n", encoding="utf-8")
    return load_project(folder)


def compilation(project: Project, seed: Path = PAGE_FEET) -> RenderJob:
    """Return the laid-out compilation of ``seed`` in ``project``."""
    return Renderer(project).compilation(load_seed(seed).outline, DATE)


def kept_line_texts(job: RenderJob) -> set[str]:
    """Return the text of every laid-out line of a title, subtitle, unit line or heading on its own line."""
    layout = job.layout
    return {line.text.replace(" ", "") for page in layout.pages for line in page.lines
            if layout.blocks[line.block].style in KEPT_STYLES}


def pages_ending_on_kept_lines(job: RenderJob) -> list[tuple[int, str]]:
    """Return (page number in the file, style) of every page of the layout whose last line is a kept block's."""
    found = []
    for index, page in enumerate(job.layout.pages, 1):
        if page.lines:
            style = job.layout.blocks[page.lines[-1].block].style
            if style in KEPT_STYLES:
                found.append((index, style))
    return found


@dataclass(frozen=True)
class ReadLine:
    """A line read back from a PDF: its text, left edge and top in points from the page's top-left corner,
    its character sizes and fonts."""

    text: str
    left: float
    top: float
    sizes: frozenset[float]
    fonts: frozenset[str]


def read_pages(pdf: Path, sheet: StyleSheet) -> list[tuple[list[ReadLine], list[ReadLine]]]:
    """Return every page of a PDF as (lines inside the type area, lines below it: the page number)."""
    bottom = (sheet.page.height_mm - sheet.page.margin_bottom_mm) * MM
    height = sheet.page.height_mm * MM
    pages = []
    for chars in read_chars(pdf):
        inside, below = [], []
        for line in text_lines([c for c in chars if not c.text.isspace()]):
            read = ReadLine(line_text(line), line[0].x, height - max(c.ink[3] for c in line),
                            frozenset(round(c.size, 2) for c in line), frozenset(c.font for c in line))
            (below if height - line[0].y > bottom + 1 else inside).append(read)
        pages.append((inside, below))
    return pages
