"""`briefgen import` in Chinese (BRIEFGEN_LANG=zh): the report, its warnings (`warning` untranslated) and
the refusals of a file that cannot be imported; the counts in English keep their singular and plural."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from briefgen.importer.command import check_output
from briefgen.importer.package import ImportFault, detect_kind
from briefgen.importer.report import describe_left_out


def test_the_report_and_its_warnings_speak_chinese(make, tmp_path, run_cli):
    document = make.new_document()
    make.add_title(document, "坚持大抓基层鲜明导向")
    make.add_centred(document, "（滨河县委组织部）")
    make.add_body(document, "今年以来，我们坚持把抓基层打基础作为长远之计。")
    make.add_heading(document, "一、抓好村级组织。", "村级组织要全面进步。", level=1)
    make.add_table(document, [["指标", "数值"], ["支部", "120"]])
    make.add_body(document, "结尾的一段正文。")
    document.save(tmp_path / "a.docx")
    proc = run_cli("import", "a.docx", "-o", "a.txt", env={**os.environ, "BRIEFGEN_LANG": "zh"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "a.docx：1 篇发言"
    assert "     发言人或单位：（滨河县委组织部）" in lines
    assert "     标题：“一、”级 1 个；3 段" in lines
    assert "  未收入：1 个表格" in lines
    assert lines[-1].startswith("已写入 a.txt：“坚持大抓基层鲜明导向”，共 1 篇发言，来自 1 个文件，")
    assert proc.stderr.startswith("a.docx: warning: 未指定 --title：发言汇编以此文件的第一个标题“坚持大抓基层鲜明导向”命名")


def test_a_file_that_cannot_be_imported_is_refused_in_chinese(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(ImportFault) as raised:
        detect_kind(empty)
    assert str(raised.value) == f"{empty}: error: 文件为空（0 字节）：请从 Word 或 WPS 重新导出该发言"
    with pytest.raises(ImportFault) as raised:
        check_output(Path("seeds/x.docx"), [], force=False)
    assert str(raised.value) == "seeds/x.docx: error: 种子文件是纯文本文件：请将输出文件命名为 .txt（例如 seeds/speeches.txt）"


@pytest.mark.parametrize("language, one, several", [
    ("en", "left out: 1 table, 2 images; tracked changes: 1 insertion kept",
     "left out: 2 tables, 1 image; tracked changes: 3 insertions kept"),
    ("zh", "未收入：1 个表格、2 张图片；修订：保留 1 处插入", "未收入：2 个表格、1 张图片；修订：保留 3 处插入"),
])
def test_what_was_left_out_is_counted_in_the_users_language(monkeypatch, language, one, several):
    monkeypatch.setenv("BRIEFGEN_LANG", language)
    assert describe_left_out(Counter({"table": 1, "image": 2, "insertion": 1})) == one
    assert describe_left_out(Counter({"table": 2, "image": 1, "insertion": 3})) == several
