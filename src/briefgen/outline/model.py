"""The outline of a compilation: frozen dataclasses, their JSON form, no I/O.

This module is the only contract between the parser and the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from briefgen.i18n import _

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser noticed and worked around, at a 1-based seed line.

    ``english`` is the message as the outline's JSON holds it, the same under either language;
    ``message`` says it in the user's language, from ``template`` (a message of outline/messages.py)
    and ``values`` (those named in ``terms`` are messages themselves, such as a kind of site furniture).
    ``kind`` is what the parser found, for code to decide by ("count": the title's declared count of
    pieces is not the speeches found); an outline read back from JSON keeps the English alone."""

    line: int
    english: str
    kind: str = field(default="", compare=False)
    template: str = field(default="", compare=False, repr=False)
    values: tuple[tuple[str, Any], ...] = field(default=(), compare=False, repr=False)
    terms: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def of(cls, line: int, kind: str, template: str, terms: tuple[str, ...] = (), /, **values: Any) -> "ParseWarning":
        """Return the warning ``template`` (English, placeholders named) filled with ``values``."""
        return cls(line, template.format(**values), kind, template, tuple(values.items()), terms)

    @property
    def message(self) -> str:
        """Return the message in the user's language."""
        if not self.template:
            return self.english
        values = {name: _(value) if name in self.terms else value for name, value in self.values}
        return _(self.template).format(**values)


@dataclass(frozen=True)
class Removed:
    """Seed text that is not content, taken out and kept here: site furniture, a comment, a line mark."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class TextLine:
    """A single line of text that stands on its own, such as a unit or subtitle line."""

    text: str
    line: int


@dataclass(frozen=True)
class SubPoint:
    """A run-in sub-point (一是…, 第一…, 首先…): its marker, its lead sentence and the rest."""

    ordinal: int
    marker: str
    lead: str
    text: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: the text before its first sub-point, then its sub-points in order."""

    text: str
    line: int
    subpoints: tuple[SubPoint, ...] = ()


@dataclass(frozen=True)
class Point:
    """A point: level 1 一、, 2 （一）, 3 1., 4 （1）, 5 ①; level 0 an unnumbered sub-heading (小标题,
    marker "") with the numbered points under it; heading, body, deeper points."""

    ordinal: int
    level: int
    marker: str
    heading: str
    line: int
    body: tuple[Paragraph, ...] = ()
    points: tuple["Point", ...] = ()

    @property
    def run_in(self) -> bool:
        """Return True when the first body paragraph continues the heading's own line."""
        return bool(self.body) and self.body[0].line == self.line

    @property
    def subpoints(self) -> tuple[SubPoint, ...]:
        """Return the sub-points of every body paragraph, in order."""
        return tuple(sub for paragraph in self.body for sub in paragraph.subpoints)


@dataclass(frozen=True)
class Speech:
    """One speech: its title (and the lines the seed wrote it on), optional subtitle (the occasion line,
    wherever the seed wrote it) and unit line (a unit or a speaker, as written), intro, points."""

    title: str
    title_lines: tuple[str, ...]
    line: int
    subtitle: TextLine | None = None
    unit: TextLine | None = None
    intro: tuple[Paragraph, ...] = ()
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Collection:
    """A compilation: printed title (and its lines as written), declared piece count, front matter, speeches,
    closing note, what was removed, warnings.

    ``single``: the text is one speech alone; the title is that speech's, and no collection title stands
    on a line of its own. A collection whose ``line`` is its first speech's took its title from that speech."""

    title: str
    line: int
    title_lines: tuple[str, ...] = ()
    count_suffix: str = ""
    declared_count: int | None = None
    preface: tuple[Paragraph, ...] = ()
    speeches: tuple[Speech, ...] = ()
    closing: tuple[Paragraph, ...] = ()
    single: bool = False
    removed: tuple[Removed, ...] = ()
    warnings: tuple[ParseWarning, ...] = field(default=(), compare=True)

    @property
    def own_title(self) -> bool:
        """Return True when the collection title stands on a line of its own (not a speech's title)."""
        return not self.single and not any(speech.line == self.line for speech in self.speeches[:1])


def iter_point_texts(point: Point) -> Iterator[str]:
    """Yield the text fields of a point and everything under it, in reading order."""
    yield point.marker
    yield point.heading
    for paragraph in point.body:
        yield from iter_paragraph_texts(paragraph)
    for child in point.points:
        yield from iter_point_texts(child)


def iter_paragraph_texts(paragraph: Paragraph) -> Iterator[str]:
    """Yield the text fields of a paragraph, in reading order."""
    yield paragraph.text
    for sub in paragraph.subpoints:
        yield sub.marker
        yield sub.lead
        yield sub.text


def iter_speech_texts(speech: Speech) -> Iterator[str]:
    """Yield the text fields of a speech, in reading order."""
    yield speech.title
    if speech.subtitle:
        yield speech.subtitle.text
    if speech.unit:
        yield speech.unit.text
    for paragraph in speech.intro:
        yield from iter_paragraph_texts(paragraph)
    for point in speech.points:
        yield from iter_point_texts(point)


def iter_texts(collection: Collection) -> Iterator[str]:
    """Yield every text field of the outline in reading order (their concatenation is the content).

    The order is the printed one: an occasion line the seed wrote above its title follows the title."""
    if collection.own_title:
        yield collection.title
        yield collection.count_suffix
    for paragraph in collection.preface:
        yield from iter_paragraph_texts(paragraph)
    for speech in collection.speeches:
        yield from iter_speech_texts(speech)
    for paragraph in collection.closing:
        yield from iter_paragraph_texts(paragraph)


def iter_points(points: tuple[Point, ...]) -> Iterator[Point]:
    """Yield the given points and all their descendants, depth first."""
    for point in points:
        yield point
        yield from iter_points(point.points)


# JSON form -----------------------------------------------------------------


def _subpoint_to_dict(sub: SubPoint) -> dict[str, Any]:
    return {"ordinal": sub.ordinal, "marker": sub.marker, "lead": sub.lead, "text": sub.text, "line": sub.line}


def _paragraph_to_dict(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "text": paragraph.text,
        "line": paragraph.line,
        "subpoints": [_subpoint_to_dict(sub) for sub in paragraph.subpoints],
    }


def _point_to_dict(point: Point) -> dict[str, Any]:
    return {
        "ordinal": point.ordinal,
        "level": point.level,
        "marker": point.marker,
        "heading": point.heading,
        "line": point.line,
        "body": [_paragraph_to_dict(p) for p in point.body],
        "points": [_point_to_dict(p) for p in point.points],
    }


def _textline_to_dict(item: TextLine | None) -> dict[str, Any] | None:
    return None if item is None else {"text": item.text, "line": item.line}


def _speech_to_dict(speech: Speech) -> dict[str, Any]:
    return {
        "title": speech.title,
        "title_lines": list(speech.title_lines),
        "line": speech.line,
        "subtitle": _textline_to_dict(speech.subtitle),
        "unit": _textline_to_dict(speech.unit),
        "intro": [_paragraph_to_dict(p) for p in speech.intro],
        "points": [_point_to_dict(p) for p in speech.points],
    }


def to_dict(collection: Collection) -> dict[str, Any]:
    """Return the outline as plain JSON-ready data, with a schema version."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title": collection.title,
        "title_lines": list(collection.title_lines),
        "count_suffix": collection.count_suffix,
        "declared_count": collection.declared_count,
        "line": collection.line,
        "preface": [_paragraph_to_dict(p) for p in collection.preface],
        "speeches": [_speech_to_dict(s) for s in collection.speeches],
        "closing": [_paragraph_to_dict(p) for p in collection.closing],
        "single": collection.single,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in collection.removed],
        "warnings": [{"line": w.line, "message": w.english} for w in collection.warnings],
    }


def _subpoint_from_dict(data: dict[str, Any]) -> SubPoint:
    return SubPoint(data["ordinal"], data["marker"], data["lead"], data["text"], data["line"])


def _paragraph_from_dict(data: dict[str, Any]) -> Paragraph:
    return Paragraph(data["text"], data["line"], tuple(_subpoint_from_dict(s) for s in data["subpoints"]))


def _point_from_dict(data: dict[str, Any]) -> Point:
    return Point(
        ordinal=data["ordinal"],
        level=data["level"],
        marker=data["marker"],
        heading=data["heading"],
        line=data["line"],
        body=tuple(_paragraph_from_dict(p) for p in data["body"]),
        points=tuple(_point_from_dict(p) for p in data["points"]),
    )


def _textline_from_dict(data: dict[str, Any] | None) -> TextLine | None:
    return None if data is None else TextLine(data["text"], data["line"])


def _speech_from_dict(data: dict[str, Any]) -> Speech:
    return Speech(
        title=data["title"],
        title_lines=tuple(data["title_lines"]),
        line=data["line"],
        subtitle=_textline_from_dict(data["subtitle"]),
        unit=_textline_from_dict(data["unit"]),
        intro=tuple(_paragraph_from_dict(p) for p in data["intro"]),
        points=tuple(_point_from_dict(p) for p in data["points"]),
    )


def from_dict(data: dict[str, Any]) -> Collection:
    """Return the outline described by ``data`` (the inverse of ``to_dict``)."""
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"outline schema_version {version!r} is not {SCHEMA_VERSION}")
    return Collection(
        title=data["title"],
        line=data["line"],
        title_lines=tuple(data["title_lines"]),
        count_suffix=data["count_suffix"],
        declared_count=data["declared_count"],
        preface=tuple(_paragraph_from_dict(p) for p in data["preface"]),
        speeches=tuple(_speech_from_dict(s) for s in data["speeches"]),
        closing=tuple(_paragraph_from_dict(p) for p in data["closing"]),
        single=data["single"],
        removed=tuple(Removed(r["line"], r["text"], r["reason"]) for r in data["removed"]),
        warnings=tuple(ParseWarning(w["line"], w["message"]) for w in data["warnings"]),
    )
