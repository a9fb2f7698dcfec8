"""The page-number line the layout makes: "— n —" in 4号宋体, 7 mm below the type area, odd pages right
and even pages left, one character in, on numbered pages only; both writers draw this one line."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.project.folder import load_project
from briefgen.project.style import MM
from briefgen.render import Renderer

DATE = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def job(tmp_path_factory, seed_outline):
    return Renderer(load_project(tmp_path_factory.mktemp("p"))).compilation(seed_outline, DATE)


def test_numbered_pages_and_only_they_carry_the_number_line(job):
    for page in job.layout.pages:
        assert (page.folio is not None) == (page.number is not None)
        if page.folio:
            assert page.folio.text == f"— {page.number} —"


def test_odd_numbers_stand_right_and_even_ones_left_one_character_in(job):
    sheet = job.sheet
    inset = sheet.char_pt(sheet.style("page_number"))
    for page in job.layout.pages:
        if page.folio is None:
            continue
        if page.number % 2:
            assert page.folio.right == pytest.approx(sheet.page.measure_pt - inset)
        else:
            assert page.folio.segments[0].x == pytest.approx(inset)


def test_the_digits_and_dashes_are_set_in_the_song_face_at_14_points(job):
    folio = next(page.folio for page in job.layout.pages if page.folio)
    assert {s.role for s in folio.segments} == {"song"}
    assert {s.style for s in folio.segments} == {"page_number"}
    assert job.sheet.style("page_number").size_pt == 14


def test_the_dash_top_stands_7_mm_below_the_type_area(job):
    folio = next(page.folio for page in job.layout.pages if page.folio)
    sheet = job.sheet
    top = job.metrics.face_of("song").glyph_top("—")
    assert top is not None and 0.2 < top < 0.5
    dash_top = folio.baseline - top * 14
    assert dash_top == pytest.approx(sheet.page.area_height_pt + 7 * MM)
