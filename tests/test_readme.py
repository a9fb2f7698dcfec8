"""The two READMEs kept in step: README.zh.md says what README.md says, in Chinese. Paired by position,
their ##/### sections come in the same order, and each pair has the same `briefgen …` commands in its
code blocks and tables and mentions the same briefgen.toml keys; the set-up commands are the same."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import pytest

from briefgen.project.config import BriefConfig, DocumentConfig, FontConfig
from support.paths import ROOT

ENGLISH, CHINESE = ROOT / "README.md", ROOT / "README.zh.md"
TABLES = ("document", "brief", "fonts", "style")
KEYS = set(TABLES) | {f.name for kind in (DocumentConfig, BriefConfig, FontConfig) for f in dataclasses.fields(kind)}
FENCE = re.compile(r"^```(\w*)\s*$")
HEADING = re.compile(r"^(#{2,3}) ")
CODE_SPAN = re.compile(r"`([^`]+)`")
COMMAND = re.compile(r"(?:^|[\s/])(briefgen(?: .*)?)$")  # `briefgen …`, also as .venv/bin/briefgen …
TABLE_NAME = re.compile(r"\[+\s*([a-z_]+)[a-z_.]*\s*\]+")  # [document], [style.styles.body]
BARE_NAME = re.compile(r"(?<![\w./\[-])([a-z_]+)(?![\w./\]-])")  # meeting_date, not style.toml or --force


@dataclass
class Section:
    """The lines under one ##/### heading (the first: what comes before any), code blocks apart."""

    heading: str
    prose: list[str] = field(default_factory=list)
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)  # (language, lines)

    @property
    def level(self) -> str:
        return self.heading.split(" ")[0] if self.heading else ""


def read_sections(text: str) -> list[Section]:
    """Return the sections of a README in order."""
    sections, block = [Section("")], None
    for line in text.split("\n"):
        if block is not None:
            if line.startswith("```"):
                sections[-1].blocks.append(block)
                block = None
            else:
                block[1].append(line)
        elif FENCE.match(line):
            block = (FENCE.match(line).group(1), [])
        elif HEADING.match(line):
            sections.append(Section(line))
        else:
            sections[-1].prose.append(line)
    return sections


def without_comment(line: str) -> str:
    return re.sub(r"(^|\s+)#.*$", "", line).strip()


def commands(section: Section) -> list[str]:
    """Return the commands of a section's code blocks (every one of a shell block, the `briefgen …` ones
    of the others), then the `briefgen …` commands of its tables."""
    found = []
    for language, lines in section.blocks:
        for line in map(without_comment, lines):
            match = COMMAND.search(line)
            if language == "sh" and line:
                found.append(" ".join(line.split()))
            elif match:
                found.append(" ".join(match.group(1).split()))
    for line in section.prose:
        if line.startswith("|"):
            found += [span for span in CODE_SPAN.findall(line) if span.startswith("briefgen ")]
    return found


def config_keys(section: Section) -> set[str]:
    """Return the briefgen.toml tables and keys a section names in code (inline, or in a TOML block),
    commands apart (`briefgen fonts` names no key)."""
    pieces = [span for span in CODE_SPAN.findall("\n".join(section.prose)) if not span.startswith("briefgen ")]
    pieces += [without_comment(line) for language, lines in section.blocks if language == "toml" for line in lines]
    names = set()
    for piece in pieces:
        names.update(TABLE_NAME.findall(piece))
        names.update(BARE_NAME.findall(TABLE_NAME.sub(" ", piece)))
    return names & KEYS


def setup_commands(sections: list[Section]) -> list[str]:
    """Return every line of the set-up section's code blocks (the first ## section)."""
    return [line for _language, lines in sections[1].blocks for line in lines if line.strip()]


def drift(english: str, chinese: str) -> list[str]:
    """Return every way README.zh.md has drifted from README.md."""
    en, zh = read_sections(english), read_sections(chinese)
    if [s.level for s in en] != [s.level for s in zh]:
        return [f"the sections differ: README.md has {len(en) - 1} ({' '.join(s.level for s in en[1:])}), "
                f"README.zh.md {len(zh) - 1} ({' '.join(s.level for s in zh[1:])})"]
    problems = []
    if setup_commands(en) != setup_commands(zh):
        problems.append(f"the set-up commands differ: {setup_commands(en)} / {setup_commands(zh)}")
    for number, (mine, theirs) in enumerate(zip(en, zh)):
        where = f"section {number} ({mine.heading or 'the opening'} / {theirs.heading or 'the opening'})"
        if commands(mine) != commands(theirs):
            problems.append(f"{where}: the commands differ: {commands(mine)} / {commands(theirs)}")
        if config_keys(mine) != config_keys(theirs):
            problems.append(f"{where}: the briefgen.toml keys differ: {sorted(config_keys(mine))} / "
                            f"{sorted(config_keys(theirs))}")
    return problems


@pytest.fixture(scope="module")
def readmes() -> tuple[str, str]:
    return ENGLISH.read_text(encoding="utf-8"), CHINESE.read_text(encoding="utf-8")


def test_the_chinese_readme_is_in_step_with_the_english_one(readmes):
    assert drift(*readmes) == []


def test_what_is_compared_is_there(readmes):
    english, chinese = (read_sections(text) for text in readmes)
    assert english[1].heading == "## Set up on a fresh machine" and len(english) > 12
    assert setup_commands(english) == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/briefgen build", "./tools/run-tests"]
    table = next(s for s in english if s.heading == "## Commands")
    assert "briefgen init [--force]" in commands(table) and len(commands(table)) >= 9
    assert {"document", "brief", "fonts", "style", "meeting", "meeting_date", "duplex", "first_issue"} <= set().union(
        *map(config_keys, english))
    assert all(re.search("[\u4e00-\u9fff]", s.heading) for s in chinese[1:])  # the headings are translated


def test_each_links_to_the_other(readmes):
    english, chinese = readmes
    assert "中文说明：[README.zh.md](README.zh.md)" in english.split("\n")[:4]
    assert "[README.md](README.md)" in "\n".join(chinese.split("\n")[:4])


def add_after(text: str, anchor: str, added: str) -> str:
    assert text.count(anchor) >= 1, anchor
    return text.replace(anchor, anchor + added, 1)


@pytest.mark.parametrize("which, anchor, added, said", [
    ("zh", "## 字体\n", "\n## 附录\n\n说明。\n", "the sections differ"),
    ("en", "## Fonts\n", "\n### Fallback faces\n\nText.\n", "the sections differ"),
    ("zh", "briefgen check --explain    # 同上，但先逐行列出种子文件的每一行被识别成了什么\n",
     "briefgen outline --format tree\n", "the commands differ"),
    ("en", "| command | what it does |\n|---|---|\n", "| `briefgen export [SEED]` | export |\n", "the commands differ"),
    ("en", "./tools/run-tests", " --quick", "the set-up commands differ"),
    ("zh", "## 生成\n", "\n每期简报的印数见 `[brief] copies`。\n", "the briefgen.toml keys differ"),
    ("zh", "speeches_start_right = true   # 与 duplex 同用：每篇发言从右手页开始\n", "copies = 120\n",
     "the briefgen.toml keys differ"),
])
def test_a_section_command_or_key_in_one_readme_only_is_drift(readmes, which, anchor, added, said):
    english, chinese = readmes
    if which == "en":
        english = add_after(english, anchor, added)
    else:
        chinese = add_after(chinese, anchor, added)
    problems = drift(english, chinese)
    assert problems and said in problems[0], problems
