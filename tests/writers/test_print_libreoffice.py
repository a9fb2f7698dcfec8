"""Issue 13 in a real DOCX client: LibreOffice renders the DOCX of the compilation made for these tests
(headings of every level pushed to page feet) with its pages breaking on the blocks the layout core
chose, no page ending on a heading, title, subtitle or unit line; printed on both sides, with its blank
pages, numbers and mirrored margins; at a body size of 18 pt; with a classification mark on the cover;
the page numbers in one face."""

from __future__ import annotations

import json
import re

import pytest

from briefgen.fonts.faces import BUNDLED_DIR
from briefgen.project.style import MM
from briefgen.writers.docx import write_docx

from support.lo import LibreOffice, read_pdf, write_fontconfig
from support.printing import HEADINGS_NOT_KEPT, compilation, kept_line_texts, project_with

CASES = {
    "kept": "",
    "loose": HEADINGS_NOT_KEPT,
    "duplex": "[document]\nduplex = true\nspeeches_start_right = true\n",
    "large": "[document]\nclassification = \"内部资料　注意保存\"\n[style.styles.body]\nsize_pt = 18\n",
}
BODY_SIZE_STYLES = ("body", "subtitle", "unit", "heading1", "heading2", "heading3", "heading4", "heading5")
TOLERANCE = 1.0  # points


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Return case -> (job, LibreOffice's pages) for each briefgen.toml of CASES, converted in one run."""
    folder = tmp_path_factory.mktemp("lo-print")
    jobs, paths = {}, []
    for name, toml in CASES.items():
        jobs[name] = compilation(project_with(folder / name, toml))
        path = folder / f"{name}.docx"
        path.write_bytes(write_docx(jobs[name]))
        paths.append(path)
    office = LibreOffice(folder / "profile", write_fontconfig(folder / "fontconfig", dict(jobs["kept"].sheet.fonts)))
    pdfs = office.convert_all(paths, folder / "pdf")
    return {name: (jobs[name], read_pdf(pdf)) for name, pdf in zip(CASES, pdfs)}


def type_area(job, page):
    """Return a rendered page's lines inside the type area, and those below it (the page number)."""
    bottom = (job.sheet.page.height_mm - job.sheet.page.margin_bottom_mm) * MM
    inside = [line for line in page.lines if line.bottom <= bottom + TOLERANCE]
    return inside, [line for line in page.lines if line.bottom > bottom + TOLERANCE]


def texts(lines) -> list[str]:
    return [re.sub(r"\.{2,}", "", "".join(c for c in line.text if not c.isspace())) for line in lines]


def layout_texts(page) -> list[str]:
    return [t for t in (re.sub(r"\.{2,}", "", line.text.replace(" ", "").replace("\u3000", ""))
                        for line in page.lines) if t]


@pytest.mark.parametrize("case", ["kept", "duplex", "large"])
def test_pages_break_on_the_blocks_the_layout_core_chose(rendered, case):
    job, pages = rendered[case]
    assert len(pages) == len(job.layout.pages)
    for number, (ours, page) in enumerate(zip(job.layout.pages, pages), 1):
        drawn = texts(type_area(job, page)[0])
        expected = layout_texts(ours)
        assert drawn[:1] == expected[:1] and drawn[-1:] == expected[-1:], number
        assert len(drawn) == len(expected), number


@pytest.mark.parametrize("case", ["kept", "duplex"])
def test_no_rendered_page_ends_on_a_heading_title_subtitle_or_unit_line(rendered, case):
    job, pages = rendered[case]
    kept = kept_line_texts(job)
    lasts = [texts(type_area(job, page)[0])[-1] for page in pages if type_area(job, page)[0]]
    assert [text for text in lasts if text in kept] == []
    assert sum(texts(type_area(job, page)[0])[0] in kept for page in pages if type_area(job, page)[0]) >= 20


def test_without_keep_libreoffice_ends_pages_on_headings(rendered):
    job, pages = rendered["loose"]
    kept = kept_line_texts(job)
    lasts = [texts(type_area(job, page)[0])[-1] for page in pages if type_area(job, page)[0]]
    assert len([text for text in lasts if text in kept]) >= 10


def test_duplex_blank_pages_numbers_and_mirrored_margins(rendered):
    job, pages = rendered["duplex"]
    assert len(pages) % 2 == 0
    assert pages[1].lines == ()  # the back of the cover
    numbered = []
    for index, page in enumerate(pages):
        inside, below = type_area(job, page)
        if below:
            number = int(below[0].text.strip("—"))
            numbered.append(number)
            assert number % 2 == (index + 1) % 2, index + 1
            assert (below[0].left / MM > 105) == (index % 2 == 0)  # odd sheets right, even sheets left
        if job.layout.pages[index].section == "body" and inside:
            left = min(line.left for line in inside) / MM
            assert left == pytest.approx(28 if index % 2 == 0 else 26, abs=0.1), index + 1
        if job.layout.pages[index].blank:
            assert page.lines == (), index + 1
    first = next(index for index, page in enumerate(pages) if type_area(job, page)[1])
    assert first % 2 == 0 and numbered[0] == 1


def test_at_an_18_pt_body_every_body_size_style_renders_at_18_pt(rendered):
    job, pages = rendered["large"]
    sizes: dict[str, set[float]] = {}
    for ours, page in zip(job.layout.pages, pages):
        drawn = type_area(job, page)[0]
        laid = [line for line in ours.lines if line.text.strip()]
        assert len(drawn) == len(laid)
        for line, read in zip(laid, drawn):
            style = job.layout.blocks[line.block].style
            sizes.setdefault(style, set()).update(round(size) for size in read.sizes)
    for style in BODY_SIZE_STYLES:
        assert sizes[style] == {18}, style
    assert sizes["title"] == {22}


def test_the_classification_mark_stands_top_left_of_the_cover_in_hei(rendered):
    job, pages = rendered["large"]
    mark = type_area(job, pages[0])[0][0]
    page = job.sheet.page
    assert mark.text == "内部资料　注意保存".replace("　", "")
    assert mark.left == pytest.approx(page.margin_left_mm * MM, abs=TOLERANCE)
    assert page.margin_top_mm * MM <= mark.top < page.margin_top_mm * MM + page.pitch_pt  # the first grid line
    assert set(round(size) for size in mark.sizes) == {16}
    hei = json.loads((BUNDLED_DIR / "fonts.json").read_text(encoding="utf-8"))["roles"]["hei"]["postscript_name"]
    assert set(mark.fonts) == {hei}


def test_the_page_number_digits_and_dashes_are_in_one_face(rendered):
    job, pages = rendered["kept"]
    song = json.loads((BUNDLED_DIR / "fonts.json").read_text(encoding="utf-8"))["roles"]["song"]["postscript_name"]
    numbers = [type_area(job, page)[1][0] for page in pages if type_area(job, page)[1]]
    assert numbers and all(set(number.fonts) == {song} for number in numbers)
