"""Whom a brief quotes: the speaker or unit as the seed wrote it, else the speech's whole title.

The unit line is printed as written, without the brackets that enclose all of it (（XX市委组织部）
-> XX市委组织部) and without the spaces that only aligned it (`东阳县委书记  张明远`, a padded
`孙 涛`); brackets inside it stay, and stay balanced. Without a unit the attribution is the
speech's whole title (never one display line of it) in book-title marks, inner 《》 turned into
〈〉. A brief uses one form for all its speeches: units when every speech it may quote has one,
else titles. The wording around them (the colon) is templates/brief_attribution.j2's.
"""

from __future__ import annotations

from typing import Iterable

from briefgen.marks import CLOSING, OPENING, is_narrow
from briefgen.outline.model import Speech

UNIT = "unit"
TITLE = "title"
PAIRS = dict(zip(OPENING, CLOSING))
SPACES = " \u3000\u00a0\t"


def _enclosed(text: str) -> bool:
    """Return True when the first character opens a bracket that the last one closes."""
    if len(text) < 2 or PAIRS.get(text[0]) != text[-1]:
        return False
    depth = 0
    for position, char in enumerate(text):
        if char == text[0]:
            depth += 1
        elif char == text[-1]:
            depth -= 1
            if depth == 0 and position < len(text) - 1:
                return False  # （甲）乙（丙）: the first bracket closes before the end
    return depth == 0


def _join_words(text: str) -> str:
    """Return ``text`` without spaces, except single ones between two half-width characters (Latin names)."""
    out: list[str] = []
    pending = False
    for char in text:
        if char in SPACES:
            pending = True
            continue
        if pending and out and is_narrow(out[-1]) and is_narrow(char):
            out.append(" ")
        pending = False
        out.append(char)
    return "".join(out)


def unit_label(speech: Speech) -> str:
    """Return a speech's speaker or unit as written, without enclosing brackets or aligning spaces ("" when none)."""
    if speech.unit is None:
        return ""
    text = speech.unit.text.strip(SPACES)
    while _enclosed(text):
        text = text[1:-1].strip(SPACES)
    return _join_words(text).rstrip("：:")


def whole_title(speech: Speech) -> str:
    """Return a speech's whole title for book-title marks: inner 《》 become 〈〉."""
    return " ".join(speech.title.split()).replace("《", "〈").replace("》", "〉")


def attribution_form(speeches: Iterable[Speech]) -> str:
    """Return the one form of a brief's attributions: units when every speech has one, else titles."""
    return UNIT if all(unit_label(s) for s in speeches) else TITLE

