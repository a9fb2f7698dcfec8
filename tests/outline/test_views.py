"""The outline views: the tree shows every node a reader would look for, at its seed line."""

from __future__ import annotations

from briefgen.outline.parse import parse_text
from briefgen.outline.views import format_tree

TEXT = """全县基层治理工作交流发言汇编
以数字赋能推动乡村治理现代化
XX镇党委书记　李 强
　　我镇以数字化改革为牵引，群众满意度从86%提升到95%。
　　第一，建强网格体系。全镇划分网格56个，配备专兼职网格员210名。
　　第二，推行积分管理。将环境整治纳入积分，累计兑换4.6万分。
　　一、抓好队伍建设
　　一是引进人才。吸引返乡创业人员620人。二是培育人才。开展培训42期。
发展壮大村级集体经济的实践与思考
（XX县委组织部）
　　去年全县村级集体经济总收入达到1.86亿元。
"""


def test_the_tree_shows_sub_points_of_a_speech_before_its_first_point_and_inside_points():
    tree = format_tree(parse_text(TEXT)).splitlines()
    assert "        第一，建强网格体系。  [line 5]" in tree  # as written: no gap before the comma
    assert "        第二，推行积分管理。  [line 6]" in tree
    assert "            一是 引进人才。  [line 8]" in tree
    assert "            二是 培育人才。  [line 8]" in tree
    assert not [line for line in tree if line.strip().startswith("¶ ") and "[line" in line
                and not line.strip()[2:].split("  [line")[0].strip()]  # no empty paragraph shown
