"""A paragraph's text in reading order as Word prints it, tracked changes accepted; what is left out is counted.

Kept: w:t in runs, hyperlinks, smart tags, content controls, tracked insertions (w:ins,
w:moveTo), the results of fields (a date, a hyperlink). Dropped and counted: tracked deletions,
hidden text, images and drawings, text boxes (w:txbxContent), embedded objects, footnote and
comment references, empty form fields, symbol-font characters, and everything inside a TOC
field (the table of contents). Field codes (w:instrText) are never text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefgen.importer.styles import is_on, qualify

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TEXT_BOX = qualify("txbxContent")
IMAGE_TAGS = ("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",
              "{http://schemas.openxmlformats.org/drawingml/2006/main}blip", "{urn:schemas-microsoft-com:vml}imagedata")
KEPT_CHANGES = (qualify("ins"), qualify("moveTo"))
DROPPED_CHANGES = (qualify("del"), qualify("moveFrom"))
CONTAINERS = (qualify("hyperlink"), qualify("smartTag"), qualify("customXml"), qualify("dir"), qualify("bdo"))
DRAWINGS = (qualify("drawing"), qualify("pict"), qualify("object"), MC + "AlternateContent")
NOTE_REFERENCES = (qualify("footnoteReference"), qualify("endnoteReference"))
SIMPLE_TEXT = {qualify("tab"): " ", qualify("ptab"): " ", qualify("cr"): "\n", qualify("noBreakHyphen"): "-",
               qualify("softHyphen"): ""}
SYMBOL_FONT_AREA = range(0xF000, 0xF100)  # w:sym characters of Symbol, Wingdings ...: no Unicode meaning


@dataclass(frozen=True)
class Piece:
    """Text of one run (``run`` gives its formatting), or a page break (PAGE_BREAK: no text, no run)."""

    text: str
    run: object = None
    page_break: bool = False


PAGE_BREAK = Piece("", None, page_break=True)


@dataclass
class Fields:
    """The complex fields (w:fldChar begin ... separate ... end) open at a point; they span runs and paragraphs."""

    stack: list[list] = field(default_factory=list)  # [instruction, in its result]

    def follow_char(self, element) -> None:
        """Follow a w:fldChar."""
        kind = element.get(qualify("fldCharType"))
        if kind == "begin":
            self.stack.append(["", False])
        elif kind == "separate" and self.stack:
            self.stack[-1][1] = True
        elif kind == "end" and self.stack:
            self.stack.pop()

    def add_instruction(self, text: str) -> None:
        """Add a piece of field code (w:instrText) to the innermost field."""
        if self.stack:
            self.stack[-1][0] += text

    def close_paragraph(self) -> None:
        """Close the fields still open at a paragraph's end, but a table of contents (which spans paragraphs)."""
        # A field left open by a damaged file must not hide the rest of the document.
        self.stack = [entry for entry in self.stack if entry[0].strip().upper().startswith("TOC")]

    def is_in_contents(self) -> bool:
        """Return True inside a table of contents (a TOC field)."""
        return any(code.strip().upper().startswith("TOC") for code, _ in self.stack)

    def shows_text(self) -> bool:
        """Return True where text is printed: in no field code, and outside a table of contents."""
        return all(result for _, result in self.stack) and not self.is_in_contents()


def is_placeholder(sdt) -> bool:
    """Return True for a content control that shows its placeholder text (an empty form field)."""
    props = sdt.find(qualify("sdtPr"))
    return props is not None and props.find(qualify("showingPlcHdr")) is not None


def classify_drawing(element) -> str:
    """Return what a drawing, VML picture, object or alternate content holds: "text box", "image" or "object"."""
    if element.tag == MC + "AlternateContent":
        choices = element.findall(MC + "Choice") or element.findall(MC + "Fallback")
        element = choices[0] if choices else element
    tags = {node.tag for node in element.iter()}
    if TEXT_BOX in tags:
        return "text box"
    if element.tag == qualify("object") or "{urn:schemas-microsoft-com:office:office}OLEObject" in tags:
        return "object"
    return "image"


class InlineReader:
    """Reads the runs of paragraphs, counting into ``left_out`` what it leaves out."""

    def __init__(self, left_out: Counter):
        self.left_out = left_out
        self.fields = Fields()
        self.contents_seen = False  # text of the current paragraph fell inside a table of contents

    def read(self, paragraph) -> list[Piece]:
        """Return the pieces of a w:p (text with its run, page breaks) in reading order."""
        pieces: list[Piece] = []
        self.contents_seen = self.fields.is_in_contents()
        self.walk(paragraph, pieces)
        self.fields.close_paragraph()
        return pieces

    def walk(self, parent, out: list[Piece]) -> None:
        """Read the inline content under ``parent`` into ``out``."""
        for child in parent:
            tag = child.tag
            if tag == qualify("r"):
                self.read_run(child, out)
            elif tag in KEPT_CHANGES:
                self.left_out["insertion"] += 1
                self.walk(child, out)
            elif tag in DROPPED_CHANGES:
                self.left_out["deletion"] += 1
            elif tag == qualify("sdt"):
                self.read_content_control(child, out)
            elif tag == qualify("fldSimple"):
                self.read_simple_field(child, out)
            elif tag in CONTAINERS:
                self.walk(child, out)
            elif tag in DRAWINGS:
                self.left_out[classify_drawing(child)] += 1

    def read_content_control(self, sdt, out: list[Piece]) -> None:
        """Read an inline content control, or count it when it shows only its placeholder."""
        if is_placeholder(sdt):
            self.left_out["placeholder"] += 1
            return
        content = sdt.find(qualify("sdtContent"))
        if content is not None:
            self.walk(content, out)

    def read_simple_field(self, element, out: list[Piece]) -> None:
        """Read a w:fldSimple's result, unless it is a table of contents."""
        if (element.get(qualify("instr")) or "").strip().upper().startswith("TOC"):
            self.contents_seen = True
            return
        self.walk(element, out)

    def read_run(self, run, out: list[Piece]) -> None:
        """Read one w:r: its text, breaks, field characters and the objects it holds."""
        hidden = bool(is_on(run.find(qualify("rPr")), "vanish"))
        text: list[str] = []
        for child in run:
            tag = child.tag
            if tag == qualify("t"):
                text.append(child.text or "")
            elif tag in SIMPLE_TEXT:
                text.append(SIMPLE_TEXT[tag])
            elif tag == qualify("br"):
                if child.get(qualify("type")) == "page":
                    self.emit(run, text, hidden, out)
                    out.append(PAGE_BREAK)
                else:
                    text.append("\n")
            elif tag == qualify("fldChar"):
                self.emit(run, text, hidden, out)
                self.fields.follow_char(child)
            elif tag == qualify("instrText"):
                self.fields.add_instruction(child.text or "")
            else:
                self.read_other(child, run, text, out)
        self.emit(run, text, hidden, out)

    def read_other(self, child, run, text: list[str], out: list[Piece]) -> None:
        """Read the rarer run content: symbols, drawings, note and comment references, ruby."""
        tag = child.tag
        if tag == qualify("sym"):
            code = int(child.get(qualify("char"), "0") or "0", 16)
            if code in SYMBOL_FONT_AREA or not code:
                self.left_out["symbol"] += 1
            else:
                text.append(chr(code))
        elif tag in DRAWINGS:
            self.left_out[classify_drawing(child)] += 1
        elif tag in NOTE_REFERENCES:
            self.left_out["footnote"] += 1
        elif tag == qualify("commentReference"):
            self.left_out["comment"] += 1
        elif tag == qualify("ruby"):
            base = child.find(qualify("rubyBase"))
            if base is not None:
                self.emit(run, text, False, out)
                self.walk(base, out)

    def emit(self, run, text: list[str], hidden: bool, out: list[Piece]) -> None:
        """Add the text gathered from ``run`` to ``out`` where it is printed; count it where it is not."""
        joined = "".join(text)
        text.clear()
        if not joined:
            return
        if self.fields.is_in_contents():
            self.contents_seen = True
        elif hidden and joined.strip():
            self.left_out["hidden"] += 1
        elif self.fields.shows_text():
            out.append(Piece(joined, run))
