"""The DOCX parts that describe rather than hold text: styles, settings, core properties.

Every figure comes from the style sheet; the line-breaking sets come from layout.py, so Word,
WPS and LibreOffice break lines by the same rules the grid layout core uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from briefgen.document.model import Document, Metadata
from briefgen.marks import NO_LINE_END, NO_LINE_START
from briefgen.project.style import ParagraphStyle, StyleSheet
from briefgen.writers.docx.xml import (
    ROOT_NAMESPACES,
    XML_DECLARATION,
    escape,
    half_points,
    on_off,
    run_fonts,
    twips,
    twips_mm,
)

WORD_COMPATIBILITY_MODE = "15"  # Word 2013 and later: no legacy layout emulation
LEADERS = {"": "none", " ": "none", ".": "dot", "·": "middleDot", "-": "hyphen", "_": "underscore"}
ALIGNMENTS = {"left": "left", "center": "center", "right": "right", "justify": "both"}
TOC_STYLE_ID, TOC_STYLE_NAME = "TOC1", "toc 1"  # the style Word gives level-1 entries when it refreshes a TOC


@dataclass(frozen=True)
class StyleIds:
    """The Word style id of each style-sheet style, as a paragraph style and (for run styles) a character style."""

    paragraph: Mapping[str, str]
    character: Mapping[str, str]


def style_ids(sheet: StyleSheet, document: Document) -> StyleIds:
    """Return the style ids: a paragraph style per sheet style, a linked character style per run style used."""
    used = sorted({run.style for _section, block in document.iter_blocks() for run in block.runs if run.style})
    return StyleIds({name: f"bg-{name}" for name in sheet.styles}, {name: f"bg-{name}-char" for name in used})


class Geometry:
    """Page and grid figures in twips, from the style sheet."""

    def __init__(self, sheet: StyleSheet):
        page = sheet.page
        self.sheet = sheet
        self.width = twips_mm(page.width_mm)
        self.height = twips_mm(page.height_mm)
        self.top = twips_mm(page.margin_top_mm)
        self.bottom = twips_mm(page.margin_bottom_mm)
        self.left = twips_mm(page.margin_left_mm)
        self.right = twips_mm(page.margin_right_mm)
        self.measure = self.width - self.left - self.right
        self.pitch = round(page.pitch_pt * 20)  # whole twips, rounded down by the style sheet: 579

    def chars(self, style: ParagraphStyle, count: float) -> int:
        """Return ``count`` characters of ``style`` (size plus tracking, as layout.py counts them) in twips."""
        return twips(count * (style.size_pt + self.sheet.page.char_spacing_pt))

    def cells(self, count: float) -> int:
        """Return ``count`` grid cells in twips."""
        return twips(count * self.sheet.page.cell_pt)


def leader_name(leader: str) -> str:
    """Return the w:tab leader value for the contents leader character."""
    return LEADERS.get(leader, "dot")


def contents_ppr(sheet: StyleSheet, geometry: Geometry) -> tuple[str, str]:
    """Return the tab stop and right indent of a contents entry: number column reserved, dot leader to it."""
    tabs = (f'<w:tabs><w:tab w:val="right" w:leader="{leader_name(sheet.contents.leader)}" '
            f'w:pos="{geometry.measure}"/></w:tabs>')
    return tabs, f'w:right="{geometry.cells(sheet.contents.number_cells)}"'


def style_rpr(style: ParagraphStyle, sheet: StyleSheet) -> str:
    """Return the run properties of a style: fonts by role, bold, colour, tracking, size."""
    parts = [run_fonts(sheet.fonts[style.font], sheet.fonts[style.latin_font])]
    if style.bold:
        parts.append("<w:b/><w:bCs/>")
    parts.append(f'<w:color w:val="{sheet.color(style)}"/>')
    parts.append(f'<w:spacing w:val="{twips(sheet.page.char_spacing_pt)}"/>')
    size = half_points(style.size_pt)
    parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def line_spacing(style: ParagraphStyle, geometry: Geometry, shrink: int = 0, before: int | None = None) -> str:
    """Return w:spacing: empty grid lines before and after, exact line height of the style's grid lines.

    ``shrink`` (twips) comes off the line height, ``before`` (grid lines) replaces the style's space before.
    """
    before = style.space_before_slots if before is None else before
    return (f'<w:spacing w:before="{before * geometry.pitch}" '
            f'w:after="{style.space_after_slots * geometry.pitch}" '
            f'w:line="{style.line_slots * geometry.pitch - shrink}" w:lineRule="exact"/>')


def style_ppr(style: ParagraphStyle, geometry: Geometry, extra_tabs: str = "", extra_ind: str = "") -> str:
    """Return the paragraph properties of a style, in schema order."""
    parts = []
    if style.keep_with_next:
        parts.append("<w:keepNext/>")
    parts.append(extra_tabs)
    parts.append(line_spacing(style, geometry))
    right = f'w:right="{geometry.chars(style, style.right_indent_chars)}"' if style.right_indent_chars else ""
    indent = f'w:firstLine="{geometry.chars(style, style.indent_chars)}"' if style.indent_chars else ""
    if indent or extra_ind or right:
        parts.append(f"<w:ind {' '.join(p for p in (extra_ind, right, indent) if p)}/>")
    parts.append(f'<w:jc w:val="{ALIGNMENTS[style.align]}"/>')
    if style.outline_level is not None:
        parts.append(f'<w:outlineLvl w:val="{style.outline_level}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def paragraph_defaults(geometry: Geometry) -> str:
    """Return the paragraph properties every paragraph starts from."""
    return (
        "<w:pPr>"
        # Widow control off, 禁则 on, no hanging punctuation, no automatic space between CJK and
        # Latin text or digits: layout.py does none of these and must predict the same lines.
        + on_off("widowControl", False) + on_off("kinsoku", True) + on_off("overflowPunct", False)
        + on_off("topLinePunct", False) + on_off("autoSpaceDE", False) + on_off("autoSpaceDN", False)
        + on_off("adjustRightInd", False)
        # Lines keep their exact height (a whole number of grid lines) instead of LibreOffice rounding
        # a line up to the grid lines its font's full height needs (a 22 pt title would take two).
        + on_off("snapToGrid", False)
        + f'<w:spacing w:before="0" w:after="0" w:line="{geometry.pitch}" w:lineRule="exact"/>'
        + "</w:pPr>"
    )


def styles_part(sheet: StyleSheet, ids: StyleIds, metadata: Metadata, with_toc: bool) -> str:
    """Return word/styles.xml: document defaults, Normal, one paragraph style per sheet style, run styles."""
    geometry = Geometry(sheet)
    body = sheet.styles.get("body") or next(iter(sheet.styles.values()))
    language = escape(metadata.language)
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + run_fonts(sheet.fonts[body.font], sheet.fonts["latin"])
        + f'<w:spacing w:val="{twips(sheet.page.char_spacing_pt)}"/>'
        + f'<w:sz w:val="{half_points(body.size_pt)}"/><w:szCs w:val="{half_points(body.size_pt)}"/>'
        + f'<w:lang w:val="{language}" w:eastAsia="{language}"/>'
        + "</w:rPr></w:rPrDefault><w:pPrDefault>"
        + paragraph_defaults(geometry)
        + "</w:pPrDefault></w:docDefaults>"
    )
    # Normal repeats the defaults: LibreOffice does not take every paragraph default from docDefaults.
    styles = ['<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              f"<w:qFormat/>{paragraph_defaults(geometry)}</w:style>"]
    for name, style in sheet.styles.items():
        link = f'<w:link w:val="{ids.character[name]}"/>' if name in ids.character else ""
        styles.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{ids.paragraph[name]}">'
            f'<w:name w:val="{escape(style.word_name)}"/><w:basedOn w:val="Normal"/>'
            f'<w:next w:val="{ids.paragraph[name]}"/>{link}<w:qFormat/>'
            f"{style_ppr(style, geometry)}{style_rpr(style, sheet)}</w:style>")
    for name, style_id in ids.character.items():
        style = sheet.style(name)
        styles.append(
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{escape(style.word_name)} Char"/>'
            f'<w:link w:val="{ids.paragraph[name]}"/>{style_rpr(style, sheet)}</w:style>')
    if with_toc and "contents_entry" in sheet.styles:
        # When Word refreshes the contents field it styles the entries "toc 1": base it on ours.
        tabs, right = contents_ppr(sheet, geometry)
        entry = sheet.style("contents_entry")
        styles.append(
            f'<w:style w:type="paragraph" w:styleId="{TOC_STYLE_ID}"><w:name w:val="{TOC_STYLE_NAME}"/>'
            f'<w:basedOn w:val="{ids.paragraph["contents_entry"]}"/><w:next w:val="Normal"/>'
            f"{style_ppr(entry, geometry, tabs, right)}</w:style>")
    return f'{XML_DECLARATION}<w:styles {ROOT_NAMESPACES}>{defaults}{"".join(styles)}</w:styles>'


def settings_part(metadata: Metadata, even_and_odd: bool, mirrored: bool = False) -> str:
    """Return word/settings.xml: mirrored margins when printed on both sides (w:left is then the inside,
    binding margin), odd/even footers, no punctuation compression, 禁则 lists, compatibility."""
    language = escape(metadata.language)
    return (
        f"{XML_DECLARATION}<w:settings {ROOT_NAMESPACES}>"
        + ("<w:mirrorMargins/>" if mirrored else "")
        + ("<w:evenAndOddHeaders/>" if even_and_odd else "")
        + '<w:characterSpacingControl w:val="doNotCompress"/>'
        + f'<w:noLineBreaksAfter w:lang="{language}" w:val="{escape("".join(sorted(NO_LINE_END)))}"/>'
        + f'<w:noLineBreaksBefore w:lang="{language}" w:val="{escape("".join(sorted(NO_LINE_START)))}"/>'
        # A line ended by a forced break is not stretched (layout.py leaves it unjustified).
        + "<w:compat><w:doNotExpandShiftReturn/>"
        + '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        + f'w:val="{WORD_COMPATIBILITY_MODE}"/></w:compat>'
        + "</w:settings>"
    )


def w3cdtf(day: dt.date) -> str:
    """Return midnight UTC of ``day`` in the W3CDTF form core properties use."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def core_part(metadata: Metadata, creator: str) -> str:
    """Return docProps/core.xml: title, subject, author, keywords, language, dates; briefgen as last editor."""
    stamp = w3cdtf(metadata.date)
    fields: Iterable[tuple[str, str]] = (
        ("dc:title", metadata.title), ("dc:subject", metadata.subject),
        ("dc:creator", metadata.author or creator), ("cp:keywords", metadata.keywords),
        ("dc:language", metadata.language), ("cp:lastModifiedBy", creator),
    )
    items = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields)
    return (
        f'{XML_DECLARATION}<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{items}"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def font_table_part(sheet: StyleSheet) -> str:
    """Return word/fontTable.xml: the families the styles name, so Word and WPS list them as used."""
    names = dict.fromkeys(sheet.fonts[role] for role in sheet.fonts)
    fonts = "".join(f'<w:font w:name="{escape(name)}"/>' for name in names)
    return f"{XML_DECLARATION}<w:fonts {ROOT_NAMESPACES}>{fonts}</w:fonts>"


def app_part(creator: str) -> str:
    """Return docProps/app.xml naming briefgen as the application."""
    return (f'{XML_DECLARATION}<Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{escape(creator)}</Application></Properties>")
