"""Click's help pages as a Chinese reader needs them: columns measured in terminal columns (a hanzi takes
two), Chinese text wrapped between characters (it has no spaces to wrap at) with no closing mark starting a
line, and headings punctuated in the interface's language (选项： not 选项:)."""

from __future__ import annotations

import re

import click

from briefgen.i18n import _
from briefgen.marks import NO_LINE_END, NO_LINE_START, terminal_columns

PIECE = re.compile(r"[ \t\n]+|[\x21-\x7e]+|.", re.DOTALL)  # runs of spaces, Latin words, single characters


def wrap_columns(text: str, width: int) -> list[str]:
    """Return ``text`` in lines of at most ``width`` terminal columns, breaking at spaces or between two
    characters where no space separates them; a mark that may not start a line (禁则) takes the character
    before it down with it, an opening bracket goes down with what it opens. A Latin word longer than the
    width stands alone on its line."""
    lines, line = [], []  # the line as pieces: spaces, Latin words, single characters
    for piece in PIECE.findall(" ".join(text.split())):
        if piece == " " and not line:
            continue
        if piece == " " or terminal_columns("".join(line) + piece) <= width:
            line.append(piece)
            continue
        kept = list(line)
        down = _pieces_going_down(line, piece)
        if any(p != " " for p in line):
            lines.append("".join(line).rstrip())
            line = down
        else:  # nowhere to break: the line runs past the width
            line = kept + [piece]
    if line:
        lines.append("".join(line).rstrip())
    return lines


def _pieces_going_down(line: list[str], piece: str) -> list[str]:
    """Take off the end of ``line`` what must start the next line with ``piece``; return the next line."""
    down = [piece]
    if piece[0] in NO_LINE_START:
        while line and line[-1][0] in NO_LINE_START:
            down.insert(0, line.pop())
        if line and line[-1] != " ":
            down.insert(0, line.pop())
    while line and line[-1][-1] in NO_LINE_END:
        down.insert(0, line.pop())
    return down

def _paragraphs(text: str) -> list[str]:
    """Return the paragraphs of a help text (separated by blank lines)."""
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


class HelpFormatter(click.HelpFormatter):
    """Click's help layout, measured and wrapped in terminal columns."""

    def write_heading(self, heading: str) -> None:
        """Write ``heading`` followed by the language's colon, at the current indent."""
        line = _("{heading}:").format(heading=heading)
        self.write(" " * self.current_indent + line + "\n")

    def write_text(self, text: str) -> None:
        """Write ``text`` wrapped to the page width at the current indent, its paragraphs kept apart."""
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 11)
        blocks = ["\n".join(indent + line for line in wrap_columns(p, width)) for p in _paragraphs(text)]
        self.write("\n\n".join(blocks) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """Write a definition list (options, commands): terms in a column as wide as the widest (at most
        ``col_max``), each description wrapped beside its term."""
        rows = list(rows)
        first_col = min(max((terminal_columns(term) for term, _text in rows), default=0), col_max) + col_spacing
        text_width = max(self.width - first_col - 2, 10)
        for term, text in rows:
            self.write(" " * self.current_indent + term)
            lines = wrap_columns(text, text_width) if text else []
            if not lines:
                self.write("\n")
                continue
            if terminal_columns(term) <= first_col - col_spacing:
                self.write(" " * (first_col - terminal_columns(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")


class Option(click.Option):
    """A click option whose help says "required" in the interface's language (click's own words do not)."""

    def get_help_extra(self, ctx: click.Context) -> dict:
        """Return click's extra help items, "required" translated."""
        extra = super().get_help_extra(ctx)
        if "required" in extra:
            extra["required"] = _("required")
        return extra


class Context(click.Context):
    """A click context that lays out help with HelpFormatter."""

    formatter_class = HelpFormatter


class Command(click.Command):
    """A click command whose help is laid out with HelpFormatter."""

    context_class = Context


class Group(click.Group):
    """A click group whose help, and that of its commands and subgroups, is laid out with HelpFormatter."""

    context_class = Context
    command_class = Command
    group_class = type  # subgroups are of this class too
