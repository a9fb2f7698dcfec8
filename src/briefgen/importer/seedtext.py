"""The seed text of what was read: the collection title, then per speech its title, subtitle, unit
line and body paragraphs, one a line, markers as printed, a blank line between speeches; and a
check that the parser reads the seed back into the same speeches."""

from __future__ import annotations

from briefgen.i18n import _
from briefgen.importer.records import FileOutcome, Para, SpeechDraft
from briefgen.importer.structure import compact, excerpt, join_pieces
from briefgen.outline.parse import UNIT_MAX_CHARS, is_unit_line


def join_title(speech: SpeechDraft) -> str:
    """Return a speech's title as one line (its display lines joined)."""
    return join_pieces(speech.title_lines)


def make_unit_line(speech: SpeechDraft) -> str | None:
    """Return a speech's unit line: its lines joined by an ideographic space, bracketed if the seed needs it."""
    # The seed reads a unit line in brackets, or an organisation and a person; a name or a place alone is bracketed.
    if not speech.unit_lines:
        return None
    joined = "\u3000".join(join_pieces([line]) for line in speech.unit_lines)
    if is_unit_line(joined) or len(joined) > UNIT_MAX_CHARS - 2:
        return joined
    return f"（{joined}）"


def make_body_line(para: Para) -> str:
    """Return a body paragraph as one seed line (its line breaks joined)."""
    return join_pieces(para.full_text.split("\n"))


def make_speech_lines(speech: SpeechDraft) -> list[str]:
    """Return the seed lines of one speech."""
    lines = [join_title(speech)]
    if speech.subtitle:
        lines.append(join_pieces(speech.subtitle.split("\n")))
    unit = make_unit_line(speech)
    if unit:
        lines.append(unit)
    lines += [make_body_line(p) for p in speech.body if not p.blank]
    return [line for line in lines if line]


def make_seed_text(title: str, outcomes: list[FileOutcome]) -> str:
    """Return the seed: the collection title, a blank line, then each speech followed by a blank line."""
    lines = [title, ""]
    for outcome in outcomes:
        for speech in outcome.speeches:
            lines += make_speech_lines(speech) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def check_seed(text: str, outcomes: list[FileOutcome], shown: str) -> list[str]:
    """Return warnings where the parser reads the seed into other speeches than the files hold."""
    from briefgen.errors import ParseError
    from briefgen.outline.parse import parse_text

    try:
        outline = parse_text(text, shown)
    except ParseError as error:
        said = _("the seed cannot be built as it stands: {reason}").format(reason=error.message)
        return [f"{error.path}:{error.line}: warning: {said}"]
    expected = [(outcome.shown, speech) for outcome in outcomes for speech in outcome.speeches]
    read = {compact(s.title): s for s in outline.speeches}
    titles = {compact(join_title(speech)) for __, speech in expected}
    warnings = []
    for source, speech in expected:
        found = read.get(compact(join_title(speech)))
        if found is None:
            said = _("the title “{title}” of {file} does not read as a speech title in the seed (at most 50 "
                     "characters, no 。！？；, followed by body text): edit it in the seed").format(
                         title=excerpt(join_title(speech)), file=source)
            warnings.append(f"{shown}: warning: {said}")
        elif speech.unit_lines and found.unit is None:
            said = _("the unit line “{unit}” does not read as one: put it in brackets in the seed").format(
                unit=excerpt(make_unit_line(speech) or ""))
            warnings.append(f"{shown}:{found.line}: warning: {said}")
    for speech in outline.speeches:
        if compact(speech.title) not in titles:
            said = _("“{title}” reads as a speech title in the seed, but it is a paragraph of a speech (an "
                     "unnumbered heading?): number it (一、) or join it to the next paragraph in the seed").format(
                         title=excerpt(speech.title))
            warnings.append(f"{shown}:{speech.line}: warning: {said}")
    return warnings
