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


def check(txt: Path, errors: list[str]) -> None:
    name = txt.name
    exp_path = txt.with_name(txt.name[:-4] + ".expect.toml")

    def err(msg: str) -> None:
        errors.append(f"{name}: {msg}")

    raw = txt.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("starts with a BOM")
    if not raw.endswith(b"\n"):
        err("does not end with a newline")
    if b"\r" in raw:
        err("holds a carriage return")
    if len(raw) > MAX_BYTES:
        err(f"{len(raw)} bytes, over {MAX_BYTES}")
    text = raw.decode("utf-8")
    lines = text.split("\n")[:-1]
    n = len(lines)

    if not exp_path.exists():
        err(f"no {exp_path.name}")
        return
    toml_text = exp_path.read_text(encoding="utf-8")
    exp = tomllib.loads(toml_text)
    if set(exp) - {"collection", "speech"}:
        err(f"unknown tables {sorted(set(exp) - {'collection', 'speech'})}")
    coll = exp.get("collection", {})
    speeches = exp.get("speech", [])
    if set(coll) - COLLECTION_KEYS:
        err(f"unknown [collection] keys {sorted(set(coll) - COLLECTION_KEYS)}")
    if "title" not in coll:
        err("[collection] has no title")
        return
    if not speeches:
        err("no [[speech]]")
        return

    def line(no: int) -> str:
        return lines[no - 1]

    def valid(no, what: str) -> bool:
        if not isinstance(no, int) or not 1 <= no <= n:
            err(f"{what}: line {no} is not a line of the text (1..{n})")
            return False
        return True

    removed = set(coll.get("removed", []))
    closing = set(coll.get("closing", []))
    preface = set(coll.get("preface_lines", []))
    for group, what in ((removed, "removed"), (closing, "closing"), (preface, "preface_lines")):
        for no in sorted(group):
            if valid(no, what) and not line(no).strip():
                err(f"{what}: line {no} is blank")
    for a, b in (("removed", "closing"), ("removed", "preface_lines"), ("closing", "preface_lines")):
        both = set(coll.get(a, [])) & set(coll.get(b, []))
        if both:
            err(f"lines {sorted(both)} are both {a} and {b}")
    skip = removed | closing

    single = coll.get("single", False)
    if single and len(speeches) != 1:
        err(f"single = true but {len(speeches)} speeches")
    if not single and not 2 <= len(speeches) <= 8:
        err(f"{len(speeches)} speeches (want 2-8)")

    # each speech: its header lines (title, subtitle, speaker) and its first line
    header: set[int] = set()
    firsts: list[int] = []
    for i, sp in enumerate(speeches, 1):
        tag = f"speech {i}"
        if set(sp) - SPEECH_KEYS:
            err(f"{tag}: unknown keys {sorted(set(sp) - SPEECH_KEYS)}")
        tl = sp.get("title_line")
        title = sp.get("title", "")
        if not valid(tl, f"{tag} title_line"):
            firsts.append(1)
            continue
        mine = set()
        tlines = sp.get("title_lines")
        if tlines:
            if "".join(tlines) != title:
                err(f"{tag}: title {title!r} is not its title_lines joined")
            for k, part in enumerate(tlines):
                if not valid(tl + k, f"{tag} title_lines[{k}]"):
                    continue
                if norm(line(tl + k)) != part:
                    err(f"{tag}: line {tl + k} is {norm(line(tl + k))!r}, not {part!r}")
                mine.add(tl + k)
            end = tl + len(tlines) - 1
        else:
            end = tl
            mine.add(tl)
        sub = sp.get("subtitle")
        on_title_line = False
        if sub is not None:
            if norm(line(tl)) == title + sub:
                on_title_line = True
            elif tl > 1 and norm(line(tl - 1)) == sub:
                mine.add(tl - 1)
            elif end < n and norm(line(end + 1)) == sub:
                mine.add(end + 1)
                end += 1
            else:
                err(f"{tag}: subtitle {sub!r} is neither on, above nor below the title")
        if not tlines and not on_title_line and norm(line(tl)) != title:
            err(f"{tag}: line {tl} is {norm(line(tl))!r}, not the title {title!r}")
        spk = sp.get("speaker")
        if spk is not None:
            found = [no for no in (end + 1, end + 2) if no <= n and line(no).strip() == spk]
            if not found:
                err(f"{tag}: speaker {spk!r} is not a line right under the title (line {end + 1})")
            else:
                mine.add(found[0])
        if mine & skip:
            err(f"{tag}: header lines {sorted(mine & skip)} are also removed/closing")
        header |= mine
        firsts.append(min(mine))
    if firsts != sorted(firsts) or len(set(firsts)) != len(firsts):
        err(f"speeches are not in line order: {firsts}")

    # the collection title
    ctitle = coll["title"]
    count = coll.get("count")
    if single:
        if ctitle != speeches[0].get("title"):
            err("single: the collection title is not the speech's title")
        ctitle_line = None
    else:
        wanted = {ctitle}
        if count is not None:
            wanted |= {ctitle + s.format(n=count) for s in COUNT_SUFFIXES}
        hits = [no for no in range(1, firsts[0]) if no not in skip and norm(line(no)) in wanted]
        if len(hits) != 1:
            err(f"collection title {ctitle!r} (count {count}) found on lines {hits} before line {firsts[0]}")
            ctitle_line = None
        else:
            ctitle_line = hits[0]
            if count is not None and norm(line(ctitle_line)) == ctitle:
                err("count given but the title line carries no count suffix")
    if count is not None and count != len(speeches):
        if not re.search(r"(?m)^# count mismatch", toml_text):
            err(f"count {count} but {len(speeches)} speeches, and no '# count mismatch' comment")

    # every non-blank line accounted for
    last = firsts[-1]
    for no in range(1, n + 1):
        s = line(no).strip()
        if not s or no in skip:
            continue
        if FURNITURE.match(s):
            err(f"line {no} looks like site furniture but is neither removed nor closing: {s[:30]!r}")
        if no < firsts[0]:
            if no == ctitle_line or no in preface:
                continue
            err(f"line {no} before the first speech is neither title, preface nor removed: {s[:30]!r}")
        elif no in preface:
            err(f"preface line {no} is inside a speech")
    for no in preface:
        if ctitle_line is None or not ctitle_line < no < firsts[0]:
            err(f"preface line {no} is not between the collection title and the first speech")
    if closing:
        tail = range(min(closing), n + 1)
        if min(closing) < last:
            err("closing lines stand before the last speech")
        for no in tail:
            if line(no).strip() and no not in skip:
                err(f"line {no} stands among the closing lines but is neither closing nor removed")

    # each speech's content: points, sub-points, sub-headings, paragraph count
    for i, sp in enumerate(speeches):
        tag = f"speech {i + 1}"
        start, stop = firsts[i], (firsts[i + 1] if i + 1 < len(firsts) else n + 1)
        if closing:
            stop = min(stop, min(closing))
        body = [line(no) for no in range(start, stop)
                if no not in skip and no not in header and line(no).strip()]
        if "points" not in sp:
            err(f"{tag}: no points")
        elif count_points(body) != sp["points"]:
            err(f"{tag}: points {sp['points']} but the markers give {count_points(body)}")
        sp_count = count_subpoints(body)
        if sp_count != sp.get("subpoints", 0):
            err(f"{tag}: subpoints {sp.get('subpoints', 0)} but the markers give {sp_count}")
        bodyset = {norm(b) for b in body}
        for h in sp.get("subheadings", []):
            if h not in bodyset:
                err(f"{tag}: sub-heading {h!r} is not a line of the speech")
        if not 3 <= len(body) <= 15:
            err(f"{tag}: {len(body)} body paragraphs (want 3-15)")


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
