"""Encodings, line endings and surface variants, each built from the seed's own text."""

from __future__ import annotations

import codecs

import pytest

from briefgen.errors import ParseError
from briefgen.outline.decode import decode_seed
from briefgen.outline.model import iter_points
from briefgen.outline.parse import parse_text


def shape(outline):
    """Return what must not change across surface variants: titles, points, headings, sub-points."""
    return [
        (s.title, [(p.level, p.ordinal, p.heading, [x.lead for x in p.subpoints]) for p in iter_points(s.points)])
        for s in outline.speeches
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-be"])
def test_encodings_decode_to_the_same_outline(seed_text, seed_outline, encoding):
    data = seed_text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    decoded = decode_seed(data, "seeds/x.txt")
    assert decoded.text.lstrip("\ufeff") == seed_text
    assert shape(parse_text(decoded.text)) == shape(seed_outline)


def test_big5_text_is_decoded_as_big5():
    text = "公務員工作座談會發言彙編\n抓實抓好公務員隊伍源頭工程\n公務員考錄是建設高素質公務員隊伍的源頭工程，事關後繼有人這個根本大計。\n"
    decoded = decode_seed(text.encode("big5"), "seeds/x.txt")
    assert decoded.encoding == "big5" and decoded.text == text


def test_undecodable_bytes_are_an_error_not_mojibake(seed_text):
    data = seed_text[:100].encode("ascii", "ignore") + b"\n\xff\xfe\xff\n"
    with pytest.raises(ParseError, match="cannot decode"):
        decode_seed(b"title\n\xff\xff\xff", "seeds/x.txt")
    with pytest.raises(ParseError):
        decode_seed(data.replace(b"\n", b"\r\n", 1) + b"\xff", "seeds/x.txt")


def test_mixed_encodings_name_the_first_bad_line(seed_text):
    lines = seed_text.split("\n")
    data = "\n".join(lines[:5]).encode("utf-8") + b"\n" + "\n".join(lines[5:]).encode("gbk")
    with pytest.raises(ParseError, match="mixed encodings") as caught:
        decode_seed(data, "seeds/x.txt")
    assert caught.value.line == 6


def test_binary_data_is_refused(seed_text):
    with pytest.raises(ParseError, match="binary"):
        decode_seed(seed_text.encode("utf-8")[:300] + b"\x00\x01\x02", "seeds/x.txt")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_give_the_same_outline_and_lines(seed_text, seed_outline, newline):
    outline = parse_text(seed_text.replace("\n", newline))
    assert outline == seed_outline


def test_blank_lines_between_paragraphs_shift_only_line_numbers(seed_text, seed_outline):
    outline = parse_text(seed_text.replace("\n", "\n\n"))
    assert shape(outline) == shape(seed_outline)
    assert outline.speeches[1].line == 2 * seed_outline.speeches[1].line - 1


def test_indented_lines_with_ideographic_spaces(seed_text, seed_outline):
    text = "\n".join("\u3000\u3000" + line for line in seed_text.split("\n"))
    assert shape(parse_text(text)) == shape(seed_outline)


def test_headings_on_their_own_line(seed_text, seed_outline):
    text = seed_text.replace("一、突出政治标准，严把公务员队伍入口关。", "一、突出政治标准，严把公务员队伍入口关\n")
    point = parse_text(text).speeches[0].points[0]
    assert point.heading == "突出政治标准，严把公务员队伍入口关"
    assert not point.run_in
    assert point.body[0].text.startswith("以党的政治建设为统领")
    assert [s.marker for s in point.subpoints] == ["一是", "二是", "三是"]


@pytest.mark.parametrize("old, new", [("、", "．"), ("、", "."), ("、", "、 ")])
def test_first_level_marker_variants(seed_text, seed_outline, old, new):
    text = seed_text
    for numeral in "一二三四":
        text = text.replace(f"\n{numeral}{old}", f"\n{numeral}{new}").replace(f"##{numeral}{old}", f"##{numeral}{new}")
    assert shape(parse_text(text)) == shape(seed_outline)


def nested_variant(seed_text: str, second: str, third: str) -> str:
    """Turn speech 1's 一是/二是/三是 into second-level points and a third-level list under them."""
    lines = seed_text.split("\n")
    point = lines[4]
    head, rest = point.split("一是", 1)
    one, rest = rest.split("二是", 1)
    two, three = rest.split("三是", 1)
    lines[4:5] = [head, second.format("一") + one, third.format(1) + "第一项。", third.format(2) + "第二项。",
                  second.format("二") + two, second.format("三") + three]
    return "\n".join(lines)


@pytest.mark.parametrize("second, third", [
    ("（{}）", "{}."), ("({})", "{}、"), ("（{}）", "{}．"), ("({})", "（{}）"),
])
def test_deeper_level_marker_variants(seed_text, second, third):
    full_width = {"1": "１", "2": "２"}
    text = nested_variant(seed_text, second, third)
    if third == "{}．":
        for half, full in full_width.items():
            text = text.replace(f"\n{half}．", f"\n{full}．")
    point = parse_text(text).speeches[0].points[0]
    assert point.heading == "突出政治标准，严把公务员队伍入口关。"
    assert [(p.level, p.ordinal) for p in point.points] == [(2, 1), (2, 2), (2, 3)]
    first = point.points[0]
    assert first.heading == "考试环节考准考实。"
    expected_level = 4 if "（" in third else 3
    assert [(p.level, p.ordinal, p.heading) for p in first.points] == [
        (expected_level, 1, "第一项。"), (expected_level, 2, "第二项。")]
    assert point.points[2].heading == "其他环节用足用好。"


def test_first_second_and_firstly_secondly_runs():
    text = ("汇编\n加强队伍建设\n我们抓了几件事。第一，抓学习。学得好。第二，抓作风。作风实。\n"
            "具体来说：首先，要明确目标。其次，要压实责任。最后，要严格考核。\n")
    intro = parse_text(text).speeches[0].intro
    assert [(s.marker, s.lead) for s in intro[0].subpoints] == [("第一", "，抓学习。"), ("第二", "，抓作风。")]
    assert [s.marker for s in intro[1].subpoints] == ["首先", "其次", "最后"]
    assert intro[1].text == "具体来说："


def test_a_lone_first_marker_is_not_a_run():
    text = "汇编\n加强队伍建设\n一是抓学习，这句话没有第二项。全文到此。\n"
    intro = parse_text(text).speeches[0].intro
    assert intro[0].subpoints == () and intro[0].text.startswith("一是")


def test_subpoints_on_their_own_lines_form_one_run():
    text = "汇编\n加强队伍建设\n一、主要做法。\n一是抓学习。内容。\n二是抓作风。内容。\n三是抓落实。内容。\n"
    point = parse_text(text).speeches[0].points[0]
    assert [s.marker for s in point.subpoints] == ["一是", "二是", "三是"]
    assert [p.line for p in point.body] == [4, 5, 6]
