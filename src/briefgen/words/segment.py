"""Segment Chinese text with jieba's dictionary and algorithm, loading only the words a text can use.

jieba takes about 0.3 s to import and 1.4 s to load its full dictionary. A word can only
match a text if every one of its characters occurs in the text, so a tokenizer built from
just those words (with the full dictionary's total frequency) segments the text exactly as
jieba's own ``cut(HMM=False)`` does. One regular expression over dict.txt picks those words
at C speed (about 0.05 s for a whole compilation's characters), so there is no index to build
and nothing to prepare on a new machine. ``tests/test_segment.py`` checks the equivalence
against jieba itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import re
from dataclasses import dataclass
from math import log
from pathlib import Path

from briefgen.atomic import write_bytes_atomic
from briefgen.cachedir import find_cache_dir

TOKENS_FORMAT = 3  # of cached tokens: changes whenever segmentation could change
MAX_TOKEN_TEXTS = 100_000  # sentences whose tokens the cache keeps (a few hundred per compilation)

# The same character classes as jieba's re_han_default / re_skip_default / re_eng.
_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]")
_FREQUENCY = re.compile(" ([0-9]+)")  # dict.txt lines are "word frequency [tag]"; words hold no spaces


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a segmented text, with its dictionary part of speech ('x' when unknown)."""

    word: str
    tag: str


def find_jieba_dict() -> Path:
    """Return the path of jieba's bundled dict.txt without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).with_name("dict.txt")


class _Dictionary:
    """jieba's dict.txt as one string, with the total of its frequencies."""

    def __init__(self, path: Path):
        data = path.read_bytes()  # hashed as it is: encoding the text again for the digest cost 7 ms
        self.text = data.decode("utf-8")
        self.total = _read_total(path, data, self.text)

    def rows_for(self, chars: set[str]) -> list[tuple[str, str, str]]:
        """Return (word, frequency, tag) of every word made only of ``chars``, in file order."""
        usable = "".join(re.escape(c) for c in sorted(chars) if not c.isspace())
        if not usable:
            return []
        pattern = f"^([{usable}]+)[ \\t]+([0-9]+)(?:[ \\t]+(\\S+))?[ \\t\\r]*$"
        return re.findall(pattern, self.text, re.MULTILINE)


# The total of dictionaries briefgen has met, by the SHA-1 of the file: hashing takes 0.008 s, counting
# 0.05 s (a first build on a machine counts otherwise; tests/words/test_segment.py checks the figures).
KNOWN_TOTALS = {"996ce5ef6d6e5c5d68dd7430a9822ef7d21b2c21": 60101967}  # jieba 0.42.1


def _read_total(path: Path, data: bytes, text: str) -> int:
    """Return the sum of the dictionary's frequencies: known, or remembered in the cache folder, or counted."""
    cache = find_cache_dir()
    stat = path.stat()
    key = hashlib.sha256(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    remembered = cache / f"jieba-total-{key}.txt" if cache else None
    if remembered is not None:
        try:
            return int(remembered.read_text(encoding="ascii"))
        except (OSError, ValueError):
            pass
    total = KNOWN_TOTALS.get(hashlib.sha1(data).hexdigest()) or count_total(text)
    if remembered is not None:
        try:
            write_bytes_atomic(remembered, str(total).encode("ascii"))
        except OSError:
            pass
    return total


def count_total(text: str) -> int:
    """Return the sum of the frequencies of dict.txt's text."""
    return sum(map(int, _FREQUENCY.findall(text)))


_DICTIONARY: _Dictionary | None = None


def load_dictionary() -> _Dictionary:
    """Return jieba's dictionary, read once per process."""
    global _DICTIONARY
    if _DICTIONARY is None:
        _DICTIONARY = _Dictionary(find_jieba_dict())
    return _DICTIONARY


class Segmenter:
    """jieba's accurate mode without HMM, over the dictionary words usable by one text."""

    def __init__(self, text: str):
        dictionary = load_dictionary()
        self.chars = set(text)
        rows = dictionary.rows_for(self.chars)
        self.freq = {word: int(count) for word, count, _ in rows}  # the last of a repeated word, as jieba
        # jieba walks a word's prefixes (all in its dictionary) to find the words starting at a
        # character; trying every length up to the longest word finds the same ones without them.
        self.longest = max(map(len, self.freq), default=1)
        self._rows = rows
        self._tags: dict[str, str] | None = None
        self.logtotal = log(dictionary.total)

    @property
    def tags(self) -> dict[str, str]:
        """Return word -> dictionary part of speech, for the words this segmenter knows."""
        if self._tags is None:
            self._tags = {word: tag or "x" for word, _, tag in self._rows}
        return self._tags

    def _route(self, sentence: str) -> list[int]:
        freq, logtotal = self.freq, self.logtotal
        n = len(sentence)
        dag: list[list[int]] = []
        longest = self.longest
        for k in range(n):
            ends = [i for i in range(k, min(n, k + longest)) if freq.get(sentence[k : i + 1])]
            dag.append(ends or [k])
        best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best[idx] = max(
                (log(freq.get(sentence[idx : x + 1]) or 1) - logtotal + best[x + 1][0], x) for x in dag[idx]
            )
        return [end for _, end in best]

    def _cut_block(self, sentence: str):
        route = self._route(sentence)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = route[x] + 1
            word = sentence[x:y]
            if len(word) == 1 and _ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def cut(self, text: str) -> list[str]:
        """Return the words of ``text`` exactly as ``jieba.lcut(text, HMM=False)`` would."""
        if not self.chars.issuperset(text):
            raise ValueError("text has characters the segmenter was not built for")
        words: list[str] = []
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                words.extend(self._cut_block(block))
            else:
                for piece in _SKIP.split(block):
                    if _SKIP.match(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)
        return words

    def tokens(self, text: str) -> list[Token]:
        """Return the words of ``text`` with their dictionary parts of speech."""
        tags = self.tags
        return [Token(word, tags.get(word, "x")) for word in self.cut(text)]


def clear_dictionary_cache() -> None:
    """Forget the dictionary read into memory (tests use this to read it afresh)."""
    global _DICTIONARY, _SHARED
    _DICTIONARY = _SHARED = None
    _EXPECTED.clear()


# The characters the texts this process will segment are made of, when the caller knows them (a build
# knows its seed): the first segmenter is built for all of them, one pass over the dictionary for the
# titles and the sentences alike instead of one each. Words a segmenter knows beyond a text's own
# characters never match that text, so the words it gives are the same.
_EXPECTED: set[str] = set()
_SHARED: Segmenter | None = None


def expect_characters(text: str) -> None:
    """Say that texts made of the characters of ``text`` will be segmented in this process."""
    _EXPECTED.update(text)


def shared_segmenter(text: str) -> Segmenter:
    """Return a segmenter for ``text``: the one already built when it covers it, else one for ``text``
    and every expected character."""
    global _SHARED
    if _SHARED is None or not _SHARED.chars.issuperset(text):
        _SHARED = Segmenter("".join(_EXPECTED.union(text)))
    return _SHARED


__all__ = ["Segmenter", "Token", "TokenCache", "load_dictionary", "find_jieba_dict", "clear_dictionary_cache",
           "expect_characters"]


class TokenCache:
    """Tokens of texts remembered across runs, so an unchanged text is never segmented twice.

    Segmentation of a text does not depend on any other text, so only the texts missing from
    the cache are segmented, with a segmenter built for their characters alone.
    """

    def __init__(self, name: str):
        folder = find_cache_dir()
        key = hashlib.sha256(f"{TOKENS_FORMAT}:{name}".encode()).hexdigest()[:16]
        self.path = folder / f"tokens-{key}.bin" if folder else None
        self.entries: dict[str, tuple[tuple[str, str], ...]] = {}
        if self.path is not None and self.path.is_file():
            try:
                self.entries = marshal.loads(self.path.read_bytes())
            except (ValueError, EOFError, TypeError):
                self.entries = {}

    def tokens(self, texts: list[str]) -> list[list[Token]]:
        """Return the tokens of each text, segmenting only the ones not seen before."""
        missing = sorted({t for t in texts if t not in self.entries})
        if missing:
            segmenter = shared_segmenter("".join(missing))
            for text in missing:
                self.entries[text] = tuple((t.word, t.tag) for t in segmenter.tokens(text))
            self._save(set(texts))
        return [[Token(word, tag) for word, tag in self.entries[text]] for text in texts]

    def _save(self, used: set[str]) -> None:
        """Write the cache, the texts just used last; the oldest go beyond MAX_TOKEN_TEXTS."""
        if self.path is None:
            return
        ordered = {t: v for t, v in self.entries.items() if t not in used}
        ordered.update((t, self.entries[t]) for t in sorted(used))
        kept = dict(list(ordered.items())[-MAX_TOKEN_TEXTS:])
        try:
            write_bytes_atomic(self.path, marshal.dumps(kept))
        except OSError:
            pass
        self.entries = kept
