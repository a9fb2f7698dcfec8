"""One body size, and a style sheet that refuses what the grid cannot hold or what lies outside its
documented range, naming the briefgen.toml (or style.toml) line that set it."""

from __future__ import annotations

import pytest

from briefgen.errors import ConfigError
from briefgen.project.folder import load_project

BODY_SIZE_STYLES = ("subtitle", "unit", "blank", "heading1", "heading2", "heading3", "heading4", "heading5",
                    "subpoint_lead", "cover_unit", "cover_date", "contents_entry", "brief_issue", "brief_meta",
                    "brief_date", "brief_body", "brief_source")


def sheet_with(tmp_path, toml: str):
    (tmp_path / "briefgen.toml").write_text(toml, encoding="utf-8")
    return load_project(tmp_path).style


def test_every_body_size_style_follows_the_body_size(tmp_path):
    sheet = sheet_with(tmp_path, "[style.styles.body]\nsize_pt = 18\n")
    assert sheet.style("body").size_pt == 18
    assert {name: sheet.style(name).size_pt for name in BODY_SIZE_STYLES} == dict.fromkeys(BODY_SIZE_STYLES, 18)
    sizes = {name: sheet.style(name).size_pt for name in ("title", "cover_title", "contents_heading",
                                                           "page_number", "brief_name", "brief_footer",
                                                           "classification")}
    assert sizes == {"title": 22, "cover_title": 22, "contents_heading": 22, "page_number": 14,
                     "brief_name": 36, "brief_footer": 14, "classification": 16}  # sizes of their own stay


def test_a_style_that_sets_its_own_size_keeps_it(tmp_path):
    sheet = sheet_with(tmp_path, "[style.styles.body]\nsize_pt = 18\n[style.styles.heading1]\nsize_pt = 16\n")
    assert (sheet.style("heading1").size_pt, sheet.style("heading2").size_pt) == (16, 18)


def test_the_bundled_sheet_keeps_headings_with_their_text_and_classification_is_3hao_hei(tmp_path):
    sheet = load_project(tmp_path).style
    assert all(sheet.style(f"heading{n}").keep_with_next for n in range(1, 6))
    assert not sheet.style("body").keep_with_next and sheet.page.keep_lines == 2
    mark = sheet.style("classification")
    assert (mark.font, mark.size_pt, mark.align) == ("hei", 16, "left")


@pytest.mark.parametrize("toml, line, says", [
    ("[style.styles.body]\nsize_pt = 72\n", 3, "styles.body.size_pt = 72: a character of that size does not fit 1 "
                                               "grid line"),
    ("[style.styles.heading2]\nsize_pt = 30\n", 3, "set styles.heading2.line_slots = 2"),
    ("[style.styles.body]\nsize_pt = 4\n", 3, "styles.body.size_pt = 4 is outside 5 to 72 pt"),
    ("[style.styles.brief_name]\nsize_pt = 80\nline_slots = 3\n", 3, "outside 5 to 72 pt"),
    ("[style.styles.title]\nline_slots = 0\n", 3, "styles.title.line_slots must be 1 to 22"),
    ("[style.styles.cover_title]\nspace_after_slots = 22\n", 3, "space_after_slots must be 0 to 21"),
    ("[style.styles.body]\nindent_chars = -1\n", 3, "must not be negative"),
    ("[style.styles.body]\nindent_chars = 30\n", 3, "do not fit the 442.2 pt line"),
    ("[style.page]\nchar_spacing_pt = 5\n", 3, "page.char_spacing_pt = 5 is outside -2 to 4 pt"),
    ("[style.page]\nkeep_lines = 0\n", 3, "page.keep_lines = 0 is outside 1 to 5 lines"),
    ("[style.page]\nlines_per_page = 0\n", 3, "page.lines_per_page = 0 is outside 1 to 100"),
    ("[style.page]\nmargin_left_mm = 200.0\n", 3, "leave no type area"),
])
def test_what_the_grid_cannot_hold_is_refused_with_its_line(tmp_path, toml, line, says):
    with pytest.raises(ConfigError, match=says) as caught:
        sheet_with(tmp_path, "# a comment\n" + toml)
    assert (caught.value.path, caught.value.line) == ("briefgen.toml", line)


def test_a_size_taken_from_the_body_is_refused_at_the_body_size_line(tmp_path):
    with pytest.raises(ConfigError, match=r"styles.body.size_pt = 40 \(styles.subtitle takes the body size\)") \
            as caught:
        sheet_with(tmp_path, "[style.styles.body]\nline_slots = 2\nsize_pt = 40\n")
    assert caught.value.line == 3


def test_a_value_in_a_project_style_sheet_is_refused_with_its_style_toml_line(tmp_path):
    from briefgen.project.folder import bundled_templates

    (tmp_path / "templates").mkdir()
    text = (bundled_templates() / "style.toml").read_text(encoding="utf-8")
    text = text.replace("keep_lines = 2\n", "keep_lines = 9\n")
    (tmp_path / "templates" / "style.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="keep_lines = 9") as caught:
        load_project(tmp_path)
    assert caught.value.path == "templates/style.toml"
    assert text.splitlines()[caught.value.line - 1] == "keep_lines = 9"


def test_a_sheet_without_a_body_size_is_refused(tmp_path):
    from briefgen.project.folder import bundled_templates

    (tmp_path / "templates").mkdir()
    text = (bundled_templates() / "style.toml").read_text(encoding="utf-8")
    start = text.index("[styles.body]")
    text = text[:start] + text[start:].replace("size_pt = 16.0\n", "", 1)
    (tmp_path / "templates" / "style.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"needs \[styles.body\] with its size_pt"):
        load_project(tmp_path)
