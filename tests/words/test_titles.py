"""Title line breaking (GB/T 9704 标题回行): whole words, whole phrases, balanced lines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.document.titles import display_titles
from briefgen.marks import cell_width as measure
from briefgen.words.segment import Segmenter
from briefgen.words.titles import break_titles

# Each seed title, where it breaks, and why a person would break it there.
SEED_TITLES = [
    # A verb phrase (抓实抓好…工程) then 着力 opening the aim: two even 13-character lines.
    ("抓实抓好公务员队伍源头工程着力提升考录工作科学化水平", ("抓实抓好公务员队伍源头工程", "着力提升考录工作科学化水平")),
    # 以 is a preposition opening the second clause (by means of high-quality assessment ...).
    ("聚焦落实国家重大战略以高质量考核推动高质量发展", ("聚焦落实国家重大战略", "以高质量考核推动高质量发展")),
    # Means (完善…强化…) then aim (激励…): breaking after 激励 would split the verb from its object.
    ("完善奖励机制强化典型示范激励广大公务员新时代新担当新作为", ("完善奖励机制强化典型示范", "激励广大公务员新时代新担当新作为")),
    # 努力 opens the aim; 努力|锻造 would split an adverb from its verb, 的|基层 an attribute from its noun.
    ("树牢基层导向优化选育管用努力锻造堪当重任的基层公务员队伍", ("树牢基层导向优化选育管用", "努力锻造堪当重任的基层公务员队伍")),
    # Two verb phrases: 贯彻落实…法律法规 and 提升…水平; the break falls between them.
    ("高质量贯彻落实公务员法律法规提升公务员管理工作科学化规范化水平", ("高质量贯彻落实公务员法律法规", "提升公务员管理工作科学化规范化水平")),
    # 为 opens the purpose clause; the earlier 用 break would leave a 4-character first line and a
    # 29-character second line that does not fit.
    ("坚持不懈用党的创新理论凝心铸魂为建设高素质专业化公务员队伍夯基固本", ("坚持不懈用党的创新理论凝心铸魂", "为建设高素质专业化公务员队伍夯基固本")),
]


@pytest.mark.parametrize("title, expected", SEED_TITLES)
def test_seed_titles_break_at_the_clause_boundary(title, expected):
    assert break_titles([title])[0] == expected


def test_the_document_gives_the_seed_titles_these_lines(seed_outline, sheet):
    assert list(display_titles(seed_outline, sheet).speeches) == [lines for _, lines in SEED_TITLES]


def test_the_outline_holds_each_title_as_the_seed_wrote_it(seed_outline):
    assert [s.title_lines for s in seed_outline.speeches] == [(title,) for title, _ in SEED_TITLES]


def test_every_line_fits_a_22_point_line(seed_outline, sheet):
    for lines in display_titles(seed_outline, sheet).speeches:
        assert all(measure(line) <= 20 for line in lines)


def test_a_title_the_seed_broke_keeps_its_lines(seed_outline, sheet):
    speech = replace(seed_outline.speeches[0], title_lines=("抓实抓好", "公务员队伍源头工程着力提升考录工作科学化水平"))
    outline = replace(seed_outline, speeches=(speech, *seed_outline.speeches[1:]))
    assert display_titles(outline, sheet).speeches[0] == speech.title_lines
    assert display_titles(outline, sheet).speeches[1] == SEED_TITLES[1][1]


def test_short_title_stays_on_one_line():
    assert break_titles(["公务员工作座谈会发言汇编"]) == [("公务员工作座谈会发言汇编",)]
    assert break_titles(["坚持守正创新确保考录工作公平公正"]) == [("坚持守正创新确保考录工作公平公正",)]


def test_short_title_with_two_clear_clauses_breaks_between_them():
    assert break_titles(["坚持守正创新，确保考录工作公平公正"]) == [("坚持守正创新，", "确保考录工作公平公正")]
    assert break_titles(["坚持守正创新 确保公平公正"]) == [("坚持守正创新", "确保公平公正")]


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
