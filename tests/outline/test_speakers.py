"""Speaker and unit lines by their shape, and the titles that must not read as one."""

from __future__ import annotations

import pytest

from briefgen.outline.clean import clean_lines
from briefgen.outline.speakers import is_folded, is_unit_line, speaker_kind


def cleaned(text: str) -> str:
    """Return a line as the parser sees it (U+00A0 a space, edges trimmed)."""
    return clean_lines(text, [])[0].text


@pytest.mark.parametrize("line, kind", [
    ("浙江省政协主席 葛慧君", "post"),
    ("最高人民法院民四庭副庭长  高晓力", "post"),
    ("北京知识产权法院党组成员、副院长  宋鱼水", "post"),
    ("省高级人民法院民三庭庭长\u3000刘 伟", "post"),  # U+3000 gap, name padded with a space
    ("江州市中级人民法院党组书记、院长\u3000雷\u3000杰", "post"),  # padded with U+3000
    ("江州知识产权法庭副庭长\u00a0赵晓岚", "post"),  # U+00A0 gap
    ("XX大学原教务长 张三", "post"),  # a post no list holds
    ("县委常委、常务副县长  何XX", "post"),  # masked name
    ("**街道党工委书记  李**", "post"),
    ("XX镇党委书记  XXX", "post"),
    ("縣住房和城鄉建設局黨組書記、局長  林建平", "post"),  # Traditional
    ("XX省委组织部\u3000张三", "organisation"),
    ("（XX市委组织部）", "bracketed"),
    ("(市直机关工委)", "bracketed"),
    ("县委副书记", "post alone"),
])
def test_speaker_and_unit_lines_read_by_their_shape(line, kind):
    assert speaker_kind(cleaned(line)) == kind
    assert is_unit_line(cleaned(line))


@pytest.mark.parametrize("line", [
    "做强平台 纵深推进 双向发力",  # phrases separated by spaces: more than one phrase before the last
    "把握改革方法论 提升干事创业本领",
    "夯实基层基础 提升治理效能",
    "一体履职 综合履职",  # a four-character last phrase is no name
    "党建引领 赋能发展",
    "争做人民满意的好校长",  # ends in a post, but a title (的)
    "争当优秀共产党员",
    "以法治化营商环境稳预期强信心",
    "（本版内容以发言先后为序。）",
    "我们的主要做法是：",
    "李明",
])
def test_titles_and_text_are_not_speaker_lines(line):
    assert speaker_kind(line) is None


@pytest.mark.parametrize("title, folded", [
    ("建设分公司：以党建引领破解项目建设难题", True),  # 单位：题目
    ("主题教育研讨发言：抓好调查研究这个基本功", True),  # 文种：题目
    ("XX镇镇长在全镇经济工作会议上的讲话", True),  # the speaker and the occasion
    ("学习教育：线上+线下", False),
    ("在全县年轻干部能力提升培训班开班式上的讲话", False),
    ("把支部建在项目上", False),
])
def test_a_speaker_unit_or_genre_folded_into_the_title(title, folded):
    assert is_folded(title) is folded
