"""File names made from titles: safe on Windows, macOS and Linux, and never leaving their folder."""

from __future__ import annotations

import re
import unicodedata

UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
# Device names Windows reserves, whatever the extension (NUL.tar.gz) and spaces before it (CON .txt).
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³")}
MAX_BYTES = 150  # well under the 255-byte limit of common file systems, leaving room for suffixes


def safe_filename(title: str, fallback: str = "untitled") -> str:
    """Return ``title`` as a file name stem: no separators, reserved names, dot or space edges."""
    name = unicodedata.normalize("NFC", title)
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    name = UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    while name.startswith(".."):
        name = name[1:]
    while len(name.encode("utf-8")) > MAX_BYTES:
        name = name[:-1]
    name = name.strip(" .")
    if not name:
        return fallback
    if name.split(".")[0].rstrip(" ").upper() in RESERVED:
        name = "_" + name
    return name
