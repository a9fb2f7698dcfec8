"""Automatic numbering resolved as Word prints it: formats, lvlText, counters that continue and restart."""

from __future__ import annotations

import pytest
from lxml import etree

from briefgen.importer.numbering import Numbering
from briefgen.importer.numformats import format_number, spell_chinese
from briefgen.importer.styles import StyleSheet

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'


def make_level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


CHINESE_TWO = make_level(0, "chineseCounting", "%1、") + make_level(1, "chineseCounting", "（%2）") + make_level(
    2, "decimal", "%3.") + make_level(3, "decimal", "（%4）") + make_level(4, "decimalEnclosedCircle", "%5")


def make_numbering(abstracts: dict[int, str], nums: dict[int, str], styles: str = "") -> Numbering:
    """Return a Numbering of abstractNum id -> levels XML and numId -> inner XML of the w:num."""
    xml = (f"<w:numbering {NS}>"
           + "".join(f'<w:abstractNum w:abstractNumId="{k}">{v}</w:abstractNum>' for k, v in abstracts.items())
           + "".join(f'<w:num w:numId="{k}">{v}</w:num>' for k, v in nums.items()) + "</w:numbering>")
    sheet = StyleSheet(etree.fromstring(f"<w:styles {NS}>{styles}</w:styles>"))
    return Numbering(etree.fromstring(xml), sheet)


def make_ppr(num_id: int | None = None, ilvl: int | None = None, style: str | None = None):
    parts = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        parts += "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/></w:numPr>')
    return etree.fromstring(f"<w:pPr {NS}>{parts}</w:pPr>")


def resolve_markers(found: Numbering, sequence: list[tuple]) -> list[str | None]:
    """Return the markers of paragraphs given as (numId, ilvl) or (numId, ilvl, style)."""
    out = []
    for item in sequence:
        props = make_ppr(*item)
        result = found.resolve_marker(props, item[2] if len(item) > 2 else None)
        out.append(None if result is None else result.text)
    return out


def test_two_chinese_levels_continue_and_restart_under_a_higher_level():
    found = make_numbering({1: CHINESE_TWO}, {5: '<w:abstractNumId w:val="1"/>'})
    assert resolve_markers(found, [(5, 0), (5, 1), (5, 1), (5, 0), (5, 1), (5, 2), (5, 2), (5, 3), (5, 4), (5, 0)]) == [
        "一、", "（一）", "（二）", "二、", "（一）", "1.", "2.", "（1）", "①", "三、"]


def test_counters_continue_across_body_paragraphs_and_past_ten():
    found = make_numbering({1: CHINESE_TWO}, {5: '<w:abstractNumId w:val="1"/>'})
    assert found.resolve_marker(make_ppr(), None) is None
    texts = resolve_markers(found, [(5, 0)] * 12)
    assert texts[9:] == ["十、", "十一、", "十二、"]


def test_nums_of_one_abstract_share_counters_and_start_override_restarts():
    found = make_numbering({1: CHINESE_TWO}, {5: '<w:abstractNumId w:val="1"/>', 6: '<w:abstractNumId w:val="1"/>',
                                         7: '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                                            '<w:startOverride w:val="1"/></w:lvlOverride>'})
    assert resolve_markers(found, [(5, 0), (5, 0), (6, 0), (7, 0), (7, 0), (5, 0)]) == ["一、", "二、", "三、", "一、", "二、",
                                                                              "三、"]


def test_start_values_level_overrides_and_num_zero():
    found = make_numbering({1: make_level(0, "decimal", "%1.", start=3)},
                      {5: '<w:abstractNumId w:val="1"/>',
                       6: '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                          + make_level(0, "chineseCounting", "第%1条") + "</w:lvlOverride>"})
    assert resolve_markers(found, [(5, 0), (5, 0), (0, 0), (6, 0)]) == ["3.", "4.", None, "第五条"]


def test_style_linked_numbering_takes_the_level_linked_to_the_style():
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr>'
              '</w:style><w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/></w:style>')
    levels = (make_level(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="H1"/>')
              + make_level(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="H2"/>'))
    found = make_numbering({1: levels}, {5: '<w:abstractNumId w:val="1"/>'}, styles)
    assert resolve_markers(found, [(None, None, "H1"), (None, None, "H2"), (None, None, "H2"), (None, None, "H1")]) == [
        "一、", "（一）", "（二）", "二、"]


def test_numbering_style_links_lead_to_the_definition_holding_the_levels():
    styles = ('<w:style w:type="numbering" w:styleId="OfficialList"><w:pPr><w:numPr><w:numId w:val="9"/>'
              "</w:numPr></w:pPr></w:style>")
    found = make_numbering({1: '<w:numStyleLink w:val="OfficialList"/>',
                       2: '<w:styleLink w:val="OfficialList"/>' + CHINESE_TWO},
                      {5: '<w:abstractNumId w:val="1"/>', 9: '<w:abstractNumId w:val="2"/>'}, styles)
    assert resolve_markers(found, [(5, 0), (5, 1), (9, 0)]) == ["一、", "（一）", "二、"]


def test_lvl_restart_zero_never_restarts_and_is_lgl_prints_decimals():
    levels = (make_level(0, "chineseCounting", "%1、")
              + make_level(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')
              + make_level(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>"))
    found = make_numbering({1: levels}, {5: '<w:abstractNumId w:val="1"/>'})
    assert resolve_markers(found, [(5, 0), (5, 1), (5, 0), (5, 1), (5, 2)]) == ["一、", "1.", "二、", "2.", "2.2.1"]


def test_a_number_format_in_alternate_content_is_read_from_its_fallback():
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    lvl = (f'<w:lvl w:ilvl="0" {mc}><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
           '<w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback>'
           '<w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>')
    found = make_numbering({1: lvl}, {5: '<w:abstractNumId w:val="1"/>'})
    assert resolve_markers(found, [(5, 0), (5, 0)]) == ["01.", "02."]


def test_bullets_are_marked_as_bullets():
    found = make_numbering({1: make_level(0, "bullet", "\uf0b7")}, {5: '<w:abstractNumId w:val="1"/>'})
    result = found.resolve_marker(make_ppr(5, 0), None)
    assert result.bullet and result.level == 0


def test_unknown_nums_and_documents_without_numbering():
    assert resolve_markers(make_numbering({}, {}), [(5, 0)]) == [None]
    assert Numbering(None, StyleSheet(None)).resolve_marker(make_ppr(5, 0), None) is None


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (21, "chineseCountingThousand", "二十一"), (101, "chineseCounting", "一百零一"),
    (110, "chineseCountingThousand", "一百一十"), (1001, "chineseCounting", "一千零一"),
    (10000, "chineseCounting", "一万"), (10010, "chineseCounting", "一万零一十"),
    (11, "chineseLegalSimplified", "壹拾壹"), (3, "ideographLegalTraditional", "參"),
    (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "11"), (2, "ideographZodiac", "丑"),
    (10, "ideographDigital", "一〇"), (3, "decimalEnclosedCircle", "③"), (21, "decimalEnclosedCircleChinese", "㉑"),
    (12, "decimalFullWidth", "１２"), (5, "decimalEnclosedParen", "⑸"), (5, "decimalEnclosedFullstop", "⒌"),
    (2, "ideographEnclosedCircle", "㈡"), (7, "decimalZero", "07"), (28, "lowerLetter", "bb"),
    (4, "upperRoman", "IV"), (1994, "lowerRoman", "mcmxciv"), (3, "none", ""), (3, "ordinal", "3"),
])
def test_number_formats(value, fmt, shown):
    assert format_number(value, fmt) == shown


def test_chinese_numbers_read_back_by_the_seed_parser():
    from briefgen.outline.numbering import parse_chinese_number

    assert all(parse_chinese_number(spell_chinese(n)) == n for n in range(1, 100))
