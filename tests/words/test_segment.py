"""The dictionary-subset segmenter gives exactly jieba's own words, loading far less."""

from __future__ import annotations

import hashlib
import logging

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.words import segment
from briefgen.words.segment import Segmenter, find_jieba_dict, load_dictionary


def test_segments_the_seed_exactly_as_jieba_does(seed_text):
    jieba.setLogLevel(logging.WARNING)
    assert Segmenter(seed_text).cut(seed_text) == jieba.lcut(seed_text, HMM=False)


def test_segments_mixed_script_text_as_jieba_does():
    text = "2021年以来共招录公务员4.4万人，占70.2%；AT&T 与 c# 的 B超 test-case。"
    assert Segmenter(text).cut(text) == jieba.lcut(text, HMM=False)


def test_loads_only_the_dictionary_words_made_of_the_texts_characters(seed_text):
    segmenter = Segmenter(seed_text)
    chars = set(seed_text)
    assert all(chars.issuperset(word) for word in segmenter.tags)
    full = len(find_jieba_dict().read_text(encoding="utf-8").splitlines())
    assert len(segmenter.tags) < full / 2


def test_tags_come_from_the_dictionary():
    segmenter = Segmenter("以高质量考核推动发展")
    assert [(t.word, t.tag) for t in segmenter.tokens("以高质量考核推动发展")] == [
        ("以", "p"), ("高质量", "n"), ("考核", "vn"), ("推动", "v"), ("发展", "vn")]


_WORDS = [line.split()[0] for line in find_jieba_dict().read_text(encoding="utf-8").splitlines()[::97]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(st.characters(blacklist_categories=("Cs",)), max_size=3),
                          st.sampled_from(list("，。、；的了和在是一二三ABc1. "))), max_size=40))
def test_segments_any_mix_of_dictionary_words_and_characters_as_jieba_does(pieces):
    text = "".join(pieces)
    assert Segmenter(text).cut(text) == jieba.lcut(text, HMM=False)


def test_segments_text_with_regular_expression_syntax_as_jieba_does():
    text = "规则]^\\[a-z]{2}$（见第(3)条）.*?|^-]“【通知】”"
    assert Segmenter(text).cut(text) == jieba.lcut(text, HMM=False)


def test_picks_every_dictionary_word_when_given_all_its_characters():
    lines = [line.split() for line in find_jieba_dict().read_text(encoding="utf-8").splitlines() if line.strip()]
    dictionary = load_dictionary()
    rows = dictionary.rows_for({char for parts in lines for char in parts[0]})
    assert [row[0] for row in rows] == [parts[0] for parts in lines]
    assert [int(row[1]) for row in rows] == [int(parts[1]) for parts in lines]


def test_total_is_jiebas_and_is_remembered_in_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path))
    segment.clear_dictionary_cache()
    try:
        total = load_dictionary().total
        jieba.dt.check_initialized()
        assert total == jieba.dt.total
        [remembered] = tmp_path.glob("jieba-total-*.txt")
        assert remembered.read_text() == str(total)
        remembered.write_text("12345")  # a later process reads it instead of counting
        segment.clear_dictionary_cache()
        assert load_dictionary().total == 12345
        remembered.write_text("not a number")
        segment.clear_dictionary_cache()
        assert load_dictionary().total == total
    finally:
        segment.clear_dictionary_cache()


def test_token_cache_gives_the_segmenters_tokens_and_reuses_them(tmp_path, monkeypatch, seed_outline):
    from briefgen.words.segment import TokenCache

    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path))
    texts = [p.text for s in seed_outline.speeches for p in s.intro]
    fresh = TokenCache("seed").tokens(texts)
    assert fresh == [Segmenter(t).tokens(t) for t in texts]
    cached = TokenCache("seed")
    assert set(cached.entries) == set(texts)
    assert cached.tokens(texts) == fresh


def test_token_cache_keeps_the_texts_of_several_collections(tmp_path, monkeypatch):
    from briefgen.words import segment
    from briefgen.words.segment import TokenCache

    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path))
    TokenCache("shared").tokens(["第一篇的句子。"])
    TokenCache("shared").tokens(["第二篇的句子。"])
    assert set(TokenCache("shared").entries) == {"第一篇的句子。", "第二篇的句子。"}
    monkeypatch.setattr(segment, "MAX_TOKEN_TEXTS", 1)
    TokenCache("shared").tokens(["第三篇的句子。"])
    assert set(TokenCache("shared").entries) == {"第三篇的句子。"}


def test_every_known_total_is_the_count_of_its_dictionary():
    from briefgen.words.segment import KNOWN_TOTALS, count_total, find_jieba_dict

    text = find_jieba_dict().read_text(encoding="utf-8")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    assert digest in KNOWN_TOTALS, f"the installed jieba's dict.txt ({digest}) is not among the known totals"
    assert KNOWN_TOTALS[digest] == count_total(text)
