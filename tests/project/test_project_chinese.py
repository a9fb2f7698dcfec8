"""briefgen.toml, the style sheet and templates refused in Chinese (BRIEFGEN_LANG=zh): the message is
Chinese, the file, line and `error` stay as they are, and so do keys, values and template names."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import ConfigError
from briefgen.project.folder import load_project
from briefgen.project.templating import Templates


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    monkeypatch.setenv("BRIEFGEN_CACHE", "")


def refusal(tmp_path: Path, toml: str) -> str:
    (tmp_path / "briefgen.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_project(tmp_path)
    return str(raised.value)


@pytest.mark.parametrize("toml, says", [
    ('[document]\nunit = "XX"\ndate = "2026-13-01"\n',
     "briefgen.toml:3: error: document.date 必须是形如 2026-11-28 的日期，而不是 '2026-13-01'"),
    ('[document]\nfoo = 1\n', "briefgen.toml:2: error: 未知的键 document.foo；可用的键：classification, date, duplex, "
                              "meeting, meeting_date, speeches_start_right, unit"),
    ("[document\n", "briefgen.toml:1: error: TOML 格式错误："),
    ("[style.page]\nwidth_mm = 10\n", "briefgen.toml:2: error: page.width_mm = 10 超出了 50 至 1000 mm 的范围"),
    ('[style.styles.title]\ncolor = "x"\n', "briefgen.toml:2: error: styles.title.color 所指的颜色在 [colors] 中不存在"),
    ("[style.styles.title]\nsize_pt = 60\n", "briefgen.toml:2: error: styles.title.size_pt = 60：该字号的字符超出 1 个网格行"),
])
def test_a_bad_configuration_is_refused_in_chinese(tmp_path, toml, says):
    assert refusal(tmp_path, toml).startswith(says)


@pytest.mark.parametrize("body, line, says", [
    ("a: {{ x }}\nb: {{ 1 // (x - x) }}\n", 2, "t.j2:2: error: 模板运行失败：ZeroDivisionError: "),
    ("a: {{ x }}\nb: {{ nothing }}\n", 2, "t.j2:2: error: 模板使用了未知的值：'nothing' is undefined"),
    ("a: {{ x }}\nnot a style line\n", 2, "t.j2:2: error: 输出的第 2 行必须采用 'style: text' 的格式"),
])
def test_a_bad_template_is_refused_in_chinese(tmp_path, body, line, says):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "t.j2").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        Templates([folder], lambda path: Path(path).name).render_lines("t.j2", ["a", "b"], x=1)
    assert raised.value.line == line and str(raised.value).startswith(says)
