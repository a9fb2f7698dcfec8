"""Font operations on fontTools fonts: load, subset, CFF to TrueType, 1 em punctuation, names, checks."""

from __future__ import annotations

import io

from fontTools import subset as ft_subset
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable


def load(path, font_number: int = -1) -> TTFont:
    """Load a font (one face of a collection) with its timestamps kept."""
    font = TTFont(path, fontNumber=font_number, recalcTimestamp=False, lazy=False)
    font.recalcTimestamp = False
    return font


def reload(font: TTFont) -> TTFont:
    """Compile and re-read, so that every table is consistent."""
    buf = io.BytesIO()
    font.save(buf)
    buf.seek(0)
    return load(buf)


def subset_options() -> ft_subset.Options:
    """The subsetter options: kerning only, all names, no hinting, no vertical metrics."""
    o = ft_subset.Options()
    o.layout_features = ["kern"]
    o.legacy_kern = True
    o.name_IDs = ["*"]
    o.name_languages = ["*"]
    o.name_legacy = False
    o.hinting = False
    o.glyph_names = False
    o.notdef_outline = True
    o.recalc_bounds = True
    o.recalc_timestamp = False
    o.prune_unicode_ranges = True
    o.drop_tables = sorted(set(o.drop_tables) | {"vhea", "vmtx", "VORG", "BASE", "DSIG", "FFTM", "hdmx", "LTSH", "VDMX"})
    return o


def subset_font(font: TTFont, codepoints) -> TTFont:
    """Subset ``font`` to ``codepoints`` and return it compiled again."""
    sub = ft_subset.Subsetter(options=subset_options())
    sub.populate(unicodes=codepoints)
    sub.subset(font)
    return reload(font)


def otf_to_ttf(font: TTFont, max_err: float = 1.0) -> TTFont:
    """Convert CFF outlines to TrueType ones (fontTools' otf2ttf recipe)."""
    assert "CFF " in font, "not a CFF font"
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph(dropImpliedOnCurves=True)
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    for tag in ("VORG",):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, attr, 0)
    maxp.maxComponentElements = max(len(getattr(g, "components", []) or []) for g in glyphs.values())
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    return reload(font)


def unicode_subtables(font: TTFont):
    """The font's Unicode cmap subtables (formats 4 and 12)."""
    return [t for t in font["cmap"].tables if t.isUnicode() and t.format in (4, 12)]


def map_codepoints(font: TTFont, cps, glyph_name: str) -> None:
    """Map code points to a glyph in every Unicode cmap subtable that can hold them."""
    for t in unicode_subtables(font):
        for cp in cps:
            if cp <= 0xFFFF or t.format == 12:
                t.cmap[cp] = glyph_name


def glyph_bounds(font: TTFont, name: str):
    """A glyph's ink bounds (xMin, yMin, xMax, yMax)."""
    gs = font.getGlyphSet()
    pen = BoundsPen(gs)
    gs[name].draw(pen)
    return pen.bounds


def add_transformed_glyph(font: TTFont, new_name: str, src_font: TTFont, src_name: str,
                          transform, advance: int) -> None:
    """Add src_font's glyph src_name, decomposed and transformed, to font's glyf as new_name."""
    rec = DecomposingRecordingPen(src_font.getGlyphSet())
    src_font.getGlyphSet()[src_name].draw(rec)
    pen = TTGlyphPen(None)
    rec.replay(TransformPen(pen, transform))
    glyph = pen.glyph(dropImpliedOnCurves=True)
    glyf = font["glyf"]
    order = list(font.getGlyphOrder())
    assert new_name not in order, new_name
    glyf.glyphs[new_name] = glyph
    font.setGlyphOrder(order + [new_name])
    glyph.recalcBounds(glyf)
    font["hmtx"][new_name] = (advance, getattr(glyph, "xMin", 0))


def fix_cjk_punctuation(font: TTFont) -> list[str]:
    """Make “ ” ‘ ’ … — and · 1 em wide in a CJK face (glyf outlines).  Returns notes."""
    notes = []
    upm = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    margin = round(upm * 0.08)

    # Dash: a bar spanning the whole em, for U+2014 and U+2015.
    dash = cmap.get(0x2014)
    bar = cmap.get(0x2015)
    tol = upm * 0.01
    if dash is not None:
        b = glyph_bounds(font, dash)
        spans = hmtx[dash][0] == upm and b and b[0] <= tol and b[2] >= upm - tol
        if spans:
            if bar != dash:
                map_codepoints(font, [0x2015], dash)
                notes.append("U+2015 mapped to the U+2014 glyph (1 em, spans the cell)"
                             if bar is None else "U+2015 remapped to the U+2014 glyph")
        else:
            src = bar if bar is not None and hmtx[bar][0] == upm else dash
            x0, _, x1, _ = glyph_bounds(font, src)
            sx = upm / (x1 - x0)
            add_transformed_glyph(font, "uni2014.cjk", font, src, (sx, 0, 0, 1, -x0 * sx, 0), upm)
            map_codepoints(font, [0x2014, 0x2015], "uni2014.cjk")
            notes.append(f"U+2014/U+2015 -> new 1 em glyph: the {'U+2015' if src == bar else 'U+2014'} "
                         f"bar stretched to span the cell (was: U+2014 advance {hmtx[dash][0] / upm:.3f} em)")

    # Middle dot: GB2312 A1A4 is the full-width 间隔号; Python's gb2312 codec decodes it to
    # U+30FB, Microsoft's cp936 (and so 宋体/仿宋_GB2312) to U+00B7.  Give U+00B7 the
    # face's full-width dot (its U+30FB glyph) when the source has it proportional.
    mid = cmap.get(0x00B7)
    kana = cmap.get(0x30FB)
    if mid is not None and hmtx[mid][0] != upm and kana is not None and hmtx[kana][0] == upm:
        map_codepoints(font, [0x00B7], kana)
        notes.append(f"U+00B7 ·: advance {hmtx[mid][0] / upm:.3f} em -> 1 em (the U+30FB glyph)")

    # Quotes and ellipsis: keep the drawing, fix the advance, position in the cell.
    for ch, kind in (("“", "open"), ("‘", "open"), ("”", "close"), ("’", "close"), ("…", "center")):
        g = cmap.get(ord(ch))
        if g is None or hmtx[g][0] == upm:
            continue
        x0, _, x1, _ = glyph_bounds(font, g)
        if kind == "open":
            dx = (upm - margin) - x1
        elif kind == "close":
            dx = margin - x0
        else:
            dx = (upm - (x1 - x0)) / 2 - x0
        new = f"uni{ord(ch):04X}.fw"
        old_adv = hmtx[g][0]
        add_transformed_glyph(font, new, font, g, (1, 0, 0, 1, round(dx), 0), upm)
        map_codepoints(font, [ord(ch)], new)
        notes.append(f"U+{ord(ch):04X} {ch}: advance {old_adv / upm:.3f} em -> 1 em ({kind})")
    return notes


def set_name(font: TTFont, name_id: int, value: str) -> None:
    """Replace a name record (English, Windows) with ``value``, or remove it for None."""
    name = font["name"]
    name.names = [r for r in name.names if r.nameID != name_id]
    if value is not None:
        name.setName(value, name_id, 3, 1, 0x409)


def get_name(font: TTFont, name_id: int):
    """A name record (English, Windows), or None."""
    rec = font["name"].getName(name_id, 3, 1, 0x409)
    return rec.toUnicode() if rec else None


def mark_modified(font: TTFont, what: str) -> None:
    """Say in the version string (name ID 5) what briefgen changed."""
    version = get_name(font, 5) or "Version ?"
    set_name(font, 5, f"{version}; briefgen build: {what}")


def check_outlines(font: TTFont, label: str) -> None:
    """Stop unless the font has static TrueType outlines (glyf; no CFF, no variations)."""
    for tag in ("CFF ", "CFF2", "fvar", "gvar"):
        if tag in font:
            raise SystemExit(f"{label}: unexpected table {tag!r}")
    if "glyf" not in font:
        raise SystemExit(f"{label}: no glyf table")
