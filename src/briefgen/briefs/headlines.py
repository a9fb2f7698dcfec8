"""A derived theme's headline: a phrase of the compilers' own summaries, never a template around its name.

The titles, point headings and sub-point leads holding the theme's name are cut into clauses:
after a mark or a space (strength 3), before a clause opener or a preposition (以, 为, 着力,
努力: 2), where a verb follows a noun (1). A headline is one clause holding the name, or two
or three adjacent ones, verbatim. The strongest wins: a title before a heading before a lead,
ends at strong cuts, a verb phrase (what the speeches did: 以高质量考核推动高质量发展), more of
the theme's keywords, and a length a headline line holds (8 to 20 characters).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Sequence

from briefgen.marks import CLAUSE_MARKS, STOPS
from briefgen.marks import CLOSING as CLOSERS
from briefgen.words.segment import Token
from briefgen.words.titles import CLAUSE_OPENERS

KIND_WEIGHT = {"title": 3.0, "heading": 2.0, "lead": 1.5}
SHORTEST, LONGEST = 8, 20  # characters: what reads as a headline and fits one or two title lines
MOST_CLAUSES = 3
EDGE_MARKS = CLAUSE_MARKS + STOPS + "、 \u3000"


@dataclass(frozen=True)
class Summary:
    """A title, heading or lead of a speech: the compilers' own summary, with its words and terms."""

    speech: int
    kind: str
    text: str
    tokens: Sequence[Token]
    terms: tuple[str, ...]


def _is_mark(token: Token) -> bool:
    return all(c in EDGE_MARKS or c.isspace() for c in token.word)


def _is_verb(token: Token) -> bool:
    return token.tag.startswith("v") and token.tag != "vn"


def _cut_strength(before: Token, after: Token) -> float:
    """Return how clearly a clause starts between two tokens (0: it does not)."""
    if _is_mark(before):
        return 3.0
    if _is_mark(after) or before.tag.startswith(("p", "d", "c", "u")) or before.word in CLAUSE_OPENERS:
        return 0.0
    if (after.word in CLAUSE_OPENERS or after.tag.startswith("p")) and len(before.word) > 1:
        return 2.0  # (after one character, 严|把 is more likely a word the dictionary lacks)
    if _is_verb(after) and before.tag in ("n", "vn", "nz", "j"):
        return 1.0  # a verb phrase after a noun phrase
    return 0.0


def _clauses(summary: Summary) -> list[tuple[str, list[Token], float]]:
    """Return a summary's clauses, each with its tokens and the strength of the cut after it."""
    tokens = list(summary.tokens)
    clauses: list[tuple[str, list[Token], float]] = []
    text, words = "", []
    for index, token in enumerate(tokens):
        text, words = text + token.word, words + [token]
        strength = 3.0 if index == len(tokens) - 1 else _cut_strength(token, tokens[index + 1])
        if strength:
            clauses.append((text, words, strength))
            text, words = "", []
    return clauses


def _tidy(text: str) -> str:
    """Return a phrase without the marks and spaces at its ends (its closing quotes stay)."""
    text = text.strip().lstrip(EDGE_MARKS)
    while text and text[-1] in EDGE_MARKS:
        text = text[:-1].rstrip()
    return text


def _is_balanced(text: str) -> bool:
    opened = sum(text.count(c) for c in "“‘（(《〈「『【")
    closed = sum(text.count(c) for c in CLOSERS)
    return opened == closed


def _score(summary: Summary, phrase: str, first: Token, ends: float, name: str, keywords: Sequence[str]) -> float:
    score = KIND_WEIGHT.get(summary.kind, 1.0) + ends
    score += 0.25 * min(2, sum(1 for k in keywords if k in phrase and k != name))
    if first.tag.startswith(("v", "p", "d")) or first.word in CLAUSE_OPENERS:
        score += 1.0  # a verb phrase says what the speeches did
    length = len(phrase)
    if length < SHORTEST:
        score -= 0.5 * (SHORTEST - length)
    elif length > LONGEST:
        score -= 0.4 * (length - LONGEST)
    return score


def phrases(summary: Summary, name: str) -> list[tuple[str, Token, float]]:
    """Return the phrases of a summary holding ``name`` (runs of one to three adjacent clauses), each
    with its first word and the strength of its weaker end."""
    clauses = _clauses(summary)
    found = []
    for start in range(len(clauses)):
        before = 2.0 if start == 0 or clauses[start - 1][2] >= 2.0 else 1.0  # a clause opener starts cleanly
        first = next((t for t in clauses[start][1] if not _is_mark(t)), clauses[start][1][0])
        text = ""
        for stop in range(start, min(len(clauses), start + MOST_CLAUSES)):
            text += clauses[stop][0]
            phrase = _tidy(text)
            dangling = clauses[stop][1][0].tag.startswith("p") and stop < len(clauses) - 1  # 以…, its verb cut off
            if name in phrase and not dangling and _is_balanced(phrase) and len(phrase) <= LONGEST + 6:
                after = 2.0 if stop == len(clauses) - 1 or clauses[stop][2] >= 3.0 else 1.0  # ends at a mark or the end
                found.append((phrase, first, min(before, after)))
    return found


def best_headline(name: str, keywords: Sequence[str], summaries: Sequence[Summary],
                  taken: Collection[str] = ()) -> str | None:
    """Return the headline of a theme named ``name``, or None when no summary holds the name; a headline in
    ``taken`` (another theme's), or a phrase of it or around it, is never chosen: two briefs of one meeting
    never share a headline."""
    best: tuple[float, int, str] | None = None
    for order, summary in enumerate(summaries):
        if name not in summary.terms:
            continue
        for phrase, first, ends in phrases(summary, name):
            if any(phrase in other or other in phrase for other in taken):
                continue
            candidate = (_score(summary, phrase, first, ends, name, keywords), -order, phrase)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best else None
