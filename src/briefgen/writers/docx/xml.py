"""WordprocessingML as text: namespaces, units, escaping, property elements and the zip package.

The DOCX writer builds its parts as XML strings in schema order (no python-docx: its import
costs about 0.2 s and its default template carries US Letter, English, theme fonts,
stylesWithEffects and its own metadata, all of which would have to be removed again).
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import Iterable

from briefgen.project.style import MM

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT_NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# OOXML units: twentieths of a point (twips), half points (font sizes), eighths of a point (borders).
TWIPS_PER_PT = 20
HALF_POINTS_PER_PT = 2
EIGHTHS_PER_PT = 8
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold: fixed, so output is reproducible

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def twips(points: float) -> int:
    """Return a length in points as whole twips."""
    return round(points * TWIPS_PER_PT)


def twips_mm(millimetres: float) -> int:
    """Return a length in millimetres as whole twips."""
    return twips(millimetres * MM)


def half_points(points: float) -> int:
    """Return a font size in points as half points (w:sz)."""
    return round(points * HALF_POINTS_PER_PT)


def eighth_points(points: float) -> int:
    """Return a border width in points as eighths of a point (w:sz of a border)."""
    return round(points * EIGHTHS_PER_PT)


def escape(text: str) -> str:
    """Return text safe inside an XML element or a double-quoted attribute."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return _INVALID_XML.sub("", text)


def on_off(name: str, value: bool) -> str:
    """Return an on/off property element: present for on, w:val="0" for off."""
    return f"<w:{name}/>" if value else f'<w:{name} w:val="0"/>'


def run_fonts(east_asia: str, latin: str) -> str:
    """Return w:rFonts naming the East Asian face and the Latin face, with the East Asian hint.

    No theme attributes: a theme font attribute would override the names written here.
    """
    ea, la = escape(east_asia), escape(latin)
    return f'<w:rFonts w:ascii="{la}" w:eastAsia="{ea}" w:hAnsi="{la}" w:cs="{la}" w:hint="eastAsia"/>'


def text_runs(text: str, rpr: str) -> str:
    """Return runs for ``text``: w:t pieces, w:br for line breaks, w:tab for tabs."""
    parts: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append("<w:br/>")
        for piece_index, piece in enumerate(line.split("\t")):
            if piece_index:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    if not parts:
        return ""
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def field_runs(instruction: str, result: str = "", rpr: str = "") -> str:
    """Return a complex field: begin, instruction, separate, cached result (if any), end."""
    cached = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(result)}</w:t></w:r>' if result else ""
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>{cached}'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def relationships(rels: Iterable[tuple[str, str, str]]) -> str:
    """Return a relationships part from (id, type, target) triples."""
    items = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in rels)
    return f'{XML_DECLARATION}<Relationships xmlns="{REL_NS}">{items}</Relationships>'


def content_types(overrides: Iterable[tuple[str, str]]) -> str:
    """Return [Content_Types].xml: defaults for rels and xml, an override per part."""
    items = "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
    return (f'{XML_DECLARATION}<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{items}</Types>")


def zip_package(parts: Iterable[tuple[str, str]]) -> bytes:
    """Return the zip of ``parts`` (name, XML text) in the given order, with fixed dates and attributes."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # the default depends on the platform; fixed for identical bytes
            info.external_attr = 0
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
