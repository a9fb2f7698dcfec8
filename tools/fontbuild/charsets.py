"""The character sets the faces are subset to and checked against."""

from __future__ import annotations

from fontbuild.sources import SEED


def gb2312_chars() -> list[str]:
    """Every character that encodes in GB2312 (7,445: 6,763 hanzi + 682 symbols)."""
    out = set()
    for b1 in range(0xA1, 0xFF):
        for b2 in range(0xA1, 0xFF):
            try:
                out.add(bytes((b1, b2)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return sorted(out)


def role_codepoints() -> list[int]:
    """What each CJK role face is subset to: GB2312, ASCII, Latin-1, punctuation, full-width forms."""
    cps = {ord(c) for c in gb2312_chars()}
    cps.update(range(0x20, 0x7F))          # ASCII printable
    cps.update(range(0xA0, 0x100))         # Latin-1 supplement
    cps.update(range(0x2000, 0x2070))      # General Punctuation
    cps.update(range(0x3000, 0x3040))      # CJK Symbols and Punctuation
    cps.update(range(0xFF01, 0xFF5F))      # full-width ASCII forms
    cps.update(range(0xFFE0, 0xFFE7))      # full-width signs
    cps.update((0x00B7, 0x2015, 0x30FB, 0xFFFD))
    return sorted(cps)


URO = range(0x4E00, 0xA000)  # CJK Unified Ideographs, 20,992 code points


def fallback_codepoints() -> list[int]:
    """What the fallback face is subset to: the role set and all of U+4E00..U+9FFF."""
    return sorted(set(role_codepoints()) | set(URO))


def seed_chars() -> list[str]:
    """The distinct characters of the bundled seed's text (site artefacts removed)."""
    text = SEED.read_text(encoding="utf-8")
    for marker in ("##paidbegin##", "##paidend##"):
        text = text.replace(marker, "")
    return sorted({c for c in text if not c.isspace()})
