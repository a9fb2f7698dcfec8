"""Help pages in terminal columns: Chinese wrapped between characters, marks kept off a line start."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.cli.helpformat import wrap_columns
from briefgen.marks import NO_LINE_END, NO_LINE_START, terminal_columns

TEXT = ("生成种子文件 SEEDS 的发言汇编和简报（DOCX 和 PDF）（默认：seeds/*.txt 中的每个文件）。"
        "同时生成的种子文件数，各用一个工作进程（默认：处理器个数）。")


@pytest.mark.parametrize("width", [10, 17, 24, 40, 78])
def test_chinese_is_wrapped_between_characters_within_the_width(width):
    lines = wrap_columns(TEXT, width)
    assert len(lines) > 1
    assert all(terminal_columns(line) <= width or " " not in line and line.isascii() for line in lines)
    assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")  # nothing lost, nothing added
    for before, after in zip(lines, lines[1:]):
        assert after[0] not in NO_LINE_START and before[-1] not in NO_LINE_END, (before, after)


def test_latin_words_are_not_split_and_spaces_between_them_break():
    lines = wrap_columns("Build the compilation and the briefs (DOCX and PDF) of SEEDS", 20)
    assert lines == ["Build the", "compilation and the", "briefs (DOCX and", "PDF) of SEEDS"]


@given(st.text(alphabet="发言汇编简报，。；：（）《》、 abcXYZ12", max_size=80), st.integers(min_value=6, max_value=40))
def test_wrapping_keeps_every_character_but_spaces_in_order(text, width):
    lines = wrap_columns(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(line == line.strip() and line for line in lines)
