"""Every brief read back as an office editor reads it before it goes out: the bundled seed with its theme
file, and seeds of other fields with the themes found in their text (four of my own, written before the
derivation was tuned, and six of the reading corpus). From the DOCX paragraphs, the PDF and index.json:
no lead or heading without its own text, no paragraph ending on ；，： or starting with a mark, brackets
balanced, attributions whole, 第N期 consecutive, one page in the PDF and in LibreOffice's rendering."""

from __future__ import annotations

import re

import pytest

from support.briefs import (
    NO_PARAGRAPH_END,
    NO_PARAGRAPH_START,
    balanced,
    build_briefs,
    bundled_config,
    docx_paragraphs,
    pdf_text,
)
from support.lo import LibreOffice, read_pdf, write_fontconfig
from support.paths import DATA, ROOT, SEED, THEMES

CORPUS = ROOT / "tests" / "corpus"
DERIVED = [*sorted((DATA / "seeds").glob("*.txt")),
           *(CORPUS / f"{name}.txt" for name in ("05-two-line-titles", "07-occasion-lines", "09-ideographic-space-indent",
                                                 "10-inconsistent-indent", "13-count-parenthesised", "16-no-boundaries"))]
STOPS = "。！？"
CLOSERS = "”’」』》〉）)]】〕〗}］｝"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    seeds = [build_briefs(tmp_path_factory.mktemp("seed"), SEED, THEMES.read_text(encoding="utf-8"))]
    seeds += [build_briefs(tmp_path_factory.mktemp(path.stem), path, config=bundled_config(meeting=False))
              for path in DERIVED]
    return seeds


def briefs_of(built):
    return [(seed, brief) for seed in built for brief in seed.briefs]


def attribution(seed, number: int, form: str) -> str:
    """Return what a speech's attribution must read: its unit as written (enclosing brackets and spaces
    aside) or its whole title, with a colon."""
    speech = seed.outline.speeches[number - 1]
    if form == "title":
        return f"《{speech.title}》："
    unit = "".join(speech.unit.text.split())
    while unit[:1] in "（(" and unit[-1:] in "）)" and balanced(unit[1:-1]):
        unit = unit[1:-1]
    return unit + "："


def test_every_seed_has_briefs(built):
    assert len(built[0].briefs) == 8
    for seed in built:
        assert seed.briefs or len(seed.outline.speeches) < 3, seed.seed.name
    assert sum(bool(seed.briefs) for seed in built[1:]) >= 8
    assert sum(len(seed.briefs) for seed in built[1:]) >= 25


def test_a_lead_or_heading_is_followed_by_its_own_text(built):
    for seed, brief in briefs_of(built):
        sentences = brief.entry["sentences"]
        for position, sentence in enumerate(sentences):
            if sentence["role"] == "body":
                continue
            assert position + 1 < len(sentences), (brief.entry["theme"], sentence["text"])
            following = sentences[position + 1]
            assert following["speech"] == sentence["speech"], sentence["text"]
            if sentence["role"] == "lead":
                assert following["subpoint"] == sentence["subpoint"] and following["role"] == "body"
            else:
                point = sentence["point"]
                assert following["point"] == point or following["point"].startswith(point + "."), sentence["text"]


def test_no_paragraph_ends_on_a_clause_mark_or_starts_with_a_mark(built):
    for seed, brief in briefs_of(built):
        headings = {s["text"] for s in brief.entry["sentences"] if s["role"] == "heading"}
        paragraphs = [p for p in docx_paragraphs(brief.docx) if p.style in ("简报正文", "简报导语")]
        assert paragraphs and paragraphs[0].style == "简报导语"
        for paragraph in paragraphs:
            text = paragraph.text[len(paragraph.styled):]
            assert text and text[0] not in NO_PARAGRAPH_START, (brief.entry["theme"], text)
            end = text.rstrip(CLOSERS)[-1]
            assert end not in NO_PARAGRAPH_END, (brief.entry["theme"], text)
            assert end in STOPS or text in headings, (brief.entry["theme"], text)
            assert balanced(paragraph.text), paragraph.text


def test_attributions_are_whole_in_one_form_per_brief(built):
    for seed, brief in briefs_of(built):
        form = brief.entry["attribution"]
        speeches = list(dict.fromkeys(s["speech"]["number"] for s in brief.entry["sentences"]))
        heads = [p.styled for p in docx_paragraphs(brief.docx) if p.style == "简报正文" and p.styled]
        assert heads == [attribution(seed, n, form) for n in speeches], brief.entry["theme"]
        if form == "unit":
            assert all(seed.outline.speeches[n - 1].unit for n in speeches)
        assert all(balanced(head) for head in heads)


def test_the_lead_paragraph_names_the_theme_and_the_speeches_that_touch_it(built):
    for seed, brief in briefs_of(built):
        (lead,) = [p.text for p in docx_paragraphs(brief.docx) if p.style == "简报导语"]
        count = int(re.search(r"有(\d+)篇", lead).group(1))
        assert brief.entry["theme"] in lead and lead.endswith("现将有关内容摘编如下。")
        assert len({s["speech"]["number"] for s in brief.entry["sentences"]}) <= count <= len(seed.outline.speeches)
        if seed is built[0]:  # the bundled briefgen.toml names the meeting
            assert lead.startswith("在公务员工作座谈会上，有")
        else:
            assert lead.startswith(f"《{seed.outline.title}》收录的发言中，有")


def test_issues_run_on_from_the_first_without_a_gap(built):
    for seed in built:
        issues = [brief.entry["issue"] for brief in seed.briefs]
        assert issues == list(range(1, len(issues) + 1)), seed.seed.name
        for brief, issue in zip(seed.briefs, issues):
            pages, text = pdf_text(brief.pdf)
            assert f"第{issue}期" in text.split()


def test_every_brief_is_one_page_of_verbatim_sentences_in_the_pdf(built):
    for seed, brief in briefs_of(built):
        lines = seed.seed.read_text(encoding="utf-8").split("\n")
        pages, text = pdf_text(brief.pdf)
        assert pages == 1, brief.entry["theme"]
        printed = "".join(text.split())
        for sentence in brief.entry["sentences"]:
            assert sentence["text"] in lines[sentence["line"] - 1]
            assert "".join(sentence["text"].split()) in printed


def test_libreoffice_renders_every_brief_on_one_page(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    from briefgen.project.folder import load_project

    project = load_project(ROOT)
    office = LibreOffice(folder / "profile", write_fontconfig(folder / "fontconfig", dict(project.style.fonts)))
    sources = []
    for number, (seed, brief) in enumerate(briefs_of(built)):
        copy = folder / "in" / f"{number:03d}.docx"  # one folder, names that cannot clash
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(brief.docx.read_bytes())
        sources.append(copy)
    pdfs = office.convert_all(sources, folder / "out")
    for (seed, brief), pdf in zip(briefs_of(built), pdfs):
        assert len(read_pdf(pdf)) == 1, (seed.seed.name, brief.entry["theme"])


def test_a_sentence_pointing_back_follows_the_sentence_it_points_to(built):
    from briefgen.briefs.units import points_back

    for seed, brief in briefs_of(built):
        sentences = brief.entry["sentences"]
        for position, sentence in enumerate(sentences):
            if points_back(sentence["text"]):
                before = sentences[position - 1] if position else None
                assert before and before["speech"] == sentence["speech"] and before["line"] == sentence["line"], (
                    brief.entry["theme"], sentence["text"])
