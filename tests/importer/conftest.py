"""Shared fixtures of the importer tests: Word files in the shapes units send, made with python-docx.

``make`` builds documents: titles, unit lines and headings in direct formatting, automatic
numbering written into numbering.xml (so that the markers exist only as numbering), tables,
images, text boxes, comments, tracked changes. ``run_cli`` runs the real command line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE_FONT, BODY_FONT, HEI, KAI = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"


def set_east_asian(run, font: str) -> None:
    """Give a run an East Asian font (python-docx's font.name sets only the Latin ones)."""
    from docx.oxml.ns import qn

    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), font)
    fonts.set(qn("w:hAnsi"), font)


class DocxMaker:
    """Builds python-docx Documents the way units format speeches."""

    def new_document(self, body_pt: float = 16):
        """Return a new Document whose Normal style is 仿宋 at ``body_pt``."""
        import docx
        from docx.shared import Pt

        document = docx.Document()
        normal = document.styles["Normal"]
        normal.font.size = Pt(body_pt)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        from docx.oxml.ns import qn

        fonts.set(qn("w:eastAsia"), BODY_FONT)
        return document

    def add_para(self, document, *runs, align=None, page_break=False, style=None):
        """Add a paragraph of runs: each a text or (text, dict of size, bold, font)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = document.add_paragraph(style=style)
        if align:
            paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
        paragraph.paragraph_format.page_break_before = page_break or None
        for item in runs:
            text, look = (item, {}) if isinstance(item, str) else item
            run = paragraph.add_run(text)
            if "size" in look:
                run.font.size = Pt(look["size"])
            if look.get("bold"):
                run.font.bold = True
            if "font" in look:
                set_east_asian(run, look["font"])
        return paragraph

    def add_title(self, document, text: str, page_break=False, size=22):
        """Add a centred 二号 小标宋 title paragraph."""
        look = {"size": size, "font": TITLE_FONT}
        return self.add_para(document, (text, look), align="center", page_break=page_break)

    def add_centred(self, document, text: str, font=KAI):
        """Add a centred line in the body size (a unit or speaker line)."""
        return self.add_para(document, (text, {"font": font}), align="center")

    def add_body(self, document, text: str):
        """Add a justified body paragraph."""
        return self.add_para(document, text, align="justify")

    def add_heading(self, document, marker_and_heading: str, rest: str = "", level: int = 1):
        """Add a typed heading: 黑体 (level 1) or 楷体 (level 2) run, then the paragraph's own text."""
        look = {"font": HEI if level == 1 else KAI, "bold": level > 2}
        runs = [(marker_and_heading, look)] + ([rest] if rest else [])
        return self.add_para(document, *runs, align="justify")

    def add_numbering(self, document, levels: list[tuple[str, str]], starts: list[int] | None = None) -> int:
        """Add an abstract list of (numFmt, lvlText) levels and a num using it; return the numId."""
        from docx.oxml import parse_xml

        numbering = document.part.numbering_part.element
        abstract_id = 100 + len(numbering.findall(f"{{{W}}}abstractNum"))
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{(starts or [1] * 9)[i]}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        first_num = numbering.find(f"{{{W}}}num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        return self.add_instance(document, abstract_id)

    def add_instance(self, document, abstract_id: int, start_override: dict[int, int] | None = None) -> int:
        """Add a w:num for an abstract list (with w:startOverride per level); return its numId."""
        from docx.oxml import parse_xml

        numbering = document.part.numbering_part.element
        num_id = 200 + len(numbering.findall(f"{{{W}}}num"))
        overrides = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                            for k, v in (start_override or {}).items())
        numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId '
                                   f'w:val="{abstract_id}"/>{overrides}</w:num>'))
        return num_id

    def find_abstract(self, document, num_id: int) -> int:
        """Return the abstractNumId of a num."""
        numbering = document.part.numbering_part.element
        num = next(n for n in numbering.findall(f"{{{W}}}num") if n.get(f"{{{W}}}numId") == str(num_id))
        return int(num.find(f"{{{W}}}abstractNumId").get(f"{{{W}}}val"))

    def number_para(self, paragraph, num_id: int, ilvl: int):
        """Number a paragraph automatically: w:numPr with numId and ilvl."""
        from docx.oxml import parse_xml

        ppr = paragraph._p.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                                "</w:numPr>"))
        return paragraph

    def add_table(self, document, cells: list[list[str]]):
        """Add a table holding ``cells``."""
        table = document.add_table(rows=len(cells), cols=len(cells[0]))
        for row, values in zip(table.rows, cells):
            for cell, text in zip(row.cells, values):
                cell.text = text
        return table

    def add_image(self, document, folder: Path):
        """Add a paragraph holding a small PNG picture."""
        from PIL import Image

        path = folder / "picture.png"
        Image.new("RGB", (40, 20), (200, 30, 30)).save(path)
        document.add_picture(str(path))

    def add_text_box(self, paragraph, text: str):
        """Add a VML text box holding ``text`` to a paragraph."""
        from docx.oxml import parse_xml

        paragraph._p.append(parse_xml(
            f'<w:r xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:100pt;'
            f'height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
            "</v:textbox></v:shape></w:pict></w:r>"))

    def add_tracked(self, paragraph, inserted: str, deleted: str):
        """Append a tracked insertion and a tracked deletion to a paragraph."""
        from docx.oxml import parse_xml

        stamp = 'w:author="审稿人" w:date="2026-01-01T00:00:00Z"'
        paragraph._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="901" {stamp}><w:r><w:t>{inserted}</w:t></w:r>'
                                      "</w:ins>"))
        paragraph._p.append(parse_xml(f'<w:del xmlns:w="{W}" w:id="902" {stamp}><w:r><w:delText>{deleted}'
                                      "</w:delText></w:r></w:del>"))


@pytest.fixture(scope="session")
def make() -> DocxMaker:
    return DocxMaker()


def run_briefgen(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m briefgen ARGS`` in ``cwd``; return the finished process (text output)."""
    return subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "BRIEFGEN_CACHE": str(cwd / ".cache"), **(env or {})})


@pytest.fixture(scope="session")
def briefgen():
    """Return run_briefgen: run the command line in a folder."""
    return run_briefgen


@pytest.fixture()
def run_cli(tmp_path):
    """Run the command line in ``tmp_path``."""

    def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return run_briefgen(tmp_path, *args, env=env)

    return run


@pytest.fixture()
def outline_of(tmp_path):
    """Return `briefgen outline --format json` of a seed, as a dict."""

    def outline(seed: Path) -> dict:
        proc = run_briefgen(tmp_path, "outline", "--format", "json", str(seed))
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    return outline


def gather_points_text(points: list) -> str:
    """Return the text of outline points in reading order: marker, heading, body, deeper points."""
    return "".join(p["marker"] + p["heading"] + gather_paragraphs_text(p["body"]) + gather_points_text(p["points"])
                   for p in points)


def gather_paragraphs_text(paragraphs: list) -> str:
    """Return the text of outline paragraphs with their sub-points."""
    return "".join(p["text"] + "".join(s["marker"] + s["lead"] + s["text"] for s in p["subpoints"])
                   for p in paragraphs)


def gather_speech_text(speech: dict) -> str:
    """Return every character a speech of the outline holds, in reading order, without whitespace."""
    parts = [speech["title"], (speech["subtitle"] or {}).get("text", ""), (speech["unit"] or {}).get("text", ""),
             gather_paragraphs_text(speech["intro"]), gather_points_text(speech["points"])]
    return "".join("".join(parts).split())


def collect_levels(points: list, depth: int = 0) -> list[tuple[int, str]]:
    """Return (level, marker + heading) of every point, in reading order."""
    found = []
    for point in points:
        found.append((point["level"], point["marker"] + point["heading"]))
        found += collect_levels(point["points"], depth + 1)
    return found


@pytest.fixture(scope="session")
def outline_views():
    """Return helpers that view an outline: text (a speech's characters), levels (its points)."""

    class Views:
        text = staticmethod(gather_speech_text)
        levels = staticmethod(collect_levels)

    return Views
