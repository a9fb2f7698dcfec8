"""What outputs a seed has, what each is made from, and how to render it.

The compilation (DOCX and PDF) shows the whole outline; each brief shows the sentences it
took from some speeches; index.json lists those sentences with their seed lines. An output's
dependencies are the hashes of exactly those parts, of the templates its document used, and
of what every output shares (style sheet, configuration, fonts, date, briefgen version).
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from typing import Any, Callable, Mapping

from briefgen.build.builder import SeedBuild, Target, theme_file
from briefgen.build.fingerprint import hash_bytes, hash_json
from briefgen.outline.model import Collection, to_dict

WRITER_TEMPLATES = ("page_number.j2",)  # rendered by the writers on numbered pages


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


def _template_deps(inputs: Mapping[str, Any], names: set[str]) -> dict[str, str]:
    return {name: inputs["templates"].get(name, "missing") for name in sorted(names)}


def _once(make: Callable[[], Any]) -> Callable[[], Any]:
    return lru_cache(maxsize=1)(make)


def plan_outputs(build: SeedBuild, inputs: Mapping[str, Any]) -> list[Target]:
    """Return the compilation's targets, then each brief's and the brief index."""
    from briefgen.document.compilation import build_compilation
    from briefgen.filenames import safe_filename
    from briefgen.render import Renderer
    from briefgen.outline.seeds import load_seed
    from briefgen.writers import get_writer

    project = build.project
    loaded = load_seed(build.seed)
    outline = loaded.outline
    for warning in outline.warnings:  # what the parser removed or doubted, as `check` says it
        build.warn(f"{build.shown}:{warning.line}: warning: {warning.message}")
    renderer = Renderer(project, build.allow_missing_glyphs, build.faces, build.shown)
    common = build.common_deps(inputs)
    speeches = speech_hashes(outline)
    date = project.config.document_date()

    renderer.templates.used.clear()
    document = build_compilation(outline, renderer.templates, project.style, project.config, date)
    deps = {**common, "speeches": speeches, "document": hash_document(document),
            "templates": _template_deps(inputs, renderer.templates.used | set(WRITER_TEMPLATES))}
    job = _once(lambda: replace(renderer.job(document), source=build.shown))
    name = safe_filename(outline.title, "compilation")
    targets = []
    for fmt in build.formats:
        writer = get_writer(fmt)
        targets.append(Target(f"{name}.{fmt}", "compilation", fmt, None, deps,
                              (lambda writer=writer: writer(job()))))
    targets += plan_briefs(build, inputs, outline, renderer, speeches)
    return targets


def plan_briefs(build: SeedBuild, inputs: Mapping[str, Any], outline: Collection, renderer,
                speeches: Mapping[str, str]) -> list[Target]:
    """Return the targets of a seed's briefs and their index (none without a theme file)."""
    from briefgen.briefs.maker import BRIEF_DIR, INDEX_NAME, brief_index, make_briefs, token_cache
    from briefgen.briefs.themes import load_themes
    from briefgen.writers import get_writer

    path = theme_file(build.seed)
    if not path.is_file():
        return []
    project = build.project
    themes = load_themes(path, project.relative(path))
    renderer.templates.used.clear()
    briefs = make_briefs(outline, themes, renderer, token_cache(build.seed).tokens, build.shown, build.warn)
    templates = _template_deps(inputs, set(renderer.templates.used))
    common = build.common_deps(inputs)
    targets = []
    for brief in briefs:
        used = sorted({str(s.sentence.speech) for s in brief.sentences}, key=int)
        deps = {**common, "templates": templates, "theme": hash_json(repr(brief.theme)),
                "speeches": {n: speeches[n] for n in used}, "document": hash_document(brief.job.document)}
        for fmt in build.formats:
            writer = get_writer(fmt)
            targets.append(Target(f"{BRIEF_DIR}/{brief.stem}.{fmt}", "brief", fmt, brief.theme.name, deps,
                                  (lambda writer=writer, job=brief.job: writer(job))))
    index = brief_index(briefs, outline, build.formats, build.shown, themes.path)
    data = (json.dumps(index, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    targets.append(Target(f"{BRIEF_DIR}/{INDEX_NAME}", "brief-index", "json", None,
                          {"version": common["version"], "document": hash_bytes(data)}, lambda: data))
    return targets
