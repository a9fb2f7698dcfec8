"""Character widths on the grid: one em for full-width characters, the Latin face's advance for the rest.

This is what Word does with the DOCX (runs carry w:hint="eastAsia", tracking -0.25 pt), so both
formats break lines in the same places. A half-width character takes the advance of the face of
its style's Latin role (StyleSheet.role_of), read from the font file (layout/metrics.py).
"""

from __future__ import annotations

from typing import Callable

from briefgen.document.model import LINE_BREAK, TAB
from briefgen.layout.metrics import FaceMetrics
from briefgen.marks import is_narrow
from briefgen.project.style import ParagraphStyle, StyleSheet

FaceOf = Callable[[str], FaceMetrics]  # font role -> the metrics of the face serving it


class TextMetrics:
    """Character widths for the grid, remembered per character and style."""

    def __init__(self, sheet: StyleSheet, face_of: FaceOf):
        self.sheet = sheet
        self.face_of = face_of
        self.spacing = sheet.page.char_spacing_pt  # tracking after every character, pt
        self._narrow: dict[str, bool] = {}
        self._em: dict[tuple[str, str], float] = {}
        self._tables: dict[str, dict[str, float]] = {}

    def narrow(self, char: str) -> bool:
        """Return True when ``char`` is set half-width in the Latin face."""
        found = self._narrow.get(char)
        if found is None:
            found = self._narrow[char] = is_narrow(char)
        return found

    def em(self, char: str, style: ParagraphStyle) -> float:
        """Return the advance of ``char`` set in ``style``, in em."""
        role = self.sheet.role_of(style, True)
        found = self._em.get((char, role))
        if found is None:
            if char in (LINE_BREAK, TAB):
                found = 0.0
            elif self.narrow(char):
                found = self.face_of(role).advance(char, 0.5)
            else:
                found = 1.0
            self._em[(char, role)] = found
        return found

    def advances(self, text: str, style: ParagraphStyle) -> list[float]:
        """Return the advance of each character of ``text`` in a style, in points."""
        table = self._tables.get(style.name)
        if table is None:
            table = self._tables[style.name] = {}
        for char in set(text).difference(table):
            table[char] = self.em(char, style) * style.size_pt
        return list(map(table.__getitem__, text))

    def width(self, text: str, style: ParagraphStyle) -> float:
        """Return the room ``text`` takes on a line in ``style``: its advances and the tracking after each."""
        return sum(self.advances(text, style)) + self.spacing * len(text)

    def narrow_flags(self, chars: str) -> list[bool]:
        """Return, for each character, whether it is set half-width."""
        for char in set(chars).difference(self._narrow):
            self.narrow(char)
        return list(map(self._narrow.__getitem__, chars))
