"""The parser on the bundled seed: structure, fields, golden outline, artefacts, errors."""

from __future__ import annotations

import json

import pytest

from briefgen.errors import ParseError
from briefgen.outline.clean import content_of
from briefgen.outline.model import iter_points, iter_texts, to_dict
from briefgen.outline.parse import parse_text

from support.paths import DATA


def test_seed_has_six_speeches_with_21_first_level_points(seed_outline):
    assert len(seed_outline.speeches) == 6
    assert [len(s.points) for s in seed_outline.speeches] == [3, 3, 4, 3, 4, 4]
    assert all(p.level == 1 for s in seed_outline.speeches for p in s.points)


def test_collection_title_drops_the_piece_count(seed_outline):
    assert seed_outline.title == "公务员工作座谈会发言汇编"
    assert seed_outline.count_suffix == "6篇"
    assert seed_outline.declared_count == 6
    assert seed_outline.line == 2


def test_speech_titles_and_lines_come_from_the_seed(seed_outline, seed_text):
    lines = seed_text.split("\n")
    for speech in seed_outline.speeches:
        assert lines[speech.line - 1].strip() == speech.title
        assert "".join(speech.title_lines) == speech.title
    assert [s.line for s in seed_outline.speeches] == [3, 8, 13, 19, 24, 30]


def test_run_in_heading_is_the_lead_clause(seed_outline):
    point = seed_outline.speeches[0].points[0]
    assert point.marker == "一、"
    assert point.heading == "突出政治标准，严把公务员队伍入口关。"
    assert point.run_in
    assert point.body[0].text.startswith("以党的政治建设为统领")


def test_subpoints_are_found_with_their_lead_sentences(seed_outline):
    point = seed_outline.speeches[0].points[0]
    assert [(s.ordinal, s.marker, s.lead) for s in point.subpoints] == [
        (1, "一是", "考试环节考准考实。"),
        (2, "二是", "考察环节做深做细。"),
        (3, "三是", "其他环节用足用好。"),
    ]
    assert point.subpoints[2].text.endswith("政治素质差的取消录用。")


def test_speeches_without_subpoint_runs_have_none(seed_outline):
    # 第一方阵 in speech 6 is not a sub-point: it does not open a sentence.
    speech = seed_outline.speeches[5]
    assert not any(p.subpoints for p in iter_points(speech.points))


def test_every_node_records_its_seed_line(seed_outline, seed_text):
    lines = seed_text.split("\n")
    for speech in seed_outline.speeches:
        for point in iter_points(speech.points):
            assert point.marker + point.heading in lines[point.line - 1]
            for paragraph in point.body:
                assert paragraph.text in lines[paragraph.line - 1]
                for sub in paragraph.subpoints:
                    assert sub.marker + sub.lead + sub.text in lines[sub.line - 1]


def test_artefacts_are_removed_and_reported_with_their_lines(seed_outline):
    text = "".join(iter_texts(seed_outline))
    assert "##" not in text and "paid" not in text
    assert [(w.line, w.message) for w in seed_outline.warnings] == [
        (7, "removed site artefact ##paidbegin##"),
        (36, "removed site artefact ##paidend##"),
    ]


def test_artefacts_anywhere_on_a_line_are_removed():
    text = "汇编\n标题一\n正文##paidbegin##内容。##paidend##\n"
    outline = parse_text(text)
    assert outline.speeches[0].intro[0].text == "正文内容。"
    assert [w.line for w in outline.warnings] == [3]


def test_outline_keeps_every_character_of_the_seed(seed_outline, seed_text):
    assert content_of("".join(iter_texts(seed_outline))) == content_of(seed_text)


def test_golden_outline_matches(seed_outline, update_golden):
    golden = DATA / "seed.outline.json"
    produced = json.dumps(to_dict(seed_outline), ensure_ascii=False, indent=2) + "\n"
    if update_golden:
        golden.write_text(produced, encoding="utf-8")
    assert json.loads(golden.read_text(encoding="utf-8")) == json.loads(produced)


def test_declared_count_mismatch_is_a_warning(seed_text):
    outline = parse_text(seed_text.replace("发言汇编6篇", "发言汇编7篇"))
    assert any("declares 7" in w.message and w.line == 2 for w in outline.warnings)


def test_unit_and_subtitle_lines_under_a_title():
    text = ("汇编\n以高质量党建引领基层治理\n——在全省组织工作会议上的发言\n（XX市委组织部）\n"
            "近年来，我们坚持抓基层打基础。\n一、强化政治引领。正文。\n")
    speech = parse_text(text).speeches[0]
    assert speech.subtitle.text == "——在全省组织工作会议上的发言" and speech.subtitle.line == 3
    assert speech.unit.text == "（XX市委组织部）" and speech.unit.line == 4
    assert speech.intro[0].text == "近年来，我们坚持抓基层打基础。"


def test_organisation_and_person_is_a_unit_line():
    text = "汇编\n抓好基层组织建设\nXX县委组织部 张三\n正文内容很长，说明情况。\n"
    assert parse_text(text).speeches[0].unit.text == "XX县委组织部 张三"


def test_deeper_levels_nest_under_their_parents():
    text = ("汇编\n加强干部队伍建设\n引言。\n一、总体要求\n（一）坚持党管干部。内容一。\n"
            "1.明确标准。细则。\n2.严格程序。细则。\n（1）第一小项。\n（二）坚持德才兼备。内容二。\n二、主要措施。内容三。\n")
    points = parse_text(text).speeches[0].points
    assert [(p.marker, p.level) for p in points] == [("一、", 1), ("二、", 1)]
    first = points[0]
    assert first.heading == "总体要求" and not first.run_in and first.body == ()
    assert [(p.marker, p.level) for p in first.points] == [("（一）", 2), ("（二）", 2)]
    assert [(p.marker, p.level) for p in first.points[0].points] == [("1.", 3), ("2.", 3)]
    assert [(p.marker, p.level) for p in first.points[0].points[1].points] == [("（1）", 4)]


def test_short_line_inside_a_speech_followed_by_a_title_stays_text():
    text = "汇编\n第一篇讲话\n正文一。\n孤立短行\n第二篇讲话\n正文二。\n"
    outline = parse_text(text)
    assert [s.title for s in outline.speeches] == ["第一篇讲话", "第二篇讲话"]
    assert outline.speeches[0].intro[-1].text == "孤立短行"


def test_preface_between_collection_title_and_first_speech():
    text = "汇编\nXX市委组织部编印\n2026年11月\n第一篇讲话\n正文一。\n"
    outline = parse_text(text)
    assert [p.text for p in outline.preface] == ["XX市委组织部编印", "2026年11月"]


@pytest.mark.parametrize("text, line, words", [
    ("", 1, "empty"),
    ("  \n\t\n\u3000\n", 1, "empty"),
    ("只有一个标题\n", 1, "no speech found"),
    ("汇编\n标题一\n标题二\n", 2, "no speech found"),
    ("这是一段正文，没有标题。\n另一段正文。\n", 1, "collection title"),
])
def test_text_with_no_outline_is_an_error_naming_the_line(text, line, words):
    with pytest.raises(ParseError) as caught:
        parse_text(text, "seeds/x.txt")
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"seeds/x.txt:{line}: error: ")


def test_too_many_paragraphs_or_speeches_are_refused_naming_the_first_line_over(monkeypatch):
    from briefgen.outline import parse

    monkeypatch.setattr(parse, "MAX_PARAGRAPHS", 5)
    with pytest.raises(ParseError, match="the seed has 7 paragraphs; seeds over 5 are refused") as caught:
        parse_text("汇编\n标题一\n正文。\n标题二\n正文。\n标题三\n正文。\n")
    assert caught.value.line == 6
    monkeypatch.setattr(parse, "MAX_PARAGRAPHS", 50)
    monkeypatch.setattr(parse, "MAX_SPEECHES", 2)
    with pytest.raises(ParseError, match="the seed has 3 speeches; seeds over 2 are refused") as caught:
        parse_text("汇编\n标题一\n正文。\n标题二\n正文。\n标题三\n正文。\n")
    assert caught.value.line == 6
