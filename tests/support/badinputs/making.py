"""Making the files of a bad-input case: seed text and bytes, theme files, configuration, templates."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from support.paths import ROOT

SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
SEED_FILE = f"seeds/{SEED.name}"
THEMES_FILE = f"seeds/{SEED.stem}.themes.toml"
CONFIG_FILE = "briefgen.toml"
CONFIG = "[document]\nunit = \"XX市委组织部\"\n\n[fonts]\nsystem = false\n"  # bundled fonts only

BUILDS = "builds"
FAILS = "fails"

Make = Callable[[Path, str], Optional[str]]


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it from the seed text, and what briefgen must do with it."""

    name: str
    make: Make
    outcome: str
    where: str | None = None  # FAILS: the file:line the error must name
    says: str | None = None  # FAILS: words the message must hold; BUILDS: words a warning of build or check must hold
    options: tuple[str, ...] = ()
    literal: tuple[str, ...] = ()  # BUILDS: text the compilation must print exactly so (spaces aside)
    brief_literal: tuple[str, ...] = ()  # BUILDS: text some brief must print exactly so
    blank: str = ""  # BUILDS with --allow-missing-glyphs: characters the PDF draws blank (the DOCX keeps them)
    max_seconds: float | None = None  # the build (or refusal) must take no longer


# -- making files ---------------------------------------------------------------------------------


def write_seed_bytes(project: Path, data: bytes) -> None:
    (project / SEED_FILE).write_bytes(data)


def write_seed(project: Path, text: str) -> str:
    write_seed_bytes(project, text.encode("utf-8"))
    return text


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def seed_case(edit: Callable[[str], str]) -> Make:
    """Return a maker that writes the seed changed by ``edit`` as UTF-8."""
    return lambda project, seed: write_seed(project, edit(seed))


def encoded_case(edit: Callable[[str], str], encode: Callable[[str], bytes]) -> Make:
    """Return a maker that writes the seed changed by ``edit`` in another encoding."""

    def make(project: Path, seed: str) -> str:
        text = edit(seed)
        write_seed_bytes(project, encode(text))
        return text

    return make


def replace_line(number: int, change: Callable[[str], str]) -> Callable[[str], str]:
    """Return an edit changing the 1-based seed line ``number``."""

    def edit(seed: str) -> str:
        lines = lines_of(seed)
        lines[number - 1] = change(lines[number - 1])
        return "\n".join(lines)

    return edit


def insert_at(number: int, position: int, inserted: str) -> Callable[[str], str]:
    """Return an edit putting ``inserted`` into line ``number`` after ``position`` characters."""
    return replace_line(number, lambda line: line[:position] + inserted + line[position:])


def keep_lines(numbers: Callable[[int, str], bool]) -> Callable[[str], str]:
    """Return an edit keeping the lines for which ``numbers(line number, text)`` holds."""
    return lambda seed: "\n".join(line for n, line in enumerate(lines_of(seed), 1) if numbers(n, line))


def write_file(relative: str, content: str | bytes) -> Make:
    """Return a maker writing one project file and leaving the seed as it is."""

    def make(project: Path, seed: str) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return None

    return make


def themes_case(text: str) -> Make:
    return write_file(THEMES_FILE, text)


def config_case(extra: str, files: dict[str, bytes] | None = None) -> Make:
    """Return a maker adding ``extra`` to briefgen.toml and writing ``files`` into the project."""

    def make(project: Path, seed: str) -> None:
        for name, data in (files or {}).items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_bytes(data)
        (project / CONFIG_FILE).write_text(CONFIG + extra, encoding="utf-8")
        return None

    return make


def template_case(name: str, text: str | None, extra: dict[str, str] | None = None) -> Make:
    """Return a maker putting a template of the project's own in templates/ (None: one in GB18030)."""

    def make(project: Path, seed: str) -> None:
        folder = project / "templates"
        folder.mkdir(exist_ok=True)
        if text is None:
            (folder / name).write_bytes("cover_title: 标题\ncover_date: 日期\n".encode("gb18030"))
        else:
            (folder / name).write_text(text, encoding="utf-8")
        for other, target in (extra or {}).items():
            (folder / other).symlink_to(target)
        return None

    return make



def copy_project(source: Path, target: Path) -> None:
    """Copy a project folder, keeping file times (a copied output folder stays up to date)."""
    shutil.copytree(source, target, symlinks=True)

