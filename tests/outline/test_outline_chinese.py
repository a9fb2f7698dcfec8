"""The outline's words in Chinese (BRIEFGEN_LANG=zh): errors keep `file:line: error:`, warnings and lint
findings say what was found in Chinese with `warning`/`error` untranslated, the explain view names each
line's role in Chinese, and the outline itself (its JSON) is the same under either language."""

from __future__ import annotations

import re

import pytest

from briefgen.errors import ParseError
from briefgen.outline import furniture, messages
from briefgen.outline.decode import decode_seed
from briefgen.outline.explain import explain
from briefgen.outline.lint import build_errors, lint
from briefgen.outline.model import to_dict
from briefgen.outline.parse import parse_text
from briefgen.outline.views import format_json, format_tree

HANZI = re.compile("[\u4e00-\u9fff]")
PASTED = """所在位置：首页 > 新闻 > 正文
全市组织工作会议交流发言汇编3篇
# 这一行是注释

突出实干实绩导向
（西林区委组织部）
干部是事业发展的决定性因素。
一、在一线考察识别干部。建立机制。
三、在实践中培养干部。要培养,更要使用。

坚持大抓基层鲜明导向
（滨河县委组织部）
今年以来，我们坚持抓基层。
【不收入】这一行不要
"""


@pytest.fixture()
def chinese(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")


@pytest.fixture()
def english(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "en")


def test_a_parse_error_reads_chinese_and_keeps_its_shape(chinese):
    with pytest.raises(ParseError) as raised:
        parse_text("\n\n", "seeds/x.txt")
    assert str(raised.value) == "seeds/x.txt:1: error: 文件为空：种子文件须包含汇编标题和各篇发言"
    with pytest.raises(ParseError) as raised:
        parse_text("会议发言汇编\n这是一句话。这是另一句话。\n", "seeds/x.txt")
    assert str(raised.value).startswith("seeds/x.txt:2: error: 未找到发言：")


def test_a_decoding_error_keeps_its_figures_in_chinese(chinese):
    with pytest.raises(ParseError) as raised:
        decode_seed("发言汇编\n".encode("utf-8") + b"\xb0\xa1\n", "seeds/x.txt")
    assert str(raised.value) == ("seeds/x.txt:2: error: 编码混用：此行之前各行为 UTF-8 编码，此行不是；"
                                 "请将文件另存为 UTF-8 编码")


def test_the_parser_warnings_are_said_in_chinese_and_kept_in_english(chinese):
    outline = parse_text(PASTED)
    said = {warning.line: warning.message for warning in outline.warnings}
    assert said[1] == "已删除网页附带内容（页面位置导航）：所在位置：首页 > 新闻 > 正文"
    assert said[2] == "标题注明共 3 篇（3篇），但实际找到 2 篇发言"
    kept = {entry["line"]: entry["message"] for entry in to_dict(outline)["warnings"]}
    assert kept[1] == "removed site furniture (breadcrumb): 所在位置：首页 > 新闻 > 正文"
    assert kept[2] == "the title declares 3 pieces (3篇) but 2 speeches were found"


def test_the_outline_json_is_the_same_in_either_language(monkeypatch):
    shown = {}
    for language in ("en", "zh"):
        monkeypatch.setenv("BRIEFGEN_LANG", language)
        shown[language] = format_json(parse_text(PASTED))
    assert shown["zh"] == shown["en"]


def test_lint_findings_are_chinese_but_warning_and_error_are_not(chinese):
    text = PASTED
    found = {(f.line, f.severity): f.format("seeds/x.txt") for f in lint(parse_text(text), text)}
    assert found[(9, "error")] == "seeds/x.txt:9: error: 编号不连续：“一、”之后是“三、”"
    assert found[(9, "warning")] == "seeds/x.txt:9: warning: 中文文字中使用了半角标点“,”（请改用全角标点）"
    assert found[(1, "warning")].startswith("seeds/x.txt:1: warning: 已删除网页附带内容")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_declared_count_is_an_error_in_either_language(monkeypatch, language):
    monkeypatch.setenv("BRIEFGEN_LANG", language)
    outline = parse_text(PASTED)
    severities = {f.line: f.severity for f in lint(outline, PASTED) if f.line == 2}
    assert severities == {2: "error"}
    # a build prints the parser's warnings itself: its errors from check are the others alone
    assert [(f.line, f.severity) for f in build_errors(outline, PASTED)] == [(9, "error")]


def test_the_explain_view_names_the_roles_in_chinese(chinese):
    shown = explain(parse_text(PASTED), PASTED, "seeds/x.txt")
    assert shown[0] == "seeds/x.txt：各行及其识别结果"
    roles = {int(line[:5]): line[7:] for line in shown[1:]}
    assert roles[1].startswith("已删除：页面位置导航")
    assert roles[2].startswith("汇编标题（篇数 3篇）")
    assert roles[3].startswith("注释（不印出）")
    assert roles[4] == "空行"
    assert roles[5].startswith("第 1 篇发言的标题")
    assert roles[6].startswith("发言人或单位")
    assert roles[8].startswith("1 级标题 一、（与正文同行）")
    assert roles[14].startswith("已删除：标记为【不收入】，不属于正文内容")
    assert all(HANZI.search(role.split("  ")[0]) for role in roles.values())


def test_the_explain_view_is_english_outside_a_chinese_locale(english):
    shown = explain(parse_text(PASTED), PASTED, "seeds/x.txt")
    assert shown[0] == "seeds/x.txt: every line and what it was read as"
    assert shown[14][7:].startswith("removed: marked 【不收入】: not content")


def test_the_tree_view_speaks_chinese_but_keeps_warning(chinese):
    tree = format_tree(parse_text(PASTED)).splitlines()
    assert tree[0] == "全市组织工作会议交流发言汇编 (3篇)  [第 2 行]"
    assert "warning: 第 2 行：标题注明共 3 篇（3篇），但实际找到 2 篇发言" in tree


def test_every_kind_of_site_furniture_has_a_message_of_its_own():
    kinds = {kind for kind, _shape in furniture.SHAPES} | furniture.BOUNDARY_KINDS
    kinds |= {"contents entry", "related headline", "cut off mid-sentence, where the page stopped"}
    assert kinds == set(messages.REASONS)
