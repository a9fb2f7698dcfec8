"""What `briefgen fonts` prints: the file serving each font role and why, and each seed's characters
that its face lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from briefgen.fonts.coverage import FALLBACK, RoleCoverage, describe_char, role_coverage
from briefgen.i18n import _, ngettext
from briefgen.outline.seeds import display_path, load_seed
from briefgen.project.folder import Project
from briefgen.render import Renderer


def format_faces(coverages: list[RoleCoverage], shown: Callable[[object], str]) -> list[str]:
    """Return the lines naming each role's file, why it was chosen and the family name Word sees."""
    lines = []
    for cov in coverages:
        index = f"#{cov.face.index}" if cov.face.index else ""
        family = cov.family if cov.family else _("(none: the PDF only)")
        lines.append(f"{cov.role}: {shown(cov.face.path)}{index}")
        lines.append("  " + _("why: {reason}").format(reason=cov.face.reason))
        lines.append("  " + _("Word name: {family}").format(family=family))
    return lines


def format_coverage(coverages: list[RoleCoverage], source: str) -> list[str]:
    """Return the lines telling, per role, which of a seed's characters its face lacks."""
    lines = [f"{source}:"]
    for cov in coverages:
        if cov.role == FALLBACK:
            continue
        if not cov.used:
            lines.append(f"  {cov.role}: " + _("not used"))
        elif not cov.missing:
            lines.append(f"  {cov.role}: " + ngettext("all {count} character covered", "all {count} characters covered",
                                                    len(cov.used)).format(count=len(cov.used)))
        else:
            lines.append(f"  {cov.role}: " + _("{covered} of {count} characters covered; the face lacks {missing}:")
                         .format(covered=len(cov.used) - len(cov.missing), count=len(cov.used),
                                 missing=len(cov.missing)))
            for char in cov.missing:
                where = _("the fallback has it") if char in cov.in_fallback else _("NOT in the fallback either")
                seed_line = cov.first_lines[char]
                at = f"{source}:{seed_line}" if seed_line else _("template wording")
                lines.append("    " + _("{char} (first at {where}): {found}").format(char=describe_char(char), where=at,
                                                                                    found=where))
    unprintable = sorted({c for cov in coverages for c in cov.unprintable})
    if unprintable:
        named = " ".join(describe_char(c) for c in unprintable)
        lines.append("  " + ngettext("{count} character in no font: {chars}", "{count} characters in no font: {chars}",
                                     len(unprintable)).format(count=len(unprintable), chars=named))
    return lines


def fonts_report(project: Project, seeds: Iterable[Path]) -> list[str]:
    """Return what ``briefgen fonts`` prints: each role's file, and each seed's coverage."""
    renderer = Renderer(project)
    sheet = project.style
    lines: list[str] = []
    first = True
    for path in seeds:
        loaded = load_seed(path)
        job = renderer.compilation(loaded.outline, project.config.document_date())
        coverages = role_coverage(job.layout, sheet, renderer.faces)
        if first:
            lines += format_faces(coverages, project.relative)
            first = False
        lines += format_coverage(coverages, display_path(path))
    if first:
        lines += format_faces([RoleCoverage(role, face, sheet.fonts.get(role), "", "", "", {})
                               for role, face in renderer.faces.items()], project.relative)
    return lines
