"""A speech's body as an outline: paragraphs with their sub-point runs (一是…二是…), numbered points
(一、 （一） 1. （1） ①) nested by level, and unnumbered sub-headings (小标题) with the points under them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Container, Sequence

from briefgen.marks import CLAUSE_ENDS, CLOSING, STOPS
from briefgen.outline.clean import SourceLine
from briefgen.outline.model import Paragraph, Point, SubPoint
from briefgen.outline.numbering import SubMarker, find_sub_markers, match_point_marker

SUBHEADING_LEVEL = 0  # below every numbered level: the numbered points after a sub-heading nest under it


def split_heading(text: str) -> tuple[str, str]:
    """Split a point's line after its marker into the heading clause and the rest."""
    for index, char in enumerate(text):
        if char in STOPS:
            end = index + 1
            while end < len(text) and text[end] in CLOSING:
                end += 1
            return text[:end], text[end:].strip()
    return text, ""


def split_lead(text: str) -> tuple[str, str]:
    """Split a sub-point's text (after its marker) into its lead sentence and the rest."""
    for index, char in enumerate(text):
        if char in CLAUSE_ENDS:
            return text[: index + 1], text[index + 1 :]
    return text, ""


# Sub-points -------------------------------------------------------------------


def _drop_lists(markers: list[tuple[int, SubMarker]]) -> list[tuple[int, SubMarker]]:
    """Drop a marker after a colon unless the next marker of its kind opens a sentence: `：一是…；二是…` is a list."""
    kept = []
    for position, (index, marker) in enumerate(markers):
        if marker.after == "colon":
            following = next((m for _, m in markers[position + 1:] if m.kind == marker.kind), None)
            if following is None or following.after != "open":
                continue
        kept.append((index, marker))
    return kept


def _select_runs(markers: list[tuple[int, SubMarker]]) -> list[tuple[int, SubMarker]]:
    """Keep the markers that form runs: same kind, starting at 1, rising; two or more each."""
    chosen: list[tuple[int, SubMarker]] = []
    run: list[tuple[int, SubMarker]] = []

    def close() -> None:
        if len(run) >= 2:
            chosen.extend(run)
        run.clear()

    for item in _drop_lists(markers):
        marker = item[1]
        if marker.ordinal == 1:
            close()
            run.append(item)
        elif run and marker.kind == run[0][1].kind:
            last = run[-1][1].ordinal
            if marker.ordinal == 0 and run[-1][1].ordinal != 0:
                run.append(item)  # 最后 closes a 首先/其次 run
            elif last != 0 and marker.ordinal > last:
                run.append(item)
    close()
    return chosen


def build_paragraphs(lines: Sequence[SourceLine]) -> tuple[Paragraph, ...]:
    """Return the paragraphs of a body scope, with sub-point runs found across them."""
    markers = [(i, m) for i, line in enumerate(lines) for m in find_sub_markers(line.text)]
    chosen = _select_runs(markers)
    by_line: dict[int, list[SubMarker]] = {}
    for index, marker in chosen:
        by_line.setdefault(index, []).append(marker)
    paragraphs = []
    for index, line in enumerate(lines):
        found = by_line.get(index, [])
        if not found:
            paragraphs.append(Paragraph(line.text, line.number))
            continue
        subs = []
        for position, marker in enumerate(found):
            end = found[position + 1].start if position + 1 < len(found) else len(line.text)
            lead, rest = split_lead(line.text[marker.end : end])
            subs.append(SubPoint(marker.ordinal, line.text[marker.start : marker.end], lead, rest, line.number))
        paragraphs.append(Paragraph(line.text[: found[0].start], line.number, tuple(subs)))
    return tuple(paragraphs)


# Points -------------------------------------------------------------------------


@dataclass
class _PointDraft:
    ordinal: int
    level: int
    marker: str
    heading: str
    line: int
    body: list[SourceLine] = field(default_factory=list)
    children: list["_PointDraft"] = field(default_factory=list)

    def freeze(self) -> Point:
        return Point(self.ordinal, self.level, self.marker, self.heading, self.line,
                     build_paragraphs(self.body), tuple(child.freeze() for child in self.children))


def _draft_of(line: SourceLine, subheadings: Container[int], count: int) -> _PointDraft | None:
    """Return the point a line opens (a sub-heading, or a marker and its heading), or None for text."""
    if line.number in subheadings:
        return _PointDraft(count + 1, SUBHEADING_LEVEL, "", line.text, line.number)
    found = match_point_marker(line.text)
    if found is None:
        return None
    heading, rest = split_heading(line.text[len(found.marker):].strip())
    draft = _PointDraft(found.ordinal, found.level, found.marker, heading, line.number)
    if rest:
        draft.body.append(SourceLine(line.number, rest))
    return draft


def build_points(lines: Sequence[SourceLine], subheadings: Container[int] = ()) -> tuple[tuple[Paragraph, ...],
                                                                                   tuple[Point, ...]]:
    """Return a speech body's intro paragraphs and its tree of points; ``subheadings`` are the line numbers
    of its unnumbered sub-headings."""
    intro: list[SourceLine] = []
    roots: list[_PointDraft] = []
    stack: list[_PointDraft] = []
    count = 0
    for line in lines:
        draft = _draft_of(line, subheadings, count)
        if draft is None:
            (stack[-1].body if stack else intro).append(line)
            continue
        count += draft.level == SUBHEADING_LEVEL
        while stack and stack[-1].level >= draft.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(draft)
        stack.append(draft)
    return build_paragraphs(intro), tuple(root.freeze() for root in roots)
