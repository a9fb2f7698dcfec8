"""The bad-input corpus: hostile and malformed seeds, theme files, configurations and templates,
each made from the bundled seed, with the outcome briefgen must give.

A case writes its files into a copy of a project that has already built the good seed
(``seeds/<seed>.txt``, its theme file, ``briefgen.toml``) and returns the text its seed now
holds as a reader would see it (None when the seed is unchanged). Its outcome is either
BUILDS (exit 0, and the documents hold every character of that text) or FAILS (exit 2 with
one ``file:line: error: message`` line, ``where`` being the expected ``file:line``).
tests/cli/test_bad_input.py runs every case through the real command line.
"""

from support.badinputs.cases import CASE_NAMES, CASES, find_case
from support.badinputs.inputs import font_without, zero_units_font
from support.badinputs.making import (
                                      BUILDS,
                                      CONFIG,
                                      CONFIG_FILE,
                                      FAILS,
                                      SEED,
                                      SEED_FILE,
                                      THEMES_FILE,
                                      Case,
                                      copy_project,
)

__all__ = ["BUILDS", "CASES", "CASE_NAMES", "CONFIG", "CONFIG_FILE", "FAILS", "SEED", "SEED_FILE", "THEMES_FILE",
           "Case", "copy_project", "find_case", "font_without", "zero_units_font"]
