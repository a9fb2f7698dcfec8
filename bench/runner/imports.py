"""The modules a real `briefgen build` imports, read from Python's import-time profile (-X importtime).

The build runs with PYTHONPROFILEIMPORTTIME=1 (the same as -X importtime) as the timed builds run
it, so the list is what a build loads, not what someone remembered to write down. Python prints a
module's line when its import finishes, indented by nesting: a module's children come before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROFILE_LINE = re.compile(r"import time:\s+(?P<self>\d+) \|\s+(?P<cumulative>\d+) \|(?P<indent> *)(?P<name>\S+)")
WRITERS = "briefgen.writers"  # imported by the build when it plans an output format; timed as phases of their own
ENTRY_POINT_ONLY = ("briefgen.__main__",)  # `python -m briefgen` loads it, the installed script does not


@dataclass(frozen=True)
class Imported:
    """One module's line of the profile: its own and its cumulative import time, its nesting depth."""

    name: str
    self_us: int
    cumulative_us: int
    depth: int  # 0: imported by running code (a lazy import), not by another module's import
    group: str = "core"  # "writers" when imported while a writer module was being imported


def read_profile(stderr: str) -> list[Imported]:
    """Return the profile's modules in the order their imports finished, each with its group."""
    rows = [Imported(m["name"], int(m["self"]), int(m["cumulative"]), len(m["indent"]) // 2)
            for m in map(PROFILE_LINE.match, stderr.splitlines()) if m]
    importer = find_importers(rows)
    groups = []
    for index, row in enumerate(rows):
        chain = [index]
        while importer[chain[-1]] is not None:
            chain.append(importer[chain[-1]])
        in_writer = any(rows[i].name.startswith(WRITERS) for i in chain)
        groups.append("writers" if in_writer else "core")
    return [Imported(r.name, r.self_us, r.cumulative_us, r.depth, g) for r, g in zip(rows, groups)]


def find_importers(rows: list[Imported]) -> list[int | None]:
    """Return for each row the index of the row whose import imported it (None at depth 0)."""
    importer: list[int | None] = [None] * len(rows)
    waiting: dict[int, list[int]] = {}  # depth -> rows whose importer has not been printed yet
    for index, row in enumerate(rows):
        for child in waiting.pop(row.depth + 1, []):
            importer[child] = index
        waiting.setdefault(row.depth, []).append(index)
    return importer


LIBRARIES = ("click", "jinja2")  # the libraries a build may load outside the writers (a plain build loads neither
# click nor, when its templates' outputs are cached, jinja2)


def core_modules(rows: list[Imported]) -> list[str]:
    """Return the libraries and the briefgen modules a build imports outside the writers, in load order."""
    libraries = [name for name in LIBRARIES if any(r.name == name and r.group == "core" for r in rows)]
    names = [r.name for r in rows if r.group == "core" and r.name.startswith("briefgen")
             and r.name not in ENTRY_POINT_ONLY]
    return [*libraries, *names]


def record_build_imports(bench, seed, out: str) -> dict:
    """Build ``seed`` once, untimed, with the import profile on; write the core module list for the phases
    driver and return what the report shows of it."""
    done = bench.build(seed, out, env={**bench.env, "PYTHONPROFILEIMPORTTIME": "1"})
    rows = read_profile(done.stderr)
    core = core_modules(rows)
    (bench.work / "imports.txt").write_text("\n".join(core) + "\n", encoding="utf-8")  # read with no json loaded
    costliest = sorted(rows, key=lambda r: r.cumulative_us, reverse=True)[:15]
    return {
        "seed": str(seed),
        "core": core,
        "writers": [r.name for r in rows if r.group == "writers" and r.name.startswith("briefgen")],
        "modules": len(rows),
        "third_party_and_stdlib": len([r for r in rows if not r.name.startswith(("briefgen", "click"))]),
        "costliest": [{"name": r.name, "self_ms": r.self_us / 1000, "cumulative_ms": r.cumulative_us / 1000,
                       "group": r.group} for r in costliest],
    }
