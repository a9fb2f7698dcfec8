"""The reading corpus (tests/corpus/NN-name.txt with NN-name.expect.toml): what a careful reader makes of each
text, and the same facts read from an outline, in one shape so that a test compares them field by field."""

from __future__ import annotations

import tomllib
from pathlib import Path

from briefgen.outline.model import Collection, Point, Speech, iter_points

from support.paths import ROOT

CORPUS = ROOT / "tests" / "corpus"
LEVELS = 5
NOT_FURNITURE = ("comment", "line mark")  # removals the user asked for, not the parser's


def corpus_texts() -> list[Path]:
    """Return every text of the corpus, in order."""
    return sorted(CORPUS.glob("[0-9][0-9]-*.txt"))


def expectation_of(text: Path) -> dict:
    """Return the expectation file beside a corpus text, parsed."""
    return tomllib.loads(text.with_name(text.name[: -len(".txt")] + ".expect.toml").read_text(encoding="utf-8"))


def norm(text: str | None) -> str | None:
    """Return a line as a reader compares it: edge whitespace trimmed, U+00A0 read as a space."""
    return None if text is None else text.replace("\u00a0", " ").strip()


def _level_counts(points: tuple[Point, ...]) -> list[int]:
    counts = [0] * LEVELS
    for point in iter_points(points):
        if point.level:
            counts[point.level - 1] += 1
    while counts and counts[-1] == 0:
        counts.pop()
    return counts


def speech_facts(speech: Speech) -> dict:
    """Return what the corpus asserts of a speech, read from its outline."""
    paragraphs = [*speech.intro, *(p for point in iter_points(speech.points) for p in point.body)]
    return {
        "title": norm(speech.title),
        "title_lines": [norm(line) for line in speech.title_lines] if len(speech.title_lines) > 1 else None,
        "subtitle": norm(speech.subtitle.text) if speech.subtitle else None,
        "speaker": norm(speech.unit.text) if speech.unit else None,
        "title_line": speech.line,
        "points": _level_counts(speech.points),
        "subheadings": [p.heading for p in iter_points(speech.points) if p.level == 0],
        "subpoints": sum(len(p.subpoints) for p in paragraphs),
    }


def collection_facts(outline: Collection) -> dict:
    """Return what the corpus asserts of a collection, read from its outline."""
    return {
        "title": norm(outline.title),
        "count": outline.declared_count,
        "single": outline.single,
        "removed": sorted({r.line for r in outline.removed if r.reason not in NOT_FURNITURE}),
        "closing": [p.line for p in outline.closing],
        "preface_lines": [p.line for p in outline.preface],
    }


def expected_speech(entry: dict) -> dict:
    """Return a [[speech]] entry of an expectation file with every field present."""
    return {
        "title": norm(entry["title"]),
        "title_lines": [norm(line) for line in entry["title_lines"]] if "title_lines" in entry else None,
        "subtitle": norm(entry.get("subtitle")),
        "speaker": norm(entry.get("speaker")),
        "title_line": entry["title_line"],
        "points": entry["points"],
        "subheadings": entry.get("subheadings", []),
        "subpoints": entry.get("subpoints", 0),
    }


def expected_collection(table: dict) -> dict:
    """Return the [collection] table of an expectation file with every field present."""
    return {
        "title": norm(table["title"]),
        "count": table.get("count"),
        "single": table.get("single", False),
        "removed": sorted(table.get("removed", [])),
        "closing": table.get("closing", []),
        "preface_lines": table.get("preface_lines", []),
    }


def differences(outline: Collection, expectation: dict) -> list[str]:
    """Return every fact where the outline differs from the expectation, one line each (none: it reads right)."""
    found = []
    got, want = collection_facts(outline), expected_collection(expectation["collection"])
    found += [f"collection {key}: {got[key]!r}, expected {want[key]!r}" for key in want if got[key] != want[key]]
    speeches = expectation["speech"]
    if len(outline.speeches) != len(speeches):
        found.append(f"{len(outline.speeches)} speeches at lines {[s.line for s in outline.speeches]}, expected "
                     f"{len(speeches)} at {[s['title_line'] for s in speeches]}")
    for number, (speech, entry) in enumerate(zip(outline.speeches, speeches), 1):
        got, want = speech_facts(speech), expected_speech(entry)
        found += [f"speech {number} {key}: {got[key]!r}, expected {want[key]!r}" for key in want if got[key] != want[key]]
    return found
