"""The bad-input corpus: hostile and malformed seeds, theme files, configurations and templates,
each made from the bundled seed, with the outcome briefgen must give.

A case writes its files into a copy of a project that has already built the good seed
(``seeds/<seed>.txt``, its theme file, ``briefgen.toml``) and returns the text its seed now
holds as a reader would see it (None when the seed is unchanged). Its outcome is either
BUILDS (exit 0, and the documents hold every character of that text) or FAILS (exit 2 with
one ``file:line: error: message`` line, ``where`` being the expected ``file:line``).
tests/test_bad_input.py runs every case through the real command line.
"""

from __future__ import annotations

import codecs
import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from briefgen.outline.decode import MAX_SEED_CHARS
from briefgen.fonts.faces import bundled_face

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d46ae736df1a2878.txt"
SEED_FILE = f"seeds/{SEED.name}"
THEMES_FILE = f"seeds/{SEED.stem}.themes.toml"
CONFIG_FILE = "briefgen.toml"
CONFIG = "[document]\nunit = \"XX市委组织部\"\n\n[fonts]\nsystem = false\n"  # bundled fonts only

BUILDS = "builds"
FAILS = "fails"

Make = Callable[[Path, str], Optional[str]]


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it from the seed text, and what briefgen must do with it."""

    name: str
    make: Make
    outcome: str
    where: str | None = None  # FAILS: the file:line the error must name
    says: str | None = None  # FAILS: words the message must hold; BUILDS: words a warning of build or check must hold
    options: tuple[str, ...] = ()
    literal: tuple[str, ...] = ()  # BUILDS: text the compilation must print exactly so (spaces aside)
    brief_literal: tuple[str, ...] = ()  # BUILDS: text some brief must print exactly so
    blank: str = ""  # BUILDS with --allow-missing-glyphs: characters the PDF draws blank (the DOCX keeps them)
    max_seconds: float | None = None  # the build (or refusal) must take no longer


# -- making files ---------------------------------------------------------------------------------


def write_seed_bytes(project: Path, data: bytes) -> None:
    (project / SEED_FILE).write_bytes(data)


def write_seed(project: Path, text: str) -> str:
    write_seed_bytes(project, text.encode("utf-8"))
    return text


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def seed_case(edit: Callable[[str], str]) -> Make:
    """Return a maker that writes the seed changed by ``edit`` as UTF-8."""
    return lambda project, seed: write_seed(project, edit(seed))


def encoded_case(edit: Callable[[str], str], encode: Callable[[str], bytes]) -> Make:
    """Return a maker that writes the seed changed by ``edit`` in another encoding."""

    def make(project: Path, seed: str) -> str:
        text = edit(seed)
        write_seed_bytes(project, encode(text))
        return text

    return make


def replace_line(number: int, change: Callable[[str], str]) -> Callable[[str], str]:
    """Return an edit changing the 1-based seed line ``number``."""

    def edit(seed: str) -> str:
        lines = lines_of(seed)
        lines[number - 1] = change(lines[number - 1])
        return "\n".join(lines)

    return edit


def insert_at(number: int, position: int, inserted: str) -> Callable[[str], str]:
    """Return an edit putting ``inserted`` into line ``number`` after ``position`` characters."""
    return replace_line(number, lambda line: line[:position] + inserted + line[position:])


def keep_lines(numbers: Callable[[int, str], bool]) -> Callable[[str], str]:
    """Return an edit keeping the lines for which ``numbers(line number, text)`` holds."""
    return lambda seed: "\n".join(line for n, line in enumerate(lines_of(seed), 1) if numbers(n, line))


def write_file(relative: str, content: str | bytes) -> Make:
    """Return a maker writing one project file and leaving the seed as it is."""

    def make(project: Path, seed: str) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return None

    return make


def themes_case(text: str) -> Make:
    return write_file(THEMES_FILE, text)


def config_case(extra: str, files: dict[str, bytes] | None = None) -> Make:
    """Return a maker adding ``extra`` to briefgen.toml and writing ``files`` into the project."""

    def make(project: Path, seed: str) -> None:
        for name, data in (files or {}).items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_bytes(data)
        (project / CONFIG_FILE).write_text(CONFIG + extra, encoding="utf-8")
        return None

    return make


def template_case(name: str, text: str | None, extra: dict[str, str] | None = None) -> Make:
    """Return a maker putting a template of the project's own in templates/ (None: one in GB18030)."""

    def make(project: Path, seed: str) -> None:
        folder = project / "templates"
        folder.mkdir(exist_ok=True)
        if text is None:
            (folder / name).write_bytes("cover_title: 标题\ncover_date: 日期\n".encode("gb18030"))
        else:
            (folder / name).write_text(text, encoding="utf-8")
        for other, target in (extra or {}).items():
            (folder / other).symlink_to(target)
        return None

    return make


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


# -- the corpus -----------------------------------------------------------------------------------

CASES: tuple[Case, ...] = (
    # Bytes and encodings
    Case("empty-file", lambda p, s: write_seed_bytes(p, b""), FAILS, f"{SEED_FILE}:1", "empty"),
    Case("only-whitespace", lambda p, s: write_seed_bytes(p, " \n\t\n\u3000\r\n  \n".encode()), FAILS,
         f"{SEED_FILE}:1", "empty"),
    Case("binary-data", lambda p, s: write_seed_bytes(p, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64), FAILS,
         f"{SEED_FILE}:3", "binary"),
    Case("nul-bytes", encoded_case(insert_at(SECOND_SPEECH_INTRO, 20, "\x00\x00"), str.encode), FAILS,
         f"{SEED_FILE}:{SECOND_SPEECH_INTRO}", "NUL"),
    Case("utf-16-le-bom", encoded_case(lambda s: s, lambda t: t.encode("utf-16")), BUILDS),
    Case("utf-16-be-bom", encoded_case(lambda s: s, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")), BUILDS),
    Case("utf-8-bom-crlf", encoded_case(lambda s: s, lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode()),
         BUILDS),
    Case("old-mac-cr", encoded_case(lambda s: s, lambda t: t.replace("\n", "\r").encode()), BUILDS),
    Case("gb18030", encoded_case(lambda s: s, lambda t: t.encode("gb18030")), BUILDS),
    Case("big5", encoded_case(lambda s: BIG5_SEED, lambda t: t.encode("big5")), BUILDS),
    Case("utf-8-then-gb18030", mixed("utf-8", "gb18030", 10), FAILS, f"{SEED_FILE}:11", "mixed encodings"),
    Case("gb18030-then-utf-8", mixed("gb18030", "utf-8", 20), FAILS, f"{SEED_FILE}:21", "mixed encodings"),
    Case("windows-1252", lambda p, s: write_seed_bytes(p, "Café minutes\nThe café’s speech\nIt was good.\n"
                                                          .encode("cp1252")), FAILS, f"{SEED_FILE}:1", "decode"),
    Case("truncated-utf-8", truncated_utf8, FAILS, f"{SEED_FILE}:35", "cut off"),
    # Size
    Case("20-mb-seed", huge_seed(20 * 1024 * 1024), FAILS, f"{SEED_FILE}:1", f"{MAX_SEED_CHARS:,} characters",
         max_seconds=3.0),
    Case("over-the-character-limit", lambda p, s: write_seed(p, s + "\n" + ("x" * 999 + "\n") * 1600), FAILS,
         f"{SEED_FILE}:1", f"seeds over {MAX_SEED_CHARS:,} characters", max_seconds=3.0),
    Case("200000-character-paragraph", seed_case(long_paragraph), BUILDS, max_seconds=60.0),
    Case("2000-character-unbreakable-line", seed_case(unbreakable_line), BUILDS),
    # Structure
    Case("only-a-title", lambda p, s: write_seed(p, "公务员工作座谈会发言汇编6篇\n"), FAILS, f"{SEED_FILE}:1",
         "no speech"),
    Case("titles-without-bodies", seed_case(keep_lines(lambda n, line: n == TITLE_LINE or n in SPEECH_STARTS)),
         FAILS, f"{SEED_FILE}:2", "no speech"),  # the file's line 2: the first speech title
    Case("bodies-without-titles", seed_case(keep_lines(lambda n, line: n != TITLE_LINE and n not in SPEECH_STARTS)),
         FAILS, f"{SEED_FILE}:2", "collection title"),  # the file's line 2: the first intro
    Case("numbering-gaps", seed_case(keep_lines(lambda n, line: not line.startswith("二、"))), BUILDS),
    Case("numbering-repeats", seed_case(point_markers(lambda s, line: line.replace("三、", "二、", 1))), BUILDS),
    Case("numbering-mixed-styles", seed_case(point_markers(mixed_marker)), BUILDS),
    Case("numbering-swapped", seed_case(point_markers(
        lambda s, line: line.replace("一、", "三、", 1) if line.startswith("一、") else line)), BUILDS),
    Case("same-speech-twice", seed_case(same_speech_twice), BUILDS),
    Case("unbalanced-paid-markers", seed_case(unbalanced_artefacts), BUILDS, says="##paidbegin##"),
    Case("nested-paid-markers", seed_case(nested_artefacts), BUILDS, says="site artefact"),
    # Characters
    Case("control-characters", seed_case(insert_at(INTRO_LINE, 8, CONTROLS)), BUILDS, says="U+0007"),
    Case("replacement-character", seed_case(insert_at(SECOND_SPEECH_INTRO, 6, "\ufffd\ufffd")), BUILDS),
    Case("emoji", seed_case(insert_at(SECOND_SPEECH_INTRO, 6, "👍🏽")), FAILS,
         f"{SEED_FILE}:{SECOND_SPEECH_INTRO}", "U+1F44D"),
    Case("emoji-allowed", seed_case(insert_at(SECOND_SPEECH_INTRO, 6, "👍🏽")), BUILDS,
         says=f"{SEED_FILE}:{SECOND_SPEECH_INTRO}: warning: character U+1F44D", options=("--allow-missing-glyphs",),
         blank="👍🏽"),
    Case("outside-the-bmp", seed_case(insert_at(SPEECH_TITLE_LINE, 3, "𠮷")), FAILS,
         f"{SEED_FILE}:{SPEECH_TITLE_LINE}", "U+20BB7"),
    Case("collection-title-in-no-face", seed_case(insert_at(TITLE_LINE, 2, "ꀀ")), FAILS, f"{SEED_FILE}:{TITLE_LINE}",
         "U+A000"),
    Case("in-no-bundled-face", seed_case(insert_at(POINT_LINE, 40, "ꯍ")), FAILS,
         f"{SEED_FILE}:{POINT_LINE}", "U+ABCD"),
    Case("private-use", seed_case(insert_at(POINT_LINE + 1, 40, "\ue000")), FAILS,
         f"{SEED_FILE}:{POINT_LINE + 1}", "U+E000"),
    Case("noncharacter", seed_case(insert_at(POINT_LINE + 1, 40, "\uffff")), FAILS,
         f"{SEED_FILE}:{POINT_LINE + 1}", "U+FFFF"),
    Case("line-separator", seed_case(insert_at(INTRO_LINE, 20, "\u2028\u2029")), BUILDS),
    Case("right-to-left-marks", seed_case(insert_at(INTRO_LINE, 3, RTL)), BUILDS, says="U+202E"),
    Case("zero-width-characters", seed_case(insert_at(SPEECH_TITLE_LINE, 5, ZERO_WIDTH)), BUILDS, says="U+200B"),
    Case("markup-like-text", seed_case(markup_like), BUILDS, literal=MARKUP),
    Case("template-like-text", seed_case(template_like), BUILDS, literal=TEMPLATE + ("{{ 7*7 }}" + INJECTION,)),
    # Names
    Case("unsafe-collection-title", seed_case(retitle(UNSAFE_TITLE + "6篇")), BUILDS, literal=(UNSAFE_TITLE,)),
    Case("reserved-collection-title", seed_case(retitle("CON")), BUILDS),
    Case("reserved-title-with-extension", seed_case(retitle("nul.tar.gz")), BUILDS),
    Case("reserved-title-superscript", seed_case(retitle("COM¹")), BUILDS),
    Case("reserved-title-space-before-dot", seed_case(retitle("CON .汇编")), BUILDS),
    Case("reserved-title-console", seed_case(retitle("CONIN$")), BUILDS),
    Case("unsafe-theme-names", themes_case(themes_text(UNSAFE_THEME_NAMES)), BUILDS),
    Case("template-like-theme", themes_case(themes_text(["{{ 7*7 }}"], "{% include '/etc/passwd' %}<b>&amp;")),
         BUILDS, brief_literal=("{% include '/etc/passwd' %}<b>&amp;",)),
    Case("theme-headline-in-no-face", themes_case(themes_text(["考录"], "把好入口关😀")), FAILS, f"{THEMES_FILE}:1",
         "U+1F600"),
    # Theme files
    Case("theme-bad-toml", themes_case(BAD_TOML), FAILS, f"{THEMES_FILE}:6", "bad TOML"),
    Case("theme-unknown-key", themes_case(UNKNOWN_KEY), FAILS, f"{THEMES_FILE}:5", "unknown key 'colour'"),
    Case("theme-empty-keywords", themes_case(EMPTY_KEYWORDS), FAILS, f"{THEMES_FILE}:4", "keywords"),
    Case("theme-not-utf-8", write_file(THEMES_FILE, themes_text(["考录"]).encode("gb18030")), FAILS,
         f"{THEMES_FILE}:1", "UTF-8"),
    # Configuration and fonts
    Case("config-bad-toml", write_file(CONFIG_FILE, CONFIG + "[document\nunit = 1\n"), FAILS,
         f"{CONFIG_FILE}:6", "bad TOML"),
    Case("config-missing-font", config_case('\n[fonts.files]\nbody = "fonts/nowhere.ttf"\n'), FAILS,
         f"{CONFIG_FILE}:8", "no such file"),
    Case("config-corrupt-font", config_case('\n[fonts.files]\nbody = "fonts/bad.ttf"\n',
                                            {"fonts/bad.ttf": corrupt_font()}), FAILS, f"{CONFIG_FILE}:8", "bad.ttf"),
    Case("config-truncated-font", config_case('\n[fonts.files]\nbody = "fonts/cut.ttf"\n',
                                              {"fonts/cut.ttf": truncated_font()}), FAILS, f"{CONFIG_FILE}:8",
         "cut.ttf"),
    Case("config-zero-units-font", config_case('\n[fonts.files]\nlatin = "fonts/zero.ttf"\n',
                                               {"fonts/zero.ttf": zero_units_font()}), FAILS, f"{CONFIG_FILE}:8",
         "unitsPerEm"),
    Case("config-font-without-outlines", config_case('\n[fonts.files]\nlatin = "fonts/hollow.ttf"\n',
                                                     {"fonts/hollow.ttf": font_without("glyf", "loca")}), FAILS,
         f"{CONFIG_FILE}:8", "glyf"),
    # Templates of the project's own
    _template("template-sandbox-escape", SANDBOX_ESCAPE, 3, "sandbox"),
    _template("template-includes-absolute-path", READS_FILE, 2, "etc/passwd"),
    _template("template-includes-parent-path", READS_PARENT, 2, "etc/passwd"),
    _template("template-huge-range", HUGE_RANGE, 2, "range"),
    _template("template-not-utf-8", None, 1, "UnicodeDecodeError"),
    _template("template-calls-open", CALLS_OPEN, 2, "open"),
    _template("template-runtime-error", RUNTIME_ERROR, 3, "division"),
    _template("template-symlink-outside", SYMLINK_INCLUDE, 2, "secret.j2", {"secret.j2": "/etc/passwd"}),
)

CASE_NAMES = [case.name for case in CASES]


def find_case(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


def copy_project(source: Path, target: Path) -> None:
    """Copy a project folder, keeping file times (a copied output folder stays up to date)."""
    shutil.copytree(source, target, symlinks=True)
