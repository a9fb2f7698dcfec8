"""Build the outputs of seeds: decide where they go, render them, write them atomically, manifest last."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from . import __version__
from .atomic import remove_stale_temps, write_bytes_atomic, write_text_atomic
from .filenames import safe_filename
from .project import Project
from .seeds import load_seed

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = 1
OUTPUT_ROOT = "output"


@dataclass(frozen=True)
class Output:
    """One file a build wrote, as the manifest lists it."""

    path: str  # relative to the output folder, with / separators
    kind: str  # "compilation" or "brief"
    format: str  # "docx" or "pdf"
    theme: str | None
    sha256: str

    def to_dict(self) -> dict:
        """Return the manifest entry."""
        return {"path": self.path, "kind": self.kind, "format": self.format, "theme": self.theme,
                "sha256": self.sha256}


@dataclass
class SeedResult:
    """What building one seed did."""

    seed: Path
    out_dir: Path
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0


def output_dirs(seeds: Sequence[Path], out: Path | None, root: Path) -> list[Path]:
    """Return each seed's output folder: DIR itself for one seed with -o, else DIR/<seed name>/."""
    if out is not None and len(seeds) == 1:
        return [out]
    base = out if out is not None else root / OUTPUT_ROOT
    return [base / seed.stem for seed in seeds]


def sha256(data: bytes) -> str:
    """Return the hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def write_output(out_dir: Path, relative: str, data: bytes) -> None:
    """Write one output file atomically, refusing any path that would leave ``out_dir``."""
    target = (out_dir / relative).resolve()
    if out_dir.resolve() not in target.parents:
        raise ValueError(f"output path {relative!r} leaves the output folder")
    write_bytes_atomic(target, data)


def write_manifest(out_dir: Path, seed: str, outputs: Sequence[Output], extra: dict | None = None) -> None:
    """Write DIR/manifest.json listing every output (written last, atomically)."""
    data = {
        "schema_version": MANIFEST_SCHEMA,
        "briefgen_version": __version__,
        "seed": seed,
        "outputs": [o.to_dict() for o in sorted(outputs, key=lambda o: o.path)],
        **(extra or {}),
    }
    write_text_atomic(out_dir / MANIFEST, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def build_seed(seed: Path, out_dir: Path, project: Project, allow_missing_glyphs: bool = False,
               formats: Sequence[str] = ("docx", "pdf")) -> SeedResult:
    """Render every output of one seed into ``out_dir`` and write its manifest."""
    from .briefs import brief_files
    from .render import Renderer
    from .writers import get_writer

    started = time.perf_counter()
    loaded = load_seed(seed, project.style.title_cells)
    renderer = Renderer(project, allow_missing_glyphs)
    job = replace(renderer.compilation(loaded.outline, project.config.document_date()), source=project.relative(seed))
    name = safe_filename(loaded.outline.title, "compilation")
    files = [(f"{name}.{fmt}", "compilation", fmt, None, get_writer(fmt)(job)) for fmt in formats]
    files += brief_files(seed, loaded.outline, renderer, formats)  # briefs/NN-<theme>.*, briefs/index.json
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out_dir)
    result = SeedResult(seed, out_dir)
    for relative, kind, fmt, theme, data in files:
        write_output(out_dir, relative, data)
        result.outputs.append(Output(relative, kind, fmt, theme, sha256(data)))
    write_manifest(out_dir, project.relative(seed), result.outputs)
    result.seconds = time.perf_counter() - started
    return result
