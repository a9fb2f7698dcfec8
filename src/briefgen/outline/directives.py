"""The user's say over a misreading: a mark at the start of a line fixes what the line is, and a line
starting with # is a comment. Marks are words in 【】 (or [ ]), typed with a Chinese keyboard as they
are read: 【标题】 starts a speech, 【副标题】 its occasion line, 【发言人】 (or 【单位】) its speaker or unit
line, 【小标题】 a heading inside a speech, 【正文】 body text, 【不收入】 not content at all. A comment is a
line starting with # that holds no second # (#主题教育# is a hashtag, text). Marks and comments are never
printed; the outline keeps them among what it removed. An unmarked seed reads as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.outline.clean import SourceLine
from briefgen.outline.model import Removed

ROLES = {
    "标题": "title", "標題": "title",
    "副标题": "subtitle", "副標題": "subtitle",
    "发言人": "speaker", "發言人": "speaker", "单位": "speaker", "單位": "speaker",
    "小标题": "subheading", "小標題": "subheading",
    "正文": "body",
    "不收入": "omit",
}
MARK = re.compile(r"^[【\[［]\s*(" + "|".join(sorted(ROLES, key=len, reverse=True)) + r")\s*[】\]］]\s*")
COMMENT_SIGNS = ("#", "＃")


@dataclass
class MarkedLines:
    """The lines left once marks and comments are read: marks taken off, comments and 【不收入】 lines out."""

    lines: list[SourceLine] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # line number -> the role its mark fixed
    removed: list[Removed] = field(default_factory=list)


def mark_of(text: str) -> tuple[str, str, str] | None:
    """Return (role, the mark as written, the text after it) for a marked line, else None."""
    found = MARK.match(text)
    if found is None:
        return None
    return ROLES[found.group(1)], found.group(0).strip(), text[found.end():]


def is_comment(text: str) -> bool:
    """Return True for a comment line: it starts with # (or ＃), and is no hashtag (#主题教育# …)."""
    return text.startswith(COMMENT_SIGNS) and not any(sign in text[1:] for sign in COMMENT_SIGNS)


def read_marks(lines: list[SourceLine]) -> MarkedLines:
    """Return the lines with their marks read: what each marked line is, and what is not content."""
    marked = MarkedLines()
    for line in lines:
        if is_comment(line.text):
            marked.removed.append(Removed(line.number, line.text, "comment"))
            continue
        found = mark_of(line.text)
        if found is None:
            marked.lines.append(line)
            continue
        role, mark, rest = found
        if role == "omit":
            marked.removed.append(Removed(line.number, line.text, f"marked {mark}: not content"))
            continue
        marked.removed.append(Removed(line.number, mark, "line mark"))
        if rest:
            marked.lines.append(SourceLine(line.number, rest, line.indent, line.blank_before))
            marked.roles[line.number] = role
    return marked
