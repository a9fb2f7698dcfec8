"""One test per fix the bad-input corpus led to, at the depth of the fix (decoder, parser, font
reader, templates, TOML messages); tests/test_bad_input.py runs the same inputs end to end."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from badinputs import font_without, zero_units_font

from briefgen.decode import decode_seed
from briefgen.errors import ConfigError, ParseError
from briefgen.fontmetrics import FontFileError, read_metrics
from briefgen.fonts import resolve_fonts
from briefgen.model import iter_texts
from briefgen.parse import content_of, parse_text
from briefgen.templating import Templates
from briefgen.tomlfile import parse_toml

# -- decoder --------------------------------------------------------------------------------------


def test_a_file_that_turns_to_utf8_after_gb18030_names_the_first_utf8_line(seed_text):
    lines = seed_text.split("\n")
    data = ("\n".join(lines[:20]) + "\n").encode("gb18030") + "\n".join(lines[20:]).encode("utf-8")
    with pytest.raises(ParseError, match="mixed encodings: this line is UTF-8, but line 2") as caught:
        decode_seed(data, "seeds/x.txt")
    assert caught.value.line == 21


def test_gb18030_and_big5_files_are_not_taken_for_mixed_ones(seed_text):
    assert decode_seed(seed_text.encode("gb18030"), "x").encoding == "gb18030"
    text = "公務員工作座談會發言彙編\n抓實抓好公務員隊伍源頭工程\n公務員考錄是建設高素質公務員隊伍的源頭工程。\n"
    assert decode_seed(text.encode("big5"), "x").encoding == "big5"


def test_a_file_cut_inside_a_character_says_so(seed_text):
    data = seed_text.encode("utf-8")[:1000]
    while data[-1] < 0xC0:  # cut after the lead byte of a character
        data = data[:-1]
    with pytest.raises(ParseError, match="cut off") as caught:
        decode_seed(data, "x")
    assert caught.value.line == data.count(b"\n") + 1


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_decoder_errors_count_lines_as_the_parser_does(seed_text, newline):
    lines = seed_text.split("\n")
    lines[8] = lines[8][:5] + "\x00" + lines[8][5:]
    with pytest.raises(ParseError, match="NUL") as caught:
        decode_seed(newline.join(lines).encode("utf-8"), "x")
    assert caught.value.line == 9
    data = newline.join(lines[:5]).encode("utf-8") + newline.encode() + newline.join(lines[5:]).encode("gbk")
    with pytest.raises(ParseError, match="mixed") as caught:
        decode_seed(data.replace(b"\x00", b""), "x")
    assert caught.value.line == 6


# -- parser ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("space", ["\u2028", "\u2029", "\u00a0", "\u205f", "\u1680", "\u2003", "\t"])
def test_whitespace_other_than_the_ideographic_space_is_a_space(seed_text, space):
    text = seed_text.replace("事关后继有人", "事关" + space + "后继有人").replace("市深入学习", "市深入\u3000学习")
    outline = parse_text(text)
    intro = outline.speeches[0].intro[0].text
    assert "事关 后继有人" in intro and "市深入\u3000学习" in intro
    assert content_of("".join(iter_texts(outline))) == content_of(text)


def test_artefacts_are_removed_until_none_is_left():
    text = "汇编\n讲话标题\n正文###x###paid##开始，这是正文。##paid\u200bbegin##结束。\n"
    outline = parse_text(text)
    # ##x## goes first; the # before it and the #paid## after it then make ##paid##, which goes too.
    assert outline.speeches[0].intro[0].text == "正文开始，这是正文。结束。"
    assert content_of(text) == "汇编讲话标题正文开始，这是正文。结束。"
    assert [w.message for w in outline.warnings] == [
        "removed invisible control or format characters U+200B",
        "removed site artefact ##x##, ##paidbegin##, ##paid##"]


# -- fonts ----------------------------------------------------------------------------------------


def test_a_font_with_no_units_per_em_is_a_font_file_error(tmp_path):
    path = tmp_path / "zero.ttf"
    path.write_bytes(zero_units_font())
    with pytest.raises(FontFileError, match="unitsPerEm is 0"):
        read_metrics(path)


def test_a_configured_font_without_outlines_is_refused_with_its_line(tmp_path):
    (tmp_path / "hollow.ttf").write_bytes(font_without("glyf", "loca"))
    (tmp_path / "briefgen.toml").write_text('[fonts.files]\nlatin = "hollow.ttf"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks glyf, loca") as caught:
        resolve_fonts({"latin": "hollow.ttf"}, (), tmp_path, False)
    assert caught.value.line == 2
