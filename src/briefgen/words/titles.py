"""Break titles into display lines the way GB/T 9704 asks: whole words, whole phrases, balanced.

A 2号 title line holds about 20 characters. A longer title is broken at a clause boundary:
before a preposition or a clause-opening adverb (以, 为, 着力, 努力 ...), or where a verb
phrase starts after a noun phrase. Never inside a word, never between a verb and its object,
an adverb and its verb, a preposition and its object, or around 的. Among the allowed breaks
the strongest boundary wins, then the most even lines.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Callable, Sequence

from briefgen.marks import CLAUSE_MARKS, cell_width, is_narrow
from briefgen.words.segment import Token, TokenCache

# Words that open a clause in official titles whatever tag the dictionary gives them.
CLAUSE_OPENERS = frozenset(
    "以 为 在 用 把 对 向 从 通过 围绕 聚焦 着力 努力 全力 大力 奋力 合力 持续 不断 切实 "
    "进一步 全面 深入 扎实 坚持 坚决 推动 推进 助力 促进 确保 奋力 更好 加快".split()
)
# Coordinating words that join nouns (党和国家): never a clause boundary.
NOUN_JOINERS = frozenset("和 与 及 或 同 跟 以及".split())
BREAK_MARKS = CLAUSE_MARKS + " \u3000"  # a line may end after these
PARTICLE_TAGS = ("u", "y", "e")


def _is_mark(token: Token) -> bool:
    return all(c in BREAK_MARKS or c.isspace() for c in token.word)


def _boundary_strength(before: Token, after: Token) -> float:
    """Return how good a line break between two tokens is: 0 forbids it, 3 is a clause mark."""
    if before.word.endswith("—"):
        return 0.0  # never break inside or right after a dash
    if _is_mark(before) or after.word.startswith("—"):
        return 3.0
    if _is_mark(after):
        return 0.0
    if before.word in ("的", "之", "地", "得") or after.tag.startswith(PARTICLE_TAGS):
        return 0.0
    if before.tag.startswith(("p", "d")) or before.tag in ("ad", "vd") or before.word in CLAUSE_OPENERS:
        return 0.0
    if after.word in NOUN_JOINERS or before.word in NOUN_JOINERS:
        return 0.0
    if after.word in CLAUSE_OPENERS or after.tag.startswith(("p", "d")):
        return 2.0
    if after.tag.startswith(("c",)):
        return 2.0
    before_verbal = before.tag.startswith("v") and before.tag != "vn"
    after_verbal = after.tag.startswith("v")
    if before_verbal and not after_verbal:
        return 0.0  # a verb and its object
    if after_verbal and not before_verbal:
        return 1.5  # a verb phrase starts after a noun phrase
    if after_verbal and before_verbal:
        return 0.5
    return 0.5  # inside a noun phrase: allowed, weak


def _candidates(tokens: Sequence[Token]) -> list[tuple[int, float]]:
    """Return (character offset, strength) for every allowed break between tokens."""
    offsets: list[tuple[int, float]] = []
    position = 0
    for index, token in enumerate(tokens[:-1]):
        position += len(token.word)
        strength = _boundary_strength(token, tokens[index + 1])
        if strength > 0:
            offsets.append((position, strength))
    return offsets


def _split(title: str, cuts: Sequence[int]) -> tuple[str, ...]:
    bounds = [0, *cuts, len(title)]
    return tuple(title[a:b].strip() for a, b in zip(bounds, bounds[1:]))


def _best_split(title: str, tokens: Sequence[Token], count: int, max_cells: float) -> tuple[float, tuple[str, ...]] | None:
    """Return the best-scoring way to cut ``title`` into ``count`` lines, with its score.

    A cut's score rewards the weakest and the average boundary strength and penalises uneven
    lines; a line wider than ``max_cells`` rules the cut out.
    """
    prefix = [0.0, *accumulate(0.5 if is_narrow(c) else 1.0 for c in title)]

    def width(start: int, stop: int) -> float:
        while start < stop and title[start].isspace():
            start += 1
        while stop > start and title[stop - 1].isspace():
            stop -= 1
        return prefix[stop] - prefix[start]

    candidates = _candidates(tokens)
    end = len(title)
    best: tuple[float, tuple[int, ...]] | None = None

    def search(first: int, previous: int, cuts_left: int, chosen: list[tuple[int, float]], widths: list[float]):
        nonlocal best
        if cuts_left == 0:
            last = width(previous, end)
            if last == 0 or last > max_cells:
                return
            all_widths = widths + [last]
            strengths = [strength for _, strength in chosen]
            score = 3.0 * min(strengths) + 2.0 * sum(strengths) / len(strengths) - (max(all_widths) - min(all_widths))
            if best is None or score > best[0]:
                best = (score, tuple(offset for offset, _ in chosen))
            return
        for index in range(first, len(candidates)):
            offset, strength = candidates[index]
            line = width(previous, offset)
            if line > max_cells:
                break  # lines only get wider from here
            if line == 0 or width(offset, end) > max_cells * cuts_left:
                continue
            search(index + 1, offset, cuts_left - 1, chosen + [(offset, strength)], widths + [line])

    search(0, 0, count - 1, [], [])
    return None if best is None else (best[0], _split(title, best[1]))


def _even_split(title: str, max_cells: float) -> tuple[str, ...]:
    """Split at character boundaries into the fewest even lines: the last resort."""
    lines = []
    rest = title
    while cell_width(rest) > max_cells:
        count = int(cell_width(rest) // max_cells) + 1
        target = cell_width(rest) / count
        width, cut = 0.0, 0
        for cut, char in enumerate(rest, 1):
            width += cell_width(char)
            if width >= target:
                break
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return tuple(line.strip() for line in lines if line.strip())


def _clear_clauses(title: str) -> tuple[str, ...] | None:
    """Return a short title's two clauses when a space or a clause mark separates them; of several such
    breaks (做强平台 纵深推进 双向发力), the one giving the most even lines."""
    found = []
    for index, char in enumerate(title):
        if char in BREAK_MARKS or char.isspace() or title.startswith("——", index):
            head = title[: index + 1] if char in CLAUSE_MARKS else title[:index]
            tail = title[index + 1 :] if char in BREAK_MARKS or char.isspace() else title[index:]
            if cell_width(head.strip()) >= 4 and cell_width(tail.strip()) >= 4:
                found.append((head.strip(), tail.strip()))
    return min(found, key=lambda lines: abs(cell_width(lines[0]) - cell_width(lines[1])), default=None)


def break_title(title: str, tokens: Sequence[Token], max_cells: float = 20) -> tuple[str, ...]:
    """Return the display lines of ``title`` given its jieba tokens."""
    title = title.strip()
    if cell_width(title) <= max_cells:
        return _clear_clauses(title) or (title,)
    fewest = max(2, int(-(-cell_width(title) // max_cells)))
    best: tuple[float, tuple[str, ...]] | None = None
    for count in (fewest, fewest + 1):  # one more line than needed, if it reads much better
        found = _best_split(title, tokens, count, max_cells)
        if found and (best is None or found[0] - 3.0 * (count - fewest) > best[0]):
            best = (found[0] - 3.0 * (count - fewest), found[1])
    return best[1] if best else _even_split(title, max_cells)


def break_titles(titles: Sequence[str], max_cells: float = 20,
                 tokenize: Callable[[list[str]], list[list[Token]]] | None = None) -> list[tuple[str, ...]]:
    """Return the display lines of each title; long ones take their words from the title token cache."""
    long_titles = sorted({t.strip() for t in titles if cell_width(t.strip()) > max_cells})
    words: dict[str, list[Token]] = {}
    if long_titles:
        words = dict(zip(long_titles, (tokenize or TokenCache("titles").tokens)(long_titles)))
    return [break_title(title, words.get(title.strip(), []), max_cells) for title in titles]
