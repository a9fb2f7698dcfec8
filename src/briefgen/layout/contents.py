"""The contents page's page numbers: a dot leader and the number at the right of each entry's last line."""

from __future__ import annotations

from dataclasses import replace

from briefgen.layout.measure import TextMetrics
from briefgen.layout.model import Layout, Line, Segment
from briefgen.project.style import StyleSheet


def fill_contents(layout: Layout, sheet: StyleSheet, metrics: TextMetrics) -> Layout:
    """Return the layout with the dot leader and page number added to the last line of every contents entry."""
    pages = []
    for page in layout.pages:
        lines = []
        for line in page.lines:
            block = layout.blocks[line.block]
            if block.ref and line.last and block.ref in layout.anchors:
                line = _with_number(line, str(layout.page_number(block.ref)), block.style, sheet, metrics)
            lines.append(line)
        pages.append(replace(page, lines=tuple(lines)))
    return replace(layout, pages=tuple(pages))


def _with_number(line: Line, number: str, style_name: str, sheet: StyleSheet, metrics: TextMetrics) -> Line:
    """Return an entry's line with the leader running from its text to its page number, set flush right."""
    style = sheet.style(style_name)
    measure = sheet.page.measure_pt
    spacing = metrics.spacing
    advances = metrics.advances(number, style)
    width = sum(advances) + spacing * (len(number) - 1)
    number_x = measure - width
    leader = sheet.contents.leader
    pitch = sheet.page.cell_pt / 2
    dot = metrics.em(leader, style) * style.size_pt
    gap = sheet.page.cell_pt / 2
    start = line.right + gap
    count = max(0, int((number_x - gap - start) // pitch))
    segments = list(line.segments)
    if count:
        half = metrics.narrow(leader)
        segments.append(Segment(leader * count, style_name, half, sheet.role_of(style, half),
                                number_x - gap - count * pitch, pitch - dot, dot * count))
    segments.append(Segment(number, style_name, True, sheet.role_of(style, True), number_x, spacing, sum(advances)))
    return replace(line, segments=tuple(segments), right=measure)
