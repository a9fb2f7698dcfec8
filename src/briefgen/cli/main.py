"""The `briefgen` command: a plain build runs without click (a repeated one may finish in the quick
check); everything else goes to the click commands."""

from __future__ import annotations

import os
import sys

from briefgen.cli.options import parse_build_args
from briefgen.cli.quickcheck import try_noop
from briefgen.i18n import speak_to_click

EXIT_FAILED = 2


def main() -> None:
    """Run the command line (the entry point of `briefgen` and `python -m briefgen`)."""
    speak_to_click()
    options = parse_build_args(sys.argv[2:]) if len(sys.argv) > 1 and sys.argv[1] == "build" else None
    if options is not None:
        code = 0 if try_noop(options) else run_plain_build(options)
    else:
        code = run_click()
    # Every file is written and closed by now: skip tearing down the outline, layouts and fonts
    # object by object, which costs a large build a noticeable part of its time.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run_plain_build(options) -> int:
    """Run a build the quick check read, turning what stops it into one line, as the click command does."""
    from briefgen.build.builder import FAULTS
    from briefgen.cli.building import run_build
    from briefgen.cli.environment import check_environment
    from briefgen.cli.faults import describe_error

    try:
        check_environment()
        return run_build(options)
    except FAULTS as error:
        print(describe_error(error), file=sys.stderr)
        return EXIT_FAILED


def run_click() -> int:
    """Run the click commands and return their exit status."""
    from briefgen.cli.commands import main as click_main

    try:
        click_main(prog_name="briefgen")
    except SystemExit as done:
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0
