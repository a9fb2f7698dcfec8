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
Python.  Every archive is checked against the sha256 pinned in SOURCES
(tools/fontbuild/sources.py), so a changed upstream file stops the build instead
of silently changing the fonts.
A full build takes a few minutes (the CFF -> TrueType conversion of the two
Fandol faces is the slow part).

What it produces (one file per role; see ROLES in tools/fontbuild/sources.py):

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
import os
import sys
import tempfile
from pathlib import Path

from fontTools import version as FONTTOOLS_VERSION

from fontbuild.check import self_check
from fontbuild.fetch import default_cache_dir, fetch, unpack
from fontbuild.glyphs import get_name, load
from fontbuild.licenses import write_licenses
from fontbuild.metadata import write_metadata
from fontbuild.readme import write_readme
from fontbuild.roles import build_role
from fontbuild.sources import DEFAULT_OUT, NOTO_SANS_REGULAR, NOTO_SERIF_REGULAR, ROLES, SOURCES

# Slowest first, so that the two CFF conversions overlap.
BUILD_ORDER = ["body", "kai", "fallback", "title", "song", "hei", "latin", "latin-bold"]


def build_faces(trees: dict, out: Path, jobs: int) -> dict:
    """Build every role's face into ``out`` in worker processes; return each role's notes."""
    noto_sans = trees["noto-sans-sc"] / NOTO_SANS_REGULAR
    noto_serif = trees["noto-serif-sc"] / NOTO_SERIF_REGULAR
    extra = {
        "noto_sans": str(noto_sans),
        "noto_serif": str(noto_serif),
        "noto_sans_copyright": get_name(load(noto_sans), 0),
        "noto_serif_copyright": get_name(load(noto_serif), 0),
    }
    assert sorted(BUILD_ORDER) == sorted(ROLES)
    notes = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(build_role, role, str(trees[ROLES[role]["source"]] / ROLES[role]["member"]),
                               extra, str(out)): role for role in BUILD_ORDER}
        for fut in concurrent.futures.as_completed(futures):
            res = fut.result()
            notes[res["role"]] = res["notes"]
            print(f"  built {res['role']}: {ROLES[res['role']]['file']}"
                  + "".join(f"\n      - {n}" for n in res["notes"]), flush=True)
    return notes


def build(cache: Path, out: Path, jobs: int) -> None:
    """Fetch and unpack the sources, build the faces, write LICENSES/, fonts.json and README.md."""
    print(f"fontTools {FONTTOOLS_VERSION}; cache {cache}; output {out}", flush=True)
    archives = {key: fetch(key, cache) for key in SOURCES}
    with tempfile.TemporaryDirectory(prefix="briefgen-fonts-") as tmp:
        work = Path(tmp)
        trees = {key: unpack(key, path, work) for key, path in archives.items()}
        out.mkdir(parents=True, exist_ok=True)
        # Remove old outputs of this script (only files it owns).
        for f in sorted(out.glob("*.ttf")):
            f.unlink()
        notes = build_faces(trees, out, jobs)
        write_licenses(out, trees, cache, work)
        meta = write_metadata(out, notes)
        write_readme(out, meta)


def main(argv=None) -> int:
    """Build the fonts (or with --check-only only check them); return 1 when the self-check fails."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache-dir", type=Path, default=default_cache_dir())
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    if not args.check_only:
        build(args.cache_dir, out, args.jobs)
    return 0 if self_check(out) else 1


if __name__ == "__main__":
    sys.exit(main())
