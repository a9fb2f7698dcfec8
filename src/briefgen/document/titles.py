"""Title display lines: a decision of the document, made from the style sheet's title width.

A title the seed itself broke over several lines keeps those lines; any other title is broken
by the title breaker (balanced lines at clause boundaries, words from the title token cache) to
the width of the style it is set in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefgen.outline.model import Collection
from briefgen.project.style import StyleSheet
from briefgen.words.titles import break_titles


@dataclass(frozen=True)
class DisplayTitles:
    """The display lines of a collection's title and of each of its speeches' titles."""

    collection: tuple[str, ...]
    speeches: tuple[tuple[str, ...], ...]


def display_titles(outline: Collection, sheet: StyleSheet) -> DisplayTitles:
    """Return the display lines of every title of ``outline`` at the width of the title style."""
    written = (outline.title_lines, *(speech.title_lines for speech in outline.speeches))
    titles = (outline.title, *(speech.title for speech in outline.speeches))
    collection, *speeches = _break(titles, written, sheet.title_cells)
    return DisplayTitles(collection, tuple(speeches))


@lru_cache(maxsize=8)
def _break(titles: tuple[str, ...], written: tuple[tuple[str, ...], ...], cells: float) -> list[tuple[str, ...]]:
    """Return each title's lines: as the seed wrote them when it broke them, else broken to ``cells``."""
    broken = iter(break_titles([t for t, lines in zip(titles, written) if len(lines) < 2], cells))
    return [lines if len(lines) > 1 else next(broken) for lines in written]
