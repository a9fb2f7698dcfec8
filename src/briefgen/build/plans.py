"""What outputs a seed has, what each is made from, and how to render it.

The compilation (DOCX and PDF) shows the whole outline; each brief shows the sentences it
took from some speeches; index.json lists those sentences with their seed lines. An output's
dependencies are the hashes of exactly those parts, of the templates its document used, and
of what every output shares (style sheet, configuration, fonts, date, briefgen version). A
brief's document is hashed without seed line numbers and its speeches are named by title, so a
speech added or removed elsewhere (which moves lines and renumbers speeches) leaves it as it was.
A seed without a theme file gets briefs of themes found in its text, and the theme file they
came from as one more output (briefs/themes.toml) for the user to adopt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from briefgen.build.fingerprint import Fingerprint, hash_bytes, hash_json
from briefgen.i18n import _, ngettext
from briefgen.project.folder import Project

if TYPE_CHECKING:  # the outline's model is loaded by the builds that parse, not by a no-op
    from briefgen.outline.model import Collection

DERIVED_THEMES = "themes.toml"  # in the briefs folder: the theme file of a seed that has none

OUTPUT_ROOT = "output"


@dataclass
class Target:
    """An output a build can make: where it goes, what it is, what it depends on, how to render it."""

    path: str  # relative to the output folder, / separated
    kind: str  # "compilation", "brief" or "brief-index"
    format: str
    theme: str | None
    deps: dict[str, Any]
    render: Callable[[], bytes]


@dataclass(frozen=True)
class SeedPlan:
    """What planning a seed's outputs needs: the seed, its project, the options and the inputs' fingerprint."""

    seed: Path
    shown: str  # the seed as the user names it
    project: Project
    formats: tuple[str, ...]
    allow_missing_glyphs: bool
    fingerprint: Fingerprint
    warn: Callable[[str], None]
    out_dir: Path | None = None  # where the outputs go (the previous index is read there)
    strict: bool = False  # check's errors fail the build instead of being printed as warnings


def _without_lines(value: Any) -> Any:
    """Return outline data without line numbers: moving text down a line does not change a page."""
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def speech_hashes(outline: Collection) -> dict[str, str]:
    """Return speech number (1-based, as text) -> hash of what the speech shows."""
    from briefgen.outline.model import to_dict

    return {str(n): hash_json(_without_lines(s)) for n, s in enumerate(to_dict(outline)["speeches"], 1)}


def hash_document(document: Any) -> str:
    """Return a hash of a document's blocks and metadata (their repr is deterministic)."""
    return hash_bytes(repr(document).encode("utf-8"))


def hash_without_lines(document: Any) -> str:
    """Return a hash of a document with every run's seed line left out (lines name errors, print nothing)."""
    from dataclasses import replace

    sections = tuple(replace(section, blocks=tuple(replace(block, runs=tuple(replace(run, line=0) for run in block.runs))
                                                   for block in section.blocks)) for section in document.sections)
    return hash_document(replace(document, sections=sections))


def common_deps(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Return the dependencies every output shares."""
    return {"version": inputs["version"], "style": inputs["style"], "config": inputs["config"],
            "fonts": hash_json(inputs["fonts"]), "date": inputs["date"],
            "allow_missing_glyphs": inputs["allow_missing_glyphs"]}


def _template_deps(inputs: Mapping[str, Any], names: set[str]) -> dict[str, str]:
    return {name: inputs["templates"].get(name, "missing") for name in sorted(names)}


def plan_outputs(plan: SeedPlan) -> list[Target]:
    """Return the compilation's targets, then each brief's and the brief index."""
    from briefgen.document.compilation import build_compilation
    from briefgen.filenames import safe_filename
    from briefgen.outline.seeds import load_seed
    from briefgen.render import Renderer
    from briefgen.words.segment import expect_characters

    project, inputs = plan.project, plan.fingerprint.values
    loaded = load_seed(plan.seed)
    outline = loaded.outline
    expect_characters(loaded.text + _theme_file_text(plan.seed))  # titles, sentences and headlines: one
    # pass over the dictionary (a headline character the seed lacks would take a second pass, 70 ms)
    for warning in outline.warnings:  # what the parser removed or doubted, as `check` says it
        plan.warn(f"{plan.shown}:{warning.line}: warning: {warning.message}")
    check_seed(plan, outline, loaded.text)
    renderer = Renderer(project, plan.allow_missing_glyphs, plan.fingerprint.faces, plan.shown)
    speeches = speech_hashes(outline)
    renderer.templates.used.clear()
    document = build_compilation(outline, renderer.templates, project.style, project.config,
                                 project.config.document_date())
    deps = {**common_deps(inputs), "speeches": speeches, "document": hash_document(document),
            "templates": _template_deps(inputs, set(renderer.templates.used))}
    job = lru_cache(maxsize=1)(lambda: renderer.job(document))
    name = safe_filename(outline.title, "compilation")
    warn = _fallback_warner(plan.warn)
    targets = [_target(f"{name}.{fmt}", "compilation", fmt, None, deps, job, warn) for fmt in plan.formats]
    targets += plan_briefs(plan, outline, renderer, speeches, warn)
    renderer.templates.save()
    return targets


def check_seed(plan: SeedPlan, outline: Collection, text: str) -> None:
    """Print check's errors (a numbering gap, a repeat) as warnings with their lines; with --strict, fail on them."""
    from briefgen.errors import CheckError
    from briefgen.outline.lint import build_errors, lint

    if plan.strict:
        errors = [f for f in lint(outline, text) if f.severity == "error"]
        if errors:
            if len(errors) > 1:
                message = _("{message} (and {count} more: `briefgen check` lists them); --strict builds no seed "
                            "that check finds errors in")
            else:
                message = _("{message}; --strict builds no seed that check finds errors in")
            raise CheckError(plan.shown, errors[0].line, message.format(message=errors[0].message,
                                                                        count=len(errors) - 1))
        return
    for finding in build_errors(outline, text):
        plan.warn(f"{plan.shown}:{finding.line}: warning: {finding.message}")


def _target(path: str, kind: str, fmt: str, theme: str | None, deps: dict[str, Any], job: Callable,
            warn: Callable[[Any], None]) -> Target:
    """Return a target whose bytes the writer of ``fmt`` makes from ``job()``; a PDF's job is first
    given to ``warn`` (the characters it draws from the fallback face)."""
    from briefgen.writers import get_writer

    writer = get_writer(fmt)
    if fmt != "pdf":
        return Target(path, kind, fmt, theme, deps, lambda: writer(job()))

    def render() -> bytes:
        made = job()
        warn(made)
        return writer(made)

    return Target(path, kind, fmt, theme, deps, render)


def _fallback_warner(warn: Callable[[str], None]) -> Callable[[Any], None]:
    """Return what turns a PDF job's characters drawn from the fallback face into warning lines, each
    character of a role once per seed (the compilation and its briefs share their text)."""
    from briefgen.fonts.coverage import describe_char, fallback_uses

    said: set[tuple[str, str]] = set()

    def warn_fallbacks(job) -> None:
        for use in fallback_uses(job.layout, job.faces):
            if (use.char, use.role) in said:
                continue
            said.add((use.char, use.role))
            where = f"{job.source}:{use.line}" if use.line else f"{job.source}"
            family = job.sheet.fonts.get(use.role)
            message = _fallback_message(bool(use.line), bool(family)).format(
                char=describe_char(use.char), role=use.role, family=family, face=use.face.path.name,
                fallback=use.fallback.path.name)
            warn(f"{where}: warning: {message}")

    return warn_fallbacks


def _fallback_message(on_seed_line: bool, has_family: bool) -> str:
    """Return the warning about a character drawn from the fallback face: used on a seed line or in
    template wording, set in a role with a family name Word sees or without one."""
    if on_seed_line:
        if has_family:
            return _("character {char} (role {role}, {family}) is not in its face {face}; drawn in the fallback "
                     "face {fallback}")
        return _("character {char} (role {role}) is not in its face {face}; drawn in the fallback face {fallback}")
    if has_family:
        return _("character {char} (template wording) (role {role}, {family}) is not in its face {face}; drawn in "
                 "the fallback face {fallback}")
    return _("character {char} (template wording) (role {role}) is not in its face {face}; drawn in the fallback "
             "face {fallback}")


def plan_briefs(plan: SeedPlan, outline: Collection, renderer, speeches: Mapping[str, str],
                warn: Callable[[Any], None] = lambda job: None) -> list[Target]:
    """Return the targets of a seed's briefs and their index; without a theme file, also the derived one."""
    from briefgen.briefs.index import INDEX_NAME, brief_index, index_bytes, read_previous_index, warn_lost_sources
    from briefgen.briefs.themes import BRIEF_DIR

    inputs = plan.fingerprint.values
    renderer.templates.used.clear()
    tokens_of = _remembered(_sentence_tokens)  # deriving themes and making briefs segment the same sentences
    themes, derived = _theme_file(plan, outline, renderer, tokens_of)
    briefs = _make_briefs(plan, outline, themes, renderer, tokens_of)
    if plan.out_dir is not None and briefs:
        texts = {s.text for s in _sentences(outline)}
        warn_lost_sources(briefs, read_previous_index(plan.out_dir), outline, texts, themes.path, plan.warn)
    templates = _template_deps(inputs, set(renderer.templates.used))
    titles = {str(n): s.title for n, s in enumerate(outline.speeches, 1)}
    targets = []
    for brief in briefs:
        used = sorted({str(s.sentence.speech) for s in brief.sentences}, key=int)
        deps = {**common_deps(inputs), "templates": templates, "theme": hash_json(theme_content(brief.theme)),
                "speeches": {titles[n]: speeches[n] for n in used}, "document": hash_without_lines(brief.job.document)}
        targets += [_target(f"{BRIEF_DIR}/{brief.stem}.{fmt}", "brief", fmt, brief.theme.name, deps,
                            (lambda job=brief.job: job), warn) for fmt in plan.formats]
    if derived is not None:
        data = derived.encode("utf-8")
        targets.append(Target(f"{BRIEF_DIR}/{DERIVED_THEMES}", "themes", "toml", None,
                              {"version": inputs["version"], "document": hash_bytes(data)}, lambda: data))
    index = index_bytes(brief_index(briefs, outline, plan.formats, plan.shown, themes.path, derived is not None))
    targets.append(Target(f"{BRIEF_DIR}/{INDEX_NAME}", "brief-index", "json", None,
                          {"version": inputs["version"], "document": hash_bytes(index)}, lambda: index))
    return targets


def theme_content(theme) -> list:
    """Return what of a theme shapes its brief: not the lines it stands on in its file (moving it, or a
    comment above it, rewrites no brief)."""
    return [theme.name, theme.headline, list(theme.keywords), list(theme.exclude), theme.issue,
            [c.text for c in theme.pin], [c.text for c in theme.drop]]


def _make_briefs(plan: SeedPlan, outline: Collection, themes, renderer, tokens_of) -> list:
    """Return the briefs of the themes; a theme file without themes (the compilation alone) loads no
    brief maker."""
    if not themes.themes:
        return []
    from briefgen.briefs.maker import make_briefs

    return make_briefs(outline, themes, renderer, tokens_of, plan.shown, plan.warn)


def _sentence_tokens(texts: list[str]) -> list:
    from briefgen.briefs.maker import sentence_tokens

    return sentence_tokens(texts)


def _sentences(outline: Collection):
    from briefgen.briefs.selection import collection_sentences

    return collection_sentences(outline)


def _remembered(tokens_of: Callable[[list[str]], list]) -> Callable[[list[str]], list]:
    """Return ``tokens_of`` remembering what it returned (without a cache folder, texts are segmented once)."""
    seen: dict[str, Any] = {}

    def tokens(texts: list[str]) -> list:
        missing = [text for text in dict.fromkeys(texts) if text not in seen]
        if missing:
            seen.update(zip(missing, tokens_of(missing)))
        return [seen[text] for text in texts]

    return tokens


def _theme_file(plan: SeedPlan, outline: Collection, renderer, tokens_of: Callable[[list[str]], list]):
    """Return the seed's theme file and, when it has none, the text of the one derived from its text
    (and say so in one line)."""
    from briefgen.briefs.themes import BRIEF_DIR, load_themes, themes_path

    path = themes_path(plan.seed)
    if path.is_file():
        return load_themes(path, plan.project.relative(path)), None
    from briefgen.briefs.suggest import derived_theme_file

    out_dir = plan.out_dir if plan.out_dir is not None else output_dirs([plan.seed], None, plan.project.root)[0]
    shown = plan.project.relative(out_dir / BRIEF_DIR / DERIVED_THEMES)
    # its comments speak the user's language, an input recorded in the fingerprint for this file alone
    text, themes = derived_theme_file(outline, tokens_of, renderer.templates, plan.shown, shown,
                                      language=plan.fingerprint.values["comments_language"])
    count = len(themes.themes)
    message = ngettext("no theme file {themes}: {count} theme found in the text, written to {written} (copy it to "
                       "{themes} to edit and keep it)",
                       "no theme file {themes}: {count} themes found in the text, written to {written} (copy it to "
                       "{themes} to edit and keep them)", count)
    plan.warn(f"{plan.shown}: note: {message.format(themes=plan.project.relative(path), count=count, written=shown)}")
    return themes, text


def _theme_file_text(seed: Path) -> str:
    """Return the text of the seed's theme file, or "" without one (read again, and checked, by its loader)."""
    from briefgen.briefs.themes import themes_path

    try:
        return themes_path(seed).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def output_dirs(seeds: Sequence[Path], out: Path | None, root: Path) -> list[Path]:
    """Return each seed's output folder: DIR itself for one seed with -o, else DIR/<seed name>/."""
    from briefgen.filenames import safe_filename

    if out is not None and len(seeds) == 1:
        return [out]
    base = out if out is not None else root / OUTPUT_ROOT
    return [base / safe_filename(seed.stem, "seed") for seed in seeds]  # seeds/...txt has the stem ..

