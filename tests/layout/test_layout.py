"""The grid layout core: 28 characters a line, 22 lines a page, line-breaking rules, pagination."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.document.model import Block, Document, Metadata, Run, Section
from briefgen.document.titles import display_titles
from briefgen.layout.lines import break_block, prepare_block
from briefgen.layout.measure import TextMetrics
from briefgen.layout.metrics import FaceMetrics
from briefgen.layout.pages import layout_document
from briefgen.marks import NO_LINE_END as NO_END
from briefgen.marks import NO_LINE_START as NO_START
from briefgen.outline.clean import content_of
from briefgen.outline.model import iter_texts
from briefgen.outline.parse import parse_text

DATE = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def seed_layout(default_renderer, seed_outline):
    return default_renderer.compilation(seed_outline, DATE).layout


def cells(line) -> float:
    """Return a line's width in body cells (half-width characters count half)."""
    return sum(0.5 if s.latin else 1.0 for s in line.segments for _ in s.text)


def body_lines(layout):
    return [line for page in layout.pages if page.section == "body" for line in page.lines
            if layout.blocks[line.block].style in ("body", "heading1", "heading2")]


def test_full_body_lines_hold_28_full_width_characters(seed_layout):
    full = [line for line in body_lines(seed_layout) if line.justified and not line.first
            and all(not s.latin for s in line.segments)]
    assert len(full) > 200
    assert {len(line.text) for line in full} <= {27, 28}
    assert sum(len(line.text) == 28 for line in full) / len(full) > 0.85


def test_first_lines_are_indented_two_characters(seed_layout, default_project):
    cell = default_project.style.page.cell_pt
    for line in body_lines(seed_layout):
        if line.first:
            assert line.segments[0].x == pytest.approx(2 * (16 - 0.25))
        else:
            assert line.segments[0].x == 0
    assert cell * 28 == pytest.approx(442.2047, abs=1e-3)


def test_justified_lines_end_exactly_at_the_right_edge(seed_layout, default_project):
    measure = default_project.style.page.measure_pt
    for line in body_lines(seed_layout):
        if line.justified:
            assert line.right == pytest.approx(measure, abs=1e-6)
        else:
            assert line.right <= measure + 1e-6


def test_no_line_starts_or_ends_with_a_forbidden_mark(seed_layout):
    for page in seed_layout.pages:
        for line in page.lines:
            text = line.text
            if text:
                assert text[0] not in NO_START, text
                assert text[-1] not in NO_END, text


def test_full_body_pages_have_22_lines(seed_layout):
    body = [page for page in seed_layout.pages if page.section == "body"]
    full = [page for index, page in enumerate(body[:-1]) if seed_layout.pages.index(body[index + 1]) and
            seed_layout.blocks[body[index + 1].lines[0].block].style != "title"]
    assert full, "the seed has speeches longer than a page"
    for page in full:
        assert sorted(line.slot for line in page.lines) == list(range(22))


def test_every_character_of_the_outline_is_laid_out_in_order(seed_layout, seed_outline):
    laid = "".join(line.text for page in seed_layout.pages if page.section == "body" for line in page.lines)
    expected = "".join(t for t in list(iter_texts(seed_outline))[2:])
    assert content_of(laid) == content_of(expected)


def test_speeches_start_new_pages_numbered_from_one(seed_layout):
    sections = [page.section for page in seed_layout.pages]
    assert sections[:2] == ["cover", "contents"]
    assert [page.number for page in seed_layout.pages[:2]] == [None, None]
    numbers = [page.number for page in seed_layout.pages[2:]]
    assert numbers == list(range(1, len(numbers) + 1))
    starts = [seed_layout.page_number(f"speech-{n}") for n in range(1, 7)]
    assert starts[0] == 1 and starts == sorted(set(starts))
    for number in starts:
        page = seed_layout.pages[number + 1]
        assert seed_layout.blocks[page.lines[0].block].style == "title" and page.lines[0].slot == 0


def test_title_lines_are_the_documents_display_lines(seed_layout, seed_outline, sheet):
    titles = [line.text for page in seed_layout.pages for line in page.lines
              if seed_layout.blocks[line.block].style == "title"]
    assert titles == [text for lines in display_titles(seed_outline, sheet).speeches for text in lines]


def test_contents_entries_carry_the_speech_page_numbers(seed_layout):
    entries = [line for page in seed_layout.pages if page.section == "contents" for line in page.lines
               if seed_layout.blocks[line.block].ref and line.last]
    assert len(entries) == 6
    for number, line in enumerate(entries, 1):
        assert "..." in line.text and not line.segments[-2].text.strip(".")
        assert line.segments[-1].text == str(seed_layout.page_number(f"speech-{number}"))
        assert line.right == pytest.approx(442.2047, abs=1e-3)


def test_dashes_ellipses_and_numbers_are_never_split(default_renderer, default_project):
    text = "甲" * 26 + "——乙" + "丙" * 25 + "……丁" + "戊" * 24 + "4.4万人" + "己" * 30
    document = Document("compilation", (Section("body", (Block("body", (Run(text),)),), numbered=True),),
                        Metadata("t", "", "", "", DATE))
    layout = layout_document(document, default_project.style, default_renderer.metrics)
    lines = [line.text for line in layout.pages[0].lines]
    assert "".join(lines) == text
    for before, after in zip(lines, lines[1:]):
        assert not (before.endswith("—") and after.startswith("—"))
        assert not (before.endswith("…") and after.startswith("…"))
        assert not (before[-1].isdigit() and (after[0].isdigit() or after[0] == "."))


def test_a_line_with_no_break_opportunity_still_breaks_inside_the_measure(default_renderer, default_project):
    text = "x" * 2000
    document = Document("compilation", (Section("body", (Block("body", (Run(text),)),), numbered=True),),
                        Metadata("t", "", "", "", DATE))
    layout = layout_document(document, default_project.style, default_renderer.metrics)
    lines = [line for page in layout.pages for line in page.lines]
    assert "".join(line.text for line in lines) == text
    assert all(line.right <= default_project.style.page.measure_pt + 1e-6 for line in lines)


def test_closing_mark_pushes_the_previous_character_down(default_project):
    metrics = TextMetrics(default_project.style, lambda role: FaceMetrics({}))
    text = "字" * 28 + "，后文"
    ready = prepare_block(Block("body", (Run(text),)), default_project.style, metrics)
    lines = break_block(ready, default_project.style.page.measure_pt, default_project.style.page.measure_pt, True)
    assert (lines[0].start, lines[0].end) == (0, 27)
    assert "".join(ready.chars[lines[1].start:lines[1].end]) == "字，后文"


def test_opening_mark_moves_to_the_next_line(default_project):
    metrics = TextMetrics(default_project.style, lambda role: FaceMetrics({}))
    text = "字" * 27 + "“引文”"
    ready = prepare_block(Block("body", (Run(text),)), default_project.style, metrics)
    lines = break_block(ready, default_project.style.page.measure_pt, default_project.style.page.measure_pt, True)
    assert lines[0].end == 27


def test_layout_is_deterministic(default_renderer, seed_outline):
    first, second = (default_renderer.compilation(seed_outline, DATE).layout for _ in range(2))
    assert first == second


def test_a_tab_right_aligns_what_follows(default_renderer, default_project):
    document = Document("brief", (Section("masthead", (Block("brief_meta", (Run("XX市委组织部\t2026年11月28日"),)),)),),
                        Metadata("t", "", "", "", DATE))
    line = layout_document(document, default_project.style, default_renderer.metrics).pages[0].lines[0]
    assert line.text == "XX市委组织部2026年11月28日"
    assert line.segments[0].x == 0
    assert line.right == pytest.approx(default_project.style.page.measure_pt)


def test_seed_tabs_are_only_whitespace():
    outline = parse_text("汇编\n标题一\n正文\t内容。\n")
    assert "\t" not in outline.speeches[0].intro[0].text
