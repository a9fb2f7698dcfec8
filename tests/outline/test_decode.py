"""The decoder: encodings, mixed and cut files, line numbers, size limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import ParseError
from briefgen.outline.decode import (
    MAX_SEED_BYTES,
    MAX_SEED_CHARS,
    decode_seed,
    read_seed,
)


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


def test_seeds_over_the_size_limit_are_refused_and_large_files_unread(tmp_path, monkeypatch):
    assert decode_seed(b"x" * MAX_SEED_CHARS, "x").text == "x" * MAX_SEED_CHARS
    with pytest.raises(ParseError, match=f"holds {MAX_SEED_CHARS + 1:,} characters; seeds over") as caught:
        decode_seed("公".encode("utf-16") + "公".encode("utf-16-le") * MAX_SEED_CHARS, "x")
    assert caught.value.line == 1
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(MAX_SEED_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(ParseError, match="6.0 MB; seeds over 6 MB"):
        read_seed(big, "big.txt")
