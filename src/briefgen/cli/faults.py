"""Say what went wrong in one line, `path: error: what failed, and what to do`: the only place an
exception becomes words.

A user's input names its file and line (BriefgenError). A machine fault names the path the
system refused and says what to do about it: a file where a folder should be, a folder that
cannot be written, a read-only file system, no space left, a file another program holds open
(on Windows, a document open in Word or WPS), no memory.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from briefgen.atomic import TEMP_PREFIX
from briefgen.errors import BriefgenError
from briefgen.i18n import _

# Windows error codes of a file another program holds: access denied (Word's lock on a DOCX),
# sharing violation, lock violation.
WINDOWS_LOCKED = (5, 32, 33)


def describe_error(error: BaseException) -> str:
    """Return the one line that tells the user what stopped a command."""
    if isinstance(error, BriefgenError):
        return str(error)
    if isinstance(error, MemoryError):
        return "briefgen: error: " + _("out of memory: close other programs, or split the compilation into "
                                       "several seeds, and build again")
    if isinstance(error, OSError):
        return f"{_shown(error)}: error: {describe_os_error(error)}"
    return f"briefgen: error: {type(error).__name__}: {error}"


def describe_os_error(error: OSError) -> str:
    """Return what a refused file operation means for the user, and what to do."""
    name = error.filename2 or error.filename
    path = Path(name) if name else None
    code = error.errno
    if getattr(error, "winerror", None) in WINDOWS_LOCKED and path is not None and path.exists():
        return _("cannot replace the file: another program has it open (a document open in Word or WPS?); "
                 "close it and build again")
    if code == errno.ENOTDIR or (code == errno.EEXIST and path is not None and path.is_file()):
        return _("{file} is a file, where briefgen needs a folder: choose another output folder (-o), or move "
                 "the file away").format(file=_display(_file_in_the_way(path)))
    if code == errno.EISDIR:
        return _("is a folder, where briefgen writes a file: move the folder away")
    if code in (errno.EACCES, errno.EPERM):
        return _("permission denied: this folder cannot be written; choose a folder you may write to (-o), or "
                 "ask for write permission")
    if code == errno.EROFS:
        return _("the file system is read-only: choose an output folder on a writable disk (-o)")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return _("no space left on the disk: free some space, or build into another disk (-o), and build again")
    if code == errno.ENAMETOOLONG:
        return _("the path is too long: choose a shorter output folder (-o)")
    return _("{reason}: the file system refused briefgen; check the folder and try again").format(
        reason=error.strerror or type(error).__name__)


def _file_in_the_way(path: Path | None) -> Path | None:
    """Return the nearest file among ``path`` and its parents (what stands where a folder should be)."""
    while path is not None and path != path.parent:
        if path.is_file():
            return path
        path = path.parent
    return None


def _shown(error: OSError) -> str:
    """Return the path a fault is about: a rename's target, a temporary file's folder."""
    name = error.filename2 or error.filename
    if not name:
        return "briefgen"
    path = Path(name)
    return _display(path.parent if path.name.startswith(TEMP_PREFIX) else path)


def _display(path: Path | None) -> str:
    """Return ``path`` relative to the working folder when it lies inside it."""
    if path is None:
        return _("a path")
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)
