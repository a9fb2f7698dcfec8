"""Propose a theme file for a seed: TF-IDF keywords over the speeches, so a user never starts from nothing.

Each speech is a document. Its candidate words are jieba's nouns and verbal nouns of two or more
characters that are not genre filler (data/stopwords.txt). A word's weight in a speech is its
count there times log(speeches / speeches holding it): a word every speech uses weighs nothing,
one a single speech dwells on weighs most. Every speech proposes its heaviest word not yet taken
as a theme, with the words that share the most sentences with it as further keywords; then words
several speeches share (weighed by their count over the collection) fill up to the number asked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Sequence

from briefgen.briefs.selection import TokensOf, collection_sentences
from briefgen.outline.model import Collection
from briefgen.words.segment import Token

STOPWORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "stopwords.txt"
NOUN_TAGS = frozenset({"n", "vn", "nz"})  # nouns, verbal nouns, other proper nouns
KEYWORDS_PER_THEME = 4


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the words never proposed as keywords (data/stopwords.txt)."""
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@dataclass(frozen=True)
class SuggestedTheme:
    """A proposed theme: its name (the head keyword), keywords, and the speeches that use the head word."""

    name: str
    keywords: tuple[str, ...]
    speeches: tuple[int, ...]
    weight: float


def is_candidate(token: Token, stop: frozenset[str]) -> bool:
    """Return True for a word that may be a theme keyword: a noun or verbal noun, not filler."""
    word = token.word
    return (token.tag in NOUN_TAGS and len(word) > 1 and word not in stop
            and all("\u4e00" <= c <= "\u9fff" for c in word))


def suggest_themes(outline: Collection, tokens_of: TokensOf, count: int = 8,
                   stop: frozenset[str] | None = None) -> list[SuggestedTheme]:
    """Return up to ``count`` proposed themes for a collection, strongest speech topics first."""
    stop = stopwords() if stop is None else stop
    sentences = collection_sentences(outline)
    tokens = tokens_of([s.text for s in sentences]) if sentences else []
    speech_count = len(outline.speeches)
    counts: list[Counter] = [Counter() for _ in range(speech_count)]
    sentence_words: list[frozenset[str]] = []
    for sentence, words in zip(sentences, tokens):
        found = [t.word for t in words if is_candidate(t, stop)]
        counts[sentence.speech - 1].update(found)
        sentence_words.append(frozenset(found))
    holders: Counter = Counter()
    for counter in counts:
        holders.update(counter.keys())

    def idf(word: str) -> float:
        return log(speech_count / holders[word]) if speech_count > 1 else 1.0

    def related(head: str, taken: set[str]) -> tuple[str, ...]:
        together: Counter = Counter()
        for words in sentence_words:
            if head in words:
                together.update(w for w in words if w != head and w not in taken)
        ranked = sorted((w for w in together if idf(w) > 0), key=lambda w: (-together[w] * idf(w), w))
        often = [w for w in ranked if together[w] >= 2]  # sharing one sentence may be chance
        return tuple(often or ranked)[: KEYWORDS_PER_THEME - 1]

    themes: list[SuggestedTheme] = []
    taken: set[str] = set()

    def add(head: str, weight: float) -> None:
        keywords = (head, *related(head, taken | {head}))
        taken.update(keywords)
        speeches = tuple(i + 1 for i, counter in enumerate(counts) if head in counter)
        themes.append(SuggestedTheme(head, keywords, speeches, weight))

    for counter in counts:  # the topic of each speech
        scored = sorted(((n * idf(w), w) for w, n in counter.items() if w not in taken), key=lambda x: (-x[0], x[1]))
        if scored and scored[0][0] > 0 and len(themes) < count:
            add(scored[0][1], scored[0][0])
    total = sum(counts, Counter())
    shared = sorted(((n * (1.0 + idf(w)), w) for w, n in total.items() if 1 < holders[w] < speech_count and w not in taken),
                    key=lambda x: (-x[0], x[1]))
    for weight, word in shared:  # themes running across speeches
        if len(themes) >= count:
            break
        if word not in taken:
            add(word, weight)
    return themes


def toml_string(value: str) -> str:
    """Return a TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04X}" for c in escaped) + '"'


def theme_file_text(themes: Sequence[SuggestedTheme], templates, seed: str) -> str:
    """Return a theme file proposing ``themes`` (its wording is templates/themes_suggest.toml.j2)."""
    entries = [{"name": t.name, "keywords": list(t.keywords), "speeches": list(t.speeches)} for t in themes]
    text = templates.render_text("themes_suggest.toml.j2", seed=" ".join(seed.split()), themes=entries,
                                 toml=toml_string)
    return text + "\n"
