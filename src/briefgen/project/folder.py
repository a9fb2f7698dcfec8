"""The project a command runs in: its folder, briefgen.toml, templates and style sheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.project.config import CONFIG_NAME, Config, build_config
from briefgen.project.style import StyleSheet, build_style_sheet
from briefgen.project.stylecheck import check_style_sheet
from briefgen.project.tomlfile import merge_tables, read_toml

STYLE_NAME = "style.toml"
PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # in the wheel
SOURCE_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"  # in a source checkout


def bundled_templates() -> Path:
    """Return the folder of the templates briefgen ships (in the wheel, or in a source checkout)."""
    return PACKAGE_TEMPLATES if PACKAGE_TEMPLATES.is_dir() else SOURCE_TEMPLATES


@dataclass(frozen=True)
class Project:
    """A project folder with its configuration, template folders and style sheet."""

    root: Path
    config: Config
    template_dirs: tuple[Path, ...]
    style_path: Path
    style: StyleSheet

    def relative(self, path: Path) -> str:
        """Return ``path`` as the user would type it from the project folder."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def _template_dirs(root: Path) -> tuple[Path, ...]:
    own = root / "templates"
    shipped = bundled_templates()
    dirs = [own] if own.is_dir() else []
    if not dirs or own.resolve() != shipped.resolve():
        dirs.append(shipped)
    return tuple(dirs)


def load_project(root: Path | None = None, config_path: Path | None = None) -> Project:
    """Read the project's configuration and style sheet, raising ConfigError for wrong keys or values."""
    root = Path(root or Path.cwd())
    config_file = Path(config_path) if config_path else root / CONFIG_NAME
    config = Config()
    config_locate = None
    if config_file.is_file() or config_path:
        shown = _shown(config_file, root)
        data, config_line_of = read_toml(config_file, shown)
        config = build_config(data, shown, config_line_of)
        config_locate = (shown, config_line_of)
    dirs = _template_dirs(root)
    style_path = next((d / STYLE_NAME for d in dirs if (d / STYLE_NAME).is_file()), dirs[-1] / STYLE_NAME)
    style_shown = _shown(style_path, root)
    base, style_line_of = read_toml(style_path, style_shown)
    merged = merge_tables(base, dict(config.style))

    def locate(key: str) -> tuple[str, int]:
        if config_locate and _has_key(config.style, key):
            return config_locate[0], config_locate[1]("style." + key)
        return style_shown, style_line_of(key)

    sheet = build_style_sheet(merged, locate)
    check_style_sheet(sheet, merged["styles"], locate)
    return Project(root, config, dirs, style_path, sheet)


def _has_key(table: Any, dotted: str) -> bool:
    for part in dotted.split("."):
        if not isinstance(table, dict) or part not in table:
            return False
        table = table[part]
    return True


def _shown(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
