"""The seed's DOCX read back (python-docx and its XML): page, grid, styles, fonts, contents, footers,
metadata, every character in order, schema validity and byte-identical output."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from io import BytesIO

import docx
import pytest
from docx.shared import Mm, Pt

from briefgen import __version__
from briefgen.marks import NO_LINE_END as NO_END
from briefgen.marks import NO_LINE_START as NO_START
from briefgen.outline.clean import content_of
from briefgen.writers.docx import write_docx

from support.docx import (
    NS,
    UNIT,
    Package,
    body_paragraphs,
    brief_job,
    make_project,
    paragraph_text,
    sections_of,
    seed_job,
    value,
    w,
)
from support.paths import SEED

TWIP = 1 / 20  # points


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("docx-project"))


@pytest.fixture(scope="module")
def job(project):
    return seed_job(project, SEED)


@pytest.fixture(scope="module")
def data(job) -> bytes:
    return write_docx(job)


@pytest.fixture(scope="module")
def package(data) -> Package:
    return Package(data)


@pytest.fixture(scope="module")
def opened(data):
    return docx.Document(BytesIO(data))


@pytest.fixture(scope="module")
def sheet(project):
    return project.style


def twips(points: float) -> int:
    return round(points * 20)


# -- page and grid ------------------------------------------------------------------------------


def test_every_section_is_a4_with_the_gbt9704_margins(opened):
    assert len(opened.sections) == 3  # cover, contents, body
    for section in opened.sections:
        assert abs(section.page_width - Mm(210)) < Mm(0.05) and abs(section.page_height - Mm(297)) < Mm(0.05)
        for margin, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
            assert abs(getattr(section, f"{margin}_margin") - Mm(mm)) <= Pt(TWIP), margin


def test_sections_declare_a_line_grid_of_22_lines_of_579_twips(package):
    for sect in sections_of(package.document):
        grid = sect.find(w("docGrid"))
        assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
        margins = sect.find(w("pgMar"))
        area = int(sect.find(w("pgSz")).get(w("h"))) - int(margins.get(w("top"))) - int(margins.get(w("bottom")))
        assert 22 * 579 <= area < 23 * 579


def test_every_style_has_exact_line_height_of_its_grid_lines(package, sheet, job):
    for name, style in sheet.styles.items():
        spacing = package.style(f"bg-{name}").find(f"{w('pPr')}/{w('spacing')}")
        assert spacing.get(w("lineRule")) == "exact"
        assert int(spacing.get(w("line"))) == 579 * style.line_slots
        assert int(spacing.get(w("before"))) == 579 * style.space_before_slots
        assert int(spacing.get(w("after"))) == 579 * style.space_after_slots


def test_tracking_makes_28_characters_fill_a_line(package, sheet):
    assert sheet.page.char_spacing_pt == -0.25
    for name in sheet.styles:
        assert value(package.style(f"bg-{name}"), "w:rPr/w:spacing") == "-5"
    measure = 11906 - 1587 - 1474  # twips between the margins
    assert 28 * twips(16 - 0.25) <= measure < 29 * twips(16 - 0.25)


def test_body_is_fangsong_16pt_justified_with_a_two_character_first_line_indent(package, opened):
    body = package.style("bg-body")
    assert value(body, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert value(body, "w:rPr/w:rFonts", "ascii") == value(body, "w:rPr/w:rFonts", "hAnsi") == "Times New Roman"
    assert value(body, "w:rPr/w:sz") == "32"
    assert value(body, "w:pPr/w:jc") == "both"
    assert int(value(body, "w:pPr/w:ind", "firstLine")) == twips(2 * (16 - 0.25))  # as layout.py indents
    assert opened.styles["正文（公文）"].font.size == Pt(16)


def test_line_breaking_follows_the_layout_core(package):
    styles = package.xml("word/styles.xml")
    for ppr in (styles.find(".//w:pPrDefault/w:pPr", NS), package.style("Normal").find(w("pPr"))):
        assert value(ppr, "w:kinsoku") is None  # on
        for off in ("widowControl", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "snapToGrid"):
            assert value(ppr, f"w:{off}") == "0", off
    settings = package.xml("word/settings.xml")
    assert value(settings, "w:characterSpacingControl") == "doNotCompress"
    assert set(value(settings, "w:noLineBreaksBefore")) == set(NO_START)
    assert set(value(settings, "w:noLineBreaksAfter")) == set(NO_END)
    assert value(settings, "w:noLineBreaksBefore", "lang") == "zh-CN"
    assert settings.find(".//w:compat/w:doNotExpandShiftReturn", NS) is not None


# -- fonts ----------------------------------------------------------------------------------------


def test_styles_name_the_font_of_their_role_as_east_asian_font(package, sheet):
    for name, style in sheet.styles.items():
        fonts = package.style(f"bg-{name}").find(f"{w('rPr')}/{w('rFonts')}")
        assert fonts.get(w("eastAsia")) == sheet.fonts[style.font]
        assert fonts.get(w("hint")) == "eastAsia"
        latin = sheet.fonts[style.font] if name == sheet.page_number.style else sheet.fonts["latin"]
        assert fonts.get(w("ascii")) == fonts.get(w("hAnsi")) == latin
    assert sheet.fonts["title"] == "方正小标宋简体" and sheet.fonts["hei"] == "黑体"
    assert sheet.fonts["kai"] == "楷体_GB2312" and sheet.fonts["song"] == "宋体"


def test_no_part_uses_a_theme_font_or_colour(package):
    for name in package.names:
        text = package.raw(name).decode("utf-8")
        assert not re.search(r'\w*[Tt]heme\w*="', text), name
    assert not any("theme" in name.lower() or "WithEffects" in name for name in package.names)


def test_every_run_asks_for_the_east_asian_font_and_the_language_is_chinese(package):
    runs = package.document.findall(f".//{w('r')}")
    assert runs and all(value(r, "w:rPr/w:rFonts", "hint") == "eastAsia" for r in runs)
    lang = package.xml("word/styles.xml").find(".//w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


# -- cover, contents, speeches ------------------------------------------------------------------


def test_cover_shows_title_unit_and_date_and_has_no_page_number(package):
    paragraphs = package.document.findall(f"{w('body')}/{w('p')}")
    cover_end = next(i for i, p in enumerate(paragraphs) if p.find(f"{w('pPr')}/{w('sectPr')}") is not None)
    assert [paragraph_text(p) for p in paragraphs[:cover_end + 1]] == [
        "公务员工作座谈会发言汇编", UNIT, "2026年11月28日"]
    cover_sect, contents_sect, body_sect = sections_of(package.document)
    assert cover_sect.find(w("footerReference")) is None and contents_sect.find(w("footerReference")) is None
    assert cover_sect.find(w("pgNumType")) is None


def test_body_restarts_numbering_at_one_with_odd_and_even_footers(package):
    body_sect = sections_of(package.document)[-1]
    assert body_sect.find(w("pgNumType")).get(w("start")) == "1"
    kinds = {ref.get(w("type")) for ref in body_sect.findall(w("footerReference"))}
    assert kinds == {"default", "even"}
    assert package.xml("word/settings.xml").find(w("evenAndOddHeaders")) is not None


def test_contents_is_a_toc_field_cached_with_the_layouts_page_numbers(package, job):
    document = package.document
    instructions = [t.text.strip() for t in document.iter(w("instrText"))]
    assert instructions[0].startswith("TOC ") and '\\o "1-1"' in instructions[0]
    bookmarks = {b.get(w("name")): b.getparent() for b in document.iter(w("bookmarkStart"))}
    entries = [p for p in document.iter(w("p")) if value(p, "w:pPr/w:pStyle") == "bg-contents_entry"]
    assert len(entries) == 6
    for number, entry in enumerate(entries, 1):
        (pageref,) = [t.text.split()[1] for t in entry.iter(w("instrText")) if "PAGEREF" in t.text]
        title = bookmarks[pageref]
        assert value(title, "w:pPr/w:pStyle") == "bg-title"
        assert paragraph_text(entry).endswith(str(job.layout.page_number(f"speech-{number}")))
    kinds = [c.get(w("fldCharType")) for c in document.iter(w("fldChar"))]
    assert kinds.count("begin") == kinds.count("end") == 7  # the TOC and six PAGEREFs


def test_contents_entries_have_a_dot_leader_to_a_right_tab_at_the_measure(package, sheet):
    entries = [p for p in package.document.iter(w("p")) if value(p, "w:pPr/w:pStyle") == "bg-contents_entry"]
    for entry in entries:
        tab = entry.find("w:pPr/w:tabs/w:tab", NS)
        assert (tab.get(w("val")), tab.get(w("leader")), tab.get(w("pos"))) == ("right", "dot", str(11906 - 1587 - 1474))
        assert entry.find(".//w:r/w:tab", NS) is not None
    toc1 = package.style("TOC1")
    assert value(toc1, "w:basedOn") == "bg-contents_entry"
    assert int(value(toc1, "w:pPr/w:ind", "right")) == twips(sheet.contents.number_cells * sheet.page.cell_pt)


def test_speech_titles_start_pages_and_hold_their_display_lines(package, job):
    titles = [p for p in body_paragraphs(package.document) if value(p, "w:pPr/w:pStyle") == "bg-title"]
    speeches = [b for b in job.document.sections[2].blocks if b.style == "title"]
    assert len(titles) == len(speeches) == 6
    for index, (title, block) in enumerate(zip(titles, speeches)):
        assert (title.find("w:pPr/w:pageBreakBefore", NS) is not None) == (index > 0)  # the first: section break
        pieces = [[]]
        for child in title.iter(w("t"), w("br")):
            if child.tag == w("br"):
                pieces.append([])
            else:
                pieces[-1].append(child.text)
        assert ["".join(p) for p in pieces] == block.text.split("\n")
    title_style = package.style("bg-title")
    assert value(title_style, "w:rPr/w:sz") == "44" and value(title_style, "w:pPr/w:jc") == "center"
    assert value(title_style, "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"


def test_run_in_headings_are_hei_and_the_rest_of_the_paragraph_stays_fangsong(package, opened):
    paragraphs = body_paragraphs(package.document)
    run_in = [p for p in paragraphs if p.find(".//w:rStyle[@w:val='bg-heading1-char']", NS) is not None]
    assert run_in, "the seed's 一、 points run into their paragraphs"
    for paragraph in run_in:
        runs = paragraph.findall(w("r"))
        assert value(runs[0], "w:rPr/w:rStyle") == "bg-heading1-char"
        assert paragraph_text(runs[0])[:2] in ("一、", "二、", "三、", "四、")
        assert value(paragraph, "w:pPr/w:pStyle") == "bg-body" and value(paragraph, "w:pPr/w:outlineLvl") == "1"
        assert value(runs[1], "w:rPr/w:rStyle") in (None, "bg-subpoint_lead-char")
    heading = package.style("bg-heading1-char")
    assert heading.get(w("type")) == "character" and value(heading, "w:rPr/w:rFonts", "eastAsia") == "黑体"
    lead = package.style("bg-subpoint_lead-char")
    assert lead.find("w:rPr/w:b", NS) is not None and value(lead, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert opened.styles["一级标题 Char"].font.name == "Times New Roman"


def test_every_style_sheet_style_is_a_named_word_style_with_its_outline_level(opened, package, sheet):
    names = {style.name for style in opened.styles}
    for name, style in sheet.styles.items():
        assert style.word_name in names
        level = value(package.style(f"bg-{name}"), "w:pPr/w:outlineLvl")
        assert level == (None if style.outline_level is None else str(style.outline_level))
    assert value(package.style("bg-title"), "w:pPr/w:outlineLvl") == "0"
    assert value(package.style("bg-unit"), "w:rPr/w:rFonts", "eastAsia") == "楷体_GB2312"


# -- page numbers ---------------------------------------------------------------------------------


def test_page_numbers_are_song_14pt_odd_right_even_left_one_character_in(package, sheet, job):
    rels = package.xml("word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    refs = {ref.get(w("type")): targets[ref.get(f"{{{NS['r']}}}id")]
            for ref in sections_of(package.document)[-1].findall(w("footerReference"))}
    character = twips(14 - 0.25)
    for kind, side in (("default", "right"), ("even", "left")):
        footer = package.xml(f"word/{refs[kind]}")
        (paragraph,) = footer.findall(w("p"))
        assert value(paragraph, "w:pPr/w:jc") == side
        assert int(value(paragraph, "w:pPr/w:ind", side)) == character
        assert [t.text.strip() for t in paragraph.iter(w("instrText"))] == ["PAGE"]
        texts = [t.text for t in paragraph.iter(w("t"))]
        assert texts == ["— ", " —"]  # around the PAGE field, from page_number.j2
    style = package.style("bg-page_number")
    assert value(style, "w:rPr/w:sz") == "28"
    assert value(style, "w:rPr/w:rFonts", "eastAsia") == value(style, "w:rPr/w:rFonts", "ascii") == "宋体"


def test_the_page_number_paragraph_fills_the_bottom_margin_below_the_type_area(package, sheet):
    margins = sections_of(package.document)[-1].find(w("pgMar"))
    footer = package.xml("word/footer1.xml")
    spacing = footer.find(".//w:pPr/w:spacing", NS)
    before, line = int(spacing.get(w("before"))), int(spacing.get(w("line")))
    assert int(margins.get(w("footer"))) + before + line == int(margins.get(w("bottom")))
    size = 14
    baseline = before + line / 2 + sheet.page.baseline_offset_em * twips(size)  # from the type area's bottom
    dash_top = baseline - twips(sheet.page_number.dash_top_em * size)
    assert abs(dash_top - twips(7 * 72 / 25.4)) <= 1


# -- properties, content, package -----------------------------------------------------------------


def test_core_properties_come_from_the_document_metadata(opened, job):
    props = opened.core_properties
    meta = job.document.metadata
    assert (props.title, props.subject, props.author, props.keywords) == (
        "公务员工作座谈会发言汇编", "发言汇编", UNIT, meta.keywords)
    assert props.keywords.startswith("抓实抓好公务员队伍源头工程")
    midnight = dt.datetime(2026, 11, 28, tzinfo=dt.timezone.utc)
    assert props.created == props.modified == midnight
    assert props.language == "zh-CN"
    assert props.last_modified_by == f"briefgen {__version__}"
    assert props.comments == "" and props.revision == 0


def test_the_package_holds_only_its_own_parts(package):
    assert package.names == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
        "word/footer1.xml", "word/footer2.xml"]
    app = package.raw("docProps/app.xml").decode("utf-8")
    assert f"<Application>briefgen {__version__}</Application>" in app
    assert all(b"python-docx" not in package.raw(name) for name in package.names)
    fonts = {f.get(w("name")) for f in package.xml("word/fontTable.xml")}
    assert {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "Times New Roman"} == fonts


def test_every_character_of_the_seed_is_in_the_body_in_order(package, seed_text):
    title_line, rest = seed_text.lstrip("\ufeff").strip().split("\n", 1)
    cover_title = package.document.find(f"{w('body')}/{w('p')}")
    assert content_of(paragraph_text(cover_title)) + "6篇" == content_of(title_line)  # the count is not printed
    printed = "".join(paragraph_text(p) for p in body_paragraphs(package.document))
    assert content_of(printed) == content_of(rest)


def test_the_same_inputs_give_the_same_bytes(job, data):
    assert write_docx(job) == data
    for info in zipfile.ZipFile(BytesIO(data)).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_the_package_is_valid_against_the_ooxml_schema(tmp_path, data, project):
    from openxml_audit import OpenXmlValidator
    from openxml_audit.errors import ValidationErrorType

    brief = write_docx(brief_job(project))
    for name, content in (("seed.docx", data), ("brief.docx", brief)):
        path = tmp_path / name
        path.write_bytes(content)
        strict = OpenXmlValidator(max_errors=0).validate(str(path))
        assert not [e for e in strict.errors if e.error_type == ValidationErrorType.SCHEMA], name
        # The one strict finding: no theme part. Nothing in the package refers to a theme (theme font
        # attributes would override the explicit font names), so none is written.
        assert [e.description for e in strict.errors] == [
            "A required relationship type "
            "'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme' is missing."], name
        permissive = OpenXmlValidator(max_errors=0, strict=False).validate(str(path))
        assert permissive.errors == [], name


# -- briefs: rules, colour, tab, foot -------------------------------------------------------------


@pytest.fixture(scope="module")
def brief(project):
    job = brief_job(project)
    return job, Package(write_docx(job))


def test_brief_rules_are_paragraph_borders_taken_off_the_line_height(brief, sheet):
    job, package = brief
    paragraphs = package.document.findall(f"{w('body')}/{w('p')}")
    meta = next(p for p in paragraphs if value(p, "w:pPr/w:pStyle") == "bg-brief_meta")
    bottom = meta.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (bottom.get(w("val")), bottom.get(w("sz")), bottom.get(w("color"))) == ("single", "18", "C8102E")
    assert int(value(meta, "w:pPr/w:spacing", "line")) == 579 - 45  # 2.25 pt rule
    footers = [p for p in paragraphs if value(p, "w:pPr/w:pStyle") == "bg-brief_footer"]
    assert [p.find("w:pPr/w:pBdr/w:top", NS) is not None for p in footers] == [True, False, False]
    assert [p.find("w:pPr/w:pBdr/w:bottom", NS).get(w("sz")) for p in footers] == ["6", "6", "8"]


def test_brief_name_is_red_and_the_date_sits_at_a_right_tab(brief):
    job, package = brief
    assert value(package.style("bg-brief_name"), "w:rPr/w:color") == "C8102E"
    assert value(package.style("bg-brief_name"), "w:rPr/w:sz") == "72"
    meta = next(p for p in package.document.iter(w("p")) if value(p, "w:pPr/w:pStyle") == "bg-brief_meta")
    tab = meta.find("w:pPr/w:tabs/w:tab", NS)
    assert (tab.get(w("val")), tab.get(w("pos"))) == ("right", str(11906 - 1587 - 1474))
    assert meta.find(".//w:r/w:tab", NS) is not None


def test_brief_foot_is_spaced_down_to_the_grid_lines_the_layout_chose(brief, sheet):
    job, package = brief
    pages = job.layout.pages
    assert len(pages) == 1
    foot_blocks = {i for i, s in enumerate(job.layout.block_sections) if s == "footer"}
    foot_slots = [line.slot for line in pages[0].lines if line.block in foot_blocks]
    assert foot_slots == [19, 20, 21]
    body_end = max(line.slot + line.slots for line in pages[0].lines if line.block not in foot_blocks)
    first = next(p for p in package.document.iter(w("p")) if value(p, "w:pPr/w:pStyle") == "bg-brief_footer")
    assert int(value(first, "w:pPr/w:spacing", "before")) == 579 * (foot_slots[0] - body_end)
    assert body_end < foot_slots[0]
