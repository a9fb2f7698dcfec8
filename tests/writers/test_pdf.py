"""The seed's PDF, built by `briefgen build` and read back through PDFium and poppler: fonts, text,
the 22 x 28 grid, right edges, line-breaking rules, page numbers, bookmarks, metadata, determinism."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from briefgen import __version__
from briefgen.marks import NO_LINE_END as NO_END
from briefgen.marks import NO_LINE_START as NO_START
from briefgen.outline.clean import content_of
from briefgen.outline.parse import parse_text
from briefgen.project.style import MM

from support.cli import build_pdf
from support.paths import SEED
from support.pdf import (
    line_text,
    links,
    metadata,
    outline,
    pdf_fonts,
    read_chars,
    text_lines,
)

DATE = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_pdf(tmp_path_factory.mktemp("seedpdf"))


@pytest.fixture(scope="module")
def pages(built):
    return read_chars(built)


@pytest.fixture(scope="module")
def geometry(default_project):
    """The type area in PDF coordinates: left, right, top, bottom."""
    page = default_project.style.page
    left = page.margin_left_mm * MM
    top = (page.height_mm - page.margin_top_mm) * MM
    return left, left + page.measure_pt, top, page.margin_bottom_mm * MM


@pytest.fixture(scope="module")
def seed_outline():
    return parse_text(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def layout(default_renderer, seed_outline):
    """What the layout meant to draw (to know which lines are justified); the PDF is checked against it."""
    return default_renderer.compilation(seed_outline, DATE).layout


def area_lines(chars, geometry):
    """Return the lines of a page that lie in the type area (not the page number below it)."""
    _, _, top, bottom = geometry
    return [line for line in text_lines(chars) if bottom < line[0].y < top]


def test_every_font_is_embedded_and_subset(built):
    fonts = pdf_fonts(built)
    assert fonts, "no fonts at all"
    for font in fonts:
        assert font["emb"] == "yes" and font["sub"] == "yes" and font["uni"] == "yes", font
        assert re.fullmatch(r"[A-Z]{6}\+\S+", font["name"]), font
    names = {font["name"].split("+", 1)[1] for font in fonts}
    assert names == {"NotoSerifSC-Bold", "FandolFang-Regular", "NotoSansSC-Regular", "NotoSerifSC-Regular",
                     "LiberationSerif"}
    assert not any("Helvetica" in font["name"] for font in fonts)


def test_all_seed_content_reads_back_in_order(pages, geometry, seed_outline):
    expected = content_of(SEED.read_text(encoding="utf-8"))
    heading = content_of(seed_outline.title + seed_outline.count_suffix)
    assert expected.startswith(heading) and seed_outline.count_suffix == "6篇"
    body = [page for page in pages[2:]]
    drawn = "".join(c.text for page in body for line in area_lines(page, geometry) for c in line)
    assert content_of(drawn) == expected[len(heading):]
    cover = content_of("".join(c.text for c in pages[0]))
    assert cover.startswith(content_of(seed_outline.title)) and "6篇" not in cover


def test_full_body_pages_have_22_lines(pages, geometry, built, default_project):
    _, _, top, _ = geometry
    pitch = default_project.style.page.pitch_pt
    starts = {page for level, _, page in outline(built) if level == 0}
    full = [index for index in range(2, len(pages) - 1) if index + 1 not in starts]
    continued = [index for index in full if index not in starts]
    assert len(continued) >= 6
    for index in continued:
        assert len(area_lines(pages[index], geometry)) == 22, index
    for index in set(full) & starts:  # title, the blank line under it, then text to the foot
        slots = [int((top - line[0].y) // pitch) for line in area_lines(pages[index], geometry)]
        assert len(set(slots)) == len(slots) == 21 and max(slots) == 21, index


def test_full_lines_hold_28_characters(pages, geometry):
    left, right, _, _ = geometry
    full = []
    for page in pages[2:]:
        for line in area_lines(page, geometry):
            wide = all(unicodedata.east_asian_width(c.text) in "WFA" for c in line)
            if wide and abs(line[0].x - left) < 0.5 and abs(line[-1].right - right) < 0.5:
                full.append(line)
    assert len(full) > 200
    for line in full:
        pitch = (line[-1].x - line[0].x) / (len(line) - 1)
        assert len(line) in (27, 28), line_text(line)
        # 28 characters spread over the measure (16 pt less 0.215 pt); 27 when a closing mark pushed one
        # down, spread wider, never squeezed or hung past the edge
        assert pitch == pytest.approx((right - left - 16) / (len(line) - 1), abs=0.01)
        assert pitch > 16 - 0.25
    assert sum(len(line) == 28 for line in full) / len(full) > 0.85


def test_justified_lines_end_at_the_right_edge(pages, geometry, layout, default_project):
    height = default_project.style.page.height_mm * MM
    top_margin = default_project.style.page.margin_top_mm * MM
    left, right, _, _ = geometry
    checked = 0
    for page, laid in zip(pages, layout.pages):
        lines = text_lines(page)
        for meant in laid.lines:
            if not meant.justified:
                continue
            y = height - top_margin - meant.baseline
            (line,) = [line for line in lines if abs(line[0].y - y) < 0.5]
            assert line_text(line) == meant.text.replace(" ", "")
            assert abs(line[-1].right - right) <= 0.5, (line_text(line), line[-1].right - right)
            checked += 1
    assert checked > 250


def test_no_line_starts_or_ends_with_a_forbidden_mark(pages, geometry):
    lines = 0
    for page in pages:
        for line in area_lines(page, geometry):
            text = line_text(line)
            assert text[0] not in NO_START, text
            assert text[-1] not in NO_END, text
            lines += 1
    assert lines > 300


def test_page_numbers_sit_right_on_odd_pages_left_on_even_7mm_below_the_type_area(pages, geometry, default_project):
    left, right, _, bottom = geometry
    spec = default_project.style.page_number
    style = default_project.style.style(spec.style)
    side = spec.side_indent_chars * (style.size_pt + default_project.style.page.char_spacing_pt)
    dash_top = bottom - spec.offset_mm * MM
    for index, page in enumerate(pages):
        below = [c for c in page if c.y < bottom]
        if index < 2:
            assert below == [], "cover and contents are unnumbered"
            continue
        number = index - 1
        assert "".join(c.text for c in below) == f"— {number} —"
        assert {c.size for c in below} == {14.0}
        if number % 2:
            assert max(c.right for c in below) == pytest.approx(right - side, abs=0.5)
        else:
            assert min(c.x for c in below) == pytest.approx(left + side, abs=0.5)
        dash = below[0]
        assert dash.ink[3] == pytest.approx(dash_top, abs=0.3)


def test_bookmarks_are_the_speeches_and_their_points(built, pages, seed_outline):
    marks = outline(built)
    speeches = [(title, page) for level, title, page in marks if level == 0]
    assert [title for title, _ in speeches] == [s.title for s in seed_outline.speeches]
    for (title, page), speech in zip(speeches, seed_outline.speeches):
        first_line = "".join(c.text for c in text_lines(pages[page])[0])
        assert speech.title.startswith(first_line)
    points = []
    for level, title, _ in marks:
        if level == 0:
            points.append([])
        else:
            assert level == 1
            points[-1].append(title)
    assert points == [[p.marker + p.heading for p in s.points] for s in seed_outline.speeches]


def test_contents_entries_link_to_their_speeches(built, pages, geometry):
    starts = [page for level, _, page in outline(built) if level == 0]
    found = links(built, 1)
    assert sorted({page for _, page in found}) == starts
    lines = area_lines(pages[1], geometry)[1:]  # below the heading 目录
    assert len(found) == len(lines)
    for (left, bottom, right, top), _ in found:
        assert left == pytest.approx(geometry[0], abs=0.01) and right == pytest.approx(geometry[1], abs=0.01)
        assert sum(bottom < line[0].y < top for line in lines) == 1


def test_metadata_comes_from_the_document(built, seed_outline):
    info = metadata(built)
    assert info["Title"] == seed_outline.title
    assert info["Subject"] == "发言汇编"
    assert info["Keywords"] == "；".join(s.title for s in seed_outline.speeches)
    assert info["Creator"] == f"briefgen {__version__}"
    assert info["CreationDate"] == info["ModDate"] == "D:20261128000000+00'00'"


def test_bold_chinese_is_filled_and_stroked_latin_is_not(pages):
    body = [c for page in pages[2:] for c in page]
    text = "".join(c.text for c in body)
    lead = text.index("一是考试环节考准考实。")
    assert {c.render_mode for c in body[lead:lead + 11]} == {2}
    assert {c.render_mode for c in body[lead + 11:lead + 20]} == {0}


def test_a_rebuild_in_another_process_is_byte_identical(built, tmp_path):
    again = build_pdf(tmp_path)
    assert again.read_bytes() == built.read_bytes()
