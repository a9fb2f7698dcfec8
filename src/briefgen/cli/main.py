"""The `briefgen` command: a repeated build may finish in the quick check; everything else goes to click."""

from __future__ import annotations

import os
import sys

from briefgen.cli.quickcheck import try_noop


def main() -> None:
    """Run the command line (the entry point of `briefgen` and `python -m briefgen`)."""
    if len(sys.argv) > 1 and sys.argv[1] == "build" and try_noop(sys.argv[2:]):
        sys.exit(0)
    from briefgen.cli.commands import main as click_main

    try:
        click_main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    # Every file is written and closed by now: skip tearing down the outline, layouts and fonts
    # object by object, which costs a large build a noticeable part of its time.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
