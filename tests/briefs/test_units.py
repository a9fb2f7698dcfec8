"""Units of a brief: a lead only with its own text, a heading only with its own body, whole sentences only,
and the editor's pins and drops."""

from __future__ import annotations

import pytest

from briefgen.briefs.selection import Corpus, score_sentences
from briefgen.briefs.themes import Choice, Selection, Theme
from briefgen.briefs.units import UnitMaker, find_choice, own_text, theme_units
from briefgen.outline.parse import parse_text
from briefgen.words.segment import Segmenter

TEXT = """测试汇编
关于基层工作的发言
（XX市委组织部）
基层是根本。为此建议：
一、加强基层建设。一是建强基层组织。全县建成基层党组织120个。二是加强基层保障。
二、关心基层干部
要关心关爱基层干部，落实基层干部待遇。
"""


def tokens_of(texts):
    segmenter = Segmenter("".join(texts))
    return [segmenter.tokens(text) for text in texts]


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_outline(parse_text(TEXT), tokens_of)


def by_text(corpus, start):
    return next(s.index for s in corpus.sentences if s.text.startswith(start))


def test_a_lead_and_a_heading_own_the_text_under_them(corpus):
    owned = own_text(corpus)
    lead = by_text(corpus, "建强基层组织")
    assert [corpus.sentences[i].text for i in owned[lead]] == ["全县建成基层党组织120个。"]
    assert owned[by_text(corpus, "加强基层保障")] == []  # a lead with no text of its own
    heading = by_text(corpus, "加强基层建设")
    assert [corpus.sentences[i].text for i in owned[heading]] == ["全县建成基层党组织120个。"]
    assert [corpus.sentences[i].text for i in owned[by_text(corpus, "关心基层干部")]] == [
        "要关心关爱基层干部，落实基层干部待遇。"]


def test_units_take_a_lead_or_heading_only_with_its_own_text(corpus):
    theme = Theme("基层", "h", ("基层",))
    ranked = score_sentences(corpus, theme, Selection())
    units = UnitMaker(corpus, own_text(corpus), Selection(), set()).units(ranked)
    texts = [[corpus.sentences[i].text for i in unit.indices] for unit in units]
    assert ["建强基层组织。", "全县建成基层党组织120个。"] in texts
    assert ["加强基层建设。", "全县建成基层党组织120个。"] in texts
    assert ["关心基层干部", "要关心关爱基层干部，落实基层干部待遇。"] in texts
    flat = [text for unit in texts for text in unit]
    assert "加强基层保障。" not in flat  # no text of its own: never taken
    assert "为此建议：" not in flat  # ends on ：: never a paragraph's end
    assert all(len(unit) == 1 for unit in texts if corpus.sentences[by_text(corpus, unit[0])].role == "body")
    assert [u.score for u in units] == sorted((u.score for u in units), reverse=True)


def test_a_companion_kept_out_is_replaced_by_the_next_own_sentence():
    text = "汇编\n标题一\n一、加强基层建设。基层要稳。基层要强。\n"
    corpus = Corpus.from_outline(parse_text(text), tokens_of)
    maker = UnitMaker(corpus, own_text(corpus), Selection(), {by_text(corpus, "基层要稳")})
    unit = maker.unit(by_text(corpus, "加强基层建设"), {})
    assert [corpus.sentences[i].text for i in unit.indices] == ["加强基层建设。", "基层要强。"]


def test_choices_name_a_sentence_by_its_text_or_start(corpus):
    assert find_choice(corpus, Choice("全县建成基层党组织", 3)) == [by_text(corpus, "全县建成")]
    assert find_choice(corpus, Choice("全县 建成基层党组织120个。", 3)) == [by_text(corpus, "全县建成")]
    assert find_choice(corpus, Choice("没有这句话", 3)) == []
    assert find_choice(corpus, Choice("一是建强基层组织。", 3)) == [by_text(corpus, "建强基层组织")]  # copied with its marker


def test_pins_and_drops_are_applied_and_unknown_ones_warn(corpus):
    theme = Theme("基层", "h", ("基层",), line=2, pin=(Choice("二是加强基层保障", 5), Choice("基层是根本", 6)),
                  drop=(Choice("要关心关爱基层干部", 7), Choice("早已删去的一句", 8)))
    warnings = []
    ranked = score_sentences(corpus, theme, Selection())
    pinned, units = theme_units(corpus, own_text(corpus), ranked, theme, Selection(), set(), "t.toml", warnings.append)
    assert [[corpus.sentences[i].text for i in u.indices] for u in pinned] == [["基层是根本。"]]
    assert all(u.pinned for u in pinned)
    assert not any(by_text(corpus, "要关心关爱") in u.indices for u in units)
    assert len(warnings) == 2
    warnings.sort(key=lambda w: int(w.split(":")[1]))
    assert warnings[0] == "t.toml:5: warning: pin '二是加强基层保障' has no text of its own to go with it; not pinned"
    assert warnings[1].startswith("t.toml:8: warning: drop '早已删去的一句' is no sentence of the seed")


def test_a_sentence_pointing_back_comes_only_with_the_sentence_before_it():
    from briefgen.briefs.units import points_back

    assert points_back("同时，落实待遇保障，体现组织关爱。") and points_back("此外，还要加强监督。")
    assert points_back("“这一做法”得到推广。") and not points_back("同志们要时刻牢记使命。")
    assert not points_back("为基层减负担、提效率。")
