"""Errors a user can cause: each names a file (and a line, when there is one) and prints as one line."""

from __future__ import annotations


class BriefgenError(Exception):
    """An error in the user's input, printed as ``file:line: error: message`` (``file: error: message``
    for a whole-file problem, whose line is None)."""

    def __init__(self, path: str, line: int | None, message: str):
        super().__init__(path, line, message)
        self.path = str(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: error: {self.message}"
        return f"{self.path}:{self.line}: error: {self.message}"


class ParseError(BriefgenError):
    """A seed that cannot be read or turned into an outline."""


class ConfigError(BriefgenError):
    """A configuration, style sheet, theme or template file with a wrong key or value."""


class RenderError(BriefgenError):
    """Text a renderer cannot set, such as a character no font can draw."""
