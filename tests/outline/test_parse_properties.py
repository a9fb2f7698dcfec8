"""Property tests: any text gives an outline or a ParseError, and an outline keeps every character."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import ParseError
from briefgen.outline.model import from_dict, iter_texts, to_dict
from briefgen.outline.parse import parse_text

from support.fidelity import expected_content
from support.grammar import seeds


def independent_content(text: str) -> str:
    """The seed's content by the README's definition, computed without the parser's helpers."""
    text = re.sub(r"##[A-Za-z_]+##", "", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seeds())
def test_generated_seeds_keep_every_character(text):
    outline = parse_text(text)
    assert "".join(iter_texts(outline)).replace(" ", "") == expected_content(text, outline, independent_content)
    assert from_dict(to_dict(outline)) == outline


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_an_outline_or_a_parse_error(text):
    try:
        outline = parse_text(text)
    except ParseError as error:
        assert error.line >= 1 and str(error).startswith("<seed>:")
        return
    assert independent_content("".join(iter_texts(outline))) == expected_content(text, outline, independent_content)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), seeds()), min_size=1, max_size=3).map("\n".join))
def test_mixed_genre_and_noise_gives_an_outline_or_a_parse_error(text):
    try:
        outline = parse_text(text)
    except ParseError:
        return
    assert independent_content("".join(iter_texts(outline))) == expected_content(text, outline, independent_content)
    for speech in outline.speeches:
        assert "".join(speech.title_lines).replace(" ", "") == speech.title.replace(" ", "")
