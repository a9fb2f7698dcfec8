"""Keep with next: headings on their own line (every level), titles with their subtitle and unit lines,
and the first lines of the text that follows never end a page; the page left early keeps its grid.
Checked in the layout core and in the PDF read back, on a compilation made to push headings to page feet."""

from __future__ import annotations

import pytest

from briefgen.writers.pdf import write_pdf

from support.printing import (
    HEADINGS_NOT_KEPT,
    compilation,
    kept_line_texts,
    pages_ending_on_kept_lines,
    project_with,
    read_pages,
)


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    return compilation(project_with(tmp_path_factory.mktemp("kept")))


@pytest.fixture(scope="module")
def loose(tmp_path_factory):
    return compilation(project_with(tmp_path_factory.mktemp("loose"), HEADINGS_NOT_KEPT))


@pytest.fixture(scope="module")
def kept_pdf(kept, tmp_path_factory):
    path = tmp_path_factory.mktemp("kept-pdf") / "kept.pdf"
    path.write_bytes(write_pdf(kept))
    return path


def test_the_seed_pushes_headings_of_every_level_to_page_feet(loose):
    ending = pages_ending_on_kept_lines(loose)
    assert len(ending) >= 10
    assert {style for _page, style in ending} == {f"heading{n}" for n in range(1, 6)}


def test_no_page_ends_on_a_heading_title_subtitle_or_unit_line(kept):
    assert pages_ending_on_kept_lines(kept) == []


def test_a_heading_has_keep_lines_lines_of_its_text_below_it_on_its_page(kept):
    layout, keep = kept.layout, kept.sheet.page.keep_lines
    assert keep == 2
    checked = 0
    for page in layout.pages:
        for position, line in enumerate(page.lines):
            block = layout.blocks[line.block]
            if not block.style.startswith("heading") or not line.last:
                continue
            following = [other for other in page.lines[position + 1:] if other.block == line.block + 1]
            text = layout.blocks[line.block + 1]
            if text.style.startswith("heading"):
                assert following  # a heading kept with the heading under it
                continue
            total = sum(1 for p in layout.pages for other in p.lines if other.block == line.block + 1)
            assert len(following) >= min(keep, total), (block.text, text.text[:20])
            checked += 1
    assert checked > 50


def test_a_chain_moved_to_the_next_page_leaves_the_foot_of_its_page_empty_on_the_grid(kept, loose):
    layout, pitch = kept.layout, kept.sheet.page.pitch_pt
    early = 0
    for before, page in zip(layout.pages, layout.pages[1:]):
        if not (before.lines and page.lines) or page.section != "body":
            continue
        end = before.lines[-1].slot + before.lines[-1].slots
        if end < 22 and not layout.blocks[page.lines[0].block].page_break_before:
            early += 1
            assert page.lines[0].block in layout.kept  # only a kept chain ends a page early
        for line in before.lines:  # every line on its own grid line, top down
            assert line.slot * pitch < line.baseline < (line.slot + line.slots) * pitch
    assert early >= 10
    assert len(layout.pages) > len(loose.layout.pages)


def test_chains_of_headings_of_several_levels_move_together(kept):
    layout = kept.layout
    longest = 0
    for page in layout.pages:
        if not page.lines:
            continue
        block, chain = page.lines[0].block, 0
        while layout.blocks[block + chain].style.startswith("heading"):
            chain += 1
        longest = max(longest, chain)
    assert longest >= 4  # 一、（一）1.（1） (and ①) opening a page together


def test_the_layout_records_the_chains_it_moved_for_the_docx(kept):
    layout = kept.layout
    assert len(layout.moved) >= 10 and layout.moved <= layout.kept
    for index in layout.moved:
        (page,) = [p for p in layout.pages if any(line.block == index for line in p.lines)]
        assert page.lines[0].block == index


def test_keep_lines_1_brings_one_line_along_and_moves_fewer_headings(tmp_path, kept):
    one = compilation(project_with(tmp_path, "[style.page]\nkeep_lines = 1\n"))
    assert pages_ending_on_kept_lines(one) == []
    assert len(one.layout.moved) < len(kept.layout.moved)
    assert len(one.layout.pages) <= len(kept.layout.pages)


def test_the_pdf_read_back_ends_no_page_on_a_kept_line(kept, kept_pdf):
    kept_texts = kept_line_texts(kept)
    pages = read_pages(kept_pdf, kept.sheet)
    assert len(pages) == len(kept.layout.pages)
    lasts = [inside[-1].text for inside, _below in pages if inside]
    assert not [text for text in lasts if text in kept_texts]
    firsts = [inside[0].text for inside, _below in pages if inside]
    assert sum(text in kept_texts for text in firsts) >= 20  # headings and titles open pages instead


def test_without_keeping_the_pdf_would_end_pages_on_headings(loose, tmp_path):
    path = tmp_path / "loose.pdf"
    path.write_bytes(write_pdf(loose))
    kept_texts = kept_line_texts(loose)
    lasts = [inside[-1].text for inside, _below in read_pages(path, loose.sheet) if inside]
    assert len([text for text in lasts if text in kept_texts]) >= 10
