"""Typst, the PDF alternative: the seed's compilation as a Typst document over bench/official.typ, compiled
by PyPI's typst in a fresh process (A4, the same margins, sizes and bundled font files)."""

from __future__ import annotations

from runner.inputs import EPOCH, FONTS
from runner.processes import pdf_pages, run

TYPST = r"""
import json, sys, time
t0 = time.perf_counter()
import typst
t1 = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True,
              timestamp=int(sys.argv[4]))
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "compile": t2 - t1}))
"""
HEADING_STYLES = {1: "hei", 2: "kai", 3: "bold"}  # the point levels' faces, as the style sheet sets them


def quoted(text: str) -> str:
    """Return ``text`` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def paragraph_runs(paragraph) -> list[str]:
    """Return a paragraph's text and its sub-points (bold lead, plain text) as #para arguments."""
    found = [quoted(paragraph.text)] if paragraph.text else []
    for sub in paragraph.subpoints:
        found.append(f'("bold", {quoted(sub.marker + sub.lead)})')
        if sub.text:
            found.append(quoted(sub.text))
    return found


def para(items: list[str]) -> str:
    """Return one #para call."""
    return f"#para({', '.join(items)})"


def point_lines(node, out: list[str]) -> None:
    """Append a point (its heading run in or on its own line), its paragraphs and its sub-points."""
    style = HEADING_STYLES.get(node.level)
    head = quoted(node.marker + node.heading)
    head = head if style is None else f'("{style}", {head})'
    body = list(node.body)
    out.append(para([head] + (paragraph_runs(body.pop(0)) if node.run_in else [])))
    out.extend(para(paragraph_runs(p)) for p in body)
    for child in node.points:
        point_lines(child, out)


def typst_array(items) -> str:
    """Return a Typst array of strings."""
    return "(" + "".join(quoted(i) + ", " for i in items) + ")"


def typst_source(outline, titles, unit: str | None, date: str) -> str:
    """Return the compilation of ``outline`` as a Typst document over official.typ: the blocks the
    compilation has (cover, contents, speeches with their title lines, subtitle, unit, points)."""
    none = "none"
    out = ['#import "official.typ": *', "#show: official",
           f"#cover({typst_array(titles.collection)}, {quoted(unit) if unit else none}, {quoted(date)})",
           "#contents()", "#body-start()"]
    out.extend(para(paragraph_runs(p)) for p in outline.preface)
    for speech, lines in zip(outline.speeches, titles.speeches):
        out.append(f"#speech({typst_array(lines)}, "
                   f"{quoted(speech.subtitle.text) if speech.subtitle else none}, "
                   f"{quoted(speech.unit.text) if speech.unit else none})")
        out.extend(para(paragraph_runs(p)) for p in speech.intro)
        for node in speech.points:
            point_lines(node, out)
    return "\n".join(out) + "\n"


def measure_typst(bench, factor: int, first: bool) -> None:
    """Compile the factor's Typst source in a fresh process; the first time, note its pages and bytes."""
    folder = bench.work / "typst"
    pdf = folder / f"seed-{factor}x.pdf"
    done = run([bench.python, "-c", TYPST, folder / f"seed-{factor}x.typ", pdf, FONTS, EPOCH], folder, bench.env)
    bench.add(factor, "typst: process", done.wall)
    bench.add(factor, "cpu: Typst", done.cpu)
    bench.add(factor, "typst: compile", done.last_json()["compile"])
    if first:
        bench.info[(factor, "typst: pages")] = pdf_pages(pdf)
        bench.info[(factor, "typst: PDF bytes")] = pdf.stat().st_size
