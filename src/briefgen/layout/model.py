"""What the layout gives the writers: pages of lines of placed segments, every position in points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from briefgen.document.model import Block


@dataclass(frozen=True)
class Segment:
    """Consecutive characters of one line in one style and one face."""

    text: str
    style: str  # effective style: the run's style, else the block's
    latin: bool  # half-width characters (marks.is_narrow), set in the style's Latin face
    role: str  # the font role that draws it (StyleSheet.role_of)
    x: float  # left edge of the first glyph, in pt from the left of the type area
    spacing: float  # added after every glyph (PDF character spacing), pt
    advance: float  # sum of glyph advances without spacing, pt


@dataclass(frozen=True)
class Line:
    """One text line on the grid."""

    block: int  # index of the block in Layout.blocks (-1: the page number)
    slot: int  # first grid line it occupies, 0 at the top of the type area
    slots: int
    baseline: float  # pt below the top of the type area
    segments: tuple[Segment, ...]
    right: float  # right edge of the last glyph, pt from the left of the type area
    justified: bool
    first: bool
    last: bool

    @property
    def text(self) -> str:
        """Return the characters drawn on the line."""
        return "".join(segment.text for segment in self.segments)


@dataclass(frozen=True)
class Page:
    """A page: its section, printed number (None when unnumbered), lines, where its type area stands,
    which hand it is, and the page-number line."""

    section: str
    number: int | None
    lines: tuple[Line, ...]
    left: float  # the type area's left edge, pt from the page's left edge (mirrored on left-hand pages)
    right_hand: bool = True  # printed on both sides: the front of a sheet; else: an odd page number
    blank: bool = False  # left blank so that what follows starts on a right-hand page, or for an even count
    folio: Line | None = None  # "— 1 —" below the type area, on numbered pages


@dataclass(frozen=True)
class Layout:
    """The laid-out document."""

    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    block_sections: tuple[str, ...]
    anchors: Mapping[str, int]  # anchor -> index of the page holding the block's first line
    kept: frozenset[int] = frozenset()  # blocks kept on the page of the next block's first lines
    moved: frozenset[int] = frozenset()  # kept blocks moved to a new page to stay with what follows
    right_starts: frozenset[int] = frozenset()  # blocks set at the top of a right-hand page, as asked
    duplex: bool = False  # printed on both sides

    def page_number(self, anchor: str) -> int | None:
        """Return the printed page number of the page where ``anchor`` starts."""
        return self.pages[self.anchors[anchor]].number

    @property
    def lines_per_page(self) -> list[int]:
        """Return how many grid lines carry text on each page."""
        return [len({(line.slot, line.slots) for line in page.lines}) for page in self.pages]
