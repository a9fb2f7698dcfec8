"""Render the jinja2 templates that hold all fixed wording, in a sandbox, into styled lines.

A block template writes one paragraph per output line, ``style: text``. Values inserted with
``{{ }}`` are escaped for that format (a backslash or line break in a value stays text), so seed
text can never add a paragraph, pick a style or be evaluated: it is only ever data.
Inside text, ``\\n`` is a line break within the paragraph and ``\\\\`` a backslash.

A template's output depends only on the template files and the values given, so it is kept in
the cache folder under a hash of both: a rebuild that renders what it rendered before neither
imports jinja2 (a fifth of briefgen's start-up) nor runs a template (project/sandbox.py runs them).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from briefgen import __version__
from briefgen.atomic import write_text_atomic
from briefgen.cachedir import find_cache_dir
from briefgen.errors import ConfigError
from briefgen.i18n import _


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


RENDER_CACHE = "renders.json"
MAX_RENDERS = 2_000  # outputs the cache keeps (a build of one seed renders a few dozen)
BLOCK, PLAIN = "block", "plain"  # the two environments: block markup (values escaped) or plain text


def template_hashes(folders: Iterable[Path]) -> dict[str, str]:
    """Return name -> SHA-256 of every template file that takes effect (a project's own shadow briefgen's)."""
    found: dict[str, str] = {}
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).iterdir()):
            if path.is_file() and path.name not in found and not path.name.startswith("."):
                try:
                    found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
                except OSError:
                    found[path.name] = "unreadable"
    return found


def _canonical(value: Any) -> Any:
    """Return ``value`` as plain data whose repr is the same in every run, or raise TypeError."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return ("dict", sorted((str(k), _canonical(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_canonical(v) for v in value])
    raise TypeError(type(value).__name__)


class Templates:
    """The project's templates (its own folder first, then briefgen's), rendered in a sandbox."""

    def __init__(self, folders: Sequence[Path], shown: Callable[[Path], str] = str):
        self.folders = tuple(folders)
        self.shown = shown
        self.used: set[str] = set()  # names rendered so far: a build records them as dependencies
        self._paths: dict[str, Path] = {}
        self._environments: dict[str, Any] = {}
        self._cache_dir = find_cache_dir()
        self._digest: str | None = None
        self._renders: dict[str, str] | None = None
        self._changed = False

    def path_of(self, name: str) -> Path:
        """Return the file a template name resolves to."""
        found = self._paths.get(name)
        if found is None:
            found = next((folder / name for folder in self.folders if (folder / name).is_file()), None)
            if found is None:
                raise ConfigError(name, 1, _("no such template"))
            self._paths[name] = found
        return found

    def _render(self, kind: str, name: str, context: dict[str, Any]) -> str:
        path = self.path_of(name)
        self.used.add(name)
        key = self._key(kind, name, context)
        renders = self._load_renders()
        if key is not None and key in renders:
            return renders[key]
        from briefgen.project import sandbox

        text = sandbox.render(self._environment(kind), name, context, path, self.folders, self.shown)
        if key is not None:
            renders[key] = text
            self._changed = True
        return text

    def _environment(self, kind: str):
        found = self._environments.get(kind)
        if found is None:
            from briefgen.project import sandbox

            bytecode = self._cache_dir / "jinja" if self._cache_dir else None
            found = sandbox.make_environment(self.folders, escape_block_value if kind == BLOCK else None, bytecode)
            self._environments[kind] = found
        return found

    def _key(self, kind: str, name: str, context: dict[str, Any]) -> str | None:
        """Return the cache key of a rendering: the template files and the values (None: not to be kept)."""
        if self._cache_dir is None:
            return None
        if self._digest is None:
            self._digest = json.dumps(template_hashes(self.folders), sort_keys=True)
        try:
            values = repr(_canonical(context))
        except TypeError:
            return None  # a value that is not data (a function): render it every time
        text = "\0".join((__version__, kind, name, self._digest, values))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _load_renders(self) -> dict[str, str]:
        if self._renders is None:
            self._renders = {}
            if self._cache_dir is not None:
                try:
                    loaded = json.loads((self._cache_dir / RENDER_CACHE).read_text(encoding="utf-8"))
                    self._renders = loaded if isinstance(loaded, dict) else {}
                except (OSError, ValueError):
                    pass
        return self._renders

    def save(self) -> None:
        """Keep what was rendered for the next build (best effort: the cache only saves time)."""
        if not self._changed or self._cache_dir is None or self._renders is None:
            return
        kept = dict(list(self._renders.items())[-MAX_RENDERS:])
        try:
            write_text_atomic(self._cache_dir / RENDER_CACHE, json.dumps(kept, ensure_ascii=False))
        except OSError:
            pass
        self._changed = False

    def render_lines(self, name: str, styles: Iterable[str], **context: Any) -> list[StyledLine]:
        """Render a block template into styled paragraphs, checking every style exists."""
        known = set(styles)
        lines = []
        for number, raw in enumerate(self._render(BLOCK, name, context).split("\n"), 1):
            if not raw.strip():
                continue
            style, colon, text = raw.partition(":")
            style = style.strip()
            if not colon or style not in known:
                raise ConfigError(self.shown(self.path_of(name)), number, _(
                    "output line {number} must be 'style: text' with a style of the style sheet, got {text!r}").format(
                        number=number, text=raw.strip()[:40]))
            lines.append(StyledLine(style, unescape_block_text(text.strip())))
        return lines

    def render_text(self, name: str, **context: Any) -> str:
        """Render a plain-text template (such as the page number) and strip its outer whitespace."""
        return self._render(PLAIN, name, context).strip()
