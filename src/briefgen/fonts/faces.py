"""Font roles -> font files: configured files first, then official fonts installed, then bundled ones."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from briefgen.errors import ConfigError
from briefgen.i18n import _
from briefgen.layout.metrics import FaceMetrics, FontFileError, read_metrics

BUNDLED_DIR = Path(__file__).resolve().parents[1] / "data" / "fonts"
# Roles the PDF needs a file for; latin-bold and fallback have no family name of their own.
FILE_ROLES = ("title", "body", "hei", "kai", "song", "latin", "latin-bold", "fallback")

# The file names the official faces have on Windows and on machines that copied them.
OFFICIAL_FILES: Mapping[str, tuple[str, ...]] = {
    "title": ("fzxbsjw.ttf", "fzxbsjw--gb1-0.ttf", "方正小标宋简体.ttf", "方正小标宋_gbk.ttf"),
    "body": ("simfang.ttf", "fangsong_gb2312.ttf", "仿宋_gb2312.ttf", "fangsong.ttf"),
    "hei": ("simhei.ttf", "黑体.ttf"),
    "kai": ("simkai.ttf", "kaiti_gb2312.ttf", "楷体_gb2312.ttf", "kaiti.ttf"),
    "song": ("simsun.ttc", "simsun.ttf", "宋体.ttf"),
    "latin": ("times.ttf", "times new roman.ttf", "timesnewroman.ttf"),
    "latin-bold": ("timesbd.ttf", "times new roman bold.ttf", "timesnewromanbold.ttf"),
}
SYSTEM_DIRS = (
    "~/.fonts", "~/.local/share/fonts", "/usr/share/fonts", "/usr/local/share/fonts",
    "C:/Windows/Fonts", "~/AppData/Local/Microsoft/Windows/Fonts", "/Library/Fonts", "~/Library/Fonts",
)


@dataclass(frozen=True)
class FontFace:
    """The file serving one font role, and why it was chosen."""

    role: str
    path: Path
    index: int
    source: str  # "config", "system" or "bundled"
    reason: str

    @property
    def key(self) -> str:
        """Return an identity of the face for dependency records: path, face index, size and mtime."""
        stat = self.path.stat()
        return f"{self.path}#{self.index}:{stat.st_size}:{stat.st_mtime_ns}"

    def metrics(self) -> FaceMetrics:
        """Return the face's character map and advance widths."""
        return read_metrics(self.path, self.index)


@lru_cache(maxsize=1)
def bundled_manifest() -> dict:
    """Return data/fonts/fonts.json: the bundled file of each role and where it came from."""
    return json.loads((BUNDLED_DIR / "fonts.json").read_text(encoding="utf-8"))


def bundled_face(role: str) -> FontFace:
    """Return the bundled face of ``role``."""
    entry = bundled_manifest()["roles"][role]
    if entry.get("stands_in_for"):
        reason = _("bundled {family}, standing in for {official}").format(family=entry["family"],
                                                                          official=entry["stands_in_for"])
    else:
        reason = _("bundled {family}").format(family=entry["family"])
    return FontFace(role, BUNDLED_DIR / entry["file"], 0, "bundled", reason)


@lru_cache(maxsize=8)
def _scan(folders: tuple[str, ...]) -> dict[str, Path]:
    """Return lower-cased file name -> path for font files under ``folders`` (first one wins)."""
    found: dict[str, Path] = {}
    for folder in folders:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for current, _dirs, files in os.walk(root):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    found.setdefault(name.lower(), Path(current) / name)
    return found


def font_search_dirs(extra_dirs: Iterable[str], root: Path, use_system: bool = True) -> list[str]:
    """Return every folder searched for official fonts (a font added to one changes its time)."""
    tops = [str((root / d).resolve()) for d in extra_dirs] + [os.path.expanduser(d) for d in
                                                               (SYSTEM_DIRS if use_system else ())]
    found = []
    for top in tops:
        for current, _dirs, _files in os.walk(top):
            found.append(current)
    return found


def _usable(path: Path, index: int) -> str | None:
    """Return why a font file cannot serve, or None when it can."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
        if head == b"OTTO":
            return _("PostScript (CFF) outlines, which the PDF writer cannot embed")
        missing = read_metrics(path, index).missing_tables()
    except (OSError, FontFileError) as error:
        return str(error)
    if missing:
        return _("not a complete TrueType font (it lacks {tables}), which the PDF writer cannot embed").format(
            tables=", ".join(missing))
    return None


def resolve_fonts(configured: Mapping[str, str], extra_dirs: Iterable[str], root: Path,
                  use_system: bool = True, config_path: str = "briefgen.toml") -> dict[str, FontFace]:
    """Return the face of every role in FILE_ROLES."""
    from briefgen.project.tomlfile import make_line_finder

    config_text = (root / config_path).read_text(encoding="utf-8") if (root / config_path).is_file() else ""
    line_of = make_line_finder(config_text)
    for role in configured:
        if role not in FILE_ROLES:
            raise ConfigError(config_path, line_of(f"fonts.files.{role}"),
                              _("unknown font role fonts.files.{role}; the roles are {roles}").format(
                                  role=role, roles=", ".join(FILE_ROLES)))
    dirs = tuple(str((root / d).resolve()) for d in extra_dirs)
    system = _scan(dirs + (SYSTEM_DIRS if use_system else ()))
    faces: dict[str, FontFace] = {}
    for role in FILE_ROLES:
        if role in configured:
            name, _hash, index_text = configured[role].partition("#")
            path = (root / name).resolve() if not os.path.isabs(name) else Path(name)
            index = int(index_text) if index_text.isdigit() else 0
            problem = _("no such file") if not path.is_file() else _usable(path, index)
            if problem:
                raise ConfigError(config_path, line_of(f"fonts.files.{role}"),
                                  f"fonts.files.{role}: {configured[role]}: {problem}")
            faces[role] = FontFace(role, path, index, "config", _("named in {file}").format(file=config_path))
            continue
        for name in OFFICIAL_FILES.get(role, ()):
            path = system.get(name)
            if path is not None and _usable(path, 0) is None:
                reason = _("official font {file} found in {folder}").format(file=path.name, folder=path.parent)
                faces[role] = FontFace(role, path, 0, "system", reason)
                break
        else:
            faces[role] = bundled_face(role)
    return faces
