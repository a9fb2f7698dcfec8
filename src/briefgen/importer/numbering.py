"""Automatic numbering (numbering.xml) resolved to the markers Word prints: 一、 （一） 1. （1） ①.

python-docx gives a paragraph's text without its list number. Here every numbered paragraph,
in document order, advances its list's counter: a num (w:num) refers to an abstract definition
(w:abstractNum, possibly through a numbering style: numStyleLink -> style -> num -> the
abstractNum with that styleLink); nums of one abstract definition share its counters, as in
Word, and a num's w:startOverride restarts a level where that num is first used. A level
restarts when a higher level is used (unless w:lvlRestart says otherwise), and w:lvlText
("%1、", "（%2）") is filled with each level's counter in that level's w:numFmt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.importer.numformats import format_number
from briefgen.importer.styles import StyleSheet, is_on, qualify, read_value

LEVELS = 9
PLACEHOLDER = re.compile(r"%([1-9])")
MAX_LINKS = 5  # numStyleLink indirections followed
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


@dataclass(frozen=True)
class Level:
    """One level of a list definition (w:lvl)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0: never
    legal: bool = False  # w:isLgl: every number in decimal
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclass
class Instance:
    """A w:num: its abstract definition and its level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class Marker:
    """The resolved number of a paragraph: its text as printed, its level (ilvl), bullet or not."""

    text: str
    level: int
    bullet: bool = False


def parse_int(text: str | None, default: int | None = None) -> int | None:
    """Return ``text`` as an integer, or ``default`` when it is missing or not a number."""
    try:
        return int(text) if text not in (None, "") else default
    except ValueError:
        return default


def read_number_format(element) -> str:
    """Return a level's w:numFmt; Word 2010 may put it in mc:AlternateContent, whose Fallback holds the classic one."""
    found = read_value(element, "numFmt")
    if found is None:
        fallback = element.find(f"{MC}AlternateContent/{MC}Fallback")
        found = read_value(fallback, "numFmt")
    return found or "decimal"


def read_level(element) -> Level:
    """Return the Level of a w:lvl element."""
    ppr = element.find(qualify("pPr"))
    return Level(start=parse_int(read_value(element, "start"), 1), fmt=read_number_format(element),
                 text=read_value(element, "lvlText") or "", restart=parse_int(read_value(element, "lvlRestart")),
                 legal=bool(is_on(element, "isLgl")),
                 style=read_value(element, "pStyle") or read_value(ppr, "pStyle"))


def read_levels(parent) -> dict[int, Level]:
    """Return the levels defined under ``parent`` (an abstractNum or a lvlOverride) by ilvl."""
    return {parse_int(lvl.get(qualify("ilvl")), 0): read_level(lvl) for lvl in parent.findall(qualify("lvl"))}


class Numbering:
    """The numbering definitions of a document, and the counters of its lists as the body is read."""

    def __init__(self, numbering_element, styles: StyleSheet):
        self.styles = styles
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNumId -> numbering style it takes its levels from
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        if numbering_element is not None:
            self._read(numbering_element)

    def _read(self, element) -> None:
        """Read the abstract definitions and the instances of a w:numbering element."""
        for abstract in element.findall(qualify("abstractNum")):
            key = abstract.get(qualify("abstractNumId"), "")
            self.abstracts[key] = read_levels(abstract)
            if read_value(abstract, "numStyleLink"):
                self.style_links[key] = read_value(abstract, "numStyleLink")
        for num in element.findall(qualify("num")):
            instance = Instance(read_value(num, "abstractNumId") or "")
            for override in num.findall(qualify("lvlOverride")):
                level = parse_int(override.get(qualify("ilvl")), 0)
                start = parse_int(read_value(override, "startOverride"))
                if start is not None:
                    instance.starts[level] = start
                instance.levels.update({level: lvl for lvl in read_levels(override).values()})
            self.instances[num.get(qualify("numId"), "")] = instance

    def resolve_abstract(self, instance: Instance) -> str:
        """Return the abstract definition holding an instance's levels, through numbering style links."""
        key = instance.abstract
        for _ in range(MAX_LINKS):
            link = self.style_links.get(key)
            if link is None:
                break
            num_id = self.styles.resolve_paragraph_property(
                None, link, lambda p: read_value(p.find(qualify("numPr")), "numId"))
            target = self.instances.get(num_id or "")
            if target is None or target.abstract == key:
                break
            key = target.abstract
        return key

    def find_level(self, instance: Instance, abstract: str, ilvl: int) -> Level | None:
        """Return the level ``ilvl`` of an instance: its override, else the abstract definition's."""
        return instance.levels.get(ilvl) or self.abstracts.get(abstract, {}).get(ilvl)

    def find_numbering(self, ppr, style_id: str | None) -> tuple[str, int | None] | None:
        """Return (numId, ilvl or None) of a paragraph: direct w:numPr, else its style's; None when unnumbered."""
        direct = None if ppr is None else ppr.find(qualify("numPr"))
        num_id, ilvl = read_value(direct, "numId"), read_value(direct, "ilvl")
        if num_id is None:
            for style in self.styles.resolve_chain(style_id):
                props = style.find(f"{qualify('pPr')}/{qualify('numPr')}")
                if props is not None:
                    num_id = read_value(props, "numId")
                    ilvl = ilvl if ilvl is not None else read_value(props, "ilvl")
                    break
        if num_id in (None, "", "0"):
            return None
        return num_id, parse_int(ilvl)

    def find_style_level(self, abstract: str, style_id: str | None) -> int:
        """Return the level linked to a paragraph style (w:lvl/w:pStyle), else 0."""
        for ilvl, level in self.abstracts.get(abstract, {}).items():
            if style_id and level.style == style_id:
                return ilvl
        return 0

    def resolve_marker(self, ppr, style_id: str | None) -> Marker | None:
        """Return the marker of a paragraph and advance its list's counters; None when it has no number."""
        found = self.find_numbering(ppr, style_id)
        if found is None or found[0] not in self.instances:
            return None
        num_id, ilvl = found
        instance = self.instances[num_id]
        abstract = self.resolve_abstract(instance)
        ilvl = self.find_style_level(abstract, style_id) if ilvl is None else min(max(ilvl, 0), LEVELS - 1)
        level = self.find_level(instance, abstract, ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(abstract, [None] * LEVELS)
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in instance.starts:
                if 0 <= restarted < LEVELS:
                    counters[restarted] = None
        self._advance(counters, instance, abstract, ilvl)
        if level.fmt == "bullet":
            return Marker(level.text, ilvl, bullet=True)
        return Marker(self._fill_text(counters, instance, abstract, level), ilvl)

    def _find_start(self, instance: Instance, abstract: str, ilvl: int) -> int:
        """Return the value a level starts at in an instance: its w:startOverride, else the level's w:start."""
        level = self.find_level(instance, abstract, ilvl)
        return instance.starts.get(ilvl, level.start if level else 1)

    def _advance(self, counters: list[int | None], instance: Instance, abstract: str, ilvl: int) -> None:
        """Count a paragraph at ``ilvl``; restart the deeper levels that restart after it."""
        current = counters[ilvl]
        counters[ilvl] = self._find_start(instance, abstract, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            level = self.find_level(instance, abstract, deeper)
            restart = level.restart if level else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None

    def _fill_text(self, counters: list[int | None], instance: Instance, abstract: str, level: Level) -> str:
        """Return w:lvlText with each %n replaced by level n's counter in its number format."""

        def number(match: re.Match) -> str:
            ilvl = int(match.group(1)) - 1
            shown = self.find_level(instance, abstract, ilvl) or Level()
            count = counters[ilvl] if counters[ilvl] is not None else self._find_start(instance, abstract, ilvl)
            return format_number(count, "decimal" if level.legal else shown.fmt)

        return PLACEHOLDER.sub(number, level.text)
