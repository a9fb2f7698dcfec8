"""The interface's language: Simplified Chinese under a Chinese locale, English otherwise.

Every line briefgen says to its user (errors, warnings, summaries, --help) goes through ``_``,
which looks the English message up in the catalog of the chosen language (gettext: the .po source
and the compiled .mo ship in briefgen/locale/). The shape ``file:line: error: message`` stays:
``error`` and ``warning`` are words editors and CI parse, only the message after them is translated.
The documents never depend on the language.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "briefgen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
VARIABLE = "BRIEFGEN_LANG"  # zh or en: overrides the locale
LANGUAGES = ("zh", "en")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set decides
CATALOGS = {"zh": "zh_CN"}


def chosen_language() -> str:
    """Return "zh" or "en": $BRIEFGEN_LANG when it names one, else the locale's language."""
    forced = os.environ.get(VARIABLE, "").strip().lower()
    if forced in LANGUAGES:
        return forced
    for name in LOCALE_VARIABLES:
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@lru_cache(maxsize=4)
def translations(language: str) -> gettext.NullTranslations:
    """Return the catalog of ``language`` (English is the messages themselves)."""
    if language not in CATALOGS:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[CATALOGS[language]], fallback=True)


def _(message: str) -> str:
    """Return ``message`` in the chosen language."""
    return translations(chosen_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the singular or plural form of a message for ``count``, in the chosen language."""
    return translations(chosen_language()).ngettext(singular, plural, count)


def speak_to_click() -> None:
    """Let click's own words (Usage:, Options:, Error: …) come from the same catalog and language:
    click asks gettext's global domain, which this points at briefgen's."""
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = CATALOGS.get(chosen_language(), "en")  # what gettext's lookup reads first
