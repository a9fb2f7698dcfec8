"""Running a measured command to its end: its wall and CPU time, largest RSS and output; a failure raises."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from runner.memory import wait_sampling


class Failed(RuntimeError):
    """A measured command failed."""


@dataclass
class Done:
    """One finished process: wall time, the largest RSS of it or a child (MB), its output."""

    wall: float
    maxrss_mb: float
    stdout: str
    stderr: str
    tree_peak_mb: float | None = None  # RSS summed over the process tree (pages shared after fork twice)
    tree_pss_mb: float | None = None  # PSS summed over the tree: each page once
    cpu: float = 0.0  # user + system seconds of the process and its waited-for children

    def last_json(self) -> dict:
        """Return the JSON object a measuring script printed last."""
        return json.loads(self.stdout.strip().splitlines()[-1])


def run(args: list, cwd: Path, env: dict, sample: bool = False) -> Done:
    """Run a command to the end; with ``sample``, read the RSS of its process tree every few ms."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([str(a) for a in args], cwd=cwd, env=env, stdout=out, stderr=err)
        peak_rss = peak_pss = None
        if sample:
            status, usage, peak_rss, peak_pss = wait_sampling(proc.pid)
        else:
            _pid, status, usage = os.wait4(proc.pid, 0)  # wait4: the CPU time of this child alone
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise Failed(f"{' '.join(map(str, args))} (in {cwd}) exited {proc.returncode}:\n{stderr[-3000:]}")
    return Done(wall, usage.ru_maxrss / 1024, stdout, stderr, peak_rss, peak_pss, usage.ru_utime + usage.ru_stime)


def built_count(done: Done) -> int:
    """Return N of the build summary line `built N, up to date M, failed F in S s`."""
    found = re.findall(r"built (\d+), up to date (\d+), failed (\d+)", done.stderr)
    if not found:
        raise Failed(f"no build summary in: {done.stderr[-500:]}")
    return int(found[-1][0])


def pdf_pages(path: Path) -> int | None:
    """Return the page count of a PDF (pypdfium2, a briefgen dependency)."""
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()
    except Exception:  # noqa: BLE001 - a count is informative only
        return None
