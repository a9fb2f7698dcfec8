"""PNG previews of built PDFs (PDFium via pypdfium2) and a contact sheet, to look without an office suite."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from briefgen.atomic import write_bytes_atomic
from briefgen.build.manifest import read_manifest
from briefgen.errors import BriefgenError
from briefgen.i18n import _

PREVIEW_DIR = "preview"
SHEET_NAME = "contact-sheet.png"
SHEET_COMPILATION_PAGES = 4
SHEET_COLUMNS = 4


@dataclass(frozen=True)
class PreviewResult:
    """The images a preview run wrote, relative to the output folder."""

    pages: tuple[str, ...]
    sheet: str


def parse_pages(spec: str | None, count: int) -> list[int]:
    """Return 1-based page numbers from a spec like '1-3,5' (all pages when empty), within ``count``."""
    if not spec:
        return list(range(1, count + 1))
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            message = _("cannot read page range {range!r}: use e.g. 1-3,5").format(range=part)
            raise BriefgenError("--pages", None, message)
        start, stop = int(first), int(last) if dash else int(first)
        pages.extend(p for p in range(start, stop + 1) if 1 <= p <= count)
    return sorted(set(pages))


def _render(pdf: Path, pages: Sequence[int], dpi: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        for number in pages:
            page = document[number - 1]
            image = page.render(scale=dpi / 72).to_pil()
            page.close()
            yield number, image
    finally:
        document.close()


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def make_contact_sheet(images: Sequence, columns: int = SHEET_COLUMNS, gap: int = 16):
    """Return one image with ``images`` in a grid on a grey ground."""
    from PIL import Image

    width = max(i.width for i in images)
    height = max(i.height for i in images)
    rows = (len(images) + columns - 1) // columns
    used = min(columns, len(images))
    sheet = Image.new("RGB", (used * width + (used + 1) * gap, rows * height + (rows + 1) * gap), (200, 200, 200))
    for index, image in enumerate(images):
        row, column = divmod(index, columns)
        sheet.paste(image.convert("RGB"), (gap + column * (width + gap), gap + row * (height + gap)))
    return sheet


def render_previews(out_dir: Path, pages: str | None = None, dpi: int = 72) -> PreviewResult:
    """Render the compilation's pages and every brief into DIR/preview/, with a contact sheet."""
    manifest = read_manifest(out_dir)
    if manifest is None:
        raise BriefgenError(str(out_dir), None, _("no manifest.json: run `briefgen build` first"))
    pdfs = [e for e in manifest.entries if e.format == "pdf" and (out_dir / e.path).is_file()]
    compilation = [e for e in pdfs if e.kind == "compilation"]
    briefs = sorted((e for e in pdfs if e.kind == "brief"), key=lambda e: e.path)
    target = out_dir / PREVIEW_DIR
    written: list[str] = []
    sheet_images = []
    for entry in compilation:
        pdf = out_dir / entry.path
        wanted = parse_pages(pages, _page_count(pdf))
        for number, image in _render(pdf, wanted, dpi):
            name = f"{Path(entry.path).stem}-p{number:03d}.png"
            write_bytes_atomic(target / name, _png(image))
            written.append(f"{PREVIEW_DIR}/{name}")
        first = parse_pages(f"1-{SHEET_COMPILATION_PAGES}", _page_count(pdf))
        sheet_images += [image for _page, image in _render(pdf, first, dpi / 2)]
    for entry in briefs:
        for _page, image in _render(out_dir / entry.path, [1], dpi):
            name = f"{Path(entry.path).stem}.png"
            write_bytes_atomic(target / "briefs" / name, _png(image))
            written.append(f"{PREVIEW_DIR}/briefs/{name}")
            sheet_images.append(image.resize((image.width // 2, image.height // 2)))
    if not sheet_images:
        raise BriefgenError(str(out_dir), None, _("no PDF outputs to preview"))
    write_bytes_atomic(target / SHEET_NAME, _png(make_contact_sheet(sheet_images)))
    return PreviewResult(tuple(written), f"{PREVIEW_DIR}/{SHEET_NAME}")
