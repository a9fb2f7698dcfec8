#!/usr/bin/env python3
"""Keep the message catalogs in step with the code (Babel: extraction, merging, compiling).

    .venv/bin/python tools/i18n.py update    # messages of the code (and click's) into every .po
    .venv/bin/python tools/i18n.py compile   # every .po into its .mo, which ships in the package
    .venv/bin/python tools/i18n.py check     # untranslated or stale messages; exit 1 if any

The .po files are the translations' source (src/briefgen/locale/<lang>/LC_MESSAGES/briefgen.po);
the .mo beside each is compiled from it and committed, so `pip install` is all a user needs.
Babel is a test dependency, never needed to run briefgen.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages import mofile, pofile
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "briefgen"
LOCALES = SOURCE / "locale"
DOMAIN = "briefgen"
KEYWORDS = {"_": None, "ngettext": (1, 2)}
LANGUAGES = ("zh_CN",)
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)  # the catalogs' dates: fixed, so an update changes
# a file only where its messages change
HEADER = {"Project-Id-Version": "briefgen", "Last-Translator": "briefgen", "Language-Team": "简体中文 (zh_CN)",
          "Report-Msgid-Bugs-To": ""}


def click_folder() -> Path:
    """Return the folder of click's sources: its own words (Usage:, Options:, Error:) are said to our users too."""
    import click

    return Path(click.__file__).parent


def extract_catalog() -> Catalog:
    """Return every message of briefgen's code and of click's, with where each is used."""
    catalog = Catalog(domain=DOMAIN, project="briefgen", charset="utf-8")
    for folder, keywords in ((SOURCE, KEYWORDS), (click_folder(), {"_": None, "ngettext": (1, 2)})):
        for filename, line, message, comments, context in extract_from_dir(folder, keywords=keywords,
                                                                            comment_tags=("TRANSLATORS:",)):
            place = f"{folder.name}/{filename}"
            catalog.add(message, None, [(place, line)], auto_comments=comments, context=context,
                        flags=("python-format",) if _uses_percent(message) else ())
    return catalog


def _uses_percent(message) -> bool:
    texts = message if isinstance(message, tuple) else (message,)
    return any("%(" in text or "%s" in text for text in texts)


def po_path(language: str) -> Path:
    """Return the .po file of a language."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_po(language: str) -> Catalog:
    """Return a language's catalog (empty when it has none yet)."""
    path = po_path(language)
    if not path.is_file():
        return Catalog(locale=language, domain=DOMAIN, project="briefgen", charset="utf-8")
    with path.open("rb") as handle:
        return pofile.read_po(handle, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """Return the .mo bytes of a catalog (its fuzzy and untranslated messages left out)."""
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    """Merge the code's messages into every .po: new ones appear untranslated, gone ones are dropped."""
    template = extract_catalog()
    for language in LANGUAGES:
        catalog = read_po(language)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()
        catalog.fuzzy = False  # the header: its plural forms must reach the .mo
        catalog.header_comment = ("# Simplified Chinese messages of briefgen (the interface, not the documents).\n"
                                  "# Update with tools/i18n.py update, then compile; see docs/design.md.")
        catalog.creation_date = catalog.revision_date = STAMP
        catalog.project, catalog.version, catalog.copyright_holder = "briefgen", "", "the briefgen authors"
        catalog.last_translator, catalog.language_team, catalog.msgid_bugs_address = (
            HEADER["Last-Translator"], HEADER["Language-Team"], "")
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        with po_path(language).open("wb") as handle:
            pofile.write_po(handle, catalog, width=100, sort_output=False, omit_header=False, include_lineno=False)


def compile_all() -> None:
    """Compile every .po into the .mo beside it."""
    for language in LANGUAGES:
        po_path(language).with_suffix(".mo").write_bytes(compiled(read_po(language)))


def hidden_messages(folder: Path) -> list[str]:
    """Return file:line of each message call inside an f-string under ``folder``: extraction cannot see
    those, so they would stay untranslated without a word."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                            and inner.func.id in KEYWORDS):
                        found.append(f"{path.relative_to(folder.parent)}:{inner.lineno}")
    return found


def problems() -> list[str]:
    """Return what is wrong with the catalogs: messages of the code without a translation, messages hidden
    in f-strings, stale .mo files."""
    found = [f"{where}: a message inside an f-string is not extracted: call _() outside it"
             for where in hidden_messages(SOURCE)]
    wanted = extract_catalog()
    for language in LANGUAGES:
        catalog = read_po(language)
        for message in wanted:
            if not message.id:
                continue
            have = catalog.get(message.id, message.context)
            strings = have.string if have else None
            if not have or have.fuzzy or not strings or (isinstance(strings, tuple) and not all(strings)):
                where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
                found.append(f"{language}: untranslated {message.id!r} ({where})")
        mo = po_path(language).with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != compiled(catalog):
            found.append(f"{language}: {mo.relative_to(ROOT)} is not compiled from its .po: run tools/i18n.py compile")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("update", "compile", "check"))
    action = parser.parse_args(argv).action
    if action == "update":
        update()
    elif action == "compile":
        compile_all()
    else:
        found = problems()
        print("\n".join(found) or "every message is translated and compiled")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
