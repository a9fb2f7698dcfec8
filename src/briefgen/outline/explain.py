"""Every line of a seed with the role the parser gave it (`briefgen check --explain`), so that a
misreading is seen at a glance: collection title, title, subtitle, speaker, heading and level,
sub-heading, body, sub-points, closing note, removed and why."""

from __future__ import annotations

import unicodedata
from typing import Iterator

from briefgen.outline.clean import LINE_BREAK
from briefgen.outline.model import Collection, Paragraph, Point, Speech

ROLE_COLUMNS = 30
TEXT_COLUMNS = 48


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, columns: int = TEXT_COLUMNS) -> str:
    shown, used = [], 0
    for char in text:
        used += _columns(char)
        if used > columns - 1:
            return "".join(shown) + "…"
        shown.append(char)
    return text


def _paragraph_role(paragraph: Paragraph, role: str) -> str:
    if not paragraph.subpoints:
        return role
    return f"{role}, sub-points {' '.join(sub.marker for sub in paragraph.subpoints)}"


def _point_roles(point: Point) -> Iterator[tuple[int, str]]:
    body = list(point.body)
    if point.level == 0:
        yield point.line, "sub-heading"
    elif point.run_in:  # the heading and its first paragraph are one line
        yield point.line, _paragraph_role(body.pop(0), f"heading {point.level} {point.marker}, run in")
    else:
        yield point.line, f"heading {point.level} {point.marker}"
    for paragraph in body:
        yield paragraph.line, _paragraph_role(paragraph, "body")
    for child in point.points:
        yield from _point_roles(child)


def _speech_roles(speech: Speech, number: int, single: bool) -> Iterator[tuple[int, str]]:
    name = "title (one speech alone: the document's title)" if single else f"title of speech {number}"
    at = speech.line
    yield at, name
    title_lines = [speech.line + index for index in range(len(speech.title_lines))]  # consecutive lines
    for at in title_lines[1:]:
        yield at, name + ", continued"
    if speech.subtitle:
        where = "above the title" if speech.subtitle.line < speech.line else "under the title"
        yield speech.subtitle.line, ("subtitle: the occasion on the title line" if speech.subtitle.line in title_lines
                                     else f"subtitle (occasion, {where})")
    if speech.unit:
        yield speech.unit.line, "speaker or unit"
    for paragraph in speech.intro:
        yield paragraph.line, _paragraph_role(paragraph, "body")
    for point in speech.points:
        yield from _point_roles(point)


def line_roles(outline: Collection) -> dict[int, list[str]]:
    """Return seed line -> the roles the outline gives it (a line holding a run-in heading has several)."""
    roles: dict[int, list[str]] = {}

    def add(line: int, role: str) -> None:
        if role not in roles.setdefault(line, []):
            roles[line].append(role)

    if outline.own_title:
        add(outline.line, "collection title" + (f" (count {outline.count_suffix})" if outline.count_suffix else ""))
    for paragraph in outline.preface:
        add(paragraph.line, _paragraph_role(paragraph, "preface"))
    for number, speech in enumerate(outline.speeches, 1):
        for line, role in _speech_roles(speech, number, outline.single):
            add(line, role)
    for paragraph in outline.closing:
        add(paragraph.line, "closing note")
    for removed in outline.removed:
        shown = {"comment": "comment (not printed)", "line mark": f"mark {removed.text}"}
        add(removed.line, shown.get(removed.reason, f"removed: {removed.reason}"))
    return roles


def explain(outline: Collection, text: str, path: str) -> list[str]:
    """Return the explain view: a heading line naming the seed, then one line per seed line."""
    roles = line_roles(outline)
    shown = [f"{path}: every line and what it was read as"]
    lines = LINE_BREAK.split(text)
    if lines and not lines[-1]:
        lines.pop()  # the end of the last line, not a line
    for number, line in enumerate(lines, 1):
        found = roles.get(number)
        if found is None:
            found = ["blank"] if not line.strip() else ["removed: nothing printable (site artefacts, invisible characters)"]
        role = "; ".join(found)
        pad = " " * max(1, ROLE_COLUMNS - _columns(role))
        shown.append(f"{number:>5}  {role}{pad}{_clip(line.strip())}".rstrip())
    return shown
