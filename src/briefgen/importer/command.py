"""`briefgen import FILE... -o SEED`: read the Word files in order and write one seed, atomically."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.atomic import write_text_atomic
from briefgen.i18n import _
from briefgen.importer.convert import convert_to_docx
from briefgen.importer.package import ImportFault, detect_kind, open_docx
from briefgen.importer.paragraphs import read_body
from briefgen.importer.records import FileOutcome
from briefgen.importer.report import describe_file, summarise
from briefgen.importer.seedtext import check_seed, join_title, make_seed_text
from briefgen.importer.structure import compact, read_structure
from briefgen.outline.decode import MAX_SEED_CHARS, WORD_SUFFIXES
from briefgen.outline.parse import is_title_like


@dataclass
class ImportReport:
    """What an import read and wrote: the files' outcomes, the seed, its title, the warnings."""

    output: Path
    title: str
    files: list[FileOutcome]
    characters: int
    warnings: list[str] = field(default_factory=list)


def check_output(output: Path, paths: list[Path], force: bool) -> None:
    """Raise ImportFault when ``output`` cannot or may not be written."""
    if output.suffix.lower() in WORD_SUFFIXES:
        raise ImportFault(output, _("a seed is plain text: name the output .txt (e.g. seeds/speeches.txt)"))
    if output.is_dir():
        raise ImportFault(output, _("is a folder: name the seed file to write (e.g. seeds/speeches.txt)"))
    if any(output.resolve() == Path(p).resolve() for p in paths):
        raise ImportFault(output, _("is also an input file: name another seed file to write"))
    if output.exists() and not force:
        raise ImportFault(output, _("already exists: give --force to replace it, or name another file"))


def check_title(title: str) -> str:
    """Return the --title given, cleaned, or raise ImportFault when the seed could not read it as a title."""
    cleaned = " ".join(title.split())
    if not cleaned or not is_title_like(cleaned):
        raise ImportFault("--title", _("the collection title must be one short line (at most 50 characters) "
                                       "without 。！？；"))
    return cleaned


def read_docx(source: Path, shown: Path, converted: bool) -> FileOutcome:
    """Return what a DOCX holds, naming ``shown`` in errors and in the report."""
    document = open_docx(source, shown)
    body, auto_numbered = read_body(document)
    outcome = read_structure(body.paras, shown, body.left_out, auto_numbered)
    outcome.converted = converted
    return outcome


def read_file(path: Path, work: Path) -> FileOutcome:
    """Return what a Word file holds: a DOCX directly, a .doc or .wps through LibreOffice (in ``work``)."""
    if detect_kind(path) == "legacy":
        return read_docx(convert_to_docx(path, work, path), path, converted=True)
    return read_docx(path, path, converted=False)


def choose_collection_title(outcomes: list[FileOutcome], given: str | None, warnings: list[str]) -> str:
    """Return the collection title: --title, else the first file's cover or first title (with a warning)."""
    if given is not None:
        return given
    first = outcomes[0]
    title = first.cover_title or join_title(first.speeches[0])
    if first.cover_title:
        said = _("no --title given: the collection is titled after this file's cover, “{title}”; give --title to "
                 "name it").format(title=title)
    else:
        said = _("no --title given: the collection is titled after this file's first title, “{title}”; give "
                 "--title to name it").format(title=title)
    warnings.append(f"{first.shown}: warning: {said}")
    return title


def import_files(paths: list[Path], output: Path, title: str | None, force: bool) -> ImportReport:
    """Read ``paths`` in order and write one seed to ``output`` (replacing it only with ``force``)."""
    paths, output = [Path(p) for p in paths], Path(output)
    if not paths:
        raise ImportFault("briefgen import", _("name at least one Word file"))
    check_output(output, paths, force)
    given = check_title(title) if title is not None else None
    with tempfile.TemporaryDirectory(prefix="briefgen-import-") as work:
        outcomes = [read_file(path, Path(work)) for path in paths]
    warnings: list[str] = []
    chosen = choose_collection_title(outcomes, given, warnings)
    text = make_seed_text(chosen, outcomes)
    characters = len(compact(text))
    if len(text) > MAX_SEED_CHARS:
        raise ImportFault(output, _("the speeches hold {count:,} characters, over a seed's {limit:,}: import them "
                                    "into several seeds").format(count=len(text), limit=MAX_SEED_CHARS))
    warnings += check_seed(text, outcomes, str(output))
    write_text_atomic(output, text)
    return ImportReport(output, chosen, outcomes, characters, warnings)


def format_report(report: ImportReport) -> list[str]:
    """Return the lines describing what was read from each file and what was written."""
    lines = [line for outcome in report.files for line in describe_file(outcome)]
    return lines + [summarise(str(report.output), report.title, report.files, report.characters)]


def format_warnings(report: ImportReport) -> list[str]:
    """Return the import's warnings, one ``file: warning: message`` a line."""
    return list(report.warnings)
