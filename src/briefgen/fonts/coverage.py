"""Which characters each font role must draw, and which of them its face (or the fallback) lacks.

Pure: reads font files through fontmetrics (no reportlab), so ``briefgen fonts`` stays quick.
The PDF writer shares the role and alias rules defined here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from briefgen.document.model import Block
from briefgen.layout.metrics import FaceMetrics
from briefgen.fonts.faces import FILE_ROLES, FontFace
from briefgen.layout.lines import Layout
from briefgen.marks import is_narrow
from briefgen.project.style import ParagraphStyle, StyleSheet

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


def characters_by_role(layout: Layout, sheet: StyleSheet,
                       extra: Iterable[tuple[str, str]] = ()) -> dict[str, dict[str, int]]:
    """Return role -> {character: seed line of its first use}, in order of first use.

    ``extra`` adds (style, text) pairs of template wording drawn outside the layout (page numbers)."""
    found: dict[str, dict[str, int]] = {}
    for style_name, text in extra:
        style = sheet.style(style_name)
        for char in text:
            chars = found.setdefault(segment_role(style, is_narrow(char)), {})
            if char not in chars and char != " ":
                chars[char] = 0
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


def role_coverage(layout: Layout, sheet: StyleSheet, faces: Mapping[str, FontFace],
                  extra: Iterable[tuple[str, str]] = ()) -> list[RoleCoverage]:
    """Return the coverage of every font role, in FILE_ROLES order."""
    used = characters_by_role(layout, sheet, extra)
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


def unprintable(text: str, style: ParagraphStyle, faces: Mapping[str, FontFace]) -> list[tuple[str, str]]:
    """Return (character, role) for each distinct character of ``text`` set in ``style`` that neither
    its role's face nor the fallback has (as the PDF writer chooses faces)."""
    fallback = faces[FALLBACK].metrics()
    found = []
    for char in dict.fromkeys(text):
        if char.isspace():
            continue
        role = segment_role(style, is_narrow(char))
        if not covers(faces[role].metrics(), char) and not covers(fallback, char):
            found.append((char, role))
    return found


def describe_char(char: str) -> str:
    """Return ``U+XXXX 'c'`` for messages."""
    return f"U+{ord(char):04X} {char!r}"


def format_faces(coverages: list[RoleCoverage], shown: Callable[[object], str]) -> list[str]:
    """Return the lines naming each role's file, why it was chosen and the family name Word sees."""
    lines = []
    for cov in coverages:
        index = f"#{cov.face.index}" if cov.face.index else ""
        family = cov.family if cov.family else "(none: the PDF only)"
        lines.append(f"{cov.role}: {shown(cov.face.path)}{index}")
        lines.append(f"  why: {cov.face.reason}")
        lines.append(f"  Word name: {family}")
    return lines


def format_coverage(coverages: list[RoleCoverage], source: str) -> list[str]:
    """Return the lines telling, per role, which of a seed's characters its face lacks."""
    lines = [f"{source}:"]
    for cov in coverages:
        if cov.role == FALLBACK:
            continue
        if not cov.used:
            lines.append(f"  {cov.role}: not used")
        elif not cov.missing:
            lines.append(f"  {cov.role}: all {len(cov.used)} characters covered")
        else:
            lines.append(f"  {cov.role}: {len(cov.used) - len(cov.missing)} of {len(cov.used)} characters "
                         f"covered; the face lacks {len(cov.missing)}:")
            for char in cov.missing:
                where = "the fallback has it" if char in cov.in_fallback else "NOT in the fallback either"
                seed_line = cov.first_lines[char]
                at = f"{source}:{seed_line}" if seed_line else "template wording"
                lines.append(f"    {describe_char(char)} (first at {at}): {where}")
    unprintable = sorted({c for cov in coverages for c in cov.unprintable})
    if unprintable:
        named = " ".join(describe_char(c) for c in unprintable)
        lines.append(f"  {len(unprintable)} character(s) in no font: {named}")
    return lines


def fonts_report(project, seeds: Iterable) -> list[str]:
    """Return what ``briefgen fonts`` prints: each role's file, and each seed's coverage."""
    from briefgen.job import Renderer
    from briefgen.outline.seeds import display_path, load_seed

    renderer = Renderer(project)
    sheet = project.style
    lines: list[str] = []
    first = True
    for path in seeds:
        loaded = load_seed(path)
        job = renderer.compilation(loaded.outline, project.config.document_date())
        numbers = sorted({page.number for page in job.layout.pages if page.number is not None})
        extra = [(sheet.page_number.style, job.templates.render_text("page_number.j2", number=n)) for n in numbers]
        coverages = role_coverage(job.layout, sheet, renderer.faces, extra)
        if first:
            lines += format_faces(coverages, project.relative)
            first = False
        lines += format_coverage(coverages, display_path(path))
    if first:
        lines += format_faces([RoleCoverage(role, face, sheet.fonts.get(role), "", "", "", {})
                               for role, face in renderer.faces.items()], project.relative)
    return lines
