"""The DOCX rendered by a real client: LibreOffice (headless, bundled fonts through fontconfig) makes a
PDF that is read back with PDFium and compared with what briefgen's layout core computed."""

from __future__ import annotations

import json
import re

import pytest

from briefgen.fonts.faces import BUNDLED_DIR
from briefgen.marks import is_narrow
from briefgen.project.style import MM
from briefgen.writers.docx import write_docx

from support.docx import Package, brief_job, make_project, seed_job
from support.lo import LibreOffice, glyph_boxes, read_pdf, rules, write_fontconfig
from support.paths import SEED

PITCH = 579 / 20  # the DOCX line grid, points
TOLERANCE = 1.0  # points


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("lo-project"))


@pytest.fixture(scope="module")
def office(tmp_path_factory, project) -> LibreOffice:
    folder = tmp_path_factory.mktemp("libreoffice")
    return LibreOffice(folder / "profile", write_fontconfig(folder / "fontconfig", dict(project.style.fonts)))


@pytest.fixture(scope="module")
def seed(project, office, tmp_path_factory):
    job = seed_job(project, SEED)
    folder = tmp_path_factory.mktemp("lo-seed")
    path = folder / "seed.docx"
    path.write_bytes(write_docx(job))
    pdf = office.convert(path, folder)
    return job, pdf, read_pdf(pdf)


@pytest.fixture(scope="module")
def brief(project, office, tmp_path_factory):
    job = brief_job(project, paragraphs=3)
    folder = tmp_path_factory.mktemp("lo-brief")
    path = folder / "brief.docx"
    path.write_bytes(write_docx(job))
    pdf = office.convert(path, folder)
    return job, pdf, read_pdf(pdf)


@pytest.fixture(scope="module")
def area(project):
    page = project.style.page
    top, left = page.margin_top_mm * MM, page.margin_left_mm * MM
    bottom = (page.height_mm - page.margin_bottom_mm) * MM
    right = (page.width_mm - page.margin_right_mm) * MM
    return top, left, bottom, right


def in_area(page, area):
    """Return the lines of a rendered page inside the type area (the page number is below it)."""
    return [line for line in page.lines if line.bottom <= area[2] + TOLERANCE]


def layout_texts(page) -> list[str]:
    """Return the layout core's lines of a page as printed text (contents leaders reduced to nothing)."""
    texts = ["".join(c for c in line.text if not c.isspace()) for line in page.lines]
    return [without_leader(t) for t in texts if t]


def without_leader(text: str) -> str:
    """Return a line without a contents dot leader (whose dot count depends on the renderer)."""
    return re.sub(r"\.{2,}", "", text)


def cells(text: str) -> float:
    return sum(0.5 if is_narrow(c) else 1.0 for c in text)


def test_libreoffice_renders_as_many_pages_as_the_layout_core(seed):
    job, _pdf, pages = seed
    assert len(pages) == len(job.layout.pages) == 20


def test_every_page_shows_the_lines_the_layout_core_broke(seed, area):
    job, _pdf, pages = seed
    for number, (ours, rendered) in enumerate(zip(job.layout.pages, pages), 1):
        assert [without_leader(line.text) for line in in_area(rendered, area)] == layout_texts(ours), number


def test_full_body_pages_have_22_lines(seed, area):
    job, _pdf, pages = seed
    full = [i for i, page in enumerate(job.layout.pages) if page.section == "body" and job.layout.lines_per_page[i] == 22]
    assert len(full) == 12  # six speech openings (title, blank line, text) and six pages of text only
    for index in full:
        assert len(in_area(pages[index], area)) == len(layout_texts(job.layout.pages[index])), index + 1
    text_only = [i for i in full if len(layout_texts(job.layout.pages[i])) == 22]
    assert len(text_only) == 6
    for index in text_only:
        lines = in_area(pages[index], area)
        assert len(lines) == 22
        cjk = [(i, line) for i, line in enumerate(lines) if not any(is_narrow(c) for c in line.text)]
        (first, a), (last, b) = cjk[0], cjk[-1]
        assert abs((b.top - a.top) - (last - first) * PITCH) < TOLERANCE  # one grid line apart


def test_full_lines_hold_28_characters_inside_the_measure(seed, area):
    job, _pdf, pages = seed
    body = [line for i, page in enumerate(pages) if job.layout.pages[i].section == "body" for line in in_area(page, area)]
    full = [line for line in body if len(line.text) == 28 and cells(line.text) == 28]
    assert len(full) > 200
    assert max(cells(line.text) for line in body) <= 28
    for line in full:
        assert abs(line.left - area[1]) < TOLERANCE and line.right <= area[3] + TOLERANCE, line.text


def test_page_numbers_are_right_on_odd_and_left_on_even_pages_one_character_in(seed, area):
    job, _pdf, pages = seed
    character = 14 - 0.25
    for ours, rendered in zip(job.layout.pages, pages):
        below = [line for line in rendered.lines if line.top > area[2]]
        if ours.number is None:
            assert below == []
            continue
        (number,) = below
        assert number.text == f"—{ours.number}—"
        if ours.number % 2:
            assert abs(number.right - (area[3] - character)) < TOLERANCE
        else:
            assert abs(number.left - (area[1] + character)) < TOLERANCE


def test_page_number_baseline_is_where_the_dash_top_falls_7mm_below_the_type_area(seed, area, project):
    _job, pdf, _pages = seed
    spec = project.style.page_number
    digits = [box for box in glyph_boxes(pdf, 2) if box[0].isdigit() and box[2] > area[2]]
    assert digits
    baseline = digits[0][4]
    expected = area[2] + spec.offset_mm * MM + spec.dash_top_em * 14
    assert abs(baseline - expected) < 1.5


def test_speeches_start_on_the_pages_the_layout_core_computed(seed, area):
    job, _pdf, pages = seed
    titles = [b for b in job.document.sections[2].blocks if b.style == "title"]
    starts = []
    for index, page in enumerate(pages):
        first = in_area(page, area)[0].text if in_area(page, area) else ""
        if any(first == title.text.split("\n")[0] for title in titles):
            below = [line.text for line in page.lines if line.top > area[2]]
            starts.append(int(below[0].strip("—")))
    assert starts == [job.layout.page_number(f"speech-{n}") for n in range(1, 7)] == [1, 4, 7, 10, 13, 16]


def test_contents_shows_the_layout_core_page_numbers(seed, area):
    job, _pdf, pages = seed
    entries = [line.text for line in in_area(pages[1], area) if re.search(r"\.+\d+$", line.text)]
    assert [int(re.search(r"(\d+)$", e).group(1)) for e in entries] == [
        job.layout.page_number(f"speech-{n}") for n in range(1, 7)]


def test_libreoffice_draws_every_role_in_its_bundled_font(seed, brief):
    roles = json.loads((BUNDLED_DIR / "fonts.json").read_text(encoding="utf-8"))["roles"]
    bundled = {entry["postscript_name"] for entry in roles.values()}
    used = set().union(*(page.fonts for page in seed[2]), *(page.fonts for page in brief[2]))
    assert used <= bundled | {f"{name},Bold" for name in bundled}  # no fallback face anywhere
    for role in ("title", "body", "hei", "kai", "song", "latin"):
        assert roles[role]["postscript_name"] in used, role


def test_brief_renders_as_one_page_with_the_layout_cores_lines(brief, area):
    job, _pdf, pages = brief
    assert len(job.layout.pages) == len(pages) == 1
    assert [line.text for line in in_area(pages[0], area)] == layout_texts(job.layout.pages[0])
    meta = next(line for line in pages[0].lines if line.text.startswith("XX市委组织部"))
    assert abs(meta.right - area[3]) < TOLERANCE  # the date at the right tab


def test_brief_rules_fall_on_the_grid_lines_the_layout_core_chose(brief, area):
    job, pdf, _pages = brief
    expected = []
    for line in job.layout.pages[0].lines:
        block = job.layout.blocks[line.block]
        if block.rule_above and line.first:
            expected.append(area[0] + line.slot * PITCH)
        if block.rule_below and line.last:
            expected.append(area[0] + (line.slot + line.slots) * PITCH)
    drawn = rules(pdf, 0)
    assert len(drawn) == len(expected) == 5  # masthead, then 版记: above the first line and below each
    for (left, middle, right), y in zip(drawn, sorted(expected)):
        assert abs(middle - y) < 1.5 and abs(left - area[1]) < 3 and abs(right - area[3]) < 3  # ends: half a width
    foot = [line for line in job.layout.pages[0].lines if job.layout.block_sections[line.block] == "footer"]
    assert [line.slot for line in foot] == [19, 20, 21]


def test_libreoffice_still_reads_two_paragraph_properties_wrongly(seed, office, tmp_path):
    """Why lo.py corrects LibreOffice's import: if this fails, LibreOffice is fixed; drop correct_import."""
    job, _pdf, _pages = seed
    path = tmp_path / "seed.docx"
    path.write_bytes(write_docx(job))
    flat = office.run(path, tmp_path, "fodt").read_text(encoding="utf-8")
    styles = Package(path.read_bytes()).raw("word/styles.xml")
    assert b'<w:overflowPunct w:val="0"/>' in styles and b'<w:autoSpaceDE w:val="0"/>' in styles
    assert 'style:punctuation-wrap="hanging"' in flat  # read as hanging punctuation on
    assert 'style:text-autospace="ideograph-alpha"' in flat  # autoSpaceDE="0" ignored


def test_every_brief_of_the_seed_renders_as_the_one_page_the_layout_core_made(tmp_path_factory, office, area):
    from briefgen.briefs.maker import make_briefs
    from briefgen.briefs.themes import load_themes, themes_path
    from briefgen.outline.seeds import load_seed
    from briefgen.render import Renderer
    from briefgen.words.segment import Segmenter

    def tokens_of(texts):
        segmenter = Segmenter("".join(texts))
        return [segmenter.tokens(text) for text in texts]

    folder = tmp_path_factory.mktemp("lo-briefs")
    (folder / "briefgen.toml").write_text(
        '[document]\nunit = "XX市委组织部"\n\n[brief]\nreport_to = "市委、市政府领导"\ncopy_to = "各区委组织部"\n'
        'send_to = "市级各部门"\ncopies = 120\n\n[fonts]\nsystem = false\n', encoding="utf-8")
    from briefgen.project.folder import load_project

    project = load_project(folder)
    outline = load_seed(SEED).outline
    briefs = make_briefs(outline, load_themes(themes_path(SEED), "themes"), Renderer(project), tokens_of)
    assert len(briefs) == 8
    paths = []
    for brief in briefs:
        path = folder / f"{brief.stem}.docx"
        path.write_bytes(write_docx(brief.job))
        paths.append(path)
    for brief, pdf in zip(briefs, office.convert_all(paths, folder / "pdf")):
        (page,) = read_pdf(pdf)
        assert [line.text for line in in_area(page, area)] == layout_texts(brief.job.layout.pages[0]), brief.stem
        assert len(rules(pdf, 0)) == 5, brief.stem  # masthead rule and the four 版记 rules
