"""The font reader the grid layout uses: the same character map and advances as reportlab's own
TrueType reader (an independent implementation) on every bundled face."""

from __future__ import annotations

import pytest

from briefgen.fonts.faces import BUNDLED_DIR, bundled_manifest
from briefgen.layout.metrics import FontFileError, read_metrics

FACES = sorted({entry["file"] for entry in bundled_manifest()["roles"].values()})


@pytest.mark.parametrize("name", FACES)
def test_every_mapped_character_and_advance_agrees_with_reportlab(name):
    from reportlab.pdfbase.ttfonts import TTFontFile

    path = BUNDLED_DIR / name
    theirs = TTFontFile(str(path))
    ours = read_metrics.__wrapped__(path)
    nbsp = 0xA0  # reportlab draws a no-break space with the space's glyph, whatever the font maps it to
    mapped = {code: glyph for code, glyph in theirs.charToGlyph.items() if glyph and code != nbsp}
    assert {code: glyph for code, glyph in ours.glyphs.items() if code != nbsp} == mapped
    assert len(mapped) > 200
    for code in mapped:  # reportlab's widths are in thousandths of an em
        assert theirs.charWidths[code] == pytest.approx(ours.advances[code] * 1000, abs=0.5), hex(code)


def test_a_file_that_is_no_font_is_refused(tmp_path):
    path = tmp_path / "x.ttf"
    path.write_bytes(b"not a font at all" * 10)
    with pytest.raises(FontFileError):
        read_metrics.__wrapped__(path)
