"""Building one role's face (in a worker process), and the merged fallback face."""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools.ttLib import TTFont

from fontbuild.charsets import URO, fallback_codepoints, role_codepoints
from fontbuild.glyphs import (
    add_transformed_glyph,
    check_outlines,
    fix_cjk_punctuation,
    get_name,
    load,
    map_codepoints,
    mark_modified,
    otf_to_ttf,
    reload,
    set_name,
    subset_font,
)
from fontbuild.sources import FALLBACK_FAMILY, FALLBACK_PSNAME, ROLES


def build_role(role: str, member_path: str, extra: dict, out_dir: str) -> dict:
    """Build one role face; runs in a worker process.  Returns build notes."""
    spec = ROLES[role]
    out = Path(out_dir) / spec["file"]
    notes = []
    if spec.get("copy"):
        shutil.copyfile(member_path, out)
        return {"role": role, "notes": ["unmodified upstream file"]}

    font = load(member_path, spec.get("font_number", -1))
    converted = "CFF " in font
    if role == "fallback":
        font = subset_font(font, fallback_codepoints())
        notes += add_missing_uro(font, extra)
        font = reload(font)
        rename_fallback(font, extra)
    else:
        font = subset_font(font, role_codepoints())
        if converted:
            font = otf_to_ttf(font)
            notes.append("CFF outlines converted to TrueType (cu2qu, max error 1 unit)")
        fixes = fix_cjk_punctuation(font)
        notes += fixes
        font = reload(font)
    # second pass: drop glyphs orphaned by the fixes, normalise tables
    font = subset_font(font, fallback_codepoints() if role == "fallback" else role_codepoints())
    what = "subset" + (", CFF->TrueType" if converted else "")
    if role == "fallback":
        what += ", merged U+9FC4..U+9FFF from Noto Sans/Serif SC"
    elif any(n.startswith("U+") for n in notes):
        what += ", 1 em CJK punctuation"
    mark_modified(font, what)
    check_outlines(font, role)
    font.save(out)
    return {"role": role, "notes": notes}


def add_missing_uro(font: TTFont, extra: dict) -> list[str]:
    """Add the U+4E00..U+9FFF code points WenQuanYi lacks, from Noto Sans SC, else Noto Serif SC."""
    upm = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    missing = [cp for cp in URO if cp not in cmap]
    donors = [("Noto Sans SC", load(extra["noto_sans"])), ("Noto Serif SC", load(extra["noto_serif"]))]
    used = {}
    for cp in missing:
        for label, donor in donors:
            dcmap = donor.getBestCmap()
            if cp in dcmap:
                g = dcmap[cp]
                s = upm / donor["head"].unitsPerEm
                adv = round(donor["hmtx"][g][0] * s)
                name = f"uni{cp:04X}"
                add_transformed_glyph(font, name, donor, g, (s, 0, 0, s, 0, 0), adv)
                map_codepoints(font, [cp], name)
                used.setdefault(label, []).append(cp)
                break
        else:
            raise SystemExit(f"fallback: no donor has U+{cp:04X}")
    return [f"{len(cps)} glyphs U+{cps[0]:04X}..U+{cps[-1]:04X} from {label} (scaled to {upm} upm)"
            for label, cps in used.items()]


def rename_fallback(font: TTFont, extra: dict) -> None:
    """Name the merged fallback face as briefgen's own, with the donors' copyright notices."""
    copyright_ = get_name(font, 0) or ""
    copyright_ += ("\nGlyphs U+9FC4..U+9FEF from Noto Sans SC: " + extra["noto_sans_copyright"]
                   + "\nGlyphs U+9FF0..U+9FFF from Noto Serif SC: " + extra["noto_serif_copyright"])
    # Keep only English Windows names, and rename: this is a merge, not WenQuanYi Micro Hei.
    font["name"].names = [r for r in font["name"].names if r.platformID == 3 and r.langID == 0x409]
    set_name(font, 0, copyright_)
    set_name(font, 1, FALLBACK_FAMILY)
    set_name(font, 2, "Regular")
    set_name(font, 3, f"briefgen: {FALLBACK_PSNAME}")
    set_name(font, 4, FALLBACK_FAMILY)
    set_name(font, 6, FALLBACK_PSNAME)
    for nid in (16, 17, 18, 21, 22):
        set_name(font, nid, None)
    set_name(font, 13, "Derived from WenQuanYi Micro Hei (Apache License 2.0) with glyphs from "
                       "Noto Sans SC and Noto Serif SC (SIL Open Font License 1.1); distributed "
                       "under the SIL Open Font License 1.1. See LICENSES/.")
    set_name(font, 14, "https://openfontlicense.org")
