"""Brief DOCX files as LibreOffice renders them: exactly one page each, broken where the layout breaks them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.build.builder import build_seed
from briefgen.project.folder import load_project
from briefgen.project.style import MM

from support.lo import LibreOffice, correct_import, read_pdf, write_fontconfig
from support.paths import ROOT

SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
THEMES = SEED.with_name("000_d46ae736df1a2878.themes.toml")
CONFIG = ROOT / "briefgen.toml"  # the bundled project's: unit, date, brief footer


def convert_all(office: LibreOffice, sources: list[Path], out_dir: Path) -> list[Path]:
    """Convert DOCX files to PDF as LibreOffice.convert does (DOCX -> corrected flat ODF -> PDF), in two
    soffice runs for all of them instead of two per file."""
    flats = office.run_all(sources, out_dir, "fodt")
    for flat in flats:
        correct_import(flat)
    return office.run_all(flats, out_dir, "pdf")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("brief-docx")
    (folder / "seeds").mkdir()
    shutil.copy(SEED, folder / "seeds" / SEED.name)
    shutil.copy(THEMES, folder / "seeds" / THEMES.name)
    shutil.copy(CONFIG, folder / "briefgen.toml")
    project = load_project(folder)
    result = build_seed(folder / "seeds" / SEED.name, folder / "out", project, formats=("docx",))
    docx = [result.out_dir / o.path for o in result.outputs if o.kind == "brief"]
    office = LibreOffice(folder / "profile", write_fontconfig(folder / "fontconfig", dict(project.style.fonts)))
    pdfs = convert_all(office, docx, folder / "lo")
    return project, {path.stem: read_pdf(pdf) for path, pdf in zip(docx, pdfs)}


def test_libreoffice_renders_every_brief_as_one_page(rendered):
    _, pages = rendered
    assert len(pages) == 8
    for name, found in pages.items():
        assert len(found) == 1, name


def test_libreoffice_breaks_the_lines_where_the_layout_does(rendered, seed_outline):
    from briefgen.briefs.maker import make_briefs
    from briefgen.briefs.themes import load_themes
    from briefgen.render import Renderer
    from briefgen.words.segment import Segmenter

    project, pages = rendered

    def tokens_of(texts):
        segmenter = Segmenter("".join(texts))
        return [segmenter.tokens(text) for text in texts]

    briefs = make_briefs(seed_outline, load_themes(THEMES), Renderer(project), tokens_of)
    for brief in briefs:
        expected = ["".join(line.text.split()) for line in brief.job.layout.pages[0].lines]
        assert [line.text for line in pages[brief.stem][0].lines] == expected, brief.stem


def test_the_right_tab_sets_the_date_flush_right_and_the_copies_one_character_in(rendered):
    project, pages = rendered
    page = project.style.page
    right = (page.margin_left_mm * MM) + page.measure_pt
    for name, found in pages.items():
        lines = found[0].lines
        meta = next(line for line in lines if line.text.startswith("公务员工作座谈会秘书组"))
        assert meta.text.endswith("2026年11月28日")
        assert meta.left == pytest.approx(page.margin_left_mm * MM, abs=1.5)
        assert meta.right == pytest.approx(right, abs=1.5)
        assert lines[-1].text == "发：本单位各部门（共印120份）"
        footer = project.style.style("brief_footer")  # one character in from the right (GB/T 9704)
        indent = footer.right_indent_chars * (footer.size_pt + page.char_spacing_pt)
        assert lines[-1].right == pytest.approx(right - indent, abs=1.5)
