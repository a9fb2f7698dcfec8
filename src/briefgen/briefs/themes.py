"""Theme files (seeds/<seed>.themes.toml): the themes a seed's briefs are about, validated like config.

A theme file holds one ``[[theme]]`` table per brief, in issue order, and optionally a
``[selection]`` table tuning how sentences are scored and picked::

    [[theme]]
    name = "考录"                         # names the brief (and its file: NN-考录.docx)
    headline = "各地严把公务员队伍入口关"     # the brief's title
    keywords = ["考录", "招录", "录用"]     # what the brief is about
    exclude = ["考核"]                     # optional: sentences holding one of these are left out
    pin = ["开展专项招录60多次"]            # optional: sentences (their text, or how they start) always in
    drop = ["认真落实公务员录用各项制度规定"]  # optional: sentences (text or start) never in
    issue = 12                            # optional: 第12期 instead of the next number

Every mistake (bad TOML, an unknown key, a missing or empty value, a wrong type, two themes with
the same issue) is a ConfigError naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from briefgen.errors import ConfigError
from briefgen.i18n import _
from briefgen.project.tomlfile import make_line_finder, parse_toml, read_utf8

BRIEF_DIR = "briefs"  # the folder of a seed's briefs, beside its compilation
THEMES_SUFFIX = ".themes.toml"
THEME_KEYS = {"name", "headline", "keywords", "exclude", "pin", "drop", "issue"}
_HEADER = re.compile(r"^\s*\[\[\s*theme\s*\]\]\s*(#.*)?$")
_OTHER_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r"""^\s*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')\s*=""")


@dataclass(frozen=True)
class Selection:
    """How sentences are scored and picked for every brief of a seed (the [selection] table)."""

    heading_weight: float = 1.6  # a point heading states what its point is about
    lead_weight: float = 1.3  # a sub-point lead (一是…) sums up its sub-point
    figure_weight: float = 1.3  # a sentence with a figure (4.4万人, 70.2%) reports a result
    length_exponent: float = 0.5  # score / (characters / 40) ** this: long sentences pay for their room
    speech_decay: float = 0.8  # each sentence taken from a speech scales the next one's priority by this
    slogan_weight: float = 0.5  # a sentence of filler words with no figure restates a slogan
    max_similarity: float = 0.5  # token-set Jaccard above which a sentence repeats one already taken
    min_fill: float = 0.75  # below this share of the body's lines, repeats are let in after all


@dataclass(frozen=True)
class Choice:
    """An editor's choice of one sentence (pinned into a brief or dropped from it): its text or how it
    starts, and the line of the theme file that says so."""

    text: str
    line: int


@dataclass(frozen=True)
class Theme:
    """One brief's theme: its name, headline, keywords, excluded words, editor's choices, issue, line."""

    name: str
    headline: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    issue: int | None = None
    line: int = 1  # the line of its [[theme]] header
    pin: tuple[Choice, ...] = ()
    drop: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class ThemeFile:
    """A seed's theme file: where it is (as shown to the user), its themes, its selection settings."""

    path: str
    themes: tuple[Theme, ...] = ()
    selection: Selection = field(default_factory=Selection)


def themes_path(seed: Path) -> Path:
    """Return the theme file that goes with a seed: seeds/x.txt -> seeds/x.themes.toml."""
    seed = Path(seed)
    return seed.with_name(seed.stem + THEMES_SUFFIX)


def _theme_lines(text: str) -> list[tuple[int, dict[str, int]]]:
    """Return, for every [[theme]] header, its line and the line of each key under it."""
    found: list[tuple[int, dict[str, int]]] = []
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        if _HEADER.match(line):
            found.append((number, {}))
            inside = True
        elif _OTHER_HEADER.match(line):
            inside = False
        elif inside:
            key = _KEY.match(line)
            if key:
                found[-1][1].setdefault(key.group(1).strip("\"'"), number)
    return found


def _words(value: Any, index: int, key: str, path: str, line: int, allow_empty: bool) -> tuple[str, ...]:
    """Return the words of theme ``index``'s list ``key``, stripped; raise ConfigError for anything else."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, line, _("theme {index}: {key} must be a list of strings, not {value!r}").format(
            index=index, key=key, value=value))
    words = tuple(v.strip() for v in value)
    if any(not w for w in words):
        raise ConfigError(path, line, _("theme {index}: {key} holds an empty string").format(index=index, key=key))
    if not words and not allow_empty:
        raise ConfigError(path, line, _("theme {index}: {key} must name at least one word").format(index=index,
                                                                                                   key=key))
    return words


def _choices(words: tuple[str, ...], key_line: int, lines: list[str]) -> tuple[Choice, ...]:
    """Return each pinned or dropped sentence with the line it is written on (from its key's line on)."""
    found, start = [], key_line
    for word in words:
        line = next((n for n in range(start, len(lines) + 1) if word in lines[n - 1]), key_line)
        found.append(Choice(word, line))
        start = line
    return tuple(found)


def _check_theme_table(table: Any, index: int, path: str, header: int, line_of: Callable[[str], int]) -> None:
    """Raise ConfigError for a [[theme]] table with an unknown key, or a missing or wrong name, headline or issue."""
    if not isinstance(table, dict):
        raise ConfigError(path, header, _("theme {index} must be a table ([[theme]])").format(index=index))
    for key in table:
        if key not in THEME_KEYS:
            raise ConfigError(path, line_of(key), _("unknown key {key!r} in theme {index}; known keys: {known}").format(
                key=key, index=index, known=", ".join(sorted(THEME_KEYS))))
    for key in ("name", "headline", "keywords"):
        if key not in table:
            raise ConfigError(path, header, _("theme {index} lacks {key}").format(index=index, key=key))
    for key in ("name", "headline"):
        if not isinstance(table[key], str):
            raise ConfigError(path, line_of(key), _("theme {index}: {key} must be a string, not {value!r}").format(
                index=index, key=key, value=table[key]))
        if not table[key].strip():
            raise ConfigError(path, line_of(key), _("theme {index}: {key} must not be empty").format(index=index,
                                                                                                      key=key))
    issue = table.get("issue")
    if issue is not None and (isinstance(issue, bool) or not isinstance(issue, int) or issue < 1):
        raise ConfigError(path, line_of("issue"), _("theme {index}: issue must be a whole number of at least 1, "
                                                    "not {value!r}").format(index=index, value=issue))


def _build_theme(table: Any, index: int, path: str, header: int, line_of: Callable[[str], int],
                 lines: list[str]) -> Theme:
    _check_theme_table(table, index, path, header, line_of)

    def words(key: str, allow_empty: bool = True) -> tuple[str, ...]:
        return _words(table.get(key, []), index, key, path, line_of(key), allow_empty)

    return Theme(
        name=table["name"].strip(),
        headline=table["headline"].strip(),
        keywords=words("keywords", False),
        exclude=words("exclude"),
        issue=table.get("issue"),
        line=header,
        pin=_choices(words("pin"), line_of("pin"), lines),
        drop=_choices(words("drop"), line_of("drop"), lines),
    )


def _build_selection(table: Any, path: str, line_of: Callable[[str], int]) -> Selection:
    if not isinstance(table, dict):
        raise ConfigError(path, line_of("selection"), _("[selection] must be a table"))
    known = {f.name for f in fields(Selection)}
    values = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(path, line_of(f"selection.{key}"), _("unknown key selection.{key}; known keys: {known}")
                              .format(key=key, known=", ".join(sorted(known))))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(path, line_of(f"selection.{key}"), _("selection.{key} must be a number of at least 0, "
                                                                   "not {value!r}").format(key=key, value=value))
        values[key] = float(value)
    for key in ("max_similarity", "min_fill", "speech_decay"):
        if values.get(key, 0.0) > 1:
            raise ConfigError(path, line_of(f"selection.{key}"), _("selection.{key} must be at most 1").format(key=key))
    return Selection(**values)


def parse_themes(text: str, path: str) -> ThemeFile:
    """Return the validated themes of a theme file's text; ``path`` is how errors name the file."""
    data = parse_toml(text, path)
    line_of = make_line_finder(text)
    for key in data:
        if key not in ("theme", "selection"):
            raise ConfigError(path, line_of(key), _("unknown key {key!r}; a theme file holds [[theme]] tables "
                                                    "and an optional [selection] table").format(key=key))
    tables = data.get("theme", [])
    if not isinstance(tables, list):
        raise ConfigError(path, line_of("theme"), _("theme must be an array of tables: write [[theme]]"))
    located = _theme_lines(text)
    if len(located) != len(tables):  # themes written inline (theme = [{...}]): name the array's line
        located = [(line_of("theme"), {})] * len(tables)
    themes: list[Theme] = []
    seen: dict[str, int] = {}
    issues: dict[int, tuple[int, int]] = {}  # issue -> the line setting it, and its theme
    lines = text.splitlines()
    for index, (table, (header, keys)) in enumerate(zip(tables, located), 1):
        theme = _build_theme(table, index, path, header, lambda key, k=keys, h=header: k.get(key, h), lines)
        if theme.name in seen:
            raise ConfigError(path, header, _("theme {index}: the name {name!r} is already used by the theme at "
                                              "line {line}").format(index=index, name=theme.name,
                                                                    line=seen[theme.name]))
        seen[theme.name] = header
        if theme.issue is not None:
            line = keys.get("issue", header)
            if theme.issue in issues:
                other, number = issues[theme.issue]
                raise ConfigError(path, line, _("theme {index}: issue {issue} is already set at line {line} "
                                                "(theme {other}): two briefs cannot both be 第{issue}期").format(
                                                    index=index, issue=theme.issue, line=other, other=number))
            issues[theme.issue] = (line, index)
        themes.append(theme)
    selection = _build_selection(data.get("selection", {}), path, line_of)
    return ThemeFile(path, tuple(themes), selection)


def load_themes(path: Path, shown: str | None = None) -> ThemeFile:
    """Read and validate a theme file."""
    name = shown or str(path)
    return parse_themes(read_utf8(path, name), name)
