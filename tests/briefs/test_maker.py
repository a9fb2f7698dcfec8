"""Briefs as documents and layouts: one page, verbatim sentences, filled by priority, masthead and 版记 in place."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.briefs.fitting import Fill
from briefgen.briefs.maker import BriefMaker, make_briefs
from briefgen.briefs.selection import excluded_sentences, score_sentences
from briefgen.briefs.themes import Theme, load_themes, parse_themes, themes_path
from briefgen.briefs.units import theme_units
from briefgen.document.model import TAB
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


def make_one(maker, theme, number=1, warn=None):
    """Return one theme's brief, numbered by its place (or None, as select says)."""
    selected = maker.select(theme, number, warn or (lambda message: None))
    issue = theme.issue or maker.config.brief.first_issue + number - 1
    return None if selected is None else maker.build(selected, issue)


@pytest.fixture(scope="module")
def briefs(seed_outline, theme_file, renderer):
    made = make_briefs(seed_outline, theme_file, renderer, tokens_of, "seeds/000_d46ae736df1a2878.txt")
    assert len(made) == len(theme_file.themes), "every shipped theme has a brief"
    return made


def body_blocks(brief):
    body = brief.job.document.sections[1]
    return [b for b in body.blocks if b.style == "brief_body"]


def units_of(maker, theme):
    ranked = score_sentences(maker.corpus, theme, maker.theme_file.selection)
    pinned, units = theme_units(maker.corpus, maker.owned, ranked, theme, maker.theme_file.selection,
                                excluded_sentences(maker.corpus, theme), "t.toml", lambda message: None)
    return pinned + units


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
        runs = [run for block in body_blocks(brief) for run in block.runs if run.style != "brief_source"]
        assert [r.text for r in runs] == [s.sentence.text for s in brief.sentences]
        for run, scored in zip(runs, brief.sentences):
            assert run.line == scored.sentence.line
            assert run.text in lines[run.line - 1], (brief.theme.name, run.text)


def test_the_body_fills_at_least_three_quarters_of_its_lines(briefs, maker):
    for brief in briefs:
        assert brief.lines_available >= 8
        assert brief.lines_used <= brief.lines_available
        full = brief.lines_used >= 0.75 * brief.lines_available
        taken = {s.sentence.index for s in brief.sentences}
        everything = all(set(unit.indices) <= taken for unit in units_of(maker, brief.theme))
        assert full or everything, brief.theme.name


def test_the_measured_lines_are_the_layouts_own(briefs, renderer):
    lines_per_page = renderer.project.style.page.lines_per_page
    for brief in briefs:
        page = brief.job.layout.pages[0]
        blocks = brief.job.layout.blocks
        body = [line for line in page.lines if blocks[line.block].style == "brief_body"]
        footer = [line for line in page.lines if blocks[line.block].style == "brief_footer"]
        assert body[-1].slot + body[-1].slots - body[0].slot == brief.lines_used
        assert footer[-1].slot + footer[-1].slots == lines_per_page  # the 版记 ends on the last grid line
        lead = [line for line in page.lines if blocks[line.block].style == "brief_lead"]
        assert footer[0].slot - (lead[-1].slot + lead[-1].slots) == brief.lines_available


def test_sentences_are_in_reading_order_grouped_under_their_speech(briefs, seed_outline):
    for brief in briefs:
        indices = [s.sentence.index for s in brief.sentences]
        assert indices == sorted(indices)
        heads = [run.text for block in body_blocks(brief) for run in block.runs if run.style == "brief_source"]
        speeches = sorted({s.sentence.speech for s in brief.sentences})
        # The seed's speeches have no unit line: each group opens with its speech's whole title.
        assert heads == [f"《{seed_outline.speeches[n - 1].title}》：" for n in speeches]
        assert all(block.runs[0].style == "brief_source" for block in body_blocks(brief)
                   if any(run.style == "brief_source" for run in block.runs))


def test_nothing_left_out_would_have_fitted(maker, briefs, renderer):
    """Filled by priority: every unit left out repeats a sentence taken or overflows the page."""
    limit = maker.theme_file.selection.max_similarity
    for number, brief in enumerate(briefs[:3], 1):
        selected = maker.select(brief.theme, number, lambda message: None)
        taken = {s.sentence.index for s in brief.sentences}
        for unit in units_of(maker, brief.theme):
            new = [i for i in unit.indices if i not in taken]
            if not new:
                continue
            repeat = any(maker.corpus.similarity(i, other) > limit for i in new for other in taken)
            fill = Fill({speech: list(indices) for speech, indices in selected.fill.taken.items()})
            fill.taken[unit.speech] = sorted(fill.taken.get(unit.speech, []) + new)
            pages = len(renderer.job(maker._document(replace(selected, fill=fill), brief.issue)).layout.pages)
            assert repeat or pages > 1, (brief.theme.name, [maker.corpus.sentences[i].text for i in new])


def test_higher_ranked_units_are_taken_first(maker, briefs):
    for brief in briefs:
        best = units_of(maker, brief.theme)[0]
        assert set(best.indices) <= {s.sentence.index for s in brief.sentences}


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


def test_a_theme_may_set_its_own_issue(seed_outline, theme_file, renderer):
    themes = (theme_file.themes[0], replace(theme_file.themes[1], issue=7), theme_file.themes[2])
    made = make_briefs(seed_outline, replace(theme_file, themes=themes), renderer, tokens_of)
    assert [b.issue for b in made] == [31, 7, 32]
    assert [b.job.document.sections[0].blocks[1].text for b in made] == ["第31期", "第7期", "第32期"]


def test_a_theme_with_nothing_to_say_takes_no_issue_number(seed_outline, theme_file, renderer):
    themes = (theme_file.themes[0], Theme("量子", "量子计算", ("量子计算",), line=41), theme_file.themes[2])
    warnings = []
    made = make_briefs(seed_outline, replace(theme_file, themes=themes), renderer, tokens_of, "s.txt", warnings.append)
    assert [(b.theme.name, b.issue, b.stem) for b in made] == [("考录", 31, "01-考录"), ("奖励激励", 32, "03-奖励激励")]
    assert warnings == [f"{theme_file.path}:41: warning: theme '量子' matches no sentence of s.txt (keywords: 量子计算); "
                        "no brief, and no issue number"]


def test_a_long_headline_is_broken_into_balanced_lines(maker):
    headline = "坚持以高质量考核推动高质量发展着力提升公务员队伍整体素质和工作能力"
    brief = make_one(maker, Theme("考核", headline, ("考核",)))
    title = brief.job.document.sections[1].blocks[0]
    lines = title.text.split("\n")
    assert len(lines) == 2 and "".join(lines) == headline
    assert len(brief.job.layout.pages) == 1


def test_a_theme_matching_nothing_warns_and_makes_no_brief(maker):
    warnings = []
    assert make_one(maker, Theme("量子", "量子计算", ("量子计算",), line=41), 3, warnings.append) is None
    assert len(warnings) == 1
    assert warnings[0].startswith("seeds/000_d46ae736df1a2878.themes.toml:41: warning: theme '量子' ")
    assert "no brief" in warnings[0]


def test_excluded_words_keep_their_sentences_out(maker):
    brief = make_one(maker, Theme("基层", "基层", ("基层",), exclude=("乡镇",)))
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


def test_a_bad_theme_file_stops_the_build(tmp_path):
    from briefgen.build.builder import build_seed
    from briefgen.project.folder import load_project

    seed = tmp_path / "seeds" / "x.txt"
    seed.parent.mkdir()
    shutil.copy(SEED, seed)
    project = load_project(tmp_path)
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
        themes = tuple(t for t in theme_file.themes if t.name == "基层")
        brief = make_briefs(seed_outline, replace(theme_file, themes=themes, selection=selection), renderer, tokens_of)[0]
        return {s.sentence.speech for s in brief.sentences}

    spread = speeches(theme_file.selection)
    assert len(spread) >= 2
    assert len(speeches(replace(theme_file.selection, speech_decay=1.0))) < len(spread)


def test_a_speech_with_a_unit_line_is_attributed_to_its_unit(renderer):
    from briefgen.outline.parse import parse_text

    outline = parse_text("测试汇编\n关于基层工作的发言\n（XX市委组织部）\n一、加强基层建设。基层是根本，基层工作要抓实。\n"
                         "二、关心基层干部。要关心关爱基层干部。\n")
    theme_file = parse_themes("[[theme]]\nname = '基层'\nheadline = '基层'\nkeywords = ['基层']\n", "t.toml")
    brief = make_briefs(outline, theme_file, renderer, tokens_of)[0]
    blocks = body_blocks(brief)
    assert [(b.style, b.text) for b in blocks] == [
        ("brief_body", "XX市委组织部：加强基层建设。基层是根本，基层工作要抓实。关心基层干部。要关心关爱基层干部。")]
    assert [(r.text, r.style, r.line) for r in blocks[0].runs][0] == ("XX市委组织部：", "brief_source", 2)
    assert brief.lines_used < 0.75 * brief.lines_available and len(brief.sentences) == brief.matching


def test_a_heading_without_its_stop_ends_its_paragraph(renderer):
    from briefgen.outline.parse import parse_text

    outline = parse_text("测试汇编\n关于基层工作的发言\n一、加强基层建设\n基层是根本，基层工作要抓实。\n")
    theme_file = parse_themes("[[theme]]\nname = '基层'\nheadline = '基层'\nkeywords = ['基层']\n", "t.toml")
    blocks = body_blocks(make_briefs(outline, theme_file, renderer, tokens_of)[0])
    assert [b.text for b in blocks] == ["《关于基层工作的发言》：加强基层建设", "基层是根本，基层工作要抓实。"]
