"""Walk a document body in reading order: paragraphs with their list markers and the formatting that
tells a title from a heading from body text; tables, contents and headers and footers left out and counted."""

from __future__ import annotations

import re
from collections import Counter

from .numbering import Numbering
from .records import BodyRead, Para
from .runs import PAGE_BREAK, InlineReader, Piece
from .styles import StyleSheet, east_asian_font, is_on, size_points, value, w

NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
HEADER_FOOTER_RELS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
                      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer")
HEADING_STYLE = re.compile(r"heading ([1-9])$")
NO_PAGE_SECTIONS = ("continuous", "nextColumn")
BODY_OUTLINE_LEVEL = 9


def numbering_element(document):
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
            if element is not None and "".join(t.text or "" for t in element.iter(w("t"))).strip():
                left_out["header/footer"] += 1


def dominant(weights: Counter, default):
    """Return the value carried by most characters, or ``default``."""
    return weights.most_common(1)[0][0] if weights else default


def starts_section_page(ppr) -> bool:
    """Return True when a paragraph ends a section whose successor starts on a new page."""
    section = None if ppr is None else ppr.find(w("sectPr"))
    return section is not None and value(section, "type") not in NO_PAGE_SECTIONS


class BodyWalker:
    """Reads a python-docx Document's body into Paras, counting what it leaves out."""

    def __init__(self, document):
        self.document = document
        self.styles = StyleSheet(document.styles.element)
        self.numbering = Numbering(numbering_element(document), self.styles)
        self.left_out: Counter = Counter()
        self.inline = InlineReader(self.left_out)
        self.paras: list[Para] = []
        self.pending_page = False  # the next paragraph starts a page
        self.carried: list[Piece] = []  # text of a paragraph whose mark is a tracked deletion
        self.auto_numbered = 0

    def read(self) -> BodyRead:
        """Return the body's paragraphs and what was left out."""
        self.blocks(self.document.element.body)
        count_headers_footers(self.document, self.left_out)
        return BodyRead(tuple(self.paras), self.left_out)

    def blocks(self, parent) -> None:
        """Read the block content under ``parent``: paragraphs; tables and the like are counted."""
        for child in parent:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child)
            elif tag == w("tbl"):
                self.left_out["table"] += 1
                for inner in child.iter(w("p")):  # their list numbers still count, as in Word
                    ppr = inner.find(w("pPr"))
                    self.numbering.marker(ppr, self.styles.paragraph_style(ppr))
            elif tag == w("sdt"):
                self.block_control(child)
            elif tag == w("customXml"):
                self.blocks(child)
            elif tag in (w("ins"), w("moveTo")):
                self.left_out["insertion"] += 1
                self.blocks(child)
            elif tag in (w("del"), w("moveFrom")):
                self.left_out["deletion"] += 1
            elif tag == w("altChunk"):
                self.left_out["chunk"] += 1

    def block_control(self, sdt) -> None:
        """Read a block content control; a table of contents (docPartGallery) is counted, not read."""
        gallery = value(sdt.find(f"{w('sdtPr')}/{w('docPartObj')}"), "docPartGallery") or ""
        content = sdt.find(w("sdtContent"))
        if content is None:
            return
        if "contents" in gallery.lower():
            self.left_out["contents"] += sum(1 for p in content.iter(w("p")) if "".join(p.itertext()).strip())
            self.pending_page |= any(starts_section_page(p.find(w("pPr"))) for p in content.iter(w("p")))
            return
        self.blocks(content)

    def paragraph(self, element) -> None:
        """Read one w:p into a Para (or count it as contents, or carry it on when its mark was deleted)."""
        ppr = element.find(w("pPr"))
        style_id = self.styles.paragraph_style(ppr)
        marker = self.numbering.marker(ppr, style_id)
        pieces = self.carried + self.inline.read(element)
        self.carried = []
        ends_page = starts_section_page(ppr)
        if value(None if ppr is None else ppr.find(w("rPr")), "del") is not None:
            self.carried = pieces  # the paragraph mark is deleted: this text runs on into the next paragraph
            self.pending_page |= ends_page
            return
        texts = [p for p in pieces if p.text != PAGE_BREAK]
        if (self.inline.contents_seen and not texts) or self.styles.name(style_id).startswith("toc "):
            self.left_out["contents"] += 1
            self.pending_page |= ends_page
            return
        leading = 0
        while leading < len(pieces) and pieces[leading].text == PAGE_BREAK:
            leading += 1
        new_page = self.pending_page or leading > 0 or bool(
            self.styles.paragraph_property(ppr, style_id, lambda p: is_on(p, "pageBreakBefore")))
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
            p.text == PAGE_BREAK for p in pieces[leading:])

    def make_para(self, texts: list[Piece], marker: str, ppr, style_id: str | None, new_page: bool) -> Para:
        """Return the Para of a paragraph's text pieces, with its dominant size, weight and font."""
        sizes: Counter = Counter()
        bolds: Counter = Counter()
        fonts: Counter = Counter()
        for piece in texts:
            rpr = piece.run.find(w("rPr"))
            run_style = value(rpr, "rStyle")
            weight = sum(1 for c in piece.text if not c.isspace())
            sizes[self.styles.run_property(rpr, run_style, style_id, size_points) or 10.0] += weight
            bolds[bool(self.styles.run_property(rpr, run_style, style_id, lambda p: is_on(p, "b")))] += weight
            fonts[self.styles.run_property(rpr, run_style, style_id, east_asian_font) or ""] += weight
        return Para(number=len(self.paras) + 1, text="".join(p.text for p in texts), marker=marker,
                    align=self.styles.paragraph_property(ppr, style_id, lambda p: value(p, "jc")) or "left",
                    size=dominant(+sizes, 10.0), bold=dominant(+bolds, False), font=dominant(+fonts, ""),
                    outline_level=self.outline_level(ppr, style_id), style=self.styles.name(style_id),
                    new_page=new_page)

    def outline_level(self, ppr, style_id: str | None) -> int | None:
        """Return a paragraph's outline level (0-8): w:outlineLvl, else its heading style's; None for body text."""
        found = self.styles.paragraph_property(ppr, style_id, lambda p: value(p, "outlineLvl"))
        if found not in (None, ""):
            try:
                level = int(found)
            except ValueError:
                return None
            return None if level >= BODY_OUTLINE_LEVEL else level
        name = self.styles.name(style_id)
        heading = HEADING_STYLE.match(name)
        if heading:
            return int(heading.group(1)) - 1
        return 0 if name == "title" else None


def read_body(document) -> tuple[BodyRead, int]:
    """Return the body of a python-docx Document as Paras, and how many took their marker from numbering."""
    walker = BodyWalker(document)
    body = walker.read()
    return body, walker.auto_numbered
