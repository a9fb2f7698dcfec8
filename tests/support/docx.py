"""Reading a DOCX back as XML, and the documents the DOCX tests write (the seed, a hand-made brief)."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

from briefgen.document.model import TAB, Block, Document, Metadata, Run, Section
from briefgen.job import RenderJob
from briefgen.outline.seeds import load_seed
from briefgen.project.folder import Project, load_project
from briefgen.render import Renderer

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
DATE = dt.date(2026, 11, 28)
UNIT = "XX市委组织部"


def w(name: str) -> str:
    """Return the Clark name of a WordprocessingML attribute or element."""
    return f"{{{W_NS}}}{name}"


def make_project(folder: Path) -> Project:
    """Return a project with a compiling unit, a brief footer and the bundled fonts only."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "briefgen.toml").write_text(
        f'[document]\nunit = "{UNIT}"\n\n[fonts]\nsystem = false\n', encoding="utf-8")
    return load_project(folder)


def seed_job(project: Project, seed: Path) -> RenderJob:
    """Return the laid-out compilation of a seed, as `briefgen build` makes it."""
    outline = load_seed(seed).outline
    return Renderer(project).compilation(outline, DATE)


BRIEF_TEXT = ("近年来，省深入贯彻落实习近平总书记重要指示精神，牢牢把握在全国工作大局中的定位，聚焦落实黄河流域生态"
              "保护和高质量发展、乡村振兴等国家重大战略，不断改进完善公务员考核工作，共招录公务员4.4万人。")


def brief_job(project: Project, paragraphs: int = 2) -> RenderJob:
    """Return a brief laid out by the layout core: masthead with a red rule, a right tab, a body and a 版记."""
    document = Document("brief", (
        Section("masthead", (
            Block("brief_name", (Run("工作简报"),)),
            Block("brief_issue", (Run("第1期"),)),
            Block("brief_meta", (Run(f"{UNIT}{TAB}2026年11月28日"),), rule_below="masthead"),
        )),
        Section("body", (Block("brief_title", (Run("把好入口关提升公务员考录工作质量"),), outline_level=0),
                         Block("brief_source", (Run("《抓实抓好公务员队伍源头工程》"),)))
                + tuple(Block("brief_body", (Run(BRIEF_TEXT),)) for _ in range(paragraphs)), new_page=False),
        Section("footer", (
            Block("brief_footer", (Run("报：市委、市政府领导"),), rule_above="footer_outer", rule_below="footer_inner"),
            Block("brief_footer", (Run("送：各区委组织部"),), rule_below="footer_inner"),
            Block("brief_footer", (Run(f"发：市级各部门{TAB}（共印120份）"),), rule_below="footer_outer"),
        ), new_page=False, at_foot=True),
    ), Metadata("把好入口关提升公务员考录工作质量", "工作简报第1期", UNIT, "考录", DATE))
    return Renderer(project).job(document)


class Package:
    """The parts of a DOCX: names in order, raw bytes and parsed XML."""

    def __init__(self, data: bytes):
        self.data = data
        self.zip = zipfile.ZipFile(BytesIO(data))
        self.names = self.zip.namelist()

    def raw(self, name: str) -> bytes:
        """Return a part's bytes."""
        return self.zip.read(name)

    def xml(self, name: str):
        """Return a part parsed."""
        return etree.fromstring(self.raw(name))

    @property
    def document(self):
        """Return word/document.xml parsed."""
        return self.xml("word/document.xml")

    def style(self, style_id: str):
        """Return the w:style element with ``style_id``."""
        (found,) = self.xml("word/styles.xml").xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)
        return found


def paragraph_text(paragraph) -> str:
    """Return a paragraph's characters from its w:t elements (breaks and tabs are not characters)."""
    return "".join(t.text or "" for t in paragraph.iter(w("t")))


def body_paragraphs(document) -> list:
    """Return the paragraphs after the last section break inside the body: the numbered part."""
    paragraphs = document.findall(f"{w('body')}/{w('p')}")
    breaks = [i for i, p in enumerate(paragraphs) if p.find(f"{w('pPr')}/{w('sectPr')}") is not None]
    return paragraphs[breaks[-1] + 1:] if breaks else paragraphs


def sections_of(document) -> list:
    """Return every w:sectPr in order (inside paragraphs, then the body's own)."""
    return document.findall(f".//{w('sectPr')}")


def value(element, path: str, attribute: str = "val"):
    """Return the w:``attribute`` of the first element at ``path`` under ``element``, or None."""
    found = element.find(path, NS)
    return None if found is None else found.get(w(attribute))
