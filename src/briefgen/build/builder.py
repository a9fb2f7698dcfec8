"""Build the outputs of seeds: plan what is out of date and why, render it, write it as one change.

A build records, per output, the hashes of what it was made from (the outline parts it shows,
templates, style sheet, theme, fonts, configuration, date, briefgen version) in the output
folder's manifest.json. A rebuild compares them and redoes only what changed. A no-op rebuild
compares one fingerprint of all inputs, which needs no parsing and no heavy import.
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from briefgen.build.apply import Action, apply_targets, stale_reason
from briefgen.build.fingerprint import FileHashes, Fingerprint, fingerprint_inputs
from briefgen.build.manifest import Entry, Manifest, read_manifest
from briefgen.build.plans import SeedPlan, plan_outputs
from briefgen.errors import BriefgenError
from briefgen.project.folder import Project

FORMATS = ("docx", "pdf")
# What a seed's build may fail with and still let the other seeds build: the user's input, or the
# machine (a file system refusing a write, no space, no memory). The command line says which.
FAULTS = (BriefgenError, OSError, MemoryError)


@dataclass
class SeedReport:
    """The outcome of building one seed."""

    seed: str
    out_dir: Path
    actions: list[Action] = field(default_factory=list)
    seconds: float = 0.0
    error: BaseException | None = None  # what stopped the build (the command line prints it)
    warnings: list[str] = field(default_factory=list)
    outputs: list[Entry] = field(default_factory=list)  # the manifest's entries after the build
    read_files: list[str] = field(default_factory=list)  # inputs, for the command line's quick check
    read_dirs: list[str] = field(default_factory=list)

    @property
    def built(self) -> int:
        """Return how many outputs were written."""
        return sum(a.done == "built" for a in self.actions)

    @property
    def up_to_date(self) -> int:
        """Return how many outputs were already up to date."""
        return sum(a.done == "up to date" for a in self.actions)


class SeedBuild:
    """Everything about building one seed into one output folder."""

    def __init__(self, seed: Path, out_dir: Path, project: Project, force: bool = False,
                 allow_missing_glyphs: bool = False, formats: Sequence[str] = FORMATS,
                 progress: Callable[[str], None] | None = None, pause: float = 0.0, strict: bool = False):
        self.seed = Path(seed)
        self.out_dir = Path(out_dir)
        self.project = project
        self.force = force
        self.allow_missing_glyphs = allow_missing_glyphs
        self.formats = tuple(formats)
        self.shown = project.relative(self.seed)
        self.hashes = FileHashes()
        self.warnings: list[str] = []
        self.progress = progress or (lambda message: None)
        self.pause = pause  # seconds after each replaced file: lets tests kill a build inside its write phase
        self.strict = strict  # check's errors fail the build: the seed is read again even when nothing changed

    def fingerprint(self) -> Fingerprint:
        """Return the fingerprint of every input, without parsing anything."""
        return fingerprint_inputs(self.seed, self.project, self.allow_missing_glyphs, self.formats, self.hashes)

    def outputs_intact(self, manifest: Manifest) -> bool:
        """Return True when every output the manifest lists is on disk with its recorded size."""
        for entry in manifest.entries:
            try:
                if (self.out_dir / entry.path).stat().st_size != entry.size:
                    return False
            except OSError:
                return False
        return True

    def run(self) -> SeedReport:
        """Build the seed: skip it when nothing changed, else render what is out of date."""
        started = time.perf_counter()
        report = SeedReport(self.shown, self.out_dir)
        manifest = read_manifest(self.out_dir)
        fingerprint = self.fingerprint()
        report.read_files, report.read_dirs = fingerprint.read_files, fingerprint.read_dirs
        if (not self.force and not self.strict and manifest is not None and manifest.state == "complete"
                and manifest.inputs == fingerprint.values and self.outputs_intact(manifest)):
            report.actions = [Action(e.path, "up to date", "up to date") for e in manifest.entries]
            report.outputs = list(manifest.entries)
        else:
            collecting = gc.isenabled()
            gc.disable()  # the outline and layout are acyclic: reference counting frees them, and a
            try:  # collector walking millions of layout objects made large builds quadratic
                self.update(fingerprint, manifest, report)
            finally:
                if collecting:
                    gc.enable()
        report.warnings = list(self.warnings)
        self.hashes.save()
        report.seconds = time.perf_counter() - started
        return report

    def update(self, fingerprint: Fingerprint, manifest: Manifest | None, report: SeedReport) -> None:
        """Plan the seed's outputs and bring the output folder up to date."""
        plan = SeedPlan(self.seed, self.shown, self.project, self.formats, self.allow_missing_glyphs, fingerprint,
                        self.warnings.append, self.out_dir, self.strict)
        targets = plan_outputs(plan)
        previous = manifest if manifest is not None else Manifest(self.shown, {}, ())
        stale = []
        for target in targets:
            reason = stale_reason(target, previous.entry(target.path), self.out_dir, self.force)
            if reason:
                stale.append((target, reason))
            else:
                report.actions.append(Action(target.path, "up to date", "up to date"))
        skipped = [fmt for fmt in FORMATS if fmt not in self.formats]
        report.outputs, done = apply_targets(targets, stale, previous, self.out_dir, fingerprint.values,
                                             self.pause, lambda message: self.progress(f"{self.shown}: {message}"),
                                             skipped)
        report.actions += done


def build_seed(seed: Path, out_dir: Path, project: Project, allow_missing_glyphs: bool = False,
               formats: Sequence[str] = FORMATS, force: bool = False,
               progress: Callable[[str], None] | None = None, pause: float = 0.0, strict: bool = False) -> SeedReport:
    """Build one seed into ``out_dir``; raise BriefgenError for input a user can fix, OSError for the machine."""
    return SeedBuild(seed, out_dir, project, force, allow_missing_glyphs, formats, progress, pause, strict).run()


def _build_in_worker(arguments: tuple) -> SeedReport:
    """Build one seed, returning what stopped it in the report rather than stopping the other seeds."""
    seed, out_dir, project, options = arguments
    started = time.perf_counter()
    try:
        return build_seed(seed, out_dir, project, **options)
    except FAULTS as error:
        return SeedReport(project.relative(seed), out_dir, seconds=time.perf_counter() - started, error=error)


def build_seeds(seeds: Sequence[Path], out_dirs: Sequence[Path], project: Project, jobs: int = 1,
                done: Callable[[SeedReport], None] | None = None, **options: Any) -> list[SeedReport]:
    """Build several seeds, in parallel worker processes when jobs > 1; one failure stops no other.

    ``done`` is called in this process as each seed finishes (the command line's progress).
    """
    done = done or (lambda report: None)
    work = [(seed, out_dir, project, options) for seed, out_dir in zip(seeds, out_dirs)]
    if jobs <= 1 or len(seeds) <= 1 or not hasattr(os, "fork"):
        reports = []
        for item in work:
            reports.append(_build_in_worker(item))
            done(reports[-1])
        return reports
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Each seed in its own worker. (Within a seed, forking per output did not pay: most of a build
    # is planning and imports, and the writers of a small document finish before workers start.)
    results: list[SeedReport | None] = [None] * len(work)
    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {pool.submit(_build_in_worker, item): index for index, item in enumerate(work)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            done(results[futures[future]])
    return [r for r in results if r is not None]
