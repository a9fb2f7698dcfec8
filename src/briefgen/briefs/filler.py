"""The genre's filler words (data/stopwords.txt) and the sentences made of them (slogans).

Speeches of this genre repeat formulae (深入学习贯彻, 进一步, 新时代 …) that say nothing about what
a speech is about: they are never a theme's name or keyword, and a sentence whose words are
mostly filler, with no figure, restates a slogan where a brief wants facts and measures.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

from briefgen.words.segment import Token

DATA = Path(__file__).resolve().parents[1] / "data"
STOPWORDS_FILE = DATA / "stopwords.txt"
HEADS_FILE = DATA / "heads.txt"
SLOGAN_SHARE = 0.5  # a sentence is a slogan when fewer than this share of its words are not filler


def _word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the genre's filler words (data/stopwords.txt)."""
    return _word_list(STOPWORDS_FILE)


@lru_cache(maxsize=1)
def head_nouns() -> frozenset[str]:
    """Return the general nouns a field term is written in front of (data/heads.txt: 考录工作, 激励机制)."""
    return _word_list(HEADS_FILE)


def is_word(text: str) -> bool:
    """Return True for a word of two or more Chinese characters (what a theme can be named by)."""
    return len(text) > 1 and all("\u4e00" <= c <= "\u9fff" for c in text)


def is_slogan(tokens: Sequence[Token]) -> bool:
    """Return True when fewer than half the words of a sentence are anything but filler."""
    stop = stopwords()
    words = [t.word for t in tokens if is_word(t.word)]
    if not words:
        return True
    return sum(w not in stop for w in words) < SLOGAN_SHARE * len(words)
