"""fonts.json: per role, the file's names, hash, cmap size, punctuation advances, source and changes."""

from __future__ import annotations

import json
from pathlib import Path

from fontTools import version as FONTTOOLS_VERSION

from fontbuild.charsets import gb2312_chars, role_codepoints
from fontbuild.fetch import sha256_file
from fontbuild.glyphs import get_name, load
from fontbuild.sources import ADVANCE_CHARS, NOTO_SANS_REGULAR, NOTO_SERIF_REGULAR, ROLES, SOURCES


def font_info(path: Path, cjk: bool) -> dict:
    """Metadata of one bundled file, for fonts.json."""
    font = load(path)
    cmap = font.getBestCmap()
    upm = font["head"].unitsPerEm
    info = {
        "family": get_name(font, 1),
        "subfamily": get_name(font, 2),
        "full_name": get_name(font, 4),
        "postscript_name": get_name(font, 6),
        "units_per_em": upm,
        "cmap_codepoints": len(cmap),
        "glyphs": len(font.getGlyphOrder()),
        "sha256": sha256_file(path),
        "size_bytes": path.stat().st_size,
        "outlines": "glyf" if "glyf" in font else "CFF",
        "head_created": font["head"].created,
        "head_modified": font["head"].modified,
    }
    if get_name(font, 16):
        info["typographic_family"] = get_name(font, 16)
    if cjk:
        info["advance_em"] = {
            f"U+{ord(c):04X} {c}": (round(font["hmtx"][cmap[ord(c)]][0] / upm, 4) if ord(c) in cmap else None)
            for c in ADVANCE_CHARS
        }
        info["gb2312_missing"] = [f"U+{ord(c):04X}" for c in gb2312_chars() if ord(c) not in cmap]
    if cjk or path.name == ROLES["fallback"]["file"]:
        # Code points of the subset request that the source face does not have.
        info["requested_but_absent"] = [f"U+{cp:04X}" for cp in role_codepoints() if cp not in cmap]
    return info


def write_json(path: Path, data) -> None:
    """Write JSON with sorted keys (the same bytes on every build)."""
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def source_record(role: str) -> dict:
    """Where a role's face came from: package, version, archive hash, file (and the fallback's donors)."""
    spec = ROLES[role]
    src = SOURCES[spec["source"]]
    rec = {
        "registry": src["registry"],
        "package": src["package"],
        "version": src["version"],
        "archive_sha256": src["sha256"],
        "file": spec["member"],
    }
    if "font_number" in spec:
        rec["ttc_face"] = spec["font_number"]
    if role == "fallback":
        rec["extra"] = [
            {"registry": "npm", "package": SOURCES["noto-sans-sc"]["package"],
             "version": SOURCES["noto-sans-sc"]["version"], "file": NOTO_SANS_REGULAR,
             "codepoints": "U+9FC4..U+9FEF"},
            {"registry": "npm", "package": SOURCES["noto-serif-sc"]["package"],
             "version": SOURCES["noto-serif-sc"]["version"], "file": NOTO_SERIF_REGULAR,
             "codepoints": "U+9FF0..U+9FFF"},
        ]
    return rec


def write_metadata(out: Path, notes: dict) -> dict:
    """Write fonts.json from the built files and return its data."""
    roles = {}
    for role, spec in ROLES.items():
        info = font_info(out / spec["file"], spec["cjk"])
        info.update({
            "file": spec["file"],
            "stands_in_for": spec["stands_in_for"],
            "license": spec["license"],
            "license_files": ["LICENSES/" + f for f in spec["license_files"]],
            "source": source_record(role),
            "why": spec["why"],
            "modifications": notes.get(role, []),
        })
        roles[role] = info
    data = {
        "generated_by": "tools/build_fonts.py",
        "fonttools_version": FONTTOOLS_VERSION,
        "roles": roles,
        "subset": {
            "cjk_roles": "GB2312 (all 7,445) + U+0020..U+007E + U+00A0..U+00FF + U+2000..U+206F + "
                         "U+3000..U+303F + U+FF01..U+FF5E + U+FFE0..U+FFE6 + U+00B7 U+2015 U+30FB U+FFFD "
                         "(where the source has them)",
            "fallback": "the CJK role set + U+4E00..U+9FFF",
        },
    }
    write_json(out / "fonts.json", data)
    return data
