"""Read a TrueType/OpenType file's character map and advance widths, without a font library.

The grid layout only needs advance widths of the half-width (Latin) face and the set of
characters a face covers; reading them directly keeps reportlab out of the DOCX build.
"""

from __future__ import annotations

import mmap
import struct
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from briefgen.i18n import _, ngettext


class FontFileError(ValueError):
    """A file that is not a readable TrueType or OpenType font."""


# The tables every TrueType face has; the PDF writer reads or embeds each of them.
TRUETYPE_TABLES = (b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post")


@dataclass(frozen=True)
class FaceMetrics:
    """Advance widths in em by code point, for one face, and the tags of its tables."""

    advances: Mapping[int, float]
    tables: frozenset[bytes] = frozenset()
    path: Path | None = None  # the file, for the outlines read on demand (glyph_top)
    glyphs: Mapping[int, int] = field(default_factory=dict)  # code point -> glyph id
    outline: tuple[int, int, bool, int] | None = None  # loca, glyf, long loca, units per em

    def missing_tables(self) -> list[str]:
        """Return the TrueType tables the face lacks (a PDF cannot embed it without them)."""
        return [tag.decode("latin-1").strip() for tag in TRUETYPE_TABLES if tag not in self.tables]

    def covers(self, char: str) -> bool:
        """Return True when the face has a glyph mapped for ``char``."""
        return ord(char) in self.advances

    def glyph_top(self, char: str) -> float | None:
        """Return how far the glyph of ``char`` rises above the baseline, in em (None without an outline)."""
        glyph = self.glyphs.get(ord(char))
        if self.path is None or self.outline is None or not glyph:
            return None
        return read_glyph_top(self.path, self.outline, glyph)

    def advance(self, char: str, default: float = 0.5) -> float:
        """Return the advance width of ``char`` in em, or ``default`` when the face lacks it."""
        return self.advances.get(ord(char), default)


def _tables(data: bytes, offset: int) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack_from(">H", data, offset + 4)[0]
    tables = {}
    for index in range(count):
        tag, _checksum, where, length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * index)
        tables[tag] = (where, length)
    return tables


class _LookedUp(Mapping):
    """A read-only mapping whose ``get`` does the work: an item is what ``get`` finds, else a KeyError."""

    def __getitem__(self, code: int):
        found = self.get(code)
        if found is None:
            raise KeyError(code)
        return found


class CharMap(_LookedUp):
    """A face's code point -> glyph id, looked up in the cmap's ranges when asked and remembered: a CJK
    face maps some 30,000 characters, a document asks for a thousand (building the whole map cost each
    build some 30 ms). Iterating it reads the whole map, for reports and tests."""

    def __init__(self, data, ranges: list[tuple[int, int, int, int]]):
        self._data = data
        self._ranges = ranges  # sorted (first, last, delta or start glyph, glyph array address or -1 for format 12)
        self._firsts = [r[0] for r in ranges]
        self._known: dict[int, int | None] = {}
        self._whole: dict[int, int] | None = None

    def _look_up(self, code: int) -> int | None:
        at = bisect_right(self._firsts, code) - 1
        if at < 0 or code > self._ranges[at][1]:
            return None
        first, _last, delta, address = self._ranges[at]
        if address == -1:  # format 12: consecutive glyphs from ``delta``
            return delta + code - first
        if address == 0:
            glyph = (code + delta) & 0xFFFF
        else:
            glyph = struct.unpack_from(">H", self._data, address + 2 * (code - first))[0]
            glyph = (glyph + delta) & 0xFFFF if glyph else 0
        return glyph or None

    def get(self, code: int, default=None):
        """Return the glyph of ``code``, or ``default`` when the face maps none."""
        try:
            glyph = self._known[code]
        except KeyError:
            glyph = self._known[code] = self._look_up(code)
        return default if glyph is None else glyph

    def __contains__(self, code) -> bool:
        return self.get(code) is not None

    def _expand(self) -> dict[int, int]:
        if self._whole is None:
            self._whole = {code: glyph for first, last, _delta, _address in self._ranges
                           for code in range(first, last + 1) if (glyph := self.get(code)) is not None}
        return self._whole

    def __iter__(self):
        return iter(self._expand())

    def __len__(self) -> int:
        return len(self._expand())


class Advances(_LookedUp):
    """A face's advance widths in em by code point, through its CharMap (a glyph past hmtx's long metrics
    takes the last advance)."""

    def __init__(self, glyphs: CharMap, widths: tuple[int, ...], units: int):
        self._glyphs, self._widths, self._units = glyphs, widths, units

    def get(self, code: int, default=None):
        """Return the advance of ``code`` in em, or ``default`` when the face maps no glyph for it."""
        glyph = self._glyphs.get(code)
        if glyph is None:
            return default
        return (self._widths[min(glyph, len(self._widths) - 1)] if self._widths else 0) / self._units

    def __contains__(self, code) -> bool:
        return code in self._glyphs

    def __iter__(self):
        return iter(self._glyphs)

    def __len__(self) -> int:
        return len(self._glyphs)


def _cmap(data, where: int) -> CharMap:
    count = struct.unpack_from(">H", data, where + 2)[0]
    best = None
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, where + 4 + 8 * index)
        fmt = struct.unpack_from(">H", data, where + offset)[0]
        rank = {(3, 10, 12): 0, (0, 4, 12): 0, (0, 6, 12): 0, (3, 1, 4): 1, (0, 3, 4): 1}.get(
            (platform, encoding, fmt), 9 if fmt in (4, 12) else None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, where + offset, fmt)
    if best is None:
        raise FontFileError(_("no Unicode character map"))
    _rank, start, fmt = best
    ranges = []
    if fmt == 12:
        groups = struct.unpack_from(">I", data, start + 12)[0]
        for first, last, glyph in struct.iter_unpack(">III", data[start + 16 : start + 16 + 12 * groups]):
            ranges.append((first, last, glyph, -1))
        return CharMap(data, sorted(ranges))
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_base = start + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_base)
    for seg in range(segments):
        first, last = starts[seg], min(ends[seg], 0xFFFE)
        if last < first:
            continue
        address = range_base + 2 * seg + offsets[seg] if offsets[seg] else 0
        if address and address + 2 * (last - first + 1) > len(data):  # checked now: a lookup never fails
            raise struct.error(f"glyph array of segment {seg} runs past the end of the file")
        ranges.append((first, last, deltas[seg], address))
    return CharMap(data, sorted(ranges))


@lru_cache(maxsize=16)
def map_font_file(path: Path) -> mmap.mmap | bytes:
    """Return a font file's bytes, mapped rather than read: a face is megabytes, of which a document
    touches the tables and the glyphs it uses (the pages the system has in memory cost no copy)."""
    with open(path, "rb") as handle:
        try:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # an empty file, or a file system that cannot map
            return handle.read()


@lru_cache(maxsize=16)
def read_metrics(path: Path, index: int = 0) -> FaceMetrics:
    """Return the advance widths (in em) of every mapped character of a font file's face."""
    try:
        data = map_font_file(Path(path))
        offset = 0
        if data[:4] == b"ttcf":
            count = struct.unpack_from(">I", data, 8)[0]
            if index >= count:
                raise FontFileError(ngettext("the collection has {count} face, not {wanted}",
                                             "the collection has {count} faces, not {wanted}", count).format(
                                                 count=count, wanted=index + 1))
            offset = struct.unpack_from(">I", data, 12 + 4 * index)[0]
        elif data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
            raise FontFileError(_("not a TrueType or OpenType font"))
        tables = _tables(data, offset)
        for tag in (b"head", b"hhea", b"hmtx", b"cmap"):
            if tag not in tables:
                raise FontFileError(_("no {table} table").format(table=tag.decode()))
        units = struct.unpack_from(">H", data, tables[b"head"][0] + 18)[0]
        if not 16 <= units <= 16384:
            raise FontFileError(_("damaged font file (unitsPerEm is {units}, not 16 to 16384)").format(units=units))
        metrics_count = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)[0]
        widths = struct.unpack_from(f">{2 * metrics_count}H", data, tables[b"hmtx"][0])[0::2]
        mapping = _cmap(data, tables[b"cmap"][0])
        outline = _outline_tables(data, tables, units)
    except (struct.error, IndexError) as error:
        raise FontFileError(_("damaged font file ({error})").format(error=error)) from None
    return FaceMetrics(Advances(mapping, widths, units), frozenset(tables), Path(path), mapping, outline)


def _outline_tables(data, tables: dict[bytes, tuple[int, int]], units: int) -> tuple[int, int, bool, int] | None:
    """Return where the glyph outlines lie: loca and glyf offsets, loca's format, units per em."""
    if b"glyf" not in tables or b"loca" not in tables:
        return None
    long_offsets = struct.unpack_from(">h", data, tables[b"head"][0] + 50)[0] == 1
    return tables[b"loca"][0], tables[b"glyf"][0], long_offsets, units


def read_glyph_top(path: Path, outline: tuple[int, int, bool, int], glyph: int) -> float | None:
    """Return the top of a glyph's outline above the baseline, in em (its glyf yMax), or None when empty."""
    loca, glyf, long_offsets, units = outline
    try:
        data = map_font_file(Path(path))
        if long_offsets:
            start, end = struct.unpack_from(">II", data, loca + 4 * glyph)
        else:
            start, end = (2 * v for v in struct.unpack_from(">HH", data, loca + 2 * glyph))
        if end - start < 10:
            return None
        return struct.unpack_from(">h", data, glyf + start + 8)[0] / units
    except (OSError, struct.error):
        return None
