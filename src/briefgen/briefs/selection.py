"""The sentences of a collection and how much each says about a theme: extractive, nothing invented.

A sentence is a whole stretch of seed text ending in 。！？ (outside quotes and brackets; a ；
clause belongs to its sentence), a point heading, or a sub-point lead; marks a marker left in
front of it (第一，…) are not part of it. It keeps its speech, point, sub-point, seed line and
role. A theme's keyword matches a sentence where it starts or ends on a word boundary of jieba's
segmentation (培训 matches 培训班 and 年度考核 but 法治 does not match 无法治理). A keyword
weighs by how few speeches hold it, and by nothing else: adding or editing a speech that holds
none of a theme's keywords changes no weight of that theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from math import log, sqrt
from typing import Callable, Iterator, Sequence

from briefgen.briefs.filler import is_slogan
from briefgen.briefs.themes import Selection, Theme
from briefgen.marks import CLAUSE_MARKS, STOPS
from briefgen.marks import CLOSING as CLOSERS
from briefgen.marks import OPENING as OPENERS
from briefgen.outline.model import Collection, Paragraph, Point
from briefgen.words.segment import Token

MAX_SENTENCE = 400  # an unclosed quote must not glue a whole paragraph into one "sentence"
FIGURE = re.compile(r"[0-9０-９]")
LENGTH_UNIT = 40  # characters: the length at which a sentence pays nothing for its room
LEADING_MARKS = CLAUSE_MARKS + "、 \u3000"  # what a marker leaves in front of its text (第一，…)

TokensOf = Callable[[list[str]], list[list[Token]]]


@dataclass(frozen=True)
class Sentence:
    """A whole sentence of the seed, where it came from and what it is."""

    index: int  # reading order in the collection
    speech: int  # 1-based speech number
    point: str  # the anchor of its point, as in the compilation (speech-1.2), or speech-N for the intro
    line: int  # seed line
    role: str  # "heading" (a point heading), "lead" (a sub-point lead) or "body"
    text: str
    group: str = ""  # the sub-point it belongs to (its lead and its text share it), or ""

    @property
    def has_figure(self) -> bool:
        """Return True when the sentence carries a figure such as 4.4万人, 70.2% or 2013年."""
        return FIGURE.search(self.text) is not None

    @property
    def closed(self) -> bool:
        """Return True when the sentence ends in 。！？ (closing quotes and brackets aside)."""
        return self.text.rstrip(CLOSERS)[-1:] in STOPS


def _split_at(text: str, quotes: bool) -> list[str]:
    """Return ``text`` cut after each 。！？ (outside quotes and brackets when ``quotes``), closers kept."""
    pieces: list[str] = []
    start, depth, index = 0, 0, 0
    while index < len(text):
        char = text[index]
        if quotes and char in OPENERS:
            depth += 1
        elif quotes and char in CLOSERS:
            depth = max(0, depth - 1)
        elif char in STOPS and depth == 0:
            end = index + 1
            while end < len(text) and (text[end] in CLOSERS or text[end] in STOPS):
                end += 1
            pieces.append(text[start:end])
            start = index = end
            continue
        index += 1
    return pieces + [text[start:]]


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``: up to each 。！？ outside quotes and brackets, closers kept,
    without the marks a marker left in front (，坚持政治建检。 -> 坚持政治建检。)."""
    sentences = []
    for piece in _split_at(text, True):
        if len(piece) > MAX_SENTENCE and any(c in OPENERS for c in piece):
            sentences.extend(_split_at(piece, False))
        else:
            sentences.append(piece)
    found = (s.strip().lstrip(LEADING_MARKS).strip() for s in sentences)
    return [s for s in found if any(c.isalnum() for c in s)]


def _paragraph_sentences(paragraph: Paragraph, anchor: str, first: int) -> Iterator[tuple[int, str, str, str]]:
    for text in split_sentences(paragraph.text):
        yield paragraph.line, "body", text, ""
    for number, sub in enumerate(paragraph.subpoints, first):
        group = f"{anchor}/{number}"
        for text in split_sentences(sub.lead):
            yield sub.line, "lead", text, group
        for text in split_sentences(sub.text):
            yield sub.line, "body", text, group


def _body_sentences(paragraphs: Sequence[Paragraph], anchor: str) -> Iterator[tuple[str, int, str, str, str]]:
    count = 1
    for paragraph in paragraphs:
        for line, role, text, group in _paragraph_sentences(paragraph, anchor, count):
            yield anchor, line, role, text, group
        count += len(paragraph.subpoints)


def _point_sentences(point: Point, anchor: str) -> Iterator[tuple[str, int, str, str, str]]:
    for text in split_sentences(point.heading):
        yield anchor, point.line, "heading", text, ""
    yield from _body_sentences(point.body, anchor)
    for index, child in enumerate(point.points, 1):
        yield from _point_sentences(child, f"{anchor}.{index}")


def collection_sentences(outline: Collection) -> list[Sentence]:
    """Return every sentence of the speeches in reading order (titles and unit lines are not sentences)."""
    found: list[Sentence] = []
    for number, speech in enumerate(outline.speeches, 1):
        anchor = f"speech-{number}"
        items = list(_body_sentences(speech.intro, anchor))
        for index, point in enumerate(speech.points, 1):
            items.extend(_point_sentences(point, f"{anchor}.{index}"))
        for point_anchor, line, role, text, group in items:
            found.append(Sentence(len(found), number, point_anchor, line, role, text, group))
    return found


@dataclass(frozen=True)
class Scored:
    """A sentence that matches a theme: its score, its relevance before length and figures, its keywords."""

    sentence: Sentence
    score: float
    keywords: tuple[str, ...]
    relevance: float = 0.0  # keyword weights times the weight of its role


class Corpus:
    """The sentences of a collection with their words, keyword hits and keyword weights."""

    def __init__(self, sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]]):
        self.sentences = list(sentences)
        self.tokens = [list(words) for words in tokens]
        self.boundaries = [frozenset(accumulate((len(t.word) for t in words), initial=0)) for words in tokens]
        self.words = [frozenset(t.word for t in words if len(t.word) > 1 and any(c.isalnum() for c in t.word))
                      for words in tokens]
        self.slogans = [is_slogan(words) and not s.has_figure for s, words in zip(self.sentences, self.tokens)]
        self._hits: dict[str, dict[int, int]] = {}

    @classmethod
    def from_outline(cls, outline: Collection, tokens_of: TokensOf) -> "Corpus":
        """Return the corpus of a collection, segmenting its sentences with ``tokens_of``."""
        sentences = collection_sentences(outline)
        return cls(sentences, tokens_of([s.text for s in sentences]) if sentences else [])

    def hits(self, keyword: str) -> dict[int, int]:
        """Return sentence index -> how often ``keyword`` occurs in it on a word boundary."""
        found = self._hits.get(keyword)
        if found is None:
            found = {}
            size = len(keyword)
            for index, sentence in enumerate(self.sentences):
                text, bounds, count = sentence.text, self.boundaries[index], 0
                at = text.find(keyword)
                while at >= 0:
                    if at in bounds or at + size in bounds:
                        count += 1
                    at = text.find(keyword, at + 1)
                if count:
                    found[index] = count
            self._hits[keyword] = found
        return found

    def weight(self, keyword: str) -> float:
        """Return a keyword's weight: 1 over the square root of the number of speeches holding it.

        The count of speeches in the collection plays no part, so a speech that holds the keyword
        nowhere changes nothing (an inverse document frequency would shift with every speech)."""
        speeches = {self.sentences[i].speech for i in self.hits(keyword)}
        return 1.0 / sqrt(len(speeches)) if speeches else 0.0

    def similarity(self, first: int, second: int) -> float:
        """Return the Jaccard similarity of two sentences' word sets."""
        a, b = self.words[first], self.words[second]
        return len(a & b) / len(a | b) if a or b else 1.0


def role_weight(sentence: Sentence, selection: Selection) -> float:
    """Return how much a sentence's role counts: a heading states its point, a lead its sub-point."""
    return {"heading": selection.heading_weight, "lead": selection.lead_weight}.get(sentence.role, 1.0)


def text_score(corpus: Corpus, indices: Sequence[int], relevance: float, selection: Selection) -> float:
    """Return the score of sentences printed together: their relevance, more for a figure, less for a
    slogan, and less for the room they take."""
    value = relevance
    if any(corpus.sentences[i].has_figure for i in indices):
        value *= selection.figure_weight
    elif all(corpus.slogans[i] for i in indices):
        value *= selection.slogan_weight
    length = sum(len(corpus.sentences[i].text) for i in indices)
    return value / max(1.0, length / LENGTH_UNIT) ** selection.length_exponent


def excluded_sentences(corpus: Corpus, theme: Theme) -> set[int]:
    """Return the sentences a theme's ``exclude`` words keep out."""
    excluded: set[int] = set()
    for word in theme.exclude:
        excluded.update(corpus.hits(word))
    return excluded


def score_sentences(corpus: Corpus, theme: Theme, selection: Selection) -> list[Scored]:
    """Return the sentences matching a theme, best first (ties in reading order)."""
    excluded = excluded_sentences(corpus, theme)
    relevance: dict[int, float] = {}
    matched: dict[int, list[str]] = {}
    for keyword in dict.fromkeys(theme.keywords):
        weight = corpus.weight(keyword)
        for index, count in corpus.hits(keyword).items():
            if index in excluded:
                continue
            relevance[index] = relevance.get(index, 0.0) + weight * (1.0 + log(count))
            matched.setdefault(index, []).append(keyword)
    scored = []
    for index, value in relevance.items():
        value *= role_weight(corpus.sentences[index], selection)
        score = text_score(corpus, (index,), value, selection)
        scored.append(Scored(corpus.sentences[index], score, tuple(matched[index]), value))
    scored.sort(key=lambda s: (-s.score, s.sentence.index))
    return scored


def is_repeat(corpus: Corpus, candidate: int, taken: Sequence[int], threshold: float) -> bool:
    """Return True when a sentence is too similar to one already taken."""
    return any(corpus.similarity(candidate, other) > threshold for other in taken)
