"""Keep with next: a block whose style keeps it with the next (titles, subtitles, unit lines, headings
on their own line) never ends a page; the chain of such blocks moves to a new page together unless
[page] keep_lines lines of the text that follows fit below it.

The decision is the layout core's, for both formats: the PDF is drawn from these pages; the DOCX
writer writes w:keepNext where the layout keeps (through the styles) and a page break before each
chain the layout moved (Layout.moved), which every client honours: a word processor's own
keep-with-next brings one line of the next paragraph along, not keep_lines, and LibreOffice 7.4 does
not move a chain on the first page of a section that starts on an odd page.
"""

from __future__ import annotations

from typing import Sequence

from briefgen.document.model import Block, Section
from briefgen.layout.lines import MeasuredBlock, style_slots
from briefgen.project.style import StyleSheet


def keeps_with_next(block: Block, sheet: StyleSheet) -> bool:
    """Return True when the style of ``block`` keeps it on the page of the next block's first lines."""
    return sheet.style(block.style).keep_with_next


def _follows(blocks: Sequence[Block], sections: Sequence[Section], index: int, following: int) -> bool:
    """Return True when block ``following`` continues the flow of block ``index`` on the same page."""
    return following < len(blocks) and sections[following] is sections[index] \
        and not blocks[following].page_break_before


def kept_chain(blocks: Sequence[Block], sections: Sequence[Section], measured: Sequence[MeasuredBlock],
               index: int, sheet: StyleSheet) -> int:
    """Return the grid lines the chain of kept blocks from ``index`` needs on its page: its own, with the
    space before and the first keep_lines lines (or fewer, all it has) of the block that follows it."""
    chain, following = 0, index
    while True:
        style = sheet.style(blocks[following].style)
        chain += style_slots(style, len(measured[following].lines))
        following += 1
        if not (_follows(blocks, sections, index, following) and keeps_with_next(blocks[following], sheet)):
            break
    if not _follows(blocks, sections, index, following):
        return chain
    style = sheet.style(blocks[following].style)
    lines = min(len(measured[following].lines), sheet.page.keep_lines)
    return chain + style.space_before_slots + lines * style.line_slots
