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


def run_watch(seeds: Sequence[str], out: str | None, verbose: bool, echo: Callable[[str], None]) -> None:
    """Build the seeds, then again after each quiet change of their files, until Ctrl-C."""
    from briefgen.briefs.themes import themes_path
    from briefgen.cli.building import describe_action
    from briefgen.cli.faults import describe_error
    from briefgen.errors import BriefgenError
    from briefgen.i18n import _
    from briefgen.outline.seeds import display_path, find_seeds
    from briefgen.project.folder import CONFIG_NAME

    root = Path.cwd()
    keeping = _("(keeping the last good outputs)")

    def watched() -> list[Path]:
        paths = find_seeds(seeds) if seeds else sorted((root / "seeds").glob("*.txt"))
        return [*paths, *(themes_path(p) for p in paths), root / "templates", root / CONFIG_NAME]

    def rebuild(changed: set[str]) -> None:
        started = time.perf_counter()
        if changed:
            shown = ", ".join(sorted(display_path(Path(p)) for p in changed))
            echo(f"[{time.strftime('%H:%M:%S')}] " + _("changed: {files}").format(files=shown))
        try:
            reports, project = _build_once(root, seeds, out)
        except BriefgenError as error:
            echo(f"{describe_error(error)}  {keeping}")
            return
        for report in reports:
            if report.error:
                echo(f"{describe_error(report.error)}  {keeping}")
                continue
            for warning in report.warnings:
                echo(warning)
            for action in report.actions:
                if verbose or action.done != "up to date":
                    echo(f"{report.seed}: {project.relative(report.out_dir / action.path)}: {describe_action(action)}")
        echo(f"[{time.strftime('%H:%M:%S')}] " + _("built {count} in {seconds:.2f} s; watching").format(
            count=sum(r.built for r in reports), seconds=time.perf_counter() - started))

    rebuild(set())
    try:
        watch(watched, rebuild)
    except KeyboardInterrupt:
        echo(_("stopped watching"))


def _build_once(root: Path, seeds: Sequence[str], out: str | None):
    """Build every seed once, in this process; return the reports and the project."""
    from briefgen.build.builder import build_seeds
    from briefgen.build.plans import output_dirs
    from briefgen.outline.seeds import find_seeds
    from briefgen.project.folder import load_project

    project = load_project(root)
    paths = find_seeds(seeds)
    folders = output_dirs(paths, Path(out) if out else None, project.root)
    return build_seeds(paths, folders, project, jobs=1), project
