"""The sentences of a collection and how much each says about a theme: extractive, nothing invented.

A sentence is a whole stretch of seed text ending in 。！？； (outside quotes and brackets), a
point heading, or a sub-point lead; it keeps its speech, point, seed line and role. A theme's
keyword matches a sentence where it starts or ends on a word boundary of jieba's segmentation
(培训 matches 培训班 and 年度考核 but 法治 does not match 无法治理). A keyword weighs its inverse
document frequency over the speeches, so editing one speech changes the weight of no keyword it
neither held nor holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from math import log
from typing import Callable, Iterator, Sequence

from briefgen.briefs.themes import Selection, Theme
from briefgen.marks import CLAUSE_ENDS as ENDS
from briefgen.marks import CLOSING as CLOSERS
from briefgen.marks import OPENING as OPENERS
from briefgen.outline.model import Collection, Paragraph, Point
from briefgen.words.segment import Token

MAX_SENTENCE = 400  # an unclosed quote must not glue a whole paragraph into one "sentence"
FIGURE = re.compile(r"[0-9０-９]")
LENGTH_UNIT = 40  # characters: the length at which a sentence pays nothing for its room

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

    @property
    def has_figure(self) -> bool:
        """Return True when the sentence carries a figure such as 4.4万人, 70.2% or 2013年."""
        return FIGURE.search(self.text) is not None

    @property
    def closed(self) -> bool:
        """Return True when the sentence ends in sentence punctuation (another may follow it in a paragraph)."""
        return self.text.rstrip(CLOSERS)[-1:] in ENDS


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``: up to each 。！？； outside quotes and brackets, closers kept."""
    pieces: list[str] = []
    start, depth, index = 0, 0, 0
    while index < len(text):
        char = text[index]
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(0, depth - 1)
        elif char in ENDS and depth == 0:
            end = index + 1
            while end < len(text) and (text[end] in CLOSERS or text[end] in ENDS):
                end += 1
            pieces.append(text[start:end])
            start = index = end
            continue
        index += 1
    pieces.append(text[start:])
    sentences = []
    for piece in pieces:
        if len(piece) > MAX_SENTENCE and any(c in OPENERS for c in piece):
            sentences.extend(_split_ignoring_quotes(piece))
        else:
            sentences.append(piece)
    return [s.strip() for s in sentences if any(c.isalnum() for c in s)]


def _split_ignoring_quotes(text: str) -> list[str]:
    pieces, start = [], 0
    for index, char in enumerate(text):
        if char in ENDS and index >= start:  # marks already taken into a piece lie before start
            end = index + 1
            while end < len(text) and (text[end] in CLOSERS or text[end] in ENDS):
                end += 1
            pieces.append(text[start:end])
            start = end
    return pieces + [text[start:]]


def _paragraph_sentences(paragraph: Paragraph) -> Iterator[tuple[int, str, str]]:
    for text in split_sentences(paragraph.text):
        yield paragraph.line, "body", text
    for sub in paragraph.subpoints:
        for text in split_sentences(sub.lead):
            yield sub.line, "lead", text
        for text in split_sentences(sub.text):
            yield sub.line, "body", text


def _point_sentences(point: Point, anchor: str) -> Iterator[tuple[str, int, str, str]]:
    for text in split_sentences(point.heading):
        yield anchor, point.line, "heading", text
    for paragraph in point.body:
        for line, role, text in _paragraph_sentences(paragraph):
            yield anchor, line, role, text
    for index, child in enumerate(point.points, 1):
        yield from _point_sentences(child, f"{anchor}.{index}")


def collection_sentences(outline: Collection) -> list[Sentence]:
    """Return every sentence of the speeches in reading order (titles and unit lines are not sentences)."""
    found: list[Sentence] = []
    for number, speech in enumerate(outline.speeches, 1):
        anchor = f"speech-{number}"
        items: list[tuple[str, int, str, str]] = []
        for paragraph in speech.intro:
            items.extend((anchor, line, role, text) for line, role, text in _paragraph_sentences(paragraph))
        for index, point in enumerate(speech.points, 1):
            items.extend(_point_sentences(point, f"{anchor}.{index}"))
        for point_anchor, line, role, text in items:
            found.append(Sentence(len(found), number, point_anchor, line, role, text))
    return found


@dataclass(frozen=True)
class Scored:
    """A sentence that matches a theme, with its score and the keywords it holds."""

    sentence: Sentence
    score: float
    keywords: tuple[str, ...]


class Corpus:
    """The sentences of a collection with their words, keyword hits and keyword weights."""

    def __init__(self, sentences: Sequence[Sentence], tokens: Sequence[Sequence[Token]], speech_count: int):
        self.sentences = list(sentences)
        self.speech_count = speech_count
        self.boundaries = [frozenset(accumulate((len(t.word) for t in words), initial=0)) for words in tokens]
        self.words = [frozenset(t.word for t in words if len(t.word) > 1 and any(c.isalnum() for c in t.word))
                      for words in tokens]
        self._hits: dict[str, dict[int, int]] = {}

    @classmethod
    def from_outline(cls, outline: Collection, tokens_of: TokensOf) -> "Corpus":
        """Return the corpus of a collection, segmenting its sentences with ``tokens_of``."""
        sentences = collection_sentences(outline)
        return cls(sentences, tokens_of([s.text for s in sentences]) if sentences else [], len(outline.speeches))

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

    def idf(self, keyword: str) -> float:
        """Return the smoothed inverse document frequency of a keyword over the speeches."""
        speeches = {self.sentences[i].speech for i in self.hits(keyword)}
        return log((1 + self.speech_count) / (1 + len(speeches))) + 1.0

    def similarity(self, first: int, second: int) -> float:
        """Return the Jaccard similarity of two sentences' word sets."""
        a, b = self.words[first], self.words[second]
        return len(a & b) / len(a | b) if a or b else 1.0


def score_sentences(corpus: Corpus, theme: Theme, selection: Selection) -> list[Scored]:
    """Return the sentences matching a theme, best first (ties in reading order)."""
    excluded: set[int] = set()
    for word in theme.exclude:
        excluded.update(corpus.hits(word))
    relevance: dict[int, float] = {}
    matched: dict[int, list[str]] = {}
    for keyword in dict.fromkeys(theme.keywords):
        weight = corpus.idf(keyword)
        for index, count in corpus.hits(keyword).items():
            if index in excluded:
                continue
            relevance[index] = relevance.get(index, 0.0) + weight * (1.0 + log(count))
            matched.setdefault(index, []).append(keyword)
    role_weight = {"heading": selection.heading_weight, "lead": selection.lead_weight, "body": 1.0}
    scored = []
    for index, value in relevance.items():
        sentence = corpus.sentences[index]
        value *= role_weight[sentence.role]
        if sentence.has_figure:
            value *= selection.figure_weight
        value /= max(1.0, len(sentence.text) / LENGTH_UNIT) ** selection.length_exponent
        scored.append(Scored(sentence, value, tuple(matched[index])))
    scored.sort(key=lambda s: (-s.score, s.sentence.index))
    return scored


def is_repeat(corpus: Corpus, candidate: int, taken: Sequence[int], threshold: float) -> bool:
    """Return True when a sentence is too similar to one already taken."""
    return any(corpus.similarity(candidate, other) > threshold for other in taken)
