"""The interface in Chinese and in English: every case of the bad-input corpus, --help of every command,
and the documents, which are the same bytes under either locale."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.marks import terminal_columns
from support.badinputs import CASES, CONFIG, FAILS, SEED, SEED_FILE, THEMES_FILE, copy_project
from support.cli import hashes
from support.paths import EPOCH

LOCALES = {"zh": "zh_CN.UTF-8", "en": "en_US.UTF-8"}
ERROR_LINE = re.compile(r"(?P<where>[^\s:][^:]*(?::\d+)?): error: (?P<message>\S.*)")
PATH_CHAR = r"[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"  # a path ends where Chinese words begin
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|《[^》]*》|`[^`]*`|" + PATH_CHAR + r"*[/\\]" + PATH_CHAR + r"*"
                    r"|U\+[0-9A-F]+")
HANZI = re.compile("[\u4e00-\u9fff]")
COMMANDS = [[], ["build"], ["check"], ["outline"], ["import"], ["fonts"], ["themes"], ["themes", "suggest"],
            ["watch"], ["preview"], ["init"]]


def environment(language: str, cache: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if name not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "BRIEFGEN_LANG")}
    return {**env, "LANG": LOCALES[language], "LC_ALL": LOCALES[language], "SOURCE_DATE_EPOCH": EPOCH,
            "BRIEFGEN_CACHE": str(cache)}


def briefgen(folder: Path, language: str, cache: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=folder, capture_output=True, text=True,
                          env=environment(language, cache))


def own_words(message: str) -> str:
    """Return a message without what it quotes (seed text, file names, paths, code points)."""
    return QUOTED.sub(" ", message)


def is_chinese(message: str, english: str) -> bool:
    """Return True when a message says in Chinese words what its English says."""
    words = set(HANZI.findall(own_words(message)))
    return len(words - set(HANZI.findall(english))) >= 2


def is_english(message: str) -> bool:
    words = own_words(message)
    return len(re.findall(r"[A-Za-z]{2,}", words)) >= 3 and len(HANZI.findall(words)) < len(words) / 4


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """A project that has built the good seed and its briefs, and its cache folder."""
    cache = tmp_path_factory.mktemp("cache")
    project = tmp_path_factory.mktemp("good") / "project"
    (project / "seeds").mkdir(parents=True)
    (project / SEED_FILE).write_bytes(SEED.read_bytes())
    (project / THEMES_FILE).write_bytes(SEED.with_name(SEED.stem + ".themes.toml").read_bytes())
    (project / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    assert briefgen(project, "en", cache, "build").returncode == 0
    return project, cache


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_bad_input_gives_the_same_outcome_in_either_language(case, built, tmp_path):
    good, cache = built
    outcomes = {}
    for language in LOCALES:
        project = tmp_path / language / "project"
        copy_project(good, project)
        case.make(project, SEED.read_text(encoding="utf-8"))
        outcomes[language] = briefgen(project, language, cache, "build", *case.options)
    assert outcomes["zh"].returncode == outcomes["en"].returncode, (outcomes["zh"].stderr, outcomes["en"].stderr)
    if case.outcome != FAILS:
        return
    found = {}
    for language, proc in outcomes.items():
        lines = proc.stderr.splitlines()
        assert proc.returncode == 2 and len(lines) == 1, proc.stderr
        found[language] = ERROR_LINE.fullmatch(lines[0])
        assert found[language], lines[0]
    assert found["zh"]["where"] == found["en"]["where"]  # `file:line: error:` is the same shape in both
    assert is_english(found["en"]["message"]), found["en"]["message"]
    assert is_chinese(found["zh"]["message"], found["en"]["message"]), found["zh"]["message"]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) or "briefgen" for c in COMMANDS])
def test_the_help_of_every_command_in_either_language(command, tmp_path):
    texts = {language: briefgen(tmp_path, language, tmp_path / "cache", *command, "--help") for language in LOCALES}
    for proc in texts.values():
        assert proc.returncode == 0, proc.stderr
    assert texts["en"].stdout.startswith("Usage: briefgen") and is_english(texts["en"].stdout)
    assert texts["zh"].stdout.startswith("用法：") and is_chinese(texts["zh"].stdout, texts["en"].stdout)
    for proc in texts.values():  # click lays help out for 80 columns: a hanzi takes two
        assert max(terminal_columns(line) for line in proc.stdout.splitlines()) <= 80, proc.stdout
    headings = [line for line in texts["zh"].stdout.splitlines() if line.rstrip().endswith((":", "："))]
    assert headings and all(line.endswith("：") for line in headings), headings  # 选项： as Chinese writes it


def test_the_documents_are_the_same_bytes_in_either_language(built, tmp_path):
    good, cache = built
    folders = {}
    for language in LOCALES:
        project = tmp_path / language
        copy_project(good, project)
        assert briefgen(project, language, cache, "build", "--force", "-o", "out", SEED_FILE).returncode == 0
        folders[language] = hashes(project / "out")
    assert folders["zh"] == folders["en"]
