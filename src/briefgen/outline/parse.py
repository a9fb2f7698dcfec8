"""Turn the text of a seed into the outline (a Collection); pure, no I/O.

The steps, each in its module: clean the lines (clean), read the user's marks and comments
(directives), take out site furniture (furniture), decide where speeches start (reading, with heads
and speakers for the shapes of their lines), and build each speech's points (points)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from briefgen.errors import ParseError
from briefgen.i18n import _
from briefgen.outline import messages
from briefgen.outline.clean import SourceLine, clean_lines
from briefgen.outline.directives import read_marks
from briefgen.outline.furniture import Furniture, find_furniture
from briefgen.outline.heads import is_title_like, split_count, split_occasion
from briefgen.outline.model import Collection, ParseWarning, Removed, Speech, TextLine
from briefgen.outline.points import build_paragraphs, build_points
from briefgen.outline.reading import Head, Reading, read_text
from briefgen.outline.speakers import UNIT_MAX_CHARS, is_unit_line  # noqa: F401  (the importer reads them here)

__all__ = ["MAX_PARAGRAPHS", "MAX_SPEECHES", "UNIT_MAX_CHARS", "is_title_like", "is_unit_line", "parse_text"]

# Memory grows with paragraphs and pages (each speech starts a page), not only with characters:
# beyond these a build of even short text would pass 400 MB (see bench/bench_limits.py).
MAX_PARAGRAPHS = 50_000
MAX_SPEECHES = 5_000
SHOWN_CHARS = 30  # of a removed line, in its warning


def _clip(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _content_lines(lines: Sequence[SourceLine], found: Furniture) -> tuple[list[SourceLine], set[int]]:
    """Return the lines that are content (blank lines before a removed line carried to the next one), and
    the numbers of those that follow a page or piece label."""
    kept: list[SourceLine] = []
    after_label: set[int] = set()
    blank = label = False
    for line in lines:
        if line.number in found.removed or line.number in found.closing:
            blank |= line.blank_before
            label |= found.is_boundary(line.number)
            continue
        kept.append(SourceLine(line.number, line.text, line.indent, (line.blank_before or blank) and bool(kept)))
        if label:
            after_label.add(line.number)
        blank = label = False
    return kept, after_label


def _speech(lines: Sequence[SourceLine], head: Head, end: int, subheadings: set[int]) -> Speech:
    """Return the speech a head opens, its body running to ``end``."""
    texts = [lines[index].text for index in head.titles]
    number = lines[head.titles[0]].number
    subtitle = TextLine(lines[head.subtitle].text, lines[head.subtitle].number) if head.subtitle is not None else None
    split = None if subtitle else split_occasion(texts[-1])
    if split:  # 标题——在…上的发言: the occasion on the title line is the subtitle
        texts[-1], occasion = split
        subtitle = TextLine(occasion, lines[head.titles[-1]].number)
    unit = TextLine(lines[head.speaker].text, lines[head.speaker].number) if head.speaker is not None else None
    intro, points = build_points(lines[head.body_from:end], subheadings)
    return Speech(title="".join(texts), title_lines=tuple(texts), line=number, subtitle=subtitle, unit=unit,
                  intro=intro, points=points)


def _check_paragraphs(path: str, lines: Sequence[SourceLine]) -> None:
    if len(lines) > MAX_PARAGRAPHS:
        raise ParseError(path, lines[MAX_PARAGRAPHS].number, _(
            "the seed has {count:,} paragraphs; seeds over {limit:,} are refused (a build would need too much "
            "memory): split the compilation into several seeds").format(count=len(lines), limit=MAX_PARAGRAPHS))


def _check_speeches(path: str, lines: Sequence[SourceLine], reading: Reading) -> None:
    if len(reading.heads) > MAX_SPEECHES:
        number = lines[reading.heads[MAX_SPEECHES].titles[0]].number
        raise ParseError(path, number, _(
            "the seed has {count:,} speeches; seeds over {limit:,} are refused (each starts a page: a build would "
            "need too much memory): split the compilation into several seeds").format(count=len(reading.heads),
                                                                                     limit=MAX_SPEECHES))


def _removals(lines: Sequence[SourceLine], found: Furniture, warnings: list[ParseWarning]) -> list[Removed]:
    """Return the furniture removed, each line reported as a warning."""
    removed = []
    for line in lines:
        kind = found.removed.get(line.number)
        if kind:
            removed.append(Removed(line.number, line.text, kind))
            warnings.append(ParseWarning.of(line.number, "furniture", messages.FURNITURE, ("kind",), kind=kind,
                                            text=_clip(line.text)))
    warnings.extend(ParseWarning.of(number, "doubt", template) for number, template in found.doubts.items())
    return removed


def _read(text: str, path: str, warnings: list[ParseWarning]) -> tuple[list[SourceLine], list[SourceLine],
                                                                      list[Removed], Reading]:
    """Return the content lines, the closing lines, what was removed and how the text reads."""
    cleaned = clean_lines(text, warnings)
    if not cleaned:
        raise ParseError(path, 1, _("the file is empty: a seed needs a collection title and speeches"))
    _check_paragraphs(path, cleaned)
    marked = read_marks(cleaned)
    found = find_furniture(marked.lines, marked.roles)
    removed = marked.removed + _removals(marked.lines, found, warnings)
    lines, after_label = _content_lines(marked.lines, found)
    if not lines:
        raise ParseError(path, cleaned[0].number, _("no text is left: every line is site furniture, a comment or "
                                                    "marked 【不收入】"))
    first = lines[0]
    if not is_title_like(first.text) and marked.roles.get(first.number) != "title":
        raise ParseError(path, first.number, _("the first line should be the collection title (a short line "
                                               "without 。！？；), but it reads like body text"))
    reading = read_text(lines, marked.roles, after_label)
    _check_speeches(path, lines, reading)
    if not reading.heads:
        where = lines[1].number if len(lines) > 1 else first.number
        raise ParseError(path, where, _("no speech found: a speech title is a short line without 。！？； "
                                        "followed by body text"))
    warnings.extend(reading.doubts)
    closing = [line for line in marked.lines if line.number in found.closing]
    return lines, closing, sorted(removed, key=lambda r: r.line), reading


def parse_text(text: str, path: str = "<seed>") -> Collection:
    """Return the outline of a seed's text, or raise ParseError for text that holds none."""
    warnings: list[ParseWarning] = []
    lines, closing, removed, reading = _read(text, path, warnings)
    starts = [head.at for head in reading.heads]
    speeches = tuple(_speech(lines, head, starts[n + 1] if n + 1 < len(starts) else len(lines), reading.subheadings)
                     for n, head in enumerate(reading.heads))
    first = speeches[0]
    if reading.collection:
        title, suffix, declared = split_count(lines[0].text)
        outline = Collection(title=title, line=lines[0].number, title_lines=(title,), count_suffix=suffix,
                             declared_count=declared, preface=build_paragraphs(lines[1:starts[0]]))
    else:  # one speech alone (or speeches without a collection title): the first speech's title is the title
        outline = Collection(title=first.title, line=first.line, title_lines=first.title_lines,
                             single=len(speeches) == 1)
    if outline.declared_count is not None and outline.declared_count != len(speeches):
        warnings.append(ParseWarning.of(outline.line, "count", messages.COUNT, declared=outline.declared_count,
                                        suffix=outline.count_suffix, found=len(speeches)))
    return replace(outline, speeches=speeches, closing=build_paragraphs(closing), removed=tuple(removed),
                   warnings=tuple(sorted(warnings, key=lambda w: w.line)))
