"""The theme file of derived themes: what `briefgen themes suggest` prints and what a build without a
theme file writes beside its briefs (output/<seed>/briefs/themes.toml), one function for both.

Its layout is templates/themes_suggest.toml.j2, its comments are messages of the catalog (they tell
the user how to adopt and edit the file: interface, not document), the themes are derive.py's. The
text is parsed back as a theme file, so the build uses exactly what the user would adopt.
"""

from __future__ import annotations

from gettext import NullTranslations
from typing import Sequence

from briefgen import i18n
from briefgen.briefs.derive import DEFAULT_COUNT, DerivedTheme, derive_themes
from briefgen.briefs.selection import TokensOf
from briefgen.briefs.themes import ThemeFile, parse_themes
from briefgen.outline.model import Collection


def toml_string(value: str) -> str:
    """Return a TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04X}" for c in escaped) + '"'


def opening_comment(seed: str, catalog: NullTranslations) -> list[str]:
    """Return the lines of the theme file's opening comment (without their #), in ``catalog``'s language."""
    _ = catalog.gettext  # by this name the catalog's extractor finds the messages
    about = _("Themes found in the text of\n"
              "  {seed}\n"
              "what several speeches' titles and point headings name (the compilers' own summary of each\n"
              "speech), with a headline taken from the strongest heading holding the name, and keywords that\n"
              "occur where the theme is the subject. To adopt them, save this file beside the seed as\n"
              "<seed name>.themes.toml and edit it: `briefgen build` then makes one brief per theme from it\n"
              "and stops finding themes of its own.").format(seed=seed)
    # TRANSLATORS: the keys (name, headline, …) are the theme file's and stay; keep their column aligned.
    keys = _("Each [[theme]] is one brief:\n"
             "  name      names the brief and its files (NN-<name>.docx); the lead paragraph says it\n"
             "  headline  the brief's title\n"
             "  keywords  a sentence holding one of them may be quoted (rarer keywords weigh more)\n"
             "  exclude   optional: sentences holding one of these words are left out\n"
             "  pin       optional: sentences always quoted, by their text or how they start:\n"
             "              pin = [\"开展专项招录60多次\"]\n"
             "  drop      optional: sentences never quoted, the same way\n"
             "  issue     optional: its 第N期; the others count on from briefgen.toml [brief] first_issue")
    return [*about.splitlines(), "", *keys.splitlines()]


def speeches_comment(numbers: Sequence[int], catalog: NullTranslations) -> str:
    """Return the comment on a theme's [[theme]] line naming the speeches that use its name."""
    _, ngettext = catalog.gettext, catalog.ngettext  # by these names the extractor finds the messages
    # TRANSLATORS: between the items of a list of names or numbers: speeches 3, 4, 5; template a.j2, b.j2
    listed = _(", ").join(str(n) for n in numbers)
    return ngettext("speech {numbers}", "speeches {numbers}", len(numbers)).format(numbers=listed)


def theme_file_text(themes: Sequence[DerivedTheme], templates, seed: str, language: str | None = None) -> str:
    """Return a theme file holding ``themes``, its comments in ``language`` ("zh" or "en"; None: the
    user's), laid out by templates/themes_suggest.toml.j2."""
    catalog = i18n.translations(language or i18n.chosen_language())
    seed = " ".join(seed.split())
    entries = [{"name": t.name, "headline": t.headline, "keywords": list(t.keywords),
                "speeches": speeches_comment(t.speeches, catalog)} for t in themes]
    text = templates.render_text("themes_suggest.toml.j2", comments=opening_comment(seed, catalog),
                                 themes=entries, toml=toml_string)
    return text + "\n"


def derived_theme_file(outline: Collection, tokens_of: TokensOf, templates, seed: str, shown: str,
                       count: int = DEFAULT_COUNT, language: str | None = None) -> tuple[str, ThemeFile]:
    """Return the text of the theme file of a collection's derived themes (its comments in ``language``,
    None: the user's) and that file as read back (``shown`` is how warnings name it)."""
    text = theme_file_text(derive_themes(outline, tokens_of, count), templates, seed, language)
    return text, parse_themes(text, shown)
