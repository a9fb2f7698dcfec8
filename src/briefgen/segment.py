"""Segment Chinese text with jieba's dictionary and algorithm, loading only the words a text can use.

jieba takes about 0.3 s to import and 1.4 s to load its full dictionary. A word can only
match a text if every one of its characters occurs in the text, so a tokenizer built from
just those words (with the full dictionary's total frequency) segments the text exactly as
jieba's own ``cut(HMM=False)`` does. The dictionary is indexed once by each word's rarest
character and cached, so loading the words for a text reads only the parts it needs.
``tests/test_segment.py`` checks the equivalence against jieba itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import mmap
import re
from dataclasses import dataclass
from math import log
from pathlib import Path

from .atomic import write_bytes_atomic
from .cachedir import find_cache_dir

INDEX_FORMAT = 2
MAX_TOKEN_TEXTS = 100_000  # sentences whose tokens the cache keeps (a few hundred per compilation)

# The same character classes as jieba's re_han_default / re_skip_default / re_eng.
_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]")


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


def _index_path(dict_path: Path) -> Path | None:
    cache = find_cache_dir()
    if cache is None:
        return None
    stat = dict_path.stat()
    key = f"{INDEX_FORMAT}:{dict_path}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    return cache / f"jieba-index-{hashlib.sha256(key).hexdigest()[:16]}.bin"


def build_index(dict_path: Path) -> bytes:
    """Return the dictionary re-grouped by each word's rarest character, as one blob.

    Each group holds three marshalled dicts: its words' prefixes (frequency 0), its words
    with their frequencies, and their parts of speech. Loading the groups of a text's
    characters is then a few C-level dict merges instead of a Python loop per word.
    """
    entries: list[tuple[str, int, str]] = []
    char_counts: dict[str, int] = {}
    total = 0
    with open(dict_path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            tag = parts[2] if len(parts) > 2 else "x"
            entries.append((word, freq, tag))
            total += freq
            for char in set(word):
                char_counts[char] = char_counts.get(char, 0) + 1
    groups: dict[str, tuple[dict, dict, dict]] = {}
    for word, freq, tag in entries:
        rarest = min(word, key=lambda c: (char_counts[c], c))
        prefixes, words, tags = groups.setdefault(rarest, ({}, {}, {}))
        for end in range(1, len(word)):
            prefixes[word[:end]] = 0
        words[word] = freq
        tags[word] = tag
    blobs = {char: marshal.dumps(group) for char, group in sorted(groups.items())}
    offsets: dict[str, tuple[int, int]] = {}
    position = 0
    for char, blob in blobs.items():
        offsets[char] = (position, len(blob))
        position += len(blob)
    header = marshal.dumps((INDEX_FORMAT, total, offsets))
    return len(header).to_bytes(8, "little") + header + b"".join(blobs.values())


class _Index:
    """A dictionary index held in memory or read from the cache file."""

    def __init__(self, data: bytes | mmap.mmap):
        size = int.from_bytes(data[:8], "little")
        version, self.total, self.offsets = marshal.loads(data[8 : 8 + size])
        if version != INDEX_FORMAT:
            raise ValueError("stale index")
        self.data = data
        self.base = 8 + size

    def groups_for(self, chars: set[str]):
        """Yield (prefixes, words, tags) of every group whose rarest character is in ``chars``."""
        data, base = self.data, self.base
        for char in sorted(chars):
            where = self.offsets.get(char)
            if where is not None:
                start = base + where[0]
                yield marshal.loads(data[start : start + where[1]])


_INDEX: _Index | None = None


def load_index() -> _Index:
    """Return jieba's dictionary index, building and caching it on first use."""
    global _INDEX
    if _INDEX is not None:
        return _INDEX
    dict_path = find_jieba_dict()
    path = _index_path(dict_path)
    if path is not None and path.exists():
        try:
            # Mapped, not read: a text needs only the groups of its characters (a title's few
            # hundred of the file's 16 MB).
            with open(path, "rb") as handle:
                _INDEX = _Index(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
            return _INDEX
        except (ValueError, EOFError, TypeError, OSError):
            pass
    data = build_index(dict_path)
    if path is not None:
        try:
            write_bytes_atomic(path, data)
        except OSError:
            pass
    _INDEX = _Index(data)
    return _INDEX


class Segmenter:
    """jieba's accurate mode without HMM, over the dictionary words usable by one text."""

    def __init__(self, text: str):
        index = load_index()
        chars = set(text)
        groups = list(index.groups_for(chars))
        # Words whose characters are not all in the text stay in: they can never match it, and
        # merging whole groups is far cheaper than filtering word by word.
        freq: dict[str, int] = {}
        for prefixes, _, _ in groups:
            freq.update(prefixes)
        for _, words, _ in groups:
            freq.update(words)  # a real word's frequency wins over its use as a prefix
        self.freq = freq
        self._groups = groups
        self._tags: dict[str, str] | None = None
        self.chars = chars
        self.logtotal = log(index.total)

    @property
    def tags(self) -> dict[str, str]:
        """Return word -> dictionary part of speech, for the words this segmenter knows."""
        if self._tags is None:
            self._tags = {}
            for _, _, tags in self._groups:
                self._tags.update(tags)
        return self._tags

    def _route(self, sentence: str) -> list[int]:
        freq, logtotal = self.freq, self.logtotal
        n = len(sentence)
        dag: list[list[int]] = []
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n and frag in freq:
                if freq[frag]:
                    ends.append(i)
                i += 1
                frag = sentence[k : i + 1]
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


def clear_index_cache() -> None:
    """Forget the in-memory index (tests use this to measure a cold start)."""
    global _INDEX
    _INDEX = None


def index_file() -> Path | None:
    """Return where the dictionary index is cached, or None when no cache folder is usable."""
    return _index_path(find_jieba_dict())


__all__ = ["Segmenter", "Token", "load_index", "find_jieba_dict", "index_file", "clear_index_cache"]


class TokenCache:
    """Tokens of texts remembered across runs, so an unchanged text is never segmented twice.

    Segmentation of a text does not depend on any other text, so only the texts missing from
    the cache are segmented, with a segmenter built for their characters alone.
    """

    def __init__(self, name: str):
        folder = find_cache_dir()
        key = hashlib.sha256(f"{INDEX_FORMAT}:{name}".encode()).hexdigest()[:16]
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
            segmenter = Segmenter("".join(missing))
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
