"""Lines: a block's characters measured, broken under the Chinese line-breaking rules, and placed.

A line breaks where the next character no longer fits, moved back while that would start a line
with a closing mark or end one with an opening mark (marks.py); the shortfall is spread over the
line (justification), so nothing hangs past the type area. ``measure_block`` and ``block_slots``
measure a block for anyone who asks: the page filler, the contents and the brief fitter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import add, ne

from briefgen.document.model import LINE_BREAK, TAB, Block
from briefgen.layout.measure import TextMetrics
from briefgen.layout.model import Segment
from briefgen.marks import NO_LINE_END, NO_LINE_START, UNSPLIT
from briefgen.project.style import ParagraphStyle, StyleSheet

EPSILON = 1e-6


@dataclass
class BrokenLine:
    """A line of a block before it is placed on a page."""

    start: int
    end: int  # exclusive; trailing spaces and the forced break excluded
    justify: bool
    first: bool
    last: bool


@dataclass
class PreparedBlock:
    """A block's characters with their styles and widths."""

    chars: str
    styles: list[str]
    narrow: list[bool]
    advances: list[float]  # pt
    spacings: list[float]  # pt
    bounds: list[int]  # indices where a segment may have to start (style, face, break or tab), then len
    roles: dict[tuple[str, bool], str]  # (style, half-width) -> the font role drawing it


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


def prepare_block(block: Block, sheet: StyleSheet, metrics: TextMetrics) -> PreparedBlock:
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
        spacing = metrics.spacing
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
    roles = {(name, half): sheet.role_of(sheet.style(name), half) for name in set(styles) for half in (False, True)}
    return PreparedBlock(chars, styles, narrow, advances, spacings, bounds, roles)


def break_block(prepared: PreparedBlock, first_width: float, width: float, justify: bool) -> list[BrokenLine]:
    """Break a block's characters into lines that fit, following the line-breaking rules."""
    chars, narrow = prepared.chars, prepared.narrow
    total = len(chars)
    if total == 0:
        return [BrokenLine(0, 0, False, True, True)]
    acc = list(accumulate(map(add, prepared.advances, prepared.spacings), initial=0.0))
    forced = [i for i in prepared.bounds[:-1] if chars[i] == LINE_BREAK] + [total]
    lines: list[BrokenLine] = []
    start, next_forced = 0, 0
    while start <= total:
        while forced[next_forced] < start:
            next_forced += 1
        limit = forced[next_forced]
        available = first_width if not lines else width
        end = min(bisect_right(acc, acc[start] + available + EPSILON) - 1, limit)
        if end >= limit:
            lines.append(BrokenLine(start, limit, False, not lines, limit == total))
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
        lines.append(BrokenLine(start, stop, justify, not lines, False))
        start = cut
    return lines


def _segments(prepared: PreparedBlock, start: int, end: int, x0: float,
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
        style, half = prepared.styles[index], prepared.narrow[index]
        segments.append(Segment(chars[index:stop], style, half, prepared.roles[(style, half)], x, track, advance))
        right = x + advance + track * (stop - index - 1)
        x += advance + track * (stop - index)
    return tuple(segments), right


def _natural_width(prepared: PreparedBlock, start: int, end: int) -> float:
    """Return the width from the first glyph's left edge to the last glyph's right edge."""
    if end <= start:
        return 0.0
    return sum(prepared.advances[start:end]) + sum(prepared.spacings[start:end - 1])


def place_line(prepared: PreparedBlock, broken: BrokenLine, style: ParagraphStyle, measure: float, indent: float,
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


@dataclass(frozen=True)
class MeasuredBlock:
    """A block prepared and broken into lines, with the indent and right reserve it was broken to."""

    prepared: PreparedBlock
    lines: list[BrokenLine]
    indent: float  # first-line indent, pt
    reserve: float  # room kept free at the right of every line, pt


def block_margins(block: Block, style: ParagraphStyle, sheet: StyleSheet) -> tuple[float, float]:
    """Return a block's first-line indent and the room kept at the right (contents numbers, right indent)."""
    reserve = sheet.contents.number_cells * sheet.page.cell_pt if block.ref else 0.0
    reserve += style.right_indent_chars * sheet.char_pt(style)
    return sheet.indent_pt(style), reserve


def measure_block(block: Block, sheet: StyleSheet, metrics: TextMetrics) -> MeasuredBlock:
    """Return a block broken into the lines it takes on the grid."""
    style = sheet.style(block.style)
    indent, reserve = block_margins(block, style, sheet)
    measure = sheet.page.measure_pt
    ready = prepare_block(block, sheet, metrics)
    lines = break_block(ready, measure - indent - reserve, measure - reserve, style.align == "justify")
    return MeasuredBlock(ready, lines, indent, reserve)


def style_slots(style: ParagraphStyle, lines: int) -> int:
    """Return the grid lines a paragraph of ``lines`` text lines takes, its space before and after included."""
    return style.space_before_slots + lines * style.line_slots + style.space_after_slots


def block_slots(block: Block, sheet: StyleSheet, metrics: TextMetrics) -> int:
    """Return the grid lines a block takes on a page."""
    return style_slots(sheet.style(block.style), len(measure_block(block, sheet, metrics).lines))
