"""Themes found in the text: names and keywords are words of the collection and never filler, headlines are
phrases of the compilers' own titles and headings, and `themes suggest` prints what a build derives."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from click.testing import CliRunner

from briefgen.briefs.derive import derive_themes
from briefgen.briefs.filler import stopwords
from briefgen.briefs.maker import make_briefs
from briefgen.briefs.selection import collection_sentences
from briefgen.briefs.suggest import derived_theme_file, theme_file_text, toml_string
from briefgen.briefs.themes import parse_themes
from briefgen.cli.commands import main
from briefgen.outline.model import iter_points
from briefgen.outline.seeds import load_seed
from briefgen.project.folder import load_project
from briefgen.render import Renderer
from briefgen.words.segment import Segmenter

from support.cli import run
from support.paths import DATA, ROOT, SEED

CORPUS = ROOT / "tests" / "corpus"
# Seeds the parser reads sensibly (`briefgen outline --format tree`): the bundled one, four of my own in four
# fields written before any derivation was tuned, and six of the reading corpus.
SEEDS = [SEED, *sorted((DATA / "seeds").glob("*.txt")),
         *(CORPUS / f"{name}.txt" for name in ("05-two-line-titles", "07-occasion-lines", "09-ideographic-space-indent",
                                               "10-inconsistent-indent", "13-count-parenthesised", "16-no-boundaries"))]
GENERIC = {"工作", "情况", "营造", "标准", "活动", "计划", "客厅", "商量", "作为", "建设", "发展"}


def tokens_of(texts):
    segmenter = Segmenter("".join(texts))
    return [segmenter.tokens(text) for text in texts]


def summaries(outline) -> list[str]:
    """Return the compilers' own summaries: speech titles, point headings, sub-point leads."""
    found = [s.title for s in outline.speeches]
    found += [s.text for s in collection_sentences(outline) if s.role in ("heading", "lead")]
    return found


def words_of(outline) -> set[str]:
    """Return every stretch of the collection's text that starts and ends on one of jieba's word boundaries."""
    texts = [s.title for s in outline.speeches] + [s.text for s in collection_sentences(outline)]
    words = set()
    for tokens in tokens_of(texts):
        pieces = [t.word for t in tokens]
        for start in range(len(pieces)):
            for stop in range(start + 1, min(len(pieces), start + 4) + 1):
                words.add("".join(pieces[start:stop]))
    return words


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.stem)
def derived(request):
    outline = load_seed(request.param).outline
    return outline, derive_themes(outline, tokens_of)


def test_names_and_keywords_are_words_of_the_collection_and_not_filler(derived):
    outline, themes = derived
    words, stop = words_of(outline), stopwords()
    for theme in themes:
        for word in theme.keywords:
            assert word in words, (outline.title, word)
            assert word not in stop and word not in GENERIC, (outline.title, word)
        assert theme.keywords[0] == theme.name and 2 <= len(theme.name) <= 4
        assert len(set(theme.keywords)) == len(theme.keywords)


def test_headlines_are_phrases_of_the_summaries_holding_the_name(derived):
    outline, themes = derived
    texts = summaries(outline)
    for theme in themes:
        assert not theme.headline.endswith("工作情况") and theme.headline != theme.name
        assert theme.name in theme.headline
        assert any(theme.headline in text for text in texts), (outline.title, theme.headline)
        assert theme.headline[-1] not in "，。；：、" and theme.headline[0] not in "，。；：、"


@pytest.mark.parametrize("seed", [*SEEDS, CORPUS / "02-court-digest.txt"], ids=lambda p: p.stem)
def test_no_two_briefs_share_a_headline_or_a_phrase_of_one(seed):
    # 02-court-digest: 科技 and 司法 both stood strongest in one speech title, and got it as their headline
    headlines = [t.headline for t in derive_themes(load_seed(seed).outline, tokens_of)]
    assert not [(a, b) for i, a in enumerate(headlines) for b in headlines[i + 1:] if a in b or b in a]


def test_themes_are_shared_by_several_speeches(derived):
    outline, themes = derived
    names = [t.name for t in themes]
    assert len(names) == len(set(names)) and len(themes) <= 6
    for theme in themes:
        assert len(theme.speeches) >= 2
        assert not any(a != b and a in b for a in names for b in names)


def test_the_seed_yields_the_subjects_its_titles_name(seed_outline):
    themes = derive_themes(seed_outline, tokens_of)
    names = [t.name for t in themes]
    assert len(themes) >= 3
    assert {"考核", "考录", "基层"} <= set(names)  # the titles of speeches 1, 2 and 4 name them
    by_name = {t.name: t for t in themes}
    assert "招录" in by_name["考录"].keywords
    assert by_name["考核"].headline == "以高质量考核推动高质量发展"  # a clause of speech 2's title


def test_suggest_prints_what_a_build_without_a_theme_file_writes(project_dir):
    result = CliRunner().invoke(main, ["themes", "suggest", "seeds/000_d46ae736df1a2878.txt"])
    assert result.exit_code == 0, result.output
    result_build = CliRunner().invoke(main, ["build", "-q", "seeds/000_d46ae736df1a2878.txt"])
    assert result_build.exit_code == 0, result_build.output
    written = (project_dir / "output" / SEED.stem / "briefs" / "themes.toml").read_text(encoding="utf-8")
    assert result.output == written
    found = parse_themes(written, "t.toml")
    assert [t.name for t in found.themes] == [t.name for t in derive_themes(load_seed(SEED).outline, tokens_of)]


def test_the_suggested_theme_file_comments_in_the_users_language_around_the_same_themes(project_dir, seed_outline,
                                                                                       monkeypatch):
    templates = Renderer(load_project(project_dir)).templates
    themes = derive_themes(seed_outline, tokens_of)
    english = theme_file_text(themes, templates, "seeds/x.txt", "en")
    chinese = theme_file_text(themes, templates, "seeds/x.txt", "zh")
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    assert theme_file_text(themes, templates, "seeds/x.txt") == chinese  # no language given: the user's
    assert english.startswith("# Themes found in the text of\n#   seeds/x.txt\n# what several speeches'")
    assert chinese.startswith("# 以下主题是从种子文件\n#   seeds/x.txt\n# 的正文中找出的：")
    comments = [line for line in chinese.splitlines() if line.startswith("#")]
    assert "# 每个 [[theme]] 对应一期简报：" in comments and "#   issue     可选：本期简报的期号（第N期）；其余简报从 " \
        "briefgen.toml [brief] first_issue 起依次编号" in comments
    assert not [line for line in comments if re.search(r"\b(the|of|a|and|is)\b", line)]
    headers = [line for line in chinese.splitlines() if line.startswith("[[theme]]")]
    assert len(headers) == len(themes)
    for header, theme in zip(headers, themes):
        assert header == f"[[theme]]                     # 第{'、'.join(map(str, theme.speeches))}篇发言"
    read = [parse_themes(text, "t.toml").themes for text in (english, chinese)]
    assert [(t.name, t.headline, t.keywords) for t in read[0]] == [(t.name, t.headline, t.keywords) for t in read[1]]


def test_themes_suggest_and_the_build_write_the_same_chinese_file_under_a_chinese_locale(project_dir):
    env = {**os.environ, "BRIEFGEN_CACHE": "", "LANG": "zh_CN.UTF-8"}
    env.pop("BRIEFGEN_LANG", None)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    suggested = run(project_dir, "themes", "suggest", env=env).stdout
    assert suggested.startswith("# 以下主题是从种子文件\n#   seeds/000_d46ae736df1a2878.txt\n")
    run(project_dir, "build", "-q", env=env)
    written = (project_dir / "output" / SEED.stem / "briefs" / "themes.toml").read_text(encoding="utf-8")
    english = run(project_dir, "themes", "suggest", env={**env, "BRIEFGEN_LANG": "en"}).stdout
    assert written == suggested != english


def test_every_derived_theme_makes_a_one_page_brief(project_dir, seed_outline):
    renderer = Renderer(load_project(project_dir))
    _, theme_file = derived_theme_file(seed_outline, tokens_of, renderer.templates, "seed.txt", "t.toml")
    warnings = []
    briefs = make_briefs(seed_outline, theme_file, renderer, tokens_of, warn=warnings.append)
    assert not warnings
    assert [b.theme.name for b in briefs] == [t.name for t in theme_file.themes]
    assert all(len(b.job.layout.pages) == 1 for b in briefs)


def test_count_limits_the_themes(project_dir):
    result = CliRunner().invoke(main, ["themes", "suggest", "-n", "3"])
    assert result.exit_code == 0, result.output
    assert len(parse_themes(result.output, "t.toml").themes) == 3


def test_with_several_seeds_one_must_be_named(project_dir):
    shutil.copy(project_dir / "seeds" / "000_d46ae736df1a2878.txt", project_dir / "seeds" / "001.txt")
    result = CliRunner().invoke(main, ["themes", "suggest"])
    assert result.exit_code == 2
    assert "seeds: error: 2 seeds in seeds/" in result.output


def test_toml_strings_survive_quotes_and_backslashes():
    for value in ['a"b', "c\\d", "e\nf", "考录"]:
        assert parse_themes(f"[[theme]]\nname = {toml_string(value)}\nheadline = 'h'\nkeywords = ['k']\n",
                            "t").themes[0].name == value.strip()


def test_a_bad_theme_file_stops_the_build_with_its_line(project_dir):
    from briefgen.build.builder import build_seed
    from briefgen.errors import ConfigError

    seed = project_dir / "seeds" / "000_d46ae736df1a2878.txt"
    seed.with_name("000_d46ae736df1a2878.themes.toml").write_text(
        '[[theme]]\nname = "考录"\nheadline = "h"\nkeywords = []\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        build_seed(seed, project_dir / "out", load_project(project_dir), formats=("pdf",))
    assert str(caught.value) == ("seeds/000_d46ae736df1a2878.themes.toml:4: error: theme 1: keywords must name "
                                 "at least one word")
    assert not (project_dir / "out" / "manifest.json").exists()


def test_a_text_of_one_speech_takes_its_themes_from_its_own_headings():
    outline = load_seed(CORPUS / "17-single-with-speaker.txt").outline
    assert len(outline.speeches) == 1
    themes = derive_themes(outline, tokens_of)
    assert themes and all(t.speeches == (1,) for t in themes)  # one speech: its own summaries are all there is
    sentences = [s.text for s in collection_sentences(outline)]
    for theme in themes:
        assert any(theme.headline in text for text in summaries(outline))
        assert sum(theme.name in text for text in sentences) >= 2  # something to quote, not a title's word


def test_sub_headings_without_a_marker_are_summaries_too():
    from briefgen.outline.model import Collection, Paragraph, Point, Speech

    def speech(title, heading, body):
        point = Point(1, 0, "", heading, 3, (Paragraph(body, 4),))
        return Speech(title, (title,), 2, points=(point,))

    outline = Collection("汇编", 1, speeches=(speech("甲", "健全提案办理机制", "提案办理要规范。"),
                                             speech("乙", "提高提案办理质量", "提案办理要提速。")))
    assert [p.level for s in outline.speeches for p in iter_points(s.points)] == [0, 0]
    themes = derive_themes(outline, tokens_of)
    assert themes and themes[0].name in ("提案", "提案办理") and themes[0].speeches == (1, 2)
