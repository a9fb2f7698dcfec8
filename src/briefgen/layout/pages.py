"""Pages: measured blocks placed on the 22 grid lines of each page, sections started on new pages,
kept with the next block where their style asks, the foot section set on the last lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.document.model import Block, Document, Section
from briefgen.layout.contents import fill_contents
from briefgen.layout.folio import add_folios
from briefgen.layout.lines import MeasuredBlock, measure_block, place_line, style_slots
from briefgen.layout.measure import TextMetrics
from briefgen.layout.model import Layout, Line, Page
from briefgen.project.style import StyleSheet


def baseline(sheet: StyleSheet, slot: int, slots: int, size: float) -> float:
    """Return the baseline of text of ``size`` on grid lines slot..slot+slots, in pt below the type area's top."""
    pitch = sheet.page.pitch_pt
    return slot * pitch + slots * pitch / 2 + sheet.page.baseline_offset_em * size


@dataclass
class _Page:
    section: str
    number: int | None
    lines: list[Line] = field(default_factory=list)


class _Pages:
    """Pages being filled, slot by slot."""

    def __init__(self, sheet: StyleSheet):
        self.sheet = sheet
        self.pages: list[_Page] = []
        self.slot = 0
        self.numbered = 0

    def new(self, section: Section) -> None:
        """Start a page of ``section`` (numbered when the section is)."""
        number = None
        if section.numbered:
            self.numbered += 1
            number = self.numbered
        self.pages.append(_Page(section.name, number))
        self.slot = 0

    @property
    def free(self) -> int:
        """Return the grid lines left on the current page."""
        return self.sheet.page.lines_per_page - self.slot


@dataclass(frozen=True)
class _Flow:
    """The document's blocks in order, each with its section and its measured lines."""

    blocks: list[Block]
    sections: list[Section]
    measured: list[MeasuredBlock]


def layout_document(document: Document, sheet: StyleSheet, metrics: TextMetrics) -> Layout:
    """Lay the document out on the grid and return its pages."""
    flow = _Flow([], [], [])
    for section, block in document.iter_blocks():
        flow.blocks.append(block)
        flow.sections.append(section)
        flow.measured.append(measure_block(block, sheet, metrics))
    pages = _Pages(sheet)
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
                pages.new(section)
            current = section
        elif block.page_break_before and pages.slot > 0:
            pages.new(section)
        if sheet.style(block.style).keep_with_next and pages.slot > 0:
            chain = _chain_slots(flow, index, sheet)
            if pages.free < chain <= sheet.page.lines_per_page:
                pages.new(section)
        _place_block(flow, index, pages, sheet, anchors)
    if foot:
        _place_foot(flow, foot, pages, sheet, anchors)
    laid = tuple(Page(p.section, p.number, tuple(p.lines)) for p in pages.pages)
    layout = Layout(laid, tuple(flow.blocks), tuple(s.name for s in flow.sections), anchors)
    return add_folios(fill_contents(layout, sheet, metrics), document.numbering, sheet, metrics)


def _chain_slots(flow: _Flow, index: int, sheet: StyleSheet) -> int:
    """Return the grid lines of the blocks kept with the next from ``index`` on, and the next one's first line."""
    section = flow.sections[index]
    chain, following = 0, index
    while following < len(flow.blocks) and sheet.style(flow.blocks[following].style).keep_with_next \
            and flow.sections[following] is section:
        chain += style_slots(sheet.style(flow.blocks[following].style), len(flow.measured[following].lines))
        following += 1
    if following < len(flow.blocks) and flow.sections[following] is section:
        style = sheet.style(flow.blocks[following].style)
        chain += style.space_before_slots + style.line_slots
    return chain


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
