"""Every line of a seed with the role the parser gave it (`briefgen check --explain`), so that a
misreading is seen at a glance: collection title, title, subtitle, speaker, heading and level,
sub-heading, body, sub-points, closing note, removed and why."""

from __future__ import annotations

from typing import Iterator

from briefgen.i18n import _
from briefgen.marks import terminal_columns
from briefgen.outline.clean import LINE_BREAK
from briefgen.outline.directives import mark_of
from briefgen.outline.model import Collection, Paragraph, Point, Removed, Speech, TextLine

ROLE_COLUMNS = 30
TEXT_COLUMNS = 48


def _clip(text: str, columns: int = TEXT_COLUMNS) -> str:
    shown, used = [], 0
    for char in text:
        used += terminal_columns(char)
        if used > columns - 1:
            return "".join(shown) + "…"
        shown.append(char)
    return text


def _with_subpoints(paragraph: Paragraph, role: str, with_subpoints: str, **values: object) -> str:
    """Return a paragraph's role: ``role``, or ``with_subpoints`` naming its sub-points' markers."""
    if not paragraph.subpoints:
        return role
    markers = " ".join(sub.marker for sub in paragraph.subpoints)
    return with_subpoints.format(markers=markers, **values)


def _body_role(paragraph: Paragraph) -> str:
    # TRANSLATORS: roles of a seed line in `check --explain`: a paragraph of body text (正文), with its sub-points
    return _with_subpoints(paragraph, _("body"), _("body, sub-points {markers}"))


def _point_roles(point: Point) -> Iterator[tuple[int, str]]:
    body = list(point.body)
    if point.level == 0:
        # TRANSLATORS: role of a seed line in `check --explain`: an unnumbered heading inside a speech (小标题)
        yield point.line, _("sub-heading")
    elif point.run_in:  # the heading and its first paragraph are one line
        values = {"level": point.level, "marker": point.marker}
        yield point.line, _with_subpoints(body.pop(0), _("heading {level} {marker}, run in").format(**values),
                                          _("heading {level} {marker}, run in, sub-points {markers}"), **values)
    else:
        yield point.line, _("heading {level} {marker}").format(level=point.level, marker=point.marker)
    for paragraph in body:
        yield paragraph.line, _body_role(paragraph)
    for child in point.points:
        yield from _point_roles(child)


def _title_roles(number: int, single: bool) -> tuple[str, str]:
    """Return the role of a speech title's first line, and of the lines that continue it."""
    if single:
        return (_("title (one speech alone: the document's title)"),
                _("title (one speech alone: the document's title), continued"))
    return (_("title of speech {number}").format(number=number),
            _("title of speech {number}, continued").format(number=number))


def _subtitle_role(subtitle: TextLine, title_lines: list[int]) -> str:
    if subtitle.line in title_lines:
        return _("subtitle: the occasion on the title line")
    if subtitle.line < title_lines[0]:
        return _("subtitle (occasion, above the title)")
    return _("subtitle (occasion, under the title)")


def _speech_roles(speech: Speech, number: int, single: bool) -> Iterator[tuple[int, str]]:
    name, continued = _title_roles(number, single)
    yield speech.line, name
    title_lines = [speech.line + index for index in range(len(speech.title_lines))]  # consecutive lines
    for at in title_lines[1:]:
        yield at, continued
    if speech.subtitle:
        yield speech.subtitle.line, _subtitle_role(speech.subtitle, title_lines)
    if speech.unit:
        yield speech.unit.line, _("speaker or unit")
    for paragraph in speech.intro:
        yield paragraph.line, _body_role(paragraph)
    for point in speech.points:
        yield from _point_roles(point)


def _removed_role(removed: Removed) -> str:
    """Return what a removed line is: a comment, a line mark, a line marked 【不收入】, or why it was removed."""
    if removed.reason == "comment":
        return _("comment (not printed)")
    if removed.reason == "line mark":
        return _("mark {mark}").format(mark=removed.text)
    omitted = mark_of(removed.text)  # a line marked 【不收入】 is removed whole, its mark with it
    if omitted is not None and omitted[0] == "omit":
        return _("removed: marked {mark}: not content").format(mark=omitted[1])
    # the reasons of site furniture are messages of outline/messages.py (the outline keeps them in English)
    return _("removed: {reason}").format(reason=_(removed.reason))


def _collection_role(outline: Collection) -> str:
    if outline.count_suffix:
        return _("collection title (count {suffix})").format(suffix=outline.count_suffix)
    return _("collection title")


def line_roles(outline: Collection) -> dict[int, list[str]]:
    """Return seed line -> the roles the outline gives it (a line holding a run-in heading has several)."""
    roles: dict[int, list[str]] = {}

    def add(line: int, role: str) -> None:
        if role not in roles.setdefault(line, []):
            roles[line].append(role)

    if outline.own_title:
        add(outline.line, _collection_role(outline))
    for paragraph in outline.preface:
        # TRANSLATORS: role of a seed line in `check --explain`: text between the collection title and the first speech
        add(paragraph.line, _with_subpoints(paragraph, _("preface"), _("preface, sub-points {markers}")))
    for number, speech in enumerate(outline.speeches, 1):
        for line, role in _speech_roles(speech, number, outline.single):
            add(line, role)
    for paragraph in outline.closing:
        # TRANSLATORS: role of a seed line in `check --explain`: an editor's note or source line after the last speech
        add(paragraph.line, _("closing note"))
    for removed in outline.removed:
        add(removed.line, _removed_role(removed))
    return roles


def explain(outline: Collection, text: str, path: str) -> list[str]:
    """Return the explain view: a heading line naming the seed, then one line per seed line."""
    roles = line_roles(outline)
    shown = [_("{path}: every line and what it was read as").format(path=path)]
    # TRANSLATORS: between the roles of one seed line in `check --explain` (a run-in heading and its text)
    between = _("; ")
    lines = LINE_BREAK.split(text)
    if lines and not lines[-1]:
        lines.pop()  # the end of the last line, not a line
    for number, line in enumerate(lines, 1):
        found = roles.get(number)
        if found is None:
            # TRANSLATORS: role of a seed line in `check --explain`: an empty line
            found = [_("blank") if not line.strip() else
                     _("removed: nothing printable (site artefacts, invisible characters)")]
        role = between.join(found)
        pad = " " * max(1, ROLE_COLUMNS - terminal_columns(role))
        shown.append(f"{number:>5}  {role}{pad}{_clip(line.strip())}".rstrip())
    return shown
