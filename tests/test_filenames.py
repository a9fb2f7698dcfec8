"""File names made from titles: safe on Windows, macOS and Linux."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("title", ["CON", "nul.tar.gz", "COM¹", "lpt³.x", "COM0", "CONIN$", "conout$", "CON .汇编",
                                   "Aux ", "../..", "a/b\\c:d*e?f\"g<h>i|j", "x" * 300, "名" * 100, " 点. "])
def test_file_names_made_from_titles_are_safe_everywhere(title):
    from briefgen.filenames import safe_filename

    from support.readback import name_problems

    assert name_problems(safe_filename(title) + ".docx") == []
