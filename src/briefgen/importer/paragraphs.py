"""Walk a document body in reading order: paragraphs with their list markers and the formatting that
tells a title from a heading from body text; tables, contents and headers and footers left out and counted."""

from __future__ import annotations

import re
from collections import Counter

from briefgen.importer.numbering import Numbering
from briefgen.importer.records import BodyRead, Para
from briefgen.importer.runs import InlineReader, Piece
from briefgen.importer.styles import (
    StyleSheet,
    is_on,
    qualify,
    read_east_asian_font,
    read_size,
    read_value,
)

NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
HEADER_FOOTER_RELS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
                      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer")
HEADING_STYLE = re.compile(r"heading ([1-9])$")
NO_PAGE_SECTIONS = ("continuous", "nextColumn")
BODY_OUTLINE_LEVEL = 9


def find_numbering_element(document):
    """Return the w:numbering element of a python-docx Document, or None when it has no numbering part."""
    try:
        return document.part.part_related_by(NUMBERING_REL).element
    except (KeyError, AttributeError):
        return None


def count_headers_footers(document, left_out: Counter) -> None:
    """Count the headers and footers that hold text (they are not part of a speech)."""
    for rel in document.part.rels.values():
        if rel.reltype in HEADER_FOOTER_RELS and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is not None and "".join(t.text or "" for t in element.iter(qualify("t"))).strip():
                left_out["header/footer"] += 1


def pick_dominant(weights: Counter, default):
    """Return the value carried by most characters, or ``default``."""
    return weights.most_common(1)[0][0] if weights else default


def starts_section_page(ppr) -> bool:
    """Return True when a paragraph ends a section whose successor starts on a new page."""
    section = None if ppr is None else ppr.find(qualify("sectPr"))
    return section is not None and read_value(section, "type") not in NO_PAGE_SECTIONS


class BodyWalker:
    """Reads a python-docx Document's body into Paras, counting what it leaves out."""

    def __init__(self, document):
        self.document = document
        self.styles = StyleSheet(document.styles.element)
        self.numbering = Numbering(find_numbering_element(document), self.styles)
        self.left_out: Counter = Counter()
        self.inline = InlineReader(self.left_out)
        self.paras: list[Para] = []
        self.pending_page = False  # the next paragraph starts a page
        self.carried: list[Piece] = []  # text of a paragraph whose mark is a tracked deletion
        self.auto_numbered = 0

    def read(self) -> BodyRead:
        """Return the body's paragraphs and what was left out."""
        self.read_blocks(self.document.element.body)
        count_headers_footers(self.document, self.left_out)
        return BodyRead(tuple(self.paras), self.left_out)

    def read_blocks(self, parent) -> None:
        """Read the block content under ``parent``: paragraphs; tables and the like are counted."""
        for child in parent:
            tag = child.tag
            if tag == qualify("p"):
                self.read_paragraph(child)
            elif tag == qualify("tbl"):
                self.left_out["table"] += 1
                for inner in child.iter(qualify("p")):  # their list numbers still count, as in Word
                    ppr = inner.find(qualify("pPr"))
                    self.numbering.resolve_marker(ppr, self.styles.find_paragraph_style(ppr))
            elif tag == qualify("sdt"):
                self.read_block_control(child)
            elif tag == qualify("customXml"):
                self.read_blocks(child)
            elif tag in (qualify("ins"), qualify("moveTo")):
                self.left_out["insertion"] += 1
                self.read_blocks(child)
            elif tag in (qualify("del"), qualify("moveFrom")):
                self.left_out["deletion"] += 1
            elif tag == qualify("altChunk"):
                self.left_out["chunk"] += 1

    def read_block_control(self, sdt) -> None:
        """Read a block content control; a table of contents (docPartGallery) is counted, not read."""
        gallery = read_value(sdt.find(f"{qualify('sdtPr')}/{qualify('docPartObj')}"), "docPartGallery") or ""
        content = sdt.find(qualify("sdtContent"))
        if content is None:
            return
        if "contents" in gallery.lower():
            self.left_out["contents"] += sum(1 for p in content.iter(qualify("p")) if "".join(p.itertext()).strip())
            self.pending_page |= any(starts_section_page(p.find(qualify("pPr"))) for p in content.iter(qualify("p")))
            return
        self.read_blocks(content)

    def read_paragraph(self, element) -> None:
        """Read one w:p into a Para (or count it as contents, or carry it on when its mark was deleted)."""
        ppr = element.find(qualify("pPr"))
        style_id = self.styles.find_paragraph_style(ppr)
        marker = self.numbering.resolve_marker(ppr, style_id)
        pieces = self.carried + self.inline.read(element)
        self.carried = []
        ends_page = starts_section_page(ppr)
        if read_value(None if ppr is None else ppr.find(qualify("rPr")), "del") is not None:
            self.carried = pieces  # the paragraph mark is deleted: this text runs on into the next paragraph
            self.pending_page |= ends_page
            return
        texts = [p for p in pieces if not p.page_break]
        if (self.inline.contents_seen and not texts) or self.styles.find_name(style_id).startswith("toc "):
            self.left_out["contents"] += 1
            self.pending_page |= ends_page
            return
        leading = 0
        while leading < len(pieces) and pieces[leading].page_break:
            leading += 1
        new_page = self.pending_page or leading > 0 or bool(
            self.styles.resolve_paragraph_property(ppr, style_id, lambda p: is_on(p, "pageBreakBefore")))
        shown = ""
        if marker is not None and marker.bullet:
            self.left_out["bullet"] += 1
        elif marker is not None:
            shown = marker.text
            self.auto_numbered += 1
        para = self.make_para(texts, shown, ppr, style_id, new_page)
        self.paras.append(para)
        # A page break at a blank paragraph belongs to the next paragraph that shows something.
        self.pending_page = (para.blank and new_page) or ends_page or any(
            p.page_break for p in pieces[leading:])

    def make_para(self, texts: list[Piece], marker: str, ppr, style_id: str | None, new_page: bool) -> Para:
        """Return the Para of a paragraph's text pieces, with its dominant size, weight and font."""
        sizes: Counter = Counter()
        bolds: Counter = Counter()
        fonts: Counter = Counter()
        for piece in texts:
            rpr = piece.run.find(qualify("rPr"))
            run_style = read_value(rpr, "rStyle")
            weight = sum(1 for c in piece.text if not c.isspace())
            sizes[self.styles.resolve_run_property(rpr, run_style, style_id, read_size) or 10.0] += weight
            bolds[bool(self.styles.resolve_run_property(rpr, run_style, style_id, lambda p: is_on(p, "b")))] += weight
            fonts[self.styles.resolve_run_property(rpr, run_style, style_id, read_east_asian_font) or ""] += weight
        align = self.styles.resolve_paragraph_property(ppr, style_id, lambda p: read_value(p, "jc"))
        return Para(number=len(self.paras) + 1, text="".join(p.text for p in texts), marker=marker,
                    align=align or "left",
                    size=pick_dominant(+sizes, 10.0), bold=pick_dominant(+bolds, False), font=pick_dominant(+fonts, ""),
                    outline_level=self.find_outline_level(ppr, style_id), style=self.styles.find_name(style_id),
                    new_page=new_page)

    def find_outline_level(self, ppr, style_id: str | None) -> int | None:
        """Return a paragraph's outline level (0-8): w:outlineLvl, else its heading style's; None for body text."""
        found = self.styles.resolve_paragraph_property(ppr, style_id, lambda p: read_value(p, "outlineLvl"))
        if found not in (None, ""):
            try:
                level = int(found)
            except ValueError:
                return None
            return None if level >= BODY_OUTLINE_LEVEL else level
        name = self.styles.find_name(style_id)
        heading = HEADING_STYLE.match(name)
        if heading:
            return int(heading.group(1)) - 1
        return 0 if name == "title" else None


def read_body(document) -> tuple[BodyRead, int]:
    """Return the body of a python-docx Document as Paras, and how many took their marker from numbering."""
    walker = BodyWalker(document)
    body = walker.read()
    return body, walker.auto_numbered
