"""LibreOffice as a real DOCX client: convert to PDF headless with the bundled fonts, read the PDF back.

LibreOffice finds fonts through fontconfig. ``write_fontconfig`` writes a private configuration
that holds only the bundled fonts and aliases the official family names of the style sheet to
them (方正小标宋简体 -> Noto Serif SC *Bold*, 仿宋_GB2312 -> FandolFang R, ...), so the rendering
does not depend on what the machine has installed. A missing soffice is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from briefgen.fonts.faces import BUNDLED_DIR

SOFFICE = os.environ.get("BRIEFGEN_SOFFICE", "soffice")
TIMEOUT = 240  # seconds; the first conversion also creates the profile
# The PDF as LibreOffice prints it: with the blank pages it inserts itself (before a section that
# starts on an odd page, or where a page number's parity asks for one), which its PDF export run
# from the command line leaves out unless told.
PDF_EXPORT = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


# Fontconfig's own 90-synthetic.conf: a face with no bold weight is emboldened when bold is asked
# for (as Word does for 仿宋_GB2312), so bold sub-point leads show in LibreOffice's rendering.
SYNTHETIC_BOLD = (
    '<match target="font"><test name="weight" compare="less_eq"><const>medium</const></test>'
    '<test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>'
    '<edit name="embolden" mode="assign"><bool>true</bool></edit>'
    '<edit name="weight" mode="assign"><const>bold</const></edit></match>\n')


def write_fontconfig(folder: Path, fonts: dict[str, str]) -> Path:
    """Write fonts.conf aliasing each role's family name (``fonts``: role -> name) to its bundled font."""
    folder.mkdir(parents=True, exist_ok=True)
    roles = json.loads((BUNDLED_DIR / "fonts.json").read_text(encoding="utf-8"))["roles"]
    matches = []
    for role, name in fonts.items():
        entry = roles.get(role)
        if entry is None:
            continue
        bold = entry.get("subfamily") == "Bold"
        weight = ('<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' if bold else "")
        matches.append(
            f'<match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{escape(entry["family"])}</string></edit>'
            f"{weight}</match>")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"<dir>{escape(str(BUNDLED_DIR))}</dir>\n<cachedir>{escape(str(folder / 'cache'))}</cachedir>\n"
        + "\n".join(matches) + "\n" + SYNTHETIC_BOLD + "</fontconfig>\n", encoding="utf-8")
    return config


@dataclass
class LibreOffice:
    """A headless LibreOffice with a private profile and font configuration."""

    profile: Path
    fontconfig: Path

    def convert(self, docx: Path, out_dir: Path) -> Path:
        """Convert ``docx`` to PDF in ``out_dir`` and return the PDF's path.

        LibreOffice 7.4 imports two paragraph properties of the DOCX wrongly (see
        ``correct_import``), so the DOCX is first converted to LibreOffice's own flat format,
        those two properties are set to what the DOCX says, and that is converted to PDF.
        """
        return self.convert_all([docx], out_dir)[0]

    def convert_all(self, docxs: list[Path], out_dir: Path) -> list[Path]:
        """Convert several DOCX files to PDF in ``out_dir`` (one LibreOffice run per step)."""
        flats = self.run_all(docxs, out_dir, "fodt")
        for flat in flats:
            correct_import(flat)
        return self.run_all(flats, out_dir, PDF_EXPORT)

    def run(self, source: Path, out_dir: Path, target: str) -> Path:
        """Convert ``source`` to the ``target`` format in ``out_dir`` and return the new file."""
        return self.run_all([source], out_dir, target)[0]

    def run_all(self, sources: list[Path], out_dir: Path, target: str) -> list[Path]:
        """Convert ``sources`` to the ``target`` format in ``out_dir`` and return the new files."""
        executable = shutil.which(SOFFICE)
        if executable is None:
            raise AssertionError(f"LibreOffice ({SOFFICE}) is not installed: the DOCX rendering tests need it "
                                 "(tools/run-tests installs libreoffice-writer-nogui)")
        out_dir.mkdir(parents=True, exist_ok=True)
        # A UTF-8 locale that exists on every machine: under a locale that is not installed
        # (LANG=zh_CN.UTF-8 without its locale data) soffice cannot open a file with a Chinese name.
        env = {**os.environ, "FONTCONFIG_FILE": str(self.fontconfig), "SAL_USE_VCLPLUGIN": "svp", "LC_ALL": "C.UTF-8"}
        proc = subprocess.run(
            [executable, f"-env:UserInstallation={self.profile.resolve().as_uri()}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(out_dir), *map(str, sources)],
            capture_output=True, text=True, timeout=TIMEOUT * len(sources), env=env)
        extension = target.split(":")[0]
        results = [out_dir / f"{source.stem}.{extension}" for source in sources]
        missing = [r.name for r in results if not r.is_file()]
        if proc.returncode != 0 or missing:
            raise AssertionError(f"LibreOffice failed ({proc.returncode}, missing {missing}): {proc.stdout}\n"
                                 f"{proc.stderr}")
        return results


# What LibreOffice 7.4 makes of the DOCX paragraph properties w:overflowPunct w:val="0" (no hanging
# punctuation) and w:autoSpaceDE/autoSpaceDN w:val="0" (no extra space between CJK and Latin text):
#  - writerfilter's DomainMapper maps overflowPunct to ParaIsHangingPunctuation = (value == 0), the
#    inverse of the standard and of its own DOCX export (which writes hanging -> overflowPunct="true");
#  - it ignores autoSpaceDE/autoSpaceDN, so its default ParaIsCharacterDistance (a kern of a fifth of
#    the font size between CJK and Latin letters or digits) stays on.
# Word, WPS and layout.py do neither; correct_import sets both as the DOCX says.
IMPORT_CORRECTIONS = (
    ('style:punctuation-wrap="hanging"', 'style:punctuation-wrap="simple"'),
    ('style:text-autospace="ideograph-alpha"', 'style:text-autospace="none"'),
)


def correct_import(flat: Path) -> None:
    """Set hanging punctuation and CJK/Latin autospace off in a flat ODF file, as the DOCX asks."""
    text = flat.read_text(encoding="utf-8")
    for wrong, right in IMPORT_CORRECTIONS:
        text = text.replace(wrong, right)
    flat.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class TextLine:
    """Characters the PDF shows on one baseline: text and box in points from the page's top-left corner."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    sizes: tuple[float, ...]
    fonts: tuple[str, ...] = ()  # each character's font


@dataclass(frozen=True)
class PdfPage:
    """One rendered page: its size, text lines (top to bottom) and fonts used."""

    width: float
    height: float
    lines: tuple[TextLine, ...]
    fonts: frozenset[str]


def read_pdf(path: Path) -> list[PdfPage]:
    """Return the text lines of every page, grouped by baseline (PDFium places characters correctly)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pages = []
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = []
            fonts: set[str] = set()
            buffer = bytearray(256)
            x, y = raw.c_double(), raw.c_double()
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if not char or char.isspace():
                    continue
                left, bottom, right, top = textpage.get_charbox(index, loose=True)
                size = raw.FPDFText_GetFontSize(textpage.raw, index)
                length = raw.FPDFText_GetFontInfo(textpage.raw, index, (raw.c_char * len(buffer)).from_buffer(buffer),
                                                  len(buffer), None)
                font = bytes(buffer[:length - 1]).decode("utf-8", "replace") if length else ""
                if font:
                    fonts.add(font)
                raw.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
                chars.append((char, left, right, height - top, height - bottom, size, height - y.value, font))
            textpage.close()
            page.close()
            pages.append(PdfPage(width, height, tuple(group_lines(chars)), frozenset(fonts)))
    finally:
        document.close()
    return pages


BASELINE_TOLERANCE = 1.0  # pt: characters whose origins lie this close share a baseline


def group_lines(chars: list[tuple[str, float, float, float, float, float, float, str]]) -> list[TextLine]:
    """Group characters that share a baseline (their origins' height) into lines, left to right.

    (Grouping by the middles of the characters' boxes split a line's commas off whenever LibreOffice
    embedded a face whose loose boxes follow each glyph rather than the font's ascent and descent.)"""
    lines: list[list[tuple]] = []
    for char in sorted(chars, key=lambda c: (c[6], c[1])):
        if lines and abs(char[6] - lines[-1][0][6]) < BASELINE_TOLERANCE:
            lines[-1].append(char)
            continue
        lines.append([char])
    result = []
    for line in lines:
        line.sort(key=lambda c: c[1])
        result.append(TextLine("".join(c[0] for c in line), min(c[1] for c in line), max(c[2] for c in line),
                               min(c[3] for c in line), max(c[4] for c in line), tuple(c[5] for c in line),
                               tuple(c[7] for c in line)))
    return result


def glyph_boxes(path: Path, page_index: int) -> list[tuple[str, float, float, float, float]]:
    """Return (char, left, top, right, bottom) of each glyph's own outline box on a page, top-down points."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[page_index]
        height = page.get_size()[1]
        textpage = page.get_textpage()
        boxes = []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if char and not char.isspace():
                left, bottom, right, top = textpage.get_charbox(index)
                boxes.append((char, left, height - top, right, height - bottom))
        textpage.close()
        page.close()
        return boxes
    finally:
        document.close()


def rules(path: Path, page_index: int) -> list[tuple[float, float, float]]:
    """Return the horizontal rules drawn on a page as (left, middle, right), top-down points, deduplicated."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[page_index]
        height = page.get_size()[1]
        found = set()
        for obj in page.get_objects():
            if obj.type == raw.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = obj.get_bounds()
                if right - left > 10 * (top - bottom):
                    found.add((round(left, 2), round(height - (top + bottom) / 2, 2), round(right, 2)))
        page.close()
        return sorted(found, key=lambda r: r[1])
    finally:
        document.close()
