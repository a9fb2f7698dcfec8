"""Read a seed file into text: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, or Big5."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ParseError as SeedError
from briefgen.i18n import _

# The size limit of a seed, in characters: what a build's memory grows with (the layout's
# lines, the briefs' words), whatever the encoding. A seed at the limit (163 times the bundled
# seed: 978 speeches, about 3,200 pages) builds with its briefs in 16 s and 251 MB (peak RSS),
# 337 MB when every character is a word of its own, under the 400 MB bound;
# bench/bench_limits.py measures it. (Memory also grows with pages: thousands of one-line
# speeches, a page each, take more than their characters suggest.)
MAX_SEED_CHARS = 1_500_000
# No encoding takes more than 4 bytes a character: a larger file is refused before it is read.
MAX_SEED_BYTES = 4 * MAX_SEED_CHARS
# Word and WPS documents are read by `briefgen import`, not as seeds: by name, or by content
# (a zip holding word/document.xml, or an OLE compound file: .doc, .wps, an encrypted .docx).
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".wpt")
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


@dataclass(frozen=True)
class DecodedSeed:
    """The text of a seed and the encoding it was read in."""

    text: str
    encoding: str


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")  # as the parser counts lines: CRLF, CR or LF


def _line_of(data: bytes, offset: int) -> int:
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def _line_start(data: bytes, offset: int) -> int:
    return max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset)) + 1


def _first_utf8_hanzi_line(data: bytes, offset: int) -> int | None:
    """Return the number of the first line from ``offset`` on that is UTF-8 text holding hanzi, or None."""
    number = _line_of(data, offset)
    for piece in _LINE_BREAK.split(data[_line_start(data, offset):]):
        if max(piece, default=0) >= 0x80:
            try:
                if _has_utf8_hanzi(piece, strict=True):
                    return number
            except UnicodeDecodeError:
                pass
        number += 1
    return None


def _looks_binary(data: bytes) -> int | None:
    """Return the offset of the first NUL byte, a sign of binary data, or None."""
    index = data.find(b"\x00")
    return None if index < 0 else index


def _share(text: str, fits) -> float:
    """Return the share of the text's hanzi (1.0 when it has none) for which ``fits`` holds."""
    hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(1 for c in hanzi if fits(c)) / len(hanzi) if hanzi else 1.0


def _is_common(char: str) -> bool:
    """Return True for GB2312 level-1 characters (the 3,755 most common hanzi)."""
    try:
        return 0xB0 <= char.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def _in_big5(char: str) -> bool:
    """Return True for characters Big5 can encode (every hanzi of a decoded Big5 text)."""
    try:
        char.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


def decode_seed(data: bytes, path: str) -> DecodedSeed:
    """Return the text of a seed's bytes, or raise SeedError naming where it cannot be read or
    saying that it is over the size limit."""
    if len(data) > MAX_SEED_BYTES:
        raise _too_large(path, len(data))
    decoded = _decode(data, path)
    if len(decoded.text) > MAX_SEED_CHARS:
        raise SeedError(path, 1, _("the seed holds {count:,} characters; seeds over {limit:,} characters are "
                                   "refused (a build would need too much memory): split the compilation into "
                                   "several seeds").format(count=len(decoded.text), limit=MAX_SEED_CHARS))
    return decoded


def _decode(data: bytes, path: str) -> DecodedSeed:
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom) and not (name == "utf-16" and data.startswith(codecs.BOM_UTF32_LE)):
            try:
                return DecodedSeed(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise SeedError(path, 1, _("the file starts with a {encoding} byte order mark but is not valid "
                                           "{encoding}: {reason}").format(encoding=name.upper(),
                                                                           reason=exc.reason)) from None
    nul = _looks_binary(data)
    if nul is not None:
        raise SeedError(path, _line_of(data, nul), _("binary data (a NUL byte): a seed must be plain text "
                                                     "(UTF-16 text needs its byte order mark)"))
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return DecodedSeed(body.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Not UTF-8. Mixed encodings are refused: if a part of the file is valid UTF-8 with
    # non-ASCII text, the rest is not GB18030 text of the same document.
    bad_line = _line_of(body, utf8_error.start)
    if utf8_error.end == len(body) and utf8_error.reason == "unexpected end of data":
        raise SeedError(path, bad_line, _("the file ends inside a character: it was cut off (is it complete?)"))
    if _has_utf8_hanzi(body[: _line_start(body, utf8_error.start)]):
        raise SeedError(path, bad_line, _("mixed encodings: the lines before this one are UTF-8, "
                                          "this one is not; save the file as UTF-8"))
    later = _first_utf8_hanzi_line(body, utf8_error.start)
    if later is not None:
        raise SeedError(path, later, _("mixed encodings: this line is UTF-8, but line {line} before it "
                                       "is not; save the file as UTF-8").format(line=bad_line))
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            candidates.append((name, body.decode(name)))
        except UnicodeDecodeError:
            continue
    for name, text in candidates:
        if name == "gb18030" and _share(text, _is_common) >= 0.8:
            return DecodedSeed(text, name)
        if name == "big5" and _share(text, _in_big5) >= 0.99:
            return DecodedSeed(text, name)
    raise SeedError(path, bad_line, _("cannot decode the text: it is not UTF-8, UTF-16, GB18030 or Big5 "
                                      "(byte 0x{byte:02x})").format(byte=body[utf8_error.start]))


def _has_utf8_hanzi(prefix: bytes, strict: bool = False) -> bool:
    """Return True when ``prefix`` holds UTF-8 encoded CJK text (three-byte sequences).

    Strict: the whole of ``prefix`` must be UTF-8 (else UnicodeDecodeError)."""
    text = prefix.decode("utf-8", errors="strict" if strict else "ignore")
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _too_large(path: str, size: int) -> SeedError:
    return SeedError(path, 1, _("the file is {size:.1f} MB; seeds over {limit:.0f} MB ({characters:,} characters) "
                                "are refused (a build would need too much memory): split the compilation into "
                                "several seeds").format(size=size / 1e6, limit=MAX_SEED_BYTES / 1e6,
                                                        characters=MAX_SEED_CHARS))


def refuse_word_file(path: Path, data: bytes, shown: str) -> None:
    """Raise SeedError when ``data`` is a Word or WPS document rather than seed text."""
    zipped_word = data.startswith(b"PK\x03\x04") and b"word/document.xml" in data
    if Path(path).suffix.lower() in WORD_SUFFIXES or zipped_word or data.startswith(OLE_MAGIC):
        raise SeedError(shown, None, _("a Word document, not a seed (plain text): make a seed of it with "
                                       "`briefgen import {file} -o seeds/{name}.txt`, then build that").format(
                                           file=shown, name=Path(path).stem))


def read_seed(path: Path, shown: str | None = None) -> DecodedSeed:
    """Read and decode a seed file, raising SeedError (naming ``shown``) for anything a user can fix."""
    name = shown or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_SEED_BYTES:
            raise _too_large(name, size)
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise SeedError(name, 1, _("is a folder, not a seed file")) from None
    except FileNotFoundError:
        raise SeedError(name, 1, _("no such file")) from None
    except OSError as exc:
        raise SeedError(name, 1, _("cannot read the file: {reason}").format(reason=exc.strerror)) from None
    refuse_word_file(Path(path), data, name)
    return decode_seed(data, name)
