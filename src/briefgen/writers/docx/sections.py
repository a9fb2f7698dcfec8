"""Word sections and page footers: page size, margins, line grid, page numbering, "— n —" footers."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.document.model import Block, Document, PageNumbering
from briefgen.layout.model import Layout
from briefgen.project.style import StyleSheet
from briefgen.writers.docx.styles import ALIGNMENTS, Geometry
from briefgen.writers.docx.xml import (
    ROOT_NAMESPACES,
    XML_DECLARATION,
    field_runs,
    text_runs,
    twips,
    twips_mm,
)

MIRRORED = {"left": "right", "right": "left"}
BLANK_SECTION = "blank"  # the name of the Word section holding a blank page added at the end


@dataclass
class WordSection:
    """Consecutive document sections that share one Word section (page setup, footers, numbering)."""

    name: str
    numbered: bool
    items: list[tuple[int, Block]] = field(default_factory=list)  # (index in Layout.blocks, block)
    start: int | None = None  # page number of its first page when numbering (re)starts there
    odd: bool = False  # starts on a right-hand (odd) page: the layout set its first block there


def word_sections(document: Document, layout: Layout) -> tuple[list[WordSection], list[tuple[int, Block]]]:
    """Return the Word sections and the at-foot blocks: a new section wherever a section starts a new
    page or the layout set a block at the top of a right-hand page (printed on both sides), and an
    empty one for a blank page the layout added at the end (an even page count)."""
    sections: list[WordSection] = []
    foot: list[tuple[int, Block]] = []
    index = 0
    for section in document.sections:
        items = [(index + offset, block) for offset, block in enumerate(section.blocks)]
        index += len(section.blocks)
        if section.at_foot:
            foot.extend(items)
            continue
        if section.new_page or not sections:
            sections.append(WordSection(section.name, section.numbered))
        for item in items:
            if item[0] in layout.right_starts and sections[-1].items:
                sections.append(WordSection(section.name, section.numbered))
            sections[-1].odd = sections[-1].odd or (item[0] in layout.right_starts and not sections[-1].items)
            sections[-1].items.append(item)
    if layout.pages and layout.pages[-1].blank and sections:
        sections.append(WordSection(BLANK_SECTION, False))
    previous_numbered = False
    for word_section in sections:
        if word_section.numbered and not previous_numbered:
            numbers = [p.number for p in layout.pages if p.section == word_section.name and p.number is not None]
            word_section.start = numbers[0] if numbers else None
        previous_numbered = word_section.numbered
    return sections, foot


def footer_metrics(sheet: StyleSheet, geometry: Geometry) -> tuple[int, int, int]:
    """Return the page-number paragraph's space before and exact line height, and the footer distance.

    The paragraph fills the bottom margin from the type area down to the footer distance, so a
    client that hangs the footer from the type area (LibreOffice) and one that stands it on the
    footer distance (Word) put it in the same place. Its line is one em high and holds the
    baseline where the grid holds it (baseline_offset_em below the middle); the space before brings
    the dash's top offset_mm below the type area.
    """
    spec = sheet.page_number
    size = sheet.style(spec.style).size_pt
    ascent = size / 2 + sheet.page.baseline_offset_em * size
    before = max(0, twips_mm(spec.offset_mm) + twips(spec.dash_top_em * size) - twips(ascent))
    line = twips(size)
    return before, line, max(0, geometry.bottom - before - line)


def sect_pr(sheet: StyleSheet, geometry: Geometry, section: WordSection, footers: dict[str, str]) -> str:
    """Return the w:sectPr of a Word section: footers, A4 page, margins, numbering, line grid."""
    g = geometry
    refs = "".join(f'<w:footerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in footers.items())
    distance = footer_metrics(sheet, geometry)[2]
    numbering = f'<w:pgNumType w:start="{section.start}"/>' if section.start is not None else ""
    start = "oddPage" if section.odd else "nextPage"  # Word and WPS leave an even page blank before an odd start
    return (f'<w:sectPr>{refs}<w:type w:val="{start}"/><w:pgSz w:w="{g.width}" w:h="{g.height}"/>'
            f'<w:pgMar w:top="{g.top}" w:right="{g.right}" w:bottom="{g.bottom}" w:left="{g.left}" '
            f'w:header="{distance}" w:footer="{distance}" w:gutter="0"/>{numbering}'
            f'<w:docGrid w:type="lines" w:linePitch="{g.pitch}"/></w:sectPr>')


def footer_part(sheet: StyleSheet, geometry: Geometry, numbering: PageNumbering, style_id: str, rpr: str,
                side: str) -> str:
    """Return a footer holding the page number, "— n —" around a PAGE field: odd pages right, even left."""
    spec = sheet.page_number
    style = sheet.style(spec.style)
    align = style.align if side == "odd" else MIRRORED.get(style.align, style.align)
    before, line, _distance = footer_metrics(sheet, geometry)
    side_indent = geometry.chars(style, spec.side_indent_chars)
    indent = f'<w:ind w:{align}="{side_indent}"/>' if align in MIRRORED else ""
    runs = text_runs(numbering.before, rpr) + field_runs("PAGE", "", rpr) + text_runs(numbering.after, rpr)
    return (f"{XML_DECLARATION}<w:ftr {ROOT_NAMESPACES}><w:p><w:pPr>"
            f'<w:pStyle w:val="{style_id}"/><w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="{before}" w:after="0" w:line="{line}" w:lineRule="exact"/>{indent}'
            f'<w:jc w:val="{ALIGNMENTS[align]}"/></w:pPr>{runs}</w:p></w:ftr>')


EMPTY_FOOTER = f"{XML_DECLARATION}<w:ftr {ROOT_NAMESPACES}><w:p/></w:ftr>"  # unnumbered after numbered
