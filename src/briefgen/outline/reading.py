"""Where speeches start, decided from what the text does as a whole.

A head is a title (one line, or two short lines the print broke), with an occasion line above, below
or on it and a speaker or unit line under it, followed by text. Texts mark their speeches in different
ways: speaker lines under every title, blank lines (or lines of U+3000) between speeches, page or piece
labels, consistent indentation (body indented, titles not). Where a text marks its speeches so, a head
it does not mark (a short line followed by its text) is a sub-heading of the speech it stands in; where
it marks none (the bundled seed), every head starts a speech.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Sequence

from briefgen.outline.clean import SourceLine
from briefgen.outline.heads import can_join, is_occasion, is_subtitle, is_title_like, looks_like_collection_title
from briefgen.outline.messages import BORROWED, JOINED, PREFACE, SUBHEADING, TOP_PAIR, UNMARKED_SPEECH
from briefgen.outline.model import ParseWarning
from briefgen.outline.speakers import is_folded, speaker_kind

SUBHEADING_MAX_CHARS = 20  # a sub-heading is a short line; a longer unmarked head is taken for a speech
BLANK_SHARE = 0.5  # blank lines between more than half of the paragraphs separate paragraphs, not speeches
INDENT_SHARE = 0.9  # indentation says something when at least this share of body lines is indented


@dataclass(frozen=True)
class Shape:
    """What a line can be in a head, by its shape (or by the user's mark)."""

    title: bool = False
    occasion: bool = False  # 在…上的讲话, no dash
    dashed: bool = False  # ——在…上的发言
    speaker: str | None = None
    mark: str | None = None
    folded: bool = False  # a title with its unit, speaker or genre folded in (单位：题目)

    @property
    def body(self) -> bool:
        """Return True for a line that can only be text (a paragraph or a numbered heading)."""
        return self.mark in ("body", "subheading") or not (self.title or self.dashed or self.speaker)


@dataclass(frozen=True)
class Head:
    """The lines that open a speech, as indices into the text's lines."""

    at: int
    titles: tuple[int, ...]
    subtitle: int | None
    speaker: int | None
    body_from: int


@dataclass
class Reading:
    """What the text's lines are: the speeches' heads, the sub-headings, and what was assumed."""

    heads: list[Head] = field(default_factory=list)
    subheadings: set[int] = field(default_factory=set)  # line numbers
    collection: bool = True  # the first line is the collection's title
    doubts: list[ParseWarning] = field(default_factory=list)

    def doubt(self, line: int, template: str, **values: int) -> None:
        """Say what was assumed at ``line`` (a message of outline/messages.py)."""
        self.doubts.append(ParseWarning.of(line, "doubt", template, **values))


def shape_of(line: SourceLine, mark: str | None) -> Shape:
    """Return what ``line`` can be in a head."""
    if mark == "title":
        return Shape(title=True, mark=mark)
    if mark == "subtitle":
        return Shape(dashed=True, mark=mark)
    if mark == "speaker":
        return Shape(speaker="marked", mark=mark)
    if mark is not None:
        return Shape(mark=mark)
    kind = speaker_kind(line.text)
    title = kind is None and is_title_like(line.text)
    return Shape(title=title, occasion=is_occasion(line.text), dashed=is_subtitle(line.text), speaker=kind,
                 folded=title and is_folded(line.text))


class Reader:
    """The lines of a text (site furniture, comments and marks taken out) and their shapes."""

    def __init__(self, lines: Sequence[SourceLine], marks: dict[int, str], after_label: set[int]):
        self.lines = list(lines)
        self.shapes = [shape_of(line, marks.get(line.number)) for line in self.lines]
        self.after_label = after_label
        self.blanks_separate = blanks_separate_speeches(self.lines)
        self.indent_says = indentation_says(self.lines, self.shapes)

    def is_body(self, index: int) -> bool:
        """Return True when the line at ``index`` exists and can only be text."""
        return index < len(self.lines) and self.shapes[index].body

    def tail(self, index: int) -> tuple[int | None, int | None, int] | None:
        """Return (occasion, speaker, first body line) for the lines under a title at ``index - 1``."""
        subtitle = speaker = None
        shapes, count = self.shapes, len(self.lines)
        if index < count and (shapes[index].dashed or (shapes[index].occasion and (
                self.is_body(index + 1) or (index + 1 < count and shapes[index + 1].speaker)))):
            subtitle, index = index, index + 1
        if index < count and shapes[index].speaker:
            speaker, index = index, index + 1
        if subtitle is None and index < count and shapes[index].dashed:
            subtitle, index = index, index + 1
        return (subtitle, speaker, index) if self.is_body(index) else None

    def head_from(self, first: int, join: bool, at: int) -> Head | None:
        """Return the head whose title starts at ``first`` (an occasion line may stand above, at ``at``)."""
        shapes = self.shapes
        if first >= len(self.lines) or not shapes[first].title:
            return None
        above = at if at < first else None
        titles: tuple[int, ...] = (first,)
        found = self.tail(first + 1)
        second = first + 1
        if not found and join and second < len(self.lines) and shapes[second].title and shapes[second].mark is None \
                and self.lines[second].number == self.lines[first].number + 1 \
                and can_join(self.lines[first].text, self.lines[second].text):  # the print broke it: next line
            titles, found = (first, second), self.tail(second + 1)
        if found and above is not None and found[0] is not None:
            return None  # an occasion line both above and below: the one above is something else
        if found:
            return Head(at, titles, above if found[0] is None else found[0], found[1], found[2])
        if shapes[first].mark == "title":  # the user said so: a speech starts here, whatever follows
            return Head(at, (first,), above, None, first + 1)
        return None

    def head(self, index: int, join: bool = True) -> Head | None:
        """Return the head that starts at ``index``, or None."""
        shapes = self.shapes
        if shapes[index].occasion and index + 1 < len(self.lines) and shapes[index + 1].title \
                and not shapes[index + 1].occasion:
            found = self.head_from(index + 1, join, index)
            if found:
                return found
        return self.head_from(index, join, index)

    def heads(self, start: int) -> list[Head]:
        """Return every head from ``start`` on, left to right, each taking its lines."""
        found, index = [], start
        while index < len(self.lines):
            head = None if self.shapes[index].mark == "subheading" else self.head(index)
            if head is None:
                index += 1
                continue
            found.append(head)
            index = head.body_from
        return found

    def marked(self, head: Head, first: bool) -> bool:
        """Return True when the text itself says ``head`` starts a speech: a speaker or occasion line (or a
        speaker folded into the title), a boundary before it (not counted for the first head), its title
        unindented among indented text, or the user's mark."""
        line, shape = self.lines[head.titles[0]], self.shapes[head.titles[0]]
        if head.speaker is not None or head.subtitle is not None or shape.mark == "title" or shape.folded:
            return True
        if self.indent_says and not line.indent:
            return True
        return not first and self.after_boundary(head)

    def after_boundary(self, head: Head) -> bool:
        """Return True when a page or piece label, or a blank line where blank lines separate speeches, stands
        before ``head``."""
        start = self.lines[head.at]
        return start.number in self.after_label or (self.blanks_separate and start.blank_before)


def blanks_separate_speeches(lines: Sequence[SourceLine]) -> bool:
    """Return True when blank lines stand between some paragraphs only: then they separate speeches."""
    gaps = sum(1 for line in lines[1:] if line.blank_before)
    return 0 < gaps <= BLANK_SHARE * (len(lines) - 1)


def indentation_says(lines: Sequence[SourceLine], shapes: Sequence[Shape]) -> bool:
    """Return True when body lines are indented, consistently, and titles and speaker lines are not (headings
    inside a speech may be indented like its body; a text that indents everything alike says nothing)."""
    body = [line for line, shape in zip(lines, shapes) if shape.body]
    flush = [line for line, shape in zip(lines[1:], shapes[1:]) if not shape.body and not line.indent]
    if len(body) < 3 or len(flush) < 2:
        return False
    return sum(1 for line in body if line.indent) >= INDENT_SHARE * len(body)


# The decision ------------------------------------------------------------------------------------

def _opens_with_speech(reader: Reader) -> Head | None:
    """Return the head on the text's first line when that line may be a speech's title rather than the collection's."""
    mark = reader.shapes[0].mark
    if mark == "title" or (mark is None and not looks_like_collection_title(reader.lines[0].text)):
        return reader.head(0, join=mark == "title")
    return None


def _is_strong(reader: Reader, head: Head) -> bool:
    return head.speaker is not None or head.subtitle is not None or reader.shapes[head.titles[0]].mark == "title"


def _classify(reader: Reader, heads: list[Head], reading: Reading, marked_text: bool) -> None:
    """Decide which heads start speeches and which are sub-headings, saying where it is a guess."""
    lines = reader.lines
    if not marked_text:
        reading.heads = heads
        for head in heads:
            if len(head.titles) == 2 and not _is_strong(reader, head):
                first, second = (lines[i].number for i in head.titles)
                reading.doubt(first, JOINED, first=first, second=second)
        return
    for index, head in enumerate(heads):
        line = lines[head.titles[0]]
        if index == 0 or reader.marked(head, first=False):
            reading.heads.append(head)
        elif reader.indent_says and line.indent:
            reading.subheadings.add(line.number)
        elif len(head.titles) > 1 or len(line.text) > SUBHEADING_MAX_CHARS:
            reading.heads.append(head)
            reading.doubt(line.number, UNMARKED_SPEECH)
        else:
            reading.subheadings.add(line.number)
    _say_lone_subheadings(reader, reading)


def _say_lone_subheadings(reader: Reader, reading: Reading) -> None:
    """Name a sub-heading that stands alone in its speech: sub-headings come in sets, a lone one may be a title."""
    starts = [reader.lines[head.at].number for head in reading.heads]
    by_speech: dict[int, list[int]] = {}
    for number in sorted(reading.subheadings):
        by_speech.setdefault(bisect_left(starts, number), []).append(number)
    for numbers in by_speech.values():
        if len(numbers) == 1:
            reading.doubt(numbers[0], SUBHEADING)


def read_text(lines: Sequence[SourceLine], marks: dict[int, str], after_label: set[int]) -> Reading:
    """Return where the speeches of a text start (the first line is the collection title unless the text
    opens with a speech), its sub-headings, and the doubts on the way."""
    reader = Reader(lines, marks, after_label)
    reading = Reading()
    first = _opens_with_speech(reader)
    if first is not None and _is_strong(reader, first):
        reading.collection = False
        heads = [first, *reader.heads(first.body_from)]
        _classify(reader, heads, reading, marked_text=True)
        if len(reading.heads) > 1:
            reading.doubt(lines[0].number, BORROWED)
    else:
        heads = reader.heads(1)
        if not heads and first is not None:  # a title and its text, nothing else: one speech alone
            reading.collection = False
            heads = [first]
        elif first is not None:
            reading.doubt(lines[0].number, PREFACE)
        elif len(heads) == 1 and heads[0].at == 1 and not _is_strong(reader, heads[0]) \
                and not looks_like_collection_title(lines[0].text) and can_join(lines[0].text, lines[1].text):
            reading.doubt(lines[0].number, TOP_PAIR, first=lines[0].number, second=lines[1].number)
        marked = sum(reader.marked(head, index == 0) for index, head in enumerate(heads))
        bounded = any(reader.after_boundary(head) for head in heads[1:])
        _classify(reader, heads, reading, marked_text=marked >= 2 or bounded or reader.indent_says)
    reading.subheadings |= {number for number, mark in marks.items() if mark == "subheading"}
    return reading
