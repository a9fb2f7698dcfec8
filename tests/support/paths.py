"""Where the project's own files lie: the repository root, the bundled seed and its theme file, test data."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
THEMES = SEED.with_name(SEED.stem + ".themes.toml")
DATA = ROOT / "tests" / "data"
EPOCH = "1795824000"  # SOURCE_DATE_EPOCH of every test build: 2026-11-28
