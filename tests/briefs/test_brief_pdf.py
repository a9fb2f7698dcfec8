"""Brief PDFs read back with PDFium: one page, the sentences index.json names, masthead, rule and 版记 in place."""

from __future__ import annotations

import ctypes
import json
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from briefgen.build.builder import build_seed
from briefgen.project.folder import load_project
from briefgen.project.style import MM

from support.paths import ROOT

SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
THEMES = SEED.with_name("000_d46ae736df1a2878.themes.toml")
CONFIG = ROOT / "briefgen.toml"  # the bundled project's: unit, date, brief footer


def make_project(folder: Path, themes: str | None = None) -> Path:
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(SEED, folder / "seeds" / SEED.name)
    (folder / "seeds" / THEMES.name).write_text(themes or THEMES.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(CONFIG, folder / "briefgen.toml")
    return folder


def build(folder: Path, formats: tuple[str, ...] = ("pdf",)):
    project = load_project(folder)
    return project, build_seed(folder / "seeds" / SEED.name, folder / "out", project, formats=formats)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = make_project(tmp_path_factory.mktemp("brief-pdf"))
    project, result = build(folder)
    index = json.loads((folder / "out" / "briefs" / "index.json").read_text(encoding="utf-8"))
    return project, result, index


@pytest.fixture(scope="module")
def pdfs(built):
    _, result, index = built
    return {entry["theme"]: read_pdf(result.out_dir / entry["files"][0]) for entry in index["briefs"]}


def read_pdf(path: Path) -> dict:
    """Return a PDF's page count, its first page's text lines (text, left, right, baseline) and rules."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        text = page.get_textpage()
        chars = []
        x, y = ctypes.c_double(), ctypes.c_double()
        for index in range(text.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(text.raw, index):
                continue
            char = text.get_text_range(index, 1)
            if char.isspace():
                continue
            pdfium_c.FPDFText_GetCharOrigin(text.raw, index, x, y)
            chars.append((char, x.value, y.value, text.get_charbox(index, loose=True)[2]))
        lines: list[list] = []
        for char in sorted(chars, key=lambda c: (-c[2], c[1])):
            if lines and abs(lines[-1][0][2] - char[2]) < 0.5:
                lines[-1].append(char)
            else:
                lines.append([char])
        rules = []
        for obj in page.get_objects():
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                r, g, b, a = (ctypes.c_uint() for _ in range(4))
                width = ctypes.c_float()
                pdfium_c.FPDFPageObj_GetStrokeColor(obj.raw, r, g, b, a)
                pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, width)
                left, bottom, right, top = obj.get_bounds()
                # PDFium's bounds of a stroked line reach one line width past its ends
                rules.append({"y": (bottom + top) / 2, "left": left + width.value, "right": right - width.value,
                              "color": f"{r.value:02X}{g.value:02X}{b.value:02X}", "width": width.value})
        return {
            "pages": len(pdf),
            "height": page.get_size()[1],
            "lines": [("".join(c[0] for c in line), line[0][1], line[-1][3], line[0][2]) for line in lines],
            "rules": sorted(rules, key=lambda r: -r["y"]),
        }
    finally:
        pdf.close()


def grid(project):
    """Return the top of the type area (PDF y), the line pitch, the left edge and the measure."""
    page = project.style.page
    return (page.height_mm - page.margin_top_mm) * MM, page.pitch_pt, page.margin_left_mm * MM, page.measure_pt


def baseline(project, slot: int, style: str) -> float:
    sheet = project.style
    top, pitch, _, _ = grid(project)
    spec = sheet.style(style)
    return top - (slot * pitch + spec.line_slots * pitch / 2 + sheet.page.baseline_offset_em * spec.size_pt)


def find(pdf: dict, start: str):
    return next(line for line in pdf["lines"] if line[0].startswith(start))


def test_every_theme_has_a_one_page_pdf_in_the_manifest(built, pdfs):
    project, result, index = built
    names = [entry["theme"] for entry in index["briefs"]]
    assert len(names) == 8
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    briefs = [o for o in manifest["outputs"] if o["kind"] == "brief"]
    assert sorted(o["theme"] for o in briefs) == sorted(names)
    assert all(o["path"].startswith("briefs/") and o["format"] == "pdf" for o in briefs)
    assert any(o["path"] == "briefs/index.json" for o in manifest["outputs"])
    for name, pdf in pdfs.items():
        assert pdf["pages"] == 1, name


def test_index_sentences_are_verbatim_at_their_lines_and_printed(built, pdfs):
    _, _, index = built
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for entry in index["briefs"]:
        printed = "".join(line[0] for line in pdfs[entry["theme"]]["lines"])
        assert entry["sentences"]
        for sentence in entry["sentences"]:
            assert sentence["text"] in lines[sentence["line"] - 1]
            assert "".join(sentence["text"].split()) in printed
        assert entry["lines"]["used"] >= 0.75 * entry["lines"]["available"] or \
            len(entry["sentences"]) == entry["matching_sentences"]


def test_index_names_each_sentences_speech(built, seed_outline):
    _, _, index = built
    for entry in index["briefs"]:
        for sentence in entry["sentences"]:
            speech = seed_outline.speeches[sentence["speech"]["number"] - 1]
            assert sentence["speech"]["title"] == speech.title
            assert speech.line <= sentence["line"]


def test_the_masthead_sits_where_the_style_sheet_puts_it(built, pdfs):
    project = built[0]
    top, pitch, left, measure = grid(project)
    centre = left + measure / 2
    for number, (name, pdf) in enumerate(pdfs.items(), 1):
        masthead = find(pdf, "工作简报")
        assert masthead[0] == "工作简报"
        assert masthead[3] == pytest.approx(baseline(project, 0, "brief_name"), abs=0.3)
        assert (masthead[1] + masthead[2]) / 2 == pytest.approx(centre, abs=1.0)
        issue = find(pdf, "第")
        assert issue[0] == f"第{number}期"
        assert issue[3] == pytest.approx(baseline(project, 2, "brief_issue"), abs=0.3)
        assert (issue[1] + issue[2]) / 2 == pytest.approx(centre, abs=1.0)
        meta = find(pdf, "公务员工作座谈会秘书组")
        assert meta[0] == "公务员工作座谈会秘书组2026年11月28日"
        assert meta[1] == pytest.approx(left, abs=0.5) and meta[2] == pytest.approx(left + measure, abs=1.0)
        assert meta[3] == pytest.approx(baseline(project, 3, "brief_meta"), abs=0.3)


def test_the_red_rule_spans_the_measure_under_the_masthead(built, pdfs):
    project = built[0]
    top, pitch, left, measure = grid(project)
    for name, pdf in pdfs.items():
        red = [r for r in pdf["rules"] if r["color"] == "C8102E"]
        assert len(red) == 1, name
        rule = red[0]
        assert rule["y"] == pytest.approx(top - 4 * pitch, abs=0.3)
        assert rule["width"] == pytest.approx(project.style.rule("masthead").width_pt)
        assert rule["left"] == pytest.approx(left, abs=0.3) and rule["right"] == pytest.approx(left + measure, abs=0.3)
        assert find(pdf, "第")[3] > rule["y"] > max(line[3] for line in pdf["lines"] if line[3] < rule["y"])


def test_the_版记_is_at_the_foot_between_its_rules(built, pdfs):
    project = built[0]
    top, pitch, left, measure = grid(project)
    lines_per_page = project.style.page.lines_per_page
    outer, inner = project.style.rule("footer_outer").width_pt, project.style.rule("footer_inner").width_pt
    for name, pdf in pdfs.items():
        footer = pdf["lines"][-3:]
        assert [line[0] for line in footer] == ["报：中央组织部", "送：各省、自治区、直辖市党委组织部",
                                                 "发：本单位各部门（共印120份）"]
        for slot, line in zip(range(lines_per_page - 3, lines_per_page), footer):
            assert line[3] == pytest.approx(baseline(project, slot, "brief_footer"), abs=0.3)
        footer_style = project.style.style("brief_footer")  # 共印N份 one character in from the right
        character = footer_style.size_pt + project.style.page.char_spacing_pt
        assert footer[2][2] == pytest.approx(left + measure - footer_style.right_indent_chars * character, abs=1.0)
        black = [r for r in pdf["rules"] if r["color"] == "000000"]
        assert [round(r["width"], 2) for r in black] == [round(w, 2) for w in (outer, inner, inner, outer)]
        expected = [top - slot * pitch for slot in range(lines_per_page - 3, lines_per_page + 1)]
        assert [r["y"] for r in black] == pytest.approx(expected, abs=0.3)
        # The grid's last line ends at the type area's foot, short of it only by the pitch's rounding to
        # whole twips (22 x 28.95 pt in 225 mm: 0.9 pt), as in the DOCX.
        assert black[-1]["y"] == pytest.approx(project.style.page.margin_bottom_mm * MM, abs=1.0)
        body = [line for line in pdf["lines"] if black[0]["y"] < line[3] < find(pdf, "第")[3]]
        assert all(line[3] > black[0]["y"] for line in body)


def test_a_theme_matching_nothing_warns_with_its_line_and_gets_no_file(tmp_path):
    themes = THEMES.read_text(encoding="utf-8") + '\n[[theme]]\nname = "量子"\nheadline = "量子计算"\nkeywords = ["量子计算"]\n'
    line = len(THEMES.read_text(encoding="utf-8").splitlines()) + 2
    folder = make_project(tmp_path, themes)
    _, result = build(folder)
    assert any(w.startswith(f"seeds/000_d46ae736df1a2878.themes.toml:{line}: warning: theme '量子'")
               for w in result.warnings)
    assert not any("量子" in o.path for o in result.outputs)
    index = json.loads((result.out_dir / "briefs" / "index.json").read_text(encoding="utf-8"))
    assert "量子" not in [entry["theme"] for entry in index["briefs"]]


def test_editing_keywords_rewrites_only_that_brief(tmp_path):
    original = THEMES.read_text(encoding="utf-8")
    themes = original.replace('keywords = ["考核", "绩效", "考准考实", "考核结果"]', 'keywords = ["绩效", "试点"]')
    assert themes != original
    _, before = build(make_project(tmp_path / "before", original), ("docx", "pdf"))
    _, after = build(make_project(tmp_path / "after", themes), ("docx", "pdf"))
    old = {o.path: o.sha256 for o in before.outputs}
    new = {o.path: o.sha256 for o in after.outputs}
    assert old.keys() == new.keys()
    changed = sorted(path for path in old if old[path] != new[path])
    assert changed == ["briefs/02-考核.docx", "briefs/02-考核.pdf", "briefs/index.json"]
