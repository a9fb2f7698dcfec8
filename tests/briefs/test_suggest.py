"""`briefgen themes suggest`: a theme file of the seed's own words, none of them genre filler, that the build can use."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from briefgen.briefs.maker import make_briefs
from briefgen.briefs.suggest import stopwords, suggest_themes, toml_string
from briefgen.briefs.themes import parse_themes
from briefgen.cli.commands import main
from briefgen.project.folder import load_project
from briefgen.render import Renderer
from briefgen.words.segment import Segmenter


def tokens_of(texts):
    segmenter = Segmenter("".join(texts))
    return [segmenter.tokens(text) for text in texts]


@pytest.fixture()
def suggested(project_dir):
    result = CliRunner().invoke(main, ["themes", "suggest", "seeds/000_d46ae736df1a2878.txt"])
    assert result.exit_code == 0, result.output
    return result.output


def test_suggests_a_valid_theme_file(suggested):
    found = parse_themes(suggested, "suggested.toml")
    assert len(found.themes) == 8
    assert len({t.name for t in found.themes}) == 8
    assert all(t.keywords[0] == t.name for t in found.themes)


def test_suggested_keywords_are_words_of_the_seed_and_not_stopwords(suggested, seed_text):
    words = set(Segmenter(seed_text).cut(seed_text))
    stop = stopwords()
    assert {"习近平", "新时代", "进一步", "贯彻落实", "工作", "加强", "重要"} <= stop
    for theme in parse_themes(suggested, "suggested.toml").themes:
        for keyword in theme.keywords:
            assert keyword in words, keyword
            assert keyword not in stop, keyword


def test_each_speech_proposes_its_topic(seed_outline):
    themes = suggest_themes(seed_outline, tokens_of, count=6)
    assert [t.name for t in themes] == ["考试", "考核", "先进典型", "乡镇", "法律法规", "法治"]
    assert themes[1].speeches == (2, 4, 5)


def test_every_suggested_theme_makes_a_one_page_brief(suggested, project_dir, seed_outline):
    renderer = Renderer(load_project(project_dir))
    theme_file = parse_themes(suggested, "suggested.toml")
    warnings = []
    briefs = make_briefs(seed_outline, theme_file, renderer, tokens_of, warn=warnings.append)
    assert not warnings
    assert [b.theme.name for b in briefs] == [t.name for t in theme_file.themes]
    assert all(len(b.job.layout.pages) == 1 for b in briefs)


def test_count_limits_the_themes(project_dir):
    result = CliRunner().invoke(main, ["themes", "suggest", "-n", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.count("[[theme]]") == 3


def test_with_several_seeds_one_must_be_named(project_dir):
    shutil.copy(project_dir / "seeds" / "000_d46ae736df1a2878.txt", project_dir / "seeds" / "001.txt")
    result = CliRunner().invoke(main, ["themes", "suggest"])
    assert result.exit_code == 2
    assert "seeds:1: error: 2 seeds in seeds/" in result.output


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
