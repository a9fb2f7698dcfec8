"""The PDF writer's fonts: each role's TrueType face loaded once per process, and which face draws
which character (the role's face, else the fallback), with the advance it really has.

Faces are read with reportlab's TrueType reader for the header figures, but their character
map, advances and glyph offsets are read in bulk here: reportlab reads them number by number,
50 ms for each 5 MB CJK face, against a few ms.
"""

from __future__ import annotations

import hashlib
import struct
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from briefgen.fonts.coverage import FALLBACK, GLYPH_ALIASES, drawing_role
from briefgen.fonts.faces import FontFace
from briefgen.layout.metrics import map_font_file

EM_TOLERANCE = 1e-4  # advances closer than this (in em) to what the layout assumed count as equal
def _ushorts(data: bytes, where: int, count: int, kind: str = "H") -> array:
    """Return ``count`` big-endian 16-bit (H/h) or 32-bit (I) numbers from ``data`` at ``where``."""
    values = array(kind)
    values.frombytes(data[where:where + values.itemsize * count])
    if sys.byteorder == "little":
        values.byteswap()
    return values


class _CharMap:
    """A face's Unicode character map, looked up per character (binary search over its segments)
    rather than read whole: a document uses a thousand of a CJK face's 7,500 characters."""

    # (platform, encoding, format) by preference, as fontmetrics ranks them
    RANKS = {(3, 10, 12): 0, (0, 4, 12): 0, (0, 6, 12): 0, (3, 1, 4): 1, (0, 3, 4): 1}

    def __init__(self, data: bytes, where: int):
        count = struct.unpack_from(">H", data, where + 2)[0]
        best = None
        for index in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, where + 4 + 8 * index)
            fmt = struct.unpack_from(">H", data, where + offset)[0]
            rank = self.RANKS.get((platform, encoding, fmt), 9 if fmt in (4, 12) else None)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, where + offset, fmt)
        if best is None:
            raise ValueError("no Unicode character map")
        _, start, self.format = best
        self.data = data
        self.extra: dict[int, int] = {}  # code -> glyph set by hand (aliases)
        self.found: dict[int, int | None] = {}  # code -> glyph (None: none), as looked up so far
        if self.format == 12:
            groups = struct.unpack_from(">I", data, start + 12)[0]
            values = array("I")
            values.frombytes(data[start + 16:start + 16 + 12 * groups])
            if sys.byteorder == "little":
                values.byteswap()
            self.starts, self.ends, self.glyphs = values[0::3], values[1::3], values[2::3]
        else:
            segments = struct.unpack_from(">H", data, start + 6)[0] // 2
            self.ends = _ushorts(data, start + 14, segments)
            self.starts = _ushorts(data, start + 16 + 2 * segments, segments)
            self.deltas = _ushorts(data, start + 16 + 4 * segments, segments, "h")
            self.range_base = start + 16 + 6 * segments
            self.offsets = _ushorts(data, self.range_base, segments)

    def get(self, code: int, default=None):
        """Return the glyph id of a code point, or ``default`` when the face has no glyph for it."""
        found = self.found.get(code, -1)
        if found == -1:
            found = self.found[code] = self.extra.get(code) or self._look_up(code)
        return default if found is None else found

    def _look_up(self, code: int) -> int | None:
        segment = bisect_left(self.ends, code)
        if segment >= len(self.ends) or self.starts[segment] > code:
            return None
        if self.format == 12:
            glyph = self.glyphs[segment] + code - self.starts[segment]
        elif self.offsets[segment] == 0:
            glyph = (code + self.deltas[segment]) & 0xFFFF
        else:
            address = self.range_base + 2 * segment + self.offsets[segment] + 2 * (code - self.starts[segment])
            glyph = struct.unpack_from(">H", self.data, address)[0] if address + 2 <= len(self.data) else 0
            glyph = (glyph + self.deltas[segment]) & 0xFFFF if glyph else 0
        return glyph if glyph else None

    def __contains__(self, code: int) -> bool:
        return self.get(code) is not None

    def __getitem__(self, code: int) -> int:
        found = self.get(code)
        if found is None:
            raise KeyError(code)
        return found

    def __setitem__(self, code: int, glyph: int) -> None:
        self.extra[code] = glyph
        self.found.pop(code, None)


class _Widths:
    """Advance widths by code point in reportlab's units (1/1000 em), from the character map and hmtx."""

    def __init__(self, cmap: _CharMap, advances: list[float]):
        self.cmap = cmap
        self.advances = advances

    def get(self, code: int, default=None):
        """Return the advance of a code point, or ``default`` when the face has no glyph for it."""
        glyph = self.cmap.get(code)
        if glyph is None:
            return default
        return self.advances[min(glyph, len(self.advances) - 1)]

    def __getitem__(self, code: int) -> float:
        found = self.get(code)
        if found is None:
            raise KeyError(code)
        return found


class _Face(TTFontFace):
    """reportlab's TrueType face, with the per-glyph tables read in bulk, and the character map read
    lazily, rather than number by number (50 ms for a 5 MB CJK face through reportlab's reader)."""

    def readFile(self, f):  # noqa: N802 - reportlab's name
        """Map the font file rather than read it (a document touches a small part of a CJK face)."""
        if isinstance(f, str) and not hasattr(self, "_ttf_data"):
            self.filename, self._ttf_data = f, map_font_file(Path(f))
        super().readFile(f)

    def extractInfo(self, charInfo=1):  # noqa: N802, N803 - reportlab's names
        """Read the font's header figures through reportlab, then its hmtx and loca in bulk."""
        super().extractInfo(0)
        if not charInfo:
            return
        data = self._ttf_data
        head = self.get_table_pos("head")[0]
        long_offsets = struct.unpack_from(">h", data, head + 50)[0] == 1
        metrics_count = struct.unpack_from(">H", data, self.get_table_pos("hhea")[0] + 34)[0]
        glyphs = self.numGlyphs
        hmtx = self.get_table_pos("hmtx")[0]
        pairs = _ushorts(data, hmtx, 2 * metrics_count)
        advances = list(pairs[0::2])
        lsbs = list(pairs[1::2]) + list(_ushorts(data, hmtx + 4 * metrics_count, max(glyphs - metrics_count, 0)))
        advances += [advances[-1]] * (len(lsbs) - len(advances))
        self.hmetrics = list(zip(advances, lsbs))
        scale = 1000.0 / self.unitsPerEm
        self.defaultWidth = advances[0] * scale
        loca = _ushorts(data, self.get_table_pos("loca")[0], glyphs + 1, "I" if long_offsets else "H")
        self.glyphPos = list(loca) if long_offsets else [offset << 1 for offset in loca]
        self.charToGlyph = _CharMap(data, self.get_table_pos("cmap")[0])
        self.charWidths = _Widths(self.charToGlyph, [advance * scale for advance in advances])
        for one, other in ((0x20, 0xA0), (0xA0, 0x20)):
            if one in self.charToGlyph and other not in self.charToGlyph:
                self.charToGlyph[other] = self.charToGlyph[one]


class _Font(TTFont):
    """A reportlab TrueType font over a face read by _Face. It is registered so that the canvas's
    initial font is an embeddable face, never Helvetica; text is drawn through pdf_embed, not by it."""

    def __init__(self, name: str, face: _Face):  # noqa: D107 - TTFont.__init__ without re-reading the face
        from weakref import WeakKeyDictionary

        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = False


class PdfFont:
    """A TrueType face registered with reportlab under a name of its own."""

    def __init__(self, name: str, face: FontFace):
        self.name = name
        ttf = _Face(str(face.path), subfontIndex=face.index)
        for alias, target in GLYPH_ALIASES.items():
            code, target_code = ord(alias), ord(target)
            if code not in ttf.charToGlyph and target_code in ttf.charToGlyph:
                # Draw the alias with the target's glyph; the PDF's text keeps the alias character.
                ttf.charToGlyph[code] = ttf.charToGlyph[target_code]
        self.ttf = ttf
        self.codes = ttf.charToGlyph
        self.font = _Font(name, ttf)
        pdfmetrics.registerFont(self.font)

    def covers(self, char: str) -> bool:
        """Return True when the face has a glyph for ``char`` (aliases included)."""
        return ord(char) in self.codes

    def advance(self, char: str) -> float:
        """Return the advance of ``char`` in em (the .notdef advance when the face lacks it)."""
        return self.ttf.charWidths.get(ord(char), self.ttf.defaultWidth) / 1000.0


_LOADED: dict[str, PdfFont] = {}


def load_font(face: FontFace) -> PdfFont:
    """Return the face loaded and registered with reportlab (once per process and file version)."""
    key = face.key
    found = _LOADED.get(key)
    if found is None:
        name = "briefgen-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        found = _LOADED[key] = PdfFont(name, face)
    return found


@dataclass(frozen=True)
class Glyph:
    """How one character of a role is drawn: the font, and its advance there and in the layout (em)."""

    font: PdfFont
    actual: float
    assumed: float
    missing: bool = False  # no face has it: drawn as the fallback's .notdef

    @property
    def regular(self) -> bool:
        """Return True when the glyph advances exactly as the layout assumed."""
        return abs(self.actual - self.assumed) < EM_TOLERANCE


class MissingGlyph(Exception):
    """A character neither the role's face nor the fallback has."""

    def __init__(self, char: str, role: str):
        super().__init__(char, role)
        self.char = char
        self.role = role


class GlyphChooser:
    """Decides, per role and character, which face draws it; loads faces only when first needed."""

    def __init__(self, faces: Mapping[str, FontFace], assumed: Callable[[str, bool, str], float],
                 allow_missing: bool = False):
        self.faces = faces
        self.assumed = assumed  # (char, latin, style) -> advance in em the layout gave it
        self.allow_missing = allow_missing
        self._fonts: dict[str, PdfFont] = {}
        self._glyphs: dict[tuple[str, bool, str], dict[str, Glyph]] = {}
        self._regular: dict[tuple[str, bool, str], set[str]] = {}

    def font(self, role: str) -> PdfFont:
        """Return the font of a role, loading it on first use."""
        found = self._fonts.get(role)
        if found is None:
            found = self._fonts[role] = load_font(self.faces[role])
        return found

    def regular(self, role: str, latin: bool, style: str) -> set[str]:
        """Return the characters of a role already known to be drawn by its own face as assumed.

        The set grows as glyphs are chosen; a segment whose characters are all in it needs no
        per-character work."""
        return self._regular.setdefault((role, latin, style), set())

    def glyph(self, role: str, latin: bool, style: str, char: str) -> Glyph:
        """Return how ``char`` is drawn in ``role``; raise MissingGlyph when no face has it."""
        key = (role, latin, style)
        table = self._glyphs.setdefault(key, {})
        found = table.get(char)
        if found is None:
            found = table[char] = self._choose(role, latin, style, char)
            if found.regular and found.font is self.font(role):
                self.regular(role, latin, style).add(char)
        return found

    def _choose(self, role: str, latin: bool, style: str, char: str) -> Glyph:
        assumed = self.assumed(char, latin, style)
        drawing = drawing_role(char, role, self.faces)  # the one rule (fonts/coverage.py), as the build warns by it
        if drawing is not None:
            font = self.font(drawing)
            return Glyph(font, font.advance(char), assumed)
        fallback = self.font(FALLBACK)
        if not self.allow_missing:
            raise MissingGlyph(char, role)
        return Glyph(fallback, fallback.advance(char), assumed, missing=True)
