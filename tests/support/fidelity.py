"""What an outline must hold of its seed: every character, but for the pieces it reports as removed (site
furniture, comments, line marks), in the printed order (an occasion line comes right under its title,
wherever the seed wrote it)."""

from __future__ import annotations

import re
from typing import Callable

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_pieces(text: str, outline, content: Callable[[str], str]) -> list[tuple[int, str]]:
    """Return (line number, content) of every seed line, the removed pieces taken out of their lines."""
    lines = LINE_BREAK.split(text)
    cut: dict[int, list[str]] = {}
    for removed in outline.removed:
        cut.setdefault(removed.line, []).append(content(removed.text))
    pieces = []
    for number, line in enumerate(lines, 1):
        kept = content(line)
        for gone in cut.get(number, []):
            assert gone in kept, (number, gone, kept)
            kept = kept.replace(gone, "", 1)
        pieces.append((number, kept))
    return pieces


def printed_order(pieces: list[tuple[int, str]], outline) -> list[tuple[int, str]]:
    """Move each occasion line to right after its title's lines, where it prints (the seed may have
    written it above the title, or under the speaker line)."""
    pieces = list(pieces)
    for speech in outline.speeches:
        lines = [number for number, text in pieces if number >= speech.line and text][:len(speech.title_lines)]
        if speech.subtitle is None or speech.subtitle.line in lines:
            continue  # none, or on a title line (标题——在…上的发言): printed where it stands
        moved = pieces.pop(next(i for i, (number, _) in enumerate(pieces) if number == speech.subtitle.line))
        titles = [i for i, (number, text) in enumerate(pieces) if number >= speech.line and text]
        pieces.insert(titles[len(speech.title_lines) - 1] + 1, moved)
    return pieces


def expected_content(text: str, outline, content: Callable[[str], str], without_title: bool = False) -> str:
    """Return the content the outline (or, ``without_title``, a compilation's body) must hold, in order.

    The body of a compilation prints everything but a collection title of its own line (on the cover)."""
    pieces = printed_order(line_pieces(text, outline, content), outline)
    if without_title and outline.own_title:
        pieces = [(number, piece) for number, piece in pieces if number != outline.line]
    return "".join(piece for _, piece in pieces)
