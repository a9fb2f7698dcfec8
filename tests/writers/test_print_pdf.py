"""Issue 13 in the PDF, read back through PDFium: one body size for every body-size style, the
classification mark at the top left of the cover and of each brief, the page-number digits in one face."""

from __future__ import annotations

import pytest

from briefgen.marks import is_narrow
from briefgen.project.style import MM
from briefgen.writers.pdf import write_pdf

from support.paths import SEED
from support.pdf import pdf_fonts
from support.printing import compilation, project_with, read_pages

MARK = "内部资料　注意保存"
BODY_SIZE_STYLES = ("body", "subtitle", "unit", "heading1", "heading2", "heading3", "heading4", "heading5")


def laid_and_read(job, pdf):
    """Yield (layout line, line read back) for every text line of every page, in order."""
    for ours, (inside, _below) in zip(job.layout.pages, read_pages(pdf, job.sheet)):
        laid = [line for line in ours.lines if line.text.strip()]
        assert len(laid) == len(inside)
        yield from zip(laid, inside)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    job = compilation(project_with(folder, f'[document]\nclassification = "{MARK}"\n'
                                           "[style.styles.body]\nsize_pt = 18\n"))
    path = folder / "large.pdf"
    path.write_bytes(write_pdf(job))
    return job, path


def test_at_an_18_pt_body_every_body_size_style_reads_back_at_18_pt(large):
    job, pdf = large
    sizes: dict[str, set[float]] = {}
    leads: set[float] = set()
    for line, read in laid_and_read(job, pdf):
        style = job.layout.blocks[line.block].style
        sizes.setdefault(style, set()).update(read.sizes)
        if any(segment.style == "subpoint_lead" for segment in line.segments):
            leads.update(read.sizes)
    for style in BODY_SIZE_STYLES:
        assert sizes[style] == {18}, style
    assert leads == {18}  # sub-point leads run inside body paragraphs
    assert sizes["title"] == {22} and sizes["contents_heading"] == {22}  # sizes of their own stay
    body = [read.text for line, read in laid_and_read(job, pdf) if job.layout.blocks[line.block].style == "body"]
    cells = [sum(0.5 if is_narrow(c) else 1 for c in text) for text in body]
    assert max(cells) == 24  # 24 characters of 18 pt fill the 156 mm line


def test_the_classification_mark_reads_back_top_left_of_the_cover(large):
    job, pdf = large
    (cover, _below), *_rest = read_pages(pdf, job.sheet)
    page = job.sheet.page
    mark = cover[0]
    assert mark.text == MARK.replace("　", "")
    assert mark.left == pytest.approx(page.margin_left_mm * MM, abs=0.01)
    assert page.margin_top_mm * MM <= mark.top < page.margin_top_mm * MM + page.pitch_pt
    assert mark.sizes == {16}
    (line,) = [line for line in job.layout.pages[0].lines if line.slot == 0]
    assert {segment.role for segment in line.segments} == {"hei"}


def test_the_classification_mark_heads_each_brief(tmp_path):
    from briefgen.briefs.maker import make_briefs
    from briefgen.briefs.themes import load_themes, themes_path
    from briefgen.outline.seeds import load_seed
    from briefgen.render import Renderer
    from briefgen.words.segment import Segmenter

    def tokens_of(texts):
        segmenter = Segmenter("".join(texts))
        return [segmenter.tokens(text) for text in texts]

    project = project_with(tmp_path, f'[document]\nunit = "XX市委组织部"\nclassification = "{MARK}"\n')
    briefs = make_briefs(load_seed(SEED).outline, load_themes(themes_path(SEED), "themes"), Renderer(project),
                         tokens_of)
    assert briefs
    for brief in briefs[:2]:
        path = tmp_path / f"{brief.stem}.pdf"
        path.write_bytes(write_pdf(brief.job))
        ((inside, _below),) = read_pages(path, brief.job.sheet)
        assert inside[0].text == MARK.replace("　", "") and inside[1].text == "工作简报"
        assert inside[0].left == pytest.approx(28 * MM, abs=0.01)


def test_without_a_classification_the_cover_starts_with_its_title(tmp_path):
    job = compilation(project_with(tmp_path))
    assert [job.layout.blocks[line.block].style for line in job.layout.pages[0].lines][0] == "cover_title"


def test_the_page_number_digits_and_dashes_are_drawn_in_one_face(tmp_path):
    job = compilation(project_with(tmp_path))
    path = tmp_path / "c.pdf"
    path.write_bytes(write_pdf(job))
    numbers = [below[0] for _inside, below in read_pages(path, job.sheet) if below]
    assert len(numbers) == sum(page.number is not None for page in job.layout.pages)
    faces = {font for number in numbers for font in number.fonts}
    assert len(faces) == 1
    (song,) = [font for font in pdf_fonts(path) if font["name"] in faces]
    assert "NotoSerifSC" in song["name"]  # the bundled 宋体 stand-in
