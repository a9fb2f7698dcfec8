#!/usr/bin/env python3
"""Sanity check of the test compilations in this folder against their .expect.toml files.

    python3 tests/corpus/check_corpus.py               # check every NN-name.txt / .expect.toml pair
    python3 tests/corpus/check_corpus.py --invisibles  # also list the lines holding U+3000 / U+00A0

It checks the expectation files, not a parser: every referenced line exists; each speech's title
(or its title_lines) stands at title_line; subtitle and speaker strings stand where they should;
removed and closing lines exist and are not blank; every non-blank line of a text is accounted
for (collection title, preface, a speech, removed or closing); and the numbered points
(一、 （一） 1. （1） ①) and run-in sub-points (一是 一要 第一， 首先，…) found by regular expression in
each speech's lines match `points` and `subpoints`. Standard library only; it does not import
briefgen. Exit status 1 when something does not match.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
MAX_BYTES = 12 * 1024

COLLECTION_KEYS = {"title", "count", "single", "removed", "closing", "preface_lines"}
SPEECH_KEYS = {"title", "title_lines", "subtitle", "speaker", "title_line", "points",
               "subheadings", "subpoints"}

CN = "一二三四五六七八九十"
POINT_RES = [
    re.compile(rf"^[{CN}]+、"),                 # level 1: 一、
    re.compile(rf"^[（(][{CN}]+[）)]"),         # level 2: （一）
    re.compile(r"^[0-9０-９]+[.．、](?![0-9])"),  # level 3: 1.
    re.compile(r"^[（(][0-9０-９]+[）)]"),       # level 4: （1）
    re.compile(r"^[①-⑳]"),                      # level 5: ①
]
SUBPOINT_RE = re.compile(rf"[{CN}][是要]|第[{CN}][，,]|(?:首先|其次|再次|最后|最後)[，,]")
SENTENCE_END = "。！？!?"
COLON = "：:"
COUNT_SUFFIXES = ("{n}篇", "（{n}篇）", "({n}篇)", "-{n}篇", "—{n}篇", "－{n}篇")
# lines that are site furniture whatever the text: each must be listed as removed (or closing)
FURNITURE = re.compile(
    r"^(?:-\s*\d+\s*-|—\s*\d+\s*—|第\s*\d+\s*页|0"                      # page labels, a lone 0
    r"|.*(?:首页|首頁)\s*>.*|[^>]+>[^>]+>.*|.*\.docx?|.*◆记住我|.*——\s*专注.*范文|.*范文\s*第\d+篇"
    r"|(?:发布时间|發佈時間|时间|時間|来源|來源|责任编辑|責任編輯|上传者|浏览次数)\s*[：:].*"
    r"|.*(?:字号|字體|字体)\s*[：:].*|打印本页|分享|相关报道|免费试读|正文复制|点击下载.*"
    r"|加入收藏.*|目录/提纲.*|目\s*录|欢迎访问.*|【打印本頁】.*|（本版内容.*）|《.+》（\d{4}年.*版）)$")


def norm(s: str) -> str:
    """A line as a reader compares it: edge whitespace trimmed, U+00A0 read as a space."""
    return s.strip().replace("\u00a0", " ")


def count_points(lines: list[str]) -> list[int]:
    counts = [0] * len(POINT_RES)
    for line in lines:
        s = norm(line)
        for level, rx in enumerate(POINT_RES):
            if rx.match(s):
                counts[level] += 1
                break
    while counts and counts[-1] == 0:
        counts.pop()
    return counts


def count_subpoints(lines: list[str]) -> int:
    """Sub-point markers that open a paragraph or a sentence (after 。！？), and a first marker
    after a colon when the marker after it opens a sentence (`做法是：一是…。二是…。`).
    Markers inside a sentence (`集中在一是…、二是…`, `：一是…；二是…；`) are a list, not sub-points."""
    total = 0
    for line in lines:
        s = norm(line)
        kinds = []
        for m in SUBPOINT_RE.finditer(s):
            before = s[:m.start()].rstrip(" ”’\"")
            if not before or before[-1] in SENTENCE_END:
                kinds.append("open")
            elif before[-1] in COLON:
                kinds.append("colon")
            else:
                kinds.append("inside")
        for i, kind in enumerate(kinds):
            if kind == "open":
                total += 1
            elif kind == "colon" and i + 1 < len(kinds) and kinds[i + 1] == "open":
                total += 1
    return total


class Check:
    """One text and its expectation file, checked step by step; each step appends to ``errors``."""

    def __init__(self, txt: Path, errors: list[str]):
        self.txt, self.errors, self.name = txt, errors, txt.name
        self.lines: list[str] = []
        self.header: set[int] = set()
        self.firsts: list[int] = []
        self.ctitle_line: int | None = None

    def err(self, msg: str) -> None:
        self.errors.append(f"{self.name}: {msg}")

    def line(self, no: int) -> str:
        return self.lines[no - 1]

    def valid(self, no, what: str) -> bool:
        n = len(self.lines)
        if not isinstance(no, int) or not 1 <= no <= n:
            self.err(f"{what}: line {no} is not a line of the text (1..{n})")
            return False
        return True

    def run(self) -> None:
        exp_path = self.txt.with_name(self.txt.name[:-4] + ".expect.toml")
        self.read_text()
        if not exp_path.exists():
            self.err(f"no {exp_path.name}")
            return
        self.toml_text = exp_path.read_text(encoding="utf-8")
        if not self.read_tables(tomllib.loads(self.toml_text)):
            return
        self.check_groups()
        self.check_speech_count()
        for i, sp in enumerate(self.speeches, 1):
            self.check_header(i, sp)
        if self.firsts != sorted(self.firsts) or len(set(self.firsts)) != len(self.firsts):
            self.err(f"speeches are not in line order: {self.firsts}")
        self.check_collection_title()
        self.check_accounted()
        self.check_closing()
        for i, sp in enumerate(self.speeches):
            self.check_body(i, sp)

    def read_text(self) -> None:
        raw = self.txt.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err("starts with a BOM")
        if not raw.endswith(b"\n"):
            self.err("does not end with a newline")
        if b"\r" in raw:
            self.err("holds a carriage return")
        if len(raw) > MAX_BYTES:
            self.err(f"{len(raw)} bytes, over {MAX_BYTES}")
        self.lines = raw.decode("utf-8").split("\n")[:-1]

    def read_tables(self, exp: dict) -> bool:
        if set(exp) - {"collection", "speech"}:
            self.err(f"unknown tables {sorted(set(exp) - {'collection', 'speech'})}")
        self.coll = exp.get("collection", {})
        self.speeches = exp.get("speech", [])
        if set(self.coll) - COLLECTION_KEYS:
            self.err(f"unknown [collection] keys {sorted(set(self.coll) - COLLECTION_KEYS)}")
        if "title" not in self.coll:
            self.err("[collection] has no title")
            return False
        if not self.speeches:
            self.err("no [[speech]]")
            return False
        self.removed = set(self.coll.get("removed", []))
        self.closing = set(self.coll.get("closing", []))
        self.preface = set(self.coll.get("preface_lines", []))
        self.skip = self.removed | self.closing
        return True

    def check_groups(self) -> None:
        for group, what in ((self.removed, "removed"), (self.closing, "closing"), (self.preface, "preface_lines")):
            for no in sorted(group):
                if self.valid(no, what) and not self.line(no).strip():
                    self.err(f"{what}: line {no} is blank")
        for a, b in (("removed", "closing"), ("removed", "preface_lines"), ("closing", "preface_lines")):
            both = set(self.coll.get(a, [])) & set(self.coll.get(b, []))
            if both:
                self.err(f"lines {sorted(both)} are both {a} and {b}")

    def check_speech_count(self) -> None:
        self.single = self.coll.get("single", False)
        if self.single and len(self.speeches) != 1:
            self.err(f"single = true but {len(self.speeches)} speeches")
        if not self.single and not 2 <= len(self.speeches) <= 8:
            self.err(f"{len(self.speeches)} speeches (want 2-8)")

    def check_title_lines(self, tag: str, sp: dict, tl: int, mine: set[int]) -> int:
        """Check a speech's title lines; return the last line of its title."""
        tlines = sp.get("title_lines")
        if not tlines:
            mine.add(tl)
            return tl
        if "".join(tlines) != sp.get("title", ""):
            self.err(f"{tag}: title {sp.get('title', '')!r} is not its title_lines joined")
        for k, part in enumerate(tlines):
            if not self.valid(tl + k, f"{tag} title_lines[{k}]"):
                continue
            if norm(self.line(tl + k)) != part:
                self.err(f"{tag}: line {tl + k} is {norm(self.line(tl + k))!r}, not {part!r}")
            mine.add(tl + k)
        return tl + len(tlines) - 1

    def check_header(self, i: int, sp: dict) -> None:
        """Check a speech's header lines (title, subtitle, speaker) and note its first line."""
        tag, n = f"speech {i}", len(self.lines)
        if set(sp) - SPEECH_KEYS:
            self.err(f"{tag}: unknown keys {sorted(set(sp) - SPEECH_KEYS)}")
        tl, title = sp.get("title_line"), sp.get("title", "")
        if not self.valid(tl, f"{tag} title_line"):
            self.firsts.append(1)
            return
        mine: set[int] = set()
        end = self.check_title_lines(tag, sp, tl, mine)
        sub, on_title_line = sp.get("subtitle"), False
        if sub is not None:
            if norm(self.line(tl)) == title + sub:
                on_title_line = True
            elif tl > 1 and norm(self.line(tl - 1)) == sub:
                mine.add(tl - 1)
            elif end < n and norm(self.line(end + 1)) == sub:
                mine.add(end + 1)
                end += 1
            else:
                self.err(f"{tag}: subtitle {sub!r} is neither on, above nor below the title")
        if not sp.get("title_lines") and not on_title_line and norm(self.line(tl)) != title:
            self.err(f"{tag}: line {tl} is {norm(self.line(tl))!r}, not the title {title!r}")
        spk = sp.get("speaker")
        if spk is not None:
            found = [no for no in (end + 1, end + 2) if no <= n and self.line(no).strip() == spk]
            if not found:
                self.err(f"{tag}: speaker {spk!r} is not a line right under the title (line {end + 1})")
            else:
                mine.add(found[0])
        if mine & self.skip:
            self.err(f"{tag}: header lines {sorted(mine & self.skip)} are also removed/closing")
        self.header |= mine
        self.firsts.append(min(mine))

    def check_collection_title(self) -> None:
        ctitle, count = self.coll["title"], self.coll.get("count")
        if self.single:
            if ctitle != self.speeches[0].get("title"):
                self.err("single: the collection title is not the speech's title")
        else:
            wanted = {ctitle}
            if count is not None:
                wanted |= {ctitle + s.format(n=count) for s in COUNT_SUFFIXES}
            hits = [no for no in range(1, self.firsts[0]) if no not in self.skip and norm(self.line(no)) in wanted]
            if len(hits) != 1:
                self.err(f"collection title {ctitle!r} (count {count}) found on lines {hits} before line "
                         f"{self.firsts[0]}")
            else:
                self.ctitle_line = hits[0]
                if count is not None and norm(self.line(self.ctitle_line)) == ctitle:
                    self.err("count given but the title line carries no count suffix")
        if count is not None and count != len(self.speeches):
            if not re.search(r"(?m)^# count mismatch", self.toml_text):
                self.err(f"count {count} but {len(self.speeches)} speeches, and no '# count mismatch' comment")

    def check_accounted(self) -> None:
        """Check that every non-blank line is a title, preface, speech, removed or closing line."""
        for no in range(1, len(self.lines) + 1):
            s = self.line(no).strip()
            if not s or no in self.skip:
                continue
            if FURNITURE.match(s):
                self.err(f"line {no} looks like site furniture but is neither removed nor closing: {s[:30]!r}")
            if no < self.firsts[0]:
                if no == self.ctitle_line or no in self.preface:
                    continue
                self.err(f"line {no} before the first speech is neither title, preface nor removed: {s[:30]!r}")
            elif no in self.preface:
                self.err(f"preface line {no} is inside a speech")
        for no in self.preface:
            if self.ctitle_line is None or not self.ctitle_line < no < self.firsts[0]:
                self.err(f"preface line {no} is not between the collection title and the first speech")

    def check_closing(self) -> None:
        if not self.closing:
            return
        if min(self.closing) < self.firsts[-1]:
            self.err("closing lines stand before the last speech")
        for no in range(min(self.closing), len(self.lines) + 1):
            if self.line(no).strip() and no not in self.skip:
                self.err(f"line {no} stands among the closing lines but is neither closing nor removed")

    def check_body(self, i: int, sp: dict) -> None:
        """Check a speech's points, sub-points, sub-headings and paragraph count."""
        tag = f"speech {i + 1}"
        start = self.firsts[i]
        stop = self.firsts[i + 1] if i + 1 < len(self.firsts) else len(self.lines) + 1
        if self.closing:
            stop = min(stop, min(self.closing))
        body = [self.line(no) for no in range(start, stop)
                if no not in self.skip and no not in self.header and self.line(no).strip()]
        if "points" not in sp:
            self.err(f"{tag}: no points")
        elif count_points(body) != sp["points"]:
            self.err(f"{tag}: points {sp['points']} but the markers give {count_points(body)}")
        sp_count = count_subpoints(body)
        if sp_count != sp.get("subpoints", 0):
            self.err(f"{tag}: subpoints {sp.get('subpoints', 0)} but the markers give {sp_count}")
        bodyset = {norm(b) for b in body}
        for h in sp.get("subheadings", []):
            if h not in bodyset:
                self.err(f"{tag}: sub-heading {h!r} is not a line of the speech")
        if not 3 <= len(body) <= 15:
            self.err(f"{tag}: {len(body)} body paragraphs (want 3-15)")


def check(txt: Path, errors: list[str]) -> None:
    """Check one text against its expectation file, appending what does not match to ``errors``."""
    Check(txt, errors).run()


def invisibles(txt: Path) -> None:
    for no, s in enumerate(txt.read_text(encoding="utf-8").split("\n")[:-1], 1):
        found = [f"U+3000 x{s.count(chr(0x3000))}"] * (chr(0x3000) in s)
        found += [f"U+00A0 x{s.count(chr(0xA0))}"] * (chr(0xA0) in s)
        if found:
            shown = s.replace("\u3000", "«U+3000»").replace("\u00a0", "«U+00A0»")
            print(f"  {txt.name}:{no}: {', '.join(found)}: {shown[:40]}")


def main(argv: list[str]) -> int:
    texts = sorted(HERE.glob("[0-9][0-9]-*.txt"))
    errors: list[str] = []
    for txt in texts:
        check(txt, errors)
    for exp in sorted(HERE.glob("*.expect.toml")):
        if not exp.with_name(exp.name[: -len(".expect.toml")] + ".txt").exists():
            errors.append(f"{exp.name}: no text beside it")
    if "--invisibles" in argv:
        print("lines holding U+3000 / U+00A0:")
        for txt in texts:
            invisibles(txt)
    for e in errors:
        print(e)
    print(f"{len(texts)} texts, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
