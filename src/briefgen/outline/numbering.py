"""The Chinese list markers: point levels (一、 （一） 1. （1） ①), sub-point runs, their normal forms."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefgen.marks import CLOSING, COLONS, STOPS

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "[一二三四五六七八九十]{1,3}"
_AR = "[0-9０-９]{1,2}"

# One pattern per level, tried in order; each captures the ordinal. Whitespace after a marker
# is not part of it.
_POINT_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (2, re.compile(f"[（(]({_CN})[）)][、，,.．]?")),
    (4, re.compile(f"[（(]({_AR})[）)][、，,.．]?")),
    (1, re.compile(f"({_CN})[、.．](?![0-9０-９])")),
    (3, re.compile(f"({_AR})[.．、](?![0-9０-９%％])")),
    (5, re.compile("([\u2460-\u2473])")),
)

# Sub-point markers open a sentence: 一是 / 一要 / 第一， / 首先，
_SHI = re.compile(f"({_CN})([是要])")
_DI = re.compile(f"第({_CN})(?=[，,、：:])")
_SEQ = re.compile("(首先|其次|再次|最后|最後)(?=[，,、：:])")
_SEQ_ORDINALS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0, "最後": 0}

# A sub-point marker opens a paragraph or a sentence (after these), or follows a colon (做法是：一是…);
# after a semicolon or inside a sentence (集中在一是…、二是…) the same words are a list.
SENTENCE_OPENERS = STOPS
NORMAL_FORMS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）", 5: "{}"}


def parse_chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral from 一 to 九十九, or None."""
    if not text:
        return None
    if text == "十":
        return 10
    if len(text) == 1:
        return _DIGITS.get(text)
    if len(text) == 2 and text[0] == "十":
        units = _DIGITS.get(text[1])
        return None if units is None else 10 + units
    if len(text) == 2 and text[1] == "十":
        tens = _DIGITS.get(text[0])
        return None if tens is None else tens * 10
    if len(text) == 3 and text[1] == "十":
        tens, units = _DIGITS.get(text[0]), _DIGITS.get(text[2])
        return None if tens is None or units is None else tens * 10 + units
    return None


def format_chinese_number(value: int) -> str:
    """Return the Chinese numeral for 1..99."""
    names = "一二三四五六七八九"
    if value < 10:
        return names[value - 1]
    tens, units = divmod(value, 10)
    head = "" if tens == 1 else names[tens - 1]
    return head + "十" + ("" if units == 0 else names[units - 1])


def _parse_ordinal(text: str) -> int | None:
    if "\u2460" <= text <= "\u2473":
        return ord(text) - 0x2460 + 1
    if text[0] in "0123456789０１２３４５６７８９":
        return int("".join(str(unicodedata.digit(c)) for c in text))
    return parse_chinese_number(text)


@dataclass(frozen=True)
class PointMarker:
    """A point marker found at the start of a line."""

    level: int
    ordinal: int
    marker: str


def match_point_marker(line: str) -> PointMarker | None:
    """Return the point marker that opens ``line``, or None."""
    for level, pattern in _POINT_PATTERNS:
        found = pattern.match(line)
        if found:
            ordinal = _parse_ordinal(found.group(1))
            if ordinal:
                return PointMarker(level, ordinal, found.group(0))
    return None


def normal_marker(level: int, ordinal: int) -> str:
    """Return the GB/T 9704 form of a marker: 一、 （一） 1. （1）."""
    if level in (1, 2):
        return NORMAL_FORMS[level].format(format_chinese_number(ordinal))
    if level == 5:
        return chr(0x2460 + ordinal - 1)
    return NORMAL_FORMS[level].format(ordinal)


@dataclass(frozen=True)
class SubMarker:
    """A sub-point marker candidate at a sentence start: kind, ordinal (0 for 最后), span, and whether it
    opens a sentence ("open") or follows a colon ("colon")."""

    kind: str
    ordinal: int
    start: int
    end: int
    after: str = "open"


def _opening(text: str, start: int) -> str | None:
    """Return "open" when ``start`` opens the text or a sentence, "colon" after a colon, else None."""
    before = text[:start].rstrip(" \u3000" + CLOSING)
    if not before or before[-1] in SENTENCE_OPENERS:
        return "open"
    return "colon" if before[-1] in COLONS else None


def find_sub_markers(text: str) -> list[SubMarker]:
    """Return every sub-point marker candidate that opens a sentence of ``text`` or follows a colon."""
    found: list[SubMarker] = []
    for kind, pattern in (("shi", _SHI), ("di", _DI), ("seq", _SEQ)):
        for match in pattern.finditer(text):
            start = match.start()
            after = _opening(text, start)
            if after is None:
                continue
            if kind == "seq":
                ordinal = _SEQ_ORDINALS[match.group(1)]
            else:
                ordinal = parse_chinese_number(match.group(1)) or -1
                if ordinal < 1:
                    continue
            if kind == "shi" and match.group(2) == "要":
                kind_found = "yao"  # 一要…二要… is a run of its own
            else:
                kind_found = kind
            found.append(SubMarker(kind_found, ordinal, start, match.end(), after))
    found.sort(key=lambda m: m.start)
    return found
