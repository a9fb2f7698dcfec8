"""Theme files: validated like the configuration, every mistake named by file and line."""

from __future__ import annotations

import re

import pytest

from briefgen.briefs.themes import Choice, Selection, load_themes, parse_themes, themes_path
from briefgen.errors import ConfigError
from briefgen.filenames import safe_filename

GOOD = """\
# two themes
[[theme]]
name = "考录"
headline = "严把入口关"
keywords = ["考录", "招录"]

[[theme]]
name = "基层"
headline = "建强基层"
keywords = [
  "基层",
  "乡镇",
]
exclude = ["考核"]
issue = 12

[selection]
max_similarity = 0.6
"""


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        parse_themes(text, "seeds/x.themes.toml")
    return caught.value


def test_reads_themes_with_their_lines_and_settings():
    found = parse_themes(GOOD, "seeds/x.themes.toml")
    assert [(t.name, t.line, t.keywords, t.exclude, t.issue) for t in found.themes] == [
        ("考录", 2, ("考录", "招录"), (), None),
        ("基层", 7, ("基层", "乡镇"), ("考核",), 12),
    ]
    assert found.selection == Selection(max_similarity=0.6)
    assert found.path == "seeds/x.themes.toml"


def test_the_theme_file_sits_beside_its_seed(tmp_path):
    assert themes_path(tmp_path / "seeds" / "000_ab.txt") == tmp_path / "seeds" / "000_ab.themes.toml"


def test_bad_toml_names_its_line():
    error = error_of('[[theme]]\nname = "a"\nheadline = "b\nkeywords = ["a"]\n')
    assert (error.path, error.line) == ("seeds/x.themes.toml", 3)
    assert "bad TOML" in error.message


MISTAKES = [  # a theme file, the line its mistake is on, words of the message
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\ncolour = "red"\n', 5, "unknown key 'colour'"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = []\n', 4, "at least one word"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a", " "]\n', 4, "empty string"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = "a"\n', 4, "list of strings"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a", 3]\n', 4, "list of strings"),
    ('[[theme]]\nname = 7\nheadline = "b"\nkeywords = ["a"]\n', 2, "name must be a string"),
    ('[[theme]]\nname = "a"\nheadline = ""\nkeywords = ["a"]\n', 3, "headline must not be empty"),
    ('\n[[theme]]\nname = "a"\nkeywords = ["a"]\n', 2, "lacks headline"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\nissue = "3"\n', 5, "issue must be a whole number"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\nissue = true\n', 5, "issue must be a whole number"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\nissue = 0\n', 5, "issue must be a whole number"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\n\n[[theme]]\nname = "a"\nheadline = "c"\n'
     'keywords = ["b"]\n', 6, "already used by the theme at line 1"),
    ('title = "x"\n', 1, "unknown key 'title'"),
    ('theme = "x"\n', 1, "array of tables"),
    ('[selection]\nmax_similarity = 2\n', 2, "at most 1"),
    ('[selection]\nheading_weight = "high"\n', 2, "must be a number"),
    ('[selection]\nspeed = 1\n', 2, "unknown key selection.speed"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\npin = "x"\n', 5, "pin must be a list of strings"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\ndrop = [""]\n', 5, "drop holds an empty string"),
    ('[[theme]]\nname = "a"\nheadline = "b"\nkeywords = ["a"]\nissue = 5\n\n[[theme]]\nname = "c"\nheadline = "d"\n'
     'keywords = ["c"]\nissue = 5\n', 11, "issue 5 is already set at line 5 (theme 1)"),
]


@pytest.mark.parametrize("text, line, words", MISTAKES)
def test_mistakes_name_the_file_and_line(text, line, words):
    error = error_of(text)
    assert error.path == "seeds/x.themes.toml"
    assert error.line == line, error
    assert words in error.message
    assert str(error).startswith(f"seeds/x.themes.toml:{line}: error: ")


@pytest.mark.parametrize("text, line, words", MISTAKES)
def test_under_a_chinese_locale_a_mistake_reads_chinese_in_the_same_shape(monkeypatch, text, line, words):
    english = error_of(text)
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    chinese = error_of(text)
    assert (chinese.path, chinese.line) == (english.path, english.line)
    assert str(chinese).startswith(f"seeds/x.themes.toml:{line}: error: ")
    assert re.search("[\u4e00-\u9fff]", chinese.message.replace("第12期", "").replace("第5期", ""))
    assert chinese.message != english.message


def test_a_chinese_mistake_keeps_keys_lines_and_values_as_written(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    text = GOOD.replace('[[theme]]\nname = "考录"', '[[theme]]\nname = "考录"\nissue = 12')
    assert str(error_of(text)) == ("seeds/x.themes.toml:16: error: 第 2 个主题：期号 12 已在第 4 行（第 1 个主题）设定，"
                                   "两期简报不能都是第12期")
    assert str(error_of('[selection]\nheading_weight = "high"\n')) == (
        "seeds/x.themes.toml:2: error: selection.heading_weight 应为不小于 0 的数，而不是 'high'")


def test_a_mistake_in_the_second_theme_names_the_second_themes_lines():
    text = GOOD.replace('issue = 12', 'issue = 12\nfont = "kai"')
    assert error_of(text).line == 16


def test_themes_written_inline_are_read_too():
    found = parse_themes('theme = [{name = "a", headline = "b", keywords = ["c"]}]\n', "t.toml")
    assert found.themes[0].keywords == ("c",) and found.themes[0].line == 1


def test_an_empty_theme_file_has_no_themes():
    assert parse_themes("# nothing yet\n", "t.toml").themes == ()


def test_unreadable_files_are_errors(tmp_path):
    path = tmp_path / "x.themes.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_themes(path, "x.themes.toml")
    with pytest.raises(ConfigError, match="cannot read"):
        load_themes(tmp_path / "missing.toml")


@pytest.mark.parametrize("name", ['a/b', 'a\\b', 'c:d', 'x*?"<>|y', '..', 'CON', 'con.txt', ' . ', '考录/基层'])
def test_any_theme_name_is_allowed_and_makes_a_safe_file_name(name):
    theme = parse_themes(f"[[theme]]\nname = '{name}'\nheadline = 'h'\nkeywords = ['k']\n", "t.toml").themes[0]
    assert theme.name == name.strip()
    stem = safe_filename(theme.name, "theme")
    assert stem and not any(c in stem for c in '/\\:*?"<>|') and stem not in ("..", ".")
    assert stem.split(".")[0].upper() not in ("CON",)


def test_pins_and_drops_are_read_with_the_line_of_each_entry():
    text = GOOD.replace('exclude = ["考核"]', 'exclude = ["考核"]\npin = [\n  "开展专项招录60多次",\n  "建立考生考试行为记录库",\n]\n'
                        'drop = ["认真落实公务员录用各项制度规定"]')
    theme = parse_themes(text, "seeds/x.themes.toml").themes[1]
    assert theme.pin == (Choice("开展专项招录60多次", 16), Choice("建立考生考试行为记录库", 17))
    assert theme.drop == (Choice("认真落实公务员录用各项制度规定", 19),)


def test_two_themes_with_the_same_issue_name_both_lines():
    text = GOOD.replace('[[theme]]\nname = "考录"', '[[theme]]\nname = "考录"\nissue = 12')
    error = error_of(text)
    assert str(error) == ("seeds/x.themes.toml:16: error: theme 2: issue 12 is already set at line 4 (theme 1): "
                          "two briefs cannot both be 第12期")
