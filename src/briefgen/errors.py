"""Errors a user can cause: each names a file (and a line, where there is one) and prints as one line."""

from __future__ import annotations


class BriefgenError(Exception):
    """An error in the user's input, printed as ``file:line: error: message``."""

    def __init__(self, path: str, line: int | None, message: str):
        super().__init__(path, line, message)
        self.path = str(path)
        self.line = line  # None: the whole file (or variable) is at fault
        self.message = message

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: error: {self.message}"


class ParseError(BriefgenError):
    """A seed that cannot be read or turned into an outline."""


class CheckError(BriefgenError):
    """A seed `briefgen check` finds errors in (a numbering gap, a repeat), built with --strict."""


class ConfigError(BriefgenError):
    """A configuration, style sheet, theme or template file with a wrong key or value."""


class RenderError(BriefgenError):
    """Text a renderer cannot set, such as a character no font can draw."""
