"""Attributions: the speaker or unit as written (brackets around all of it dropped, inner ones balanced,
aligning spaces gone), else the whole title; one form per brief."""

from __future__ import annotations

import pytest

from briefgen.briefs.attribution import TITLE, UNIT, attribution_form, unit_label, whole_title
from briefgen.outline.model import Speech, TextLine


def speech(unit: str | None, title: str = "抓实抓好公务员队伍源头工程着力提升考录工作科学化水平") -> Speech:
    return Speech(title, (title,), 3, unit=TextLine(unit, 4) if unit is not None else None)


@pytest.mark.parametrize("written, printed", [
    ("（XX市委组织部）", "XX市委组织部"),
    ("(甲市委组织部)", "甲市委组织部"),
    ("张三（B县委组织部部长）", "张三（B县委组织部部长）"),  # its closing bracket stays
    ("（省委组织部）（干部一处）", "（省委组织部）（干部一处）"),  # two groups: no bracket encloses all
    ("东阳县委书记  张明远", "东阳县委书记张明远"),
    ("市政协委员、市数据局局长  孙 涛", "市政协委员、市数据局局长孙涛"),
    ("县政协常委\u3000雷\u3000杰", "县政协常委雷杰"),
    ("浙江省政协主席葛慧君：", "浙江省政协主席葛慧君"),  # the template adds the colon
    ("Director John Smith", "Director John Smith"),
    ("（（XX县））", "XX县"),
])
def test_a_unit_prints_as_written_without_its_enclosing_brackets(written, printed):
    assert unit_label(speech(written)) == printed


def test_without_a_unit_the_whole_title_is_the_attribution():
    assert unit_label(speech(None)) == ""
    assert whole_title(speech(None)) == "抓实抓好公务员队伍源头工程着力提升考录工作科学化水平"
    assert whole_title(speech(None, "学习《公务员法》 的体会")) == "学习〈公务员法〉 的体会"


def test_a_brief_uses_units_only_when_every_speech_it_may_quote_has_one():
    assert attribution_form([speech("（甲）"), speech("乙局  张三")]) == UNIT
    assert attribution_form([speech("（甲）"), speech(None)]) == TITLE
    assert attribution_form([speech("（）")]) == TITLE  # an empty unit is no unit
