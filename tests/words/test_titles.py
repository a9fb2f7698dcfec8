"""Title line breaking (GB/T 9704 标题回行): whole words, whole phrases, balanced lines."""

from __future__ import annotations

import pytest

from briefgen.marks import cell_width as measure
from briefgen.words.segment import Segmenter
from briefgen.words.titles import break_titles

from support.seed import SEED_TITLES


@pytest.mark.parametrize("title, expected", SEED_TITLES)
def test_seed_titles_break_at_the_clause_boundary(title, expected):
    assert break_titles([title])[0] == expected


def test_short_title_stays_on_one_line():
    assert break_titles(["公务员工作座谈会发言汇编"]) == [("公务员工作座谈会发言汇编",)]
    assert break_titles(["坚持守正创新确保考录工作公平公正"]) == [("坚持守正创新确保考录工作公平公正",)]


def test_short_title_with_two_clear_clauses_breaks_between_them():
    assert break_titles(["坚持守正创新，确保考录工作公平公正"]) == [("坚持守正创新，", "确保考录工作公平公正")]
    assert break_titles(["坚持守正创新 确保公平公正"]) == [("坚持守正创新", "确保公平公正")]


def test_short_title_of_phrases_breaks_at_the_space_giving_the_most_even_lines():
    assert break_titles(["强基固本 铸魂育人 推动高质量发展"]) == [("强基固本 铸魂育人", "推动高质量发展")]
    assert break_titles(["做强平台 纵深推进 双向发力"]) == [("做强平台", "纵深推进 双向发力")]  # as even either way


def test_subtitle_dash_starts_the_second_line():
    lines = break_titles(["以高质量党建引领基层治理现代化——在全省组织工作会议上的发言"])[0]
    assert lines == ("以高质量党建引领基层治理现代化", "——在全省组织工作会议上的发言")


OTHER_TITLES = [
    "深入贯彻落实习近平新时代中国特色社会主义思想推动组织工作高质量发展",
    "以高质量党建引领基层治理现代化为推进乡村全面振兴提供坚强组织保证",
    "持续深化公务员分类管理改革不断提高机关干部队伍专业化水平",
]


@pytest.mark.parametrize("title", [t for t, _ in SEED_TITLES] + OTHER_TITLES)
def test_never_breaks_inside_a_word(title):
    words = Segmenter(title).cut(title)
    boundaries = {sum(len(w) for w in words[:i]) for i in range(len(words) + 1)}
    lines = break_titles([title])[0]
    assert "".join(lines) == title
    cuts = [sum(len(line) for line in lines[:i]) for i in range(1, len(lines))]
    assert set(cuts) <= boundaries


def test_very_long_title_takes_more_lines_each_fitting():
    title = "全面贯彻落实党的二十大精神奋力谱写中国式现代化建设新篇章努力开创组织工作高质量发展新局面"
    lines = break_titles([title])[0]
    assert len(lines) == 3 and "".join(lines) == title
    assert all(measure(line) <= 20 for line in lines)


def test_unbreakable_text_is_split_evenly():
    title = "A" * 70
    lines = break_titles([title])[0]
    assert "".join(lines) == title and all(measure(line) <= 20 for line in lines)


def test_titles_seen_before_are_broken_from_the_cache_without_segmenting(tmp_path, monkeypatch):
    from briefgen.words import segment

    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path))
    titles = [title for title, _ in SEED_TITLES]
    fresh = break_titles(titles)

    def refuse(text):
        raise AssertionError(f"segmented again: {text}")

    monkeypatch.setattr(segment, "Segmenter", refuse)
    assert break_titles(titles) == fresh
    assert break_titles(titles, tokenize=lambda texts: [[] for _ in texts]) != fresh  # the words matter
