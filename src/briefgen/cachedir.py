"""Locate the folder briefgen keeps its caches in (never needed for correctness)."""

from __future__ import annotations

import os
from pathlib import Path


def find_cache_dir() -> Path | None:
    """Return a writable cache folder: $BRIEFGEN_CACHE, else $XDG_CACHE_HOME/briefgen, else ~/.cache/briefgen."""
    explicit = os.environ.get("BRIEFGEN_CACHE")
    if explicit == "":
        return None
    if explicit:
        candidate = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        candidate = Path(base) / "briefgen"
    try:
        candidate.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return candidate if os.access(candidate, os.W_OK) else None
