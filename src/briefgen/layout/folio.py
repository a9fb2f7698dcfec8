"""The page-number line (— 1 —): 4号 below the type area, right on right-hand pages (odd numbers) and
left on left-hand ones, one character in from the side; the style sheet names its style and so its
faces (GB/T 9704 7.5)."""

from __future__ import annotations

from dataclasses import replace

from briefgen.document.model import PageNumbering
from briefgen.layout.measure import TextMetrics
from briefgen.layout.model import Layout, Line, Segment
from briefgen.project.style import MM, StyleSheet


def add_folios(layout: Layout, numbering: PageNumbering | None, sheet: StyleSheet, metrics: TextMetrics) -> Layout:
    """Return the layout with the page-number line of every numbered page."""
    if numbering is None or not any(page.number is not None for page in layout.pages):
        return layout
    pages = tuple(replace(page, folio=folio_line(numbering.text(page.number), sheet, metrics, page.right_hand))
                  if page.number is not None else page for page in layout.pages)
    return replace(layout, pages=pages)


def folio_line(wording: str, sheet: StyleSheet, metrics: TextMetrics, right: bool) -> Line:
    """Return the line showing ``wording`` as a page's number, placed below the type area: at the right
    of a right-hand page (``right``), at the left of a left-hand one."""
    spec = sheet.page_number
    style = sheet.style(spec.style)
    spacing = metrics.spacing
    runs: list[tuple[list[str], bool, float]] = []  # characters, half-width, x from the line's start
    x = 0.0
    for char, half in zip(wording, metrics.narrow_flags(wording)):
        if runs and runs[-1][1] == half:
            runs[-1][0].append(char)
        else:
            runs.append(([char], half, x))
        x += metrics.em(char, style) * style.size_pt + spacing
    width = x - spacing if wording else 0.0
    side = spec.side_indent_chars * sheet.char_pt(style)
    measure = sheet.page.measure_pt
    left = measure - side - width if right else side
    baseline = sheet.page.area_height_pt + spec.offset_mm * MM + _top_em(wording, sheet, metrics) * style.size_pt
    segments = tuple(Segment("".join(chars), spec.style, half, sheet.role_of(style, half), left + offset, spacing,
                             sum(metrics.advances("".join(chars), style)))
                     for chars, half, offset in runs)
    return Line(-1, sheet.page.lines_per_page, 0, baseline, segments, left + width, False, True, True)


def _top_em(wording: str, sheet: StyleSheet, metrics: TextMetrics) -> float:
    """Return how far the first glyph (the dash) rises above the baseline, in em: measured in the face
    that draws it, else the style sheet's dash_top_em; its top then stands offset_mm below the type area."""
    first = wording.lstrip()[:1]
    if first:
        style = sheet.style(sheet.page_number.style)
        top = metrics.face_of(sheet.role_of(style, metrics.narrow(first))).glyph_top(first)
        if top:
            return top
    return sheet.page_number.dash_top_em
