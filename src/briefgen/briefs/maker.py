"""One-page thematic briefs (简报): for each theme, whole seed sentences fitted on exactly one page.

For a seed with a theme file (seeds/x.themes.toml): the collection's sentences are segmented
once (through the token cache), each theme ranks the sentences that match it, and the page is
filled greedily in that order. A sentence is measured with the layout core's own line breaking
as part of its speech's paragraph, and taken only when the body still fits the grid lines left
between the masthead and title and the 版记 footer; a sentence that does not fit is passed over
for the following, shorter ones. The taken sentences are set back in reading order, grouped by
speech under an attribution line. Every brief is laid out once more as a whole and must come
out as exactly one page. All wording comes from templates (brief_*.j2).
"""

from __future__ import annotations

import heapq
import sys
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from briefgen.briefs.selection import (
    Corpus,
    Scored,
    TokensOf,
    collection_sentences,
    is_repeat,
    score_sentences,
)
from briefgen.briefs.themes import Theme, ThemeFile
from briefgen.document.compilation import template_blocks
from briefgen.document.model import (
    LINE_BREAK,
    TAB,
    Block,
    Document,
    Metadata,
    Run,
    Section,
)
from briefgen.document.titles import display_titles
from briefgen.errors import RenderError
from briefgen.filenames import safe_filename
from briefgen.fonts.coverage import describe_char, unprintable
from briefgen.job import RenderJob
from briefgen.layout.lines import block_slots, style_slots
from briefgen.outline.model import Collection
from briefgen.project.config import format_chinese_date
from briefgen.project.templating import Templates
from briefgen.render import Renderer
from briefgen.words.segment import Token, TokenCache
from briefgen.words.titles import break_title

BRIEF_DIR = "briefs"
INDEX_NAME = "index.json"
INDEX_SCHEMA = 1
MASTHEAD_RULE = "masthead"
FOOTER_OUTER_RULE = "footer_outer"
FOOTER_INNER_RULE = "footer_inner"
METADATA_KEYS = ("title", "subject", "keywords")

Warn = Callable[[str], None]


def warn_on_stderr(message: str) -> None:
    """Print a warning line on standard error."""
    print(message, file=sys.stderr)


@dataclass(frozen=True)
class Brief:
    """One theme's brief: what it holds, how full its page is, and its laid-out job."""

    theme: Theme
    number: int  # the theme's place in the theme file, 1-based (the NN of its file names)
    issue: int
    stem: str  # file name without extension: NN-<theme name>
    sentences: tuple[Scored, ...]  # in reading order
    matching: int  # sentences matching the theme
    lines_used: int  # grid lines the body (attributions and paragraphs) takes
    lines_available: int  # grid lines between the title and the footer
    job: RenderJob


def _one_line(value: str) -> str:
    """Return a configured value with tabs and line breaks turned into spaces."""
    return " ".join(value.replace(TAB, " ").split())


class BriefMaker:
    """What the briefs of one seed share: its sentences and their words, templates, fixed wording, measures."""

    def __init__(self, outline: Collection, theme_file: ThemeFile, renderer: Renderer, tokens_of: TokensOf,
                 source: str = "<seed>"):
        self.outline = outline
        self.theme_file = theme_file
        self.renderer = renderer
        self.source = source
        self.sheet = renderer.project.style
        self.config = renderer.project.config
        self.templates: Templates = renderer.templates
        self.date = self.config.document_date()
        self.titles = display_titles(outline, self.sheet)
        sentences = collection_sentences(outline)
        headlines = [t.headline for t in theme_file.themes]
        tokens = tokens_of([s.text for s in sentences] + headlines)
        self.corpus = Corpus(sentences, tokens[: len(sentences)], len(outline.speeches))
        self.headline_tokens = dict(zip(headlines, tokens[len(sentences):]))
        self.brief_name = self.templates.render_text("brief_name.j2")
        self._slots: dict[Block, int] = {}
        self._widths: dict[int, float] = {}
        self._attributions: dict[int, tuple[Block, ...]] = {}
        self.footer = self._footer_blocks()

    # -- blocks -------------------------------------------------------------------------------

    def _blocks(self, name: str, **context) -> list[Block]:
        return list(template_blocks(self.templates, name, self.sheet, **context))

    def _masthead_blocks(self, issue: int) -> tuple[Block, ...]:
        blocks = self._blocks("brief_masthead.j2", brief_name=self.brief_name, issue=issue,
                              unit=_one_line(self.config.document.unit), date=format_chinese_date(self.date), tab=TAB,
                              classification=self.config.document.classification)
        if blocks and MASTHEAD_RULE in self.sheet.rules:
            blocks[-1] = replace(blocks[-1], rule_below=MASTHEAD_RULE)
        return tuple(blocks)

    def _footer_blocks(self) -> tuple[Block, ...]:
        brief = self.config.brief
        blocks = self._blocks("brief_footer.j2", report_to=_one_line(brief.report_to),
                              copy_to=_one_line(brief.copy_to), send_to=_one_line(brief.send_to),
                              copies=brief.copies, tab=TAB)
        rules = self.sheet.rules
        for index, block in enumerate(blocks):
            last = index == len(blocks) - 1
            below = FOOTER_OUTER_RULE if last else FOOTER_INNER_RULE
            blocks[index] = replace(block, rule_above=FOOTER_OUTER_RULE if index == 0 and FOOTER_OUTER_RULE in rules
                                    else None, rule_below=below if below in rules else None)
        return tuple(blocks)

    def _title_blocks(self, theme: Theme) -> tuple[Block, ...]:
        style = self.sheet.style("brief_title")
        cells = self.sheet.page.measure_pt // (style.size_pt + self.sheet.page.char_spacing_pt)
        if LINE_BREAK in theme.headline:
            lines = tuple(line.strip() for line in theme.headline.split(LINE_BREAK) if line.strip())
        else:
            lines = break_title(theme.headline, self.headline_tokens.get(theme.headline, []), cells)
        return tuple(self._blocks("brief_title.j2", headline=theme.headline, headline_lines=list(lines),
                                  theme=theme.name))

    def _check_headline(self, theme: Theme, title: tuple[Block, ...]) -> None:
        """Raise RenderError naming the theme file when a character of the headline is in no font
        (the PDF writer would name the seed, the file of the rest of the page)."""
        for block in title:
            for run in block.runs:
                style = self.sheet.style(run.style or block.style)
                for char, role in unprintable(run.text, style, self.sheet, self.renderer.faces):
                    if char in theme.headline:
                        faces = ", ".join(self.renderer.faces[r].path.name for r in (role, "fallback"))
                        raise RenderError(self.theme_file.path, theme.line, f"character {describe_char(char)} of "
                                          f"the headline of theme {theme.name!r} is in no font (role {role}, "
                                          f"fallback): {faces}; build with --allow-missing-glyphs to draw it blank")

    def _attribution(self, number: int) -> tuple[Block, ...]:
        found = self._attributions.get(number)
        if found is None:
            speech = self.outline.speeches[number - 1]
            unit = speech.unit.text.strip().strip("（）()").strip() if speech.unit else ""
            blocks = self._blocks("brief_attribution.j2", number=number, title=speech.title,
                                  short_title=self.titles.speeches[number - 1][0], unit=unit)
            # Attribution text is made from the speech's own title or unit line: errors name that line.
            found = tuple(replace(b, runs=tuple(replace(r, line=speech.line) for r in b.runs)) for b in blocks)
            self._attributions[number] = found
        return found

    def _group_blocks(self, speech: int, indices: Sequence[int]) -> tuple[Block, ...]:
        """Return a speech's attribution and its sentences, as paragraphs broken only after an unclosed sentence."""
        paragraphs: list[list[Run]] = []
        current: list[Run] = []
        for index in indices:
            sentence = self.corpus.sentences[index]
            current.append(Run(sentence.text, None, sentence.line))
            if not sentence.closed:  # a heading without its 。: nothing may run on after it
                paragraphs.append(current)
                current = []
        if current:
            paragraphs.append(current)
        return self._attribution(speech) + tuple(Block("brief_body", tuple(runs)) for runs in paragraphs)

    # -- measuring ----------------------------------------------------------------------------

    def slots(self, block: Block) -> int:
        """Return the grid lines a block takes on a page (the layout core's line breaking)."""
        found = self._slots.get(block)
        if found is None:
            found = self._slots[block] = block_slots(block, self.sheet, self.renderer.metrics)
        return found

    def _width(self, index: int) -> float:
        """Return the natural width of a sentence set in the body style, spaces left out (they may hang)."""
        found = self._widths.get(index)
        if found is None:
            text = self.corpus.sentences[index].text.replace(" ", "")
            found = self._widths[index] = self.renderer.metrics.width(text, self.sheet.style("brief_body"))
        return found

    def _at_least(self, speech: int, indices: Sequence[int]) -> int:
        """Return a lower bound of the grid lines of a speech's group: no line holds more than the measure."""
        style = self.sheet.style("brief_body")
        measure = self.sheet.page.measure_pt
        indent = self.sheet.indent_pt(style)
        slots = sum(self.slots(b) for b in self._attribution(speech))
        width = 0.0
        for position, index in enumerate(indices):
            width += self._width(index)
            if not self.corpus.sentences[index].closed or position == len(indices) - 1:
                slots += style_slots(style, max(1, -int(-(indent + width - 1e-6) // measure)))
                width = 0.0
        return slots

    def _fit(self, ranked: Sequence[Scored], budget: int) -> list[int]:
        """Take sentences by priority while the body fits ``budget`` grid lines; return them in the order taken.

        Priority is the score, times selection.speech_decay for every sentence already taken from
        the same speech, so that the page reports what several speeches said. A sentence that does
        not fit is passed over for the following ones: the body only grows, so it never fits later.
        """
        selection = self.theme_file.selection
        taken: dict[int, list[int]] = {}
        cost: dict[int, int] = {}
        chosen: list[int] = []
        used = 0

        def try_add(index: int) -> None:
            nonlocal used
            speech = self.corpus.sentences[index].speech
            indices = sorted(taken.get(speech, []) + [index])
            if used - cost.get(speech, 0) + self._at_least(speech, indices) > budget:
                return  # cannot fit, whatever the line breaks: no need to measure
            slots = sum(self.slots(b) for b in self._group_blocks(speech, indices))
            total = used - cost.get(speech, 0) + slots
            if total <= budget:
                taken[speech], cost[speech], used = indices, slots, total
                chosen.append(index)

        def priority(scored: Scored) -> tuple[float, int]:
            count = len(taken.get(scored.sentence.speech, ()))
            return scored.score * selection.speech_decay ** count, -scored.sentence.index

        # Highest priority first. A priority only falls as sentences are taken from its speech
        # (speech_decay <= 1), so a heap entry whose priority is still current is the true maximum;
        # a stale one goes back with its new priority. (Picking the maximum of a list each time
        # made a 100-times seed take minutes.)
        heap = [(-scored.score, scored.sentence.index, position) for position, scored in enumerate(ranked)]
        heapq.heapify(heap)
        repeats = []
        while heap:
            key, _, position = heapq.heappop(heap)
            scored = ranked[position]
            current = priority(scored)[0]
            if current < -key:
                heapq.heappush(heap, (-current, scored.sentence.index, position))
                continue
            index = scored.sentence.index
            if is_repeat(self.corpus, index, chosen, selection.max_similarity):
                repeats.append(index)
            else:
                try_add(index)
        for index in repeats:  # rather a repeat than a page left mostly empty
            if used >= selection.min_fill * budget:
                break
            try_add(index)
        return chosen

    # -- briefs -------------------------------------------------------------------------------

    def _document(self, theme: Theme, issue: int, masthead: tuple[Block, ...], title: tuple[Block, ...],
                  chosen: Sequence[int]) -> Document:
        body = list(title)
        by_speech: dict[int, list[int]] = {}
        for index in sorted(chosen):
            by_speech.setdefault(self.corpus.sentences[index].speech, []).append(index)
        for speech, indices in by_speech.items():
            body.extend(self._group_blocks(speech, indices))
        sections = [Section("masthead", masthead), Section("body", tuple(body), new_page=False)]
        if self.footer:
            sections.append(Section("footer", self.footer, new_page=False, at_foot=True))
        meta = {line.style: line.text for line in self.templates.render_lines(
            "brief_metadata.j2", METADATA_KEYS, brief_name=self.brief_name, issue=issue, headline=theme.headline,
            theme=theme.name, keywords=list(theme.keywords), unit=self.config.document.unit)}
        metadata = Metadata(title=meta.get("title", theme.headline), subject=meta.get("subject", ""),
                            author=self.config.document.unit, keywords=meta.get("keywords", ""), date=self.date)
        return Document("brief", tuple(sections), metadata)

    def make(self, theme: Theme, number: int, warn: Warn = warn_on_stderr) -> Brief | None:
        """Return the brief of a theme, or None (with a warning naming the theme's line) when it has none."""
        where = f"{self.theme_file.path}:{theme.line}: warning: theme {theme.name!r}"
        issue = theme.issue if theme.issue is not None else self.config.brief.first_issue + number - 1
        ranked = score_sentences(self.corpus, theme, self.theme_file.selection)
        if not ranked:
            warn(f"{where} matches no sentence of {self.source} (keywords: {'、'.join(theme.keywords)}); no brief")
            return None
        masthead, title = self._masthead_blocks(issue), self._title_blocks(theme)
        if not self.renderer.allow_missing_glyphs:
            self._check_headline(theme, title)
        fixed = sum(self.slots(b) for b in (*masthead, *title, *self.footer))
        budget = self.sheet.page.lines_per_page - fixed
        chosen = self._fit(ranked, budget) if budget > 0 else []
        while chosen:
            job = replace(self.renderer.job(self._document(theme, issue, masthead, title, chosen)), source=self.source)
            if len(job.layout.pages) == 1:
                break
            chosen.pop()  # never expected: the measure above is the layout's own; drop the last taken
        if not chosen:
            warn(f"{where}: none of its {len(ranked)} matching sentences fits on the page; no brief")
            return None
        used = sum(self.slots(b) for b in job.document.sections[1].blocks[len(title):])
        score_of = {s.sentence.index: s for s in ranked}
        stem = f"{number:02d}-{safe_filename(theme.name, 'theme')}"
        return Brief(theme, number, issue, stem, tuple(score_of[i] for i in sorted(chosen)), len(ranked), used,
                     budget, job)


def brief_index(briefs: Sequence[Brief], outline: Collection, formats: Sequence[str], source: str,
                themes: str) -> dict:
    """Return index.json: per brief, its files, fill and every sentence with its speech and seed line."""
    entries = []
    for brief in briefs:
        entries.append({
            "number": brief.number,
            "issue": brief.issue,
            "theme": brief.theme.name,
            "theme_line": brief.theme.line,
            "headline": brief.theme.headline,
            "keywords": list(brief.theme.keywords),
            "files": [f"{BRIEF_DIR}/{brief.stem}.{fmt}" for fmt in formats],
            "matching_sentences": brief.matching,
            "lines": {"used": brief.lines_used, "available": brief.lines_available},
            "sentences": [{
                "text": s.sentence.text,
                "speech": {"number": s.sentence.speech, "title": outline.speeches[s.sentence.speech - 1].title},
                "line": s.sentence.line,
                "point": s.sentence.point,
                "role": s.sentence.role,
                "keywords": list(s.keywords),
                "score": round(s.score, 4),
            } for s in brief.sentences],
        })
    return {"schema_version": INDEX_SCHEMA, "seed": source, "themes": themes, "briefs": entries}


def make_briefs(outline: Collection, theme_file: ThemeFile, renderer: Renderer, tokens_of: TokensOf,
                source: str = "<seed>", warn: Warn = warn_on_stderr) -> list[Brief]:
    """Return the brief of every theme that has one, in theme order."""
    maker = BriefMaker(outline, theme_file, renderer, tokens_of, source)
    made = (maker.make(theme, number, warn) for number, theme in enumerate(theme_file.themes, 1))
    return [brief for brief in made if brief is not None]


def sentence_tokens(texts: list[str]) -> list[list[Token]]:
    """Return the words of each sentence from the sentence token cache (one store for all seeds: a
    sentence's words depend on it alone)."""
    return TokenCache("sentences").tokens(texts)
