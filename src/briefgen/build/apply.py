"""Bring an output folder up to date: decide what is stale and why, then replace it as one change.

Every stale output is rendered first, in memory. Then each new file is written beside its target
(a full disk or a folder that cannot be written fails here, with nothing changed), the manifest
announces the change (each changing file with its old and new hash), the files are renamed into
place, removed outputs are removed, and the manifest is completed. Should any step fail, every
file and the manifest are put back as they were (atomic.Replacement); a build killed at any moment
leaves each file either old or new, as its manifest entry says.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Mapping, Sequence

from briefgen.atomic import Replacement, remove_stale_temps
from briefgen.build.fingerprint import hash_bytes
from briefgen.build.manifest import MANIFEST, Entry, Manifest
from briefgen.build.plans import Target
from briefgen.i18n import _, ngettext

REASON_ORDER = ("version", "style", "config", "fonts", "templates", "date", "theme", "speeches", "document")


def changed_input(key: str) -> str:
    """Return why an output is stale when the dependency ``key`` changed (not templates or speeches)."""
    return {"version": _("briefgen version changed"), "style": _("style sheet changed"),
            "config": _("configuration changed"), "fonts": _("fonts changed"), "date": _("date changed"),
            "theme": _("theme changed"), "document": _("content changed")}[key]


@dataclass
class Action:
    """What the build did or decided for one output, and why."""

    path: str
    done: str  # "built", "up to date", "removed": what happened, as data (the command line words it)
    reason: str  # why, in the user's language (an output up to date: "up to date", as ``done``)


def listed(items: Sequence[str]) -> str:
    """Return the items of a list of names or numbers as the user's language writes them (3, 4, 5)."""
    # TRANSLATORS: between the items of a list of names or numbers: speeches 3, 4, 5; template a.j2, b.j2
    return _(", ").join(items)


def describe_change(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """Return why an output made from ``old`` differs from one made from ``new``, or None."""
    for key in REASON_ORDER:
        before, after = old.get(key) or {}, new.get(key) or {}
        if old.get(key) == new.get(key):
            continue
        if key == "templates":
            names = sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))
            return ngettext("template {names} changed", "templates {names} changed", len(names)).format(
                names=listed(names))
        if key == "speeches":  # by number (the compilation) or by title (a brief)
            changed = sorted((n for n in set(before) | set(after) if before.get(n) != after.get(n)),
                             key=lambda n: (not n.isdigit(), int(n) if n.isdigit() else 0, n))
            named = [n if n.isdigit() else f"《{n}》" for n in changed]
            if not named:
                return _("speeches changed")
            return ngettext("speech {speeches} changed", "speeches {speeches} changed", len(named)).format(
                speeches=listed(named))
        return changed_input(key)
    return _("dependencies changed") if set(old) ^ set(new) else None


def stale_reason(target: Target, entry: Entry | None, out_dir: Path, force: bool) -> str | None:
    """Return why ``target`` must be built again, or None when its file is up to date."""
    if force:
        return _("forced")
    if entry is None:
        return _("new output")
    file = out_dir / target.path
    if not file.is_file() or file.stat().st_size != entry.size:
        return _("file missing or changed on disk")
    if entry.previous_sha256 is not None:
        return _("an earlier build was interrupted")
    return describe_change(entry.deps, target.deps)


def apply_targets(targets: Sequence[Target], stale: Sequence[tuple[Target, str]], previous: Manifest,
                  out_dir: Path, inputs: Mapping[str, Any], pause: float = 0.0,
                  progress: Callable[[str], None] = lambda message: None,
                  skipped: Collection[str] = ()) -> tuple[list[Entry], list[Action]]:
    """Render the stale targets and replace them, the removed outputs and the manifest as one change.

    Outputs of a ``skipped`` format (`--format pdf` skips docx) stay as they are, with their entries."""
    kept = {e.path for e in previous.entries if e.format in skipped}
    planned = {t.path for t in targets} | kept
    for target in targets:
        if out_dir.resolve() not in (out_dir / target.path).resolve().parents:
            raise ValueError(f"output path {target.path!r} would leave {out_dir}")
    if len(stale) > 1:
        progress(_("building {count} of {total} outputs").format(count=len(stale), total=len(targets)))
    rendered = [(target, reason, target.render()) for target, reason in stale]
    removed = [e for e in previous.entries if e.path not in planned]
    entries = {e.path: e for e in previous.entries if e.path in planned}  # in the manifest's order
    new_entries = {t.path: Entry(t.path, t.kind, t.format, t.theme, hash_bytes(data), len(data), t.deps)
                   for t, _reason, data in rendered}
    announced = dict(entries)
    for path, entry in new_entries.items():
        old = entries.get(path)
        announced[path] = Entry(entry.path, entry.kind, entry.format, entry.theme, entry.sha256, entry.size,
                                entry.deps, old.sha256 if old else "")
    for entry in removed:
        announced[entry.path] = Entry(entry.path, entry.kind, entry.format, entry.theme, "", 0, {}, entry.sha256)
    final = Manifest(previous.seed, inputs, tuple(new_entries.get(p, e) for p, e in announced.items() if p in planned))
    change = Replacement()
    actions: list[Action] = []
    try:
        remove_stale_temps(out_dir)
        change.stage(out_dir / MANIFEST, final.to_json().encode("utf-8"))
        for target, _reason, data in rendered:
            change.stage(out_dir / target.path, data)
        if rendered or removed:
            # Announce the change first: each listed file is now either its old or its new self.
            updating = Manifest(previous.seed, previous.inputs, tuple(announced.values()), "updating")
            change.stage(out_dir / MANIFEST, updating.to_json().encode("utf-8"), key="updating")
            change.replace(out_dir / MANIFEST, key="updating")
        for target, reason, _data in rendered:
            change.replace(out_dir / target.path)
            actions.append(Action(target.path, "built", reason))
            time.sleep(pause)
        for entry in removed:
            change.remove(out_dir / entry.path)
            actions.append(Action(entry.path, "removed", _("no longer planned")))
            time.sleep(pause)
        change.replace(out_dir / MANIFEST)
    except BaseException:
        change.undo()
        raise
    change.finish()
    return list(final.entries), actions
