"""TOML files: syntax errors named by file and line, cleanly worded."""

from __future__ import annotations

import pytest

from briefgen.errors import ConfigError
from briefgen.project.tomlfile import parse_toml


def test_toml_errors_read_cleanly_and_name_the_line():
    with pytest.raises(ConfigError) as caught:
        parse_toml("[document]\nunit = 1\n[document\nunit = 2\n", "b.toml")
    assert str(caught.value) == "b.toml:3: error: bad TOML: Cannot declare ('document',) twice (column 10)"
    with pytest.raises(ConfigError) as caught:
        parse_toml('a = 1\nb = "open\n', "b.toml")
    assert caught.value.line == 2 and "(, " not in str(caught.value)
