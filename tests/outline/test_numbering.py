"""Chinese list markers: levels, ordinals, normal forms, sub-point candidates."""

from __future__ import annotations

import pytest

from briefgen.outline.numbering import (
    find_sub_markers,
    format_chinese_number,
    match_point_marker,
    normal_marker,
    parse_chinese_number,
)


@pytest.mark.parametrize("value", range(1, 100))
def test_chinese_numbers_round_trip(value):
    assert parse_chinese_number(format_chinese_number(value)) == value


@pytest.mark.parametrize("line, level, ordinal, marker", [
    ("一、突出政治标准", 1, 1, "一、"), ("十二．加强", 1, 12, "十二．"), ("三.坚持", 1, 3, "三."),
    ("（一）加强", 2, 1, "（一）"), ("(二)加强", 2, 2, "(二)"), ("1.明确", 3, 1, "1."),
    ("１．明确", 3, 1, "１．"), ("12、明确", 3, 12, "12、"), ("（3）细化", 4, 3, "（3）"), ("(4)细化", 4, 4, "(4)"),
    ("②其次", 5, 2, "②"),
])
def test_point_markers_give_level_and_ordinal(line, level, ordinal, marker):
    found = match_point_marker(line)
    assert (found.level, found.ordinal, found.marker) == (level, ordinal, marker)


@pytest.mark.parametrize("line", ["1.07万名公务员", "2021年以来", "79.9%的任务", "一是考试", "十年来", "第一，加强"])
def test_body_text_is_not_a_point_marker(line):
    assert match_point_marker(line) is None


def test_normal_forms():
    assert [normal_marker(level, 3) for level in (1, 2, 3, 4, 5)] == ["三、", "（三）", "3.", "（3）", "③"]


def test_sub_markers_only_where_a_sentence_opens():
    text = "政治上不合格。一是考试环节考准考实。统一是原则。二是考察；第一方阵。第二，抓作风。最后一公里。"
    found = [(m.kind, m.ordinal, text[m.start:m.end]) for m in find_sub_markers(text)]
    assert found == [("shi", 1, "一是"), ("shi", 2, "二是"), ("di", 2, "第二")]
