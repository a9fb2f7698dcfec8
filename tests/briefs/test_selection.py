"""Sentences of the collection and their scores for a theme: whole seed sentences, keyword weights by speech."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.briefs.selection import (
    Corpus,
    collection_sentences,
    is_repeat,
    score_sentences,
    split_sentences,
)
from briefgen.briefs.themes import Selection, Theme
from briefgen.outline.parse import parse_text
from briefgen.words.segment import Segmenter


def tokens_of(texts):
    segmenter = Segmenter("".join(texts))
    return [segmenter.tokens(text) for text in texts]


@pytest.fixture(scope="module")
def corpus(seed_outline):
    return Corpus.from_outline(seed_outline, tokens_of)


def test_splits_after_sentence_marks_keeping_quotes_whole():
    text = "他说：“表彰一个人。带动千百人。”大家表示赞同；会议结束！还有吗？最后一句"
    assert split_sentences(text) == ["他说：“表彰一个人。带动千百人。”大家表示赞同；会议结束！", "还有吗？", "最后一句"]


def test_a_semicolon_clause_belongs_to_its_sentence():
    text = "6名个人、4个集体来自县以下机关；2021年以来，86%来自基层。其他。"
    assert split_sentences(text) == ["6名个人、4个集体来自县以下机关；2021年以来，86%来自基层。", "其他。"]


def test_the_mark_a_marker_leaves_is_not_part_of_the_sentence(seed_outline):
    assert split_sentences("，坚持政治建检。深入落实制度。") == ["坚持政治建检。", "深入落实制度。"]
    outline = parse_text("汇编\n标题一\n第一，坚持政治建检。深入落实党领导检察工作各项制度。第二，坚持业务强检。开展竞赛。\n")
    leads = [s.text for s in collection_sentences(outline) if s.role == "lead"]
    assert leads == ["坚持政治建检。", "坚持业务强检。"]


def test_an_unclosed_quote_does_not_glue_a_paragraph_together():
    text = "“" + "这是一句话。" * 80
    assert len(split_sentences(text)) == 80


def test_every_sentence_stands_verbatim_on_its_seed_line(corpus, seed_text):
    lines = seed_text.split("\n")
    assert len(corpus.sentences) > 150
    for sentence in corpus.sentences:
        assert sentence.text in lines[sentence.line - 1], sentence


def test_sentences_cover_the_speeches_without_markers(corpus, seed_outline):
    roles = {s.role for s in corpus.sentences}
    assert roles == {"heading", "lead", "body"}
    headings = [s for s in corpus.sentences if s.role == "heading"]
    assert headings[0].text == "突出政治标准，严把公务员队伍入口关。" and headings[0].point == "speech-1.1"
    leads = [s for s in corpus.sentences if s.role == "lead"]
    assert leads[0].text == "考试环节考准考实。"  # the marker 一是 is not part of the sentence
    assert {s.speech for s in corpus.sentences} == set(range(1, len(seed_outline.speeches) + 1))
    assert [s.index for s in corpus.sentences] == list(range(len(corpus.sentences)))


def test_keywords_match_on_word_boundaries(corpus):
    found = {corpus.sentences[i].text for i in corpus.hits("培训")}
    assert any("培训班" in text for text in found)  # the start of a word
    assert all("培训" in text for text in found)
    text = "无法治理的问题。"
    small = Corpus(collection_sentences(parse_text("汇编\n标题一\n" + text + "\n")), tokens_of([text]))
    assert small.hits("法治") == {} and small.hits("治理") == {0: 1}


def test_figures_make_a_sentence_worth_more(corpus):
    theme = Theme("基层", "h", ("基层",))
    plain = {s.sentence.index: s.score for s in score_sentences(corpus, theme, replace(Selection(), figure_weight=1.0))}
    boosted = {s.sentence.index: s.score for s in score_sentences(corpus, theme, Selection(figure_weight=2.0))}
    for index, score in plain.items():
        factor = 2.0 if corpus.sentences[index].has_figure else 1.0
        assert boosted[index] == pytest.approx(score * factor)
    assert any(corpus.sentences[i].has_figure for i in plain) and not all(corpus.sentences[i].has_figure for i in plain)


def test_headings_and_leads_count_more_than_body_text(corpus):
    theme = Theme("基层", "h", ("基层",))
    ranked = score_sentences(corpus, theme, Selection(length_exponent=0.0, figure_weight=1.0))
    by_role = {}
    for scored in ranked:
        if len(scored.keywords) == 1 and corpus.hits("基层")[scored.sentence.index] == 1:
            by_role.setdefault(scored.sentence.role, scored.score)
    assert by_role["heading"] > by_role["lead"] > by_role["body"]


def test_excluded_words_drop_sentences(corpus):
    with_ = score_sentences(corpus, Theme("t", "h", ("考核",)), Selection())
    without = score_sentences(corpus, Theme("t", "h", ("考核",), exclude=("乡镇",)), Selection())
    assert len(without) < len(with_)
    assert not any("乡镇" in s.sentence.text for s in without)


def test_sub_point_sentences_share_their_group(corpus):
    lead = next(s for s in corpus.sentences if s.text == "考试环节考准考实。")
    following = corpus.sentences[lead.index + 1]
    assert lead.role == "lead" and following.role == "body" and following.group == lead.group != ""
    heading = next(s for s in corpus.sentences if s.role == "heading")
    assert heading.group == ""


def test_slogans_without_figures_count_less(corpus):
    slogans = [s for s, slogan in zip(corpus.sentences, corpus.slogans) if slogan]
    assert slogans and not any(s.has_figure for s in slogans)
    assert any(s.text.startswith("市深入学习贯彻习近平新时代中国特色社会主义思想") for s in slogans)
    theme = Theme("t", "h", ("习近平",))
    full = {s.sentence.index: s.score for s in score_sentences(corpus, theme, Selection(slogan_weight=1.0))}
    half = {s.sentence.index: s.score for s in score_sentences(corpus, theme, Selection(slogan_weight=0.5))}
    for index, score in full.items():
        assert half[index] == pytest.approx(score * (0.5 if corpus.slogans[index] else 1.0))


def test_keyword_weights_depend_only_on_the_speeches_holding_them(seed_text):
    outline = parse_text(seed_text)
    corpus = Corpus.from_outline(outline, tokens_of)
    speeches = list(outline.speeches)
    edited_speech = speeches[2]  # 奖励: holds 奖励 but neither 法治 nor 乡镇
    point = edited_speech.points[0]
    body = point.body[0]
    speeches[2] = replace(edited_speech, points=(replace(point, body=(replace(body, text=body.text + "奖励到位。"),)
                                                          + point.body[1:]),) + edited_speech.points[1:])
    edited = Corpus.from_outline(replace(outline, speeches=tuple(speeches)), tokens_of)
    for keyword in ("法治", "乡镇"):
        assert edited.weight(keyword) == corpus.weight(keyword)
    assert edited.weight("法治") > edited.weight("培训") > edited.weight("公务员")
    assert all(corpus.sentences[i].speech != 1 for i in corpus.hits("法治"))
    more = Corpus.from_outline(replace(outline, speeches=tuple(speeches) + (speeches[0],)), tokens_of)
    assert more.weight("法治") == corpus.weight("法治")  # one more speech, not holding it: the same weight


def test_similar_sentences_are_repeats(corpus):
    first = next(i for i, s in enumerate(corpus.sentences) if s.text.startswith("坚持重视基层"))
    assert corpus.similarity(first, first) == 1.0
    assert is_repeat(corpus, first, [first], 0.5)
    other = next(i for i, s in enumerate(corpus.sentences) if "法治" in s.text)
    assert not is_repeat(corpus, first, [other], 0.5)


def test_scores_stay_when_a_speech_without_the_themes_keywords_is_added(seed_outline, corpus):
    other = parse_text("汇编\n以节约型机关创建推动绿色低碳转型\n一、完善能耗定额。全市人均综合能耗下降6.2%。\n").speeches[0]
    more = Corpus.from_outline(replace(seed_outline, speeches=seed_outline.speeches[:3] + (other,)
                                       + seed_outline.speeches[3:]), tokens_of)
    theme = Theme("基层", "h", ("基层", "乡镇", "一线"))
    before = {s.sentence.text: s.score for s in score_sentences(corpus, theme, Selection())}
    after = {s.sentence.text: s.score for s in score_sentences(more, theme, Selection())}
    assert after == before
