"""Characters in the PDF: seed text that looks like markup prints as itself, faces and the fallback
draw what they have where the layout put it, characters no font has fail with the seed line,
and `briefgen fonts` tells which face serves each role."""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli.commands import main
from briefgen.document.model import Block, Document, Metadata, Run, Section
from briefgen.fonts.faces import bundled_face
from briefgen.layout.metrics import read_metrics
from briefgen.outline.clean import content_of
from briefgen.project.folder import load_project
from briefgen.project.style import MM
from briefgen.render import Renderer
from briefgen.writers.pdf import write_pdf

from support.cli import build_pdf, run_briefgen
from support.pdf import line_text, outline, read_chars, strokes, text_lines

MARKUP = "正文包含<font size=99>大字</font>、&amp;、<b>、单独的<号、(括号)和\\反斜杠，还有“——”与“――”以及“・”和“§”这些符号需要照原样印出来。"
HEADING = "一、<b>第一点</b>&amp;。"
SEED_TEXT = f"""标记测试发言汇编2篇
关于标记转义的讲话
{MARKUP}
{HEADING}这里是第一点的正文，用来检查书签和一级标题的字体，内容写得长一些以便换行，再长一些，再长一些，再长一些。
堃字测试讲话
正文里有一个堃字，它不在仿宋的字库里，由后备字体画出，所在的行仍然两端对齐到版心右边。
"""
MISSING_LINE = 6
MISSING = SEED_TEXT.replace("由后备字体画出", "由后备字体画出😀")


def write_seed(folder: Path, text: str, name: str = "marks.txt") -> Path:
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    path = folder / "seeds" / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def marks_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("marks")
    return build_pdf(folder, write_seed(folder, SEED_TEXT))


@pytest.fixture(scope="module")
def marks_chars(marks_pdf):
    return [c for page in read_chars(marks_pdf) for c in page]


def test_markup_like_seed_text_prints_as_itself(marks_pdf, marks_chars):
    drawn = content_of("".join(c.text for c in marks_chars))
    assert content_of(MARKUP) in drawn
    assert content_of(HEADING) in drawn
    assert (1, HEADING, 2) in outline(marks_pdf)


def test_characters_sharing_a_glyph_read_back_as_written(marks_chars):
    drawn = "".join(c.text for c in marks_chars)
    assert "“——”与“――”以及“・”" in drawn  # U+2014 and U+2015 share one glyph in the body face


def test_a_character_the_face_lacks_comes_from_the_fallback_in_its_cell(marks_pdf):
    assert not read_metrics(bundled_face("body").path).covers("堃")
    for page in read_chars(marks_pdf):
        for line in text_lines(page):
            text = "".join(c.text for c in line)
            if "堃" in text[1:]:
                index = text.index("堃", 1)
                char = line[index]
                assert char.font.endswith("+BriefgenFallbackHei-Regular")
                assert {c.font for c in line if c.text != "堃"} == {line[0].font}
                pitches = [b.x - a.x for a, b in zip(line, line[1:])]
                assert char.x - line[index - 1].x == pytest.approx(statistics.median(pitches), abs=0.01)
                return
    raise AssertionError("堃 not drawn")


def test_a_glyph_narrower_than_its_cell_is_centred_and_the_grid_holds(marks_pdf):
    advance = read_metrics(bundled_face("body").path).advance("§")
    assert advance < 0.9  # a proportional glyph where the layout gives a full cell
    for page in read_chars(marks_pdf):
        for line in text_lines(page):
            text = "".join(c.text for c in line)
            if "§" in text:
                index = text.index("§")
                before, char, after = line[index - 1], line[index], line[index + 1]
                cell = (after.x - before.x) / 2
                assert cell == pytest.approx(statistics.median(b.x - a.x for a, b in zip(line, line[1:])), abs=0.01)
                cell_start = before.x + cell
                width = char.right - char.x
                assert width == pytest.approx(16 * advance, abs=0.05)
                assert char.x - cell_start == pytest.approx((16 - width) / 2, abs=0.05)
                return
    raise AssertionError("§ not drawn")


def test_a_character_no_font_has_names_its_seed_line(tmp_path):
    write_seed(tmp_path, MISSING)
    proc = run_briefgen(["build", "-o", "out", "seeds/marks.txt"], tmp_path, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"seeds/marks.txt:{MISSING_LINE}: error: character U+1F600 '😀' is in no font "
                                  "(role body, fallback): ")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True


def test_allow_missing_glyphs_builds_and_warns(tmp_path):
    write_seed(tmp_path, MISSING)
    pdf = build_pdf(tmp_path, tmp_path / "seeds" / "marks.txt", "--allow-missing-glyphs")
    # An up-to-date build repeats no warning: force a rebuild to see it again.
    proc = run_briefgen(["build", "-o", "out", "--force", "--allow-missing-glyphs", "seeds/marks.txt"], tmp_path)
    assert f"seeds/marks.txt:{MISSING_LINE}: warning: character U+1F600 '😀' is in no font" in proc.stderr
    pages = read_chars(pdf)
    drawn = content_of("".join(c.text for page in pages for c in page))
    assert "由后备字体画出" in drawn and "😀" not in drawn
    lines = [line for page in pages for line in text_lines(page)]
    (index,) = [i for i, line in enumerate(lines) if line_text(line).endswith("由后备字体画出")]
    after = lines[index + 1]  # the blank (.notdef, which reads back as no text) in its cell, then the comma
    pitch = statistics.median(b.x - a.x for a, b in zip(after, after[1:]))
    blank, comma = after[0], after[1]
    assert blank.text == "" and blank.x == pytest.approx(28 * MM, abs=0.01)
    assert comma.text == "，" and comma.x == pytest.approx(28 * MM + pitch, abs=0.01)


def test_fonts_command_tells_file_reason_family_and_coverage(project_dir):
    write_seed(project_dir, MISSING)
    result = CliRunner().invoke(main, ["fonts"])
    assert result.exit_code == 0, result.output
    out = result.output
    for role in ("title", "body", "hei", "kai", "song", "latin", "latin-bold", "fallback"):
        assert f"\n{role}: " in "\n" + out
    assert "BriefgenBody-FandolFang-Regular.ttf" in out and "why: bundled FandolFang R" in out
    assert "Word name: 仿宋_GB2312" in out and "Word name: 方正小标宋简体" in out
    assert "seeds/000_d46ae736df1a2878.txt:\n  title: all 111 characters covered\n  body: all 837 characters" in out
    assert "    U+5803 '堃' (first at seeds/marks.txt:5): the fallback has it" in out
    assert f"    U+1F600 '😀' (first at seeds/marks.txt:{MISSING_LINE}): NOT in the fallback either" in out


def test_a_configured_font_wins_and_its_own_advances_stay_on_the_grid(tmp_path):
    """A user's font whose comma is 0.6 em and that lacks U+2015 and U+30FB: the comma is centred in its
    cell, U+2015 and U+30FB borrow the glyphs of — and · , and the lines still end at the right edge."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = bundled_face("body").path
    font = TTFont(source)
    keep = (set(SEED_TEXT) | {"\u00b7"}) - {"\u2015", "\u30fb", "\n"}
    options = subset.Options()
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in keep])
    subsetter.subset(font)
    comma = font.getBestCmap()[ord("，")]
    font["hmtx"][comma] = (600, font["hmtx"][comma][1])
    (tmp_path / "fonts").mkdir()
    font.save(tmp_path / "fonts" / "official.ttf")
    (tmp_path / "briefgen.toml").write_text('[fonts]\nsystem = false\n[fonts.files]\nbody = "fonts/official.ttf"\n',
                                            encoding="utf-8")
    pdf = build_pdf(tmp_path, write_seed(tmp_path, SEED_TEXT))
    pages = read_chars(pdf)
    chars = [c for page in pages for c in page]
    drawn = "".join(c.text for c in chars)
    assert "“——”与“――”以及“・”" in drawn
    for char in chars:
        if char.text in "―・，":
            assert char.font.endswith("+FandolFang-Regular"), char
    right = (210 - 26) * MM
    checked = 0
    for page in pages:
        for line in text_lines(page):
            text = line_text(line)
            if "，" in text[:-1] and line[-1].right > right - 8:
                assert line[-1].right == pytest.approx(right, abs=0.5), text
                index = text.index("，")
                comma_char, after = line[index], line[index + 1]
                cell = statistics.median(b.x - a.x for a, b in zip(line, line[1:]))
                assert after.x - line[index - 1].x == pytest.approx(2 * cell, abs=0.01)
                assert comma_char.x - line[index - 1].x == pytest.approx(cell + 0.2 * 16, abs=0.05)
                checked += 1
    assert checked


@pytest.fixture()
def renderer(tmp_path):
    (tmp_path / "briefgen.toml").write_text("[fonts]\nsystem = false\n", encoding="utf-8")
    return Renderer(load_project(tmp_path))


def test_rules_span_the_measure_at_the_block_edges(renderer, tmp_path):
    blocks = (Block("brief_name", (Run("工作简报"),), rule_below="masthead"),
              Block("brief_footer", (Run("报：某某"),), rule_above="footer_outer", rule_below="footer_inner"))
    document = Document("brief", (Section("body", blocks),), Metadata("t", "s", "a", "k", dt.date(2026, 11, 28)))
    job = renderer.job(document)
    (tmp_path / "r.pdf").write_bytes(write_pdf(job))
    sheet = job.sheet
    left, measure, pitch = sheet.page.margin_left_mm * MM, sheet.page.measure_pt, sheet.page.pitch_pt
    top = (sheet.page.height_mm - sheet.page.margin_top_mm) * MM
    found = sorted(strokes(tmp_path / "r.pdf", 0), key=lambda s: -s.top)
    name_slots = sheet.style("brief_name").line_slots
    expected = [(top - name_slots * pitch, 2.25, (0xC8, 0x10, 0x2E)), (top - name_slots * pitch, 0.99, (0, 0, 0)),
                (top - (name_slots + 1) * pitch, 0.71, (0, 0, 0))]
    assert len(found) == 3
    for stroke, (y, width, color) in zip(sorted(found, key=lambda s: (-round(s.top, 1), -s.width)), expected):
        assert (stroke.bottom + stroke.top) / 2 == pytest.approx(y, abs=0.01)
        assert stroke.left == pytest.approx(left - width, abs=0.05)  # PDFium's bounds grow by the stroke width
        assert stroke.right == pytest.approx(left + measure + width, abs=0.05)
        assert stroke.width == pytest.approx(width) and stroke.color == color


def test_the_same_job_written_twice_gives_the_same_bytes(renderer):
    text = "甲乙丙丁" * 40 + "ABC 123 “引号”——破折号。"
    document = Document("compilation", (Section("body", (Block("body", (Run(text, None, 3),)),), numbered=True),),
                        Metadata("t", "s", "a", "k", dt.date(2026, 11, 28)))
    job = renderer.job(document)
    assert write_pdf(job) == write_pdf(job)


@pytest.mark.parametrize("role", ["title", "body", "hei", "kai", "song", "latin", "latin-bold", "fallback"])
def test_the_writers_character_map_agrees_with_fontmetrics(role):
    from briefgen.writers.pdf.fonts import _Face

    face = bundled_face(role)
    metrics = read_metrics(face.path)
    ttf = _Face(str(face.path))
    for code, advance in metrics.advances.items():
        assert ttf.charWidths.get(code) / 1000 == pytest.approx(advance, abs=1e-9), hex(code)
    absent = [code for code in range(0x2000, 0xA000) if code not in metrics.advances]
    assert absent and not any(code in ttf.charToGlyph for code in absent)
