"""The contents page as Word has it: a TOC field whose cached result is briefgen's own entries.

Each entry ends with a tab to a right tab stop at the measure (dot leader) and a PAGEREF field
to the bookmark at the speech title, cached with the page number layout.py computed: right on
first open, and Word can still refresh the field.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from briefgen.document.model import LINE_BREAK, Block, Document, Run
from briefgen.layout.model import Layout


def bookmark_name(anchor: str, taken: set[str]) -> str:
    """Return a Word bookmark name for an anchor: hidden (leading _), letters, digits and _ only, unique."""
    base = ("_Ref_" + "".join(c if c.isascii() and c.isalnum() else "_" for c in anchor))[:36]
    name, suffix = base, 1
    while name in taken:
        suffix += 1
        name = f"{base[:36 - len(str(suffix))]}{suffix}"
    taken.add(name)
    return name


def bookmark_names(document: Document) -> dict[str, str]:
    """Return the bookmark name of every anchor, in document order."""
    taken: set[str] = set()
    return {block.anchor: bookmark_name(block.anchor, taken) for _s, block in document.iter_blocks() if block.anchor}


def entry_lines(layout: Layout) -> dict[int, list[str]]:
    """Return the text of each laid-out line of every contents entry, by block index."""
    lines: dict[int, list[str]] = {}
    for page in layout.pages:
        for line in page.lines:
            if layout.blocks[line.block].ref:
                lines.setdefault(line.block, []).append(line.text)
    return lines


def entry_runs(block: Block, lines: list[str]) -> tuple[Run, ...]:
    """Return a contents entry's runs with a line break wherever layout.py wrapped the entry.

    layout.py keeps the number column free on every line of an entry. The paragraph cannot keep
    it with a right indent: LibreOffice (compatibility mode 15) drops whatever follows a tab stop
    lying beyond the right indent, i.e. the page number. Breaking the lines where the layout
    broke them keeps the same column free in every client.
    """
    if len(lines) < 2:
        return block.runs
    text = block.text
    breaks: set[int] = set()
    position = 0
    for line in lines[:-1]:
        position = text.find(line, position) + len(line)
        while position < len(text) and text[position] == " ":
            position += 1
        if position < len(text) and text[position] != LINE_BREAK:
            breaks.add(position)
    runs, start = [], 0
    for number, run in enumerate(block.runs):
        end = start + len(run.text)
        cuts = sorted(b - start for b in breaks if start < b < end or (b == start and number))
        pieces, last = [], 0
        for cut in cuts:
            pieces.append(run.text[last:cut])
            last = cut
        pieces.append(run.text[last:])
        runs.append(Run(LINE_BREAK.join(pieces), run.style, run.line))
        start = end
    return tuple(runs)


def toc_instruction(document: Document, entries: Iterable[Block]) -> str:
    """Return the TOC field instruction covering the outline levels the entries point at."""
    by_anchor: Mapping[str, Block] = {b.anchor: b for _s, b in document.iter_blocks() if b.anchor}
    levels = sorted({by_anchor[e.ref].outline_level for e in entries
                     if e.ref in by_anchor and by_anchor[e.ref].outline_level is not None})
    outline = f' \\o "{levels[0] + 1}-{levels[-1] + 1}"' if levels else ""
    return f"TOC{outline} \\h \\z \\u"
