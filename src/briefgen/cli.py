"""The briefgen command line: thin click commands over the library."""

from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from .errors import BriefgenError

EXIT_USER_ERROR = 2


def reports_errors(command: Callable) -> Callable:
    """Turn a BriefgenError into one ``file:line: error: message`` line and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BriefgenError as error:
            click.echo(str(error), err=True)
            sys.exit(EXIT_USER_ERROR)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefgen")
def main() -> None:
    """Turn a compilation of speeches into GB/T 9704 documents and one-page briefs."""


@main.command()
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "md", "tree"]), default="json", show_default=True)
@reports_errors
def outline(seeds: tuple[str, ...], fmt: str) -> None:
    """Print the outline of SEEDS (default: every seeds/*.txt)."""
    from .project import load_project
    from .seeds import find_seeds, load_seed
    from .textviews import FORMATS

    project = load_project()
    paths = find_seeds(seeds)
    if fmt == "json" and len(paths) > 1:
        click.echo("[")
    for index, path in enumerate(paths):
        loaded = load_seed(path, project.style.title_cells)
        text = FORMATS[fmt](loaded.outline)
        if fmt == "json" and len(paths) > 1:
            text = text.rstrip("\n") + ("," if index + 1 < len(paths) else "")
        click.echo(text, nl=fmt == "json" and len(paths) > 1)
    if fmt == "json" and len(paths) > 1:
        click.echo("]")


@main.command()
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@reports_errors
def check(seeds: tuple[str, ...]) -> None:
    """Lint SEEDS, one finding a line; exit 1 when there are errors."""
    from .lint import lint
    from .project import load_project
    from .seeds import display_path, find_seeds, load_seed

    project = load_project()
    errors = 0
    for path in find_seeds(seeds):
        loaded = load_seed(path, project.style.title_cells)
        for finding in lint(loaded.outline, loaded.text):
            click.echo(finding.format(display_path(path)))
            errors += finding.severity == "error"
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), help="Output folder (default output/).")
@click.option("--allow-missing-glyphs", is_flag=True, help="Draw characters no font has as blanks instead of failing.")
@reports_errors
def build(seeds: tuple[str, ...], out: str | None, allow_missing_glyphs: bool) -> None:
    """Build the compilation (DOCX and PDF) of SEEDS (default: every seeds/*.txt)."""
    from pathlib import Path

    from .build import build_seed, output_dirs
    from .project import load_project
    from .seeds import find_seeds

    project = load_project()
    paths = find_seeds(seeds)
    for path, folder in zip(paths, output_dirs(paths, Path(out) if out else None, project.root)):
        result = build_seed(path, folder, project, allow_missing_glyphs)
        click.echo(f"{project.relative(path)}: {len(result.outputs)} files in {project.relative(folder)} "
                   f"({result.seconds:.2f} s)", err=True)


@main.command()
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@reports_errors
def fonts(seeds: tuple[str, ...]) -> None:
    """Print the font file of each role, why it was chosen, and which of SEEDS' characters it lacks."""
    from .coverage import fonts_report
    from .errors import ParseError
    from .project import load_project
    from .seeds import find_seeds

    project = load_project()
    try:
        paths = find_seeds(seeds)
    except ParseError:
        paths = []  # no seeds/*.txt: the faces alone
    for line in fonts_report(project, paths):
        click.echo(line)


@main.group()
def themes() -> None:
    """Theme files of the one-page briefs (seeds/<seed>.themes.toml)."""


@themes.command()
@click.argument("seed", required=False, type=click.Path(dir_okay=False))
@click.option("-n", "--count", default=8, show_default=True, type=click.IntRange(1, 100),
              help="How many themes to propose.")
@reports_errors
def suggest(seed: str | None, count: int) -> None:
    """Print a proposed theme file for SEED (default: the one seeds/*.txt)."""
    from .briefs import token_cache
    from .errors import ParseError
    from .project import load_project
    from .seeds import display_path, find_seeds, load_seed
    from .suggest import suggest_themes, theme_file_text
    from .templating import Templates

    project = load_project()
    paths = find_seeds((seed,) if seed else ())
    if len(paths) > 1:
        raise ParseError("seeds", 1, f"{len(paths)} seeds in seeds/: name the one to propose themes for")
    loaded = load_seed(paths[0], project.style.title_cells)
    proposed = suggest_themes(loaded.outline, token_cache(paths[0]).tokens, count)
    templates = Templates(project.template_dirs, project.relative)
    click.echo(theme_file_text(proposed, templates, display_path(paths[0])), nl=False)
