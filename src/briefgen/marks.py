"""The marks of Chinese text and the half-width rule: one definition every stage reads.

The parser finds sentences, headings and sub-points by these marks, the title breaker and the
brief selection split at them, the line breaker keeps them off the start or end of a line (禁则),
and the DOCX writer hands Word the same lists. Standard library only, so any stage may use it.
"""

from __future__ import annotations

import unicodedata

FULL_STOPS = "。！？"
STOPS = FULL_STOPS + "!?"  # end a sentence
SEMICOLONS = "；;"
COLONS = "：:"
COMMAS = "，,"
CLAUSE_ENDS = STOPS + SEMICOLONS  # end a clause a reader takes as a unit (a title holds none)
CLAUSE_MARKS = COMMAS + COLONS + SEMICOLONS  # separate the clauses of a title
OPENING = "“‘「『《〈（([【〔〖{［｛"  # quotes and brackets that open
CLOSING = "”’」』》〉）)]】〕〗}］｝"  # and close

# 禁则 (GB/T 15834 practice): marks that never start a line, and marks that never end one.
NO_LINE_START = frozenset(CLOSING + STOPS + SEMICOLONS + COLONS + COMMAS + "、…—·%.％〃々～")
NO_LINE_END = frozenset(OPENING)
UNSPLIT = frozenset("—…")  # —— and …… stay whole


def is_narrow(char: str) -> bool:
    """Return True for a half-width character: Word sets it in the Latin face, half a cell or so wide.

    East Asian width Na, H or N; ambiguous characters (“ ” — … · ° ×) are full-width, as Word
    sets them in the CJK face of Chinese text (w:hint="eastAsia")."""
    return unicodedata.east_asian_width(char) in ("Na", "H", "N")


def is_wide(char: str) -> bool:
    """Return True for a character East Asian width calls wide (W, F): hanzi and full-width forms.

    Not the page's rule (is_narrow): ambiguous characters (“ ” — …) are not wide here, as a terminal
    sets them one column wide and a line joined after them takes a space."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def terminal_columns(text: str) -> int:
    """Return the columns ``text`` takes in a terminal: two for a wide character, one for any other."""
    return sum(2 if is_wide(c) else 1 for c in text)


def cell_width(text: str) -> float:
    """Return the width of ``text`` in grid cells, counting a half-width character as half a cell."""
    return sum(0.5 if is_narrow(c) else 1.0 for c in text)
