"""`briefgen init`: a commented briefgen.toml with every key of the configuration, in the interface's
language, that briefgen reads and builds with; never replacing a file without --force."""

from __future__ import annotations

import dataclasses
import os
import re

import pytest

from briefgen.cli.init import render_config
from briefgen.project.config import BriefConfig, DocumentConfig, FontConfig
from briefgen.project.folder import load_project
from briefgen.project.tomlfile import parse_toml
from support.cli import make_seed_project, run, run_briefgen
from support.paths import ROOT

COMMENTED_OUT = re.compile(r"# (\[[\w.]+\]|[a-z_]+ = .*)$")  # a key or table line a user uncomments
HANZI = re.compile("[\u4e00-\u9fff]")


def init(folder, *args: str, lang: str = "en", check: bool = True):
    env = {**os.environ, "BRIEFGEN_LANG": lang, "BRIEFGEN_CACHE": ""}
    return run(folder, "init", *args, check=check, env=env)


def is_prose(line: str) -> bool:
    """Return whether a line is a comment saying something (not a key or table commented out)."""
    return line.startswith("#") and not COMMENTED_OUT.match(line)


def uncommented(text: str) -> str:
    """Return the file with every key and table line commented out set."""
    return "\n".join(line[2:] if COMMENTED_OUT.match(line) else line for line in text.split("\n"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_init_writes_a_file_the_seed_builds_with(tmp_path, lang):
    make_seed_project(tmp_path)
    proc = init(tmp_path, lang=lang)
    assert proc.stdout == "" and len(proc.stderr.splitlines()) == 1 and "briefgen.toml" in proc.stderr
    assert bool(HANZI.search(proc.stderr)) == (lang == "zh")
    text = (tmp_path / "briefgen.toml").read_text(encoding="utf-8")
    assert text == render_config(tmp_path, lang) and text.endswith("\n") and not text.endswith("\n\n")
    config = load_project(tmp_path).config  # every key commented out: the defaults
    assert (config.document, config.brief, config.fonts) == (DocumentConfig(), BriefConfig(), FontConfig())
    run_briefgen(["build", "-q", "--format", "pdf"], tmp_path)
    assert list((tmp_path / "output").glob("*/*.pdf"))


def test_the_comments_are_in_the_language_of_the_interface_and_the_rest_the_same(tmp_path):
    english, chinese = (render_config(tmp_path, lang).split("\n") for lang in ("en", "zh"))
    assert [line for line in english if not is_prose(line)] == [line for line in chinese if not is_prose(line)]
    prose_en, prose_zh = ([line for line in lines if is_prose(line)] for lines in (english, chinese))
    assert prose_zh and all(HANZI.search(line) for line in prose_zh)
    assert all(len(re.findall(r"[A-Za-z]{3,}", line)) >= 3 for line in prose_en if len(line) > 40)
    assert not set(prose_en) & set(prose_zh)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_key_of_the_configuration_is_there_with_a_value_briefgen_accepts(tmp_path, lang):
    text = uncommented(render_config(tmp_path, lang))
    data = parse_toml(text, "briefgen.toml")
    for section, kind in (("document", DocumentConfig), ("brief", BriefConfig), ("fonts", FontConfig)):
        assert sorted(data[section]) == sorted(f.name for f in dataclasses.fields(kind)), section
    assert set(data) == {"document", "brief", "fonts", "style"}
    (tmp_path / "briefgen.toml").write_text(text, encoding="utf-8")
    project = load_project(tmp_path)  # the style overrides are checked against the style sheet too
    assert project.config.document.duplex and project.config.document.speeches_start_right
    assert project.config.fonts.files == {"body": "fonts/simfang.ttf"} and project.config.fonts.system is False
    assert project.style.styles["body"].size_pt == 18 and project.style.styles["subpoint_lead"].font == "kai"


def test_the_bundled_briefgen_toml_is_what_init_writes_with_its_own_keys_set(tmp_path):
    written = render_config(tmp_path, "en").split("\n")
    bundled = (ROOT / "briefgen.toml").read_text(encoding="utf-8").split("\n")
    assert len(bundled) == len(written)
    for number, (mine, theirs) in enumerate(zip(bundled, written), 1):
        assert mine == theirs or (theirs == "# " + mine and COMMENTED_OUT.match(theirs)), f"line {number}: {mine!r}"
    assert bundled != written  # the bundled project sets some


def test_an_existing_file_is_replaced_only_with_force(tmp_path):
    (tmp_path / "briefgen.toml").write_text('[document]\nunit = "本单位"\n', encoding="utf-8")
    refused = init(tmp_path, check=False)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("briefgen.toml: error: already exists") and "--force" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr
    assert (tmp_path / "briefgen.toml").read_text(encoding="utf-8") == '[document]\nunit = "本单位"\n'
    replaced = init(tmp_path, "--force")
    assert replaced.stderr.startswith("replaced briefgen.toml")
    assert (tmp_path / "briefgen.toml").read_text(encoding="utf-8") == render_config(tmp_path, "en")
    assert [p.name for p in tmp_path.iterdir()] == ["briefgen.toml"]  # no temporary file left


def test_a_folder_in_the_way_is_one_line(tmp_path):
    (tmp_path / "briefgen.toml").mkdir()
    proc = init(tmp_path, "--force", check=False)
    assert proc.returncode == 2 and proc.stderr.startswith("briefgen.toml: error: is a folder")
    assert len(proc.stderr.splitlines()) == 1


def test_a_project_template_shadows_briefgen_s_and_must_write_a_readable_file(tmp_path):
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "briefgen.toml.j2"
    own.write_text('[document]\nunit = "{{ lang }}办公室"\n', encoding="utf-8")
    init(tmp_path, lang="zh")
    assert (tmp_path / "briefgen.toml").read_text(encoding="utf-8") == '[document]\nunit = "zh办公室"\n'
    own.write_text("[document]\ncolour = 1\n", encoding="utf-8")
    proc = init(tmp_path, "--force", check=False)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith("templates/briefgen.toml.j2: error: writes a briefgen.toml that briefgen cannot read")
    assert "line 2" in proc.stderr and "document.colour" in proc.stderr
    assert (tmp_path / "briefgen.toml").read_text(encoding="utf-8") == '[document]\nunit = "zh办公室"\n'


def test_init_is_listed_by_briefgen_help(tmp_path):
    proc = run(tmp_path, "--help", env={**os.environ, "BRIEFGEN_LANG": "en"})
    assert re.search(r"^\s+init\s+Write a commented briefgen.toml", proc.stdout, re.M), proc.stdout
