"""What the importer reads from a Word file: its paragraphs, its speeches, what it left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CENTRED = ("center", "centre", "distribute")
# What a file's reading leaves out (FileOutcome.left_out's keys), in the order the report names them
# (importer/report.py says each in the user's language); and what it does with tracked changes.
LEFT_OUT_KEYS = ("table", "image", "text box", "object", "comment", "header/footer", "footnote", "hidden",
                 "placeholder", "symbol", "bullet", "chunk", "label", "cover", "contents")
TRACKED_KEYS = ("insertion", "deletion")


@dataclass(frozen=True)
class Para:
    """A body paragraph as read: its text, resolved list marker and the formatting that tells its role."""

    number: int  # 1-based among the paragraphs read, in reading order
    text: str  # "\n" where a line break (w:br) stands
    marker: str = ""  # the automatic number as printed ("一、"), "" when none
    align: str = "left"
    size: float = 0.0  # points, of most of its characters
    bold: bool = False
    font: str = ""  # the East Asian font of most of its characters
    outline_level: int | None = None  # 0-8; None for body text
    style: str = ""  # the paragraph style's name, lower case
    new_page: bool = False  # a page or section break stands before it

    @property
    def full_text(self) -> str:
        """Return the paragraph as printed: marker, then text."""
        return self.marker + self.text

    @property
    def blank(self) -> bool:
        """Return True when the paragraph shows no character."""
        return not self.full_text.strip()

    @property
    def centred(self) -> bool:
        """Return True for a centred paragraph."""
        return self.align in CENTRED


@dataclass(frozen=True)
class BodyRead:
    """The paragraphs of a document body in reading order, and what was left out (key -> count)."""

    paras: tuple[Para, ...]
    left_out: Counter


@dataclass
class SpeechDraft:
    """One speech found in a file: title display lines, subtitle, unit or speaker lines, body paragraphs."""

    title_lines: list[str]
    subtitle: str | None = None
    unit_lines: list[str] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)


@dataclass
class FileOutcome:
    """Everything read from one input file."""

    path: Path
    speeches: list[SpeechDraft]
    cover_title: str | None
    left_out: Counter
    converted: bool = False  # read through LibreOffice (.doc, .wps)
    auto_numbered: int = 0  # paragraphs whose marker came from automatic numbering

    @property
    def shown(self) -> str:
        """Return the file's name as the user gave it."""
        return str(self.path)
