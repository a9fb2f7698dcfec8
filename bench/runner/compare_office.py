"""pandoc + LibreOffice, the office route: Markdown from `briefgen outline --format md` to DOCX by pandoc
(briefgen's own DOCX as --reference-doc), then to PDF by `soffice --headless --convert-to pdf` with a
private profile made before timing and only the bundled fonts (a private fontconfig)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.sax.saxutils import escape

from runner.inputs import FONTS
from runner.processes import Done, Failed, pdf_pages, run


def write_fontconfig(folder: Path, fonts: dict[str, str]) -> Path:
    """Write a fontconfig holding only the bundled fonts, the style sheet's family names aliased to them
    (as tests/support/lo.py does), so LibreOffice sets the same faces briefgen embeds."""
    roles = json.loads((FONTS / "fonts.json").read_text(encoding="utf-8"))["roles"]
    matches = []
    for role, name in fonts.items():
        entry = roles.get(role)
        if entry is None:
            continue
        weight = ('<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
                  if entry.get("subfamily") == "Bold" else "")
        matches.append(f'<match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
                       f'<edit name="family" mode="assign" binding="strong"><string>{escape(entry["family"])}'
                       f"</string></edit>{weight}</match>")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fonts.conf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    f"<dir>{escape(str(FONTS))}</dir>\n<cachedir>{escape(str(folder / 'fc-cache'))}</cachedir>\n"
                    + "\n".join(matches) + "\n</fontconfig>\n", encoding="utf-8")
    return path


def write_markdown(bench, factor: int) -> None:
    """Write the factor's compilation seed as Markdown, pandoc's input."""
    office = bench.work / "office"
    office.mkdir(exist_ok=True)
    md = run([*bench.briefgen, "outline", "--format", "md", str(bench.seed("comp", factor))], bench.project,
             bench.env)
    (office / f"seed-{factor}x.md").write_text(md.stdout, encoding="utf-8")


def prepare_office(bench, fonts: dict[str, str]) -> None:
    """Take a compilation DOCX of the warm-up builds as the reference document, write the fontconfig,
    and create the LibreOffice profile with one untimed conversion."""
    office = bench.work / "office"
    factor = 1 if 1 in bench.factors else bench.factors[0]
    reference = next((bench.project / "out" / f"warm-comp-{factor}").glob("*.docx"))
    shutil.copy(reference, office / "reference.docx")
    bench.office_env = {**bench.env, "FONTCONFIG_FILE": str(write_fontconfig(office, fonts)),
                        "SAL_USE_VCLPLUGIN": "svp", "LC_ALL": "C.UTF-8"}
    print("  creating the LibreOffice profile ...", flush=True)
    office_route(bench, bench.factors[0], "warm-up")


def office_route(bench, factor: int, tag: str) -> tuple[Done, Done, Path]:
    """Run pandoc, then LibreOffice, on the factor's Markdown; return both processes and the PDF."""
    office = bench.work / "office"
    out = office / f"out-{tag}"
    out.mkdir(exist_ok=True)
    docx = out / f"seed-{factor}x.docx"
    pandoc = run([bench.pandoc, "-f", "markdown", "-t", "docx", "--reference-doc", office / "reference.docx",
                  "-o", docx, office / f"seed-{factor}x.md"], office, bench.env)
    soffice = run([bench.soffice, f"-env:UserInstallation={(office / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", out, docx], office, bench.office_env)
    pdf = out / f"seed-{factor}x.pdf"
    if not pdf.is_file():
        raise Failed(f"LibreOffice made no PDF: {soffice.stdout}\n{soffice.stderr}")
    return pandoc, soffice, pdf


def measure_office(bench, factor: int, tag: str, first: bool) -> None:
    """Time the office route once; the first time, note its pages and the bytes of its DOCX and PDF."""
    pandoc, soffice, pdf = office_route(bench, factor, tag)
    bench.add(factor, "office: pandoc", pandoc.wall)
    bench.add(factor, "office: LibreOffice", soffice.wall)
    bench.add(factor, "office: route", pandoc.wall + soffice.wall)
    bench.add(factor, "cpu: pandoc + LibreOffice", pandoc.cpu + soffice.cpu)
    if first:
        bench.info[(factor, "office: pages")] = pdf_pages(pdf)
        bench.info[(factor, "office: PDF bytes")] = pdf.stat().st_size
        bench.info[(factor, "office: DOCX bytes")] = pdf.with_suffix(".docx").stat().st_size
