"""The briefgen command line: thin click commands over the library."""

from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from briefgen.cli.faults import describe_error
from briefgen.cli.helpformat import Group, Option
from briefgen.cli.options import FORMATS, MAX_JOBS, BuildOptions
from briefgen.errors import BriefgenError
from briefgen.i18n import _

EXIT_USER_ERROR = 2


def reports_errors(command: Callable) -> Callable:
    """Turn what stops a command (the input or the machine) into one ``path: error: ...`` line and exit 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (BriefgenError, OSError, MemoryError) as error:
            click.echo(describe_error(error), err=True)
            sys.exit(EXIT_USER_ERROR)

    return wrapper


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=_("Turn a compilation of speeches into GB/T 9704 documents and one-page briefs."))
@click.version_option(package_name="briefgen", message=_("%(prog)s, version %(version)s"))
@reports_errors
def main() -> None:
    """The `briefgen` command group: the environment is checked before any command runs."""
    from briefgen.cli.environment import check_environment

    check_environment()


@main.command(help=_("Print the outline of SEEDS (default: every seeds/*.txt)."))
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "md", "tree"]), default="json", show_default=True,
              help=_("How to print it: JSON (the outline's data), Markdown, or an indented tree with seed lines."))
@reports_errors
def outline(seeds: tuple[str, ...], fmt: str) -> None:
    """Run `briefgen outline`."""
    from briefgen.outline.seeds import find_seeds, load_seed
    from briefgen.outline.views import FORMATS

    paths = find_seeds(seeds)
    if fmt == "json" and len(paths) > 1:
        click.echo("[")
    for index, path in enumerate(paths):
        loaded = load_seed(path)
        text = FORMATS[fmt](loaded.outline)
        if fmt == "json" and len(paths) > 1:
            text = text.rstrip("\n") + ("," if index + 1 < len(paths) else "")
        click.echo(text, nl=fmt == "json" and len(paths) > 1)
    if fmt == "json" and len(paths) > 1:
        click.echo("]")


@main.command(help=_("Lint SEEDS, one finding a line; exit 1 when there are errors."))
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--explain", is_flag=True, help=_("First print every line of the seed with what it was read as."))
@reports_errors
def check(seeds: tuple[str, ...], explain: bool) -> None:
    """Run `briefgen check`."""
    from briefgen.outline.explain import explain as explain_lines
    from briefgen.outline.lint import lint
    from briefgen.outline.seeds import display_path, find_seeds, load_seed

    errors = 0
    for path in find_seeds(seeds):
        loaded = load_seed(path)
        if explain:
            click.echo("\n".join(explain_lines(loaded.outline, loaded.text, display_path(path))))
        for finding in lint(loaded.outline, loaded.text):
            click.echo(finding.format(display_path(path)))
            errors += finding.severity == "error"
    sys.exit(1 if errors else 0)


@main.command(help=_("Build the compilation and the briefs (DOCX and PDF) of SEEDS (default: every seeds/*.txt)."))
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False),
              help=_("Output folder (default output/<seed name>/; with one SEED, exactly this folder)."))
@click.option("--force", is_flag=True, help=_("Rebuild every output, even the up-to-date ones."))
@click.option("-j", "--jobs", type=click.IntRange(1, MAX_JOBS), default=None,
              help=_("Seeds built at once, in worker processes (default: the number of CPUs)."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print only errors."))
@click.option("-v", "--verbose", is_flag=True, help=_("Say why each output was rebuilt or skipped."))
@click.option("--allow-missing-glyphs", is_flag=True,
              help=_("Draw characters no font has as blanks instead of failing."))
@click.option("-f", "--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help=_("Write only this format (docx or pdf; give it twice for both, the default)."))
@click.option("--strict", is_flag=True, help=_("Fail on the errors `briefgen check` finds instead of warning."))
@reports_errors
def build(seeds: tuple[str, ...], out: str | None, force: bool, jobs: int | None, quiet: bool, verbose: bool,
          allow_missing_glyphs: bool, formats: tuple[str, ...], strict: bool) -> None:
    """Run `briefgen build` through click (cli/main.py runs a plain one without it)."""
    from briefgen.cli.building import run_build

    chosen = tuple(f for f in FORMATS if f in formats) or FORMATS
    options = BuildOptions(seeds, out, force, jobs, quiet, verbose, allow_missing_glyphs, chosen, strict)
    sys.exit(run_build(options, lambda line: click.echo(line, err=True)))


@main.command("import", help=_("Read Word files (.docx; .doc and .wps through LibreOffice), in order, into one "
                                "seed text."))
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", cls=Option, required=True, type=click.Path(), help=_("The seed file to write."))
@click.option("--title", help=_("The collection title (default: the first file's, with a warning)."))
@click.option("--force", is_flag=True, help=_("Replace the seed file if it exists."))
@reports_errors
def import_command(files: tuple[str, ...], output: str, title: str | None, force: bool) -> None:
    """Run `briefgen import`."""
    from pathlib import Path

    from briefgen.importer.command import format_report, format_warnings, import_files

    report = import_files([Path(f) for f in files], Path(output), title, force)
    for line in format_report(report):
        click.echo(line)
    for line in format_warnings(report):
        click.echo(line, err=True)


@main.command(help=_("Print the font file of each role, why it was chosen, and which of SEEDS' characters it lacks."))
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@reports_errors
def fonts(seeds: tuple[str, ...]) -> None:
    """Run `briefgen fonts`."""
    from briefgen.cli.fonts_report import fonts_report
    from briefgen.errors import ParseError
    from briefgen.outline.seeds import find_seeds
    from briefgen.project.folder import load_project

    project = load_project()
    try:
        paths = find_seeds(seeds)
    except ParseError:
        paths = []  # no seeds/*.txt: the faces alone
    for line in fonts_report(project, paths):
        click.echo(line)


@main.group(help=_("Theme files of the one-page briefs (seeds/<seed>.themes.toml)."))
def themes() -> None:
    """The `briefgen themes` commands."""


@themes.command(help=_("Print the themes found in SEED's text as a theme file (what a build without one uses)."))
@click.argument("seed", required=False, type=click.Path(dir_okay=False))
@click.option("-n", "--count", default=None, type=click.IntRange(1, 100),
              help=_("How many themes to propose at most (default: as many as a build without a theme file "
                     "makes)."))
@reports_errors
def suggest(seed: str | None, count: int | None) -> None:
    """Run `briefgen themes suggest`."""
    from briefgen.briefs.derive import DEFAULT_COUNT
    from briefgen.briefs.maker import sentence_tokens
    from briefgen.briefs.suggest import derived_theme_file
    from briefgen.errors import ParseError
    from briefgen.outline.seeds import display_path, find_seeds, load_seed
    from briefgen.project.folder import load_project
    from briefgen.project.templating import Templates

    project = load_project()
    paths = find_seeds((seed,) if seed else ())
    if len(paths) > 1:
        raise ParseError("seeds", None, _("{count} seeds in seeds/: name the one to propose themes for").format(
            count=len(paths)))
    loaded = load_seed(paths[0])
    templates = Templates(project.template_dirs, project.relative)
    text, _themes = derived_theme_file(loaded.outline, sentence_tokens, templates, display_path(paths[0]),
                                       "<suggested>", count or DEFAULT_COUNT)
    click.echo(text, nl=False)


@main.command(help=_("Rebuild SEEDS whenever they, their themes, templates/ or briefgen.toml change (Ctrl-C "
                      "stops)."))
@click.argument("seeds", nargs=-1, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), help=_("Output folder, as for build."))
@click.option("-v", "--verbose", is_flag=True, help=_("Say why each output was rebuilt or skipped."))
@reports_errors
def watch(seeds: tuple[str, ...], out: str | None, verbose: bool) -> None:
    """Run `briefgen watch`."""
    from briefgen.cli.watch import run_watch

    run_watch(seeds, out, verbose, lambda line: click.echo(line, err=True))


@main.command(help=_("Render PNG images of a built seed's PDFs into DIR/preview/, with a contact sheet."))
@click.argument("seed", required=False, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), help=_("Output folder, as for build."))
@click.option("--pages", help=_("Compilation pages to render, e.g. 1-3,5 (default: all)."))
@click.option("--dpi", type=click.IntRange(20, 600), default=72, show_default=True,
              help=_("Resolution of the images, in dots per inch."))
@reports_errors
def preview(seed: str | None, out: str | None, pages: str | None, dpi: int) -> None:
    """Run `briefgen preview`."""
    from pathlib import Path

    from briefgen.build.plans import output_dirs
    from briefgen.cli.preview import render_previews
    from briefgen.outline.seeds import find_seeds
    from briefgen.project.folder import load_project

    project = load_project()
    paths = find_seeds([seed] if seed else [])
    for path, folder in zip(paths, output_dirs(paths, Path(out) if out else None, project.root)):
        result = render_previews(folder, pages, dpi)
        click.echo(_("{seed}: {count} images and {sheet}").format(seed=project.relative(path), count=len(result.pages),
                                                                sheet=project.relative(folder / result.sheet)),
                   err=True)


@main.command(help=_("Write a commented briefgen.toml into the project folder, every key with an example."))
@click.option("--force", is_flag=True, help=_("Replace an existing briefgen.toml."))
@reports_errors
def init(force: bool) -> None:
    from pathlib import Path

    from briefgen.cli.init import write_config

    click.echo(write_config(Path.cwd(), force), err=True)
