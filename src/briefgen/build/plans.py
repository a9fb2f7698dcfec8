"""What outputs a seed has, what each is made from, and how to render it.

The compilation (DOCX and PDF) shows the whole outline; each brief shows the sentences it
took from some speeches; index.json lists those sentences with their seed lines. An output's
dependencies are the hashes of exactly those parts, of the templates its document used, and
of what every output shares (style sheet, configuration, fonts, date, briefgen version).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from briefgen.build.fingerprint import Fingerprint, hash_bytes, hash_json
from briefgen.outline.model import Collection, to_dict
from briefgen.project.folder import Project

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
    return {str(n): hash_json(_without_lines(s)) for n, s in enumerate(to_dict(outline)["speeches"], 1)}


def hash_document(document: Any) -> str:
    """Return a hash of a document's blocks and metadata (their repr is deterministic)."""
    return hash_bytes(repr(document).encode("utf-8"))


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

    project, inputs = plan.project, plan.fingerprint.values
    loaded = load_seed(plan.seed)
    outline = loaded.outline
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
    targets = [_target(f"{name}.{fmt}", "compilation", fmt, None, deps, job) for fmt in plan.formats]
    return targets + plan_briefs(plan, outline, renderer, speeches)


def check_seed(plan: SeedPlan, outline: Collection, text: str) -> None:
    """Print check's errors (a numbering gap, a repeat) as warnings with their lines; with --strict, fail on them."""
    from briefgen.errors import CheckError
    from briefgen.outline.lint import build_errors, lint

    if plan.strict:
        errors = [f for f in lint(outline, text) if f.severity == "error"]
        if errors:
            more = f" (and {len(errors) - 1} more: `briefgen check` lists them)" if len(errors) > 1 else ""
            raise CheckError(plan.shown, errors[0].line, f"{errors[0].message}{more}; --strict builds no seed "
                             "that check finds errors in")
        return
    for finding in build_errors(outline, text):
        plan.warn(f"{plan.shown}:{finding.line}: warning: {finding.message}")


def _target(path: str, kind: str, fmt: str, theme: str | None, deps: dict[str, Any], job: Callable) -> Target:
    """Return a target whose bytes the writer of ``fmt`` makes from ``job()``."""
    from briefgen.writers import get_writer

    writer = get_writer(fmt)
    return Target(path, kind, fmt, theme, deps, lambda: writer(job()))


def plan_briefs(plan: SeedPlan, outline: Collection, renderer, speeches: Mapping[str, str]) -> list[Target]:
    """Return the targets of a seed's briefs and their index (none without a theme file)."""
    from briefgen.briefs.maker import (
        BRIEF_DIR,
        INDEX_NAME,
        brief_index,
        make_briefs,
        sentence_tokens,
    )
    from briefgen.briefs.themes import load_themes, themes_path

    path = themes_path(plan.seed)
    if not path.is_file():
        return []
    inputs = plan.fingerprint.values
    themes = load_themes(path, plan.project.relative(path))
    renderer.templates.used.clear()
    briefs = make_briefs(outline, themes, renderer, sentence_tokens, plan.shown, plan.warn)
    templates = _template_deps(inputs, set(renderer.templates.used))
    targets = []
    for brief in briefs:
        used = sorted({str(s.sentence.speech) for s in brief.sentences}, key=int)
        deps = {**common_deps(inputs), "templates": templates, "theme": hash_json(repr(brief.theme)),
                "speeches": {n: speeches[n] for n in used}, "document": hash_document(brief.job.document)}
        targets += [_target(f"{BRIEF_DIR}/{brief.stem}.{fmt}", "brief", fmt, brief.theme.name, deps,
                            (lambda job=brief.job: job)) for fmt in plan.formats]
    data = _index_bytes(brief_index(briefs, outline, plan.formats, plan.shown, themes.path))
    targets.append(Target(f"{BRIEF_DIR}/{INDEX_NAME}", "brief-index", "json", None,
                          {"version": inputs["version"], "document": hash_bytes(data)}, lambda: data))
    return targets


def _index_bytes(index: Mapping[str, Any]) -> bytes:
    return (json.dumps(index, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def output_dirs(seeds: Sequence[Path], out: Path | None, root: Path) -> list[Path]:
    """Return each seed's output folder: DIR itself for one seed with -o, else DIR/<seed name>/."""
    from briefgen.filenames import safe_filename

    if out is not None and len(seeds) == 1:
        return [out]
    base = out if out is not None else root / OUTPUT_ROOT
    return [base / safe_filename(seed.stem, "seed") for seed in seeds]  # seeds/...txt has the stem ..

