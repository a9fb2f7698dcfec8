"""What the bundled fonts are made from: the pinned upstream archives and, per role, the face taken."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "src" / "briefgen" / "data" / "fonts"
SEED = REPO / "seeds" / "000_d46ae736df1a2878.txt"
MAX_FILE_BYTES = 8 * 1024 * 1024

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
