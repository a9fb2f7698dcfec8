"""Blocks -> DOCX: the document's blocks become styled paragraphs, its sections Word sections.

The package is written as XML text (docx_xml.py says why not through python-docx). Pages are
not drawn here: Word, WPS and LibreOffice lay the paragraphs out on the grid layout.py uses
(type="lines" docGrid, exact line heights of whole grid lines, -0.25 pt tracking, the same 禁则
lists, no hanging punctuation or CJK/Latin autospace), and layout.py's page numbers fill the
contents (docx_contents.py).

A section ``at_foot`` (the brief's 版记) is set in the flow after the last block, its first
paragraph spaced down to the grid line where layout.py puts it (the last lines of the type area).
Not the page footer: that lies in the bottom margin, below the type area where GB/T 9704 puts
the 版记, and repeats on every page. Not a frame (w:framePr) anchored to the bottom: LibreOffice
7.4 leaves such paragraphs in the flow without their borders, so the 版记 rules vanish and the
lines land wherever the text ends. The spacing is the layout's own, so every client puts the
版记 on the same grid lines; editing the text above it moves it, as it would any paragraph.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterator

from briefgen.document.model import TAB, Block, PageNumbering
from briefgen.job import RenderJob
from briefgen.writers.docx.contents import (
    bookmark_names,
    entry_lines,
    entry_runs,
    toc_instruction,
)
from briefgen.writers.docx.sections import (
    BLANK_SECTION,
    EMPTY_FOOTER,
    WordSection,
    footer_part,
    sect_pr,
    word_sections,
)
from briefgen.writers.docx.styles import (
    Geometry,
    app_part,
    contents_ppr,
    core_part,
    font_table_part,
    line_spacing,
    settings_part,
    style_ids,
    styles_part,
)
from briefgen.writers.docx.xml import (
    DOC_REL,
    EIGHTHS_PER_PT,
    PKG_REL,
    ROOT_NAMESPACES,
    TWIPS_PER_PT,
    XML_DECLARATION,
    content_types,
    eighth_points,
    field_runs,
    relationships,
    text_runs,
    zip_package,
)

MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PLAIN_RPR = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'  # ambiguous-width marks (“” — …) in the CJK face


class DocxWriter:
    """Turns one RenderJob into the parts of a DOCX package."""

    def __init__(self, job: RenderJob):
        self.job = job
        self.sheet = job.sheet
        self.document = job.document
        self.layout = job.layout
        self.geometry = Geometry(job.sheet)
        self.ids = style_ids(job.sheet, job.document)
        self.line_counts = Counter(line.block for page in job.layout.pages for line in page.lines)
        self.bookmarks = bookmark_names(job.document)
        self.entry_lines = entry_lines(job.layout)
        self.run_props = {None: PLAIN_RPR}
        for name, style_id in self.ids.character.items():
            self.run_props[name] = f'<w:rPr><w:rStyle w:val="{style_id}"/><w:rFonts w:hint="eastAsia"/></w:rPr>'
        self.contents_tabs = contents_ppr(job.sheet, self.geometry)[0]
        self.next_bookmark = 0

    def rule_xml(self, name: str, side: str) -> tuple[str, int]:
        """Return a paragraph border drawing the style sheet's rule ``name``, and its height in twips."""
        rule = self.sheet.rule(name)
        eighths = eighth_points(rule.width_pt)
        return (f'<w:{side} w:val="single" w:sz="{eighths}" w:space="0" w:color="{self.sheet.color(rule)}"/>',
                math.ceil(eighths * TWIPS_PER_PT / EIGHTHS_PER_PT))

    def paragraph(self, index: int, block: Block, first: bool, sect: str = "", before: int | None = None,
                  break_before: bool = False) -> str:
        """Return one block as a w:p (``before``: grid lines of space above it instead of its style's)."""
        style = self.sheet.style(block.style)
        ppr = [f'<w:pStyle w:val="{self.ids.paragraph[block.style]}"/>', self.page_flow(index, block, first,
                                                                                         break_before)]
        shrink = 0
        if block.rule_above or block.rule_below:
            # A border adds its width to the paragraph: take it off the lines so the next stay on the grid.
            borders = [self.rule_xml(name, side) for name, side in ((block.rule_above, "top"),
                                                                      (block.rule_below, "bottom")) if name]
            ppr.append(f"<w:pBdr>{''.join(xml for xml, _ in borders)}</w:pBdr>")
            shrink = math.ceil(sum(width for _, width in borders) / max(1, self.line_counts.get(index, 1)))
        if block.ref:
            ppr.append(self.contents_tabs)
        elif any(TAB in run.text for run in block.runs):
            # What follows a tab is flush right at the measure, less the style's right indent.
            stop = self.geometry.measure - self.geometry.chars(style, style.right_indent_chars)
            ppr.append(f'<w:tabs><w:tab w:val="right" w:pos="{stop}"/></w:tabs>')
        if shrink or before is not None:
            ppr.append(line_spacing(style, self.geometry, shrink, before))
        if (block.rule_above or block.rule_below) and style.right_indent_chars:
            # Word draws a paragraph's border between its indents, and rules span the type area:
            # a ruled paragraph keeps its right indent only in its tab stop.
            ppr.append('<w:ind w:right="0"/>')
        if block.outline_level is not None and block.outline_level != style.outline_level:
            ppr.append(f'<w:outlineLvl w:val="{block.outline_level}"/>')
        ppr.append(sect)
        runs = entry_runs(block, self.entry_lines.get(index, [])) if block.ref else block.runs
        content = "".join(text_runs(run.text, self.run_props[run.style]) for run in runs)
        if block.ref:
            content += self.contents_number(block)
        if block.anchor:
            number, self.next_bookmark = self.next_bookmark, self.next_bookmark + 1
            content = (f'<w:bookmarkStart w:id="{number}" w:name="{self.bookmarks[block.anchor]}"/>'
                       f'{content}<w:bookmarkEnd w:id="{number}"/>')
        return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{content}</w:p>"

    def page_flow(self, index: int, block: Block, first: bool, break_before: bool) -> str:
        """Return w:keepNext and w:pageBreakBefore as the layout decided them (layout/keep.py).

        The style carries keep_with_next; a paragraph says otherwise only where the layout did (a chain
        too long for a page). Before a chain the layout moved to a new page the page breaks, so that
        every client breaks where the PDF does; keepNext keeps headings with their text when edited.
        """
        kept = index in self.layout.kept
        parts = []
        if kept != self.sheet.style(block.style).keep_with_next:
            parts.append("<w:keepNext/>" if kept else '<w:keepNext w:val="0"/>')
        if (not first and (block.page_break_before or index in self.layout.moved)) or break_before:
            parts.append("<w:pageBreakBefore/>")
        return "".join(parts)

    def contents_number(self, block: Block) -> str:
        """Return the tab and the PAGEREF field holding the page number layout.py computed."""
        name = self.bookmarks.get(block.ref or "")
        if name is None or block.ref not in self.layout.anchors:
            return ""
        number = self.layout.page_number(block.ref)
        return f"<w:r>{PLAIN_RPR}<w:tab/></w:r>" + field_runs(f"PAGEREF {name} \\h", str(number), PLAIN_RPR)

    def foot_spacing(self, foot: list[tuple[int, Block]]) -> tuple[int, bool]:
        """Return the grid lines above the first foot block, and whether it starts a page, as layout.py set them."""
        first, block = foot[0]
        style = self.sheet.style(block.style)
        in_foot = {index for index, _block in foot}
        for page in self.layout.pages:
            starts = [line.slot for line in page.lines if line.block == first]
            if not starts:
                continue
            end = 0  # the grid line after the last line above the foot, with its block's space after
            for line in page.lines:
                if line.block not in in_foot:
                    after = self.sheet.style(self.layout.blocks[line.block].style).space_after_slots if line.last else 0
                    end = max(end, min(line.slot + line.slots + after, self.sheet.page.lines_per_page))
            return starts[0] - end, end == 0
        return style.space_before_slots, False

    def body(self, sections: list[WordSection], foot: list[tuple[int, Block]],
             footers: list[dict[str, str]]) -> Iterator[str]:
        """Yield the body's paragraphs, each Word section's properties in its last paragraph."""
        refs = [i for s in sections for i, b in s.items if b.ref in self.bookmarks]
        entries = [b for s in sections for _i, b in s.items if b.ref in self.bookmarks]
        for number, section in enumerate(sections):
            last_section = number == len(sections) - 1
            if section.name == BLANK_SECTION and not section.items:
                yield "<w:p/>"  # the blank page the layout added at the end
            for position, (index, block) in enumerate(section.items):
                closing = position == len(section.items) - 1 and not last_section
                xml = self.paragraph(index, block, position == 0,
                                     sect_pr(self.sheet, self.geometry, section, footers[number]) if closing else "")
                if refs and index == refs[0]:
                    begin = field_runs(toc_instruction(self.document, entries), "", PLAIN_RPR)
                    begin = begin[:begin.rindex("<w:r>")]  # begin, instruction, separate: the entries are its result
                    xml = xml.replace("</w:pPr>", "</w:pPr>" + begin, 1)
                if refs and index == refs[-1]:
                    xml = xml[:-len("</w:p>")] + f'<w:r>{PLAIN_RPR}<w:fldChar w:fldCharType="end"/></w:r></w:p>'
                yield xml
        if foot:
            before, new_page = self.foot_spacing(foot)
            for position, (index, block) in enumerate(foot):
                yield self.paragraph(index, block, False, before=before if position == 0 else None,
                                     break_before=new_page and position == 0)

    def parts(self) -> list[tuple[str, str]]:
        """Return every part of the package, in a fixed order, [Content_Types].xml first."""
        sections, foot = word_sections(self.document, self.layout)
        doc_rels = [("rId1", f"{DOC_REL}/styles", "styles.xml"), ("rId2", f"{DOC_REL}/settings", "settings.xml"),
                    ("rId3", f"{DOC_REL}/fontTable", "fontTable.xml")]
        footer_parts: list[tuple[str, str]] = []

        def add_footer(xml: str) -> str:
            rid, name = f"rId{len(doc_rels) + 1}", f"footer{len(footer_parts) + 1}.xml"
            doc_rels.append((rid, f"{DOC_REL}/footer", name))
            footer_parts.append((name, xml))
            return rid

        footers: list[dict[str, str]] = []
        numbered: dict[str, str] = {}
        empty = ""
        for section in sections:
            if section.numbered and not numbered:
                page_number_style = self.ids.paragraph[self.sheet.page_number.style]
                numbering = self.document.numbering or PageNumbering("", "")
                numbered = {kind: add_footer(footer_part(self.sheet, self.geometry, numbering,
                                                         page_number_style, PLAIN_RPR, side))
                            for kind, side in (("default", "odd"), ("even", "even"))}
            if section.numbered:
                footers.append(numbered)
            elif numbered:  # an unnumbered section after a numbered one must not inherit its footers
                empty = empty or add_footer(EMPTY_FOOTER)
                footers.append({"default": empty, "even": empty})
            else:
                footers.append({})
        body = "".join(self.body(sections, foot, footers))
        final = sect_pr(self.sheet, self.geometry, sections[-1], footers[-1]) if sections else ""
        document = f"{XML_DECLARATION}<w:document {ROOT_NAMESPACES}><w:body>{body}{final}</w:body></w:document>"
        metadata = self.document.metadata
        overrides = [("/word/document.xml", f"{MAIN}.document.main+xml"), ("/word/styles.xml", f"{MAIN}.styles+xml"),
                     ("/word/settings.xml", f"{MAIN}.settings+xml"), ("/word/fontTable.xml", f"{MAIN}.fontTable+xml")]
        overrides += [(f"/word/{name}", f"{MAIN}.footer+xml") for name, _xml in footer_parts]
        overrides += [("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                      ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
        package_rels = [("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
                        ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml"),
                        ("rId3", f"{DOC_REL}/extended-properties", "docProps/app.xml")]
        has_contents = any(block.ref for _s, block in self.document.iter_blocks())
        return [
            ("[Content_Types].xml", content_types(overrides)),
            ("_rels/.rels", relationships(package_rels)),
            ("docProps/core.xml", core_part(metadata, self.job.creator)),
            ("docProps/app.xml", app_part(self.job.creator)),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", relationships(doc_rels)),
            ("word/styles.xml", styles_part(self.sheet, self.ids, metadata, has_contents)),
            ("word/settings.xml", settings_part(metadata, bool(numbered), self.layout.duplex)),
            ("word/fontTable.xml", font_table_part(self.sheet)),
            *((f"word/{name}", xml) for name, xml in footer_parts),
        ]


def write_docx(job: RenderJob) -> bytes:
    """Return the DOCX of a laid-out document."""
    return zip_package(DocxWriter(job).parts())
