"""The interface in two languages: the language chosen from the environment, every message of the code
translated in the catalog the package ships, the same placeholders in both, the documents unchanged."""

from __future__ import annotations

import re
import sys

import pytest

from briefgen import i18n
from support.paths import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalogs  # noqa: E402  (tools/i18n.py)

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdr]|%[sdr]")


@pytest.mark.parametrize("environment, language", [
    ({}, "en"), ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"), ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"),
    ({"LANG": "zh_CN.UTF-8", "BRIEFGEN_LANG": "en"}, "en"), ({"LANG": "C", "BRIEFGEN_LANG": "zh"}, "zh"),
])
def test_the_language_follows_the_locale_and_briefgen_lang(monkeypatch, environment, language):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "BRIEFGEN_LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.chosen_language() == language


def test_every_message_of_the_code_is_translated_and_compiled():
    problems = catalogs.problems()
    assert problems == [], "\n".join(problems[:60]) + (f"\n… and {len(problems) - 60} more" if len(problems) > 60 else "")


def test_the_check_finds_a_message_hidden_in_an_f_string(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "said.py").write_text('x = 1\nline = f"{x}: {_(\'up to date\')}"\nplain = _("built")\n', encoding="utf-8")
    assert catalogs.hidden_messages(package) == ["pkg/said.py:2"]


def test_a_translation_keeps_the_placeholders_of_its_message():
    catalog = catalogs.read_po("zh_CN")
    wrong = []
    for message in catalog:
        if not message.id or not any(message.string if isinstance(message.string, tuple) else (message.string,)):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if sorted(PLACEHOLDER.findall(string)) != wanted:
                wrong.append(f"{ids[0]!r} -> {string!r}")
    assert wrong == []


def test_a_chinese_catalog_speaks_chinese(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    catalog = catalogs.read_po("zh_CN")
    translated = [m for m in catalog if m.id and m.string and not isinstance(m.id, tuple)]
    assert translated
    hanzi = [m for m in translated if re.search("[\u4e00-\u9fff]", m.string)]
    assert len(hanzi) >= 0.9 * len(translated)  # a few are marks or names only
    sample = translated[0]
    assert i18n._(sample.id) == sample.string
