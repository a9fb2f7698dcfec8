"""Build the outputs of seeds: plan what is out of date and why, render it, write it atomically.

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
from typing import Any, Callable, Mapping, Sequence

from briefgen import __version__
from briefgen.atomic import remove_stale_temps, write_bytes_atomic
from briefgen.build.fingerprint import FileHashes, hash_bytes, hash_file, hash_fonts, hash_json, hash_templates
from briefgen.build.manifest import Entry, Manifest, read_manifest, write_manifest

OUTPUT_ROOT = "output"
FORMATS = ("docx", "pdf")
# Seconds to wait after each file is replaced: lets tests kill a build inside its write phase.
PAUSE_VARIABLE = "BRIEFGEN_PAUSE_BETWEEN_WRITES"
REASON_ORDER = ("version", "style", "config", "fonts", "templates", "date", "theme", "speeches", "document")


@dataclass
class Target:
    """An output a build can make: where it goes, what it is, what it depends on, how to render it."""

    path: str  # relative to the output folder, / separated
    kind: str  # "compilation", "brief" or "index"
    format: str
    theme: str | None
    deps: dict[str, Any]
    render: Callable[[], bytes]


@dataclass
class Action:
    """What the build did or decided for one output, and why."""

    path: str
    done: str  # "built", "up to date", "removed"
    reason: str


@dataclass
class SeedReport:
    """The outcome of building one seed."""

    seed: str
    out_dir: Path
    actions: list[Action] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
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


def output_dirs(seeds: Sequence[Path], out: Path | None, root: Path) -> list[Path]:
    """Return each seed's output folder: DIR itself for one seed with -o, else DIR/<seed name>/."""
    if out is not None and len(seeds) == 1:
        return [out]
    from briefgen.filenames import safe_filename

    base = out if out is not None else root / OUTPUT_ROOT
    return [base / safe_filename(seed.stem, "seed") for seed in seeds]  # seeds/...txt has the stem ..


def theme_file(seed: Path) -> Path:
    """Return the theme file that belongs to a seed: seeds/<name>.themes.toml."""
    return seed.with_name(seed.stem + ".themes.toml")


def describe_change(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """Return why an output made from ``old`` differs from one made from ``new``, or None."""
    for key in REASON_ORDER:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key == "templates":
            names = sorted(n for n in set(before or {}) | set(after or {}) if (before or {}).get(n) != (after or {}).get(n))
            return f"template {', '.join(names)} changed"
        if key == "speeches":
            before, after = before or {}, after or {}
            numbers = sorted((n for n in set(before) | set(after) if before.get(n) != after.get(n)), key=int)
            return f"speech {', '.join(numbers)} changed" if numbers else "speeches changed"
        return {"version": "briefgen version changed", "style": "style sheet changed",
                "config": "configuration changed", "fonts": "fonts changed", "date": "date changed",
                "theme": "theme changed", "document": "content changed"}[key]
    extra = set(old) ^ set(new)
    return "dependencies changed" if extra else None


class SeedBuild:
    """Everything about building one seed into one output folder."""

    def __init__(self, seed: Path, out_dir: Path, project, force: bool = False, allow_missing_glyphs: bool = False,
                 formats: Sequence[str] = FORMATS, progress: Callable[[str], None] | None = None):
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

    def warn(self, message: str) -> None:
        """Record a warning line for the report (printed by the command line)."""
        self.warnings.append(message)

    # The fingerprint of every input: equal fingerprints mean nothing to do. -------------------

    def fingerprint(self) -> dict[str, Any]:
        """Return hashes of everything the outputs are made from, without parsing anything."""
        from briefgen.fonts.faces import bundled_manifest, resolve_fonts

        from briefgen.fonts.faces import font_search_dirs

        project = self.project
        fonts = project.config.fonts
        faces = resolve_fonts(fonts.files, fonts.dirs, project.root, fonts.system, project.config.path)
        self.faces = faces
        config_file = project.root / "briefgen.toml"
        template_files = [str(p) for d in project.template_dirs if d.is_dir() for p in sorted(d.iterdir())]
        # What the quick no-op check of the command line watches (sizes and times, see quickcheck.py).
        self.read_files = [str(self.seed), str(theme_file(self.seed)), str(config_file), str(project.style_path),
                           *template_files, *(str(face.path) for face in faces.values())]
        self.read_dirs = [*(str(d) for d in project.template_dirs), str(project.root / "templates"),
                          *font_search_dirs(fonts.dirs, project.root, fonts.system)]
        return {
            "version": __version__,
            "seed": hash_file(self.seed),
            "themes": hash_file(theme_file(self.seed)),
            "config": hash_file(config_file),
            "style": hash_file(project.style_path),
            "templates": hash_templates(project.template_dirs),
            "fonts": hash_fonts(faces, self.hashes, bundled_manifest()["roles"]),
            "date": project.config.document_date().isoformat(),
            "allow_missing_glyphs": self.allow_missing_glyphs,
            "formats": list(self.formats),
        }

    def outputs_intact(self, manifest: Manifest) -> bool:
        """Return True when every output the manifest lists is on disk with its recorded size."""
        for entry in manifest.entries:
            try:
                if (self.out_dir / entry.path).stat().st_size != entry.size:
                    return False
            except OSError:
                return False
        return True

    # Running ---------------------------------------------------------------------------------------

    def run(self) -> SeedReport:
        """Build the seed: skip it when nothing changed, else render what is out of date."""
        started = time.perf_counter()
        report = SeedReport(self.shown, self.out_dir)
        manifest = read_manifest(self.out_dir)
        inputs = self.fingerprint()
        report.read_files, report.read_dirs = self.read_files, self.read_dirs
        if (not self.force and manifest is not None and manifest.state == "complete" and manifest.inputs == inputs
                and self.outputs_intact(manifest)):
            report.actions = [Action(e.path, "up to date", "up to date") for e in manifest.entries]
            report.outputs = list(manifest.entries)
            report.seconds = time.perf_counter() - started
            self.hashes.save()
            return report
        collecting = gc.isenabled()
        gc.disable()  # the outline and layout are acyclic: reference counting frees them, and a
        try:  # collector walking millions of layout objects made large builds quadratic
            targets = self.plan(inputs)
            report.outputs = self.apply(targets, manifest, inputs, report)
        finally:
            if collecting:
                gc.enable()
        report.warnings = list(self.warnings)
        self.hashes.save()
        report.seconds = time.perf_counter() - started
        return report

    def common_deps(self, inputs: Mapping[str, Any]) -> dict[str, Any]:
        """Return the dependencies every output shares."""
        return {"version": inputs["version"], "style": inputs["style"], "config": inputs["config"],
                "fonts": hash_json(inputs["fonts"]), "date": inputs["date"],
                "allow_missing_glyphs": inputs["allow_missing_glyphs"]}

    def plan(self, inputs: Mapping[str, Any]) -> list[Target]:
        """Return every output this seed should have, with its dependencies and a way to render it."""
        from briefgen.build.plans import plan_outputs

        return plan_outputs(self, inputs)

    def apply(self, targets: list[Target], manifest: Manifest | None, inputs: Mapping[str, Any],
              report: SeedReport) -> list[Entry]:
        """Render out-of-date targets, then replace files and manifest so a kill never mismatches them."""
        previous = manifest if manifest is not None else Manifest(self.shown, {}, ())
        stale: list[tuple[Target, str]] = []
        for target in targets:
            entry = previous.entry(target.path)
            if self.force:
                reason = "forced"
            elif entry is None:
                reason = "new output"
            elif not (self.out_dir / target.path).is_file() or (self.out_dir / target.path).stat().st_size != entry.size:
                reason = "file missing or changed on disk"
            elif entry.previous_sha256 is not None:
                reason = "an earlier build was interrupted"
            else:
                reason = describe_change(entry.deps, target.deps)
            if reason:
                stale.append((target, reason))
            else:
                report.actions.append(Action(target.path, "up to date", "up to date"))
        planned = {t.path for t in targets}
        removed = [e for e in previous.entries if e.path not in planned]
        for target in targets:
            place = (self.out_dir / target.path).resolve()
            if self.out_dir.resolve() not in place.parents:
                raise ValueError(f"output path {target.path!r} would leave {self.out_dir}")
        if len(stale) > 1:
            self.progress(f"{self.shown}: building {len(stale)} of {len(targets)} outputs")
        rendered = [target.render() for target, _ in stale]
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(self.out_dir)
        entries = {e.path: e for e in previous.entries if e.path in planned}
        new_entries = {}
        for (target, reason), data in zip(stale, rendered):
            old = entries.get(target.path)
            new_entries[target.path] = Entry(target.path, target.kind, target.format, target.theme, hash_bytes(data),
                                             len(data), target.deps)
            entries[target.path] = Entry(target.path, target.kind, target.format, target.theme, hash_bytes(data),
                                         len(data), target.deps, old.sha256 if old else "")
        for entry in removed:
            entries[entry.path] = Entry(entry.path, entry.kind, entry.format, entry.theme, "", 0, {}, entry.sha256)
        if new_entries or removed:
            # Announce the change first: each listed file is now either its old or its new self.
            write_manifest(self.out_dir, Manifest(self.shown, previous.inputs, tuple(entries.values()), "updating"))
        pause = float(os.environ.get(PAUSE_VARIABLE) or 0)
        for (target, reason), data in zip(stale, rendered):
            write_bytes_atomic(self.out_dir / target.path, data)
            report.actions.append(Action(target.path, "built", reason))
            time.sleep(pause)
        for entry in removed:
            try:
                (self.out_dir / entry.path).unlink()
            except FileNotFoundError:
                pass
            report.actions.append(Action(entry.path, "removed", "no longer planned"))
            time.sleep(pause)
        final = {path: new_entries.get(path, entry) for path, entry in entries.items() if path in planned}
        done = Manifest(self.shown, inputs, tuple(final.values()), "complete")
        write_manifest(self.out_dir, done)
        return list(done.entries)


def build_seed(seed: Path, out_dir: Path, project, allow_missing_glyphs: bool = False,
               formats: Sequence[str] = FORMATS, force: bool = False,
               progress: Callable[[str], None] | None = None) -> SeedReport:
    """Build one seed into ``out_dir``; raise BriefgenError for input a user can fix."""
    return SeedBuild(seed, out_dir, project, force, allow_missing_glyphs, formats, progress).run()


def _build_in_worker(arguments: tuple) -> SeedReport:
    """Build one seed in a worker process, turning a user error into the report's error line."""
    from briefgen.errors import BriefgenError

    seed, out_dir, project, options = arguments
    started = time.perf_counter()
    try:
        return build_seed(seed, out_dir, project, **options)
    except BriefgenError as error:
        return SeedReport(project.relative(seed), out_dir, seconds=time.perf_counter() - started, error=str(error))


def build_seeds(seeds: Sequence[Path], out_dirs: Sequence[Path], project, jobs: int = 1,
                done: Callable[[SeedReport], None] | None = None, **options: Any) -> list[SeedReport]:
    """Build several seeds, in parallel worker processes when jobs > 1; one failure stops no other.

    ``done`` is called in this process as each seed finishes (the command line's progress).
    """
    done = done or (lambda report: None)
    if jobs <= 1 or len(seeds) <= 1 or not hasattr(os, "fork"):
        reports = []
        for seed, out_dir in zip(seeds, out_dirs):
            reports.append(_build_in_worker((seed, out_dir, project, options)))
            done(reports[-1])
        return reports
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Each seed in its own worker. (Within a seed, forking per output did not pay: most of a build
    # is planning and imports, and the writers of a small document finish before workers start.)
    work = [(seed, out_dir, project, options) for seed, out_dir in zip(seeds, out_dirs)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {pool.submit(_build_in_worker, item): index for index, item in enumerate(work)}
        reports: list[SeedReport | None] = [None] * len(work)
        for future in as_completed(futures):
            reports[futures[future]] = future.result()
            done(reports[futures[future]])
    return [r for r in reports if r is not None]
