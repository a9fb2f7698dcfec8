"""briefgen preview: PNG pages of the compilation, one per brief, and a contact sheet."""

from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image

from support.cli import out_dir, run


def page_count(path) -> int:
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def test_preview_renders_every_compilation_page_each_brief_and_a_contact_sheet(project):  # noqa: F811
    proc = run(project, "preview")
    folder = out_dir(project)
    pages = sorted((folder / "preview").glob("*-p*.png"))
    assert len(pages) == page_count(folder / "公务员工作座谈会发言汇编.pdf") == 20
    briefs = sorted((folder / "preview" / "briefs").glob("*.png"))
    assert [p.stem for p in briefs] == sorted(p.stem for p in (folder / "briefs").glob("*.pdf"))
    with Image.open(pages[0]) as image:
        assert abs(image.width - 595) <= 1 and abs(image.height - 842) <= 1  # A4 at 72 dpi
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # something is drawn
    with Image.open(folder / "preview" / "contact-sheet.png") as sheet:
        assert sheet.width > 4 * 297 and sheet.height > 2 * 421
    assert "preview/contact-sheet.png" in proc.stderr


def test_preview_pages_option_selects_pages(project):  # noqa: F811
    run(project, "preview", "--pages", "1-2,5", "--dpi", "36")
    names = sorted(p.name for p in (out_dir(project) / "preview").glob("*-p*.png"))
    assert names == [f"公务员工作座谈会发言汇编-p{n:03d}.png" for n in (1, 2, 5)]


def test_preview_before_a_build_is_a_one_line_error(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_text("汇编\n标题\n正文。\n", encoding="utf-8")
    proc = run(tmp_path, "preview", check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("no manifest.json: run `briefgen build` first")
    assert len(proc.stderr.strip().splitlines()) == 1
