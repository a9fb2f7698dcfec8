""".doc and .wps through headless LibreOffice: a .doc made by LibreOffice in the test, imported; a missing,
hanging or failing LibreOffice gives one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

SOFFICE = os.environ.get("BRIEFGEN_SOFFICE") or "soffice"
TITLE = "深化干部教育培训"
TITLE_2 = "推动干部队伍建设高质量发展"
CLOSING = "以上发言，请批评指正。"
UNIT = "XX省委组织部干部教育处处长\u3000王芳"
BODY = [("typed", "一、突出政治训练。", "把政治训练作为干部教育培训的首要任务。"),
        ("auto0", "", "创新培训方式。推行案例教学、现场教学。"),
        ("auto1", "", "建好课程体系。开发精品课程一百门。"),
        ("auto1", "", "建强师资队伍。选聘兼职教师两百名。")]


def convert_docx_to_doc(source: Path, folder: Path) -> Path:
    """Convert a DOCX to a Word 97-2003 .doc with LibreOffice (a private profile, a timeout)."""
    soffice = shutil.which(SOFFICE)
    assert soffice, "LibreOffice (soffice) is needed by this test: apt-get install libreoffice-writer-nogui"
    profile = (folder / "lo-profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "doc",
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=240)
    converted = folder / (source.stem + ".doc")
    assert converted.is_file()
    return converted


@pytest.fixture()
def speech_doc(make, tmp_path) -> Path:
    """A .doc of a speech: title over two paragraphs, a speaker line, typed and automatic markers."""
    document = make.new_document()
    make.add_title(document, TITLE)
    make.add_title(document, TITLE_2)
    make.add_para(document, "")
    make.add_centred(document, UNIT)
    make.add_body(document, "今年以来，我们扎实推进干部教育培训工作。")
    num_id = make.add_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")], starts=[2, 1])
    for kind, heading, text in BODY:
        paragraph = make.add_heading(document, heading, text) if heading else make.add_body(document, text)
        if kind.startswith("auto"):
            make.number_para(paragraph, num_id, int(kind[-1]))
    make.add_table(document, [["班次", "人数"], ["初任培训", "120"]])
    make.add_body(document, CLOSING)  # Word ends a body with a paragraph, never a table
    source = tmp_path / "speech.docx"
    document.save(source)
    return convert_docx_to_doc(source, tmp_path)


def test_a_doc_made_by_libreoffice_imports_into_the_outline(speech_doc, tmp_path, run_cli, outline_of,
                                                             outline_views):
    proc = run_cli("import", speech_doc.name, "-o", "seed.txt", "--title", "干部教育培训工作交流发言")
    assert proc.returncode == 0, proc.stderr
    assert f"{speech_doc.name} (converted by LibreOffice): 1 speech" in proc.stdout
    assert "left out: 1 table" in proc.stdout
    (speech,) = outline_of(tmp_path / "seed.txt")["speeches"]
    assert speech["title"] == TITLE + TITLE_2
    assert speech["unit"]["text"] == UNIT
    assert outline_views.levels(speech["points"]) == [(1, "一、突出政治训练。"), (1, "二、创新培训方式。"),
                                                      (2, "（一）建好课程体系。"), (2, "（二）建强师资队伍。")]
    expected = (TITLE + TITLE_2 + UNIT + "今年以来，我们扎实推进干部教育培训工作。一、突出政治训练。把政治训练作为干部教育"
                "培训的首要任务。二、创新培训方式。推行案例教学、现场教学。（一）建好课程体系。开发精品课程一百门。（二）建强师"
                "资队伍。选聘兼职教师两百名。" + CLOSING)
    assert outline_views.text(speech) == "".join(expected.split())
    assert not list(tmp_path.glob("briefgen-import-*"))


def test_a_wps_file_in_word_format_is_converted_as_a_doc(speech_doc, tmp_path, run_cli, outline_of):
    wps = speech_doc.with_suffix(".wps")
    speech_doc.rename(wps)
    proc = run_cli("import", wps.name, "-o", "seed.txt")
    assert proc.returncode == 0, proc.stderr
    assert outline_of(tmp_path / "seed.txt")["speeches"][0]["title"] == TITLE + TITLE_2


def write_fake_soffice(folder: Path, script: str) -> Path:
    """Write an executable stand-in for soffice."""
    path = folder / "fake-soffice"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o755)
    return path


def write_legacy_file(folder: Path) -> Path:
    path = folder / "old.doc"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le") + b"\0" * 600)
    return path


def test_without_libreoffice_one_line_says_what_to_install(tmp_path, run_cli):
    write_legacy_file(tmp_path)
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    proc = run_cli("import", "old.doc", "-o", "seed.txt", env={"PATH": str(empty_path), "BRIEFGEN_SOFFICE": ""})
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("old.doc: error: reading .doc and .wps files needs LibreOffice")
    assert "apt-get install libreoffice-writer-nogui" in line
    assert not (tmp_path / "seed.txt").exists()


def test_a_hanging_libreoffice_is_killed_with_its_children_after_the_timeout(tmp_path, run_cli):
    write_legacy_file(tmp_path)
    child = tmp_path / "child.pid"
    fake = write_fake_soffice(tmp_path, f"sleep 300 &\necho $! > {child}\nsleep 300\n")
    started = time.monotonic()
    proc = run_cli("import", "old.doc", "-o", "seed.txt",
                   env={"BRIEFGEN_SOFFICE": str(fake), "BRIEFGEN_SOFFICE_TIMEOUT": "1"})
    assert time.monotonic() - started < 30
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("old.doc: error: LibreOffice did not finish converting the file in 1 s")
    pid = int(child.read_text())
    for _ in range(50):
        if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the child of the hanging LibreOffice is still running")
    assert not (tmp_path / "seed.txt").exists()


def test_a_libreoffice_that_writes_nothing_is_one_line(tmp_path, run_cli):
    write_legacy_file(tmp_path)
    fake = write_fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'\nexit 0\n")
    proc = run_cli("import", "old.doc", "-o", "seed.txt", env={"BRIEFGEN_SOFFICE": str(fake)})
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("old.doc: error: LibreOffice could not convert the file (Error: source file could not")
