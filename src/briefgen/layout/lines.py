"""The grid layout core: blocks -> lines -> pages, under the Chinese line-breaking rules.

Both renderers use it: the PDF draws its lines, the DOCX takes its page numbers for the
contents. Widths follow what Word does with the DOCX: every full-width character (East Asian
width W, F or A, set in the role's CJK face) is one em, every narrow one takes the Latin
face's advance, and each character is followed by the style's character spacing. A line
breaks where the next character no longer fits, moved back while that would start a line
with a closing mark or end one with an opening mark; the shortfall is spread over the line
(justification), so nothing hangs past the type area.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate, compress
from operator import add, ne
from typing import Mapping, Sequence

from briefgen.marks import NO_LINE_END, NO_LINE_START, UNSPLIT, is_narrow
from briefgen.document.model import LINE_BREAK, TAB, Block, Document, Section
from briefgen.layout.metrics import FaceMetrics
from briefgen.project.style import ParagraphStyle, StyleSheet

EPSILON = 1e-6


class TextMetrics:
    """Character widths for the grid: one em for full-width characters, Latin advances for the rest."""

    def __init__(self, sheet: StyleSheet, latin: FaceMetrics, latin_bold: FaceMetrics | None = None):
        self.sheet = sheet
        self.latin = latin
        self.latin_bold = latin_bold or latin
        self._narrow: dict[str, bool] = {}
        self._em: dict[tuple[str, bool], float] = {}
        self._tables: dict[str, dict[str, float]] = {}

    def narrow(self, char: str) -> bool:
        """Return True when ``char`` is set half-width in the Latin face."""
        found = self._narrow.get(char)
        if found is None:
            found = self._narrow[char] = is_narrow(char)
        return found

    def em(self, char: str, bold: bool) -> float:
        """Return the advance of ``char`` in em."""
        key = (char, bold)
        found = self._em.get(key)
        if found is None:
            if char in (LINE_BREAK, TAB):
                found = 0.0
            elif self.narrow(char):
                found = (self.latin_bold if bold else self.latin).advance(char, 0.5)
            else:
                found = 1.0
            self._em[key] = found
        return found

    def spacing(self, style: ParagraphStyle) -> float:
        """Return the tracking added after each character of a style, in points."""
        return self.sheet.page.char_spacing_pt

    def advances(self, text: str, style: ParagraphStyle) -> list[float]:
        """Return the advance of each character of ``text`` in a style, in points."""
        table = self._tables.get(style.name)
        if table is None:
            table = self._tables[style.name] = {}
        missing = set(text).difference(table)
        for char in missing:
            table[char] = self.em(char, style.bold) * style.size_pt
        return list(map(table.__getitem__, text))

    def narrow_flags(self, chars: str) -> list[bool]:
        """Return, for each character, whether it is set half-width."""
        for char in set(chars).difference(self._narrow):
            self.narrow(char)
        return list(map(self._narrow.__getitem__, chars))


@dataclass(frozen=True)
class Segment:
    """Consecutive characters of one line in one style and one face."""

    text: str
    style: str  # effective style: the run's style, else the block's
    latin: bool  # set in the Latin face (half-width characters)
    x: float  # left edge of the first glyph, in pt from the left of the type area
    spacing: float  # added after every glyph (PDF character spacing), pt
    advance: float  # sum of glyph advances without spacing, pt


@dataclass(frozen=True)
class Line:
    """One text line on the grid."""

    block: int  # index of the block in Layout.blocks
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
    """A page: its section, printed number (None when unnumbered) and lines."""

    section: str
    number: int | None
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Layout:
    """The laid-out document."""

    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    block_sections: tuple[str, ...]
    anchors: Mapping[str, int]  # anchor -> index of the page holding the block's first line

    def page_number(self, anchor: str) -> int | None:
        """Return the printed page number of the page where ``anchor`` starts."""
        return self.pages[self.anchors[anchor]].number

    @property
    def lines_per_page(self) -> list[int]:
        """Return how many grid lines carry text on each page."""
        return [len({(line.slot, line.slots) for line in page.lines}) for page in self.pages]


@dataclass
class _Broken:
    """A line of a block before it is placed on a page."""

    start: int
    end: int  # exclusive; trailing spaces and the forced break excluded
    justify: bool
    first: bool
    last: bool


@dataclass
class _Prepared:
    """A block's characters with their styles and widths."""

    chars: str
    styles: list[str]
    narrow: list[bool]
    advances: list[float]  # pt
    spacings: list[float]  # pt
    bounds: list[int]  # indices where a segment may have to start (style, face, break or tab), then len


def can_break(before: str, after: str, before_narrow: bool, after_narrow: bool) -> bool:
    """Return True when a line may end after ``before`` and the next start with ``after``."""
    if after in NO_LINE_START or before in NO_LINE_END or TAB in (before, after):
        return False
    if before == after and before in UNSPLIT:
        return False
    if after == " ":
        return False
    if before == " ":
        return True
    if before_narrow and after_narrow:
        return False  # inside a Latin word or a number such as 4.4 or 79.9%
    return True


def prepare_block(block: Block, sheet: StyleSheet, metrics: TextMetrics) -> _Prepared:
    """Return a block's characters with their effective styles and widths (list operations in C)."""
    parts: list[str] = []
    styles: list[str] = []
    advances: list[float] = []
    spacings: list[float] = []
    cuts = {0}
    offset = 0
    for run in block.runs:
        text = run.text
        if not text:
            continue
        name = run.style or block.style
        style = sheet.style(name)
        spacing = metrics.spacing(style)
        cuts.add(offset)
        for control in (LINE_BREAK, TAB):
            at = text.find(control)
            while at >= 0:
                cuts.update((offset + at, offset + at + 1))
                at = text.find(control, at + 1)
        parts.append(text)
        styles.extend([name] * len(text))
        advances.extend(metrics.advances(text, style))
        if LINE_BREAK in text or TAB in text:
            spacings.extend(0.0 if c in (LINE_BREAK, TAB) else spacing for c in text)
        else:
            spacings.extend([spacing] * len(text))
        offset += len(text)
    chars = "".join(parts)
    narrow = metrics.narrow_flags(chars)
    cuts.update(compress(range(1, len(chars)), map(ne, narrow[1:], narrow[:-1])))
    bounds = sorted(c for c in cuts if c < len(chars)) + [len(chars)]
    return _Prepared(chars, styles, narrow, advances, spacings, bounds)


def break_block(prepared: _Prepared, first_width: float, width: float, justify: bool) -> list[_Broken]:
    """Break a block's characters into lines that fit, following the line-breaking rules."""
    chars, narrow = prepared.chars, prepared.narrow
    total = len(chars)
    if total == 0:
        return [_Broken(0, 0, False, True, True)]
    acc = list(accumulate(map(add, prepared.advances, prepared.spacings), initial=0.0))
    forced = [i for i in prepared.bounds[:-1] if chars[i] == LINE_BREAK] + [total]
    lines: list[_Broken] = []
    start, next_forced = 0, 0
    while start <= total:
        while forced[next_forced] < start:
            next_forced += 1
        limit = forced[next_forced]
        available = first_width if not lines else width
        end = min(bisect_right(acc, acc[start] + available + EPSILON) - 1, limit)
        if end >= limit:
            lines.append(_Broken(start, limit, False, not lines, limit == total))
            if limit == total:
                break
            start = limit + 1
            continue
        cut = end
        while cut > start and not can_break(chars[cut - 1], chars[cut], narrow[cut - 1], narrow[cut]):
            cut -= 1
        if cut == start:
            cut = max(end, start + 1)  # no allowed break on the whole line: break where it is full
        stop = cut
        while cut < limit and chars[cut] == " ":
            cut += 1  # spaces at a break hang past the edge, as in Word, and are not drawn
        lines.append(_Broken(start, stop, justify, not lines, False))
        start = cut
    return lines


def _segments(prepared: _Prepared, start: int, end: int, x0: float,
              spacing: float | None) -> tuple[tuple[Segment, ...], float]:
    """Return the segments of characters start..end placed from ``x0`` (spacing None: each character's
    own), and the right edge of the last glyph."""
    chars, bounds = prepared.chars, prepared.bounds
    cuts = [start, *bounds[bisect_right(bounds, start):bisect_left(bounds, end)], end]
    segments = []
    x = right = x0
    for index, stop in zip(cuts, cuts[1:]):
        if stop <= index or chars[index] in (LINE_BREAK, TAB):
            continue
        advance = sum(prepared.advances[index:stop])
        track = prepared.spacings[index] if spacing is None else spacing
        segments.append(Segment(chars[index:stop], prepared.styles[index], prepared.narrow[index], x, track,
                                advance))
        right = x + advance + track * (stop - index - 1)
        x += advance + track * (stop - index)
    return tuple(segments), right


def _natural_width(prepared: _Prepared, start: int, end: int) -> float:
    """Return the width from the first glyph's left edge to the last glyph's right edge."""
    if end <= start:
        return 0.0
    return sum(prepared.advances[start:end]) + sum(prepared.spacings[start:end - 1])


def _place(prepared: _Prepared, broken: _Broken, style: ParagraphStyle, measure: float, indent: float,
           right_reserve: float) -> tuple[tuple[Segment, ...], float]:
    """Position a broken line: align it, and justify it exactly to the measure when asked."""
    left = indent if broken.first else 0.0
    available = measure - left - right_reserve
    start, end, chars = broken.start, broken.end, prepared.chars
    while end > start and chars[end - 1] in (" ", LINE_BREAK):
        end -= 1
    count = end - start
    if TAB in chars[start:end]:
        tab = chars.index(TAB, start, end)
        head, head_right = _segments(prepared, start, tab, left, None)
        tail_x = measure - right_reserve - _natural_width(prepared, tab + 1, end)
        tail, tail_right = _segments(prepared, tab + 1, end, tail_x, None)
        return head + tail, (tail_right if tail else head_right)
    if broken.justify and style.align == "justify" and count > 1:
        natural = sum(prepared.advances[start:end])
        return _segments(prepared, start, end, left, (available - natural) / (count - 1))
    if style.align in ("center", "right"):
        slack = available - _natural_width(prepared, start, end)
        left += slack / 2 if style.align == "center" else slack
    return _segments(prepared, start, end, left, None)


def _baseline(sheet: StyleSheet, slot: int, slots: int, size: float) -> float:
    pitch = sheet.page.pitch_pt
    return slot * pitch + slots * pitch / 2 + sheet.page.baseline_offset_em * size


class _Pages:
    """Pages being filled, slot by slot."""

    def __init__(self, sheet: StyleSheet):
        self.sheet = sheet
        self.pages: list[dict] = []
        self.slot = 0
        self.numbered = 0

    def new(self, section: Section) -> None:
        number = None
        if section.numbered:
            self.numbered += 1
            number = self.numbered
        self.pages.append({"section": section.name, "number": number, "lines": []})
        self.slot = 0

    @property
    def free(self) -> int:
        return self.sheet.page.lines_per_page - self.slot


def layout_document(document: Document, sheet: StyleSheet, metrics: TextMetrics) -> Layout:
    """Lay the document out on the grid and return its pages."""
    measure = sheet.page.measure_pt
    blocks: list[Block] = []
    sections: list[Section] = []
    prepared: list[_Prepared] = []
    broken: list[list[_Broken]] = []
    margins: list[tuple[float, float]] = []  # first-line indent, reserve at the right
    for section, block in document.iter_blocks():
        style = sheet.style(block.style)
        character = style.size_pt + metrics.spacing(style)
        reserve = sheet.contents.number_cells * sheet.page.cell_pt if block.ref else 0.0
        reserve += style.right_indent_chars * character
        indent = style.indent_chars * character
        ready = prepare_block(block, sheet, metrics)
        blocks.append(block)
        sections.append(section)
        prepared.append(ready)
        margins.append((indent, reserve))
        broken.append(break_block(ready, measure - indent - reserve, measure - reserve, style.align == "justify"))

    def slots_of(index: int, whole: bool) -> int:
        style = sheet.style(blocks[index].style)
        lines = len(broken[index]) if whole else 1
        return style.space_before_slots + lines * style.line_slots + (style.space_after_slots if whole else 0)

    pages = _Pages(sheet)
    anchors: dict[str, int] = {}
    foot: list[int] = []
    current_section: Section | None = None
    for index, block in enumerate(blocks):
        section = sections[index]
        style = sheet.style(block.style)
        if section.at_foot:
            foot.append(index)
            continue
        if section is not current_section:
            if section.new_page or not pages.pages:
                pages.new(section)
            current_section = section
        elif block.page_break_before and pages.slot > 0:
            pages.new(section)
        if style.keep_with_next and pages.slot > 0:
            chain, following = 0, index
            while following < len(blocks) and sheet.style(blocks[following].style).keep_with_next \
                    and sections[following] is section:
                chain += slots_of(following, True)
                following += 1
            if following < len(blocks) and sections[following] is section:
                chain += slots_of(following, False)
            if chain <= sheet.page.lines_per_page and chain > pages.free:
                pages.new(section)
        _place_block(index, block, style, prepared[index], broken[index], margins[index], pages, sheet, section,
                     anchors)
    if foot:
        _place_foot(foot, blocks, prepared, broken, margins, pages, sheet, sections, anchors)
    laid = tuple(Page(p["section"], p["number"], tuple(p["lines"])) for p in pages.pages)
    layout = Layout(laid, tuple(blocks), tuple(s.name for s in sections), anchors)
    return _fill_contents(layout, sheet, metrics, prepared)


def _place_block(index: int, block: Block, style: ParagraphStyle, ready: _Prepared, lines: list[_Broken],
                 margins: tuple[float, float], pages: _Pages, sheet: StyleSheet, section: Section,
                 anchors: dict[str, int]) -> None:
    """Put a block's lines on the current page, starting new pages as it fills."""
    indent, reserve = margins
    measure = sheet.page.measure_pt
    sizes = {name: sheet.style(name).size_pt for name in set(ready.styles)}
    pages.slot = min(pages.slot + style.space_before_slots, sheet.page.lines_per_page)
    for line in lines:
        if pages.free < style.line_slots:
            pages.new(section)
        if block.anchor and line.first:
            anchors[block.anchor] = len(pages.pages) - 1
        segments, right = _place(ready, line, style, measure, indent, reserve)
        size = max((sizes[s.style] for s in segments), default=style.size_pt)
        pages.pages[-1]["lines"].append(Line(index, pages.slot, style.line_slots,
                                             _baseline(sheet, pages.slot, style.line_slots, size), segments, right,
                                             line.justify and style.align == "justify", line.first, line.last))
        pages.slot += style.line_slots
    pages.slot = min(pages.slot + style.space_after_slots, sheet.page.lines_per_page)


def _place_foot(foot: list[int], blocks, prepared, broken, margins, pages: _Pages, sheet: StyleSheet,
                sections, anchors) -> None:
    """Set the foot section's blocks on the last grid lines of the page (a new page if they do not fit)."""
    needed = sum(sheet.style(blocks[i].style).space_before_slots + len(broken[i]) * sheet.style(blocks[i].style)
                 .line_slots + sheet.style(blocks[i].style).space_after_slots for i in foot)
    if not pages.pages or needed > pages.free:
        pages.new(sections[foot[0]])
    pages.slot = sheet.page.lines_per_page - needed
    for index in foot:
        _place_block(index, blocks[index], sheet.style(blocks[index].style), prepared[index], broken[index],
                     margins[index], pages, sheet, sections[index], anchors)


def _fill_contents(layout: Layout, sheet: StyleSheet, metrics: TextMetrics, prepared: Sequence[_Prepared]) -> Layout:
    """Add the dot leader and page number to the last line of every contents entry."""
    measure = sheet.page.measure_pt
    pages = []
    for page in layout.pages:
        lines = []
        for line in page.lines:
            block = layout.blocks[line.block]
            if block.ref and line.last and block.ref in layout.anchors:
                line = _with_number(line, str(layout.page_number(block.ref)), block.style, sheet, metrics, measure)
            lines.append(line)
        pages.append(replace(page, lines=tuple(lines)))
    return replace(layout, pages=tuple(pages))


def _with_number(line: Line, number: str, style_name: str, sheet: StyleSheet, metrics: TextMetrics,
                 measure: float) -> Line:
    style = sheet.style(style_name)
    spacing = metrics.spacing(style)
    advances = [metrics.em(c, style.bold) * style.size_pt for c in number]
    width = sum(advances) + spacing * (len(number) - 1)
    number_x = measure - width
    leader = sheet.contents.leader
    pitch = sheet.page.cell_pt / 2
    dot = metrics.em(leader, style.bold) * style.size_pt
    gap = sheet.page.cell_pt / 2
    start = line.right + gap
    count = max(0, int((number_x - gap - start) // pitch))
    segments = list(line.segments)
    if count:
        segments.append(Segment(leader * count, style_name, metrics.narrow(leader), number_x - gap - count * pitch,
                                pitch - dot, dot * count))
    segments.append(Segment(number, style_name, True, number_x, spacing, sum(advances)))
    return replace(line, segments=tuple(segments), right=measure)
