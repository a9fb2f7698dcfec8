"""Read built documents back as a reader would (python-docx, PDFium), for fidelity checks, and
check file names against the rules of Windows, macOS and Linux."""

from __future__ import annotations

import ctypes
import io
import re
import unicodedata

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefgen.outline.clean import LINE_BREAK, content_of
from briefgen.project.style import MM


def _docx(source) -> docx.document.Document:
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def docx_paragraphs(source) -> list[str]:
    """Return the text of every body paragraph of a DOCX (python-docx's reading: w:t, tabs, breaks)."""
    document = _docx(source)
    return [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]


def docx_body_text(source) -> str:
    """Return the text of the paragraphs after the last section break: the numbered body part."""
    document = _docx(source)
    paragraphs = list(document.element.body.iterchildren(qn("w:p")))
    breaks = [i for i, p in enumerate(paragraphs) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    body = paragraphs[breaks[-1] + 1:] if breaks else paragraphs
    return "".join(Paragraph(p, document).text for p in body)


def _pdf(source) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))


def _has_links(page) -> bool:
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    return bool(pdfium_c.FPDFLink_Enumerate(page, position, link))


def pdf_pages(source) -> int:
    """Return how many pages a PDF has."""
    pdf = _pdf(source)
    try:
        return len(pdf)
    finally:
        pdf.close()


def pdf_text(source, sheet=None) -> str:
    """Return the text PDFium extracts from every page (only inside the type area when given a style sheet)."""
    pdf = _pdf(source)
    try:
        return "".join(_page_text(page, sheet) for page in pdf)
    finally:
        pdf.close()


def pdf_body_text(source, sheet) -> str:
    """Return the text of the compilation's body: the pages from the first numbered one (a page number
    below the type area; the cover and the contents have none), inside the type area (no page numbers)."""
    pdf = _pdf(source)
    try:
        pages = list(pdf)
        numbered = [index for index, page in enumerate(pages) if _folio_text(page, sheet).strip()]
        contents = [index for index, page in enumerate(pages) if _has_links(page)]
        start = numbered[0] if numbered else (contents[-1] + 1 if contents else 0)
        return "".join(_page_text(page, sheet) for page in pages[start:])
    finally:
        pdf.close()


def _folio_text(page, sheet) -> str:
    """Return the text below the type area: the page number, if the page has one."""
    geometry = sheet.page
    return page.get_textpage().get_text_bounded(0, 0, geometry.width_mm * MM, geometry.margin_bottom_mm * MM)


def _page_text(page, sheet) -> str:
    text = page.get_textpage()
    if sheet is None:
        return text.get_text_range()
    geometry = sheet.page
    bottom = geometry.margin_bottom_mm * MM
    return text.get_text_bounded(0, bottom, geometry.width_mm * MM, geometry.height_mm * MM)


def collection_body(seed_text: str) -> str:
    """Return the content the compilation's body must print: the seed's content without its first line
    (the collection title, printed on the cover without its piece count)."""
    for line in LINE_BREAK.split(seed_text):
        heading = content_of(line)
        if heading:
            whole = content_of(seed_text)
            assert whole.startswith(heading)
            return whole[len(heading):]
    return ""


# -- file names -----------------------------------------------------------------------------------

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                    *(f"{kind}{digit}" for kind in ("COM", "LPT") for digit in "0123456789¹²³")}
WINDOWS_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
MAX_COMPONENT_BYTES = 255  # ext4, APFS (UTF-8 bytes)
MAX_COMPONENT_UNITS = 255  # NTFS (UTF-16 code units)


def name_problems(name: str) -> list[str]:
    """Return why one path component is not a safe file name on Windows, macOS or Linux (none: safe)."""
    problems = []
    if name in ("", ".", ".."):
        problems.append("empty or a dot name")
    if WINDOWS_FORBIDDEN.search(name):
        problems.append("a character Windows forbids")
    if name != name.rstrip(". "):
        problems.append("a trailing dot or space")
    if name != name.lstrip(" "):
        problems.append("a leading space")
    base = name.split(".")[0].rstrip(" ").upper()
    if base in WINDOWS_RESERVED:
        problems.append("a reserved device name")
    if len(name.encode("utf-8")) > MAX_COMPONENT_BYTES or len(name.encode("utf-16-le")) // 2 > MAX_COMPONENT_UNITS:
        problems.append("too long")
    if unicodedata.normalize("NFC", name) != name:
        problems.append("not NFC")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in name):
        problems.append("an invisible or unassigned character")
    return problems


def path_problems(relative: str) -> list[str]:
    """Return the problems of every component of a /-separated relative path."""
    return [f"{part!r}: {problem}" for part in relative.split("/") for problem in name_problems(part)]
