"""Hashes of what outputs are made from, cheap enough to decide "up to date" in a few milliseconds.

Font files are large: their hashes are remembered in the cache folder by path, size and
modification time (the bundled ones come with their hash in fonts.json), so a no-op rebuild
reads only small files. Hashes, never paths or times, go into the manifest, so it is the same
on every machine.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from briefgen import __version__
from briefgen.atomic import write_text_atomic
from briefgen.i18n import chosen_language
from briefgen.cachedir import find_cache_dir
from briefgen.project.folder import CONFIG_NAME, Project
from briefgen.project.templating import template_hashes

HASH_CACHE = "file-hashes.json"


def hash_bytes(data: bytes) -> str:
    """Return the hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def hash_json(value: Any) -> str:
    """Return the SHA-256 of a JSON-ready value in canonical form."""
    return hash_bytes(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def hash_file(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, or 'missing' when it does not exist."""
    try:
        return hash_bytes(Path(path).read_bytes())
    except FileNotFoundError:
        return "missing"


class FileHashes:
    """SHA-256 of large files, remembered across runs by path, size and modification time."""

    def __init__(self) -> None:
        folder = find_cache_dir()
        self.path = folder / HASH_CACHE if folder else None
        self.entries: dict[str, list] = {}
        self.changed = False
        if self.path and self.path.is_file():
            try:
                self.entries = json.loads(self.path.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                self.entries = {}

    def get(self, path: Path) -> str:
        """Return the hash of ``path``, computing it only when the file changed since last time."""
        stat = Path(path).stat()
        key = str(Path(path).resolve())
        found = self.entries.get(key)
        if found and found[0] == stat.st_size and found[1] == stat.st_mtime_ns:
            return found[2]
        digest = hash_file(path)
        self.entries[key] = [stat.st_size, stat.st_mtime_ns, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        """Write the remembered hashes back to the cache folder (best effort)."""
        if self.path and self.changed:
            try:
                write_text_atomic(self.path, json.dumps(self.entries, sort_keys=True))
            except OSError:
                pass
            self.changed = False


def hash_fonts(faces: Mapping[str, Any], hashes: FileHashes, bundled: Mapping[str, Any]) -> dict[str, str]:
    """Return role -> hash of the font file serving it."""
    result = {}
    for role, face in sorted(faces.items()):
        entry = bundled.get(role)
        if face.source == "bundled" and entry and entry.get("sha256"):
            result[role] = entry["sha256"]
        else:
            result[role] = hashes.get(face.path) + (f"#{face.index}" if face.index else "")
    return result


@dataclass(frozen=True)
class Fingerprint:
    """Hashes of every input of a seed's outputs, the faces they resolved to, and what was looked at.

    ``read_files`` and ``read_dirs`` are what the command line's quick no-op check watches."""

    values: dict[str, Any]
    faces: Mapping[str, Any]
    read_files: list[str]
    read_dirs: list[str]


def fingerprint_inputs(seed: Path, project: Project, allow_missing_glyphs: bool, formats: Sequence[str],
                       hashes: FileHashes) -> Fingerprint:
    """Return the fingerprint of everything a seed's outputs are made from, without parsing anything."""
    from briefgen.briefs.themes import themes_path
    from briefgen.fonts.faces import bundled_manifest, font_search_dirs, resolve_fonts

    fonts = project.config.fonts
    faces = resolve_fonts(fonts.files, fonts.dirs, project.root, fonts.system, project.config.path)
    config_file = project.root / CONFIG_NAME
    template_files = [str(p) for d in project.template_dirs if d.is_dir() for p in sorted(d.iterdir())]
    read_files = [str(seed), str(themes_path(seed)), str(config_file), str(project.style_path),
                  *template_files, *(str(face.path) for face in faces.values())]
    read_dirs = [*(str(d) for d in project.template_dirs), str(project.root / "templates"),
                 *font_search_dirs(fonts.dirs, project.root, fonts.system)]
    values = {
        "version": __version__,
        "seed": hash_file(seed),
        "themes": hash_file(themes_path(seed)),
        "config": hash_file(config_file),
        "style": hash_file(project.style_path),
        "templates": template_hashes(project.template_dirs),
        "fonts": hash_fonts(faces, hashes, bundled_manifest()["roles"]),
        "date": project.config.document_date().isoformat(),
        "allow_missing_glyphs": allow_missing_glyphs,
        "formats": list(formats),
    }
    # The language speaks only in the comments of the theme file a build derives for a seed without
    # one; the documents never depend on it, so a seed with a theme file records none.
    values["comments_language"] = chosen_language() if values["themes"] == "missing" else None
    return Fingerprint(values, faces, read_files, read_dirs)
