"""Write files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_PREFIX = ".briefgen-tmp-"


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        # No fsync: the rename is what makes a killed or failed build leave the old file or the new
        # one. Surviving a power cut is left to the file system (ext4 flushes a file renamed over
        # another); an fsync per file cost the build of the seed a tenth of its time.
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
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
