"""Cleaning seed lines: spaces, invisible characters and site artefacts removed and reported."""

from __future__ import annotations

import pytest

from briefgen.outline.clean import content_of
from briefgen.outline.model import iter_texts
from briefgen.outline.parse import parse_text


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
