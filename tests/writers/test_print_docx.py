"""Issue 13 in the DOCX's XML: keep-with-next and the page breaks the layout decided, odd-page sections,
mirrored margins and a blank last page when printed on both sides, the classification paragraph."""

from __future__ import annotations

import pytest

from briefgen.writers.docx import write_docx

from support.docx import NS, Package, sections_of, value, w
from support.paths import SEED
from support.printing import compilation, project_with

RIGHT = "[document]\nduplex = true\nspeeches_start_right = true\n"


def paragraphs(package: Package) -> list:
    """Return the body's paragraphs in order (one per layout block, and the blank page's)."""
    return package.document.findall(f"{w('body')}/{w('p')}")


@pytest.fixture(scope="module")
def simplex(tmp_path_factory):
    job = compilation(project_with(tmp_path_factory.mktemp("simplex")))
    return job, Package(write_docx(job))


@pytest.fixture(scope="module")
def duplex(tmp_path_factory):
    job = compilation(project_with(tmp_path_factory.mktemp("duplex"), RIGHT))
    return job, Package(write_docx(job))


def test_heading_styles_keep_with_next_in_word(simplex):
    _job, package = simplex
    for n in range(1, 6):
        assert package.style(f"bg-heading{n}").find("w:pPr/w:keepNext", NS) is not None
    assert package.style("bg-body").find("w:pPr/w:keepNext", NS) is None


def test_the_page_breaks_before_each_chain_the_layout_moved(simplex):
    job, package = simplex
    found = paragraphs(package)
    assert len(found) == len(job.layout.blocks)
    breaks = {index for index, paragraph in enumerate(found)
              if paragraph.find("w:pPr/w:pageBreakBefore", NS) is not None}
    titles = {index for index, block in enumerate(job.layout.blocks) if block.page_break_before}
    first_title = min(titles)
    assert job.layout.moved and breaks == (titles - {first_title}) | job.layout.moved


def test_a_chain_longer_than_a_page_is_not_kept_in_either_format(tmp_path):
    job = compilation(project_with(tmp_path, "[style.styles.body]\nkeep_with_next = true\n"))
    keeping = {index for index, block in enumerate(job.layout.blocks) if job.sheet.style(block.style).keep_with_next}
    not_kept = keeping - job.layout.kept  # chains running on past a page: the speeches' openings, among others
    assert not_kept and keeping & job.layout.kept
    assert any(job.layout.blocks[index].style == "title" for index in not_kept)
    found = paragraphs(Package(write_docx(job)))
    off = {index for index, paragraph in enumerate(found)
           if value(paragraph, "w:pPr/w:keepNext") == "0"}
    assert off == not_kept


def test_simplex_has_no_mirrored_margins_and_no_odd_page_sections(simplex):
    _job, package = simplex
    assert package.xml("word/settings.xml").find("w:mirrorMargins", NS) is None
    assert {value(section, "w:type") for section in sections_of(package.document)} == {"nextPage"}


def test_duplex_mirrors_the_margins_and_starts_contents_body_and_speeches_on_odd_pages(duplex):
    job, package = duplex
    settings = package.xml("word/settings.xml")
    assert settings.find("w:mirrorMargins", NS) is not None and settings.find("w:evenAndOddHeaders", NS) is not None
    sections = sections_of(package.document)
    types = [value(section, "w:type") for section in sections]
    assert types == ["nextPage"] + ["oddPage"] * (1 + 1 + 7)  # cover, contents, body with speech 1, speeches 2-8
    for section in sections:
        margins = section.find("w:pgMar", NS)
        assert (margins.get(w("left")), margins.get(w("right"))) == ("1587", "1474")  # inside 28, outside 26 mm
    starts = [value(section, "w:pgNumType", "start") for section in sections]
    assert starts == [None, None, "1"] + [None] * 7


def test_duplex_ends_on_a_blank_page_without_a_number_when_the_count_is_odd(tmp_path):
    job = compilation(project_with(tmp_path, RIGHT), SEED)
    assert job.layout.pages[-1].blank
    package = Package(write_docx(job))
    found = paragraphs(package)
    assert len(found) == len(job.layout.blocks) + 1 and len(found[-1]) == 0  # an empty <w:p/>
    last = sections_of(package.document)[-1]
    assert value(last, "w:type") == "nextPage"
    footers = {ref.get(w("type")): ref.get(f"{{{NS['r']}}}id") for ref in last.findall("w:footerReference", NS)}
    rels = package.xml("word/_rels/document.xml.rels")
    (target,) = {rel.get("Target") for rel in rels if rel.get("Id") in footers.values()}
    assert package.xml(f"word/{target}").find(".//w:fldChar", NS) is None  # no PAGE field on it


def test_the_classification_is_the_covers_first_paragraph(tmp_path):
    job = compilation(project_with(tmp_path, '[document]\nclassification = "内部资料　注意保存"\n'))
    first = paragraphs(Package(write_docx(job)))[0]
    assert value(first, "w:pPr/w:pStyle") == "bg-classification"
    assert "".join(t.text for t in first.iter(w("t"))) == "内部资料　注意保存"
