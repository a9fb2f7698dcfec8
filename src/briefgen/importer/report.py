"""What an import read from each file, and what it left out, as lines to print."""

from __future__ import annotations

from collections import Counter

from ..numbering import match_point_marker, normal_marker
from .records import LEFT_OUT_NAMES, TRACKED_NAMES, FileOutcome, SpeechDraft
from .seedtext import body_line, title_text, unit_text

MAX_LEVEL = 5


def plural(count: int, names: tuple[str, str]) -> str:
    """Return "1 table" or "3 tables"."""
    return f"{count} {names[0] if count == 1 else names[1]}"


def heading_counts(speech: SpeechDraft) -> Counter:
    """Return how many body paragraphs open with a point marker, by level (1 一、 … 5 ①)."""
    levels: Counter = Counter()
    for para in speech.body:
        found = match_point_marker(body_line(para))
        if found is not None:
            levels[found.level] += 1
    return levels


def unnumbered_headings(speech: SpeechDraft) -> int:
    """Return how many body paragraphs are headings by outline level or heading style but have no marker."""
    return sum(1 for p in speech.body if p.outline_level is not None and p.outline_level >= 1
               and match_point_marker(body_line(p)) is None)


def headings_line(speech: SpeechDraft) -> str:
    """Return "headings: 3 一、, 6 （一）" (by level), or "headings: none", and the unnumbered ones."""
    levels = heading_counts(speech)
    found = ", ".join(f"{levels[level]} {normal_marker(level, 1)}" for level in range(1, MAX_LEVEL + 1)
                      if levels[level])
    unnumbered = unnumbered_headings(speech)
    if unnumbered:
        note = f"{unnumbered} without a number (heading style or outline level; kept as paragraphs)"
        found = f"{found}, {note}" if found else note
    return "headings: " + (found or "none")


def left_out_line(left_out: Counter) -> str:
    """Return what a file's reading left out, and what it did with tracked changes."""
    parts = [plural(left_out[key], names) for key, names in LEFT_OUT_NAMES.items() if left_out[key]]
    tracked = [plural(left_out[key], names) for key, names in TRACKED_NAMES.items() if left_out[key]]
    line = "left out: " + (", ".join(parts) if parts else "nothing")
    return line + (f"; tracked changes: {', '.join(tracked)}" if tracked else "")


def speech_report(number: int, speech: SpeechDraft) -> list[str]:
    """Return the lines about one speech: title, subtitle, unit or speaker, headings per level."""
    lines = [f"  {number}. {title_text(speech)}"]
    if speech.subtitle:
        lines.append(f"     subtitle: {speech.subtitle.strip()}")
    unit = unit_text(speech)
    lines.append(f"     unit or speaker: {unit}" if unit else "     unit or speaker: none found")
    paragraphs = sum(1 for p in speech.body if not p.blank)
    lines.append(f"     {headings_line(speech)}; {plural(paragraphs, ('paragraph', 'paragraphs'))}")
    return lines


def file_report(outcome: FileOutcome) -> list[str]:
    """Return the lines about one file."""
    via = " (converted by LibreOffice)" if outcome.converted else ""
    count = len(outcome.speeches)
    head = f"{outcome.shown}{via}: {count} speech{'es' if count != 1 else ''}"
    if outcome.auto_numbered:
        head += f", {outcome.auto_numbered} markers from automatic numbering"
    lines = [head]
    if outcome.cover_title:
        lines.append(f"  cover: {outcome.cover_title}")
    for number, speech in enumerate(outcome.speeches, 1):
        lines += speech_report(number, speech)
    lines.append("  " + left_out_line(outcome.left_out))
    return lines


def summary_line(output: str, title: str, outcomes: list[FileOutcome], characters: int) -> str:
    """Return the closing line: what was written where."""
    speeches = sum(len(o.speeches) for o in outcomes)
    return (f"wrote {output}: “{title}”, {speeches} speech{'es' if speeches != 1 else ''} from {len(outcomes)} "
            f"file{'s' if len(outcomes) != 1 else ''}, {characters:,} characters; build it with "
            f"`briefgen build {output}`")

