"""The user's line marks and comments: a mark fixes what a line is, a # line is never printed, and an
unmarked seed reads as before."""

from __future__ import annotations

import pytest

from briefgen.outline.clean import content_of
from briefgen.outline.model import iter_points, iter_texts
from briefgen.outline.parse import parse_text

from support.fidelity import expected_content

HEAD = "全市座谈会发言汇编\n"


def test_a_comment_above_a_speech_is_never_printed_and_draws_no_warning(seed_text, seed_outline):
    lines = seed_text.split("\n")
    lines.insert(7, "# 这篇暂不收入")  # above the second speech, meant as a note
    outline = parse_text("\n".join(lines))
    assert [s.title for s in outline.speeches] == [s.title for s in seed_outline.speeches]
    assert [(r.line, r.text, r.reason) for r in outline.removed] == [(8, "# 这篇暂不收入", "comment")]
    assert [w.message for w in outline.warnings] == [w.message for w in seed_outline.warnings]
    assert "这篇暂不收入" not in "".join(iter_texts(outline))


@pytest.mark.parametrize("mark", ["【标题】", "[标题]", "【 標題 】"])
def test_a_title_mark_starts_a_speech_where_the_text_alone_would_not(mark):
    text = HEAD + "第一篇讲话\n正文一。\n" + mark + "一句话也可以是标题，哪怕它很长很长很长。\n正文二。\n"
    outline = parse_text(text)
    assert [s.title for s in outline.speeches] == ["第一篇讲话", "一句话也可以是标题，哪怕它很长很长很长。"]
    assert [r.reason for r in outline.removed] == ["line mark"]
    assert content_of("".join(iter_texts(outline))) == expected_content(text, outline, content_of)


def test_speaker_subtitle_and_body_marks():
    text = HEAD + "抓好基层组织建设\n【副标题】全市会议交流\n【发言人】张三\n正文内容，说明情况。\n【正文】分享\n"
    speech = parse_text(text).speeches[0]
    assert speech.subtitle.text == "全市会议交流" and speech.unit.text == "张三"
    assert speech.intro[-1].text == "分享"  # site furniture by its shape, but the user says it is text


def test_a_subheading_mark_makes_a_heading_inside_the_speech():
    text = HEAD + "第一篇讲话\n正文一。\n【小标题】做法和成效\n正文二。\n一、第一点。正文。\n"
    speech = parse_text(text).speeches[0]
    (heading,) = speech.points
    assert (heading.level, heading.marker, heading.heading) == (0, "", "做法和成效")
    assert [(p.level, p.marker) for p in iter_points(heading.points)] == [(1, "一、")]


def test_a_line_marked_not_content_is_removed_without_a_warning():
    text = HEAD + "第一篇讲话\n正文一。\n【不收入】本文转自某网站\n"
    outline = parse_text(text)
    assert [(r.line, r.reason) for r in outline.removed] == [(4, "marked 【不收入】: not content")]
    assert outline.warnings == ()


def test_brackets_that_are_no_mark_are_text():
    outline = parse_text("“作风建设大家谈”发言摘编【求真务实篇】\n【求真务实】抓落实\n正文。\n")
    assert outline.title == "“作风建设大家谈”发言摘编【求真务实篇】"
    assert outline.speeches[0].title == "【求真务实】抓落实" and outline.removed == ()


def test_the_first_line_marked_a_title_makes_one_speech_alone():
    text = "【标题】聚焦三个强化\n推动队伍整体优化提升\n近年来，我县抓好队伍建设。\n"
    outline = parse_text(text)
    assert outline.single and outline.title_lines == ("聚焦三个强化", "推动队伍整体优化提升")


@pytest.mark.parametrize("line, comment", [("# 这篇暂不收入", True), ("#这篇暂不收入", True), ("＃ 备注", True),
                                           ("#主题教育# 全市开展专题学习。", False)])
def test_a_hash_line_is_a_comment_unless_it_is_a_hashtag(line, comment):
    outline = parse_text(HEAD + "第一篇讲话\n正文一。\n" + line + "\n")
    assert ([r.reason for r in outline.removed] == ["comment"]) is comment
    assert (outline.speeches[0].intro[-1].text == line) is not comment
