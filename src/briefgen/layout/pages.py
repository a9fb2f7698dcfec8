"""Pages: measured blocks placed on the 22 grid lines of each page, sections started on new pages,
kept with the next block where their style asks (layout/keep.py), the foot section set on the last
lines. Printed on both sides (Document.duplex), a start asked on a right-hand page gets one, a left-hand
page left blank and unnumbered before it, the page count is made even, and left-hand pages mirror the
margins (the binding side, margin_left_mm, is then on the right)."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.document.model import Block, Document, Section
from briefgen.layout.contents import fill_contents
from briefgen.layout.folio import add_folios
from briefgen.layout.keep import kept_chain, keeps_with_next
from briefgen.layout.lines import MeasuredBlock, measure_block, place_line, style_slots
from briefgen.layout.measure import TextMetrics
from briefgen.layout.model import Layout, Line, Page
from briefgen.project.style import MM, StyleSheet


def baseline(sheet: StyleSheet, slot: int, slots: int, size: float) -> float:
    """Return the baseline of text of ``size`` on grid lines slot..slot+slots, in pt below the type area's top."""
    pitch = sheet.page.pitch_pt
    return slot * pitch + slots * pitch / 2 + sheet.page.baseline_offset_em * size


@dataclass
class _Page:
    section: str
    number: int | None
    numbered: bool  # of a numbered section (a blank page there takes a number it does not print)
    blank: bool = False
    lines: list[Line] = field(default_factory=list)


class _Pages:
    """Pages being filled, slot by slot."""

    def __init__(self, sheet: StyleSheet, duplex: bool = False):
        self.sheet = sheet
        self.duplex = duplex
        self.pages: list[_Page] = []
        self.slot = 0
        self.numbered = 0

    def new(self, section: Section, right: bool = False) -> None:
        """Start a page of ``section`` (numbered when the section is); on a right-hand one when ``right``
        and printed on both sides, leaving a left-hand page blank if need be."""
        if self.duplex and right and len(self.pages) % 2:
            self.blank()
        number = None
        if section.numbered:
            self.numbered += 1
            number = self.numbered
        self.pages.append(_Page(section.name, number, section.numbered))
        self.slot = 0

    def blank(self) -> None:
        """Add a blank, unnumbered page to the section of the last page (it counts in its numbering)."""
        last = self.pages[-1]
        if last.numbered:
            self.numbered += 1
        self.pages.append(_Page(last.section, None, last.numbered, blank=True))

    @property
    def free(self) -> int:
        """Return the grid lines left on the current page."""
        return self.sheet.page.lines_per_page - self.slot

    def finish(self) -> tuple[Page, ...]:
        """Return the pages, an even count of them when printed on both sides, each with its hand and margin."""
        if self.duplex and len(self.pages) % 2:
            self.blank()
        page = self.sheet.page
        pages = []
        for index, filled in enumerate(self.pages):
            if self.duplex:
                right = index % 2 == 0
            else:
                right = filled.number is None or filled.number % 2 == 1
            left = (page.margin_left_mm if right or not self.duplex else page.margin_right_mm) * MM
            pages.append(Page(filled.section, filled.number, tuple(filled.lines), left, right, filled.blank))
        return tuple(pages)


@dataclass(frozen=True)
class _Flow:
    """The document's blocks in order, each with its section and its measured lines, and what the
    layout decided about keeping and right-hand starts."""

    blocks: list[Block]
    sections: list[Section]
    measured: list[MeasuredBlock]
    kept: set[int] = field(default_factory=set)
    moved: set[int] = field(default_factory=set)
    right: set[int] = field(default_factory=set)


def layout_document(document: Document, sheet: StyleSheet, metrics: TextMetrics) -> Layout:
    """Lay the document out on the grid and return its pages."""
    flow = _Flow([], [], [])
    for section, block in document.iter_blocks():
        flow.blocks.append(block)
        flow.sections.append(section)
        flow.measured.append(measure_block(block, sheet, metrics))
    pages = _Pages(sheet, document.duplex)
    anchors: dict[str, int] = {}
    foot: list[int] = []
    current: Section | None = None
    for index, block in enumerate(flow.blocks):
        section = flow.sections[index]
        if section.at_foot:
            foot.append(index)
            continue
        if section is not current:
            if section.new_page or not pages.pages:
                _start_page(flow, index, pages, section.start_right)
            current = section
        elif block.page_break_before and pages.slot > 0:
            _start_page(flow, index, pages, block.start_right)
        if keeps_with_next(block, sheet):
            _keep(flow, index, pages, sheet)
        _place_block(flow, index, pages, sheet, anchors)
    if foot:
        _place_foot(flow, foot, pages, sheet, anchors)
    layout = Layout(pages.finish(), tuple(flow.blocks), tuple(s.name for s in flow.sections), anchors,
                    frozenset(flow.kept), frozenset(flow.moved), frozenset(flow.right), document.duplex)
    return add_folios(fill_contents(layout, sheet, metrics), document.numbering, sheet, metrics)


def _start_page(flow: _Flow, index: int, pages: _Pages, right: bool) -> None:
    """Start a page for block ``index``: a right-hand one when asked and printed on both sides."""
    pages.new(flow.sections[index], right)
    if right and pages.duplex:
        flow.right.add(index)


def _keep(flow: _Flow, index: int, pages: _Pages, sheet: StyleSheet) -> None:
    """Move a kept chain starting at ``index`` to a new page when it and the lines it keeps do not fit."""
    needed = kept_chain(flow.blocks, flow.sections, flow.measured, index, sheet)
    if needed > sheet.page.lines_per_page:
        return  # a chain longer than a page could never be kept together: it flows on
    flow.kept.add(index)
    if pages.slot > 0 and pages.free < needed:
        flow.moved.add(index)
        pages.new(flow.sections[index])


def _place_block(flow: _Flow, index: int, pages: _Pages, sheet: StyleSheet, anchors: dict[str, int]) -> None:
    """Put a block's lines on the current page, starting new pages as it fills."""
    block, measured, section = flow.blocks[index], flow.measured[index], flow.sections[index]
    style = sheet.style(block.style)
    measure = sheet.page.measure_pt
    sizes = {name: sheet.style(name).size_pt for name in set(measured.prepared.styles)}
    pages.slot = min(pages.slot + style.space_before_slots, sheet.page.lines_per_page)
    for line in measured.lines:
        if pages.free < style.line_slots:
            pages.new(section)
        if block.anchor and line.first:
            anchors[block.anchor] = len(pages.pages) - 1
        segments, right = place_line(measured.prepared, line, style, measure, measured.indent, measured.reserve)
        size = max((sizes[s.style] for s in segments), default=style.size_pt)
        pages.pages[-1].lines.append(Line(index, pages.slot, style.line_slots,
                                          baseline(sheet, pages.slot, style.line_slots, size), segments, right,
                                          line.justify and style.align == "justify", line.first, line.last))
        pages.slot += style.line_slots
    pages.slot = min(pages.slot + style.space_after_slots, sheet.page.lines_per_page)


def _place_foot(flow: _Flow, foot: list[int], pages: _Pages, sheet: StyleSheet, anchors: dict[str, int]) -> None:
    """Set the foot section's blocks on the last grid lines of the page (a new page if they do not fit)."""
    needed = sum(style_slots(sheet.style(flow.blocks[i].style), len(flow.measured[i].lines)) for i in foot)
    if not pages.pages or needed > pages.free:
        pages.new(flow.sections[foot[0]])
    pages.slot = sheet.page.lines_per_page - needed
    for index in foot:
        _place_block(flow, index, pages, sheet, anchors)
