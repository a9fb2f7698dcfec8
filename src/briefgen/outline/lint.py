"""Lint a seed, compiler style: numbering, duplicates, stray headings, damaged characters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from briefgen.i18n import _
from briefgen.outline.clean import LINE_BREAK
from briefgen.outline.model import Collection, Paragraph, Point, iter_points
from briefgen.outline.numbering import normal_marker
from briefgen.outline.parse import is_title_like

HALF_WIDTH_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff])[,;:?!()](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")
BROKEN_MARKER = re.compile(r"^[一二三四五六七八九十]{1,3}(?:\s+、|[，,]|\s)")
PARSER_ERRORS = frozenset({"count"})  # kinds of the parser's warnings that check calls errors


@dataclass(frozen=True, order=True)
class Finding:
    """One lint finding at a seed line: its severity ("error" or "warning", never translated: editors and CI
    read it) and its message in the user's language; ``parsed`` when it is one of the parser's own warnings."""

    line: int
    severity: str
    message: str
    parsed: bool = field(default=False, compare=False)

    def format(self, path: str) -> str:
        """Return the finding as ``path:line: severity: message``."""
        return f"{path}:{self.line}: {self.severity}: {self.message}"


def _check_siblings(points: Sequence[Point]) -> Iterator[Finding]:
    for point in points:
        if not point.level:  # a sub-heading carries no number: its points are numbered on their own
            yield from _check_siblings(point.points)
    yield from _check_numbered([point for point in points if point.level])


def _check_numbered(points: Sequence[Point]) -> Iterator[Finding]:
    previous: Point | None = None
    for point in points:
        expected = 1 if previous is None else previous.ordinal + 1
        shown = point.marker
        if previous is not None and point.ordinal == previous.ordinal:
            yield Finding(point.line, "error", _("numbering repeats: {previous} then {marker}").format(
                previous=previous.marker, marker=shown))
        elif previous is not None and point.ordinal > expected:
            yield Finding(point.line, "error", _("numbering gap: {previous} then {marker}").format(
                previous=previous.marker, marker=shown))
        elif previous is not None and point.ordinal < expected:
            yield Finding(point.line, "error", _("numbering goes back: {previous} then {marker}").format(
                previous=previous.marker, marker=shown))
        elif previous is None and point.ordinal != 1:
            yield Finding(point.line, "error", _("numbering starts at {marker}, not at {first}").format(
                marker=shown, first=normal_marker(point.level, 1)))
        standard = normal_marker(point.level, point.ordinal)
        if point.marker != standard:
            yield Finding(point.line, "warning", _("marker {marker} is not the standard form {standard}").format(
                marker=point.marker, standard=standard))
        if not point.body and not point.points:
            yield Finding(point.line, "warning", _("point {marker} has a heading but no body").format(marker=shown))
        previous = point
        yield from _check_siblings(point.points)


def _check_subpoints(paragraphs: Sequence[Paragraph]) -> Iterator[Finding]:
    previous = None
    for paragraph in paragraphs:
        for sub in paragraph.subpoints:
            if sub.ordinal == 1:
                previous = sub
                continue
            if previous is not None and sub.ordinal and previous.ordinal and sub.ordinal != previous.ordinal + 1:
                yield Finding(sub.line, "warning", _("sub-point numbering gap: {previous} then {marker}").format(
                    previous=previous.marker, marker=sub.marker))
            previous = sub


def _check_paragraphs(paragraphs: Sequence[Paragraph]) -> Iterator[Finding]:
    for paragraph in paragraphs:
        if BROKEN_MARKER.match(paragraph.text):
            yield Finding(paragraph.line, "warning", _("looks like a numbered heading but the marker is not "
                                                        "written 一、"))
        elif not paragraph.subpoints and is_title_like(paragraph.text):
            yield Finding(paragraph.line, "warning", _("looks like a heading but was not recognised: a speech "
                                                        "title must be followed by body text"))
    yield from _check_subpoints(paragraphs)


def _check_outline(collection: Collection) -> Iterator[Finding]:
    for warning in collection.warnings:
        severity = "error" if warning.kind in PARSER_ERRORS else "warning"
        yield Finding(warning.line, severity, warning.message, parsed=True)
    seen: dict[str, int] = {}
    for speech in collection.speeches:
        if speech.title in seen:
            yield Finding(speech.line, "error", _("speech title repeats the one on line {line}").format(
                line=seen[speech.title]))
        seen.setdefault(speech.title, speech.line)
        yield from _check_siblings(speech.points)
        yield from _check_paragraphs(speech.intro)
        for point in iter_points(speech.points):
            yield from _check_paragraphs(point.body)


def _check_characters(text: str, removed: set[int]) -> Iterator[Finding]:
    for number, line in enumerate(LINE_BREAK.split(text), 1):
        if "\ufffd" in line:
            yield Finding(number, "error", _("U+FFFD replacement character: text was damaged by a wrong "
                                             "encoding before it reached this file"))
        found = HALF_WIDTH_PUNCT.search(line)
        if found and number not in removed:  # punctuation of a line that is not printed does not matter
            yield Finding(number, "warning", _("half-width punctuation '{mark}' inside Chinese text "
                                               "(use the full-width form)").format(mark=found.group(0)))


def lint(collection: Collection, text: str) -> list[Finding]:
    """Return every finding for a seed's outline and text, sorted by line."""
    removed = {r.line for r in collection.removed if r.reason != "line mark"}  # whole lines, not printed
    return sorted(set(_check_outline(collection)) | set(_check_characters(text, removed)))


def build_errors(collection: Collection, text: str) -> list[Finding]:
    """Return the errors `check` finds that a build does not say already: every error but those of the
    parser's own warnings (a declared count that does not match), which a build prints as they are."""
    return [f for f in lint(collection, text) if f.severity == "error" and not f.parsed]
