"""A page's text as PDF operators: the text state already set, and glyph codes shown segment by segment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.textobject import PDFTextObject

from briefgen.project.style import ParagraphStyle
from briefgen.writers.pdf.embed import EmbeddedFont, pdf_num
from briefgen.writers.pdf.fonts import PdfFont

FILL, FILL_STROKE = 0, 2  # text render modes; bold CJK text is filled and stroked


class GridText(PDFTextObject):
    """A page's text object; a segment's glyphs are shown as two-byte codes of an embedded font."""

    def setLineWidth(self, width: float) -> None:  # noqa: N802 - reportlab's naming
        """Set the width of the stroke drawn around glyphs in fill+stroke mode."""
        self._code.append(f"{pdf_num(width)} w")

    def set_char_space(self, spacing: float) -> None:
        """Set the character spacing (Tc) added after every glyph."""
        self._code.append(f"{pdf_num(spacing)} Tc")

    def show_codes(self, x: float, y: float, size: float, font: EmbeddedFont, codes: bytes,
                   state: "TextState") -> None:
        """Show glyph codes of an embedded font from (x, y)."""
        code = self._code
        code.append(f"1 0 0 1 {pdf_num(x)} {pdf_num(y)} Tm")
        if font is not state.font or size != state.size:
            code.append(f"{font.resource} {pdf_num(size)} Tf")
            state.font, state.size = font, size
        code.append(f"<{codes.hex()}> Tj")


@dataclass(frozen=True)
class Look:
    """What a style needs for drawing in one role: the style, its colour, the stroke that emboldens it."""

    style: ParagraphStyle
    color: HexColor
    stroke: float  # stroke width for bold text in a role without a bold face, pt (0: none)


class TextState:
    """The text state already set in a page's text object, so only changes are written."""

    def __init__(self, encoders: Callable[[PdfFont], EmbeddedFont]):
        self.encoders = encoders
        self.font = None
        self.size = None
        self.spacing = None
        self.color = None
        self.mode = FILL
        self.stroke = None

    def show(self, text: GridText, font: PdfFont, size: float, spacing: float, look: Look,
             x: float, y: float, chars: str) -> None:
        """Show ``chars`` in ``font`` at (x, y) with character spacing and the look of their style."""
        if spacing != self.spacing:
            text.set_char_space(spacing)
            self.spacing = spacing
        if look.color is not self.color:
            text.setFillColor(look.color)
            text.setStrokeColor(look.color)
            self.color = look.color
        mode = FILL_STROKE if look.stroke else FILL
        if mode == FILL_STROKE and look.stroke != self.stroke:
            text.setLineWidth(look.stroke)
            self.stroke = look.stroke
        if mode != self.mode:
            text.setTextRenderMode(mode)
            self.mode = mode
        embedded = self.encoders(font)
        text.show_codes(x, y, size, embedded, embedded.encode(chars), self)
