"""The document stage: the compilation's blocks built from the outline and the templates, and the
display lines of its titles, decided from the style sheet's title width."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from briefgen.document.compilation import build_compilation
from briefgen.document.model import LINE_BREAK, PageNumbering
from briefgen.document.titles import display_titles
from briefgen.marks import cell_width
from briefgen.outline.parse import parse_text
from briefgen.project.config import Config, DocumentConfig
from briefgen.project.folder import load_project
from briefgen.project.templating import Templates

from support.seed import SEED_TITLES

DATE = dt.date(2026, 11, 28)


def compile_outline(project, outline, config=None):
    """Return the compilation document of ``outline`` with a project's templates, style sheet and configuration."""
    return build_compilation(outline, Templates(project.template_dirs), project.style, config or project.config, DATE)


@pytest.fixture(scope="module")
def compilation(seed_outline, default_project):
    return compile_outline(default_project, seed_outline)


def blocks_of(document, section: str):
    return next(s for s in document.sections if s.name == section).blocks


def test_the_document_gives_the_seed_titles_these_lines(seed_outline, sheet):
    assert list(display_titles(seed_outline, sheet).speeches) == [lines for _, lines in SEED_TITLES]


def test_the_outline_holds_each_title_as_the_seed_wrote_it(seed_outline):
    assert [s.title_lines for s in seed_outline.speeches] == [(title,) for title, _ in SEED_TITLES]


def test_every_line_fits_a_22_point_line(seed_outline, sheet):
    for lines in display_titles(seed_outline, sheet).speeches:
        assert all(cell_width(line) <= 20 for line in lines)


def test_a_title_the_seed_broke_keeps_its_lines(seed_outline, sheet):
    speech = replace(seed_outline.speeches[0], title_lines=("抓实抓好", "公务员队伍源头工程着力提升考录工作科学化水平"))
    outline = replace(seed_outline, speeches=(speech, *seed_outline.speeches[1:]))
    assert display_titles(outline, sheet).speeches[0] == speech.title_lines
    assert display_titles(outline, sheet).speeches[1] == SEED_TITLES[1][1]


def test_cover_shows_title_unit_and_date(default_project, seed_outline):

    config = Config(document=DocumentConfig(unit="XX市委组织部"))
    document = compile_outline(default_project, seed_outline, config)
    cover = document.sections[0].blocks
    assert [(b.style, b.text) for b in cover] == [
        ("cover_title", "公务员工作座谈会发言汇编"), ("cover_unit", "XX市委组织部"), ("cover_date", "2026年11月28日")]


def test_preface_text_opens_the_numbered_part(default_renderer):
    outline = parse_text("汇编\n编者按：本汇编收录六篇发言。\n第一篇讲话\n正文一。\n")
    layout = default_renderer.compilation(outline, DATE).layout
    first_body = [page for page in layout.pages if page.section == "body"][0]
    assert first_body.number == 1 and "编者按" in first_body.lines[0].text




def test_each_speech_starts_a_page_with_its_title_lines_subtitle_unit_and_a_blank_line(default_project):
    outline = parse_text("汇编\n关于基层工作的发言\n——在全市组织工作会议上的发言\n（XX县委组织部）\n正文一。\n"
                         "第二篇讲话\n正文二。\n")
    document = compile_outline(default_project, outline)
    body = blocks_of(document, "body")
    assert [(b.style, b.text) for b in body] == [
        ("title", "关于基层工作的发言"), ("subtitle", "——在全市组织工作会议上的发言"), ("unit", "（XX县委组织部）"),
        ("blank", ""), ("body", "正文一。"), ("title", "第二篇讲话"), ("blank", ""), ("body", "正文二。")]
    titles = [b for b in body if b.style == "title"]
    assert all(b.page_break_before and b.outline_level == 0 for b in titles)
    assert [b.anchor for b in titles] == ["speech-1", "speech-2"]


def test_a_run_in_heading_is_a_styled_run_of_its_paragraph_and_a_heading_alone_is_its_own_block(default_project):
    outline = parse_text("汇编\n讲话\n一、加强基层建设。基层是根本。\n二、健全制度\n制度管长远。一是建章立制。二是狠抓落实。\n")
    document = compile_outline(default_project, outline)
    body = blocks_of(document, "body")[2:]
    run_in, alone, text = body
    assert run_in.style == "body" and [(r.style, r.text) for r in run_in.runs] == [
        ("heading1", "一、加强基层建设。"), (None, "基层是根本。")]
    assert alone.style == "heading1" and alone.text == "二、健全制度" and alone.anchor == "speech-1.2"
    assert [(r.style, r.text) for r in text.runs] == [
        (None, "制度管长远。"), ("subpoint_lead", "一是建章立制。"), ("subpoint_lead", "二是狠抓落实。")]


def test_contents_entries_point_at_the_speeches_and_long_titles_break_where_their_display_lines_do(compilation):
    entries = [b for b in blocks_of(compilation, "contents") if b.ref]
    assert [b.ref for b in entries] == [f"speech-{n}" for n in range(1, 7)]
    for entry, (title, lines) in zip(entries, SEED_TITLES):
        if cell_width(title) > 24:
            assert entry.text == LINE_BREAK.join(lines)
        else:
            assert entry.text == "".join(lines)


def test_page_numbers_take_their_wording_from_the_template(compilation, tmp_path, seed_outline):
    assert compilation.numbering == PageNumbering("— ", " —")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page_number.j2").write_text("第{{ number }}页\n", encoding="utf-8")
    project = load_project(tmp_path)
    document = compile_outline(project, seed_outline)
    assert document.numbering.text(7) == "第7页"


def test_metadata_comes_from_its_template(compilation):
    meta = compilation.metadata
    assert meta.title == "公务员工作座谈会发言汇编" and meta.subject == "发言汇编"
    assert meta.keywords.split("；")[0] == SEED_TITLES[0][0] and meta.date == DATE


def compile_text(default_project, text: str):
    return compile_outline(default_project, parse_text(text))


def test_a_subheading_is_a_heading_of_its_own_style_and_its_points_sit_a_level_deeper(default_project):
    text = ("交流会发言材料\n\n第一篇发言标题\n第一分公司党委书记  杨建国\n正文一。\n把支部建在项目上\n一、第一点。内容。\n"
            "让党员亮在岗位上\n正文二。\n\n第二篇发言标题\n物流公司党总支书记  许海燕\n正文三。\n")
    body = blocks_of(compile_text(default_project, text), "body")
    headings = [(b.style, b.text, b.outline_level) for b in body if b.outline_level]
    assert headings == [("subheading", "把支部建在项目上", 1), ("body", "一、第一点。内容。", 2),
                        ("subheading", "让党员亮在岗位上", 1)]
    assert default_project.style.styles["subheading"].word_name == "小标题"


def test_the_closing_note_follows_the_last_speech_in_its_style(default_project):
    text = "发言摘编\n第一篇讲话\n正文一。\n第二篇讲话\n正文二。\n（本版内容以发言先后为序）\n"
    body = blocks_of(compile_text(default_project, text), "body")
    assert (body[-2].text, body[-1].style, body[-1].text) == ("正文二。", "closing", "（本版内容以发言先后为序）")


def test_one_speech_alone_has_only_its_body_and_its_title_heads_it(default_project):
    document = compile_text(default_project, "聚焦三个强化推动队伍优化提升\n近年来，我县抓好队伍建设。\n")
    assert [s.name for s in document.sections] == ["body"]
    first = document.sections[0].blocks[0]
    assert (first.style, first.text, first.page_break_before) == ("title", "聚焦三个强化推动队伍优化提升", True)
    assert document.metadata.title == "聚焦三个强化推动队伍优化提升"


def test_a_collection_of_one_speech_has_a_cover_but_no_contents(default_project):
    document = compile_text(default_project, "发言汇编\n第一篇讲话\n正文一。\n")
    assert [s.name for s in document.sections] == ["cover", "body"]


def test_a_title_the_seed_broke_keeps_each_lines_seed_line(default_project):
    text = "推进会交流发言\n坚持大抓基层鲜明导向\n推动村级组织全面进步\n（滨河县委组织部）\n正文一。\n第二篇讲话\n（XX市委组织部）\n正文二。\n"
    document = compile_text(default_project, text)
    title = blocks_of(document, "body")[0]
    assert [(r.text, r.line) for r in title.runs] == [("坚持大抓基层鲜明导向", 2), ("\n", 3), ("推动村级组织全面进步", 3)]
    entry = blocks_of(document, "contents")[1]
    assert [(r.text, r.line) for r in entry.runs] == [("坚持大抓基层鲜明导向", 2), ("推动村级组织全面进步", 3)]
