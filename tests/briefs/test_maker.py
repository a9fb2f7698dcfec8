"""Briefs as documents and layouts: one page, verbatim sentences, filled by priority, masthead and 版记 in place."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.briefs.maker import BriefMaker, make_briefs
from briefgen.briefs.selection import score_sentences
from briefgen.briefs.themes import Theme, load_themes, parse_themes, themes_path
from briefgen.document.model import TAB
from briefgen.document.titles import display_titles
from briefgen.errors import ConfigError
from briefgen.project.folder import load_project
from briefgen.render import Renderer
from briefgen.words.segment import Segmenter

from support.paths import ROOT

SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
CONFIG = """\
[document]
unit = "公务员工作座谈会秘书组"
date = 2026-11-28

[brief]
first_issue = 31
report_to = "中央组织部"
copy_to = "各省、自治区、直辖市党委组织部"
send_to = "本单位各部门"
copies = 120
"""


def tokens_of(texts):
    segmenter = Segmenter("".join(texts))
    return [segmenter.tokens(text) for text in texts]


def make_project(folder: Path, config: str = CONFIG):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "briefgen.toml").write_text(config, encoding="utf-8")
    return load_project(folder)


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    return Renderer(make_project(tmp_path_factory.mktemp("briefs")))


@pytest.fixture(scope="module")
def theme_file():
    return load_themes(themes_path(SEED), "seeds/000_d46ae736df1a2878.themes.toml")


@pytest.fixture(scope="module")
def maker(seed_outline, theme_file, renderer):
    return BriefMaker(seed_outline, theme_file, renderer, tokens_of, "seeds/000_d46ae736df1a2878.txt")


@pytest.fixture(scope="module")
def briefs(maker, theme_file):
    made = [maker.make(theme, number) for number, theme in enumerate(theme_file.themes, 1)]
    assert all(made), "every shipped theme has a brief"
    return made


def body_blocks(brief):
    body = brief.job.document.sections[1]
    return [b for b in body.blocks if b.style != "brief_title"]


def test_the_seed_ships_themes_a_reader_wants(theme_file):
    names = [t.name for t in theme_file.themes]
    assert names == ["考录", "考核", "奖励激励", "基层", "依法管理", "教育培训", "政治标准", "关心关爱"]


def test_every_brief_is_exactly_one_page(briefs):
    for brief in briefs:
        assert brief.job.document.kind == "brief"
        assert len(brief.job.layout.pages) == 1, brief.theme.name


def test_every_body_sentence_is_verbatim_at_its_seed_line(briefs, seed_text):
    lines = seed_text.split("\n")
    for brief in briefs:
        runs = [run for block in body_blocks(brief) if block.style == "brief_body" for run in block.runs]
        assert [r.text for r in runs] == [s.sentence.text for s in brief.sentences]
        for run, scored in zip(runs, brief.sentences):
            assert run.line == scored.sentence.line
            assert run.text in lines[run.line - 1], (brief.theme.name, run.text)


def test_the_body_fills_at_least_three_quarters_of_its_lines(briefs):
    for brief in briefs:
        assert brief.lines_available >= 10
        assert brief.lines_used <= brief.lines_available
        full = brief.lines_used >= 0.75 * brief.lines_available
        assert full or len(brief.sentences) == brief.matching, brief.theme.name


def test_the_measured_lines_are_the_layouts_own(briefs, renderer):
    lines_per_page = renderer.project.style.page.lines_per_page
    for brief in briefs:
        page = brief.job.layout.pages[0]
        blocks = brief.job.layout.blocks
        body = [line for line in page.lines if blocks[line.block].style in ("brief_source", "brief_body")]
        footer = [line for line in page.lines if blocks[line.block].style == "brief_footer"]
        assert body[-1].slot + body[-1].slots - body[0].slot == brief.lines_used
        assert footer[-1].slot + footer[-1].slots == lines_per_page  # the 版记 ends on the last grid line
        title = [line for line in page.lines if blocks[line.block].style == "brief_title"]
        assert footer[0].slot - (title[-1].slot + title[-1].slots) == brief.lines_available


def test_sentences_are_in_reading_order_grouped_under_their_speech(briefs, seed_outline, sheet):
    for brief in briefs:
        indices = [s.sentence.index for s in brief.sentences]
        assert indices == sorted(indices)
        groups = []
        for block in body_blocks(brief):
            if block.style == "brief_source":
                groups.append([])
            else:
                groups[-1].append(block)
        speeches = sorted({s.sentence.speech for s in brief.sentences})
        assert len(groups) == len(speeches)
        heads = [b.text for b in body_blocks(brief) if b.style == "brief_source"]
        lines = display_titles(seed_outline, sheet).speeches
        assert heads == [f"《{lines[n - 1][0]}》" for n in speeches]


def test_nothing_left_out_would_have_fitted(maker, briefs, renderer):
    """Filled by priority: every matching sentence left out repeats one taken or overflows the page."""
    for brief in briefs[:3]:
        theme = brief.theme
        taken = [s.sentence.index for s in brief.sentences]
        masthead, title = maker._masthead_blocks(brief.issue), maker._title_blocks(theme)
        ranked = score_sentences(maker.corpus, theme, maker.theme_file.selection)
        for scored in ranked:
            index = scored.sentence.index
            if index in taken:
                continue
            repeat = any(maker.corpus.similarity(index, other) > maker.theme_file.selection.max_similarity
                         for other in taken)
            pages = len(renderer.job(maker._document(theme, brief.issue, masthead, title, taken + [index]))
                        .layout.pages)
            assert repeat or pages > 1, (theme.name, scored.sentence.text)


def test_higher_ranked_sentences_are_taken_first(maker, briefs):
    for brief in briefs:
        ranked = score_sentences(maker.corpus, brief.theme, maker.theme_file.selection)
        assert brief.sentences and ranked[0].sentence.index in {s.sentence.index for s in brief.sentences}


def test_the_masthead_is_name_issue_unit_and_date_over_a_red_rule(briefs, renderer):
    sheet = renderer.project.style
    for number, brief in enumerate(briefs, 1):
        masthead = brief.job.document.sections[0]
        assert [b.style for b in masthead.blocks] == ["brief_name", "brief_issue", "brief_meta"]
        assert masthead.blocks[0].text == "工作简报"
        assert masthead.blocks[1].text == f"第{30 + number}期"
        assert masthead.blocks[2].text == f"公务员工作座谈会秘书组{TAB}2026年11月28日"
        assert masthead.blocks[2].rule_below == "masthead"
        assert sheet.color(sheet.rule("masthead")) == "C8102E"
        assert sheet.color(sheet.style("brief_name")) == "C8102E"
        meta = next(line for line in brief.job.layout.pages[0].lines
                    if brief.job.layout.blocks[line.block].style == "brief_meta")
        assert meta.right == pytest.approx(sheet.page.measure_pt, abs=1e-6)  # the date is flush right
        assert meta.segments[0].x == 0


def test_the_footer_is_the_configured_版记_between_rules(briefs):
    footer = briefs[0].job.document.sections[2]
    assert footer.at_foot
    assert [b.text for b in footer.blocks] == ["报：中央组织部", "送：各省、自治区、直辖市党委组织部",
                                                f"发：本单位各部门{TAB}（共印120份）"]
    assert [(b.rule_above, b.rule_below) for b in footer.blocks] == [
        ("footer_outer", "footer_inner"), (None, "footer_inner"), (None, "footer_outer")]


def test_without_a_unit_or_footer_the_date_stands_alone(tmp_path, seed_outline, theme_file):
    renderer = Renderer(make_project(tmp_path, '[document]\ndate = 2026-11-28\n'))
    brief = make_briefs(seed_outline, replace(theme_file, themes=theme_file.themes[:1]), renderer, tokens_of)[0]
    sections = brief.job.document.sections
    assert [s.name for s in sections] == ["masthead", "body"]
    date = sections[0].blocks[-1]
    assert (date.style, date.text, date.rule_below) == ("brief_date", "2026年11月28日", "masthead")
    assert brief.issue == 1
    assert brief.lines_available > 13  # no 版记: more room for the body
    assert len(brief.job.layout.pages) == 1


def test_a_theme_may_set_its_own_issue(maker):
    brief = maker.make(Theme("考录", "把好入口关", ("考录",), issue=7), 1)
    assert brief.issue == 7 and brief.job.document.sections[0].blocks[1].text == "第7期"


def test_a_long_headline_is_broken_into_balanced_lines(maker):
    headline = "坚持以高质量考核推动高质量发展着力提升公务员队伍整体素质和工作能力"
    brief = maker.make(Theme("考核", headline, ("考核",)), 1)
    title = brief.job.document.sections[1].blocks[0]
    lines = title.text.split("\n")
    assert len(lines) == 2 and "".join(lines) == headline
    assert len(brief.job.layout.pages) == 1


def test_a_theme_matching_nothing_warns_and_makes_no_brief(maker):
    warnings = []
    assert maker.make(Theme("量子", "量子计算", ("量子计算",), line=41), 3, warnings.append) is None
    assert len(warnings) == 1
    assert warnings[0].startswith("seeds/000_d46ae736df1a2878.themes.toml:41: warning: theme '量子' ")
    assert "no brief" in warnings[0]


def test_excluded_words_keep_their_sentences_out(maker):
    brief = maker.make(Theme("基层", "基层", ("基层",), exclude=("乡镇",)), 1)
    assert brief.sentences and not any("乡镇" in s.sentence.text for s in brief.sentences)


def test_editing_a_themes_keywords_changes_only_its_brief(seed_outline, theme_file, renderer):
    before = make_briefs(seed_outline, theme_file, renderer, tokens_of)
    themes = list(theme_file.themes)
    themes[1] = replace(themes[1], keywords=("绩效", "试点"))
    after = make_briefs(seed_outline, replace(theme_file, themes=tuple(themes)), renderer, tokens_of)
    for old, new in zip(before, after):
        same = [s.sentence for s in old.sentences] == [s.sentence for s in new.sentences]
        assert same == (old.theme.name != "考核"), old.theme.name
        if old.theme.name != "考核":
            assert old.job.layout == new.job.layout


def test_a_seed_without_a_theme_file_has_no_briefs_and_a_bad_one_stops_the_build(tmp_path):
    from briefgen.build.builder import build_seed
    from briefgen.project.folder import load_project

    seed = tmp_path / "seeds" / "x.txt"
    seed.parent.mkdir()
    shutil.copy(SEED, seed)
    project = load_project(tmp_path)
    report = build_seed(seed, tmp_path / "out", project, formats=("pdf",))
    assert [o.kind for o in report.outputs] == ["compilation"]
    seed.with_name("x.themes.toml").write_text('[[theme]]\nname = "a"\nheadline = 1\nkeywords = ["b"]\n',
                                                encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        build_seed(seed, tmp_path / "out", project, formats=("pdf",))
    assert caught.value.line == 3 and caught.value.path.endswith("x.themes.toml")


def test_odd_theme_names_make_safe_file_names(seed_outline, renderer, tmp_path):
    text = "".join(f"[[theme]]\nname = '{name}'\nheadline = '基层工作'\nkeywords = ['基层']\n\n"
                   for name in ['../a/b', 'CON', 'c:\\d*?"<>|', '..'])
    briefs = make_briefs(seed_outline, parse_themes(text, "t.toml"), renderer, tokens_of)
    stems = [b.stem for b in briefs]
    assert stems == ["01-_a_b", "02-_CON", "03-c__d______", "04-theme"]
    for stem in stems:
        target = (tmp_path / "briefs" / f"{stem}.pdf").resolve()
        assert target.parent == (tmp_path / "briefs").resolve()


def test_speech_decay_spreads_a_brief_over_the_speeches(seed_outline, theme_file, renderer):
    def speeches(selection):
        brief = make_briefs(seed_outline, replace(theme_file, themes=theme_file.themes[:1], selection=selection),
                            renderer, tokens_of)[0]
        return {s.sentence.speech for s in brief.sentences}

    spread = speeches(theme_file.selection)
    assert len(spread) >= 3
    assert len(speeches(replace(theme_file.selection, speech_decay=1.0))) < len(spread)


def test_a_speech_with_a_unit_line_is_attributed_to_its_unit(renderer):
    from briefgen.outline.parse import parse_text

    outline = parse_text("测试汇编\n关于基层工作的发言\n（XX市委组织部）\n一、加强基层建设。基层是根本，基层工作要抓实。\n"
                         "二、关心基层干部。要关心关爱基层干部。\n")
    theme_file = parse_themes("[[theme]]\nname = '基层'\nheadline = '基层'\nkeywords = ['基层']\n", "t.toml")
    brief = make_briefs(outline, theme_file, renderer, tokens_of)[0]
    blocks = brief.job.document.sections[1].blocks
    assert [(b.style, b.text) for b in blocks[1:]] == [
        ("brief_source", "XX市委组织部"),
        ("brief_body", "加强基层建设。基层是根本，基层工作要抓实。关心基层干部。要关心关爱基层干部。")]
    assert blocks[1].runs[0].line == 2  # the attribution names the speech's line
    assert brief.lines_used < 0.75 * brief.lines_available and len(brief.sentences) == brief.matching


def test_a_heading_without_its_stop_ends_its_paragraph(renderer):
    from briefgen.outline.parse import parse_text

    outline = parse_text("测试汇编\n关于基层工作的发言\n一、加强基层建设\n基层是根本，基层工作要抓实。\n")
    theme_file = parse_themes("[[theme]]\nname = '基层'\nheadline = '基层'\nkeywords = ['基层']\n", "t.toml")
    blocks = make_briefs(outline, theme_file, renderer, tokens_of)[0].job.document.sections[1].blocks
    assert [b.text for b in blocks if b.style == "brief_body"] == ["加强基层建设", "基层是根本，基层工作要抓实。"]
