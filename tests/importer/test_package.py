"""Bad files: one line `file: error: ...`, exit status 2, nothing written."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from briefgen.importer.package import ImportFault, detect_kind, open_docx

OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def write_not_a_zip(folder: Path, make) -> Path:
    path = folder / "random.docx"
    path.write_bytes(os.urandom(3000).replace(b"PK", b"pk").replace(OLE[:2], b"xx"))
    return path


def write_zip_without_document(folder: Path, make) -> Path:
    path = folder / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "不是文档")
    return path


def write_excel_workbook(folder: Path, make) -> Path:
    path = folder / "table.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def write_encrypted(folder: Path, make) -> Path:
    """An OLE compound file with an EncryptedPackage stream, as Word saves a .docx with a password."""
    path = folder / "secret.docx"
    directory_entry = ("EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + b"\x22\x00\x02").ljust(128, b"\0")
    path.write_bytes(OLE + b"\x3e\x00\x03\x00\xfe\xff" + b"\0" * 498 + directory_entry + os.urandom(2000))
    return path


def write_empty_document(folder: Path, make) -> Path:
    path = folder / "empty.docx"
    document = make.new_document()
    make.add_para(document, "")
    make.add_para(document, "   ")
    document.save(path)
    return path


def write_zero_bytes(folder: Path, make) -> Path:
    path = folder / "nothing.docx"
    path.write_bytes(b"")
    return path


def write_truncated(folder: Path, make) -> Path:
    path = folder / "cut.docx"
    document = make.new_document()
    make.add_title(document, "一篇被截断的发言")
    make.add_body(document, "正文。" * 200)
    document.save(path)
    path.write_bytes(path.read_bytes()[:2000])
    return path


def write_strict_open_xml(folder: Path, make) -> Path:
    path = folder / "strict.docx"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", f'<Types><Override PartName="/word/document.xml" '
                         f'ContentType="{main}"/></Types>')
        archive.writestr("word/document.xml", '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/'
                         'main"><w:body/></w:document>')
    return path


BAD_FILES = {
    write_not_a_zip: "not a Word document",
    write_zip_without_document: "a zip file but not a Word document",
    write_excel_workbook: "an Excel workbook, not a Word document",
    write_encrypted: "the document is encrypted",
    write_empty_document: "the document holds no text",
    write_zero_bytes: "the file is empty",
    write_truncated: "damaged zip package",
    write_strict_open_xml: "Strict Open XML",
}


@pytest.mark.parametrize("maker", list(BAD_FILES), ids=lambda f: f.__name__)
def test_a_bad_file_gives_one_line_exit_2_and_writes_nothing(maker, make, tmp_path, run_cli):
    path = maker(tmp_path, make)
    proc = run_cli("import", path.name, "-o", "seed.txt", "--title", "发言汇编")
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"{path.name}: error: ") and BAD_FILES[maker] in line, line
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache") == [path.name] + (
        ["picture.png"] if (tmp_path / "picture.png").exists() else [])


def test_a_bad_file_among_good_ones_writes_nothing(make, tmp_path, run_cli):
    good = tmp_path / "good.docx"
    document = make.new_document()
    make.add_title(document, "一篇好的发言")
    make.add_body(document, "正文。")
    document.save(good)
    bad = write_encrypted(tmp_path, make)
    proc = run_cli("import", good.name, bad.name, "-o", "seed.txt")
    assert proc.returncode == 2 and proc.stderr.startswith("secret.docx: error: ")
    assert not (tmp_path / "seed.txt").exists()


def test_a_missing_file_and_a_folder(tmp_path, run_cli):
    (tmp_path / "folder.docx").mkdir()
    for name, message in (("absent.docx", "no such file"), ("folder.docx", "is a folder")):
        proc = run_cli("import", name, "-o", "seed.txt")
        assert proc.returncode == 2 and proc.stderr.strip().startswith(f"{name}: error: {message}")


def test_a_table_only_document_says_where_its_text_is(make, tmp_path):
    path = tmp_path / "table.docx"
    document = make.new_document()
    make.add_table(document, [["只有", "表格"]])
    document.save(path)
    with pytest.raises(ImportFault, match="holds no text outside its table"):
        from briefgen.importer.command import read_file

        read_file(path, tmp_path)


def test_only_a_directory_entry_named_encrypted_package_means_encrypted(tmp_path):
    text = tmp_path / "mentions.doc"  # the word in a document's text is no directory entry
    text.write_bytes(OLE + b"\0" * 600 + b"xx" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 200)
    assert detect_kind(text) == "legacy"


def test_file_kinds(make, tmp_path):
    path = tmp_path / "ok.docx"
    make.new_document().save(path)
    assert detect_kind(path) == "docx"
    (tmp_path / "old.doc").write_bytes(OLE + b"\0" * 600)
    assert detect_kind(tmp_path / "old.doc") == "legacy"
    (tmp_path / "old.rtf").write_bytes(b"{\\rtf1\\ansi hello}")
    assert detect_kind(tmp_path / "old.rtf") == "legacy"
    assert open_docx(path).element.body is not None


def test_the_error_names_the_file_as_given(tmp_path):
    fault = ImportFault(tmp_path / "x.docx", "not a Word document")
    assert str(fault) == f"{tmp_path / 'x.docx'}: error: not a Word document"
    assert fault.line is None


def test_a_macro_enabled_document_is_read_like_a_docx(make, tmp_path, run_cli):
    plain = tmp_path / "plain.docx"
    document = make.new_document()
    make.add_title(document, "启用宏的文档")
    make.add_body(document, "正文照常读取。")
    document.save(plain)
    docm = tmp_path / "macros.docm"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(docm, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            target.writestr(item, data)
    proc = run_cli("import", docm.name, "-o", "seed.txt")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "seed.txt").read_text(encoding="utf-8").endswith("启用宏的文档\n正文照常读取。\n")
