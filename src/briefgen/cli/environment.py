"""The environment variables briefgen reads, checked before a command runs: a bad value is one line
naming the variable, never a traceback halfway through a build."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.i18n import LANGUAGES, _
from briefgen.i18n import VARIABLE as LANGUAGE

CACHE = "BRIEFGEN_CACHE"  # the cache folder ("" turns the cache off)
EPOCH = "SOURCE_DATE_EPOCH"  # the printed date, in seconds since 1970 (reproducible builds)
PAUSE = "BRIEFGEN_PAUSE_BETWEEN_WRITES"  # seconds between replaced files (tests kill builds inside it)


def check_environment() -> None:
    """Raise ConfigError naming the first environment variable whose value briefgen cannot use."""
    language = os.environ.get(LANGUAGE)
    if language and language.strip().lower() not in LANGUAGES:
        raise ConfigError(LANGUAGE, None, _("names no language briefgen speaks: {value!r}; set it to zh or en, "
                                            "or unset it to follow the locale").format(value=language))
    epoch = os.environ.get(EPOCH)
    if epoch is not None and not epoch.strip().isdigit():
        raise ConfigError(EPOCH, None, _("not a number of seconds since 1970: {value!r}; unset it, or set it to a "
                                         "whole number such as 1795824000").format(value=epoch))
    pause = os.environ.get(PAUSE)
    if pause:
        try:
            if float(pause) < 0:
                raise ValueError(pause)
        except ValueError:
            message = _("not a number of seconds: {value!r}; unset it").format(value=pause)
            raise ConfigError(PAUSE, None, message) from None
    cache = os.environ.get(CACHE)
    if cache:
        _check_cache(Path(cache))


def write_pause() -> float:
    """Return the pause after each replaced file, in seconds (0 unless a test asks for one)."""
    return float(os.environ.get(PAUSE) or 0)


def _check_cache(folder: Path) -> None:
    """Raise ConfigError unless ``folder`` is, or can become, a folder briefgen may write."""
    hint = _("point {variable} at a folder you may write, or set it empty to build without a cache").format(
        variable=CACHE)
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise ConfigError(CACHE, None, _("{path} is a file, not a folder: {hint}").format(path=existing, hint=hint))
    if not os.access(existing, os.W_OK):
        raise ConfigError(CACHE, None, _("{path} cannot be written: {hint}").format(path=existing, hint=hint))
