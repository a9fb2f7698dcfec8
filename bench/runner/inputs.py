"""What the parts of a bench run share: where its inputs are and the date every build is stamped with."""

from __future__ import annotations

from pathlib import Path

from common import ROOT, SEED

BENCH = Path(__file__).resolve().parents[1]
RESULTS = BENCH / "results.json"
TYPST_TEMPLATE = BENCH / "official.typ"
FONTS = ROOT / "src" / "briefgen" / "data" / "fonts"
THEMES = SEED.with_name(SEED.stem + ".themes.toml")
EPOCH = "1795824000"  # SOURCE_DATE_EPOCH 2026-11-28: every output is the same bytes in every run
