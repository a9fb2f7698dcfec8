"""Fill a brief's page: units by priority while the body still fits its grid lines.

The fitter never counts characters itself: the maker measures a speech's group (its attribution
and paragraphs) with the layout core's own line breaking (layout.lines.block_slots), and gives a
cheap lower bound that spares most measurements. Pinned units go first, in the theme file's
order. Then priority is a unit's score times selection.speech_decay for every unit already taken
from its speech, so that the page reports what several speeches said; a unit that does not fit
is passed over for the following, shorter ones (the body only grows, so it never fits later).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Callable, Sequence

from briefgen.briefs.selection import Corpus, is_repeat
from briefgen.briefs.themes import Selection
from briefgen.briefs.units import Unit

Measure = Callable[[int, Sequence[int]], int]  # (speech, sentence indices) -> grid lines of its group


@dataclass
class Fill:
    """What is on the page so far: sentences per speech, the lines of each speech's group, the units taken."""

    taken: dict[int, list[int]] = field(default_factory=dict)
    cost: dict[int, int] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    used: int = 0

    @property
    def indices(self) -> list[int]:
        """Return every sentence taken, in reading order."""
        return sorted(i for indices in self.taken.values() for i in indices)


class Fitter:
    """Fills one page of ``budget`` grid lines."""

    def __init__(self, corpus: Corpus, selection: Selection, measure: Measure, bound: Measure, budget: int):
        self.corpus = corpus
        self.selection = selection
        self.measure = measure
        self.bound = bound
        self.budget = budget

    def try_add(self, fill: Fill, unit: Unit) -> bool:
        """Take a unit when the body still fits with it; return whether it was taken."""
        have = fill.taken.get(unit.speech, [])
        new = [i for i in unit.indices if i not in have]
        if not new:
            return False
        indices = sorted(have + new)
        rest = fill.used - fill.cost.get(unit.speech, 0)
        if rest + self.bound(unit.speech, indices) > self.budget:
            return False  # cannot fit, whatever the line breaks: no need to measure
        slots = self.measure(unit.speech, indices)
        if rest + slots > self.budget:
            return False
        fill.taken[unit.speech], fill.cost[unit.speech] = indices, slots
        fill.used = rest + slots
        fill.units.append(Unit(tuple(new), unit.speech, unit.score, unit.pinned))
        return True

    def fit(self, pinned: Sequence[Unit], ranked: Sequence[Unit]) -> tuple[Fill, list[Unit]]:
        """Return the page's fill and the pinned units that did not fit."""
        fill = Fill()
        missed = [unit for unit in pinned if not self.try_add(fill, unit)]
        self._fill(fill, ranked)
        return fill, missed

    def _fill(self, fill: Fill, ranked: Sequence[Unit]) -> None:
        # Highest priority first. A priority only falls as units are taken from its speech
        # (speech_decay <= 1), so a heap entry whose priority is still current is the true maximum;
        # a stale one goes back with its new priority.
        decay = self.selection.speech_decay
        heap = [(-unit.score, unit.indices, position) for position, unit in enumerate(ranked)]
        heapq.heapify(heap)
        repeats = []
        while heap:
            key, _, position = heapq.heappop(heap)
            unit = ranked[position]
            current = unit.score * decay ** sum(u.speech == unit.speech for u in fill.units)
            if current < -key - 1e-12:
                heapq.heappush(heap, (-current, unit.indices, position))
                continue
            if any(is_repeat(self.corpus, i, fill.indices, self.selection.max_similarity) for i in unit.indices
                   if i not in fill.taken.get(unit.speech, ())):
                repeats.append(unit)
            else:
                self.try_add(fill, unit)
        for unit in repeats:  # rather a repeat than a page left mostly empty
            if fill.used >= self.selection.min_fill * self.budget:
                break
            self.try_add(fill, unit)

    def drop_last(self, fill: Fill) -> None:
        """Take back the unit taken last (the final layout check's remedy; never expected)."""
        unit = fill.units.pop()
        kept = [i for i in fill.taken[unit.speech] if i not in unit.indices]
        fill.used -= fill.cost.pop(unit.speech)
        if kept:
            fill.taken[unit.speech] = kept
            fill.cost[unit.speech] = self.measure(unit.speech, kept)
            fill.used += fill.cost[unit.speech]
        else:
            del fill.taken[unit.speech]
