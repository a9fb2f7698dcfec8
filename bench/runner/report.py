"""The report of one run: the tables of medians, the targets, the machine and source it ran on."""

from __future__ import annotations

import os
import platform

from runner.results import source_state
from runner.tables import fmt, ratio, table
from runner.targets import IMPORTS, check_targets, target_lines

PEAKS = "peak MB: tree PSS / tree RSS / largest process RSS"


def report(bench) -> tuple[str, list[dict]]:
    """Return the report's text and the targets checked."""
    targets = check_targets(bench)
    sections = [seeds_table(bench), full_table(bench), compilation_table(bench), phases_table(bench),
                imports_table(bench), alternatives_table(bench), cpu_table(bench), sizes_table(bench),
                target_lines(targets), *closing_notes(bench)]
    return "\n\n".join(sections), targets


def header(bench) -> list[str]:
    """Return the tables' header: a blank corner, then one column per factor."""
    return ["", *(f"{f}x" for f in bench.factors)]


def row(bench, label: str, name: str) -> list:
    """Return a row of one measurement's medians, one per factor."""
    return [label, *(bench.median(f, name) for f in bench.factors)]


def peaks_row(bench, kind: str) -> list:
    """Return the row of a kind's peak memory figures (runner/memory.py)."""
    def peak(factor, what):
        return fmt(bench.info.get((factor, f"{kind}: {what} (MB)")), 0)
    return [PEAKS, *(f"{peak(f, 'peak PSS, process tree')} / {peak(f, 'peak RSS, process tree')} / "
                     f"{peak(f, 'peak RSS, largest process')}" for f in bench.factors)]


def seeds_table(bench) -> str:
    """The seeds measured: size, speeches, pages, runs."""
    f = bench.factors
    return table("Seeds", header(bench), [
        ["characters", *(bench.info[(x, "chars")] for x in f)],
        ["speeches", *(bench.info[(x, "speeches")] for x in f)],
        ["compilation pages (briefgen)", *(bench.info.get((x, "pages")) for x in f)],
        ["runs (median of)", *(bench.runs[x] for x in f)],
    ])


def full_table(bench) -> str:
    """briefgen on the seed with its theme file: builds, no-ops, an edit, outputs, memory."""
    info = bench.info
    outputs = [f"{info.get((f, 'full: outputs'), '-')} / {info.get((f, 'full: outputs rebuilt after an edit'), '-')}"
               for f in bench.factors]
    return table("briefgen, compilation + briefs (seed with its theme file), seconds", header(bench), [
        row(bench, "full build, cache warm", "full: build, warm cache"),
        row(bench, "full build, cache cold (empty $BRIEFGEN_CACHE)", "full: build, cold cache"),
        row(bench, "full build printed on both sides (duplex, speeches on right-hand pages)", "full: build, duplex"),
        row(bench, "no-op rebuild (quick check, >1 s after)", "full: no-op (quick check)"),
        row(bench, "no-op rebuild right after the build (hashes)", "full: no-op right after (hashes)"),
        row(bench, "one-speech edit, rebuild", "full: one-speech edit"),
        ["outputs written (full build / after the edit)", *outputs],
        peaks_row(bench, "full"),
    ])


def compilation_table(bench) -> str:
    """briefgen on the seed without a theme file: builds, no-ops, an edit, the PDF alone, the outline."""
    per_page = [ratio(bench.median(f, "comp: build, warm cache"), bench.info.get((f, "pages"))) for f in bench.factors]
    return table("briefgen, compilation only (an empty theme file: no briefs), seconds", header(bench), [
        row(bench, "build, cache warm (DOCX + PDF)", "comp: build, warm cache"),
        row(bench, "build, cache cold", "comp: build, cold cache"),
        row(bench, "build --jobs 1", "comp: build --jobs 1"),
        row(bench, "no-op rebuild (quick check, >1 s after)", "comp: no-op (quick check)"),
        row(bench, "no-op rebuild right after the build (hashes)", "comp: no-op right after (hashes)"),
        row(bench, "one-speech edit, rebuild", "comp: one-speech edit"),
        row(bench, "PDF only (build --format pdf)", "comp: PDF only"),
        row(bench, "outline --format json", "outline --format json"),
        ["ms per page (build, cache warm)", *((v * 1000 if v else None) for v in per_page)],
        peaks_row(bench, "comp"),
    ])


def phase_names(bench) -> list[str]:
    """Return the phases the driver reported, in the order they were first entered, over every factor."""
    names = []
    for factor in bench.factors:
        names += [name for (f, name) in bench.samples if f == factor and name.startswith("phase: ")
                  and name not in names and name not in ("phase: whole process", "phase: in process")]
    return names


def phases_table(bench) -> str:
    """The phases of one build in one process, with the interpreter's start and what is left over."""
    m, factors = bench.median, bench.factors
    names = phase_names(bench)
    rows = [row(bench, "interpreter start (python -c pass)", "python -c pass")]
    rows += [[n[len("phase: "):], *(m(f, n) for f in factors)] for n in names]
    sums = {f: sum(m(f, n) or 0.0 for n in names) for f in factors}
    rows.append(["sum of the phases", *(sums[f] for f in factors)])
    rows.append(row(bench, "whole driver process", "phase: whole process"))
    rows.append(["(rest: outside the phases, process exit)", *((m(f, "phase: whole process") or 0) - sums[f]
                                                        - (m(f, "python -c pass") or 0) for f in factors)])
    rows.append(["imports of the core / interpreter start", *(ratio(m(f, IMPORTS), m(f, "python -c pass"))
                                                                  for f in factors)])
    kinds = ", ".join(f"{f}x: {bench.info.get((f, 'phases of'))}" for f in factors)
    return table("Phases of SeedBuild.run, one process, serial (phases_driver.py: exclusive timers inside the "
                 f"library's build), seconds; {kinds}", header(bench), rows)


def imports_table(bench) -> str:
    """The costliest imports of a real build, from its import profile (one untimed run)."""
    found = bench.imports
    if not found:
        return "Imports of a build: not recorded"
    rows = [[r["name"], r["group"], r["self_ms"], r["cumulative_ms"]] for r in found["costliest"]]
    title = (f"Imports of `briefgen build {found['seed']}` (PYTHONPROFILEIMPORTTIME=1, one untimed run: the "
             f"profiler's own cost inflates these), top {len(rows)} by cumulative ms; {found['modules']} modules "
             f"imported, {len(found['core']) - 1} briefgen modules outside the writers (timed as the core "
             f"imports), {len(found['writers'])} inside")
    return table(title, ["module", "group", "self ms", "cumulative ms"], rows)


def alternatives_table(bench) -> str:
    """pandoc + LibreOffice, Typst and reportlab on the same text, and briefgen's time as a ratio to each."""
    m, factors = bench.median, bench.factors

    def pages(key):
        return ["  pages", *(bench.info.get((f, key)) for f in factors)]

    def versus(label, ours, theirs):
        return [label, *(ratio(m(f, ours), m(f, theirs)) for f in factors)]

    rows = []
    if bench.office:
        rows += [row(bench, "pandoc (Markdown -> DOCX, reference doc)", "office: pandoc"),
                 row(bench, "LibreOffice (DOCX -> PDF, warm profile)", "office: LibreOffice"),
                 row(bench, "pandoc + LibreOffice route", "office: route"), pages("office: pages")]
    if bench.typst:
        rows += [row(bench, "Typst, whole process (python + typst)", "typst: process"),
                 row(bench, "Typst, compile call", "typst: compile"), pages("typst: pages")]
    if bench.reportlab:
        rows += [row(bench, "reportlab Paragraph flow, whole process", "reportlab: process"),
                 row(bench, "reportlab Paragraph flow, build call", "reportlab: Paragraph flow"),
                 pages("reportlab: pages")]
    if bench.office:
        rows += [versus("briefgen full build / route", "full: build, warm cache", "office: route"),
                 versus("briefgen compilation build / route", "comp: build, warm cache", "office: route")]
    if bench.typst:
        rows.append(versus("briefgen PDF only / Typst (whole processes)", "comp: PDF only", "typst: process"))
    if bench.reportlab:
        rows.append(versus("briefgen PDF only / reportlab flow (whole processes)", "comp: PDF only",
                           "reportlab: process"))
    return table("The alternatives on the same text, seconds (ratios: briefgen / alternative)", header(bench), rows)


def cpu_table(bench) -> str:
    """CPU seconds of the processes measured for it."""
    names = list(dict.fromkeys(name for (_f, name) in bench.samples if name.startswith("cpu: ")))
    return table("CPU seconds (user + system of the process and its children: less sensitive to machine load than "
                 "wall time)", header(bench), [row(bench, n[len("cpu: "):], n) for n in names])


def sizes_table(bench) -> str:
    """The outputs' sizes, briefgen's and the alternatives'."""
    factors, info = bench.factors, bench.info
    keys = list(dict.fromkeys(k for f in factors for k in info.get((f, "sizes"), {})))
    rows = [[f"briefgen {k}", *(None if info.get((f, "sizes"), {}).get(k) is None else info[(f, "sizes")][k] / 1e6
                                for f in factors)] for k in keys]
    for label, key in (("pandoc DOCX", "office: DOCX bytes"), ("LibreOffice PDF", "office: PDF bytes"),
                       ("Typst PDF", "typst: PDF bytes"), ("reportlab PDF", "reportlab: PDF bytes")):
        if any(info.get((f, key)) for f in factors):
            rows.append([label, *(None if info.get((f, key)) is None else info[(f, key)] / 1e6 for f in factors)])
    return table("Output sizes, MB", header(bench), rows)


def closing_notes(bench) -> list[str]:
    """Return the machine, the load, the source measured, and what was skipped or noticed."""
    loads = [load[0] for load in bench.loads]
    notes = [f"Machine: {os.cpu_count()} CPUs; load average (1 min) during the run {min(loads):.2f} to "
             f"{max(loads):.2f}; Python {platform.python_version()}; the bench took {bench.seconds:.0f} s. "
             "Cache warm: tokens cached by an untimed build; cold: an empty $BRIEFGEN_CACHE each run "
             "(bytecode cached in both)."]
    source = source_state()
    notes.append(f"Source: commit {source['commit'][:10]}"
                 + (f", with uncommitted changes in {len(source['src_changes'])} file(s) of src/"
                    if source["src_changes"] else ", src/ clean"))
    if not bench.office:
        notes.append("pandoc or LibreOffice (soffice) is not installed: the pandoc + LibreOffice column is skipped.")
    if not bench.typst:
        notes.append("Typst (PyPI typst) is not installed: pip install -e '.[bench]'. Its column is skipped.")
    return notes + ["Note: " + note for note in bench.notes]
