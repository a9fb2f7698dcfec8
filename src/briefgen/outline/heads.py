"""The lines that head a speech, by their shape: a title (one line, or two short ones the print broke),
the collection's piece count, and the occasion line (在…上的讲话) above, below or on the title line."""

from __future__ import annotations

import re
import unicodedata

from briefgen.marks import CLAUSE_ENDS, COLONS, COMMAS
from briefgen.outline.numbering import find_sub_markers, match_point_marker, parse_chinese_number

TITLE_MAX_CHARS = 50
TITLE_BAD_ENDINGS = COMMAS + COLONS + "、"  # a title does not stop mid-clause
# A title the print broke over two lines: each line short (a 2号 line holds about 20 characters), and
# long enough not to be a stray line (a date, a signature, the end of a sentence) left above a title.
TITLE_PART_MIN, TITLE_PART_MAX = 6, 26
# 6篇, （6篇）, (6篇), -20篇, ——20篇 at the end of a collection title.
_NUMBER = "[0-9０-９]+|[一二三四五六七八九十百]+"
COUNT_SUFFIX = re.compile(rf"\s*(?:[（(]\s*({_NUMBER})\s*篇\s*[）)]|[-－—–]*\s*(?<!第)({_NUMBER})篇)$")
# The occasion a speech was given at: 在…会议上的讲话, ——在…上的交流发言, 在…开班式上的讲话.
GENRES = "讲话|发言|致辞|报告|汇报|讲稿|演讲|党课|主持词|总结|讲评|介绍"
OCCASION = re.compile(rf"^在.{{2,46}}(?:上|中|时|前|期间|之际)的.{{0,6}}(?:{GENRES})(?:稿|提纲|材料)?$")
ON_TITLE_LINE = re.compile(r"^(.{4,}?)\s*((?:——|--|－－)\s*在.+)$")
DATE_LINE = re.compile(r"^[0-9０-９〇零一二三四五六七八九十]{2,4}\s*年(\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月)?"
                       r"(\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?$")
# Words a compilation's own title carries (its genre as a collection).
COLLECTION_WORDS = ("汇编", "彙編", "摘编", "摘編", "摘登", "选编", "選編", "合编", "辑录", "专辑", "文集", "汇集")


def is_title_like(text: str) -> bool:
    """Return True for a short line with no sentence punctuation that opens no list item."""
    if len(text) > TITLE_MAX_CHARS or any(c in CLAUSE_ENDS for c in text):
        return False
    if text[-1] in TITLE_BAD_ENDINGS or text.startswith(("—", "-", "－")):
        return False
    if match_point_marker(text) or find_sub_markers(text[:4]):
        return False
    return True


def is_subtitle(text: str) -> bool:
    """Return True for a subtitle line led by a dash, such as ——在全省组织工作会议上的发言."""
    return text.startswith(("——", "--", "－－")) and len(text) <= TITLE_MAX_CHARS and not any(
        c in CLAUSE_ENDS for c in text)


def is_occasion(text: str) -> bool:
    """Return True for an occasion line without a dash: 在全市组织工作会议上的交流发言."""
    return len(text) <= TITLE_MAX_CHARS and OCCASION.match(text) is not None


def split_occasion(text: str) -> tuple[str, str] | None:
    """Split a title line that carries its occasion (标题——在…上的发言) into the title and the occasion."""
    found = ON_TITLE_LINE.match(text)
    if found is None:
        return None
    occasion = found.group(2)
    bare = occasion.lstrip("—-－ ")
    if not OCCASION.match(bare) or not is_title_like(found.group(1)):
        return None
    return found.group(1), occasion


def can_join(first: str, second: str) -> bool:
    """Return True when two title-like lines may be one title the print broke."""
    parts = (first, second)
    if any(not TITLE_PART_MIN <= len(part) <= TITLE_PART_MAX for part in parts):
        return False
    if any(DATE_LINE.match(part) or is_occasion(part) for part in parts) or COUNT_SUFFIX.search(first):
        return False
    return len(first) + len(second) <= TITLE_MAX_CHARS


def looks_like_collection_title(text: str) -> bool:
    """Return True for a title that names a compilation: a piece count, or a word such as 汇编."""
    return split_count(text)[2] is not None or any(word in text for word in COLLECTION_WORDS)


def _count_value(digits: str) -> int | None:
    if digits[0].isdigit():
        return int("".join(str(unicodedata.digit(c)) for c in digits))
    return parse_chinese_number(digits)


def split_count(title: str) -> tuple[str, str, int | None]:
    """Split a trailing piece count (…6篇, …（6篇）, …-20篇) off a collection title: (title, suffix, count)."""
    found = COUNT_SUFFIX.search(title)
    if not found or found.start() == 0:
        return title, "", None
    count = _count_value(found.group(1) or found.group(2))
    if count is None:
        return title, "", None
    return title[: found.start()], title[found.start():].strip(), count
