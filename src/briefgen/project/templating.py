"""Render the jinja2 templates that hold all fixed wording, in a sandbox, into styled lines.

A block template writes one paragraph per output line, ``style: text``. Values inserted with
``{{ }}`` are escaped for that format (a backslash or line break in a value stays text), so seed
text can never add a paragraph, pick a style or be evaluated: it is only ever data.
Inside text, ``\\n`` is a line break within the paragraph and ``\\\\`` a backslash.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefgen.cachedir import find_cache_dir
from briefgen.errors import ConfigError


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
        cache = find_cache_dir()
        # Compiled templates are kept between runs (keyed by each template's source checksum).
        bytecode = jinja2.FileSystemBytecodeCache(str(cache / "jinja")) if cache else None
        if cache:
            (cache / "jinja").mkdir(exist_ok=True)
        self.folders = tuple(folders)
        self.shown = shown
        self.used: set[str] = set()  # names rendered so far: a build records them as dependencies
        self._paths: dict[str, Path] = {}
        self.environment = ImmutableSandboxedEnvironment(
            loader=ContainedLoader([str(f) for f in self.folders], encoding="utf-8"),
            autoescape=False,
            finalize=escape_block_value,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            auto_reload=False,  # a Templates object lives for one build; `watch` makes a new one each time
            bytecode_cache=bytecode,
        )
        self.plain = ImmutableSandboxedEnvironment(
            loader=ContainedLoader([str(f) for f in self.folders], encoding="utf-8"),
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,
            bytecode_cache=bytecode,
        )

    def path_of(self, name: str) -> Path:
        """Return the file a template name resolves to."""
        found = self._paths.get(name)
        if found is None:
            found = next((folder / name for folder in self.folders if (folder / name).is_file()), None)
            if found is None:
                raise ConfigError(name, 1, "no such template")
            self._paths[name] = found
        return found

    def _render(self, environment, name: str, context: dict[str, Any]) -> str:
        path = self.path_of(name)
        self.used.add(name)
        try:
            return environment.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as error:
            where = self.shown(Path(error.filename)) if error.filename else self.shown(path)
            raise ConfigError(where, error.lineno or 1, f"template syntax: {error.message}") from None
        except jinja2.exceptions.SecurityError as error:
            raise ConfigError(*self._where(error, path), f"template refused by the sandbox: {error}") from None
        except jinja2.UndefinedError as error:
            raise ConfigError(*self._where(error, path), f"template uses an unknown value: {error.message}") from None
        except jinja2.TemplateNotFound as error:
            raise ConfigError(*self._where(error, path), f"template not found: {error.message}") from None
        except jinja2.TemplateError as error:
            raise ConfigError(*self._where(error, path), f"template error: {error}") from None
        except Exception as error:  # what a template's own expression raises: {{ 1 // 0 }}, {{ range(10**9) }}
            raise ConfigError(*self._where(error, path), f"template failed: {type(error).__name__}: {error}") from None

    def _where(self, error: Exception, path: Path) -> tuple[str, int]:
        """Return the template file and line an error was raised at: the innermost template frame."""
        folders = [os.path.realpath(f) for f in self.folders]
        found = (self.shown(path), 1)
        tb = error.__traceback__
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if any(os.path.realpath(filename).startswith(folder + os.sep) for folder in folders):
                found = (self.shown(Path(filename)), tb.tb_lineno)
            tb = tb.tb_next
        return found

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


class ContainedLoader(jinja2.FileSystemLoader):
    """Load templates from their folders only: a template that is a link to a file elsewhere
    (templates/x.j2 -> /etc/passwd) is refused, so no template, included or not, can read a file
    outside the template folders. (jinja2 already refuses names with .. in them.)"""

    def get_source(self, environment, template):
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if os.path.isfile(filename):
                real, root = os.path.realpath(filename), os.path.realpath(folder)
                if not real.startswith(root + os.sep):
                    raise jinja2.TemplateNotFound(template, f"{template!r} is a link to {real}, outside the "
                                                            f"template folder {folder}")
                break
        return super().get_source(environment, template)
