"""Fuzzing the whole pipeline: seeds from a grammar of the genre plus noise, parsed, laid out,
written as DOCX and PDF in-process, and read back.

For every generated seed, either
- the DOCX (python-docx) and the PDF (PDFium) print every character of the seed's content
  (``content_of``) in order in their body part, but for what the outline reports as removed (site
  furniture, each with a warning at its line; comments; marks), and nothing else; or
- the pipeline raises a BriefgenError naming a line of the seed that holds the cause (a character
  no font can draw names a line holding that character); never another exception.

CI runs BRIEFGEN_FUZZ_EXAMPLES examples (default 150, about 15 s); a longer run is
``BRIEFGEN_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q tests/test_pipeline_fuzz.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError, ParseError, RenderError
from briefgen.outline.clean import LINE_BREAK, content_of
from briefgen.outline.parse import parse_text
from briefgen.render import Renderer
from briefgen.writers import get_writer

from support.docx import make_project
from support.fidelity import expected_content
from support.grammar import (
    BOUNDARIES,
    HANZI,
    furniture,
    paragraph,
    phrase,
    point_lines,
    sentence,
    speech_head,
    subpoint_run,
)
from support.readback import docx_body_text, pdf_body_text, pdf_pages

EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "150"))
DATE = dt.date(2026, 11, 28)

# Noise: what text pasted from web pages, old files and other drafts brings along.
JUNK = ["##paidbegin##", "##paidend##", "##paid##paidend##begin##", "\u200b", "\u200f", "\u202e", "\ufeff", "\x07",
        "\x1b[0m", "\t", "\u00a0", "\u2028", "\u3000", "  ", "\ufffd", "<b>", "</font>", "&amp;", "<![CDATA[", "<!--",
        "-->", "{{ 7*7 }}", "{% include '/etc/passwd' %}", "{#", "#}", "\\n", "\\", "“", "”", "——", "…", "·", "A",
        "Zürich", "x²", "①", "⑩", "（一）", "1.", "一是", "第一，", "首先，", "。", "；", "?", "!", "𠮷", "😀", "\ue000"]
UNICODE = st.characters(blacklist_categories=("Cs",))
NOISE_TEXT = st.one_of(st.sampled_from(JUNK), st.text(HANZI, min_size=1, max_size=6),
                       st.text(UNICODE, min_size=1, max_size=3))


@st.composite
def speech_lines(draw) -> list[str]:
    """Lines of one speech: its head (the seed's own shapes, or the shapes of pasted compilations),
    intro, points of one or two levels, sub-point runs, maybe a sub-heading."""
    if draw(st.booleans()):
        lines = [draw(phrase(8, 40))]
        if draw(st.booleans()):
            lines.append("——在" + draw(phrase(4, 12)) + "上的发言")
        if draw(st.booleans()):
            lines.append("（" + draw(phrase(3, 10)) + "委组织部）")
    else:
        lines = draw(speech_head())
    lines += draw(st.lists(st.one_of(paragraph(), subpoint_run()), min_size=1, max_size=2))
    if draw(st.integers(0, 3)) == 0:
        lines += [draw(st.sampled_from(["", "【小标题】"])) + draw(phrase(4, 12)), draw(paragraph())]
    for point in draw(st.integers(0, 3).flatmap(point_lines)):
        lines.append(point)
        if point.startswith(tuple("一二三四五六")) and draw(st.integers(0, 3)) == 0:
            lines += ["（" + "一二三"[n] + "）" + draw(sentence()) for n in range(draw(st.integers(1, 3)))]
    return lines


@st.composite
def genre_lines(draw) -> list[str]:
    """Lines of a compilation: a collection title (or none: one speech alone), maybe a preface, speeches
    with boundaries between them, site furniture around, comments."""
    lines = []
    if draw(st.integers(0, 4)):
        lines.append(draw(phrase(4, 20)) + draw(st.sampled_from(["", "3篇", "发言汇编", "２篇", "（2篇）", "-20篇"])))
        if draw(st.booleans()):
            lines.append(draw(paragraph()))
    boundary = draw(st.sampled_from([None, *BOUNDARIES]))
    for number in range(draw(st.integers(1, 3))):
        if number and boundary is not None:
            lines.append(boundary)
        if draw(st.integers(0, 5)) == 0:
            lines.append("# " + draw(phrase(2, 8)))
        lines += draw(speech_lines())
    return draw(furniture(lines))


@st.composite
def noisy_seeds(draw) -> str:
    """A genre seed with noise: junk or random characters inserted, lines deleted, swapped, duplicated,
    joined or split, numbering markers changed."""
    lines = draw(genre_lines())
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        where = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["insert", "insert", "insert", "delete", "swap", "duplicate", "join",
                                          "split", "renumber", "blank"]))
        line = lines[where]
        if operation == "insert":
            at = draw(st.integers(0, len(line)))
            lines[where] = line[:at] + draw(NOISE_TEXT) + line[at:]
        elif operation == "delete":
            del lines[where]
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif operation == "duplicate":
            lines.insert(where, line)
        elif operation == "join" and where + 1 < len(lines):
            lines[where:where + 2] = [line + lines[where + 1]]
        elif operation == "split" and len(line) > 1:
            at = draw(st.integers(1, len(line) - 1))
            lines[where:where + 1] = [line[:at], line[at:]]
        elif operation == "renumber":
            lines[where] = re.sub(r"^[一二三四五六]", lambda m: draw(st.sampled_from("一二三四五六七")), line)
        elif operation == "blank":
            lines.insert(where, draw(st.sampled_from(["", " ", "\u3000", "\u200b", "##paidend##"])))
    return draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"])).join(lines)


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    return Renderer(make_project(tmp_path_factory.mktemp("fuzz")))


def check_failure(error: BriefgenError, text: str) -> None:
    """A failure names a line of the seed, and a character no font has is on the line it names."""
    lines = LINE_BREAK.split(text)
    assert error.path == "seeds/fuzz.txt", error
    assert 1 <= error.line <= len(lines), error
    if isinstance(error, RenderError):
        found = re.search(r"character U\+([0-9A-F]{4,6}) ", error.message)
        assert found, error
        assert chr(int(found.group(1), 16)) in lines[error.line - 1], error
    else:
        assert isinstance(error, ParseError), error


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(noisy_seeds())
def test_every_seed_prints_all_its_content_or_fails_naming_a_line(renderer, text):
    try:
        outline = parse_text(text, "seeds/fuzz.txt")
        job = renderer.compilation(outline, DATE)
        job = type(job)(**{**job.__dict__, "source": "seeds/fuzz.txt"})
        docx_data = get_writer("docx")(job)
        pdf_data = get_writer("pdf")(job)
    except BriefgenError as error:
        check_failure(error, text)
        return
    expected = expected_content(text, outline, content_of, without_title=True)
    assert content_of(docx_body_text(docx_data)) == expected
    assert content_of(pdf_body_text(pdf_data, renderer.project.style)) == expected
    assert pdf_pages(pdf_data) == len(job.layout.pages)
    reported = {warning.line for warning in outline.warnings}
    assert all(r.line in reported for r in outline.removed if r.reason not in ("comment", "line mark")), outline


def test_the_grammar_reaches_both_outcomes_and_deep_structure():
    """The generator makes seeds that build, with points and sub-points, and seeds that fail."""
    seen = {"built": 0, "failed": 0, "subpoints": 0, "level2": 0}

    # About 4% of generated seeds fail to parse: 80 random examples saw none one time in twenty, so the
    # probe runs 300 examples from a fixed seed (a chance below 1e-4 of missing an outcome should the
    # generator's draws change with a new Hypothesis).
    @settings(max_examples=300, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(noisy_seeds())
    def probe(text):
        try:
            outline = parse_text(text)
        except ParseError:
            seen["failed"] += 1
            return
        seen["built"] += 1
        for speech in outline.speeches:
            for point in speech.points:
                seen["level2"] += bool(point.points)
                seen["subpoints"] += any(p.subpoints for p in point.body)

    probe()
    assert all(seen.values()), seen
