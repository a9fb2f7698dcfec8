"""The renderers' input: a document as sections of styled blocks (outline + templates, no layout)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

LINE_BREAK = "\n"  # inside a run: a forced line break (title display lines, template wording)
TAB = "\t"  # inside a run: what follows on the line is right-aligned at the measure (unit ... date)


@dataclass(frozen=True)
class Run:
    """Characters in one style: the block's own, or a run style such as heading1 or subpoint_lead."""

    text: str
    style: str | None = None
    line: int = 0  # seed line the text came from; 0 for template wording


@dataclass(frozen=True)
class Block:
    """A paragraph: a style, its runs, and what navigation and cross-references need."""

    style: str
    runs: tuple[Run, ...] = ()
    outline_level: int | None = None  # 0 speech title, 1 一、 point ...: navigation pane and bookmarks
    label: str | None = None  # bookmark / navigation text when it is not the whole paragraph
    anchor: str | None = None  # an id a contents entry can point at
    ref: str | None = None  # contents entry: the anchor whose page number it shows
    page_break_before: bool = False
    start_right: bool = False  # with page_break_before: on a right-hand page when printed on both sides
    rule_below: str | None = None  # a rule of [rules] drawn under the paragraph (brief masthead, footer)
    rule_above: str | None = None

    @property
    def text(self) -> str:
        """Return the paragraph's characters, line breaks included."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Section:
    """Blocks that share page numbering and placement."""

    name: str
    blocks: tuple[Block, ...]
    numbered: bool = False  # page numbers are printed on its pages
    new_page: bool = True  # starts on a new page
    at_foot: bool = False  # set at the foot of the page, below everything else
    start_right: bool = False  # starts on a right-hand page when printed on both sides


@dataclass(frozen=True)
class Metadata:
    """Document properties: written into DOCX core properties and the PDF info."""

    title: str
    subject: str
    author: str
    keywords: str
    date: dt.date
    language: str = "zh-CN"


@dataclass(frozen=True)
class PageNumbering:
    """The wording around the number of a numbered page (page_number.j2): "— " and " —"."""

    before: str
    after: str

    def text(self, number: int | str) -> str:
        """Return what a page numbered ``number`` shows."""
        return f"{self.before}{number}{self.after}"


@dataclass(frozen=True)
class Document:
    """A whole document ready for layout and writing."""

    kind: str  # "compilation" or "brief"
    sections: tuple[Section, ...]
    metadata: Metadata
    numbering: PageNumbering | None = None  # how numbered sections show their page numbers
    duplex: bool = False  # printed on both sides: right-hand starts kept, margins mirrored

    def iter_blocks(self) -> Iterator[tuple[Section, Block]]:
        """Yield every block with its section, in order."""
        for section in self.sections:
            for block in section.blocks:
                yield section, block
