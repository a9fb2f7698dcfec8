"""Which characters each font role draws, and which of them its face, or the fallback, lacks."""

from __future__ import annotations

import datetime as dt

from briefgen.fonts.coverage import (
    FALLBACK,
    characters_by_role,
    covers,
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
