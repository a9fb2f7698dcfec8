#!/usr/bin/env python3
"""Build briefgen's bundled fonts into ``src/briefgen/data/fonts/``.

Usage (from the repository root, with the project venv)::

    python tools/build_fonts.py                 # fetch (cached), build, write, self-check
    python tools/build_fonts.py --check-only    # only re-run the self-check on the bundle
    python tools/build_fonts.py --cache-dir DIR --jobs 2 --out DIR

Options:
  --cache-dir DIR  where downloaded npm tarballs / Debian packages are kept
                   (default: $BRIEFGEN_FONT_CACHE, else $XDG_CACHE_HOME/briefgen-fonts,
                   else ~/.cache/briefgen-fonts).  Extraction and intermediate
                   files go to a temporary directory that is removed afterwards.
  --out DIR        output directory (default: src/briefgen/data/fonts of this repo)
  --jobs N         faces built in parallel (default: min(2, CPUs)); the output does
                   not depend on it.
  --check-only     do not fetch or build; check the files already in --out.

Needs Python >= 3.9 with fontTools and reportlab (the self-check loads every file
with reportlab).  Sources are fetched with ``npm pack`` and ``apt-get download``
when those tools exist, else over plain HTTPS from registry.npmjs.org and
deb.debian.org; .deb files are unpacked with ``dpkg-deb -x`` or, without it, in
Python.  Every archive is checked against the sha256 pinned in SOURCES below, so
a changed upstream file stops the build instead of silently changing the fonts.
A full build takes a few minutes (the CFF -> TrueType conversion of the two
Fandol faces is the slow part).

What it produces (one file per role; see ROLES):

  title     Noto Serif SC Bold         (stands in for 方正小标宋简体)
  body      FandolFang Regular         (仿宋_GB2312), CFF converted to TrueType
  hei       Noto Sans SC Regular       (黑体), a static instance, not the variable font
  kai       FandolKai Regular          (楷体_GB2312), CFF converted to TrueType
  song      Noto Serif SC Regular      (宋体)
  latin     Liberation Serif Regular   (Times New Roman metrics), unmodified
  latin-bold Liberation Serif Bold     unmodified
  fallback  WenQuanYi Micro Hei + 60 Noto glyphs: all of U+4E00..U+9FFF

The CJK role faces are subset to: every character that encodes in GB2312
(7,445), ASCII, Latin-1, General Punctuation U+2000..U+206F, CJK Symbols and
Punctuation U+3000..U+303F, full-width forms U+FF01..U+FF5E and U+FFE0..U+FFE6,
and U+00B7, U+2015, U+30FB, U+FFFD where the source has them.  Hinting, glyph
names, vertical metrics and all OpenType layout features except kerning are
dropped (reportlab uses none of them).  CFF outlines are converted to quadratic
TrueType outlines with cu2qu (the fontTools otf2ttf recipe, max error 1 unit),
because reportlab embeds only glyf fonts.

Punctuation fixes, applied to the CJK role faces only when needed:
  * “ ” ‘ ’ … get a 1 em advance if the source made them proportional (opening
    quotes pushed to the right of the cell, closing ones to the left, the
    ellipsis centred).  With the pinned sources none of them needs it.
  * — (U+2014) becomes a 1 em bar that spans the whole cell, so that the Chinese
    dash —— (two cells) is one unbroken line; U+2015 is mapped to the same glyph
    (Python's gb2312 codec decodes A1AA to U+2015).  Noto's U+2014 is a
    proportional Latin dash (0.89..0.93 em, sitting low) and its U+2015 has side
    bearings; Fandol lacks U+2015.
  * · (U+00B7) gets the face's full-width middle dot (its U+30FB glyph) where it
    is proportional (Noto Serif SC: 0.33 em): GB2312 A1A4, the 间隔号, is one cell
    and Microsoft's cp936 (宋体, 仿宋_GB2312) maps it to U+00B7.

The Liberation faces are shipped byte-for-byte as upstream: the Liberation fonts
carry the OFL Reserved Font Name "Liberation", which a modified (subset) file may
not use, and at ~0.4 MB each there is nothing to gain from subsetting.

Reproducibility: the sources are pinned by version and sha256; head.created and
head.modified are kept from the source fonts (fontTools is told not to touch
them); no other timestamps are written; fonts.json is written with sorted keys.
Running the script twice gives byte-identical files (for a given fontTools
version, which is recorded in fonts.json).

Outputs besides the fonts: fonts.json (per-role metadata, sha256, cmap size,
punctuation advances), LICENSES/ (license texts, taken from the packages), and
README.md.  At the end a self-check is printed (reportlab loads and embeds each
face; GB2312 / U+4E00..U+9FFF / seed-file coverage; 1 em punctuation), and the
exit status is 1 if any check fails.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

from fontTools import subset as ft_subset
from fontTools import version as FONTTOOLS_VERSION
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "briefgen" / "data" / "fonts"
SEED = REPO / "seeds" / "000_d46ae736df1a2878.txt"
MAX_FILE_BYTES = 8 * 1024 * 1024

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------

SOURCES = {
    "noto-serif-sc": {
        "registry": "npm",
        "package": "@expo-google-fonts/noto-serif-sc",
        "version": "0.4.3",
        "archive": "expo-google-fonts-noto-serif-sc-0.4.3.tgz",
        "url": "https://registry.npmjs.org/@expo-google-fonts/noto-serif-sc/-/noto-serif-sc-0.4.3.tgz",
        "sha256": "ff6bcf5ba68d92dfecc05544bb150f9e724741a932354a0dd97e7289c40a3f5e",
    },
    "noto-sans-sc": {
        "registry": "npm",
        "package": "@expo-google-fonts/noto-sans-sc",
        "version": "0.4.3",
        "archive": "expo-google-fonts-noto-sans-sc-0.4.3.tgz",
        "url": "https://registry.npmjs.org/@expo-google-fonts/noto-sans-sc/-/noto-sans-sc-0.4.3.tgz",
        "sha256": "0d69d0f4971d2ff574e3d93cbc218dc950bf3f3f8f8e2c008d97687ed53aee59",
    },
    "texlive-lang-chinese": {
        "registry": "debian",
        "package": "texlive-lang-chinese",
        "version": "2022.20230122-1",
        "archive": "texlive-lang-chinese_2022.20230122-1_all.deb",
        "url": "https://deb.debian.org/debian/pool/main/t/texlive-lang/texlive-lang-chinese_2022.20230122-1_all.deb",
        "sha256": "9cfa07bd44e7b9098e26f0ecac1b5ad210d2249d474c8074d53de92d650b0ec0",
    },
    "fonts-wqy-microhei": {
        "registry": "debian",
        "package": "fonts-wqy-microhei",
        "version": "0.2.0-beta-3.1",
        "archive": "fonts-wqy-microhei_0.2.0-beta-3.1_all.deb",
        "url": "https://deb.debian.org/debian/pool/main/f/fonts-wqy-microhei/fonts-wqy-microhei_0.2.0-beta-3.1_all.deb",
        "sha256": "239163df984eea5c9da3b551aee374936222cdbd67f1a1be3cdcf3d76143ad66",
    },
    "fonts-liberation2": {
        "registry": "debian",
        "package": "fonts-liberation2",
        "version": "2.1.5-1",
        "archive": "fonts-liberation2_2.1.5-1_all.deb",
        "url": "https://deb.debian.org/debian/pool/main/f/fonts-liberation2/fonts-liberation2_2.1.5-1_all.deb",
        "sha256": "35ffaa54f117e633e89a5da89af235a073b34dbe582726fbf6989568f7fd9bda",
    },
}

FANDOL_DIR = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"
NOTO_SERIF_REGULAR = "package/400Regular/NotoSerifSC_400Regular.ttf"
NOTO_SANS_REGULAR = "package/400Regular/NotoSansSC_400Regular.ttf"

# The Apache License 2.0 text (for WenQuanYi Micro Hei) is not inside the font
# package; Debian keeps it in base-files as /usr/share/common-licenses/Apache-2.0.
# It is taken from there (or from a freshly downloaded base-files package) and
# must hash to this value (the canonical text as shipped by Debian).
APACHE_2_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"

LICENSE_FILES = {
    "OFL-NotoSerifSC.txt": "SIL Open Font License 1.1, from the npm package @expo-google-fonts/noto-serif-sc (LICENSE_FONT)",
    "OFL-NotoSansSC.txt": "SIL Open Font License 1.1, from the npm package @expo-google-fonts/noto-sans-sc (LICENSE_FONT)",
    "GPL-3.0-with-font-exception-Fandol.txt": "Fandol notice (README) + GPL v3 with the font exception (COPYING), from texlive-lang-chinese",
    "Apache-2.0-WenQuanYi.txt": "WenQuanYi Micro Hei notices (Debian copyright file) + Apache License 2.0",
    "OFL-LiberationSerif.txt": "Liberation copyright / Reserved Font Name notice + SIL Open Font License 1.1",
}

ROLES = {
    "title": {
        "file": "BriefgenTitle-NotoSerifSC-Bold.ttf",
        "source": "noto-serif-sc",
        "member": "package/700Bold/NotoSerifSC_700Bold.ttf",
        "stands_in_for": "方正小标宋简体",
        "license": "OFL-1.1",
        "license_files": ["OFL-NotoSerifSC.txt"],
        "cjk": True,
        "why": "Bold is the Noto Serif SC weight closest to the 小标宋 title face; Black (900) "
               "is heavier than 小标宋 and its counters fill in on dense characters (鑫, 疆) at 2号.",
    },
    "body": {
        "file": "BriefgenBody-FandolFang-Regular.ttf",
        "source": "texlive-lang-chinese",
        "member": FANDOL_DIR + "FandolFang-Regular.otf",
        "stands_in_for": "仿宋_GB2312",
        "license": "GPL-3.0-or-later WITH Font-exception-2.0",
        "license_files": ["GPL-3.0-with-font-exception-Fandol.txt"],
        "cjk": True,
        "why": "the only free FangSong face covering all of GB2312; CFF outlines converted to TrueType.",
    },
    "hei": {
        "file": "BriefgenHei-NotoSansSC-Regular.ttf",
        "source": "noto-sans-sc",
        "member": NOTO_SANS_REGULAR,
        "stands_in_for": "黑体",
        "license": "OFL-1.1",
        "license_files": ["OFL-NotoSansSC.txt"],
        "cjk": True,
        "why": "static Regular instance (a variable font would draw its Thin default in reportlab).",
    },
    "kai": {
        "file": "BriefgenKai-FandolKai-Regular.ttf",
        "source": "texlive-lang-chinese",
        "member": FANDOL_DIR + "FandolKai-Regular.otf",
        "stands_in_for": "楷体_GB2312",
        "license": "GPL-3.0-or-later WITH Font-exception-2.0",
        "license_files": ["GPL-3.0-with-font-exception-Fandol.txt"],
        "cjk": True,
        "why": "FandolKai covers all GB2312 hanzi (after mapping U+2015) and shares FandolFang's "
               "em box, baseline and punctuation, so kai and body mix evenly on one line; AR PL UKai "
               "lacks U+FFE3, has a broken —— (gapped dash) and a half-width ·, sets its "
               "hanzi visibly larger than FandolFang, and needs a 17 MB TTC.",
    },
    "song": {
        "file": "BriefgenSong-NotoSerifSC-Regular.ttf",
        "source": "noto-serif-sc",
        "member": NOTO_SERIF_REGULAR,
        "stands_in_for": "宋体",
        "license": "OFL-1.1",
        "license_files": ["OFL-NotoSerifSC.txt"],
        "cjk": True,
        "why": "Noto Serif SC Regular is a complete, well-drawn Song/Ming face.",
    },
    "latin": {
        "file": "LiberationSerif-Regular.ttf",
        "source": "fonts-liberation2",
        "member": "usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "stands_in_for": "Times New Roman",
        "license": "OFL-1.1",
        "license_files": ["OFL-LiberationSerif.txt"],
        "cjk": False,
        "copy": True,
        "why": "metric-compatible with Times New Roman; shipped unmodified (Reserved Font Name).",
    },
    "latin-bold": {
        "file": "LiberationSerif-Bold.ttf",
        "source": "fonts-liberation2",
        "member": "usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
        "stands_in_for": "Times New Roman Bold",
        "license": "OFL-1.1",
        "license_files": ["OFL-LiberationSerif.txt"],
        "cjk": False,
        "copy": True,
        "why": "metric-compatible with Times New Roman Bold; shipped unmodified (Reserved Font Name).",
    },
    "fallback": {
        "file": "BriefgenFallback-WenQuanYiMicroHei.ttf",
        "source": "fonts-wqy-microhei",
        "member": "usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "font_number": 0,
        "stands_in_for": "any hanzi a role face lacks",
        "license": "OFL-1.1 AND Apache-2.0",
        "license_files": ["Apache-2.0-WenQuanYi.txt", "OFL-NotoSansSC.txt", "OFL-NotoSerifSC.txt"],
        "cjk": False,
        "why": "compact Hei covering U+4E00..U+9FC3; the 60 code points it lacks (U+9FC4..U+9FFF) "
               "are added from Noto Sans SC (U+9FC4..U+9FEF) and Noto Serif SC (U+9FF0..U+9FFF, "
               "not in Noto Sans SC).  Renamed 'Briefgen Fallback Hei' because it is a merge.",
    },
}

CJK_ROLES = [r for r, spec in ROLES.items() if spec["cjk"]]
SEED_ROLES = ["body", "kai", "hei", "title"]
FALLBACK_FAMILY = "Briefgen Fallback Hei"
FALLBACK_PSNAME = "BriefgenFallbackHei-Regular"

# Characters whose advance is reported in fonts.json (and checked).
ADVANCE_CHARS = "“”‘’—…。·"
FULLWIDTH_REQUIRED = "“”‘’—…。·"

# --------------------------------------------------------------------------
# Character sets
# --------------------------------------------------------------------------


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
    return sorted(set(role_codepoints()) | set(URO))


def seed_chars() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    for marker in ("##paidbegin##", "##paidend##"):
        text = text.replace(marker, "")
    return sorted({c for c in text if not c.isspace()})


# --------------------------------------------------------------------------
# Fetching and unpacking
# --------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def default_cache_dir() -> Path:
    if os.environ.get("BRIEFGEN_FONT_CACHE"):
        return Path(os.environ["BRIEFGEN_FONT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefgen-fonts"


def _download(url: str, dest: Path) -> None:
    tmp = dest.with_suffix(dest.suffix + ".part")
    with urllib.request.urlopen(url, timeout=120) as r, open(tmp, "wb") as f:
        shutil.copyfileobj(r, f)
    tmp.replace(dest)


def fetch(key: str, cache: Path) -> Path:
    """Return the path of the pinned archive for SOURCES[key], downloading it if needed."""
    src = SOURCES[key]
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / src["archive"]
    if path.exists() and sha256_file(path) == src["sha256"]:
        return path
    path.unlink(missing_ok=True)
    spec = f"{src['package']}@{src['version']}" if src["registry"] == "npm" else f"{src['package']}={src['version']}"
    tried = []
    if src["registry"] == "npm" and shutil.which("npm"):
        cmd = ["npm", "pack", spec, "--pack-destination", str(cache), "--silent"]
    elif src["registry"] == "debian" and shutil.which("apt-get"):
        cmd = ["apt-get", "download", "-q", spec]
    else:
        cmd = None
    if cmd:
        print(f"  fetching {spec}: {' '.join(cmd)}", flush=True)
        res = subprocess.run(cmd, cwd=cache, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if res.returncode != 0 or not path.exists():
            tried.append(f"{cmd[0]} failed: {res.stderr.strip()[-300:]}")
    if not path.exists():
        print(f"  fetching {spec}: {src['url']}", flush=True)
        try:
            _download(src["url"], path)
        except OSError as e:
            tried.append(f"download failed: {e}")
    if not path.exists():
        raise SystemExit(f"could not fetch {spec}: {'; '.join(tried)}")
    digest = sha256_file(path)
    if digest != src["sha256"]:
        raise SystemExit(f"{path}: sha256 {digest} != pinned {src['sha256']}")
    return path


def _deb_data_tar(deb: Path) -> tarfile.TarFile:
    """Open the data.tar.* member of a .deb (an ar archive) without dpkg-deb."""
    data = deb.read_bytes()
    if not data.startswith(b"!<arch>\n"):
        raise ValueError(f"{deb} is not an ar archive")
    pos = 8
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            if name.endswith(".zst"):
                raise SystemExit(f"{deb}: zstd data member needs dpkg-deb")
            return tarfile.open(fileobj=io.BytesIO(body), mode="r:*")
        pos += 60 + size + (size & 1)
    raise ValueError(f"{deb}: no data.tar member")


def unpack(key: str, archive: Path, workdir: Path) -> Path:
    """Unpack an archive into workdir/key and return that directory."""
    dest = workdir / key
    if dest.exists():
        return dest
    dest.mkdir(parents=True)
    if SOURCES[key]["registry"] == "npm":
        with tarfile.open(archive, "r:gz") as tf:
            tf.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(dest)
    elif shutil.which("dpkg-deb"):
        subprocess.run(["dpkg-deb", "-x", str(archive), str(dest)], check=True)
    else:
        with _deb_data_tar(archive) as tf:
            tf.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(dest)
    return dest


# --------------------------------------------------------------------------
# Font operations
# --------------------------------------------------------------------------


def load(path, font_number: int = -1) -> TTFont:
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
    return [t for t in font["cmap"].tables if t.isUnicode() and t.format in (4, 12)]


def map_codepoints(font: TTFont, cps, glyph_name: str) -> None:
    for t in unicode_subtables(font):
        for cp in cps:
            if cp <= 0xFFFF or t.format == 12:
                t.cmap[cp] = glyph_name


def glyph_bounds(font: TTFont, name: str):
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
    name = font["name"]
    name.names = [r for r in name.names if r.nameID != name_id]
    if value is not None:
        name.setName(value, name_id, 3, 1, 0x409)


def get_name(font: TTFont, name_id: int):
    rec = font["name"].getName(name_id, 3, 1, 0x409)
    return rec.toUnicode() if rec else None


def mark_modified(font: TTFont, what: str) -> None:
    version = get_name(font, 5) or "Version ?"
    set_name(font, 5, f"{version}; briefgen build: {what}")


def check_outlines(font: TTFont, label: str) -> None:
    for tag in ("CFF ", "CFF2", "fvar", "gvar"):
        if tag in font:
            raise SystemExit(f"{label}: unexpected table {tag!r}")
    if "glyf" not in font:
        raise SystemExit(f"{label}: no glyf table")


# --------------------------------------------------------------------------
# Building the roles
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Licenses, metadata, README
# --------------------------------------------------------------------------


def apache_text(cache: Path, workdir: Path) -> str:
    candidates = [Path("/usr/share/common-licenses/Apache-2.0")]
    for path in candidates:
        if path.exists() and sha256_file(path) == APACHE_2_SHA256:
            return path.read_text(encoding="utf-8")
    if shutil.which("apt-get"):
        d = workdir / "base-files"
        d.mkdir(exist_ok=True)
        subprocess.run(["apt-get", "download", "-q", "base-files"], cwd=d, check=True)
        deb = next(d.glob("base-files_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(d / "x")], check=True)
        path = d / "x/usr/share/common-licenses/Apache-2.0"
        if path.exists() and sha256_file(path) == APACHE_2_SHA256:
            return path.read_text(encoding="utf-8")
    raise SystemExit("Apache-2.0 license text not found (need /usr/share/common-licenses/Apache-2.0)")


def write_licenses(out: Path, trees: dict, cache: Path, workdir: Path) -> None:
    lic = out / "LICENSES"
    if lic.exists():
        shutil.rmtree(lic)
    lic.mkdir(parents=True)

    def write(name, text):
        text = text.replace("\r\n", "\n").rstrip("\n") + "\n"
        (lic / name).write_text(text, encoding="utf-8")

    serif_ofl = (trees["noto-serif-sc"] / "package/LICENSE_FONT").read_text(encoding="utf-8")
    sans_ofl = (trees["noto-sans-sc"] / "package/LICENSE_FONT").read_text(encoding="utf-8")
    write("OFL-NotoSerifSC.txt", serif_ofl)
    write("OFL-NotoSansSC.txt", sans_ofl)

    tl = trees["texlive-lang-chinese"]
    readme = (tl / "usr/share/doc/texlive-doc/fonts/fandol/README").read_text(encoding="utf-8")
    copying = gzip.decompress((tl / "usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz").read_bytes()).decode("utf-8")
    write("GPL-3.0-with-font-exception-Fandol.txt",
          "Fandol fonts (FandolFang, FandolKai)\n"
          "Copyright (c) 2012-2013, the Fandol team (Clerk Ma, Jie Su).\n"
          "Source: texlive-lang-chinese " + SOURCES["texlive-lang-chinese"]["version"]
          + " (Debian), texmf-dist/fonts/opentype/public/fandol/; also CTAN fonts/fandol.\n\n"
          "briefgen ships MODIFIED versions (subset to GB2312 and common punctuation,\n"
          "CFF outlines converted to TrueType, U+2015 mapped to the dash glyph), built\n"
          "by tools/build_fonts.py from the unmodified .otf files named above, which\n"
          "together with that script are the corresponding source. The font exception\n"
          "below is kept for the modified versions.\n\n"
          "==== README from the package (texlive-doc/fonts/fandol/README) ====\n\n"
          + readme.rstrip("\n")
          + "\n\n==== COPYING from the package (GPL version 3 + font exception at the end) ====\n\n"
          + copying)

    wqy = trees["fonts-wqy-microhei"]
    copyright_file = (wqy / "usr/share/doc/fonts-wqy-microhei/copyright").read_text(encoding="utf-8")
    write("Apache-2.0-WenQuanYi.txt",
          "WenQuanYi Micro Hei (used in BriefgenFallback-WenQuanYiMicroHei.ttf)\n\n"
          "WenQuanYi Micro Hei is dual-licensed (Apache-2.0, or GPL-3+ with font exception);\n"
          "briefgen uses it under the Apache License 2.0. briefgen's file is MODIFIED: subset\n"
          "to U+4E00..U+9FFF and common punctuation, hinting dropped, renamed to\n"
          "'" + FALLBACK_FAMILY + "', and 60 glyphs (U+9FC4..U+9FFF) added from Noto Sans SC\n"
          "and Noto Serif SC (SIL OFL 1.1, see OFL-NotoSansSC.txt / OFL-NotoSerifSC.txt),\n"
          "for which reason the combined file is distributed under the SIL OFL 1.1, with\n"
          "the Apache-2.0 notices below kept for the WenQuanYi glyphs.\n\n"
          "==== Debian copyright file of fonts-wqy-microhei "
          + SOURCES["fonts-wqy-microhei"]["version"] + " ====\n\n"
          + copyright_file.rstrip("\n")
          + "\n\n==== Apache License, Version 2.0 ====\n\n" + apache_text(cache, workdir))

    ofl_body = serif_ofl[serif_ofl.index("This Font Software is licensed"):]
    write("OFL-LiberationSerif.txt",
          "Liberation Serif (LiberationSerif-Regular.ttf, LiberationSerif-Bold.ttf), version 2.1.5,\n"
          "shipped unmodified from Debian fonts-liberation2 " + SOURCES["fonts-liberation2"]["version"] + ".\n\n"
          "Digitized data copyright (c) 2010 Google Corporation\n"
          "        with Reserved Font Arimo, Tinos and Cousine.\n"
          "Copyright (c) 2012 Red Hat, Inc.\n"
          "        with Reserved Font Name Liberation.\n\n" + ofl_body)


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
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def source_record(role: str) -> dict:
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


def write_readme(out: Path, meta: dict) -> None:
    rows = []
    for role, info in meta["roles"].items():
        src = info["source"]
        rows.append(f"| `{role}` | `{info['file']}` | {info['stands_in_for']} | {info['family']} "
                    f"(`{info['postscript_name']}`) | {src['registry']}: {src['package']} {src['version']} "
                    f"| {info['license']} | {info['size_bytes'] / 1048576:.2f} MiB |")
    total = sum(i["size_bytes"] for i in meta["roles"].values())
    text = f"""# Bundled fonts

Free stand-ins for the faces GB/T 9704 asks for, in TrueType (glyf) outlines so
that reportlab can embed them. Generated by `tools/build_fonts.py`; do not edit by
hand. Per-role details (upstream file, sha256, cmap size, punctuation advances,
modifications) are in `fonts.json`; license texts are in `LICENSES/`.

| role | file | stands in for | family (PostScript name) | source | license | size |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Total: {total / 1048576:.2f} MiB.

## What was changed

- CJK role faces (`title`, `body`, `hei`, `kai`, `song`): subset to all of GB2312,
  ASCII, Latin-1, General Punctuation, CJK Symbols and Punctuation and the
  full-width forms; hinting, glyph names, vertical metrics and OpenType layout
  features other than kerning removed. The Fandol faces were converted from CFF to
  TrueType outlines. Their version string (name ID 5) says "briefgen build".
- `—` (U+2014) is a 1 em bar spanning the whole cell in every CJK role face, so
  that the Chinese dash `——` is one unbroken line; U+2015 maps to the same glyph.
  (Noto's own U+2014 is a proportional Latin dash; Fandol had no U+2015.)
- Full-width quotes “ ” ‘ ’, … and 。 are 1 em in every CJK role face (they
  already were upstream).
- `·` (U+00B7) is 1 em in every CJK role face: in the two Noto Serif SC faces
  (0.33 em upstream) it now uses the face's full-width U+30FB dot. GB2312 A1A4 (the
  间隔号) is one cell, and Microsoft's cp936 maps it to U+00B7.
- `latin`, `latin-bold`: Liberation Serif 2.1.5, unmodified (the OFL Reserved
  Font Name "Liberation" forbids using that name on a modified file).
- `fallback`: WenQuanYi Micro Hei (Apache-2.0) subset to U+4E00..U+9FFF and
  punctuation, plus U+9FC4..U+9FEF from Noto Sans SC and U+9FF0..U+9FFF from
  Noto Serif SC (OFL-1.1), renamed "{FALLBACK_FAMILY}". As it contains OFL glyphs
  it is distributed under the OFL-1.1, keeping the Apache-2.0 notices.

The Fandol faces are GPL with the font exception: documents that embed them are
not covered by the GPL. The corresponding source of the modified files is the
unmodified `.otf` in Debian's texlive-lang-chinese (also on CTAN, `fonts/fandol`)
plus `tools/build_fonts.py`.

## Coverage notes

- Every CJK role face has all 7,445 GB2312 characters, and the fallback has all
  20,992 of U+4E00..U+9FFF (plus all of Latin-1 and U+FFFD).
- The Fandol faces (`body`, `kai`) have only GB2312's Latin letters: most of
  Latin-1 (e.g. ä ö ß ® ½ « ») is absent, as are ‚ „ † ‡ ‹ › ‼ ‥ and ￢ ￤ ￦.
  Their ASCII letters and digits are proportional (FandolKai's are italic-like).
  Use `latin` for Latin text, and the fallback for anything a face lacks.
- No role face has U+FFFD. `requested_but_absent` in `fonts.json` lists, per face,
  the code points of the subset request that the face does not have.

## Font family names (for fontconfig / LibreOffice aliases)

- 方正小标宋简体 -> `Noto Serif SC` with weight Bold (an alias to the family alone
  picks the Regular file; the fontconfig rule also needs to ask for bold)
- 仿宋_GB2312 / 仿宋 -> `FandolFang R` (typographic family `FandolFang`)
- 黑体 -> `Noto Sans SC`
- 楷体_GB2312 / 楷体 -> `FandolKai`
- 宋体 -> `Noto Serif SC`
- Times New Roman -> `Liberation Serif`
- fallback: `{FALLBACK_FAMILY}`

## Rebuild

    python tools/build_fonts.py            # a few minutes; downloads go to ~/.cache/briefgen-fonts
    python tools/build_fonts.py --check-only

The sources are pinned by version and sha256 in the script; a rebuild gives
byte-identical files for the same fontTools version ({meta['fonttools_version']} here).
"""
    (out / "README.md").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------


def self_check(out: Path) -> bool:
    from reportlab.pdfbase.pdfmetrics import registerFont
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
    from reportlab.pdfgen.canvas import Canvas

    ok = True
    lines = []

    def fail(msg):
        nonlocal ok
        ok = False
        lines.append("FAIL " + msg)

    meta_path = out / "fonts.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    gb = gb2312_chars()
    seed = seed_chars() if SEED.exists() else []
    total = 0
    cmaps = {}
    lines.append(f"self-check of {out}")
    for role, info in meta["roles"].items():
        path = out / info["file"]
        if not path.exists():
            fail(f"{role}: {info['file']} missing")
            continue
        size = path.stat().st_size
        total += size
        if size > MAX_FILE_BYTES:
            fail(f"{role}: {size} bytes > 8 MiB")
        if sha256_file(path) != info["sha256"]:
            fail(f"{role}: sha256 differs from fonts.json")
        font = load(path)
        try:
            check_outlines(font, role)
        except SystemExit as e:
            fail(str(e))
        cmap = font.getBestCmap()
        cmaps[role] = cmap
        # reportlab: load, register, embed a sample
        try:
            rl = RLTTFont(f"briefgen-check-{role}", str(path))
            registerFont(rl)
            c = Canvas(io.BytesIO())
            c.setFont(f"briefgen-check-{role}", 12)
            sample = "Briefgen 2024" + ("，公文“通知”——……〇" if role in CJK_ROLES or role == "fallback" else "")
            c.drawString(72, 720, sample)
            c.showPage()
            c.save()
            rl_status = "reportlab OK"
        except Exception as e:  # noqa: BLE001 - report any loader error
            rl_status = f"reportlab ERROR {type(e).__name__}: {e}"
            fail(f"{role}: {rl_status}")
        line = f"{role:10s} {info['file']:42s} {size / 1048576:5.2f} MiB  cmap {len(cmap):6d}  {rl_status}"
        lines.append(line)
        if role in CJK_ROLES:
            upm = font["head"].unitsPerEm
            missing = [c for c in gb if ord(c) not in cmap]
            lines.append(f"    GB2312: {len(gb) - len(missing)}/{len(gb)}"
                         + (f"  missing: {' '.join(f'U+{ord(c):04X}({c})' for c in missing)}" if missing else "  complete"))
            if missing:
                fail(f"{role}: {len(missing)} GB2312 characters missing")
            adv = []
            for ch in ADVANCE_CHARS:
                g = cmap.get(ord(ch))
                a = font["hmtx"][g][0] / upm if g else None
                adv.append(f"{ch}={a:.3f}" if a is not None else f"{ch}=missing")
                if ch in FULLWIDTH_REQUIRED and a != 1.0:
                    fail(f"{role}: {ch} advance {a} em, want 1 em")
            lines.append("    advances (em): " + " ".join(adv))
            g = cmap.get(0x2014)
            if g:
                b = glyph_bounds(font, g)
                lines.append(f"    — ink x {b[0]}..{b[2]} of {upm} (joins in ——: {b[0] <= 10 and b[2] >= upm - 10})")
        if role == "fallback":
            missing = [cp for cp in URO if cp not in cmap]
            lines.append(f"    U+4E00..U+9FFF: {len(URO) - len(missing)}/{len(URO)}"
                         + (f"  missing {len(missing)}: " + " ".join(f"U+{cp:04X}" for cp in missing[:40]) if missing else "  complete"))
            if missing:
                fail(f"fallback: {len(missing)} of U+4E00..U+9FFF missing")
            gbm = [c for c in gb if ord(c) not in cmap]
            lines.append(f"    GB2312: {len(gb) - len(gbm)}/{len(gb)}"
                         + (f"  missing: {' '.join(f'U+{ord(c):04X}({c})' for c in gbm)}" if gbm else "  complete"))
        if role in ("latin", "latin-bold"):
            upm = font["head"].unitsPerEm
            digits = {font["hmtx"][cmap[ord(d)]][0] / upm for d in "0123456789"}
            space = font["hmtx"][cmap[0x20]][0] / upm
            lines.append(f"    digits {sorted(digits)} em, space {space} em (Times New Roman: 0.5, 0.25)")
            if digits != {0.5} or space != 0.25:
                fail(f"{role}: not Times New Roman metrics")
    if seed:
        lines.append(f"seed {SEED.name}: {len(seed)} distinct characters")
        for role in SEED_ROLES:
            cmap = cmaps.get(role, {})
            missing = [c for c in seed if ord(c) not in cmap]
            lines.append(f"    {role:6s}: " + ("all present" if not missing else
                         f"{len(missing)} missing: " + " ".join(f"U+{ord(c):04X}({c})" for c in missing)))
            if missing:
                fail(f"{role}: seed characters missing")
    else:
        fail(f"seed file {SEED} not found")
    lines.append(f"total {total / 1048576:.2f} MiB in {len(meta['roles'])} files")
    lines.append("SELF-CHECK " + ("PASSED" if ok else "FAILED"))
    print("\n".join(lines))
    return ok


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache-dir", type=Path, default=default_cache_dir())
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args(argv)
    out = args.out.resolve()

    if args.check_only:
        return 0 if self_check(out) else 1

    print(f"fontTools {FONTTOOLS_VERSION}; cache {args.cache_dir}; output {out}", flush=True)
    archives = {key: fetch(key, args.cache_dir) for key in SOURCES}
    with tempfile.TemporaryDirectory(prefix="briefgen-fonts-") as tmp:
        work = Path(tmp)
        trees = {key: unpack(key, path, work) for key, path in archives.items()}
        out.mkdir(parents=True, exist_ok=True)
        # Remove old outputs of this script (only files it owns).
        for f in sorted(out.glob("*.ttf")):
            f.unlink()

        noto_sans = trees["noto-sans-sc"] / NOTO_SANS_REGULAR
        noto_serif = trees["noto-serif-sc"] / NOTO_SERIF_REGULAR
        extra = {
            "noto_sans": str(noto_sans),
            "noto_serif": str(noto_serif),
            "noto_sans_copyright": get_name(load(noto_sans), 0),
            "noto_serif_copyright": get_name(load(noto_serif), 0),
        }
        # Slowest first, so that the two CFF conversions overlap.
        order = ["body", "kai", "fallback", "title", "song", "hei", "latin", "latin-bold"]
        assert sorted(order) == sorted(ROLES)
        notes = {}
        with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(build_role, role, str(trees[ROLES[role]["source"]] / ROLES[role]["member"]),
                                   extra, str(out)): role for role in order}
            for fut in concurrent.futures.as_completed(futures):
                res = fut.result()
                notes[res["role"]] = res["notes"]
                print(f"  built {res['role']}: {ROLES[res['role']]['file']}"
                      + "".join(f"\n      - {n}" for n in res["notes"]), flush=True)
        write_licenses(out, trees, args.cache_dir, work)
        meta = write_metadata(out, notes)
        write_readme(out, meta)
    return 0 if self_check(out) else 1


if __name__ == "__main__":
    sys.exit(main())
