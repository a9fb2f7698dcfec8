"""Which characters each font role draws, and which of them its face, or the fallback, lacks."""

from __future__ import annotations

import datetime as dt

from briefgen.fonts.coverage import (
    FALLBACK,
    characters_by_role,
    covers,
    drawing_role,
    fallback_uses,
    role_coverage,
    unprintable,
)
from briefgen.outline.parse import parse_text
from briefgen.project.folder import load_project
from briefgen.render import Renderer

DATE = dt.date(2026, 11, 28)


def test_every_character_of_the_seed_is_counted_in_the_role_that_draws_it(tmp_path, seed_outline):
    renderer = Renderer(load_project(tmp_path))
    job = renderer.compilation(seed_outline, DATE)
    used = characters_by_role(job.layout)
    assert "公" in used["body"] and "一" in used["hei"]  # body text, and 一、 headings in 黑体
    assert set("0123456789") <= set(used["latin"])  # figures in body text
    assert {"—", "1"} <= set(used["song"])  # the page numbers, drawn by the layout's number line
    coverage = {c.role: c for c in role_coverage(job.layout, job.sheet, renderer.faces)}
    assert all(not c.missing for c in coverage.values())


def test_a_character_no_face_has_is_found_with_its_seed_line(tmp_path):
    renderer = Renderer(load_project(tmp_path))
    job = renderer.compilation(parse_text("汇编\n讲话标题\n正文ꀀ，这是正文。\n"), DATE)
    body = next(c for c in role_coverage(job.layout, job.sheet, renderer.faces) if c.role == "body")
    assert body.missing == "ꀀ" and body.unprintable == "ꀀ" and body.first_lines == {"ꀀ": 3}
    style = job.sheet.style("body")
    assert unprintable("正文ꀀ", style, job.sheet, renderer.faces) == [("ꀀ", "body")]


def test_a_glyph_alias_counts_as_covered(tmp_path):
    faces = Renderer(load_project(tmp_path)).faces
    assert covers(faces["body"].metrics(), "\u2015")  # drawn with U+2014's glyph
    assert covers(faces[FALLBACK].metrics(), "喆")


def test_one_rule_says_which_face_draws_a_character(tmp_path):
    faces = Renderer(load_project(tmp_path)).faces
    assert drawing_role("公", "kai", faces) == "kai"
    assert drawing_role("喆", "kai", faces) == FALLBACK  # outside GB2312: the fallback has it
    assert drawing_role("ꀀ", "kai", faces) is None  # no face has it
    assert drawing_role("\u00a0", "latin", faces) == "latin"  # a no-break space is a space


def test_fallback_uses_name_the_character_role_line_and_faces_once(tmp_path):
    renderer = Renderer(load_project(tmp_path))
    job = renderer.compilation(parse_text("汇编\n讲话标题\n（王喆）\n正文里的王喆和李堃。\n喆字又一次出现。\n"), DATE)
    uses = [(u.char, u.role, u.line, u.face.role, u.fallback.role) for u in fallback_uses(job.layout, job.faces)]
    assert uses == [("喆", "kai", 3, "kai", FALLBACK), ("喆", "body", 4, "body", FALLBACK),
                    ("堃", "body", 4, "body", FALLBACK)]
