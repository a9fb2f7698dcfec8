"""Decide what each paragraph is: cover, contents, speech title, subtitle, unit or speaker line, body.

Units mark structure with direct formatting more than with styles. A speech title is a short
centred paragraph in a size larger than the body text's, or in a title face (小标宋); one title
may be broken over two or three such paragraphs. At the start of a file or of a page, a centred
bold line or a paragraph of outline level 0 (a Title or Heading 1 style) is taken as a title
too. Under the title stand a subtitle (——在…上的发言) and the unit or speaker, short centred lines,
blank paragraphs between them or not. Every other paragraph is body text. A new speech starts at
a title that follows body text, or at a page break followed by a title. A first page holding
only centred lines, before a page that opens with a title, is a cover: its title is the
collection's, its other lines are left out; so is a contents heading (目录) on a page of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from briefgen.i18n import _
from briefgen.importer.package import ImportFault
from briefgen.importer.records import FileOutcome, Para, SpeechDraft
from briefgen.marks import CLAUSE_ENDS, COLONS, COMMAS, is_wide
from briefgen.outline.numbering import match_point_marker

SPACES = re.compile(r"[^\S\u3000]+")  # whitespace but the ideographic space, which keeps its cell
LINE_ENDINGS = COLONS + COMMAS + "、"  # a line ending on these goes on: not a title or unit line
TITLE_FACES = ("小标宋", "标宋", "中宋", "xiaobiaosong", "fzxbs", "zhongsong")
CONTENTS_HEADINGS = ("目录", "目次", "contents")
SUBTITLE_OPENERS = ("——", "--", "－－", "—")
MAX_TITLE_PARAGRAPH = 60  # characters of one title paragraph
MAX_TITLE_PARAGRAPHS = 3
MAX_UNIT_LINE = 40
MAX_UNIT_LINES = 3
LABEL_REACH = 2  # a label line stands at most this many paragraphs above the first title
CENTRING_SPACES = 4  # leading spaces that centre a line by hand (a first-line indent is two)
LARGE_STEP = 1.5  # points above the body text's size that make a paragraph "large"
DEFAULT_BODY_SIZE = 16.0  # 三号, GB/T 9704's body size


def compact(text: str) -> str:
    """Return ``text`` without whitespace."""
    return "".join(text.split())


def measure_body_size(paras: tuple[Para, ...]) -> float:
    """Return the size of most body characters (paragraphs not centred), else of most characters."""
    for candidates in ([p for p in paras if not p.centred], list(paras)):
        sizes = Counter({})
        for para in candidates:
            sizes[para.size] += len(compact(para.text))
        if +sizes:
            return (+sizes).most_common(1)[0][0]
    return DEFAULT_BODY_SIZE


def is_subtitle_text(text: str) -> bool:
    """Return True for a subtitle line (——在…上的发言)."""
    return compact(text).startswith(SUBTITLE_OPENERS) and len(compact(text)) > 2


def is_centred_by_spaces(para: Para) -> bool:
    """Return True for a paragraph pushed towards the middle with typed spaces rather than centred."""
    text = para.full_text
    return len(text) - len(text.lstrip()) >= CENTRING_SPACES


def is_contents_heading(para: Para) -> bool:
    """Return True for a contents heading: 目录, 目　录, Contents."""
    return compact(para.full_text).lower() in CONTENTS_HEADINGS


class Structure:
    """Reads the speeches of one file's paragraphs."""

    def __init__(self, paras: tuple[Para, ...], path: Path, left_out: Counter):
        self.paras = paras
        self.path = path
        self.left_out = left_out
        self.body_size = measure_body_size(paras)

    def is_short_line(self, para: Para, limit: int) -> bool:
        """Return True for a paragraph of at most ``limit`` characters with no sentence end and no marker."""
        text = compact(para.full_text)
        return (0 < len(text) <= limit and not any(c in CLAUSE_ENDS for c in text) and not para.marker
                and match_point_marker(text) is None)

    def is_title(self, para: Para, at_start: bool) -> bool:
        """Return True for a speech title paragraph; ``at_start``: at the start of the file or of a page."""
        if not self.is_short_line(para, MAX_TITLE_PARAGRAPH) or is_subtitle_text(para.text):
            return False
        large = para.size >= self.body_size + LARGE_STEP or any(f in para.font.lower() for f in TITLE_FACES)
        if (para.centred or is_centred_by_spaces(para)) and large:
            return True
        return at_start and ((para.centred and para.bold) or para.outline_level == 0)

    def continues_title(self, para: Para, first: Para) -> bool:
        """Return True when ``para`` is the next line of a title that ``first`` opens."""
        if para.blank or para.new_page or not self.is_short_line(para, MAX_TITLE_PARAGRAPH):
            return False
        if not self.is_title(first, at_start=True):
            return False  # a plain first line: one paragraph, the next is body text
        if is_subtitle_text(para.text) or compact(para.text)[0] in "（(":
            return False
        same_look = (para.centred == first.centred and abs(para.size - first.size) < 0.5
                     and para.bold == first.bold and para.font == first.font)
        if same_look:
            return True
        return self.is_title(first, at_start=True) and para.centred and self.is_title(para, at_start=False)

    def is_unit(self, para: Para) -> bool:
        """Return True for a unit or speaker line under a title: short, centred, right-aligned or in brackets."""
        text = compact(para.full_text)
        if not self.is_short_line(para, MAX_UNIT_LINE) or text[-1] in LINE_ENDINGS:
            return False
        return para.centred or para.align in ("right", "end") or (text[0] in "（(" and text[-1] in "）)")

    def read_heading(self, start: int) -> tuple[SpeechDraft, int]:
        """Return the speech whose title stands at ``start`` (title, subtitle, unit lines) and where its body begins."""
        first = self.paras[start]
        titles = [first]
        index = start + 1
        while (index < len(self.paras) and len(titles) < MAX_TITLE_PARAGRAPHS
               and self.continues_title(self.paras[index], first)):
            titles.append(self.paras[index])
            index += 1
        speech = SpeechDraft([line.strip() for p in titles for line in p.full_text.split("\n") if line.strip()])
        while index < len(self.paras):
            para = self.paras[index]
            if para.blank:
                index += 1
            elif is_subtitle_text(para.text) and speech.subtitle is None and not speech.unit_lines:
                speech.subtitle = para.full_text
                index += 1
            elif self.is_unit(para) and len(speech.unit_lines) < MAX_UNIT_LINES and not para.new_page:
                speech.unit_lines.append(para.full_text)
                index += 1
            else:
                break
        return speech, index

    def find_cover_end(self) -> int:
        """Return where the text after a cover page starts, or 0 when the file has no cover."""
        shown = [i for i, p in enumerate(self.paras) if not p.blank]
        breaks = [i for i in shown if self.paras[i].new_page and i != shown[0]]
        if not breaks:
            return 0
        page = [self.paras[i] for i in shown if i < breaks[0]]
        if not page or not all(p.centred and self.is_short_line(p, MAX_TITLE_PARAGRAPH) for p in page):
            return 0
        after = [i for i in shown if i >= breaks[0]]
        if after and is_contents_heading(self.paras[after[0]]):
            after = after[1:]
        if not after or not self.is_title(self.paras[after[0]], at_start=True):
            return 0
        return breaks[0] if self.is_title(page[0], at_start=True) else 0

    def read_cover(self, end: int) -> str:
        """Return the collection title of a cover page ending at ``end``; count its other lines as left out."""
        page = [p for p in self.paras[:end] if not p.blank]
        lines, index = [page[0]], 1
        while index < len(page) and len(lines) < MAX_TITLE_PARAGRAPHS and self.continues_title(page[index], page[0]):
            lines.append(page[index])
            index += 1
        self.left_out["cover"] += len(page) - len(lines)
        return join_pieces([line for p in lines for line in p.full_text.split("\n")])

    def skips_contents_heading(self, index: int) -> bool:
        """Return True for a contents heading standing alone at the end of its page (its entries left out)."""
        if not is_contents_heading(self.paras[index]):
            return False
        following = next((p for p in self.paras[index + 1:] if not p.blank), None)
        return following is None or following.new_page

    def read_speeches(self, start: int) -> list[SpeechDraft]:
        """Return the speeches of the paragraphs from ``start`` on."""
        found: list[SpeechDraft] = []
        index = start
        while index < len(self.paras):
            para = self.paras[index]
            if para.blank:
                index += 1
            elif self.skips_contents_heading(index):
                self.left_out["contents"] += 1
                index += 1
            elif not found and self.is_label(index):
                self.left_out["label"] += 1
                index += 1
            elif self.opens_speech(para, found):
                speech, index = self.read_heading(index)
                found.append(speech)
            elif not found:
                raise ImportFault(self.path, _("no speech title: the first paragraph (“{text}”) reads as body text; "
                                               "a speech opens with its title, a short centred line in a larger "
                                               "size: format it so, or add it, and import again").format(
                                                   text=excerpt(para.full_text)))
            else:
                found[-1].body.append(para)
                index += 1
        return found

    def opens_speech(self, para: Para, found: list[SpeechDraft]) -> bool:
        """Return True when ``para`` starts a speech: a title first in the file, after body text, or on a new page."""
        at_start = not found or para.new_page
        if not self.is_title(para, at_start):
            return not found and self.is_plain_title(para)
        return at_start or bool(found[-1].body)

    def is_label(self, index: int) -> bool:
        """Return True for a short line above a file's first title (附件1, 材料之三): no title itself."""
        para = self.paras[index]
        if self.is_title(para, at_start=True) or not self.is_short_line(para, MAX_UNIT_LINE):
            return False
        following = [p for p in self.paras[index + 1:] if not p.blank][:LABEL_REACH]
        return any(self.is_title(p, at_start=False) for p in following)

    def is_plain_title(self, para: Para) -> bool:
        """Return True for a first paragraph that can be a title without a title's formatting (plain text)."""
        text = compact(para.full_text)
        return (self.is_short_line(para, MAX_TITLE_PARAGRAPH) and not is_subtitle_text(para.text)
                and text[-1] not in LINE_ENDINGS)


def excerpt(text: str, limit: int = 20) -> str:
    """Return the start of ``text``, shortened with … past ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def join_pieces(pieces: list[str]) -> str:
    """Return lines joined into one: nothing where a CJK character meets the break, else a space."""
    joined = ""
    for piece in (SPACES.sub(" ", p).strip() for p in pieces):
        if not piece:
            continue
        if joined and not (is_wide(joined[-1]) or is_wide(piece[0])):
            joined += " "
        joined += piece
    return joined


def say_no_text(left_out: Counter) -> str:
    """Return why a document without a paragraph of text is refused, naming the tables, images, text boxes it has."""
    # TRANSLATORS: what a Word document may hold its text in instead of paragraphs
    names = {"table": _("table"), "image": _("image"), "text box": _("text box")}
    what = [names[key] for key in names if left_out[key]]
    if not what:
        return _("the document holds no text: is it the right file?")
    # TRANSLATORS: {what} names the document's tables, images or text boxes, joined by the list separator
    return _("the document holds no text outside its {what} (briefgen reads paragraphs only): is it the right "
             "file?").format(what=_(", ").join(what))


def read_structure(paras: tuple[Para, ...], path: Path, left_out: Counter, auto_numbered: int = 0) -> FileOutcome:
    """Return the speeches of a file's paragraphs, with a cover's title; raise ImportFault for a file with no text."""
    if all(p.blank for p in paras):
        raise ImportFault(path, say_no_text(left_out))
    reader = Structure(paras, path, left_out)
    end = reader.find_cover_end()
    cover = reader.read_cover(end) if end else None
    speeches = reader.read_speeches(end)
    if not speeches:
        raise ImportFault(path, _("no speech found (only a cover or contents): is it the right file?"))
    return FileOutcome(path, speeches, cover, left_out, auto_numbered=auto_numbered)
