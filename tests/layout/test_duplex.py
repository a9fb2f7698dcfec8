"""Printed on both sides ([document] duplex): the cover's back blank, the contents and body page 1 on
right-hand pages, blank unnumbered pages where a right-hand start needs them, an even page count, every
number on the side of its sheet, and the binding margin mirrored on left-hand pages; the PDF read back."""

from __future__ import annotations

import pytest

from briefgen.errors import ConfigError
from briefgen.project.style import MM
from briefgen.writers.pdf import write_pdf

from support.paths import SEED
from support.printing import compilation, project_with, read_pages

DUPLEX = "[document]\nduplex = true\n"
RIGHT = "[document]\nduplex = true\nspeeches_start_right = true\n"


@pytest.fixture(scope="module")
def duplex(tmp_path_factory):
    return compilation(project_with(tmp_path_factory.mktemp("duplex"), RIGHT))


@pytest.fixture(scope="module")
def duplex_pdf(duplex, tmp_path_factory):
    path = tmp_path_factory.mktemp("duplex-pdf") / "duplex.pdf"
    path.write_bytes(write_pdf(duplex))
    return path


def speech_pages(job) -> list[int]:
    """Return the index of the page where each speech's title starts."""
    return [job.layout.anchors[f"speech-{n}"] for n in range(1, 9)]


def test_the_layout_leaves_the_back_of_the_cover_blank_and_opens_contents_and_body_on_the_right(duplex):
    pages = duplex.layout.pages
    assert len(pages) % 2 == 0
    assert (pages[0].section, pages[1].blank, pages[1].lines, pages[1].number) == ("cover", True, (), None)
    assert pages[2].section == "contents" and pages[2].right_hand
    first = next(index for index, page in enumerate(pages) if page.number is not None)
    assert first % 2 == 0 and pages[first].number == 1  # an odd sheet: page 5 of the file here


def test_every_number_has_the_parity_of_its_sheet_and_its_side(duplex):
    for index, page in enumerate(duplex.layout.pages):
        assert page.right_hand == (index % 2 == 0)
        if page.number is not None:
            assert page.number % 2 == (index + 1) % 2
            inset = duplex.sheet.char_pt(duplex.sheet.style("page_number"))
            measure = duplex.sheet.page.measure_pt
            if page.right_hand:
                assert page.folio.right == pytest.approx(measure - inset)
            else:
                assert page.folio.segments[0].x == pytest.approx(inset)


def test_blank_pages_are_unnumbered_but_counted_and_each_speech_opens_a_right_hand_page(duplex):
    pages = duplex.layout.pages
    blanks = [index for index, page in enumerate(pages) if page.blank]
    assert len(blanks) >= 4  # the cover's back, before body page 1, and before some speeches
    for index in blanks:
        assert pages[index].lines == () and pages[index].folio is None and not pages[index].right_hand
    assert all(index % 2 == 0 for index in speech_pages(duplex))
    numbers = [page.number for page in pages if page.number is not None]
    assert numbers != list(range(1, len(numbers) + 1))  # a blank page between speeches takes a number


def test_left_hand_pages_mirror_the_margins(duplex):
    page = duplex.sheet.page
    for index, laid in enumerate(duplex.layout.pages):
        assert laid.left == pytest.approx((page.margin_left_mm if index % 2 == 0 else page.margin_right_mm) * MM)


def test_without_speeches_start_right_speeches_follow_on_the_next_page(tmp_path, duplex):
    plain = compilation(project_with(tmp_path, DUPLEX))
    assert len(plain.layout.pages) % 2 == 0
    assert [page.blank for page in plain.layout.pages[:4]] == [False, True, False, True]
    assert sum(page.blank for page in plain.layout.pages) <= 3
    assert len(plain.layout.pages) < len(duplex.layout.pages)


def test_an_odd_count_gets_a_blank_last_page(tmp_path):
    job = compilation(project_with(tmp_path, RIGHT), SEED)
    last = job.layout.pages[-1]
    assert len(job.layout.pages) % 2 == 0 and last.blank and last.number is None


def test_simplex_keeps_the_binding_margin_left_and_numbers_side_by_parity(tmp_path):
    job = compilation(project_with(tmp_path))
    assert not any(page.blank for page in job.layout.pages)
    for page in job.layout.pages:
        assert page.left == pytest.approx(28 * MM)
        if page.number is not None:
            assert page.right_hand == (page.number % 2 == 1)


def test_the_pdf_read_back(duplex, duplex_pdf):
    pages = read_pages(duplex_pdf, duplex.sheet)
    assert len(pages) == len(duplex.layout.pages) and len(pages) % 2 == 0
    assert pages[1] == ([], [])  # the back of the cover: nothing at all
    numbered = [(index, below[0].text) for index, (_inside, below) in enumerate(pages) if below]
    assert numbered[0] == (4, "—1—")  # body page 1 is the third sheet's front
    for index, text in numbered:
        assert int(text.strip("—")) % 2 == (index + 1) % 2
    for index, (inside, below) in enumerate(pages):
        if not inside or duplex.layout.pages[index].section != "body":
            continue
        left = min(line.left for line in inside) / MM  # wrapped body lines start flush left
        assert left == pytest.approx(28 if index % 2 == 0 else 26, abs=0.05), index + 1
        if below:
            number = below[0]
            assert (number.left / MM > 105) == (index % 2 == 0)  # odd sheets right, even sheets left


def test_speeches_start_right_needs_duplex(tmp_path):
    with pytest.raises(ConfigError, match="needs document.duplex") as caught:
        project_with(tmp_path, "[document]\nspeeches_start_right = true\n")
    assert caught.value.line == 2
