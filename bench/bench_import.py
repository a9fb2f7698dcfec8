"""Import time of Word files: six DOCX speeches (about three pages each, with headings) in one
`briefgen import`, one of them alone, and one .doc through LibreOffice; each a whole fresh process.

The speeches are the bundled seed's six (three pages each in the compilation), half of them with
typed markers in 黑体 runs, half with automatic numbering (chineseCounting 一、); the .doc is made
from one of them by LibreOffice before timing (not timed). The seed written is checked to hold
the six speeches.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEED, median, print_table, run_command  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COPIES = 1  # each speech's points this many times over (1: the seed's three pages)
CHINESE = "一二三四五六七八九十"


def read_speeches() -> list[tuple[str, list[str]]]:
    """Return the seed's speeches as (title, body lines with their markers stripped of 一、)."""
    from briefgen.outline.parse import parse_text

    outline = parse_text(SEED.read_text(encoding="utf-8"))
    lines = SEED.read_text(encoding="utf-8").splitlines()
    found = []
    for number, speech in enumerate(outline.speeches):
        end = outline.speeches[number + 1].line - 1 if number + 1 < len(outline.speeches) else len(lines)
        body = [line.replace("##paidbegin##", "").replace("##paidend##", "") for line in lines[speech.line:end]]
        found.append((speech.title, [line for line in body if line.strip()]))
    return found


def add_numbering(document) -> int:
    """Add a two-level chineseCounting list (一、 （一）) to a document; return its numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                     f'<w:lvlText w:val="{text}"/></w:lvl>' for i, text in enumerate(("%1、", "（%2）")))
    numbering.insert(0, parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def write_speech(path: Path, title: str, body: list[str], automatic: bool) -> None:
    """Write one speech as a unit would: centred large title, speaker line, headings in 黑体 runs."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(16)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(title).font.size = Pt(22)
    document.add_paragraph()
    document.add_paragraph("XX市委组织部副部长\u3000李明").alignment = WD_ALIGN_PARAGRAPH.CENTER
    num_id = add_numbering(document) if automatic else None
    intro, points = body[0], body[1:]
    document.add_paragraph(intro)
    ordinal = 0
    for _ in range(COPIES):
        for line in points:
            ordinal += 1
            text = line.split("、", 1)[1] if "、" in line[:4] else line
            head, _, rest = text.partition("。")
            paragraph = document.add_paragraph()
            marker = "" if automatic else f"{CHINESE[(ordinal - 1) % 10] if ordinal <= 10 else ordinal}、"
            paragraph.add_run(marker + head + "。").font.name = "黑体"
            paragraph.add_run(rest)
            if automatic:
                paragraph._p.get_or_add_pPr().insert(0, parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(path)


def make_doc(source: Path, folder: Path) -> Path:
    """Convert a DOCX to .doc with LibreOffice (setup, not timed)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("bench_import needs LibreOffice (soffice) for the .doc case")
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(folder), str(source)], check=True, capture_output=True,
                   timeout=240)
    return folder / (source.stem + ".doc")


def time_import(folder: Path, files: list[Path], runs: int) -> float:
    """Return the median wall time of `briefgen import FILES -o seed.txt --force` in fresh processes."""
    args = [sys.executable, "-m", "briefgen", "import", *map(str, files), "-o", str(folder / "seed.txt"),
            "--force", "--title", "公务员工作座谈会发言汇编"]
    return median([run_command(args, cwd=folder)[0] for _ in range(runs)])


def check_seed(seed: Path, speeches: int) -> int:
    """Return the characters of the seed written, after checking that it holds ``speeches`` speeches."""
    from briefgen.outline.parse import parse_text

    text = seed.read_text(encoding="utf-8")
    found = parse_text(text).speeches
    assert len(found) == speeches, f"the seed holds {len(found)} speeches, not {speeches}"
    return len("".join(text.split()))


def main() -> None:
    """Make the files, time the imports, print the table."""
    with tempfile.TemporaryDirectory(prefix="bench-import-") as temp:
        folder = Path(temp)
        files = []
        for number, (title, body) in enumerate(read_speeches(), 1):
            path = folder / f"speech-{number}.docx"
            write_speech(path, title, body, automatic=number % 2 == 0)
            files.append(path)
        doc = make_doc(files[0], folder)
        six = time_import(folder, files, 5)
        characters = check_seed(folder / "seed.txt", len(files))
        one = time_import(folder, files[:1], 5)
        legacy = time_import(folder, [doc], 3)
        sizes = sum(p.stat().st_size for p in files)
        print_table("briefgen import (whole process, median of fresh runs)", ["input", "runs", "seconds"], [
            [f"six DOCX speeches ({sizes // 1024} KB, {characters:,} characters in the seed)", 5, six],
            ["one DOCX speech", 5, one],
            ["one .doc through LibreOffice (conversion included)", 3, legacy],
        ])


if __name__ == "__main__":
    main()
