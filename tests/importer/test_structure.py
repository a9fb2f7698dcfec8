"""Titles, unit lines, speeches and covers decided from formatting; the seed lines made of them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from briefgen.importer.package import ImportFault
from briefgen.importer.records import Para, SpeechDraft
from briefgen.importer.seedtext import make_seed_text, make_unit_line
from briefgen.importer.structure import join_pieces, read_structure

BODY = "我们坚持问题导向，扎实推进各项工作，取得了明显成效。"


def make_paras(*specs) -> tuple[Para, ...]:
    """Return Paras from (kind, text): title, centred, bold, body, blank, h1, right; a "!" starts a page."""
    looks = {"title": dict(align="center", size=22), "centred": dict(align="center", size=16),
             "bold": dict(align="center", size=16, bold=True), "body": dict(align="both", size=16),
             "blank": dict(align="left", size=16), "h1": dict(align="left", size=16, outline_level=0),
             "right": dict(align="right", size=16)}
    found = []
    for number, (kind, text) in enumerate(specs, 1):
        found.append(Para(number, text, new_page=kind.endswith("!"), **looks[kind.rstrip("!")]))
    return tuple(found)


def read_specs(*specs):
    left_out: Counter = Counter()
    outcome = read_structure(make_paras(*specs), Path("x.docx"), left_out)
    return outcome, left_out


def test_a_title_over_two_paragraphs_a_blank_paragraph_then_the_speaker():
    outcome, _ = read_specs(("title", "坚持党建引领"), ("title", "推动基层治理提质增效"), ("blank", ""),
                             ("centred", "XX市委组织部副部长\u3000李明"), ("body", BODY))
    (speech,) = outcome.speeches
    assert speech.title_lines == ["坚持党建引领", "推动基层治理提质增效"]
    assert speech.unit_lines == ["XX市委组织部副部长\u3000李明"]
    assert [p.text for p in speech.body] == [BODY]
    assert outcome.cover_title is None


def test_a_title_with_line_breaks_a_subtitle_and_a_unit_in_two_lines():
    outcome, _ = read_specs(("title", "聚焦落实国家重大战略\n以高质量考核推动高质量发展"),
                             ("centred", "——在全省组织工作会议上的发言"), ("centred", "XX省委组织部"),
                             ("centred", "张三"), ("body", BODY))
    (speech,) = outcome.speeches
    assert speech.title_lines == ["聚焦落实国家重大战略", "以高质量考核推动高质量发展"]
    assert speech.subtitle == "——在全省组织工作会议上的发言"
    assert speech.unit_lines == ["XX省委组织部", "张三"]
    assert make_unit_line(speech) == "XX省委组织部\u3000张三"


def test_new_speeches_after_body_text_and_after_a_page_break():
    outcome, _ = read_specs(("title", "第一篇"), ("body", BODY), ("centred", "（此处居中的一行）"), ("body", BODY),
                             ("title", "第二篇"), ("body", BODY), ("bold!", "第三篇另起一页"), ("body", BODY),
                             ("bold", "居中加粗但不另起一页"), ("body", BODY))
    assert [speech.title_lines for speech in outcome.speeches] == [["第一篇"], ["第二篇"], ["第三篇另起一页"]]
    assert [p.text for p in outcome.speeches[0].body] == [BODY, "（此处居中的一行）", BODY]
    assert [p.text for p in outcome.speeches[2].body] == [BODY, "居中加粗但不另起一页", BODY]


def test_a_cover_gives_the_collection_title_and_its_other_lines_are_left_out():
    outcome, left_out = read_specs(("title", "公务员工作座谈会发言汇编"), ("centred", "秘书组"),
                                    ("centred", "2026年11月28日"), ("title!", "目　录"), ("title!", "第一篇"),
                                    ("body", BODY), ("title!", "第二篇"), ("body", BODY))
    assert outcome.cover_title == "公务员工作座谈会发言汇编"
    assert [s.title_lines for s in outcome.speeches] == [["第一篇"], ["第二篇"]]
    assert (left_out["cover"], left_out["contents"]) == (2, 1)


def test_a_large_title_centred_with_typed_spaces_is_a_title_too():
    outcome, _ = read_specs(("title", "第一篇"), ("body", BODY), ("body", "\u3000\u3000\u3000\u3000用空格居中的标题"),
                            ("body", BODY))
    assert [s.title_lines for s in outcome.speeches] == [["第一篇"]]  # body size: body text
    large = Para(3, "\u3000\u3000\u3000\u3000用空格居中的标题", align="left", size=22)
    paragraphs = make_paras(("title", "第一篇"), ("body", BODY)) + (large,) + make_paras(("body", BODY))
    outcome = read_structure(paragraphs, Path("x.docx"), Counter())
    assert [s.title_lines for s in outcome.speeches] == [["第一篇"], ["用空格居中的标题"]]


def test_a_first_page_with_body_text_is_no_cover():
    outcome, _ = read_specs(("title", "第一篇"), ("body", BODY), ("title!", "第二篇"), ("body", BODY))
    assert outcome.cover_title is None and len(outcome.speeches) == 2


def test_outline_level_zero_or_plain_text_open_a_file():
    outcome, _ = read_specs(("h1", "标题样式的标题"), ("body", BODY))
    assert outcome.speeches[0].title_lines == ["标题样式的标题"]
    outcome, _ = read_specs(("body", "没有格式的标题"), ("body", "同志们好"), ("body", BODY))
    assert outcome.speeches[0].title_lines == ["没有格式的标题"]
    assert [p.text for p in outcome.speeches[0].body] == ["同志们好", BODY]


def test_a_file_that_opens_with_body_text_or_holds_none_is_an_error():
    with pytest.raises(ImportFault, match="no speech title: the first paragraph"):
        read_specs(("body", BODY), ("body", BODY))
    with pytest.raises(ImportFault, match="holds no text"):
        read_specs(("blank", ""), ("blank", " "))


def test_unit_lines_the_seed_would_not_read_are_put_in_brackets():
    assert make_unit_line(SpeechDraft(["题"], unit_lines=["李明"])) == "（李明）"
    assert make_unit_line(SpeechDraft(["题"], unit_lines=["（XX市委组织部）"])) == "（XX市委组织部）"
    assert make_unit_line(SpeechDraft(["题"], unit_lines=["XX市委组织部部长\u3000李明"])) == "XX市委组织部部长\u3000李明"


def test_lines_are_joined_without_a_space_between_cjk_characters():
    assert join_pieces(["聚焦落实", "国家战略"]) == "聚焦落实国家战略"
    assert join_pieces(["Digital", "China 2030"]) == "Digital China 2030"
    assert join_pieces(["数字", " China"]) == "数字China"
    assert join_pieces([" 单位\u3000姓名 "]) == "单位\u3000姓名"


def test_the_seed_has_the_title_then_each_speech_and_a_blank_line_between():
    outcome, _ = read_specs(("title", "第一篇"), ("centred", "（甲单位）"), ("body", BODY), ("title", "第二篇"),
                             ("body", BODY))
    assert make_seed_text("汇编", [outcome]) == f"汇编\n\n第一篇\n（甲单位）\n{BODY}\n\n第二篇\n{BODY}\n"


def test_a_label_above_the_first_title_is_left_out():
    outcome, left_out = read_specs(("body", "附件2"), ("title", "坚持党建引领"), ("centred", "（甲单位）"),
                                    ("body", BODY))
    assert [s.title_lines for s in outcome.speeches] == [["坚持党建引领"]]
    assert left_out["label"] == 1
