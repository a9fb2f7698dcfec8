"""The explain view: every seed line with the role it got, as `briefgen check --explain` prints it."""

from __future__ import annotations

from briefgen.outline.explain import explain, line_roles
from briefgen.outline.parse import parse_text

TEXT = """所在位置：首页 > 新闻 > 正文
全市组织工作会议交流发言汇编6篇
# 这篇先收入

在全市组织工作会议上的交流发言
突出实干实绩导向
西林区委常委、组织部部长  罗晓峰
干部是事业发展的决定性因素。一是抓考察。考察要准。二是抓使用。使用要活。
一、在一线考察识别干部。建立一线考察干部机制。
（一）完善办法
办法要完善。
【小标题】几点体会
体会很深。

坚持大抓基层鲜明导向
推动村级组织全面进步
（滨河县委组织部）
今年以来，我们坚持把抓基层打基础作为长远之计。
（本版内容以发言先后为序）
"""


def roles_of(text: str) -> dict[int, str]:
    return {line: "; ".join(found) for line, found in line_roles(parse_text(text)).items()}


def test_every_line_has_the_role_it_got():
    roles = roles_of(TEXT)
    assert roles == {
        1: "removed: breadcrumb",
        2: "collection title (count 6篇)",
        3: "comment (not printed)",
        5: "subtitle (occasion, above the title)",
        6: "title of speech 1",
        7: "speaker or unit",
        8: "body, sub-points 一是 二是",
        9: "heading 1 一、, run in",
        10: "heading 2 （一）",
        11: "body",
        12: "sub-heading; mark 【小标题】",
        13: "body",
        15: "title of speech 2",
        16: "title of speech 2, continued",
        17: "speaker or unit",
        18: "body",
        19: "closing note",
    }


def test_the_view_prints_each_line_blank_lines_too():
    shown = explain(parse_text(TEXT), TEXT, "seeds/x.txt")
    assert shown[0] == "seeds/x.txt: every line and what it was read as"
    assert len(shown) == 1 + TEXT.count("\n")
    assert shown[4].split() == ["4", "blank"]
    assert shown[1].startswith("    1  removed: breadcrumb") and shown[1].endswith("所在位置：首页 > 新闻 > 正文")


def test_one_speech_alone_and_the_occasion_on_its_title_line():
    roles = roles_of("聚焦三个强化——在全县组织工作会议上的发言\n近年来，我县抓好队伍建设。\n")
    assert roles[1] == "title (one speech alone: the document's title); subtitle: the occasion on the title line"
