"""Answer "everything is up to date" for a repeated `briefgen build` before loading the rest of briefgen.

After a successful build the command line records, in the cache folder, the size and
modification time of every file the build read or wrote and of the folders it searched
(as git's index does). When the same command finds all of them unchanged, nothing can have
changed, and it says so without importing click, parsing the seed or hashing anything.
Any doubt (another option, a changed or new file, a file touched within the last second
before the record, a new day when the date is "today") falls through to the real build,
which decides from content hashes.

Only the standard library is imported here: with cli/main.py, this is the whole cost of a no-op build.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time

from briefgen import __version__
from briefgen.cli.options import BuildOptions
from briefgen.i18n import _, chosen_language

RACY_NS = 100_000_000  # an input changed this close before the record could change again unseen


def _cache_dir() -> str | None:
    explicit = os.environ.get("BRIEFGEN_CACHE")
    if explicit == "":
        return None
    base = explicit or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                                                   ".cache"), "briefgen")
    return base if os.path.isdir(base) else None


def record_path(options: BuildOptions) -> str | None:
    """Return the file holding the record of a command line run in this folder, or None."""
    folder = _cache_dir()
    if folder is None:
        return None
    key = json.dumps([os.getcwd(), list(options.seeds), options.out, options.allow_missing_glyphs,
                      list(options.formats), chosen_language()])  # a derived theme file's comments speak it
    return os.path.join(folder, "quick-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20] + ".json")


def _stat(path: str) -> list[int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns]


def is_fresh(record: dict) -> bool:
    """Return True when every file and folder of the record is as it was."""
    if record.get("version") != __version__:
        return False
    if record.get("epoch") != os.environ.get("SOURCE_DATE_EPOCH"):
        return False
    if record.get("today") and record["today"] != time.strftime("%Y-%m-%d"):
        return False
    for path, seen in record["files"].items():
        if _stat(path) != seen:
            return False
    for path, seen in record["dirs"].items():
        now = _stat(path)
        if (now and now[1]) != seen:
            return False
    return True


def try_noop(options: BuildOptions) -> bool:
    """Print the up-to-date summary and return True when a repeated build has nothing to do."""
    started = time.perf_counter()
    if options.force or options.strict:  # --strict reads the seed again, to fail on what check finds
        return False
    path = record_path(options)
    if path is None:
        return False
    try:
        with open(path, encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return False
    if not is_fresh(record):
        return False
    if options.verbose:
        said = _("up to date")
        for line in record["outputs"]:
            print(f"{line}: {said}", file=sys.stderr)
    if not options.quiet:
        print(summary(0, len(record["outputs"]), 0, time.perf_counter() - started), file=sys.stderr)
    return True


def summary(built: int, fresh: int, failed: int, seconds: float) -> str:
    """Return the last line of a build: how many outputs were built and were up to date, how many seeds failed."""
    return _("built {built}, up to date {fresh}, failed {failed} in {seconds:.2f} s").format(
        built=built, fresh=fresh, failed=failed, seconds=seconds)


def write_record(options: BuildOptions, inputs: list[str], products: list[str], dirs: list[str], outputs: list[str],
                 today: bool) -> None:
    """Record the state after a successful build (not when an input changed a moment ago).

    A file system stamps times at a clock tick: an input saved again within the same tick,
    at the same size, would look unchanged, so inputs that young make no record.
    """
    path = record_path(options)
    if path is None:
        return
    now = time.time_ns()
    stats = {f: _stat(f) for f in sorted(set(inputs))}
    if any(s is not None and s[1] > now - RACY_NS for s in stats.values()):
        return
    stats.update({f: _stat(f) for f in sorted(set(products))})
    record = {
        "version": __version__,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH"),
        "today": time.strftime("%Y-%m-%d") if today else None,
        "files": stats,
        "dirs": {d: (_stat(d) or [0, 0])[1] or None for d in sorted(set(dirs))},
        "outputs": outputs,
    }
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass


def forget(options: BuildOptions) -> None:
    """Remove the record of a command line (a build that failed or changed something)."""
    path = record_path(options)
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass
