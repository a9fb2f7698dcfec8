"""What a brief takes at once: a sentence, or a heading or lead together with a sentence of its own text.

A reader follows a sub-point's lead (考试环节考准考实。) only into its own text, and a point's
heading only into its own body. So a lead is taken only with a sentence of its sub-point's text,
a heading only with a sentence of its point's body (its sub-points' text included): the best of
them that ends in 。！？ and is not kept out. A body sentence that does not end in 。！？ (a
paragraph cut off, or ending on ：) is never taken: a paragraph must not end on ；，：. A sentence
that opens by pointing back (同时，… 此外，… 为此，…) is taken only with the sentence it points
back to. An editor's pins (the theme file's ``pin``) are units too, taken before any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, Mapping, Sequence

from briefgen.briefs.selection import Corpus, Scored, Sentence, text_score
from briefgen.briefs.themes import Choice, Selection, Theme
from briefgen.i18n import _

Warn = Callable[[str], None]
COMPANION_BASE = 0.1  # what a sentence of a heading's own text holding no keyword counts as its companion
# Openings that point back to the sentence before: alone, the sentence starts in the middle of an argument.
BACK_POINTERS = ("同时", "此外", "另外", "为此", "对此", "因此", "因而", "所以", "其中", "然而", "但是", "但",
                 "而且", "并且", "与此同时", "此后", "随后", "这些", "这一", "这是", "这样", "上述", "以上", "对此")


def points_back(text: str) -> bool:
    """Return True when a sentence opens with a word pointing back to the sentence before it."""
    return text.lstrip("“‘「『（(").startswith(BACK_POINTERS)


@dataclass(frozen=True)
class Unit:
    """Sentences taken together (in reading order), their speech and their score."""

    indices: tuple[int, ...]
    speech: int
    score: float
    pinned: bool = False


def _normal(text: str) -> str:
    return "".join(text.split())


def own_text(corpus: Corpus) -> dict[int, list[int]]:
    """Return, for every heading and lead, the body sentences of its own text in reading order."""
    sentences = corpus.sentences
    owned: dict[int, list[int]] = {}
    for index, sentence in enumerate(sentences):
        if sentence.role not in ("heading", "lead"):
            continue
        found = []
        for other in sentences[index + 1:]:
            if not _within(sentence, other):
                break
            if other.role == "body":
                found.append(other.index)
        owned[index] = found
    return owned


def _within(head: Sentence, other: Sentence) -> bool:
    """Return True when ``other`` belongs to the point (for a heading) or sub-point (for a lead) of ``head``."""
    if other.speech != head.speech:
        return False
    if head.role == "lead":
        return other.group == head.group and bool(head.group)
    return other.point == head.point or other.point.startswith(head.point + ".")


class UnitMaker:
    """The units of one theme: its matching sentences, each with what it needs, and its pins."""

    def __init__(self, corpus: Corpus, owned: Mapping[int, Sequence[int]], selection: Selection,
                 kept_out: Collection[int]):
        self.corpus = corpus
        self.owned = owned
        self.selection = selection
        self.kept_out = set(kept_out)

    def companion(self, index: int, relevance: Mapping[int, float]) -> int | None:
        """Return the sentence a heading or lead is taken with: the best of its own text that may be taken
        (holding the theme's keywords, a figure rather than a slogan, short), the first of equals."""
        own = [i for i in self.owned.get(index, ()) if self.takeable(i)]
        score = {i: text_score(self.corpus, (i,), relevance.get(i, 0.0) + COMPANION_BASE, self.selection) for i in own}
        return max(own, key=lambda i: (score[i], -i), default=None)

    def takeable(self, index: int) -> bool:
        """Return True for a body sentence a brief may take on its own."""
        sentence = self.corpus.sentences[index]
        return (sentence.role == "body" and sentence.closed and index not in self.kept_out
                and not points_back(sentence.text))

    def pointed_to(self, index: int) -> int | None:
        """Return the sentence a back-pointing sentence needs before it: the one before, in its paragraph."""
        if index == 0:
            return None
        sentence, before = self.corpus.sentences[index], self.corpus.sentences[index - 1]
        same = before.speech == sentence.speech and before.point == sentence.point and before.line == sentence.line
        return index - 1 if same and self.takeable(index - 1) else None

    def unit(self, index: int, relevance: Mapping[int, float], pinned: bool = False) -> Unit | None:
        """Return the unit a sentence is taken in, or None when it cannot be taken."""
        sentence = self.corpus.sentences[index]
        if index in self.kept_out and not pinned:
            return None
        if sentence.role == "body":
            if not sentence.closed:
                return None
            indices: tuple[int, ...] = (index,)
            if points_back(sentence.text) and not pinned:
                before = self.pointed_to(index)
                if before is None:
                    return None
                indices = (before, index)
        else:
            partner = self.companion(index, relevance)
            if partner is None:
                return None
            indices = (index, partner)
        value = sum(relevance.get(i, 0.0) for i in indices)
        return Unit(indices, sentence.speech, text_score(self.corpus, indices, value, self.selection), pinned)

    def units(self, ranked: Sequence[Scored]) -> list[Unit]:
        """Return the units of a theme's matching sentences, best first (ties in reading order)."""
        relevance = {s.sentence.index: s.relevance for s in ranked}
        found: dict[tuple[int, ...], Unit] = {}
        for scored in ranked:
            made = self.unit(scored.sentence.index, relevance)
            if made is not None and made.indices not in found:
                found[made.indices] = made
        return sorted(found.values(), key=lambda u: (-u.score, u.indices))


MARKER_ROOM = 4  # characters of a marker (一是, 第一，, （一）) an editor may have copied with a sentence


def find_choice(corpus: Corpus, choice: Choice) -> list[int]:
    """Return the sentences an editor's choice names: those equal to it or starting with it (spaces aside;
    a marker copied in front of it, as in 二是加强基层保障, is passed over when nothing else matches)."""
    wanted = _normal(choice.text)
    texts = [_normal(s.text) for s in corpus.sentences]
    for skip in range(0, min(MARKER_ROOM, len(wanted) - 2) + 1):
        start = wanted[skip:].lstrip("，、；：.")
        found = [i for i, text in enumerate(texts) if start and text.startswith(start)]
        if found:
            return found
    return []


PIN, DROP = "pin", "drop"  # the theme file's keys of an editor's choices


def _choice_warning(kind: str, choice: Choice, matches: int) -> str | None:
    """Return the warning about a pin or drop naming no sentence or several, or None when it names one."""
    if matches == 1:
        return None
    if kind == PIN:
        message = (_("pin {text!r} is no sentence of the seed (any more); nothing pinned") if not matches else
                   _("pin {text!r} starts {count} sentences; the first is meant (write more of it to choose "
                     "another)"))
    else:
        message = (_("drop {text!r} is no sentence of the seed (any more); nothing dropped") if not matches else
                   _("drop {text!r} starts {count} sentences; the first is meant (write more of it to choose "
                     "another)"))
    return message.format(text=choice.text, count=matches)


def chosen_sentences(corpus: Corpus, choices: Sequence[Choice], kind: str, where: str,
                     warn: Warn) -> list[int]:
    """Return the sentences named by pins or drops (``kind``), warning (with the theme file's line) about
    any that names none or several."""
    found: list[int] = []
    for choice in choices:
        matches = find_choice(corpus, choice)
        message = _choice_warning(kind, choice, len(matches))
        if message:
            warn(f"{where}:{choice.line}: warning: {message}")
        if matches:
            found.append(matches[0])
    return found


def pinned_units(maker: UnitMaker, pins: Sequence[int], theme: Theme, where: str, warn: Warn) -> list[Unit]:
    """Return the units of a theme's pinned sentences, in the order the theme file lists them."""
    units = []
    for index, choice in zip(pins, theme.pin):
        made = maker.unit(index, {}, pinned=True)
        if made is None:
            if maker.corpus.sentences[index].role != "body":
                message = _("pin {text!r} has no text of its own to go with it; not pinned")
            else:
                message = _("pin {text!r} does not end in 。！？; not pinned")
            warn(f"{where}:{choice.line}: warning: {message.format(text=choice.text)}")
        else:
            units.append(made)
    return units


def theme_units(corpus: Corpus, owned: Mapping[int, Sequence[int]], ranked: Sequence[Scored], theme: Theme,
                selection: Selection, excluded: Collection[int], where: str,
                warn: Warn) -> tuple[list[Unit], list[Unit]]:
    """Return a theme's pinned units and its other units (best first)."""
    pins = chosen_sentences(corpus, theme.pin, PIN, where, warn)
    dropped = set(chosen_sentences(corpus, theme.drop, DROP, where, warn))
    maker = UnitMaker(corpus, owned, selection, dropped | set(excluded))
    pinned = pinned_units(maker, pins, theme, where, warn)
    return pinned, maker.units(ranked)
