"""Read TOML files with errors that name the file and line, and find the line of a key."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Callable

from briefgen.errors import ConfigError
from briefgen.i18n import _

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

LineFinder = Callable[[str], int]
_AT_LINE = re.compile(r"at line (\d+)")


def make_line_finder(text: str) -> LineFinder:
    """Return a function giving the line where a dotted key (a.b.c) is set, or 1."""
    lines = text.splitlines()

    def line_of(dotted: str) -> int:
        parts = dotted.split(".")
        table_start = 0
        for depth in range(len(parts) - 1, 0, -1):
            header = re.compile(r"^\s*\[+\s*" + r"\s*\.\s*".join(re.escape(p) for p in parts[:depth]) + r"\s*\]+")
            for index, line in enumerate(lines):
                if header.match(line):
                    table_start = index
                    break
            if table_start:
                break
        key = re.compile(r"^\s*(?:[\w\"'.-]+\.)?" + re.escape(parts[-1]) + r"\s*=|^\s*\[+[^\]]*\b"
                         + re.escape(parts[-1]) + r"\s*\]+")
        for index in range(table_start, len(lines)):
            if key.match(lines[index]):
                return index + 1
        return table_start + 1

    return line_of


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """Parse TOML text, raising ConfigError with the file and line of a syntax error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _AT_LINE.search(str(error))
        message = _AT_LINE.sub("", str(error)).replace("(, ", "(").replace("()", "").strip(" .")
        last = len(text.splitlines()) or 1  # "at end of document": the last line
        raise ConfigError(path, int(found.group(1)) if found else last, _("bad TOML: {reason}").format(
            reason=message)) from None


def read_utf8(path: Path, name: str) -> str:
    """Return a configuration file's text, raising ConfigError naming ``name`` when it cannot be read."""
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(name, 1, _("not UTF-8 text")) from None
    except OSError as error:
        raise ConfigError(name, 1, _("cannot read: {reason}").format(reason=error.strerror)) from None


def read_toml(path: Path, shown: str | None = None) -> tuple[dict[str, Any], LineFinder]:
    """Read a TOML file, returning its data and a line finder for error messages."""
    name = shown or str(path)
    text = read_utf8(path, name)
    return parse_toml(text, name), make_line_finder(text)


def merge_tables(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with ``override`` merged in, table by table."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_tables(merged[key], value)
        else:
            merged[key] = value
    return merged
