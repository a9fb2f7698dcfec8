"""Run briefgen's command line with one file-system call made to fail, as a machine would fail it.

    python tests/support/faulty.py build ...    with BRIEFGEN_TEST_FAULT=<call>:<fault>:<path part>

<call> is ``replace`` (os.replace: a rename into place) or ``write`` (tempfile.mkstemp: a new file);
<fault> is ``EACCES`` (permission denied), ``ENOSPC`` (no space left) or ``LOCKED`` (the Windows
error a file open in Word gives: PermissionError with winerror 32); the call fails only when its
target path holds <path part>. Where CI cannot mount a small or read-only file system, this is how
the tests make those faults happen inside a real build.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile


def _fault(kind: str, path: str) -> OSError:
    if kind == "LOCKED":
        error = PermissionError(errno.EACCES, "The process cannot access the file because it is being used by "
                                "another process", path)
        error.winerror = 32
        return error
    code = getattr(errno, kind)
    return OSError(code, os.strerror(code), path)


def install(spec: str) -> None:
    """Make the call named in ``spec`` fail for paths holding its path part."""
    call, kind, part = spec.split(":", 2)
    if call == "replace":
        real_replace = os.replace

        def replace(src, dst, *args, **kwargs):
            if part in str(dst) and not os.path.basename(str(dst)).startswith(".briefgen-tmp-"):
                raise _fault(kind, str(dst))
            return real_replace(src, dst, *args, **kwargs)

        os.replace = replace
    elif call == "write":
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args, **kwargs):
            folder = str(kwargs.get("dir") or "")
            if part in folder:
                raise _fault(kind, os.path.join(folder, ".briefgen-tmp-x"))
            return real_mkstemp(*args, **kwargs)

        tempfile.mkstemp = mkstemp
    else:
        raise SystemExit(f"unknown fault {spec!r}")


if __name__ == "__main__":
    install(os.environ["BRIEFGEN_TEST_FAULT"])
    sys.argv[0] = "briefgen"
    from briefgen.cli.main import main

    main()
