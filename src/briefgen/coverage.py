"""Which characters each font role must draw, and which of them its face (or the fallback) lacks.

Pure: reads font files through fontmetrics (no reportlab), so ``briefgen fonts`` stays quick.
The PDF writer shares the role and alias rules defined here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .document import Block
from .fontmetrics import FaceMetrics
from .fonts import FILE_ROLES, FontFace
from .layout import Layout
from .style import ParagraphStyle, StyleSheet

FALLBACK = "fallback"
# Drawn with another character's glyph when a face lacks them (the text itself is unchanged):
# U+2015 is what Python's gb2312 codec gives for the Chinese dash, U+30FB the katakana middle dot.
GLYPH_ALIASES: Mapping[str, str] = {"\u2015": "\u2014", "\u30fb": "\u00b7"}


def segment_role(style: ParagraphStyle, latin: bool) -> str:
    """Return the font role that draws a segment: the Latin face for half-width text, else the style's."""
    if latin:
        return "latin-bold" if style.bold else "latin"
    return style.font


def covers(metrics: FaceMetrics, char: str) -> bool:
    """Return True when a face can draw ``char``, directly or through its glyph alias."""
    if metrics.covers(char):
        return True
    alias = GLYPH_ALIASES.get(char)
    return alias is not None and metrics.covers(alias)


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


def characters_by_role(layout: Layout, sheet: StyleSheet) -> dict[str, dict[str, int]]:
    """Return role -> {character: seed line of its first use}, in order of first use."""
    found: dict[str, dict[str, int]] = {}
    for page in layout.pages:
        for line in page.lines:
            block = layout.blocks[line.block]
            for segment in line.segments:
                style = sheet.style(segment.style)
                chars = found.setdefault(segment_role(style, segment.latin), {})
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
    used = characters_by_role(layout, sheet)
    fallback = faces[FALLBACK].metrics()
    result = []
    for role in FILE_ROLES:
        chars = used.get(role, {})
        metrics = faces[role].metrics()
        missing = "".join(c for c in chars if not covers(metrics, c))
        in_fallback = "".join(c for c in missing if covers(fallback, c))
        result.append(RoleCoverage(role, faces[role], sheet.fonts.get(role), "".join(chars), missing, in_fallback,
                                   {c: chars[c] for c in missing}))
    return result


def describe_char(char: str) -> str:
    """Return ``U+XXXX 'c'`` for messages."""
    return f"U+{ord(char):04X} {char!r}"


def format_coverage(coverages: list[RoleCoverage], shown_path, source: str) -> list[str]:
    """Return the report ``briefgen fonts`` prints: one block of lines per role."""
    lines = []
    for cov in coverages:
        family = f"Word: {cov.family}" if cov.family else "Word: (no family of its own)"
        lines.append(f"{cov.role}: {shown_path(cov.face.path)}" + (f"#{cov.face.index}" if cov.face.index else ""))
        lines.append(f"  why: {cov.face.reason}")
        lines.append(f"  {family}")
        if cov.role == FALLBACK:
            lines.append("  draws any character a role's face lacks")
            continue
        if not cov.used:
            lines.append(f"  {source}: not used")
            continue
        if not cov.missing:
            lines.append(f"  {source}: all {len(cov.used)} characters covered")
            continue
        lines.append(f"  {source}: {len(cov.used) - len(cov.missing)} of {len(cov.used)} characters covered; "
                     f"{len(cov.missing)} lacking:")
        for char in cov.missing:
            where = "fallback has it" if char in cov.in_fallback else "NOT in the fallback either"
            seed_line = cov.first_lines[char]
            at = f"{source}:{seed_line}" if seed_line else "template wording"
            lines.append(f"    {describe_char(char)} ({at}): {where}")
    return lines
