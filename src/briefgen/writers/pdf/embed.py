"""Embedding a TrueType face in the PDF as one Type 0 (CID-keyed) font, subset to the glyphs drawn.

reportlab's own TrueType embedding splits a face into simple fonts of 256 characters: a page of
Chinese text then switches font every few characters, and each subset repeats the face's tables.
Here a face is one font whose codes are its glyph ids (Identity-H), so text is encoded with one
translation table per segment. The subset keeps glyph ids: unused glyphs are emptied, and a
glyph that two characters share (an alias such as U+2015 -> U+2014, or NBSP -> space) gets a copy
at the end, so every code maps back to exactly one character in the ToUnicode map.
"""

from __future__ import annotations

import hashlib
import struct
import sys
import zlib
from array import array

from reportlab.pdfbase.pdfdoc import (
    BasicFonts,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)

from briefgen.writers.pdf.fonts import PdfFont

FONT_DEFLATE_LEVEL = 3  # zlib level of font programs: half the time of the default (6) for 3 % more bytes
FF_SYMBOLIC = 1 << 2
_COPIED_TABLES = ("OS/2", "cvt ", "fpgm", "name", "prep")
_MORE_COMPONENTS, _WORD_ARGS, _SCALE, _XY_SCALE, _TWO_BY_TWO = 0x20, 0x01, 0x08, 0x40, 0x80


def pdf_num(value: float) -> str:
    """Return a number as PDF content writes it: at most 3 decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class _FontDeflate:
    """The FlateDecode filter, at the level chosen for font programs."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes) -> bytes:
        """Return ``data`` deflated."""
        return zlib.compress(data, FONT_DEFLATE_LEVEL)


class EmbeddedFont:
    """One face in one document: the codes of the characters drawn so far, and on save its objects."""

    def __init__(self, font: PdfFont, resource: str):
        self.font = font
        self.resource = "/" + resource
        self.ttf = font.ttf
        self.known: set[str] = set()
        self.cids: dict[int, int] = {}  # code point -> CID (= glyph id in the subset)
        self.claimed: dict[int, str] = {}  # glyph id -> the character its CID stands for
        self.copies: list[int] = []  # glyph ids copied to the end of the subset, in order
        self.chars: dict[int, str] = {}  # CID -> character (for ToUnicode)
        self.notdef = False  # CID 0 drawn (characters no face has, when that is allowed)

    def encode(self, text: str) -> bytes:
        """Return the two-byte codes (CIDs) that draw ``text``."""
        if not self.known.issuperset(text):
            self._learn(text)
        return text.translate(self.cids).encode("utf-16-be")

    def _learn(self, text: str) -> None:
        codes = self.font.codes
        for char in sorted(set(text) - self.known, key=text.index):
            glyph = codes.get(ord(char), 0)
            if glyph == 0:
                cid = 0  # .notdef: a character no face has, drawn blank when that is allowed
                self.notdef = True
            elif glyph not in self.claimed:
                cid = glyph
                self.claimed[glyph] = char
            else:
                cid = self.ttf.numGlyphs + len(self.copies)
                if cid > 0xFFFF:
                    raise ValueError(f"{self.ttf.filename}: too many glyphs for one PDF font")
                self.copies.append(glyph)
            self.cids[ord(char)] = cid
            if cid:
                self.chars[cid] = char
            self.known.add(char)

    # -- on save -------------------------------------------------------------------------------

    def add_to(self, doc) -> None:
        """Add the font's objects to the document and name it in the fonts every page uses."""
        ttf = self.ttf
        glyphs = sorted(self.chars)
        ps_name = bytes(ttf.name).decode("latin-1") + bytes(ttf.subfontNameX).decode("latin-1")
        digest = hashlib.md5((ps_name + repr(glyphs) + repr(self.copies)).encode("utf-8")).digest()
        base = "".join(chr(ord("A") + b % 26) for b in digest[:6]) + "+" + ps_name
        program = subset_program(ttf, {self._source(cid) for cid in glyphs}, self.copies)
        file_stream = PDFStream(PDFDictionary({"Length1": len(program)}), program, [_FontDeflate()])
        descriptor = PDFDictionary({
            "Type": PDFName("FontDescriptor"), "FontName": PDFName(base), "Flags": ttf.flags | FF_SYMBOLIC,
            "FontBBox": PDFArray([round(v) for v in ttf.bbox]), "ItalicAngle": ttf.italicAngle,
            "Ascent": round(ttf.ascent), "Descent": round(ttf.descent), "CapHeight": round(ttf.capHeight),
            "StemV": ttf.stemV, "FontFile2": doc.Reference(file_stream)})
        default_width, widths = self._widths(glyphs)
        cid_font = PDFDictionary({
            "Type": PDFName("Font"), "Subtype": PDFName("CIDFontType2"), "BaseFont": PDFName(base),
            "CIDSystemInfo": PDFDictionary({"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"),
                                            "Supplement": 0}),
            "FontDescriptor": doc.Reference(descriptor), "DW": default_width, "W": widths,
            "CIDToGIDMap": PDFName("Identity")})
        to_unicode = PDFStream(content=self._to_unicode(glyphs), filters=[PDFZCompress])
        font = PDFDictionary({
            "Type": PDFName("Font"), "Subtype": PDFName("Type0"), "BaseFont": PDFName(base),
            "Encoding": PDFName("Identity-H"), "DescendantFonts": PDFArray([doc.Reference(cid_font)]),
            "ToUnicode": doc.Reference(to_unicode)})
        doc.idToObject[BasicFonts].dict[self.resource[1:]] = doc.Reference(font)

    def _source(self, cid: int) -> int:
        """Return the glyph id of the face a CID draws."""
        return cid if cid < self.ttf.numGlyphs else self.copies[cid - self.ttf.numGlyphs]

    def _widths(self, cids: list[int]) -> tuple[float, bytes]:
        """Return the default width and the W array (only CIDs whose width differs from it)."""
        widths = {cid: self.ttf.charWidths.get(ord(self.chars[cid]), self.ttf.defaultWidth) for cid in cids}
        if self.notdef:
            widths[0] = self.ttf.defaultWidth  # glyph 0's own advance, as the layout was told
        counts: dict[float, int] = {}
        for width in widths.values():
            counts[width] = counts.get(width, 0) + 1
        default = max(sorted(counts), key=counts.get) if counts else 1000.0
        entries = [f"{cid} [{pdf_num(width)}]" for cid, width in sorted(widths.items()) if width != default]
        return default, ("[" + " ".join(entries) + "]").encode("ascii")

    def _to_unicode(self, cids: list[int]) -> bytes:
        """Return the ToUnicode CMap: each CID -> its character."""
        lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                 "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                 "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        for start in range(0, len(cids), 100):
            chunk = cids[start:start + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines.extend(f"<{cid:04X}> <{self.chars[cid].encode('utf-16-be').hex().upper()}>" for cid in chunk)
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return ("\n".join(lines) + "\n").encode("ascii")


def _glyph_data(ttf, glyf: int, glyph: int) -> bytes:
    start, end = ttf.glyphPos[glyph], ttf.glyphPos[glyph + 1]
    return ttf._ttf_data[glyf + start:glyf + end] if end > start else b""


def _components(data: bytes) -> list[int]:
    """Return the glyph ids a composite glyph is built from (none for a simple glyph)."""
    if len(data) < 10 or struct.unpack_from(">h", data, 0)[0] >= 0:
        return []
    found, where, flags = [], 10, _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS and where + 4 <= len(data):
        flags, glyph = struct.unpack_from(">HH", data, where)
        found.append(glyph)
        where += 4 + (4 if flags & _WORD_ARGS else 2)
        where += 2 if flags & _SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
    return found


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words = array("I")
    words.frombytes(padded)
    if sys.byteorder == "little":
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def _full_metrics(ttf) -> bytes:
    """Return the face's hmtx with an advance and side bearing for every glyph (computed once per face)."""
    found = getattr(ttf, "_briefgen_hmtx", None)
    if found is None:
        values = array("H", [value for pair in ttf.hmetrics for value in pair])
        if sys.byteorder == "little":
            values.byteswap()
        found = ttf._briefgen_hmtx = values.tobytes()
    return found


def subset_program(ttf, glyphs: set[int], copies: list[int]) -> bytes:
    """Return a TrueType font with the face's glyph ids, holding only ``glyphs`` (and their parts),
    plus ``copies`` of glyphs appended after the last one."""
    glyf = ttf.get_table_pos("glyf")[0]
    keep: set[int] = set()
    pending = [0, *glyphs, *copies]
    while pending:
        glyph = pending.pop()
        if glyph in keep or glyph >= ttf.numGlyphs:
            continue
        keep.add(glyph)
        pending.extend(_components(_glyph_data(ttf, glyf, glyph)))
    count = ttf.numGlyphs + len(copies)
    # Glyph ids stay: an unused glyph is empty (its loca offset repeats); work only on the kept ones.
    loca = array("I", bytes(4 * (count + 1)))
    pieces, position, done = [], 0, 0
    entries = [(glyph, glyph) for glyph in sorted(keep)]
    entries += [(ttf.numGlyphs + index, source) for index, source in enumerate(copies)]
    for glyph, source in entries:
        loca[done:glyph + 1] = array("I", [position]) * (glyph + 1 - done)
        data = _glyph_data(ttf, glyf, source)
        data += b"\0" * (-len(data) % 4)
        pieces.append(data)
        position += len(data)
        done = glyph + 1
    loca[done:] = array("I", [position]) * (count + 1 - done)
    extra = array("H", [value for source in copies for value in ttf.hmetrics[source]])
    if sys.byteorder == "little":
        loca.byteswap()
        extra.byteswap()
    metrics = _full_metrics(ttf) + extra.tobytes()
    head = bytearray(ttf.get_table("head"))
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    head[50:52] = struct.pack(">h", 1)  # long loca offsets
    hhea = bytearray(ttf.get_table("hhea"))
    hhea[34:36] = struct.pack(">H", count)
    maxp = bytearray(ttf.get_table("maxp"))
    maxp[4:6] = struct.pack(">H", count)
    post = ttf.get_table("post")
    tables = {b"head": bytes(head), b"hhea": bytes(hhea), b"maxp": bytes(maxp), b"loca": loca.tobytes(),
              b"glyf": b"".join(pieces), b"hmtx": metrics,
              b"post": b"\x00\x03\x00\x00" + post[4:16] + b"\0" * 16}
    for tag in _COPIED_TABLES:
        if tag in ttf.table:
            tables[tag.encode("latin-1")] = ttf.get_table(tag)
    return _assemble(tables)


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    """Return a TrueType file of ``tables``, with checksums and checkSumAdjustment."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    directory, body, sums, offset = [], [], [], 12 + 16 * count
    for tag in tags:
        data = tables[tag]
        sums.append(_checksum(data))
        directory.append(struct.pack(">4sIII", tag, sums[-1], offset, len(data)))
        body.append(data + b"\0" * (-len(data) % 4))
        offset += len(body[-1])
    head = b"".join(directory)
    # The file's checksum is the sum of its 32-bit words: the header's plus every (padded) table's.
    total = (_checksum(header + head) + sum(sums)) & 0xFFFFFFFF
    at = tags.index(b"head")
    body[at] = body[at][:8] + struct.pack(">I", (0xB1B0AFBA - total) & 0xFFFFFFFF) + body[at][12:]
    return header + head + b"".join(body)
