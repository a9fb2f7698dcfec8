"""Outline + templates -> the compilation's blocks: cover, contents, one section of speeches."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Iterator, Mapping

from briefgen.document.model import (
    LINE_BREAK,
    Block,
    Document,
    Metadata,
    PageNumbering,
    Run,
    Section,
)
from briefgen.document.titles import DisplayTitles, display_titles
from briefgen.marks import cell_width
from briefgen.outline.model import Collection, Paragraph, Point, Speech
from briefgen.project.config import Config, format_chinese_date
from briefgen.project.style import StyleSheet
from briefgen.project.templating import Templates

METADATA_KEYS = ("title", "subject", "keywords")
SUBHEADING_STYLE = "subheading"  # an unnumbered heading inside a speech (小标题)
CLOSING_STYLE = "closing"  # the collection's closing note: an editor's note or source line
NUMBER = "\ue000"  # stands for the page number while page_number.j2 is rendered


def paragraph_runs(paragraph: Paragraph) -> list[Run]:
    """Return a paragraph's runs: its text, then each sub-point's lead (styled) and rest."""
    runs = [Run(paragraph.text, None, paragraph.line)] if paragraph.text else []
    for sub in paragraph.subpoints:
        runs.append(Run(sub.marker + sub.lead, "subpoint_lead", sub.line))
        if sub.text:
            runs.append(Run(sub.text, None, sub.line))
    return runs


def point_blocks(point: Point, anchor: str, depth: int = 0) -> Iterator[Block]:
    """Yield a point's blocks: its heading (run into its first paragraph when the text does so), body, children.

    A sub-heading (level 0) is a heading of its own in the navigation pane, one level above the numbered
    points, and the points under it sit one level deeper there (``depth``)."""
    heading_style = f"heading{min(point.level, 5)}" if point.level else SUBHEADING_STYLE
    heading = Run(point.marker + point.heading, heading_style, point.line)
    label = point.marker + point.heading
    level = (point.level or 1) + depth
    body = list(point.body)
    if point.run_in:
        first = body.pop(0)
        yield Block("body", (heading, *paragraph_runs(first)), outline_level=level, label=label, anchor=anchor)
    else:
        yield Block(heading_style, (Run(heading.text, None, point.line),), outline_level=level, label=label,
                    anchor=anchor)
    for paragraph in body:
        yield Block("body", tuple(paragraph_runs(paragraph)))
    for index, child in enumerate(point.points, 1):
        yield from point_blocks(child, f"{anchor}.{index}", depth + (not point.level))


def title_runs(lines: tuple[str, ...], line: int | tuple[int, ...]) -> tuple[Run, ...]:
    """Return a title's display lines as runs separated by forced line breaks; ``line`` is the seed line
    of them all, or of each display line."""
    numbers = line if isinstance(line, tuple) else (line,) * len(lines)
    runs: list[Run] = []
    for index, (text, number) in enumerate(zip(lines, numbers)):
        if index:
            runs.append(Run(LINE_BREAK, None, number))
        runs.append(Run(text, None, number))
    return tuple(runs)


def title_line_numbers(speech: Speech, display: tuple[str, ...]) -> int | tuple[int, ...]:
    """Return the seed line of a speech title's display lines: each its own when they are the lines the
    seed broke the title over (consecutive lines), else the title's line for them all."""
    if len(speech.title_lines) > 1 and display == speech.title_lines:
        return tuple(speech.line + index for index in range(len(display)))
    return speech.line


def speech_blocks(speech: Speech, number: int, title_lines: tuple[str, ...], start_right: bool = False
                  ) -> Iterator[Block]:
    """Yield a speech's blocks: title lines, subtitle and unit lines, a blank line, intro, points
    (the title on a new page: a right-hand one when ``start_right`` and printed on both sides)."""
    anchor = f"speech-{number}"
    yield Block("title", title_runs(title_lines, title_line_numbers(speech, title_lines)), outline_level=0,
                label=speech.title, anchor=anchor, page_break_before=True, start_right=start_right)
    if speech.subtitle:
        yield Block("subtitle", (Run(speech.subtitle.text, None, speech.subtitle.line),))
    if speech.unit:
        yield Block("unit", (Run(speech.unit.text, None, speech.unit.line),))
    yield Block("blank")
    for paragraph in speech.intro:
        yield Block("body", tuple(paragraph_runs(paragraph)))
    for index, point in enumerate(speech.points, 1):
        yield from point_blocks(point, f"{anchor}.{index}")


def contents_runs(speech: Speech, sheet: StyleSheet, title_lines: tuple[str, ...]) -> tuple[Run, ...]:
    """Return a contents entry's text: the title on one line when it fits beside its page number,
    else broken where its display lines break."""
    room = sheet.page.chars_per_line - sheet.contents.number_cells - 1
    numbers = title_line_numbers(speech, title_lines)
    if cell_width(speech.title) <= room or len(title_lines) < 2:
        if isinstance(numbers, tuple):  # one line of the seed's own lines: each keeps its seed line
            return tuple(Run(text, None, number) for text, number in zip(title_lines, numbers))
        return (Run(speech.title, None, speech.line),)
    return title_runs(title_lines, numbers)


def template_blocks(templates: Templates, name: str, sheet: StyleSheet, seed_texts: Mapping[str, int] | None = None,
                    **context) -> tuple[Block, ...]:
    """Render a block template into blocks of template wording.

    ``seed_texts`` maps seed text among the values (the collection title) to its seed line: a run
    that is part of such a text, or holds one, carries that line, so that an error about one of
    its characters names the seed line rather than "template wording"."""
    blocks = []
    for styled in templates.render_lines(name, sheet.styles, **context):
        runs = title_runs(tuple(styled.text.split(LINE_BREAK)), 0) if styled.text else ()
        if seed_texts:
            runs = tuple(replace(run, line=_seed_line(run.text, seed_texts)) for run in runs)
        blocks.append(Block(styled.style, runs))
    return tuple(blocks)


def _seed_line(text: str, seed_texts: Mapping[str, int]) -> int:
    if text.strip():
        for seed_text, line in seed_texts.items():
            if seed_text and (text in seed_text or seed_text in text):
                return line
    return 0


def build_compilation(outline: Collection, templates: Templates, sheet: StyleSheet, config: Config,
                      date: dt.date) -> Document:
    """Return the compilation: cover, contents and the speeches, each speech on a new page."""
    titles = display_titles(outline, sheet)
    context = {
        "title": outline.title,
        "title_lines": list(titles.collection),
        "unit": config.document.unit,
        "classification": config.document.classification,
        "date": format_chinese_date(date),
        "count": outline.declared_count,
        "speech_titles": [s.title for s in outline.speeches],
    }
    # Text standing between the collection title and the first speech opens the numbered part.
    body = [Block("body", tuple(paragraph_runs(p))) for p in outline.preface]
    for number, speech in enumerate(outline.speeches, 1):
        body.extend(speech_blocks(speech, number, titles.speeches[number - 1], config.document.speeches_start_right))
    body.extend(Block(CLOSING_STYLE, tuple(paragraph_runs(p))) for p in outline.closing)
    meta = {line.style: line.text for line in templates.render_lines("metadata.j2", METADATA_KEYS, **context)}
    metadata = Metadata(title=meta.get("title", outline.title), subject=meta.get("subject", ""),
                        author=config.document.unit, keywords=meta.get("keywords", ""), date=date)
    # Printed on both sides, the contents and the numbered part open on right-hand pages.
    sections = (*front_sections(outline, templates, sheet, titles, context),
                Section("body", tuple(body), numbered=True, start_right=True))
    return Document("compilation", sections, metadata, page_numbering(templates), config.document.duplex)


def front_sections(outline: Collection, templates: Templates, sheet: StyleSheet, titles: DisplayTitles,
                   context: Mapping[str, object]) -> tuple[Section, ...]:
    """Return the cover and the contents: none for one speech alone (its title heads its first page), no
    contents for a collection of one speech."""
    if outline.single:
        return ()
    cover = template_blocks(templates, "cover.j2", sheet, {outline.title: outline.line}, **context)
    if len(outline.speeches) < 2:
        return (Section("cover", cover),)
    contents = list(template_blocks(templates, "contents.j2", sheet, **context))
    for number, speech in enumerate(outline.speeches, 1):
        contents.append(Block("contents_entry", contents_runs(speech, sheet, titles.speeches[number - 1]),
                              ref=f"speech-{number}"))
    return Section("cover", cover), Section("contents", tuple(contents), start_right=True)


def page_numbering(templates: Templates) -> PageNumbering:
    """Return the wording page_number.j2 puts around a page number."""
    before, _, after = templates.render_text("page_number.j2", number=NUMBER).partition(NUMBER)
    return PageNumbering(before, after)
