"""Read a PDF back as a reader would: characters with their boxes (PDFium), lines, fonts (pdffonts),
bookmarks and metadata. Tests assert on what was drawn, never on what the writer meant to draw."""

from __future__ import annotations

import ctypes
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


@dataclass(frozen=True)
class Char:
    """One drawn character: its text, origin (baseline start), advance box and tight glyph box, in PDF points."""

    text: str
    x: float  # origin: where the glyph starts on the baseline
    y: float  # baseline
    right: float  # origin + advance (PDFium's loose box)
    ink: tuple[float, float, float, float]  # tight glyph box: left, bottom, right, top
    size: float
    render_mode: int  # 0 fill, 2 fill then stroke ...
    font: str  # the PDF font's name, subset tag included


def read_chars(path: Path) -> list[list[Char]]:
    """Return every page's drawn characters in content order (PDFium's generated line breaks left out)."""
    pdf = pdfium.PdfDocument(str(path))
    pages = []
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for page in pdf:
            text = page.get_textpage()
            chars = []
            for index in range(text.count_chars()):
                if pdfium_c.FPDFText_IsGenerated(text, index):
                    continue
                pdfium_c.FPDFText_GetCharOrigin(text, index, x, y)
                loose = text.get_charbox(index, loose=True)
                textobj = pdfium_c.FPDFText_GetTextObject(text, index)
                mode = pdfium_c.FPDFTextObj_GetTextRenderMode(textobj) if textobj else -1
                chars.append(Char(text.get_text_range(index, 1), x.value, y.value, loose[2], text.get_charbox(index),
                                  pdfium_c.FPDFText_GetFontSize(text, index), mode, _font_name(text, index)))
            pages.append(chars)
    finally:
        pdf.close()
    return pages


def _font_name(text, index: int) -> str:
    size = pdfium_c.FPDFText_GetFontInfo(text, index, None, 0, None)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFText_GetFontInfo(text, index, buffer, size, None)
    return buffer.value.decode("latin-1")


def page_texts(path: Path) -> list[str]:
    """Return each page's text as PDFium extracts it."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def text_lines(chars: list[Char], tolerance: float = 0.5) -> list[list[Char]]:
    """Group a page's characters into lines by baseline, top to bottom, each left to right."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (-c.y, c.x)):
        if lines and abs(lines[-1][0].y - char.y) <= tolerance:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c.x) for line in lines]


def line_text(line: list[Char]) -> str:
    """Return a line's characters without spaces."""
    return "".join(c.text for c in line if not c.text.isspace())


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """Return poppler's pdffonts table: name, type, encoding, emb, sub, uni per font."""
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = output.splitlines()[2:]
    fonts = []
    for row in rows:
        parts = row.split()
        # name, type (1-3 words), encoding, emb, sub, uni, object, id
        fonts.append({"name": parts[0], "type": " ".join(parts[1:-6]), "encoding": parts[-6], "emb": parts[-5],
                      "sub": parts[-4], "uni": parts[-3]})
    return fonts


def outline(path: Path) -> list[tuple[int, str, int]]:
    """Return the bookmarks as (level, title, page index)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        found = []
        for mark in pdf.get_toc():
            dest = mark.get_dest()
            found.append((mark.level, mark.get_title(), dest.get_index() if dest else -1))
        return found
    finally:
        pdf.close()


def metadata(path: Path) -> dict[str, str]:
    """Return the document information dictionary."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf.get_metadata_dict()
    finally:
        pdf.close()


def page_size(path: Path, index: int = 0) -> tuple[float, float]:
    """Return a page's width and height in points."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf.get_page_size(index)
    finally:
        pdf.close()


@dataclass(frozen=True)
class Stroke:
    """A stroked path object: its bounds, line width and stroke colour."""

    left: float
    bottom: float
    right: float
    top: float
    width: float
    color: tuple[int, int, int]


def strokes(path: Path, index: int) -> list[Stroke]:
    """Return the stroked paths (rules) of a page."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        found = []
        for obj in page.get_objects():
            if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            width = ctypes.c_float()
            pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width)
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFPageObj_GetStrokeColor(obj, r, g, b, a)
            left, bottom, right, top = obj.get_bounds()
            found.append(Stroke(left, bottom, right, top, width.value, (r.value, g.value, b.value)))
        return found
    finally:
        pdf.close()


def links(path: Path, index: int) -> list[tuple[tuple[float, float, float, float], int]]:
    """Return a page's links as (rectangle left, bottom, right, top; destination page index)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        found, position, link = [], ctypes.c_int(0), pdfium_c.FPDF_LINK()
        while pdfium_c.FPDFLink_Enumerate(page, position, link):
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFLink_GetAnnotRect(link, rect)
            dest = pdfium_c.FPDFLink_GetDest(pdf, link)
            target = pdfium_c.FPDFDest_GetDestPageIndex(pdf, dest)
            found.append(((rect.left, rect.bottom, rect.right, rect.top), target))
        return found
    finally:
        pdf.close()
