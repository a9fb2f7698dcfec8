"""What an import read from each file, and what it left out, as lines to print."""

from __future__ import annotations

from collections import Counter

from briefgen.importer.records import (
    LEFT_OUT_NAMES,
    TRACKED_NAMES,
    FileOutcome,
    SpeechDraft,
)
from briefgen.importer.seedtext import join_title, make_body_line, make_unit_line
from briefgen.outline.numbering import match_point_marker, normal_marker

MAX_LEVEL = 5


def pluralise(count: int, names: tuple[str, str]) -> str:
    """Return "1 table" or "3 tables"."""
    return f"{count} {names[0] if count == 1 else names[1]}"


def count_headings(speech: SpeechDraft) -> Counter:
    """Return how many body paragraphs open with a point marker, by level (1 一、 … 5 ①)."""
    levels: Counter = Counter()
    for para in speech.body:
        found = match_point_marker(make_body_line(para))
        if found is not None:
            levels[found.level] += 1
    return levels


def count_unnumbered_headings(speech: SpeechDraft) -> int:
    """Return how many body paragraphs are headings by outline level or heading style but have no marker."""
    return sum(1 for p in speech.body if p.outline_level is not None and match_point_marker(make_body_line(p)) is None)


def describe_headings(speech: SpeechDraft) -> str:
    """Return "headings: 3 一、, 6 （一）" (by level), or "headings: none", and the unnumbered ones."""
    levels = count_headings(speech)
    found = ", ".join(f"{levels[level]} {normal_marker(level, 1)}" for level in range(1, MAX_LEVEL + 1)
                      if levels[level])
    unnumbered = count_unnumbered_headings(speech)
    if unnumbered:
        note = f"{unnumbered} without a number (heading style or outline level; kept as paragraphs)"
        found = f"{found}, {note}" if found else note
    return "headings: " + (found or "none")


def describe_left_out(left_out: Counter) -> str:
    """Return what a file's reading left out, and what it did with tracked changes."""
    parts = [pluralise(left_out[key], names) for key, names in LEFT_OUT_NAMES.items() if left_out[key]]
    tracked = [pluralise(left_out[key], names) for key, names in TRACKED_NAMES.items() if left_out[key]]
    line = "left out: " + (", ".join(parts) if parts else "nothing")
    return line + (f"; tracked changes: {', '.join(tracked)}" if tracked else "")


def describe_speech(number: int, speech: SpeechDraft) -> list[str]:
    """Return the lines about one speech: title, subtitle, unit or speaker, headings per level."""
    lines = [f"  {number}. {join_title(speech)}"]
    if speech.subtitle:
        lines.append(f"     subtitle: {speech.subtitle.strip()}")
    unit = make_unit_line(speech)
    lines.append(f"     unit or speaker: {unit}" if unit else "     unit or speaker: none found")
    paragraphs = sum(1 for p in speech.body if not p.blank)
    lines.append(f"     {describe_headings(speech)}; {pluralise(paragraphs, ('paragraph', 'paragraphs'))}")
    return lines


def describe_file(outcome: FileOutcome) -> list[str]:
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
        lines += describe_speech(number, speech)
    lines.append("  " + describe_left_out(outcome.left_out))
    return lines


def summarise(output: str, title: str, outcomes: list[FileOutcome], characters: int) -> str:
    """Return the closing line: what was written where."""
    speeches = sum(len(o.speeches) for o in outcomes)
    return (f"wrote {output}: “{title}”, {speeches} speech{'es' if speeches != 1 else ''} from {len(outcomes)} "
            f"file{'s' if len(outcomes) != 1 else ''}, {characters:,} characters; build it with "
            f"`briefgen build {output}`")

