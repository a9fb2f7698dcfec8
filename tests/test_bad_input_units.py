"""One test per fix the bad-input corpus led to, at the depth of the fix (decoder, parser, font
reader, templates, TOML messages); tests/test_bad_input.py runs the same inputs end to end."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefgen.errors import ConfigError, ParseError
from briefgen.fonts.faces import resolve_fonts
from briefgen.layout.metrics import FontFileError, read_metrics
from briefgen.outline.decode import (
    MAX_SEED_BYTES,
    MAX_SEED_CHARS,
    decode_seed,
    read_seed,
)
from briefgen.outline.model import iter_texts
from briefgen.outline.parse import content_of, parse_text
from briefgen.project.templating import Templates
from briefgen.project.tomlfile import parse_toml

from support.badinputs import font_without, zero_units_font

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


# -- file names ---------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["CON", "nul.tar.gz", "COM¹", "lpt³.x", "COM0", "CONIN$", "conout$", "CON .汇编",
                                   "Aux ", "../..", "a/b\\c:d*e?f\"g<h>i|j", "x" * 300, "名" * 100, " 点. "])
def test_file_names_made_from_titles_are_safe_everywhere(title):
    from briefgen.filenames import safe_filename

    from support.readback import name_problems

    assert name_problems(safe_filename(title) + ".docx") == []


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


# -- templates ------------------------------------------------------------------------------------


def templates(folder: Path, **files: str) -> Templates:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Templates([folder], lambda path: Path(path).name)


@pytest.mark.parametrize("body, line, message", [
    ("a: {{ x }}\nb: {{ 1 // (x - x) }}\n", 2, "template failed: ZeroDivisionError"),
    ("a: {{ x }}\n\nb: {% for i in range(10**12) %}{% endfor %}\n", 3, "template failed: OverflowError"),
    ("a: {{ x }}\nb: {{ x.__class__.__mro__ }}\n", 2, "refused by the sandbox"),
    ("a: {{ x }}\nb: {% include '/etc/passwd' %}\n", 2, "template not found"),
    ("a: {{ x }}\nb: {% include '../../../../../../etc/passwd' %}\n", 2, "template not found"),
    ("a: {{ x }}\nb: {{ open('/etc/passwd') }}\n", 2, "'open' is undefined"),
])
def test_a_template_that_fails_names_its_own_line(tmp_path, body, line, message):
    found = templates(tmp_path / "t", **{"t.j2": body})
    with pytest.raises(ConfigError, match=message) as caught:
        found.render_lines("t.j2", ["a", "b"], x=1)
    assert (caught.value.path, caught.value.line) == ("t.j2", line)


def test_an_error_in_an_included_template_names_that_template(tmp_path):
    found = templates(tmp_path / "t", **{"t.j2": "a: x\n{% include 'inner.j2' %}\n", "inner.j2": "\n\nb: {{ 1 // 0 }}\n"})
    with pytest.raises(ConfigError) as caught:
        found.render_lines("t.j2", ["a", "b"])
    assert (caught.value.path, caught.value.line) == ("inner.j2", 3)


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolic links")
def test_a_template_linking_outside_its_folder_cannot_be_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("b: the secret\n", encoding="utf-8")
    found = templates(tmp_path / "t", **{"t.j2": "a: x\n{% include 'link.j2' %}\n"})
    (tmp_path / "t" / "link.j2").symlink_to(secret)
    (tmp_path / "t" / "top.j2").symlink_to(secret)
    for name in ("t.j2", "top.j2"):
        with pytest.raises(ConfigError, match="outside the template folder") as caught:
            found.render_lines(name, ["a", "b"])
        assert "the secret" not in str(caught.value)
    inside = templates(tmp_path / "u", **{"real.j2": "b: kept\n"})
    (tmp_path / "u" / "alias.j2").symlink_to(tmp_path / "u" / "real.j2")  # a link within the folder is fine
    assert [line.text for line in inside.render_lines("alias.j2", ["b"])] == ["kept"]


def test_values_never_add_a_paragraph_or_pick_a_style(tmp_path):
    found = templates(tmp_path / "t", **{"t.j2": "a: {{ value }}\n"})
    value = "x\nb: injected\\n{{ 7*7 }}\r\nb: again"
    assert [(line.style, line.text) for line in found.render_lines("t.j2", ["a", "b"], value=value)] == [
        ("a", value.replace("\r\n", "\n"))]


# -- TOML messages --------------------------------------------------------------------------------


def test_toml_errors_read_cleanly_and_name_the_line():
    with pytest.raises(ConfigError) as caught:
        parse_toml("[document]\nunit = 1\n[document\nunit = 2\n", "b.toml")
    assert str(caught.value) == "b.toml:3: error: bad TOML: Cannot declare ('document',) twice (column 10)"
    with pytest.raises(ConfigError) as caught:
        parse_toml('a = 1\nb = "open\n', "b.toml")
    assert caught.value.line == 2 and "(, " not in str(caught.value)


# -- glyphs ---------------------------------------------------------------------------------------


def test_a_character_of_the_collection_title_no_font_has_names_the_title_line(tmp_path):
    """The collection title is printed through cover.j2; its runs still carry the seed line."""
    import dataclasses
    import datetime as dt

    from briefgen.errors import RenderError
    from briefgen.render import Renderer
    from briefgen.writers import get_writer

    from support.docx import make_project

    renderer = Renderer(make_project(tmp_path / "project"))
    outline = parse_text("\n\n发言汇编ꀀ\n讲话标题\n正文，这是正文。\n", "s.txt")
    job = dataclasses.replace(renderer.compilation(outline, dt.date(2026, 11, 28)), source="s.txt")
    (cover_title,) = [b for b in job.document.sections[0].blocks if b.style == "cover_title"]
    assert {run.line for run in cover_title.runs} == {3}
    with pytest.raises(RenderError, match="U\\+A000") as caught:
        get_writer("pdf")(job)
    assert caught.value.line == 3 and "template wording" not in caught.value.message
