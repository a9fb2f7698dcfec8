"""Tell what kind of file an input is, and open a DOCX; whole-file problems raise ImportFault."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.i18n import _

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK"  # a local file header (PK\3\4), or the end record of an empty zip
RTF_MAGIC = b"{\\rtf"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ENCRYPTED_NAME_LENGTH = (len(ENCRYPTED_STREAM) + 2).to_bytes(2, "little")
MAIN_TYPES = ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
              "ms-word.document.macroEnabled.main+xml", "ms-word.template.macroEnabledTemplate.main+xml")
MAIN_CONTENT_TYPES = ("application/vnd.openxmlformats-officedocument." + MAIN_TYPES[0],
                      "application/vnd.openxmlformats-officedocument." + MAIN_TYPES[1],
                      "application/vnd." + MAIN_TYPES[2], "application/vnd." + MAIN_TYPES[3])
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
OTHER_OFFICE = ("spreadsheetml", "presentationml", "opendocument.text")  # in [Content_Types].xml: not Word
OFFICE_DOCUMENT = "/officeDocument"
# The body of the largest speech collection is a few MB of XML; beyond this the file is not one.
MAX_BODY_BYTES = 200_000_000


class ImportFault(BriefgenError):
    """A Word file that cannot be imported; the whole file is at fault (no line)."""

    def __init__(self, path: str | Path, message: str):
        super().__init__(str(path), None, message)


def read_head(path: Path) -> bytes:
    """Return the first 8 bytes of ``path``, raising ImportFault for a missing, empty or unreadable file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ImportFault(path, _("no such file")) from None
    except IsADirectoryError:
        raise ImportFault(path, _("is a folder, not a Word file")) from None
    except OSError as exc:
        raise ImportFault(path, _("cannot read the file: {reason}").format(reason=exc.strerror)) from None
    if not head:
        raise ImportFault(path, _("the file is empty (0 bytes): export the speech again from Word or WPS"))
    return head


def holds_encrypted_package(data: bytes) -> bool:
    """Return True when an OLE compound file's directory names an EncryptedPackage stream (a locked .docx)."""
    start = data.find(ENCRYPTED_STREAM)
    while start >= 0:
        # A directory entry is 128 bytes, 128-aligned: the UTF-16 name (64 bytes), then its length with the NUL.
        if start % 128 == 0 and data[start + 64:start + 66] == ENCRYPTED_NAME_LENGTH:
            return True
        start = data.find(ENCRYPTED_STREAM, start + 1)
    return False


def detect_kind(path: Path) -> str:
    """Return "docx" for a zipped Word document, "legacy" for a .doc/.wps/.rtf to convert, or raise."""
    head = read_head(path)
    if head.startswith(ZIP_MAGIC):
        return "docx"
    if head.startswith(OLE_MAGIC):
        if holds_encrypted_package(Path(path).read_bytes()):
            raise ImportFault(path, _("the document is encrypted (it has a password to open): remove the password "
                                      "in Word (File > Info > Protect Document) or WPS, save it, and import it "
                                      "again"))
        return "legacy"
    if head.startswith(RTF_MAGIC):
        return "legacy"
    raise ImportFault(path, _("not a Word document (neither a .docx zip package nor a .doc/.wps file): open it in "
                              "Word or WPS and save it as .docx"))


def name_other_office(marker: str) -> str:
    """Return what an Office file whose content types hold ``marker`` (one of OTHER_OFFICE) is."""
    names = {"spreadsheetml": _("an Excel workbook"), "presentationml": _("a PowerPoint presentation"),
             "opendocument.text": _("an OpenDocument text (.odt)")}
    return names[marker]


def find_main_part(path: Path, archive: zipfile.ZipFile) -> str:
    """Return the zip member holding the document body, raising ImportFault when there is none."""
    names = set(archive.namelist())
    target = "word/document.xml"
    if "_rels/.rels" in names:
        rels = archive.read("_rels/.rels").decode("utf-8", "replace")
        for tag in re.findall(r"<Relationship\b[^>]*>", rels):
            found = re.search(r'Target="([^"]+)"', tag)
            if OFFICE_DOCUMENT in tag and found:
                target = posixpath.normpath(found.group(1).lstrip("/"))
    types = archive.read("[Content_Types].xml").decode("utf-8", "replace") if "[Content_Types].xml" in names else ""
    for marker in OTHER_OFFICE:
        if marker in types and not any(t in types for t in MAIN_TYPES):
            raise ImportFault(path, _("{kind}, not a Word document: save the speech from Word or WPS as .docx").format(
                kind=name_other_office(marker)))
    if target not in names or not any(t in types for t in MAIN_TYPES):
        raise ImportFault(path, _("a zip file but not a Word document (it holds no word/document.xml): "
                                  "save the speech from Word or WPS as .docx"))
    if archive.getinfo(target).file_size > MAX_BODY_BYTES:
        raise ImportFault(path, _("the document body is over {size} MB of XML, too large for a speech: split "
                                  "it").format(size=MAX_BODY_BYTES // 1_000_000))
    with archive.open(target) as body:
        if STRICT_NAMESPACE in body.read(4096):
            raise ImportFault(path, _("saved as Strict Open XML, which briefgen cannot read: save it in Word as "
                                      "Word Document (.docx)"))
    return target


def check_package(path: Path) -> None:
    """Raise ImportFault unless ``path`` is a readable zip holding a Word document body."""
    try:
        with zipfile.ZipFile(path) as archive:
            find_main_part(path, archive)
    except zipfile.BadZipFile as exc:
        raise ImportFault(path, _("a damaged zip package ({reason}): open it in Word or WPS and save it as .docx "
                                  "again").format(reason=exc)) from None
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise ImportFault(path, _("cannot read the zip package ({reason}): open it in Word or WPS and save it as "
                                  ".docx again").format(reason=exc)) from None


def load_document(path: Path):
    """Return the python-docx Document of a package whose main part is any of the Word document types."""
    # docx.Document() refuses macro-enabled documents (.docm) and templates (.dotx); their body reads the same.
    from docx.opc.part import (
        PartFactory,  # python-docx: only `briefgen import` loads it
    )
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in MAIN_CONTENT_TYPES:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    return Package.open(str(path)).main_document_part.document


def open_docx(path: Path, shown: str | Path | None = None):
    """Return the python-docx Document of ``path`` (checked first), naming ``shown`` in errors."""
    shown = shown or path
    try:
        check_package(path)
    except ImportFault as fault:
        raise ImportFault(shown, fault.message) from None
    try:
        return load_document(path)
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken package
        raise ImportFault(shown, _("cannot read the Word document ({kind}: {reason}): open it in Word or WPS and "
                                   "save it as .docx again").format(kind=type(exc).__name__, reason=exc)) from None
