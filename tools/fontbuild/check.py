"""The self-check of a font folder: each file against fonts.json, loaded and embedded by reportlab,
its coverage (GB2312, U+4E00..U+9FFF, the seed's characters) and its 1 em punctuation."""

from __future__ import annotations

import io
import json
from pathlib import Path

from fontbuild.charsets import URO, gb2312_chars, seed_chars
from fontbuild.fetch import sha256_file
from fontbuild.glyphs import check_outlines, glyph_bounds, load
from fontbuild.sources import ADVANCE_CHARS, CJK_ROLES, FULLWIDTH_REQUIRED, MAX_FILE_BYTES, SEED, SEED_ROLES

MIB = 1048576
LATIN_ROLES = ("latin", "latin-bold")


class Findings:
    """The lines the self-check prints, and whether any check failed."""

    def __init__(self, out: Path):
        self.lines = [f"self-check of {out}"]
        self.ok = True

    def say(self, line: str) -> None:
        """Add a line of the report."""
        self.lines.append(line)

    def fail(self, message: str) -> None:
        """Add a failed check."""
        self.ok = False
        self.lines.append("FAIL " + message)


def missing_text(chars: list[str]) -> str:
    """Return characters as U+XXXX(c) for the report."""
    return " ".join(f"U+{ord(c):04X}({c})" for c in chars)


def check_file(findings: Findings, out: Path, role: str, info: dict):
    """Check a role's file against fonts.json (present, size, hash, outlines); return it loaded, or None."""
    path = out / info["file"]
    if not path.exists():
        findings.fail(f"{role}: {info['file']} missing")
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        findings.fail(f"{role}: {size} bytes > 8 MiB")
    if sha256_file(path) != info["sha256"]:
        findings.fail(f"{role}: sha256 differs from fonts.json")
    font = load(path)
    try:
        check_outlines(font, role)
    except SystemExit as e:
        findings.fail(str(e))
    return font


def check_reportlab(findings: Findings, role: str, path: Path) -> str:
    """Load, register and embed a sample of the face with reportlab; return what happened."""
    from reportlab.pdfbase.pdfmetrics import registerFont
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
    from reportlab.pdfgen.canvas import Canvas

    try:
        registerFont(RLTTFont(f"briefgen-check-{role}", str(path)))
        canvas = Canvas(io.BytesIO())
        canvas.setFont(f"briefgen-check-{role}", 12)
        sample = "Briefgen 2024" + ("，公文“通知”——……〇" if role in CJK_ROLES or role == "fallback" else "")
        canvas.drawString(72, 720, sample)
        canvas.showPage()
        canvas.save()
        return "reportlab OK"
    except Exception as e:  # noqa: BLE001 - report any loader error
        status = f"reportlab ERROR {type(e).__name__}: {e}"
        findings.fail(f"{role}: {status}")
        return status


def check_cjk(findings: Findings, role: str, font, cmap: dict, gb: list[str]) -> None:
    """A CJK role face: all of GB2312, 1 em punctuation, a dash that joins in ——."""
    upm = font["head"].unitsPerEm
    missing = [c for c in gb if ord(c) not in cmap]
    findings.say(f"    GB2312: {len(gb) - len(missing)}/{len(gb)}"
                 + (f"  missing: {missing_text(missing)}" if missing else "  complete"))
    if missing:
        findings.fail(f"{role}: {len(missing)} GB2312 characters missing")
    advances = []
    for ch in ADVANCE_CHARS:
        glyph = cmap.get(ord(ch))
        advance = font["hmtx"][glyph][0] / upm if glyph else None
        advances.append(f"{ch}={advance:.3f}" if advance is not None else f"{ch}=missing")
        if ch in FULLWIDTH_REQUIRED and advance != 1.0:
            findings.fail(f"{role}: {ch} advance {advance} em, want 1 em")
    findings.say("    advances (em): " + " ".join(advances))
    glyph = cmap.get(0x2014)
    if glyph:
        bounds = glyph_bounds(font, glyph)
        findings.say(f"    — ink x {bounds[0]}..{bounds[2]} of {upm} "
                     f"(joins in ——: {bounds[0] <= 10 and bounds[2] >= upm - 10})")


def check_fallback(findings: Findings, cmap: dict, gb: list[str]) -> None:
    """The fallback face: every code point of U+4E00..U+9FFF (GB2312 reported, not required)."""
    missing = [cp for cp in URO if cp not in cmap]
    findings.say(f"    U+4E00..U+9FFF: {len(URO) - len(missing)}/{len(URO)}"
                 + (f"  missing {len(missing)}: " + " ".join(f"U+{cp:04X}" for cp in missing[:40])
                    if missing else "  complete"))
    if missing:
        findings.fail(f"fallback: {len(missing)} of U+4E00..U+9FFF missing")
    absent = [c for c in gb if ord(c) not in cmap]
    findings.say(f"    GB2312: {len(gb) - len(absent)}/{len(gb)}"
                 + (f"  missing: {missing_text(absent)}" if absent else "  complete"))


def check_latin(findings: Findings, role: str, font, cmap: dict) -> None:
    """A Latin face: Times New Roman's metrics (digits 0.5 em, space 0.25 em)."""
    upm = font["head"].unitsPerEm
    digits = {font["hmtx"][cmap[ord(d)]][0] / upm for d in "0123456789"}
    space = font["hmtx"][cmap[0x20]][0] / upm
    findings.say(f"    digits {sorted(digits)} em, space {space} em (Times New Roman: 0.5, 0.25)")
    if digits != {0.5} or space != 0.25:
        findings.fail(f"{role}: not Times New Roman metrics")


def check_seed(findings: Findings, seed: list[str], cmaps: dict) -> None:
    """Every character of the bundled seed in each face the seed's text is set in."""
    if not seed:
        findings.fail(f"seed file {SEED} not found")
        return
    findings.say(f"seed {SEED.name}: {len(seed)} distinct characters")
    for role in SEED_ROLES:
        cmap = cmaps.get(role, {})
        missing = [c for c in seed if ord(c) not in cmap]
        findings.say(f"    {role:6s}: " + ("all present" if not missing else
                                           f"{len(missing)} missing: " + missing_text(missing)))
        if missing:
            findings.fail(f"{role}: seed characters missing")


def self_check(out: Path) -> bool:
    """Check every file of fonts.json in ``out``, print the report, and return whether all checks passed."""
    meta = json.loads((out / "fonts.json").read_text(encoding="utf-8"))
    findings = Findings(out)
    gb = gb2312_chars()
    seed = seed_chars() if SEED.exists() else []
    total = 0
    cmaps = {}
    for role, info in meta["roles"].items():
        font = check_file(findings, out, role, info)
        if font is None:
            continue
        path = out / info["file"]
        size = path.stat().st_size
        total += size
        cmap = cmaps[role] = font.getBestCmap()
        status = check_reportlab(findings, role, path)
        findings.say(f"{role:10s} {info['file']:42s} {size / MIB:5.2f} MiB  cmap {len(cmap):6d}  {status}")
        if role in CJK_ROLES:
            check_cjk(findings, role, font, cmap, gb)
        if role == "fallback":
            check_fallback(findings, cmap, gb)
        if role in LATIN_ROLES:
            check_latin(findings, role, font, cmap)
    check_seed(findings, seed, cmaps)
    findings.say(f"total {total / MIB:.2f} MiB in {len(meta['roles'])} files")
    findings.say("SELF-CHECK " + ("PASSED" if findings.ok else "FAILED"))
    print("\n".join(findings.lines))
    return findings.ok
