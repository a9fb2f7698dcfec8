"""Clean a seed's lines: site artefacts (##paidbegin##) and invisible characters removed and reported,
whitespace made spaces; and the definition of a seed's printable content."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefgen.outline import messages
from briefgen.outline.model import ParseWarning

ARTEFACT = re.compile(r"##[A-Za-z_]+##")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
OTHER_SPACE = re.compile(r"[^\S \u3000]")  # whitespace other than the space and the ideographic space


def is_invisible(char: str) -> bool:
    """Return True for control and format characters: they carry no printable content."""
    return char != "\t" and unicodedata.category(char) in ("Cc", "Cf")


def remove_artefacts(text: str) -> tuple[str, list[str]]:
    """Return ``text`` without site artefacts, and the artefacts removed.

    Removal repeats until none is left: taking one out of ``##paid##paidend##begin##`` must not
    leave another standing."""
    found: list[str] = []
    while True:
        matches = ARTEFACT.findall(text)
        if not matches:
            return text, found
        found += matches
        text = ARTEFACT.sub("", text)


def content_of(text: str) -> str:
    """Return the printable content of seed text: no artefacts, whitespace or invisible characters."""
    text = "".join(c for c in text if not is_invisible(c) or c in "\r\n")
    return "".join(c for c in remove_artefacts(text)[0] if not c.isspace())


@dataclass(frozen=True)
class SourceLine:
    """A non-empty line of the seed after cleaning, with its 1-based number, the whitespace it was
    indented by, and whether blank lines (or lines of spaces alone) stood between it and the line before."""

    number: int
    text: str
    indent: str = ""
    blank_before: bool = False


def clean_lines(text: str, warnings: list[ParseWarning]) -> list[SourceLine]:
    """Return the non-empty lines of ``text`` without artefacts, invisible characters or edge spaces."""
    lines: list[SourceLine] = []
    blank = False
    for number, raw in enumerate(LINE_BREAK.split(text), 1):
        line = raw
        invisible = [] if line.isprintable() else sorted({c for c in line if is_invisible(c)})
        if invisible:
            names = ", ".join(f"U+{ord(c):04X}" for c in invisible)
            warnings.append(ParseWarning.of(number, "invisible", messages.INVISIBLE, names=names))
            line = "".join(c for c in line if not is_invisible(c))
        line, artefacts = remove_artefacts(line)  # after the invisible characters: ##paid\u200bbegin## is one
        if artefacts:
            warnings.append(ParseWarning.of(number, "artefact", messages.ARTEFACT, artefacts=", ".join(artefacts)))
        # Whitespace is a space here, never layout: a tab, a line or paragraph separator (U+2028/9),
        # a no-break or en space. Only the ideographic space U+3000 keeps its full-width cell.
        line = OTHER_SPACE.sub(" ", line)
        stripped = line.strip()
        if stripped:
            lines.append(SourceLine(number, stripped, line[: len(line) - len(line.lstrip())], blank and bool(lines)))
            blank = False
        else:
            blank = True
    return lines
