"""The hostile inputs themselves: seed edits, theme files, damaged fonts, templates that try to escape."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from briefgen.fonts.faces import bundled_face

from support.badinputs.making import (
    FAILS,
    Case,
    Make,
    insert_at,
    lines_of,
    replace_line,
    template_case,
    write_seed_bytes,
)

# -- seeds ----------------------------------------------------------------------------------------

# Seed lines (1-based): 2 the collection title, 3 the first speech title, 4 its intro, 5-7 its
# points 一、二、三、 (7 opens with ##paidbegin##), 8 the second speech title, 9 its intro, 10-12
# its points, ... 36 ##paidend##.
TITLE_LINE, SPEECH_TITLE_LINE, INTRO_LINE, POINT_LINE = 2, 3, 4, 5
SPEECH_STARTS = (3, 8, 13, 19, 24, 30)
SECOND_SPEECH_INTRO = 9

BIG5_SEED = """公務員工作座談會發言彙編2篇
抓實抓好公務員隊伍源頭工程
公務員考錄是建設高素質公務員隊伍的源頭工程，事關後繼有人這個根本大計。
一、突出政治標準，嚴把公務員隊伍入口關。以黨的政治建設為統領，堅持黨管幹部原則。一是考試環節考準考實。二是考察環節做深做細。
二、服務中心大局，為事業發展延攬優秀人才。按照黨中央的戰略定位，健全完善統一招錄。
聚焦落實國家重大戰略
近年來，省深入貫徹落實重要指示精神，牢牢把握在全國工作大局中的定位。
一、系統構建考核體系，以考核導向引領發展導向。省委緊緊圍繞實施國家重大戰略、推動重點工作。
"""


def mixed(first_encoding: str, second_encoding: str, split_after: int) -> Make:
    """Return a maker writing the first ``split_after`` lines in one encoding and the rest in another."""

    def make(project: Path, seed: str) -> None:
        lines = lines_of(seed)
        head = "\n".join(lines[:split_after]) + "\n"
        tail = "\n".join(lines[split_after:])
        write_seed_bytes(project, head.encode(first_encoding) + tail.encode(second_encoding))
        return None

    return make


def truncated_utf8(project: Path, seed: str) -> None:
    data = "\n".join(lines_of(seed)[:35]).encode("utf-8")
    write_seed_bytes(project, data[:-1])  # cut inside line 35's last character (。)
    return None


def huge_seed(target_bytes: int) -> Make:
    """Return a maker of a well-formed seed of at least ``target_bytes``: the speeches repeated, retitled."""

    def make(project: Path, seed: str) -> None:
        lines = lines_of(seed)
        starts = [n - 1 for n in SPEECH_STARTS]
        head = lines[: starts[0]]
        speeches = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
        block = "\n".join(line for speech in speeches for line in speech[1:]) + "\n"
        parts, size, copy = ["\n".join(head) + "\n"], 0, 0
        while size < target_bytes:
            copy += 1
            for speech in speeches:
                parts.append(f"{speech[0]}之{copy}\n")
            parts.append(block)
            size += len(block.encode("utf-8")) + 300
        write_seed_bytes(project, "".join(parts).encode("utf-8"))
        return None

    return make


def long_paragraph(seed: str) -> str:
    """The first speech's intro replaced by 200,000 characters with no punctuation."""
    body = "".join(c for c in lines_of(seed)[INTRO_LINE - 1] if "\u4e00" <= c <= "\u9fff")
    return replace_line(INTRO_LINE, lambda line: (body * (200_000 // len(body) + 1))[:200_000])(seed)


def unbreakable_line(seed: str) -> str:
    """A paragraph of one 2,000-character Latin 'word' (a pasted link) the grid cannot break at a space."""
    link = "https://example.org/" + "".join("abcdefghij0123456789"[i % 20] for i in range(1980))
    return replace_line(INTRO_LINE, lambda line: link)(seed)


def point_markers(change: Callable[[int, str], str]) -> Callable[[str], str]:
    """Return an edit applying ``change(speech index, line)`` to every line of a 一、 point."""

    def edit(seed: str) -> str:
        lines = lines_of(seed)
        speech = -1
        for index, line in enumerate(lines):
            if index + 1 in SPEECH_STARTS:
                speech += 1
            stripped = line.replace("##paidbegin##", "")
            if stripped[:2] in ("一、", "二、", "三、", "四、"):
                lines[index] = change(speech, line)
        return "\n".join(lines)

    return edit


MIXED_STYLES = ("{n}.", "（{n}）", "{c}．", "({c})", "第{c}，")


def mixed_marker(speech: int, line: str) -> str:
    prefix = "##paidbegin##" if line.startswith("##paidbegin##") else ""
    rest = line[len(prefix):]
    number = "一二三四".index(rest[0]) + 1
    style = MIXED_STYLES[(speech + number) % len(MIXED_STYLES)]
    return prefix + style.format(n=number, c=rest[0]) + rest[2:]


def same_speech_twice(seed: str) -> str:
    lines = lines_of(seed)
    first = lines[SPEECH_STARTS[0] - 1 : SPEECH_STARTS[1] - 1]
    first = [line.replace("##paidbegin##", "") for line in first]
    return "\n".join(lines[: SPEECH_STARTS[1] - 1] + first + lines[SPEECH_STARTS[1] - 1 :])


def nested_artefacts(seed: str) -> str:
    seed = insert_at(INTRO_LINE, 10, "##paid##paidend##begin##")(seed)
    seed = insert_at(SECOND_SPEECH_INTRO, 5, "##paidbegin####paidbegin##")(seed)
    return insert_at(SECOND_SPEECH_INTRO + 1, 30, "####paidend####")(seed)


def unbalanced_artefacts(seed: str) -> str:
    seed = seed.replace("##paidend##", "")
    return insert_at(INTRO_LINE, 0, "##paidbegin##")(seed)


CONTROLS = "\x07\x1b[31m\x0c\x7f\x08\x85\x1b]0;title\x07"
RTL = "\u200f\u202e\u200e\u2067\u2069\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
MARKUP = ("<b>加粗</b>", "<font size=99>大字</font>", "&amp;", "&lt;", "<![CDATA[", "]]>", "<!-- 注释 -->",
          "<w:t>", "</w:p>", "\\par", "<script>alert(1)</script>")
TEMPLATE = ("{{ 7*7 }}", "{% include '/etc/passwd' %}", "{# 注释 #}", "{{ ''.__class__ }}",
            "{% for x in range(3) %}x{% endfor %}", "${HOME}", "%(name)s", "{0}")


def markup_like(seed: str) -> str:
    seed = insert_at(SPEECH_TITLE_LINE, 4, "<b>")(seed)  # a speech title: no 。！？； there
    seed = insert_at(INTRO_LINE, 12, "".join(MARKUP))(seed)
    return insert_at(POINT_LINE, 30, "<!-- -->&amp;<![CDATA[x]]>")(seed)


INJECTION = "\\ncover_date: 注入\\\\"  # a template's line break and a new paragraph, if values were not escaped


def template_like(seed: str) -> str:
    seed = replace_line(TITLE_LINE, lambda line: "{{ 7*7 }}" + INJECTION + line)(seed)
    seed = insert_at(SPEECH_TITLE_LINE, 2, "{% include '/etc/passwd' %}")(seed)
    seed = insert_at(INTRO_LINE, 12, "".join(TEMPLATE))(seed)
    return insert_at(POINT_LINE + 1, 40, "{{ config }}{{ self }}{{ lipsum.__globals__ }}")(seed)


UNSAFE_TITLE = '../..\\逃逸/a:b*c"d<e>f|g..'  # no ? : a title has none (it would read as a sentence)


def retitle(title: str) -> Callable[[str], str]:
    return replace_line(TITLE_LINE, lambda line: title)


# -- theme files ----------------------------------------------------------------------------------

THEME_WORDS = '["考录", "招录", "考核", "基层"]'


def themes_text(names: list[str], headline: str = "公务员工作要点") -> str:
    """Return a theme file with a theme per name, all on the same keywords."""
    parts = []
    for name in names:
        quoted = name.replace("\\", "\\\\").replace('"', '\\"')
        parts.append(f'[[theme]]\nname = "{quoted}"\nheadline = "{headline}"\nkeywords = {THEME_WORDS}\n')
    return "\n".join(parts)


UNSAFE_THEME_NAMES = ["../../逃逸", "CON", "a/b\\c:d*e?f\"g<h>i|j", "..", "NUL.txt", " 尾随点. ", "com1",
                      "Lpt9.log", "x" * 300, "C:\\Windows\\System32", "/etc/passwd", "COM¹", "CONIN$"]

BAD_TOML = '[[theme]]\nname = "考录"\nheadline = "把好入口关"\nkeywords = ["考录", "招录"\n\n[[theme]]\nname = "考核"\n'
UNKNOWN_KEY = themes_text(["考录"]) + 'colour = "red"\n'
EMPTY_KEYWORDS = '[[theme]]\nname = "考录"\nheadline = "把好入口关"\nkeywords = []\n'


# -- fonts and templates --------------------------------------------------------------------------


def corrupt_font() -> bytes:
    return b"\x00\x01\x00\x00" + bytes((i * 37) % 256 for i in range(4096))


def truncated_font() -> bytes:
    return bundled_face("body").path.read_bytes()[:65536]


def font_without(*tags: str) -> bytes:
    """The bundled Latin face without some of its tables."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(bundled_face("latin").path))
    for tag in tags:
        del font[tag]
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def zero_units_font() -> bytes:
    """The bundled Latin face with unitsPerEm set to 0 in its head table."""
    data = bytearray(bundled_face("latin").path.read_bytes())
    count = int.from_bytes(data[4:6], "big")
    for index in range(count):
        record = 12 + 16 * index
        if data[record:record + 4] == b"head":
            offset = int.from_bytes(data[record + 8:record + 12], "big")
            data[offset + 18:offset + 20] = b"\x00\x00"
    return bytes(data)


SANDBOX_ESCAPE = """{#- tries to reach Python's object graph -#}
cover_title: {{ title }}
cover_date: {{ ''.__class__.__mro__[1].__subclasses__() }}
"""
READS_FILE = """cover_title: {{ title }}
cover_date: {% include '/etc/passwd' %}
"""
READS_PARENT = """cover_title: {{ title }}
cover_date: {% include '../../../../../../../../etc/passwd' %}
"""
CALLS_OPEN = """cover_title: {{ title }}
cover_date: {{ open('/etc/passwd').read() }}
"""
RUNTIME_ERROR = """cover_title: {{ title }}

cover_date: {{ date }}{{ 1 // (count - count) }}
"""
SYMLINK_INCLUDE = """cover_title: {{ title }}
cover_date: {% include 'secret.j2' %}
"""


HUGE_RANGE = """cover_title: {{ title }}
cover_date: {% for x in range(10**12) %}{% endfor %}
"""


def _template(name: str, text: str | None, line: int, says: str, extra: dict[str, str] | None = None) -> Case:
    return Case(name, template_case("cover.j2", text, extra), FAILS, f"templates/cover.j2:{line}", says)


