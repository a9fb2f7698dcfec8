"""The reading corpus: each compilation in tests/corpus/ reads as its expectation file says (titles,
speakers, subtitles, points per level, sub-headings, sub-points, removed and closing lines), keeps
every character in the outline or in a reported removal, and the expectation files are consistent."""

from __future__ import annotations

import importlib.util

import pytest

from briefgen.outline.clean import content_of
from briefgen.outline.model import from_dict, iter_texts, to_dict
from briefgen.outline.parse import parse_text

from support.corpus import CORPUS, NOT_FURNITURE, corpus_texts, differences, expectation_of
from support.fidelity import expected_content

TEXTS = corpus_texts()


def outline_of(path):
    return parse_text(path.read_text(encoding="utf-8"), f"seeds/{path.name}")


def test_the_corpus_holds_the_texts_of_the_issue_and_three_untuned_ones():
    assert len(TEXTS) >= 20
    assert all(path.with_name(path.stem + ".expect.toml").is_file() for path in TEXTS)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_each_text_reads_as_a_careful_reader_reads_it(path):
    assert differences(outline_of(path), expectation_of(path)) == []


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_character_is_in_the_outline_or_a_reported_removal(path):
    text = path.read_text(encoding="utf-8")
    outline = outline_of(path)
    assert content_of("".join(iter_texts(outline))) == expected_content(text, outline, content_of)
    reported = {warning.line for warning in outline.warnings}
    furniture = [r for r in outline.removed if r.reason not in NOT_FURNITURE]
    assert all(r.line in reported for r in furniture)
    assert from_dict(to_dict(outline)) == outline


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_no_removed_line_takes_the_title_or_a_speech(path):
    outline = outline_of(path)
    gone = {r.line for r in outline.removed}
    assert outline.line not in gone
    assert not gone & {s.line for s in outline.speeches}
    assert not gone & {s.unit.line for s in outline.speeches if s.unit}


def test_the_expectation_files_pass_the_corpus_sanity_check(capsys):
    spec = importlib.util.spec_from_file_location("check_corpus", CORPUS / "check_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([]) == 0, capsys.readouterr().out
