"""Write files atomically: a temporary file in the same folder, then a rename; several files as one change.

A reader sees the old file or the new one, never a part. A ``Replacement`` replaces several files
together: every new file is written to a temporary file first (a full disk or a folder that cannot
be written fails there, before anything changed), then each old file is kept under a temporary
name (a hard link: no copy, no space) while the new one is renamed over it; should a rename fail
(a file another program holds open), the old files are put back. A killed process leaves every
file old or new, and temporary files that the next build removes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

TEMP_PREFIX = ".briefgen-tmp-"


def _temp_file(folder: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file in ``folder`` and return its path."""
    try:
        fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    except OSError as error:
        error.filename = error.filename or str(folder)
        raise
    try:
        # No fsync: the rename is what makes a killed or failed build leave the old file or the new
        # one. Surviving a power cut is left to the file system (ext4 flushes a file renamed over
        # another); an fsync per file cost the build of the seed a tenth of its time.
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
    except BaseException as error:
        _unlink(Path(temp))
        if isinstance(error, OSError) and not error.filename:
            error.filename = str(folder)  # a full disk fails the write, which names no file
        raise
    return Path(temp)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_file(path.parent, data)
    try:
        os.replace(temp, path)
    except BaseException:
        _unlink(temp)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def remove_stale_temps(folder: Path) -> None:
    """Delete temporary files a killed build left in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    for entry in folder.rglob(TEMP_PREFIX + "*"):
        try:
            entry.unlink()
        except OSError:
            pass


class Replacement:
    """Files replaced as one change: after ``commit`` all are new; after a failure, all as they were."""

    def __init__(self) -> None:
        self.staged: dict[str, Path] = {}  # key (the target, unless named) -> temporary file of new content
        self.kept: list[tuple[Path, Path | None]] = []  # replaced or removed target -> its old file (None: new)
        self.folders: list[Path] = []  # folders this change created

    def stage(self, path: Path, data: bytes, key: str | None = None) -> None:
        """Write new content for ``path`` to a temporary file beside it (``key`` names a second version)."""
        path = Path(path)
        self._make_folder(path.parent)
        self.staged[key or str(path)] = _temp_file(path.parent, data)

    def replace(self, path: Path, key: str | None = None) -> None:
        """Put the staged content of ``path`` in place, keeping the old file until the change is done."""
        path = Path(path)
        temp, kept = self.staged.pop(key or str(path)), self._keep(path)
        try:
            os.replace(temp, path)
        except BaseException:
            for leftover in (temp, kept):
                if leftover is not None:
                    _unlink(leftover)
            raise
        self.kept.append((path, kept))

    def remove(self, path: Path) -> None:
        """Remove ``path`` as part of the change (it comes back if the change fails)."""
        path = Path(path)
        if path.exists():
            kept = self._keep(path)
            self.kept.append((path, kept))
            os.unlink(path)

    def finish(self) -> None:
        """Forget the old files: the change is done."""
        for _path, old in self.kept:
            if old is not None:
                _unlink(old)
        self.kept.clear()

    def undo(self) -> None:
        """Put every replaced or removed file back as it was and delete what the change wrote."""
        for temp in self.staged.values():
            _unlink(temp)
        self.staged.clear()
        for path, old in reversed(self.kept):
            try:
                if old is None:
                    _unlink(path)
                else:
                    os.replace(old, path)
            except OSError:
                pass  # put back what can be put back; the manifest still names each file's old and new hash
        self.kept.clear()
        for folder in reversed(self.folders):
            try:
                folder.rmdir()
            except OSError:
                pass

    def _keep(self, path: Path) -> Path | None:
        """Return a temporary name holding the current file at ``path`` (None when there is none)."""
        if not path.exists():
            return None
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
        os.close(fd)
        os.unlink(name)
        try:
            os.link(path, name)  # the same file under a second name: no copy, the target stays in place
        except OSError:
            shutil.copyfile(path, name)  # a file system without hard links
        return Path(name)

    def _make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for created in reversed(missing):
            created.mkdir()
            self.folders.append(created)
