"""The seed linter: one finding a line, errors and warnings at the right lines."""

from __future__ import annotations

from briefgen.outline.lint import lint
from briefgen.outline.parse import parse_text


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.severity, f.message) for f in lint(parse_text(text), text)]


def test_the_seed_has_only_its_artefact_warnings(seed_outline, seed_text):
    assert [(f.line, f.severity) for f in lint(seed_outline, seed_text)] == [(7, "warning"), (36, "warning")]


def test_numbering_gap_and_repeat_are_errors(seed_text):
    text = seed_text.replace("\n二、服务中心大局", "\n三、服务中心大局").replace("\n二、统筹开展", "\n一、统筹开展")
    found = findings(text)
    assert (6, "error", "numbering gap: 一、 then 三、") in found
    assert (7, "error", "numbering repeats: 三、 then 三、") in found
    assert (11, "error", "numbering repeats: 一、 then 一、") in found


def test_duplicate_speech_titles_are_errors(seed_text):
    lines = seed_text.split("\n")
    lines[7] = lines[2]
    assert (8, "error", "speech title repeats the one on line 3") in findings("\n".join(lines))


def test_point_without_body_and_nonstandard_marker_are_warnings():
    text = "汇编\n标题一\n正文。\n一．第一点\n二、第二点。内容。\n"
    found = findings(text)
    assert (4, "warning", "marker 一． is not the standard form 一、") in found
    assert (4, "warning", "point 一． has a heading but no body") in found


def test_unrecognised_heading_like_line_is_a_warning():
    text = "汇编\n标题一\n正文。\n一 加强学习\n孤立短行\n标题二\n正文。\n"
    found = findings(text)
    assert any(line == 4 and "marker is not written" in message for line, _, message in found)
    assert any(line == 5 and "looks like a heading" in message for line, _, message in found)


def test_damaged_and_half_width_characters():
    text = "汇编\n标题一\n正文\ufffd内容。加强,推进。\x07\n"
    found = findings(text)
    assert (3, "error", "U+FFFD replacement character: text was damaged by a wrong encoding before it reached "
            "this file") in found
    assert any(line == 3 and "half-width punctuation ','" in message for line, _, message in found)
    assert any(line == 3 and "U+0007" in message for line, _, message in found)


def test_declared_count_mismatch_is_an_error(seed_text):
    found = findings(seed_text.replace("汇编6篇", "汇编5篇"))
    assert (2, "error", "the title declares 5 pieces (5篇) but 6 speeches were found") in found


def test_punctuation_of_a_removed_line_is_not_checked():
    text = "加入收藏 共计6026个字,预计阅读时长21分钟\n汇编\n标题一\n正文,内容。\n"
    found = findings(text)
    assert not any(line == 1 and "half-width" in message for line, _, message in found)
    assert any(line == 4 and "half-width" in message for line, _, message in found)


def test_subheadings_carry_no_numbering_and_the_points_under_them_count_afresh():
    text = ("交流会发言材料\n\n第一篇发言标题\n第一分公司党委书记  杨建国\n正文一。\n一、第一点。内容。\n二、第二点。内容。\n"
            "把支部建在项目上\n一、第一点。内容。\n让党员亮在岗位上\n一、第一点。内容。\n三、第三点。内容。\n")
    found = findings(text)
    assert [(line, message) for line, severity, message in found if severity == "error"] == [
        (12, "numbering gap: 一、 then 三、")]
