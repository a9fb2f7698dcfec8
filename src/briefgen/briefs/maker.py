"""One-page thematic briefs (简报): for each theme, whole seed sentences fitted on exactly one page.

The collection's sentences are segmented once (through the token cache). Each theme ranks the
units that match it (a sentence, or a heading or lead with a sentence of its own text: units.py),
the editor's pins first, and fitting.py fills the page with them, measured with the layout core's
own line breaking. The taken sentences are set back in reading order, grouped by speech, each
group opened by its attribution (attribution.py); above them the headline and the lead paragraph
(导语), below them the 版记. Issue numbers are given once every theme is selected (numbering.py),
and every brief is laid out once more as a whole and must come out as exactly one page. All
wording comes from templates (brief_*.j2).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from briefgen.briefs.attribution import TITLE, attribution_form, unit_label, whole_title
from briefgen.briefs.fitting import Fill, Fitter
from briefgen.briefs.numbering import number_issues
from briefgen.briefs.selection import Corpus, Scored, TokensOf, collection_sentences, excluded_sentences, score_sentences
from briefgen.briefs.themes import BRIEF_DIR, Theme, ThemeFile
from briefgen.briefs.units import Unit, own_text, theme_units
from briefgen.document.compilation import template_blocks
from briefgen.document.model import LINE_BREAK, TAB, Block, Document, Metadata, Run, Section
from briefgen.errors import RenderError
from briefgen.filenames import safe_filename
from briefgen.fonts.coverage import describe_char, unprintable
from briefgen.i18n import _, ngettext
from briefgen.job import RenderJob
from briefgen.layout.lines import block_slots, style_slots
from briefgen.outline.model import Collection
from briefgen.project.config import format_chinese_date
from briefgen.project.templating import Templates
from briefgen.render import Renderer
from briefgen.words.segment import Token, TokenCache
from briefgen.words.titles import break_title

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
    sentences: tuple[Scored, ...]  # in reading order (a heading's or lead's own text without keywords scores 0)
    matching: int  # sentences matching the theme
    lines_used: int  # grid lines the body (the speeches' paragraphs) takes
    lines_available: int  # grid lines between the lead paragraph and the footer
    job: RenderJob
    form: str = TITLE  # of its attributions
    pinned: frozenset[int] = frozenset()  # sentence indices pinned by the editor


@dataclass
class Selected:
    """A theme's page before its issue number is known: the fill, the fitter, what it was chosen from."""

    theme: Theme
    number: int
    fill: Fill
    fitter: Fitter
    ranked: list[Scored]
    form: str
    speeches: int  # that hold a unit of the theme (the lead paragraph says how many)


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
        sentences = collection_sentences(outline)
        headlines = [t.headline for t in theme_file.themes]
        tokens = tokens_of([s.text for s in sentences] + headlines)
        self.corpus = Corpus(sentences, tokens[: len(sentences)])
        self.owned = own_text(self.corpus)
        self.headline_tokens = dict(zip(headlines, tokens[len(sentences):]))
        self.brief_name = self.templates.render_text("brief_name.j2")
        self._slots: dict[Block, int] = {}
        self._widths: dict[int, float] = {}
        self._attributions: dict[tuple[int, str], Run] = {}
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

    def _lead_blocks(self, theme: Theme, speeches: int) -> tuple[Block, ...]:
        document = self.config.document
        meeting_date = format_chinese_date(document.meeting_date) if document.meeting_date else ""
        return tuple(template_blocks(self.templates, "brief_lead.j2", self.sheet, {self.outline.title: self.outline.line},
                                     meeting=_one_line(document.meeting), meeting_date=meeting_date,
                                     collection=self.outline.title, theme=theme.name, headline=theme.headline,
                                     speeches=speeches))

    def _check_headline(self, theme: Theme, title: tuple[Block, ...]) -> None:
        """Raise RenderError naming the theme file when a character of the headline is in no font
        (the PDF writer would name the seed, the file of the rest of the page)."""
        for block in title:
            for run in block.runs:
                style = self.sheet.style(run.style or block.style)
                for char, role in unprintable(run.text, style, self.sheet, self.renderer.faces):
                    if char in theme.headline:
                        faces = ", ".join(self.renderer.faces[r].path.name for r in (role, "fallback"))
                        raise RenderError(self.theme_file.path, theme.line, _(
                            "character {char} of the headline of theme {theme!r} is in no font (role {role}, "
                            "fallback): {faces}; build with --allow-missing-glyphs to draw it blank").format(
                                char=describe_char(char), theme=theme.name, role=role, faces=faces))

    def _attribution(self, number: int, form: str) -> Run:
        """Return the run opening a speech's sentences: its unit or its whole title, as the template words it."""
        found = self._attributions.get((number, form))
        if found is None:
            speech = self.outline.speeches[number - 1]
            lines = self.templates.render_lines("brief_attribution.j2", self.sheet.styles, form=form, number=number,
                                                unit=unit_label(speech), title=whole_title(speech))
            text = "".join(line.text for line in lines)
            style = lines[0].style if lines else None
            # Attribution text is made from the speech's own title or unit line: errors name that line.
            found = self._attributions[(number, form)] = Run(text, style, speech.line)
        return found

    def group_blocks(self, speech: int, indices: Sequence[int], form: str) -> tuple[Block, ...]:
        """Return a speech's sentences as paragraphs, its attribution run into the first; a paragraph
        breaks only after a heading without its 。 (nothing may run on after it)."""
        attribution = self._attribution(speech, form)
        paragraphs: list[list[Run]] = [[attribution]] if attribution.text else [[]]
        for index in indices:
            sentence = self.corpus.sentences[index]
            paragraphs[-1].append(Run(sentence.text, None, sentence.line))
            if not sentence.closed:
                paragraphs.append([])
        return tuple(Block("brief_body", tuple(runs)) for runs in paragraphs if runs)

    # -- measuring ----------------------------------------------------------------------------

    def slots(self, block: Block) -> int:
        """Return the grid lines a block takes on a page (the layout core's line breaking)."""
        found = self._slots.get(block)
        if found is None:
            found = self._slots[block] = block_slots(block, self.sheet, self.renderer.metrics)
        return found

    def _width(self, run: Run) -> float:
        """Return the natural width of a run, spaces left out (they may hang)."""
        key = hash((run.text, run.style))
        found = self._widths.get(key)
        if found is None:
            style = self.sheet.style(run.style or "brief_body")
            found = self._widths[key] = self.renderer.metrics.width(run.text.replace(" ", ""), style)
        return found

    def measure(self, speech: int, indices: Sequence[int], form: str) -> int:
        """Return the grid lines of a speech's group."""
        return sum(self.slots(b) for b in self.group_blocks(speech, indices, form))

    def lower_bound(self, speech: int, indices: Sequence[int], form: str) -> int:
        """Return a lower bound of the grid lines of a speech's group: no line holds more than the measure."""
        style = self.sheet.style("brief_body")
        measure, indent = self.sheet.page.measure_pt, self.sheet.indent_pt(style)
        slots = 0
        for block in self.group_blocks(speech, indices, form):
            width = sum(self._width(run) for run in block.runs)
            slots += style_slots(style, max(1, -int(-(indent + width - 1e-6) // measure)))
        return slots

    # -- briefs -------------------------------------------------------------------------------

    def _warning(self, theme: Theme, message: str) -> str:
        """Return a warning line naming the theme's line in the theme file."""
        return f"{self.theme_file.path}:{theme.line}: warning: {message}"

    def _fixed_blocks(self, theme: Theme, issue: int, speeches: int) -> tuple[tuple[Block, ...], ...]:
        return (self._masthead_blocks(issue), self._title_blocks(theme), self._lead_blocks(theme, speeches))

    def select(self, theme: Theme, number: int, warn: Warn = warn_on_stderr) -> Selected | None:
        """Return what a theme's page holds, or None (with a warning naming the theme's line) when it has none."""
        selection = self.theme_file.selection
        ranked = score_sentences(self.corpus, theme, selection)
        pinned, units = theme_units(self.corpus, self.owned, ranked, theme, selection,
                                    excluded_sentences(self.corpus, theme), self.theme_file.path, warn)
        if not pinned and not units:
            if not ranked:
                message = _("theme {theme!r} matches no sentence of {seed} (keywords: {keywords}); no brief, "
                            "and no issue number")
            else:
                message = _("theme {theme!r} matches no sentence that can stand in a brief of {seed} (keywords: "
                            "{keywords}); no brief, and no issue number")
            warn(self._warning(theme, message.format(theme=theme.name, seed=self.source,
                                                     keywords="、".join(theme.keywords))))
            return None
        speech_numbers = sorted({u.speech for u in (*pinned, *units)})
        form = attribution_form(self.outline.speeches[n - 1] for n in speech_numbers)
        masthead, title, lead = self._fixed_blocks(theme, self.config.brief.first_issue, len(speech_numbers))
        if not self.renderer.allow_missing_glyphs:
            self._check_headline(theme, title)
        fixed = sum(self.slots(b) for b in (*masthead, *title, *lead, *self.footer))
        fitter = Fitter(self.corpus, selection, lambda s, i: self.measure(s, i, form),
                        lambda s, i: self.lower_bound(s, i, form), self.sheet.page.lines_per_page - fixed)
        fill, missed = fitter.fit(pinned, units) if fitter.budget > 0 else (Fill(), list(pinned))
        for unit in missed:
            text = self.corpus.sentences[unit.indices[0]].text
            warn(self._warning(theme, _("theme {theme!r}: pinned sentence {text!r}… does not fit on the page with "
                                        "the pins before it; left out").format(theme=theme.name, text=text[:20])))
        if not fill.units:
            warn(self._warning(theme, ngettext(
                "theme {theme!r}: its one matching sentence does not fit on the page; no brief, and no issue number",
                "theme {theme!r}: none of its {count} matching sentences fits on the page; no brief, and no issue "
                "number", len(ranked)).format(theme=theme.name, count=len(ranked))))
            return None
        return Selected(theme, number, fill, fitter, ranked, form, len(speech_numbers))

    def _document(self, selected: Selected, issue: int) -> Document:
        theme = selected.theme
        masthead, title, lead = self._fixed_blocks(theme, issue, selected.speeches)
        body = [*title, *lead]
        for speech in sorted(selected.fill.taken):
            body.extend(self.group_blocks(speech, selected.fill.taken[speech], selected.form))
        sections = [Section("masthead", masthead), Section("body", tuple(body), new_page=False)]
        if self.footer:
            sections.append(Section("footer", self.footer, new_page=False, at_foot=True))
        meta = {line.style: line.text for line in self.templates.render_lines(
            "brief_metadata.j2", METADATA_KEYS, brief_name=self.brief_name, issue=issue, headline=theme.headline,
            theme=theme.name, keywords=list(theme.keywords), unit=self.config.document.unit)}
        metadata = Metadata(title=meta.get("title", theme.headline), subject=meta.get("subject", ""),
                            author=self.config.document.unit, keywords=meta.get("keywords", ""), date=self.date)
        return Document("brief", tuple(sections), metadata)

    def build(self, selected: Selected, issue: int) -> Brief:
        """Return the brief of a selected page under its issue number, laid out on exactly one page."""
        while True:
            job = replace(self.renderer.job(self._document(selected, issue)), source=self.source)
            if len(job.layout.pages) == 1 or len(selected.fill.units) <= 1:
                break
            selected.fitter.drop_last(selected.fill)  # never expected: the measure is the layout's own
        theme, fill = selected.theme, selected.fill
        score_of = {s.sentence.index: s for s in selected.ranked}
        sentences = tuple(score_of.get(i) or Scored(self.corpus.sentences[i], 0.0, ()) for i in fill.indices)
        stem = f"{selected.number:02d}-{safe_filename(theme.name, 'theme')}"
        pinned = frozenset(i for unit in fill.units if unit.pinned for i in unit.indices)
        return Brief(theme, selected.number, issue, stem, sentences, len(selected.ranked), fill.used,
                     selected.fitter.budget, job, selected.form, pinned)


def make_briefs(outline: Collection, theme_file: ThemeFile, renderer: Renderer, tokens_of: TokensOf,
                source: str = "<seed>", warn: Warn = warn_on_stderr) -> list[Brief]:
    """Return the brief of every theme that has one, in theme order, numbered without gaps."""
    maker = BriefMaker(outline, theme_file, renderer, tokens_of, source)
    selected = [maker.select(theme, number, warn) for number, theme in enumerate(theme_file.themes, 1)]
    issues = number_issues(theme_file.themes, [s is not None for s in selected], renderer.project.config.brief.first_issue)
    return [maker.build(s, issue) for s, issue in zip(selected, issues) if s is not None and issue is not None]


def sentence_tokens(texts: list[str]) -> list[list[Token]]:
    """Return the words of each sentence from the sentence token cache (one store for all seeds: a
    sentence's words depend on it alone)."""
    return TokenCache("sentences").tokens(texts)


__all__ = ["BRIEF_DIR", "Brief", "BriefMaker", "Unit", "make_briefs", "sentence_tokens", "warn_on_stderr"]
