"""`briefgen build`: build the seeds, report each one, record the state for the next quick check.

Click is not needed to run a plain build: cli/main.py runs one straight from the command line the
quick check has already read (a fifth of the start-up of a build was click's import), and the click
command in commands.py, for everything else, calls the same function.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable

from briefgen.cli.options import BuildOptions
from briefgen.cli.quickcheck import forget, summary, write_record
from briefgen.i18n import _

EXIT_FAILED = 2


def say(line: str) -> None:
    """Print a line of the build's report on standard error."""
    print(line, file=sys.stderr)


def describe_action(action) -> str:
    """Return what a build did with an output and why: 'built: speech 3 changed', 'up to date'."""
    done = {"built": _("built"), "up to date": _("up to date"), "removed": _("removed")}.get(action.done, action.done)
    return done if action.done == action.reason else f"{done}: {action.reason}"


def run_build(options: BuildOptions, echo: Callable[[str], None] = say) -> int:
    """Build what the options ask for, print its report, and return the exit status."""
    from briefgen.build.builder import build_seeds
    from briefgen.build.plans import output_dirs
    from briefgen.cli.environment import write_pause
    from briefgen.outline.seeds import find_seeds
    from briefgen.project.folder import load_project

    started = time.perf_counter()
    project = load_project()
    paths = find_seeds(options.seeds)
    folders = output_dirs(paths, Path(options.out) if options.out else None, project.root)
    jobs = options.jobs or os.cpu_count() or 1
    if len(paths) > 1 and not options.quiet:
        echo(_("building {seeds} seeds with {workers} workers").format(seeds=len(paths), workers=min(jobs, len(paths))))
    reports = build_seeds(paths, folders, project, jobs=jobs, done=_reporter(options, project, len(paths) > 1, echo),
                          force=options.force, allow_missing_glyphs=options.allow_missing_glyphs, pause=write_pause(),
                          formats=options.formats, strict=options.strict)
    failed = sum(1 for report in reports if report.error)
    _record_for_quick_check(options, reports, project, failed)
    if not options.quiet and not (failed and len(paths) == 1):  # a failed seed alone says only its error line
        echo(summary(sum(r.built for r in reports), sum(r.up_to_date for r in reports), failed,
                     time.perf_counter() - started))
    return EXIT_FAILED if failed else 0


def _reporter(options: BuildOptions, project, several: bool, echo: Callable[[str], None]):
    """Return what prints each seed's outcome as it finishes."""
    from briefgen.cli.faults import describe_error

    def report_one(report) -> None:
        if report.error:
            echo(describe_error(report.error))
            return
        if not options.quiet:
            for warning in report.warnings:
                echo(warning)
        if options.verbose:
            for action in report.actions:
                echo(f"{report.seed}: {project.relative(report.out_dir / action.path)}: {describe_action(action)}")
        elif several and not options.quiet:
            echo(_("{seed}: {built} built, {fresh} up to date ({seconds:.2f} s)").format(
                seed=report.seed, built=report.built, fresh=report.up_to_date, seconds=report.seconds))

    return report_one


def _record_for_quick_check(options: BuildOptions, reports, project, failed: int) -> None:
    """Let the next identical `briefgen build` see from file times alone that nothing changed."""
    if failed:
        forget(options)
        return
    files, products, dirs, outputs = [], [], [], []
    for report in reports:
        files += report.read_files
        products += [str(report.out_dir / "manifest.json")]
        products += [str(report.out_dir / entry.path) for entry in report.outputs]
        dirs += report.read_dirs
        outputs += [f"{report.seed}: {project.relative(report.out_dir / entry.path)}" for entry in report.outputs]
    if not options.seeds:
        dirs.append(str(project.root / "seeds"))
    today = project.config.document.date is None and "SOURCE_DATE_EPOCH" not in os.environ
    write_record(options, files, products, dirs, outputs, today)
