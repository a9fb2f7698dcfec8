"""Render the jinja2 templates that hold all fixed wording, in a sandbox, into styled lines.

A block template writes one paragraph per output line, ``style: text``. Values inserted with
``{{ }}`` are escaped for that format (a backslash or line break in a value stays text), so seed
text can never add a paragraph, pick a style or be evaluated: it is only ever data.
Inside text, ``\\n`` is a line break within the paragraph and ``\\\\`` a backslash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import ConfigError


def escape_block_value(value: Any) -> str:
    """Escape an inserted value so it stays text inside one line of block markup."""
    if value is None:
        return ""
    text = str(value)
    return text.replace("\\", "\\\\").replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def unescape_block_text(text: str) -> str:
    """Undo escape_block_value: ``\\n`` becomes a line break, ``\\\\`` a backslash."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "n\\":
            out.append("\n" if text[index + 1] == "n" else "\\")
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


@dataclass(frozen=True)
class StyledLine:
    """One paragraph a block template produced."""

    style: str
    text: str


class Templates:
    """The project's templates (its own folder first, then briefgen's), in a sandboxed environment."""

    def __init__(self, folders: Sequence[Path], shown: Callable[[Path], str] = str):
        self.folders = tuple(folders)
        self.shown = shown
        self.used: set[str] = set()  # names rendered so far: a build records them as dependencies
        self.environment = ImmutableSandboxedEnvironment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders], encoding="utf-8"),
            autoescape=False,
            finalize=escape_block_value,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        self.plain = ImmutableSandboxedEnvironment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders], encoding="utf-8"),
            autoescape=False,
            undefined=jinja2.StrictUndefined,
        )

    def path_of(self, name: str) -> Path:
        """Return the file a template name resolves to."""
        for folder in self.folders:
            if (folder / name).is_file():
                return folder / name
        raise ConfigError(name, 1, "no such template")

    def _render(self, environment, name: str, context: dict[str, Any]) -> str:
        path = self.path_of(name)
        self.used.add(name)
        try:
            return environment.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as error:
            raise ConfigError(self.shown(path), error.lineno or 1, f"template syntax: {error.message}") from None
        except jinja2.exceptions.SecurityError as error:
            raise ConfigError(self.shown(path), 1, f"template refused by the sandbox: {error}") from None
        except jinja2.UndefinedError as error:
            raise ConfigError(self.shown(path), _error_line(error, name), f"template uses an unknown value: "
                              f"{error.message}") from None
        except jinja2.TemplateError as error:
            raise ConfigError(self.shown(path), 1, f"template error: {error}") from None

    def render_lines(self, name: str, styles: Iterable[str], **context: Any) -> list[StyledLine]:
        """Render a block template into styled paragraphs, checking every style exists."""
        known = set(styles)
        lines = []
        for number, raw in enumerate(self._render(self.environment, name, context).split("\n"), 1):
            if not raw.strip():
                continue
            style, colon, text = raw.partition(":")
            style = style.strip()
            if not colon or style not in known:
                raise ConfigError(self.shown(self.path_of(name)), number,
                                  f"output line {number} must be 'style: text' with a style of the style sheet, "
                                  f"got {raw.strip()[:40]!r}")
            lines.append(StyledLine(style, unescape_block_text(text.strip())))
        return lines

    def render_text(self, name: str, **context: Any) -> str:
        """Render a plain-text template (such as the page number) and strip its outer whitespace."""
        return self._render(self.plain, name, context).strip()


def _error_line(error: Exception, name: str) -> int:
    tb = error.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
