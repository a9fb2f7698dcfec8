"""The style sheet: every figure read from templates/style.toml, overridable from briefgen.toml, checked."""

from __future__ import annotations

import pytest

from briefgen.errors import ConfigError
from briefgen.project.folder import load_project
from briefgen.project.style import LATIN_BOLD, MM


def project_with(tmp_path, toml: str):
    (tmp_path / "briefgen.toml").write_text(toml, encoding="utf-8")
    return load_project(tmp_path)


def test_the_bundled_sheet_holds_the_gb_t_9704_grid(tmp_path):
    page = load_project(tmp_path).style.page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert page.measure_pt == pytest.approx(156 * MM) and page.area_height_pt == pytest.approx(225 * MM)
    assert page.pitch_pt == 28.95  # 579 twips: rounded down so that 22 lines fit in Word and WPS
    assert (page.lines_per_page, page.chars_per_line) == (22, 28)
    # 28 characters of 16 pt with -0.25 pt tracking fit the measure, 29 do not
    body = load_project(tmp_path).style.style("body")
    char = load_project(tmp_path).style.char_pt(body)
    assert 28 * char <= page.measure_pt < 29 * char


def test_a_value_set_in_briefgen_toml_overrides_the_sheet(tmp_path):
    sheet = project_with(tmp_path, "[style.styles.heading2]\nfont = \"hei\"\nbold = true\n").style
    assert sheet.style("heading2").font == "hei" and sheet.style("heading2").bold
    assert sheet.style("heading2").size_pt == 16  # the rest of the style stays


@pytest.mark.parametrize("toml, says", [
    ("[style.styles.body]\nsize = 18\n", "unknown key styles.body.size"),
    ("[style.styles.body]\nfont = \"comic\"\n", "styles.body.font must be one of"),
    ("[style.styles.page_number]\nlatin_font = \"arial\"\n", "styles.page_number.latin_font must be"),
    ("[style.styles.body]\nsize_pt = \"big\"\n", "must be a number"),
    ("[style.colors]\nred = \"red\"\n", "six hex digits"),
])
def test_a_wrong_style_value_is_refused_with_its_briefgen_toml_line(tmp_path, toml, says):
    with pytest.raises(ConfigError, match=says) as caught:
        project_with(tmp_path, "# a comment\n" + toml)
    assert (caught.value.path, caught.value.line) == ("briefgen.toml", 3)


def test_each_style_names_the_role_of_its_full_and_half_width_characters(tmp_path):
    sheet = load_project(tmp_path).style
    body, lead, number = sheet.style("body"), sheet.style("subpoint_lead"), sheet.style("page_number")
    assert (sheet.role_of(body, False), sheet.role_of(body, True)) == ("body", "latin")
    assert sheet.role_of(lead, True) == LATIN_BOLD  # bold Latin text has a face of its own
    assert (sheet.role_of(number, False), sheet.role_of(number, True)) == ("song", "song")  # 4号半角宋体数字


def test_indents_count_characters_of_the_style_with_its_tracking(tmp_path):
    sheet = load_project(tmp_path).style
    body, footer = sheet.style("body"), sheet.style("brief_footer")
    assert sheet.indent_pt(body) == pytest.approx(2 * (16 - 0.25))
    assert sheet.indent_pt(footer) == pytest.approx(1 * (14 - 0.25))
