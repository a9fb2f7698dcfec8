"""The quick no-op check: a repeated `briefgen build` answered from recorded file sizes and times."""

from __future__ import annotations

import os
import time

import pytest

from briefgen.cli.options import BuildOptions, parse_build_args
from briefgen.cli.quickcheck import (
    forget,
    is_fresh,
    record_path,
    try_noop,
    write_record,
)


@pytest.mark.parametrize("args, expected", [
    ([], BuildOptions()),
    (["-q", "seeds/a.txt"], BuildOptions(("seeds/a.txt",), quiet=True)),
    (["-o", "x", "--jobs", "2", "--force"], BuildOptions(out="x", jobs=2, force=True)),
    (["--output=y", "-v", "a.txt", "--jobs=3", "b.txt"], BuildOptions(("a.txt", "b.txt"), "y", jobs=3, verbose=True)),
])
def test_plain_build_command_lines_are_read(args, expected):
    assert parse_build_args(args) == expected


@pytest.mark.parametrize("args", [["--help"], ["--frobnicate"], ["-x"], ["--jobs", "0"], ["-j", "many"], ["-o"]])
def test_anything_else_goes_to_the_click_command(args):
    assert parse_build_args(args) is None


@pytest.fixture()
def recorded(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cache").mkdir()
    seed, output = tmp_path / "seed.txt", tmp_path / "out.pdf"
    seed.write_text("汇编", encoding="utf-8")
    output.write_bytes(b"%PDF")
    old = time.time() - 10  # inputs saved a moment ago make no record (a second save could go unseen)
    os.utime(seed, (old, old))
    options = parse_build_args([])
    write_record(options, [str(seed)], [str(output)], [str(tmp_path)], ["seed.txt: out.pdf"], today=False)
    return options, seed, output


def test_an_unchanged_project_is_up_to_date_without_building(recorded, capsys):
    options, _seed, _output = recorded
    assert try_noop(options)
    assert "built 0, up to date 1, failed 0" in capsys.readouterr().err


def test_force_and_strict_never_answer_from_the_record(recorded):
    options, _seed, _output = recorded
    assert not try_noop(BuildOptions(force=True))
    assert not try_noop(BuildOptions(strict=True))  # --strict reads the seed again, to fail on check's errors


def test_a_changed_input_or_output_falls_through_to_the_real_build(recorded):
    options, seed, output = recorded
    seed.write_text("汇编二", encoding="utf-8")
    assert not try_noop(options)
    write_record(options, [], [str(output)], [], [], today=False)
    output.write_bytes(b"%PDF-changed")
    assert not try_noop(options)


def test_a_failed_build_forgets_its_record(recorded):
    options, _seed, _output = recorded
    forget(options)
    assert record_path(options) and not os.path.exists(record_path(options))
    assert not try_noop(options)


def test_a_record_of_another_version_or_day_is_stale(recorded):
    import json

    options, _seed, _output = recorded
    with open(record_path(options), encoding="utf-8") as handle:
        record = json.load(handle)
    assert is_fresh(record)
    assert not is_fresh({**record, "version": "0.0.0"})
    assert not is_fresh({**record, "today": "1999-01-01"})
