"""The theme file of derived themes: what `briefgen themes suggest` prints and what a build without a
theme file writes beside its briefs (output/<seed>/briefs/themes.toml), one function for both.

Its wording is templates/themes_suggest.toml.j2; the themes are derive.py's. The text is parsed
back as a theme file, so the build uses exactly what the user would adopt.
"""

from __future__ import annotations

from typing import Sequence

from briefgen.briefs.derive import DEFAULT_COUNT, DerivedTheme, derive_themes
from briefgen.briefs.selection import TokensOf
from briefgen.briefs.themes import ThemeFile, parse_themes
from briefgen.outline.model import Collection


def toml_string(value: str) -> str:
    """Return a TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04X}" for c in escaped) + '"'


def theme_file_text(themes: Sequence[DerivedTheme], templates, seed: str) -> str:
    """Return a theme file holding ``themes`` (its wording is templates/themes_suggest.toml.j2)."""
    entries = [{"name": t.name, "headline": t.headline, "keywords": list(t.keywords), "speeches": list(t.speeches)}
               for t in themes]
    text = templates.render_text("themes_suggest.toml.j2", seed=" ".join(seed.split()), themes=entries,
                                 toml=toml_string)
    return text + "\n"


def derived_theme_file(outline: Collection, tokens_of: TokensOf, templates, seed: str, shown: str,
                       count: int = DEFAULT_COUNT) -> tuple[str, ThemeFile]:
    """Return the text of the theme file of a collection's derived themes and that file as read back
    (``shown`` is how warnings name it)."""
    text = theme_file_text(derive_themes(outline, tokens_of, count), templates, seed)
    return text, parse_themes(text, shown)
