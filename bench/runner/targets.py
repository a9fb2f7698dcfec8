"""The speed and memory targets (issues 8, 13 and 15), checked against the medians of one run."""

from __future__ import annotations

from runner.tables import fmt, ratio, significant

# Issue 8
FULL_VS_OFFICE = 0.5  # full build of the seed <= 0.5 x pandoc + LibreOffice (compilation); issue 15 keeps it
NOOP_VS_FULL = 0.1  # no-op rebuild <= 0.1 x full build
BIG_VS_OFFICE = 0.7  # 100x compilation <= 0.7 x pandoc + LibreOffice at 100x
PER_PAGE_GROWTH = 1.3  # time per page at 100x <= 1.3 x time per page at 10x
MEMORY_MB = 400.0  # peak memory at 100x
OUTLINE_S = 0.3  # `briefgen outline --format json` of the seed
PDF_VS_TYPST_100X = 1.0  # PDF only at 100x <= Typst
# Issue 13
DUPLEX_VS_SIMPLEX = 1.1  # a duplex build of the seed within 10% of a simplex one
# Issue 15
IMPORTS_S = 0.08  # the modules a build imports outside the writers (click and jinja2 when it does)
PDF_VS_TYPST_1X = 1.5  # PDF only at 1x <= 1.5 x Typst (issue 8 had 1.0)

IMPORTS = "phase: imports: briefgen core"
NO_OFFICE = "pandoc + LibreOffice not installed"


class Targets:
    """The targets checked so far, each with its verdict and the spread of the runs behind it."""

    def __init__(self, bench):
        self.bench = bench
        self.found: list[dict] = []

    def add(self, name: str, measured, limit, why: str = "", runs=None, limit_runs=None, note: str = "") -> None:
        """Check one target: PASS when ``measured`` <= ``limit``, n/a when either is missing (``why``)."""
        ok = None if measured is None or limit is None else measured <= limit
        self.found.append({"name": name, "measured": measured, "limit": limit, "pass": ok,
                           "ratio": ratio(measured, limit), "why": why or "not measured", "note": note,
                           "measured_range": runs, "limit_base_range": limit_runs})

    def against(self, name: str, factor: int, measured: str, base_factor: int, base: str, times: float,
                why: str = "") -> None:
        """Check that one measurement's median is at most ``times`` another's."""
        m, spread = self.bench.median, self.bench.spread
        limit = m(base_factor, base)
        self.add(name, m(factor, measured), None if why or limit is None else limit * times, why,
                 spread(factor, measured), spread(base_factor, base))


def check_targets(bench) -> list[dict]:
    """Return every target with its verdict, in the order the report prints them."""
    targets = Targets(bench)
    check_import_target(targets)
    check_office_targets(targets)
    check_rebuild_targets(targets)
    targets.against(f"duplex build of the seed <= {DUPLEX_VS_SIMPLEX} x the simplex build (cache warm) [issue 13]", 1,
                    "full: build, duplex", 1, "full: build, warm cache", DUPLEX_VS_SIMPLEX)
    check_scale_targets(targets)
    check_pdf_targets(targets)
    targets.add(f"outline --format json of the seed < {OUTLINE_S} s", bench.median(1, "outline --format json"),
                OUTLINE_S, "", bench.spread(1, "outline --format json"))
    return targets.found


def check_import_target(targets: Targets) -> None:
    """Imports of a build, in seconds, and as a multiple of a bare interpreter's start in the same run."""
    bench = targets.bench
    factor = 1 if 1 in bench.factors else bench.factors[0]
    imports, start = bench.median(factor, IMPORTS), bench.median(factor, "python -c pass")
    times = ratio(imports, start)
    note = f"{fmt(times, 1)} x `python -c pass` ({fmt(start)} s, same run)" if times else ""
    core = bench.imports.get("core", [])
    ours = sum(name.startswith("briefgen") for name in core)
    libraries = ", ".join(sorted({n.split(".")[0] for n in core if not n.startswith("briefgen")})) or "no library"
    targets.add(f"imports of a build ({ours} briefgen modules and {libraries}: what a build of the seed imports "
                f"outside the writers) <= {IMPORTS_S} s [issue 15]", imports, IMPORTS_S, "",
                bench.spread(factor, IMPORTS), None, note)


def check_office_targets(targets: Targets) -> None:
    """Full builds of the seed, cache warm and cold, against the office route."""
    why = "" if targets.bench.office else NO_OFFICE
    for cache in ("warm", "cold"):
        targets.against(f"full build of the seed, cache {cache} <= {FULL_VS_OFFICE} x pandoc + LibreOffice "
                        "(compilation) [issues 8, 15]", 1, f"full: build, {cache} cache", 1, "office: route",
                        FULL_VS_OFFICE, why)


def check_rebuild_targets(targets: Targets) -> None:
    """No-op rebuilds of the seed against its full build."""
    targets.against(f"no-op rebuild (quick check) <= {NOOP_VS_FULL} x full build", 1, "full: no-op (quick check)",
                    1, "full: build, warm cache", NOOP_VS_FULL)
    targets.against(f"no-op rebuild right after the build (hashes) <= {NOOP_VS_FULL} x full build", 1,
                    "full: no-op right after (hashes)", 1, "full: build, warm cache", NOOP_VS_FULL)


def check_scale_targets(targets: Targets) -> None:
    """The 100x compilation against the office route, time per page as the seed grows, peak memory at 100x."""
    bench = targets.bench
    targets.against(f"100x compilation only, cache warm <= {BIG_VS_OFFICE} x pandoc + LibreOffice at 100x",
                    100, "comp: build, warm cache", 100, "office: route", BIG_VS_OFFICE,
                    "" if bench.office else NO_OFFICE)
    per = {f: ratio(bench.median(f, "comp: build, warm cache"), bench.info.get((f, "pages"))) for f in (10, 100)}
    per = {f: v * 1000 if v else None for f, v in per.items()}
    targets.add(f"time per page at 100x <= {PER_PAGE_GROWTH} x time per page at 10x (compilation build, ms/page)",
                per[100], per[10] * PER_PAGE_GROWTH if per[10] else None)
    for kind, label in (("comp", "compilation only"), ("full", "compilation + briefs")):
        for measure, key in (("PSS", "peak PSS"), ("RSS, shared pages counted per process", "peak RSS")):
            targets.add(f"peak memory at 100x, {label} (process tree {measure}, MB) < {MEMORY_MB:.0f}",
                        bench.info.get((100, f"{kind}: {key}, process tree (MB)")),
                        MEMORY_MB if 100 in bench.factors else None)


def check_pdf_targets(targets: Targets) -> None:
    """The PDF alone through the library against Typst, both whole fresh processes."""
    why = "" if targets.bench.typst else "typst not installed"
    targets.against(f"PDF only at 1x <= {PDF_VS_TYPST_1X} x Typst (whole processes) [issue 15]", 1,
                    "comp: PDF only", 1, "typst: process", PDF_VS_TYPST_1X, why)
    targets.against("PDF only at 100x <= Typst (whole processes)", 100, "comp: PDF only", 100,
                    "typst: process", PDF_VS_TYPST_100X, why)


def target_lines(targets: list[dict]) -> str:
    """Return the targets as report lines: verdict, name, median against limit, the runs' range."""
    lines = []
    for t in targets:
        verdict = {True: "PASS", False: "FAIL", None: "n/a "}[t["pass"]]
        if t["pass"] is None:
            lines.append(f"  {verdict}  {t['name']}: {t['why']}")
            continue
        detail = f"{significant(t['measured'])} vs limit {significant(t['limit'])} ({fmt(t['ratio'], 3)} of the limit)"
        ranges = [f"{what} {lo:.3f}-{hi:.3f}" for what, found in (("runs", t["measured_range"]),
                                                                  ("limit's base", t["limit_base_range"]))
                  if found for lo, hi in [found]]
        if ranges:
            detail += f" [{'; '.join(ranges)}]"
        if t["note"]:
            detail += f"; {t['note']}"
        lines.append(f"  {verdict}  {t['name']}: {detail}")
    return "Targets (medians, whole-process wall time unless named)\n" + "\n".join(lines)
