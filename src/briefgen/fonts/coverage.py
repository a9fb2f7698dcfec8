"""Which characters each font role must draw, which face draws each, and which of them its face
(or the fallback) lacks.

The one rule for the face that draws a character (``drawing_role``: its role's face, else the
fallback, else none) is here: the PDF writer draws by it, ``briefgen fonts`` reports by it and the
build warns by it (``fallback_uses``). Reads font files through layout/metrics.py (no reportlab),
so ``briefgen fonts`` stays quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from briefgen.document.model import Block
from briefgen.fonts.faces import FILE_ROLES, FontFace
from briefgen.layout.metrics import FaceMetrics
from briefgen.layout.model import Layout
from briefgen.marks import is_narrow
from briefgen.project.style import ParagraphStyle, StyleSheet

FALLBACK = "fallback"
# Drawn with another character's glyph when a face lacks them (the text itself is unchanged):
# U+2015 is what Python's gb2312 codec gives for the Chinese dash, U+30FB the katakana middle dot,
# and a no-break space is a space.
GLYPH_ALIASES: Mapping[str, str] = {"\u2015": "\u2014", "\u30fb": "\u00b7", "\u00a0": " "}


def covers(metrics: FaceMetrics, char: str) -> bool:
    """Return True when a face can draw ``char``, directly or through its glyph alias."""
    if metrics.covers(char):
        return True
    alias = GLYPH_ALIASES.get(char)
    return alias is not None and metrics.covers(alias)


def drawing_role(char: str, role: str, faces: Mapping[str, FontFace]) -> str | None:
    """Return the role whose face draws ``char`` set in ``role``: ``role`` itself when its face has it,
    else the fallback when that has it, else None (no face has it)."""
    if covers(faces[role].metrics(), char):
        return role
    if covers(faces[FALLBACK].metrics(), char):
        return FALLBACK
    return None


@dataclass(frozen=True)
class FallbackUse:
    """A character its role's face lacks, drawn from the fallback face instead."""

    char: str
    role: str
    line: int  # seed line of its first use (0: template wording)
    face: FontFace  # the role's own face, which lacks it
    fallback: FontFace  # the face that draws it


def _lines(layout: Layout):
    """Yield every line of the layout with its block (None for the page number), page numbers included."""
    for page in layout.pages:
        for line in page.lines if page.folio is None else (*page.lines, page.folio):
            yield line, (layout.blocks[line.block] if line.block >= 0 else None)


def fallback_uses(layout: Layout, faces: Mapping[str, FontFace]) -> list[FallbackUse]:
    """Return every character of the layout drawn from the fallback face, once per role, in order of first use."""
    texts: dict[str, list[str]] = {}
    for line, _block in _lines(layout):  # first the characters of each role, gathered cheaply
        for segment in line.segments:
            texts.setdefault(segment.role, []).append(segment.text)
    wanted = {role: {c for c in set("".join(parts)) - {" "} if drawing_role(c, role, faces) == FALLBACK}
              for role, parts in texts.items()}
    uses: list[FallbackUse] = []
    if not any(wanted.values()):
        return uses
    for line, block in _lines(layout):  # then where each of those is first used
        for segment in line.segments:
            found = wanted[segment.role].intersection(segment.text)
            for char in sorted(found, key=segment.text.index):
                wanted[segment.role].discard(char)
                uses.append(FallbackUse(char, segment.role, seed_line(block, segment.style, char),
                                        faces[segment.role], faces[FALLBACK]))
    return uses


@dataclass(frozen=True)
class RoleCoverage:
    """One font role: its face, the characters the document sets in it, and those the face lacks."""

    role: str
    face: FontFace
    family: str | None  # the family name Word sees (sheet.fonts); None for latin-bold and fallback
    used: str  # distinct characters, in order of first use
    missing: str  # of ``used``, those the face lacks
    in_fallback: str  # of ``missing``, those the fallback face has
    first_lines: Mapping[str, int]  # missing character -> seed line of its first use (0: template wording)

    @property
    def unprintable(self) -> str:
        """Return the characters neither the face nor the fallback has."""
        return "".join(c for c in self.missing if c not in self.in_fallback)


def characters_by_role(layout: Layout) -> dict[str, dict[str, int]]:
    """Return role -> {character: seed line of its first use}, in order of first use (page numbers included)."""
    found: dict[str, dict[str, int]] = {}
    for page in layout.pages:
        lines = page.lines if page.folio is None else (*page.lines, page.folio)
        for line in lines:
            block = layout.blocks[line.block] if line.block >= 0 else None
            for segment in line.segments:
                chars = found.setdefault(segment.role, {})
                for char in segment.text:
                    if char not in chars and char != " ":
                        chars[char] = seed_line(block, segment.style, char)
    return found


def seed_line(block: Block | None, style_name: str, char: str) -> int:
    """Return the seed line of the first run of ``block`` in ``style_name`` holding ``char`` (0: template wording)."""
    if block is None:
        return 0
    for run in block.runs:
        if (run.style or block.style) == style_name and char in run.text:
            return run.line
    return next((run.line for run in block.runs if char in run.text), 0)


def role_coverage(layout: Layout, sheet: StyleSheet, faces: Mapping[str, FontFace]) -> list[RoleCoverage]:
    """Return the coverage of every font role, in FILE_ROLES order."""
    used = characters_by_role(layout)
    result = []
    for role in FILE_ROLES:
        chars = used.get(role, {})
        drawn = {c: drawing_role(c, role, faces) for c in chars}
        missing = "".join(c for c in chars if drawn[c] != role)
        in_fallback = "".join(c for c in missing if drawn[c] == FALLBACK)
        result.append(RoleCoverage(role, faces[role], sheet.fonts.get(role), "".join(chars), missing, in_fallback,
                                   {c: chars[c] for c in missing}))
    return result


def unprintable(text: str, style: ParagraphStyle, sheet: StyleSheet,
                faces: Mapping[str, FontFace]) -> list[tuple[str, str]]:
    """Return (character, role) for each distinct character of ``text`` set in ``style`` that neither
    its role's face nor the fallback has (as the PDF writer chooses faces)."""
    fallback = faces[FALLBACK].metrics()
    found = []
    for char in dict.fromkeys(text):
        if char.isspace():
            continue
        role = sheet.role_of(style, is_narrow(char))
        if not covers(faces[role].metrics(), char) and not covers(fallback, char):
            found.append((char, role))
    return found


def describe_char(char: str) -> str:
    """Return ``U+XXXX 'c'`` for messages."""
    return f"U+{ord(char):04X} {char!r}"
