"""DIR/manifest.json: what a build wrote, what each output was made from, and whether it is mid-update.

While a build replaces files the manifest says ``"state": "updating"`` and each entry being
replaced carries both its old and its new hash: at any moment, even after a SIGKILL, every
file on disk matches its entry. A manifest that is missing, unreadable or of another schema
is treated as absent (a full rebuild), never as an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from briefgen import __version__

MANIFEST = "manifest.json"
SCHEMA = 1


@dataclass(frozen=True)
class Entry:
    """One output file: where, what, its hash, and the hashes of what it was made from."""

    path: str
    kind: str
    format: str
    theme: str | None
    sha256: str
    size: int
    deps: Mapping[str, Any] = field(default_factory=dict)
    previous_sha256: str | None = None  # set only while the file is being replaced

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        data = {"path": self.path, "kind": self.kind, "format": self.format, "theme": self.theme,
                "sha256": self.sha256, "size": self.size, "deps": dict(self.deps)}
        if self.previous_sha256 is not None:
            data["previous_sha256"] = self.previous_sha256
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Entry":
        """Return the entry described by ``data``."""
        return cls(data["path"], data["kind"], data["format"], data.get("theme"), data["sha256"],
                   int(data["size"]), dict(data.get("deps", {})), data.get("previous_sha256"))


@dataclass(frozen=True)
class Manifest:
    """The manifest of one output folder."""

    seed: str
    inputs: Mapping[str, Any]
    entries: tuple[Entry, ...]
    state: str = "complete"
    version: str = __version__

    def entry(self, path: str) -> Entry | None:
        """Return the entry of an output path, if listed."""
        return next((e for e in self.entries if e.path == path), None)

    def to_json(self) -> str:
        """Return the manifest's file content: stable key order, no times, no absolute paths."""
        data = {"schema_version": SCHEMA, "briefgen_version": self.version, "seed": self.seed, "state": self.state,
                "inputs": dict(self.inputs), "outputs": [e.to_dict() for e in sorted(self.entries, key=lambda e: e.path)]}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_manifest(folder: Path) -> Manifest | None:
    """Return the folder's manifest, or None when it is missing, unreadable or of another schema."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
        if data.get("schema_version") != SCHEMA:
            return None
        return Manifest(data["seed"], data.get("inputs", {}), tuple(Entry.from_dict(e) for e in data["outputs"]),
                        data.get("state", "complete"), data.get("briefgen_version", ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None

