"""Every compilation of the reading corpus built end to end through the command line, its DOCX and PDF
read back: every content character printed in order, no site furniture printed anywhere, the title the
collection's own (not a breadcrumb or a file name), sub-headings and the closing note in their styles,
and one speech alone a document without cover or contents."""

from __future__ import annotations

import shutil

import docx
import pytest

from briefgen.outline.clean import content_of
from briefgen.outline.parse import parse_text

from support.cli import run_briefgen
from support.corpus import NOT_FURNITURE, corpus_texts, expectation_of, norm
from support.fidelity import expected_content
from support.readback import docx_body_text, docx_paragraphs, pdf_body_text

TEXTS = corpus_texts()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A project holding every corpus text as a seed, built once with the bundled fonts."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "seeds").mkdir()
    (folder / "briefgen.toml").write_text("[fonts]\nsystem = false\n", encoding="utf-8")
    for path in TEXTS:
        shutil.copy(path, folder / "seeds" / path.name)
    proc = run_briefgen(["build", "-o", "out", "--jobs", "4", *(f"seeds/{p.name}" for p in TEXTS)], folder)
    return folder / "out", proc.stderr


def outputs(out, path):
    (docx_file,) = (out / path.stem).glob("*.docx")
    (pdf_file,) = (out / path.stem).glob("*.pdf")
    return docx_file, pdf_file


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_both_documents_print_every_content_character_in_order(built, path, sheet):
    text = path.read_text(encoding="utf-8")
    outline = parse_text(text)
    docx_file, pdf_file = outputs(built[0], path)
    expected = expected_content(text, outline, content_of, without_title=True)
    assert content_of(docx_body_text(docx_file)) == expected
    assert content_of(pdf_body_text(pdf_file, sheet)) == expected


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_no_site_furniture_is_printed_and_the_title_is_the_collections(built, path, sheet):
    text = path.read_text(encoding="utf-8")
    outline = parse_text(text)
    docx_file, pdf_file = outputs(built[0], path)
    paragraphs = docx_paragraphs(docx_file)
    assert content_of(paragraphs[0]) == content_of(expectation_of(path)["collection"]["title"])
    kept = expected_content(text, outline, content_of)
    # The cover and the body (the contents page lists the titles again, under briefgen's own 目录 heading).
    printed = content_of(paragraphs[0] + docx_body_text(docx_file)), content_of(pdf_body_text(pdf_file, sheet))
    for removed in outline.removed:
        piece = content_of(removed.text)
        if removed.reason not in NOT_FURNITURE and piece not in kept:  # a contents entry repeats a heading
            assert all(piece not in whole for whole in printed), removed


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_sub_headings_and_the_closing_note_print_in_their_styles(built, path):
    expectation = expectation_of(path)
    document = docx.Document(str(outputs(built[0], path)[0]))
    styled = [(p.style.name, norm(p.text)) for p in document.paragraphs]
    wanted = [h for speech in expectation["speech"] for h in speech.get("subheadings", [])]
    assert [text for style, text in styled if style == "小标题"] == wanted
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = [norm(lines[n - 1]) for n in expectation["collection"].get("closing", [])]
    assert [text for style, text in styled if style == "编者注"] == closing


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_one_speech_alone_has_no_cover_and_no_contents(built, path):
    single = expectation_of(path)["collection"].get("single", False)
    document = docx.Document(str(outputs(built[0], path)[0]))
    assert len(document.sections) == (1 if single else 3)
    first = document.paragraphs[0]
    assert first.style.name == ("文章标题" if single else "封面标题")


def test_the_build_names_each_removed_line(built):
    stderr = built[1]
    assert "seeds/01-newspaper-digest.txt:1: warning: removed site furniture (breadcrumb)" in stderr
    assert "seeds/04-fanwen-page.txt:39: warning: removed site furniture (cut off mid-sentence" in stderr
