"""Where speeches start, decided from the text as a whole: speaker lines, boundaries, indentation; titles
the print broke; occasion lines; one speech alone; and the doubts said as warnings."""

from __future__ import annotations

import pytest

from briefgen.outline.heads import split_count
from briefgen.outline.model import iter_points
from briefgen.outline.parse import parse_text

BODY = "我们坚持问题导向，抓好工作落实，取得了明显成效。"


def subheadings(speech):
    return [p.heading for p in iter_points(speech.points) if p.level == 0]


def doubts(outline):
    return {w.line: w.message for w in outline.warnings}


def test_where_speaker_lines_mark_the_speeches_a_short_line_followed_by_text_is_a_subheading():
    text = ("交流会发言材料\n以红色引擎激活发展动能\n第一分公司党委书记  杨建国\n" + BODY + "\n把支部建在项目上\n" + BODY +
            "\n让党员亮在岗位上\n" + BODY + "\n以强根铸魂工程夯实基础\n物流公司党总支书记  许海燕\n" + BODY + "\n")
    outline = parse_text(text)
    assert [s.title for s in outline.speeches] == ["以红色引擎激活发展动能", "以强根铸魂工程夯实基础"]
    assert subheadings(outline.speeches[0]) == ["把支部建在项目上", "让党员亮在岗位上"]
    assert outline.warnings == ()


def test_where_nothing_marks_the_speeches_a_title_followed_by_text_starts_one_as_in_the_seed(seed_outline):
    text = "交流会发言材料\n把支部建在项目上\n" + BODY + "\n让党员亮在岗位上\n" + BODY + "\n"
    assert [s.title for s in parse_text(text).speeches] == ["把支部建在项目上", "让党员亮在岗位上"]
    assert not any(p.level == 0 for s in seed_outline.speeches for p in iter_points(s.points))


@pytest.mark.parametrize("boundary", ["", "\u3000", "  "])
def test_blank_lines_and_lines_of_u3000_between_speeches_mark_them(boundary):
    speech = "{}\n" + BODY + "\n做法一\n" + BODY + "\n做法二\n" + BODY + "\n"
    text = "交流会发言材料\n" + boundary + "\n" + speech.format("第一篇发言标题") + boundary + "\n" + speech.format("第二篇发言标题")
    outline = parse_text(text)
    assert [s.title for s in outline.speeches] == ["第一篇发言标题", "第二篇发言标题"]
    assert [subheadings(s) for s in outline.speeches] == [["做法一", "做法二"]] * 2


def test_blank_lines_between_every_paragraph_say_nothing(seed_text, seed_outline):
    outline = parse_text(seed_text.replace("\n", "\n\n"))
    assert [s.title for s in outline.speeches] == [s.title for s in seed_outline.speeches]


def test_consistent_indentation_marks_titles_and_an_indented_short_line_is_a_heading():
    indent = "\u3000\u3000"
    text = ("推进会发言摘编\n把牢办学方向\n" + indent + BODY + "\n" + indent + "健全议事决策制度\n" + indent + BODY + "\n"
            + indent + BODY + "\n推动党建与教学融合\n" + indent + BODY + "\n" + indent + BODY + "\n")
    outline = parse_text(text)
    assert [s.title for s in outline.speeches] == ["把牢办学方向", "推动党建与教学融合"]
    assert subheadings(outline.speeches[0]) == ["健全议事决策制度"]


def test_two_short_title_lines_over_a_speaker_line_are_one_title_with_its_break():
    text = "推进会交流发言\n坚持大抓基层鲜明导向\n推动村级组织全面进步\n（滨河县委组织部）\n" + BODY + "\n"
    speech = parse_text(text).speeches[0]
    assert speech.title == "坚持大抓基层鲜明导向推动村级组织全面进步"
    assert speech.title_lines == ("坚持大抓基层鲜明导向", "推动村级组织全面进步") and speech.line == 2


def test_title_lines_with_a_blank_line_between_are_not_one_title():
    text = "推进会交流发言\n坚持大抓基层鲜明导向\n\n推动村级组织全面进步\n" + BODY + "\n"
    assert [s.title_lines for s in parse_text(text).speeches] == [("推动村级组织全面进步",)]


def test_two_title_lines_over_text_alone_are_one_title_and_the_guess_is_said():
    text = "推进会交流发言\n第一篇讲话的标题\n" + BODY + "\n坚持大抓基层鲜明导向\n推动村级组织全面进步\n" + BODY + "\n"
    outline = parse_text(text)
    assert outline.speeches[1].title_lines == ("坚持大抓基层鲜明导向", "推动村级组织全面进步")
    assert "read as one title" in doubts(outline)[4]


@pytest.mark.parametrize("lines, title, subtitle, subtitle_line", [
    (["以高质量党建引领乡村振兴", "——在全市组织工作会议上的发言"], "以高质量党建引领乡村振兴", "——在全市组织工作会议上的发言", 3),
    (["在全市组织工作会议上的交流发言", "突出实干实绩导向"], "突出实干实绩导向", "在全市组织工作会议上的交流发言", 2),
    (["推动人才链与产业链深度融合——在全市组织工作会议上的发言"], "推动人才链与产业链深度融合", "——在全市组织工作会议上的发言", 2),
])
def test_the_occasion_line_after_before_or_on_the_title_is_the_subtitle(lines, title, subtitle, subtitle_line):
    text = "组织工作会议交流发言汇编\n" + "\n".join(lines) + "\n东阳县委书记  张明远\n" + BODY + "\n"
    speech = parse_text(text).speeches[0]
    assert (speech.title, speech.subtitle.text, speech.subtitle.line) == (title, subtitle, subtitle_line)


def test_an_occasion_phrase_over_a_speaker_line_is_the_title_itself():
    text = "讲话汇编\n在全县年轻干部培训班开班式上的讲话\n县委常委、组织部部长  韩立军\n同志们：\n" + BODY + "\n"
    speech = parse_text(text).speeches[0]
    assert speech.title == "在全县年轻干部培训班开班式上的讲话" and speech.subtitle is None


@pytest.mark.parametrize("title, printed, suffix, count", [
    ("发言汇编6篇", "发言汇编", "6篇", 6), ("发言摘编【求真务实篇】（6篇）", "发言摘编【求真务实篇】", "（6篇）", 6),
    ("研讨发言材料-20篇", "研讨发言材料", "-20篇", 20), ("发言汇编三篇", "发言汇编", "三篇", 3),
    ("研讨发言材料范文第1篇", "研讨发言材料范文第1篇", "", None), ("发言摘编【求真务实篇】", "发言摘编【求真务实篇】", "", None),
])
def test_the_piece_count_in_its_written_forms(title, printed, suffix, count):
    assert split_count(title) == (printed, suffix, count)


def test_one_speech_alone_is_a_document_titled_by_it():
    text = "聚焦三个强化推动队伍优化提升\n近年来，我县抓好村党组织书记队伍建设。\n一、强化选拔配备，把好入口关\n" + BODY + "\n"
    outline = parse_text(text)
    assert outline.single and outline.title == "聚焦三个强化推动队伍优化提升" and outline.line == 1
    assert len(outline.speeches) == 1 and outline.speeches[0].points[0].heading == "强化选拔配备，把好入口关"
    assert not outline.own_title


def test_one_speech_with_its_speaker_keeps_its_subheadings():
    text = ("坚持以学促干勇挑重担\n县委常委、常务副县长  何XX\n" + BODY + "\n抓工业\n" + BODY + "\n抓项目\n" + BODY + "\n")
    outline = parse_text(text)
    assert outline.single and subheadings(outline.speeches[0]) == ["抓工业", "抓项目"]


def test_speeches_without_a_collection_title_take_the_first_ones_and_say_so():
    text = "抓好基层组织建设\n（XX县委组织部）\n" + BODY + "\n加强干部队伍建设\n（XX市委组织部）\n" + BODY + "\n"
    outline = parse_text(text)
    assert not outline.single and not outline.own_title and outline.title == "抓好基层组织建设"
    assert len(outline.speeches) == 2 and "no collection title" in doubts(outline)[1]


def test_a_lone_subheading_and_a_long_unmarked_title_are_said():
    text = ("交流会发言材料\n以红色引擎激活发展动能\n第一分公司党委书记  杨建国\n" + BODY + "\n把支部建在项目上\n" + BODY +
            "\n以强根铸魂工程夯实基层党建基础推动高质量发展\n" + BODY + "\n以党建带团建建强青年人才队伍\n集团团委书记  林 晨\n" + BODY + "\n")
    outline = parse_text(text)
    assert [s.line for s in outline.speeches] == [2, 7, 9]
    assert "sub-heading" in doubts(outline)[5] and "new speech" in doubts(outline)[7]


def test_a_unit_folded_into_a_title_starts_a_speech_among_speaker_lines():
    text = ("述职评议会发言汇编\n筑牢安全生产红色防线\n发电公司党委书记 孙建国\n" + BODY + "\n建设分公司：以党建引领项目建设\n"
            + BODY + "\n打造红色引擎激发改革动能\n（物流公司党总支）\n" + BODY + "\n")
    assert [s.line for s in parse_text(text).speeches] == [2, 5, 7]
