"""Turn the text of a seed into the outline (a Collection); pure, no I/O."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

from briefgen.errors import ParseError
from briefgen.marks import CLAUSE_ENDS, CLOSING, COLONS, COMMAS, STOPS
from briefgen.outline.clean import SourceLine, clean_lines
from briefgen.outline.model import (
    Collection,
    Paragraph,
    ParseWarning,
    Point,
    Speech,
    SubPoint,
    TextLine,
)
from briefgen.outline.numbering import (
    SubMarker,
    find_sub_markers,
    match_point_marker,
    parse_chinese_number,
)

COUNT_SUFFIX = re.compile(r"\s*([0-9０-９]+|[一二三四五六七八九十百]+)篇$")
TITLE_BAD_ENDINGS = COMMAS + COLONS + "、"  # a title does not stop mid-clause
TITLE_MAX_CHARS = 50
# Memory grows with paragraphs and pages (each speech starts a page), not only with characters:
# beyond these a build of even short text would pass 400 MB (see bench/bench_limits.py).
MAX_PARAGRAPHS = 50_000
MAX_SPEECHES = 5_000
UNIT_MAX_CHARS = 40
UNIT_SUFFIXES = ("委员会", "委", "局", "厅", "部", "办公室", "办", "院", "署", "府", "中心", "党组",
                 "公司", "大学", "学院", "学校", "所", "站", "队", "馆", "会", "处", "科", "室", "政府")
POSTS = ("书记", "主任", "局长", "部长", "厅长", "市长", "县长", "区长", "省长", "处长", "主席", "院长",
         "校长", "经理", "董事长", "委员", "组长", "秘书长", "科长", "镇长", "乡长", "同志")


def is_title_like(text: str) -> bool:
    """Return True for a short line with no sentence punctuation that opens no list item."""
    if len(text) > TITLE_MAX_CHARS or any(c in CLAUSE_ENDS for c in text):
        return False
    if text[-1] in TITLE_BAD_ENDINGS or text.startswith(("—", "-", "－")):
        return False
    if match_point_marker(text) or find_sub_markers(text[:4]):
        return False
    return True


def is_subtitle(text: str) -> bool:
    """Return True for a subtitle line such as ——在全省组织工作会议上的发言."""
    return text.startswith(("——", "--", "－－")) and len(text) <= TITLE_MAX_CHARS and not any(
        c in CLAUSE_ENDS for c in text)


def is_unit_line(text: str) -> bool:
    """Return True for a unit or speaker line: in brackets, or an organisation and a person."""
    if len(text) > UNIT_MAX_CHARS or any(c in CLAUSE_ENDS + COMMAS for c in text):
        return False
    if text[0] in "（(" and text[-1] in "）)":
        return True
    words = text.replace("\u3000", " ").split()
    if len(words) >= 2 and any(w.endswith(UNIT_SUFFIXES + POSTS) for w in words[:-1]) and len(words[-1]) <= 4:
        return True
    return any(post in text for post in POSTS) and any(s in text for s in UNIT_SUFFIXES) and len(text) <= 24


def split_count(title: str) -> tuple[str, str, int | None]:
    """Split a trailing piece count (…6篇) off a collection title: (title, suffix, count)."""
    found = COUNT_SUFFIX.search(title)
    if not found or found.start() == 0:
        return title, "", None
    digits = found.group(1)
    if digits[0].isdigit():
        count = int("".join(str(unicodedata.digit(c)) for c in digits))
    else:
        count = parse_chinese_number(digits)
        if count is None:
            return title, "", None
    return title[: found.start()], title[found.start():].strip(), count


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


def _select_runs(markers: list[tuple[int, SubMarker]]) -> list[tuple[int, SubMarker]]:
    """Keep the markers that form runs: same kind, starting at 1, rising; two or more each."""
    chosen: list[tuple[int, SubMarker]] = []
    run: list[tuple[int, SubMarker]] = []

    def close() -> None:
        if len(run) >= 2:
            chosen.extend(run)
        run.clear()

    for item in markers:
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


def build_points(lines: Sequence[SourceLine]) -> tuple[tuple[Paragraph, ...], tuple[Point, ...]]:
    """Return a speech body's intro paragraphs and its tree of numbered points."""
    intro: list[SourceLine] = []
    roots: list[_PointDraft] = []
    stack: list[_PointDraft] = []
    for line in lines:
        found = match_point_marker(line.text)
        if found is None:
            (stack[-1].body if stack else intro).append(line)
            continue
        heading, rest = split_heading(line.text[len(found.marker):].strip())
        draft = _PointDraft(found.ordinal, found.level, found.marker, heading, line.number)
        if rest:
            draft.body.append(SourceLine(line.number, rest))
        while stack and stack[-1].level >= found.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(draft)
        stack.append(draft)
    return build_paragraphs(intro), tuple(root.freeze() for root in roots)


# Speeches -----------------------------------------------------------------------


@dataclass(frozen=True)
class _SpeechStart:
    at: int
    title: SourceLine
    subtitle: SourceLine | None
    unit: SourceLine | None
    body_from: int


def _speech_start(lines: Sequence[SourceLine], index: int) -> _SpeechStart | None:
    """Return the speech whose title stands at ``index``, if a title followed by body text does."""
    if not is_title_like(lines[index].text) or is_subtitle(lines[index].text):
        return None
    following = index + 1
    subtitle = unit = None
    if following < len(lines) and is_subtitle(lines[following].text):
        subtitle = lines[following]
        following += 1
    if following < len(lines) and is_unit_line(lines[following].text):
        unit = lines[following]
        following += 1
    if following < len(lines) and not is_title_like(lines[following].text):
        return _SpeechStart(index, lines[index], subtitle, unit, following)
    return None


def parse_text(text: str, path: str = "<seed>") -> Collection:
    """Return the outline of a seed's text, or raise ParseError for text that holds none."""
    warnings: list[ParseWarning] = []
    lines = clean_lines(text, warnings)
    if not lines:
        raise ParseError(path, 1, "the file is empty: a seed needs a collection title and speeches")
    if len(lines) > MAX_PARAGRAPHS:
        raise ParseError(path, lines[MAX_PARAGRAPHS].number, f"the seed has {len(lines):,} paragraphs; seeds over "
                         f"{MAX_PARAGRAPHS:,} are refused (a build would need too much memory): split the "
                         "compilation into several seeds")
    first = lines[0]
    if not is_title_like(first.text):
        raise ParseError(path, first.number, "the first line should be the collection title (a short line "
                         "without 。！？；), but it reads like body text")
    title, suffix, declared = split_count(first.text)

    starts: list[_SpeechStart] = []
    index = 1
    while index < len(lines):
        start = _speech_start(lines, index)
        if start is None:
            index += 1
            continue
        starts.append(start)
        index = start.body_from
    if len(starts) > MAX_SPEECHES:
        raise ParseError(path, starts[MAX_SPEECHES].title.number, f"the seed has {len(starts):,} speeches; seeds "
                         f"over {MAX_SPEECHES:,} are refused (each starts a page: a build would need too much "
                         "memory): split the compilation into several seeds")
    if not starts:
        where = lines[1].number if len(lines) > 1 else first.number
        raise ParseError(path, where, "no speech found: a speech title is a short line without 。！？； "
                         "followed by body text")

    preface_end = starts[0].at
    preface = build_paragraphs(lines[1:preface_end])
    speeches = []
    for number, start in enumerate(starts):
        end = starts[number + 1].at if number + 1 < len(starts) else len(lines)
        intro, points = build_points(lines[start.body_from:end])
        speeches.append(Speech(
            title=start.title.text,
            title_lines=(start.title.text,),
            line=start.title.number,
            subtitle=TextLine(start.subtitle.text, start.subtitle.number) if start.subtitle else None,
            unit=TextLine(start.unit.text, start.unit.number) if start.unit else None,
            intro=intro,
            points=points,
        ))
    if declared is not None and declared != len(speeches):
        warnings.append(ParseWarning(first.number, f"the title declares {declared} pieces ({suffix}) but "
                                     f"{len(speeches)} speeches were found"))
    return Collection(title=title, line=first.number, title_lines=(title,), count_suffix=suffix, declared_count=declared,
                      preface=preface, speeches=tuple(speeches), warnings=tuple(warnings))
