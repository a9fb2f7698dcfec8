"""LICENSES/: the license texts of the bundled faces, taken from their packages."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

from fontbuild.fetch import sha256_file
from fontbuild.sources import APACHE_2_SHA256, FALLBACK_FAMILY, SOURCES


def apache_text(cache: Path, workdir: Path) -> str:
    """The Apache License 2.0 text, from Debian's base-files (installed or downloaded)."""
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
    """Write LICENSES/: the OFL of Noto Sans SC, Noto Serif SC and Liberation, the Fandol notice with
    the GPL, the WenQuanYi notices with Apache-2.0."""
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
