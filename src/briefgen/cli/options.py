"""The options of a plain `briefgen build` command line, read without click (standard library only).

Read by the quick no-op check and by the click-free build path (cli/main.py); anything this reader
does not know (--help, an unknown option, a bad value) returns None and goes to click, which
explains it. The options it reads are the click command's, with the same meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_JOBS = 64
FORMATS = ("docx", "pdf")  # what `--format` may name (writers/__init__.py registers their writers)


@dataclass(frozen=True)
class BuildOptions:
    """What a `briefgen build` command line asks for."""

    seeds: tuple[str, ...] = ()
    out: str | None = None
    force: bool = False
    jobs: int | None = None
    quiet: bool = False
    verbose: bool = False
    allow_missing_glyphs: bool = False
    formats: tuple[str, ...] = FORMATS  # --format pdf: the PDF only
    strict: bool = False  # check's errors fail the build


FLAGS = {"-q": "quiet", "--quiet": "quiet", "-v": "verbose", "--verbose": "verbose", "--force": "force",
         "--allow-missing-glyphs": "allow_missing_glyphs", "--strict": "strict"}
VALUES = {"-o": "out", "--output": "out", "-j": "jobs", "--jobs": "jobs", "-f": "formats", "--format": "formats"}


def parse_build_args(args: list[str]) -> BuildOptions | None:
    """Return the options of a plain `briefgen build` command line, or None for anything else."""
    seeds: list[str] = []
    found: dict[str, object] = {}
    index = 0
    while index < len(args):
        arg = args[index]
        name, value = arg.partition("=")[0], None
        if arg in FLAGS:
            found[FLAGS[arg]] = True
        elif name in VALUES and "=" in arg and name.startswith("--"):
            value = arg.split("=", 1)[1]
        elif arg in VALUES and index + 1 < len(args):
            index += 1
            value = args[index]
        elif arg.startswith("-") and arg != "-":
            return None  # --help and anything unknown go to the real command
        else:
            seeds.append(arg)
        if value is not None:
            key = VALUES[name]
            if key == "jobs":
                if not value.isdigit() or not 1 <= int(value) <= MAX_JOBS:
                    return None  # click says what is wrong with it
                found[key] = int(value)
            elif key == "formats":
                if value not in FORMATS:
                    return None
                found[key] = (*found.get(key, ()), value)
            else:
                found[key] = value
        index += 1
    if "formats" in found:
        found["formats"] = tuple(f for f in FORMATS if f in found["formats"])  # in the writers' order
    return BuildOptions(seeds=tuple(seeds), **found)
