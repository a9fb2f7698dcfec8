"""Peak memory of a process tree, read from /proc while it runs: RSS and PSS summed over its processes."""

from __future__ import annotations

import os
import time

SAMPLE_EVERY = 0.005  # seconds between two readings of the tree


def child_pids(pid: int) -> list[int]:
    """Return the children of every thread of a process (none once it has gone)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """Return the RSS and the PSS (shared pages divided among their sharers) summed over a process tree."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended between two readings
        stack += child_pids(current)
    return rss * 1024 / 1e6, pss * 1024 / 1e6


def wait_sampling(pid: int) -> tuple[int, os.struct_rusage, float, float]:
    """Wait for a child, reading its tree's memory meanwhile; return its wait status, resource usage
    and the peak tree RSS and PSS in MB."""
    peak_rss = peak_pss = 0.0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, peak_rss, peak_pss
        rss, pss = tree_memory_mb(pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(SAMPLE_EVERY)


def measure_memory(bench, factor: int) -> None:
    """Build each kind of seed once with its process tree's memory sampled (apart from the timed runs,
    which the sampling would slow down)."""
    kinds = ["comp"] + ([] if (bench.quick and factor == 100) else ["full"])
    for kind in kinds:
        done = bench.build(bench.seed(kind, factor), f"out/{kind}-{factor}-mem", sample=True)
        bench.info[(factor, f"{kind}: peak RSS, process tree (MB)")] = done.tree_peak_mb
        bench.info[(factor, f"{kind}: peak PSS, process tree (MB)")] = done.tree_pss_mb
        bench.info[(factor, f"{kind}: peak RSS, largest process (MB)")] = done.maxrss_mb
