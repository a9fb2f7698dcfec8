"""Watch seeds, theme files, templates and the configuration; rebuild what changed after a save.

Polling (four times a second) needs no platform file-event service and sees every editor's
way of saving (rename over, truncate and write); a change is built once the files have been
quiet for a short debounce, so a save that writes in several steps triggers one build.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

Snapshot = dict[str, tuple[int, int]]

POLL_SECONDS = 0.25
DEBOUNCE_SECONDS = 0.3


def take_snapshot(paths: Iterable[Path]) -> Snapshot:
    """Return path -> (size, mtime) for every existing file among ``paths`` and inside folders among them."""
    found: Snapshot = {}
    for path in paths:
        path = Path(path)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            found[str(file)] = (stat.st_size, stat.st_mtime_ns)
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """Return the files added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def watch(watched: Callable[[], Sequence[Path]], rebuild: Callable[[set[str]], None],
          poll: float = POLL_SECONDS, debounce: float = DEBOUNCE_SECONDS,
          stop: Callable[[], bool] = lambda: False, sleep: Callable[[float], None] = time.sleep) -> None:
    """Call ``rebuild(changed files)`` after each quiet change of the watched files, until ``stop()``."""
    current = take_snapshot(watched())
    while not stop():
        sleep(poll)
        latest = take_snapshot(watched())
        if latest == current:
            continue
        while True:  # wait until the files stop changing
            sleep(debounce)
            settled = take_snapshot(watched())
            if settled == latest:
                break
            latest = settled
        changed = changed_paths(current, latest)
        current = latest
        rebuild(changed)
