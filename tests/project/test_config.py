"""briefgen.toml: the compiling unit, the date, the brief footer and font settings, each value checked."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.errors import ConfigError
from briefgen.project.config import format_chinese_date
from briefgen.project.folder import load_project


def config_of(tmp_path, toml: str):
    (tmp_path / "briefgen.toml").write_text(toml, encoding="utf-8")
    return load_project(tmp_path).config


def test_no_file_means_the_defaults(tmp_path):
    config = load_project(tmp_path).config
    assert config.document.unit == "" and config.brief.first_issue == 1 and config.fonts.system


def test_the_bundled_project_configuration_is_read(tmp_path):
    config = config_of(tmp_path, '[document]\nunit = "XX市委组织部"\ndate = 2026-11-28\n[brief]\ncopies = 120\n')
    assert config.document.unit == "XX市委组织部" and config.document_date() == dt.date(2026, 11, 28)
    assert config.brief.copies == 120


def test_the_meeting_and_its_date_are_read_for_the_briefs_lead(tmp_path):
    config = config_of(tmp_path, '[document]\nmeeting = " 公务员工作座谈会 "\nmeeting_date = 2026-11-20\n')
    assert config.document.meeting == "公务员工作座谈会" and config.document.meeting_date == dt.date(2026, 11, 20)
    assert config_of(tmp_path, "").document.meeting == "" and config_of(tmp_path, "").document.meeting_date is None


def test_the_date_comes_from_the_file_then_source_date_epoch_then_today(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    assert load_project(tmp_path).config.document_date() == dt.date(2026, 11, 28)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert load_project(tmp_path).config.document_date() == dt.date.today()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(ConfigError) as caught:
        load_project(tmp_path).config.document_date()
    assert str(caught.value).startswith("SOURCE_DATE_EPOCH: error: not a number of seconds")


@pytest.mark.parametrize("toml, line, says", [
    ("[document]\nunit = 3\n", 2, "wrong type"),
    ("[document]\ndate = \"someday\"\n", 2, "date like 2026-11-28"),
    ("[document]\nmeeting_date = \"soon\"\n", 2, "document.meeting_date must be a date like 2026-11-28"),
    ("[document]\nmeeting = \"a\\nb\"\n", 2, "document.meeting must be one line"),
    ("[brief]\nfirst_issue = -1\n", 2, "must not be negative"),
    ("[brief]\nreport = \"x\"\n", 2, "unknown key brief.report"),
    ("\n[colour]\nx = 1\n", 2, "unknown section [colour]"),
    ("[fonts]\ndirs = [1]\n", 2, "list of folder names"),
])
def test_a_wrong_value_is_an_error_naming_its_line(tmp_path, toml, line, says):
    with pytest.raises(ConfigError, match=says.replace("[", r"\[").replace("]", r"\]")) as caught:
        config_of(tmp_path, toml)
    assert (caught.value.path, caught.value.line) == ("briefgen.toml", line)


def test_dates_are_written_the_official_way():
    assert format_chinese_date(dt.date(2026, 1, 5)) == "2026年1月5日"


def test_printing_on_both_sides_and_a_classification_mark_are_read(tmp_path):
    config = config_of(tmp_path, '[document]\nclassification = " 内部资料　注意保存 "\nduplex = true\n'
                                 'speeches_start_right = true\n')
    assert config.document.classification == "内部资料　注意保存"
    assert config.document.duplex and config.document.speeches_start_right


@pytest.mark.parametrize("toml, line, says", [
    ('[document]\nduplex = "yes"\n', 2, "document.duplex has the wrong type"),
    ('[document]\nduplex = true\nspeeches_start_right = 1\n', 3, "document.speeches_start_right has the wrong type"),
    ('[document]\nclassification = true\n', 2, "document.classification has the wrong type"),
    ('[document]\nclassification = "内部资料\\n注意保存"\n', 2, "document.classification must be one line"),
    ('[document]\n\nspeeches_start_right = true\n', 3, "needs document.duplex = true"),
])
def test_a_wrong_printing_value_names_its_line(tmp_path, toml, line, says):
    with pytest.raises(ConfigError, match=says) as caught:
        config_of(tmp_path, toml)
    assert (caught.value.path, caught.value.line) == ("briefgen.toml", line)
