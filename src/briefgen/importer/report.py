"""What an import read from each file, and what it left out, as lines to print."""

from __future__ import annotations

from collections import Counter

from briefgen.i18n import _, ngettext
from briefgen.importer.records import LEFT_OUT_KEYS, TRACKED_KEYS, FileOutcome, SpeechDraft
from briefgen.importer.seedtext import join_title, make_body_line, make_unit_line
from briefgen.outline.numbering import match_point_marker, normal_marker

MAX_LEVEL = 5


def name_left_out(key: str, count: int) -> str:
    """Return ``count`` of what a reading leaves out (a key of FileOutcome.left_out): "1 table", "3 tables"."""
    names = {  # every message written out, for the catalog
        "table": ngettext("{count} table", "{count} tables", count),
        "image": ngettext("{count} image", "{count} images", count),
        "text box": ngettext("{count} text box", "{count} text boxes", count),
        "object": ngettext("{count} embedded object", "{count} embedded objects", count),
        # TRANSLATORS: a comment of Word's review pane (批注)
        "comment": ngettext("{count} comment", "{count} comments", count),
        "header/footer": ngettext("{count} header or footer", "{count} headers and footers", count),
        "footnote": ngettext("{count} footnote or endnote", "{count} footnotes and endnotes", count),
        "hidden": ngettext("{count} run of hidden text", "{count} runs of hidden text", count),
        "placeholder": ngettext("{count} empty form field", "{count} empty form fields", count),
        "symbol": ngettext("{count} symbol-font character", "{count} symbol-font characters", count),
        "bullet": ngettext("{count} list bullet", "{count} list bullets", count),
        "chunk": ngettext("{count} embedded document", "{count} embedded documents", count),
        "label": ngettext("{count} line above the first title", "{count} lines above the first title", count),
        "cover": ngettext("{count} cover line", "{count} cover lines", count),
        "contents": ngettext("{count} contents line", "{count} contents lines", count),
        # tracked changes
        "insertion": ngettext("{count} insertion kept", "{count} insertions kept", count),
        "deletion": ngettext("{count} deletion dropped", "{count} deletions dropped", count),
    }
    return names[key].format(count=count)


def join_list(items: list[str]) -> str:
    """Return the items of a list joined as the user's language writes a list."""
    # TRANSLATORS: between the items of a list in the import's report (1 table, 2 images)
    return _(", ").join(items)


def count_headings(speech: SpeechDraft) -> Counter:
    """Return how many body paragraphs open with a point marker, by level (1 一、 … 5 ①)."""
    levels: Counter = Counter()
    for para in speech.body:
        found = match_point_marker(make_body_line(para))
        if found is not None:
            levels[found.level] += 1
    return levels


def count_unnumbered_headings(speech: SpeechDraft) -> int:
    """Return how many body paragraphs are headings by outline level or heading style but have no marker."""
    return sum(1 for p in speech.body if p.outline_level is not None and match_point_marker(make_body_line(p)) is None)


def describe_headings(speech: SpeechDraft) -> str:
    """Return "headings: 3 一、, 6 （一）" (by level), or "headings: none", and the unnumbered ones."""
    levels = count_headings(speech)
    # TRANSLATORS: how many headings of one level the import found, the level named by its first marker (3 一、)
    found = [_("{count} {marker}").format(count=levels[level], marker=normal_marker(level, 1))
             for level in range(1, MAX_LEVEL + 1) if levels[level]]
    unnumbered = count_unnumbered_headings(speech)
    if unnumbered:
        found.append(_("{count} without a number (heading style or outline level; kept as paragraphs)").format(
            count=unnumbered))
    return _("headings: {headings}").format(headings=join_list(found)) if found else _("headings: none")


def describe_left_out(left_out: Counter) -> str:
    """Return what a file's reading left out, and what it did with tracked changes."""
    parts = [name_left_out(key, left_out[key]) for key in LEFT_OUT_KEYS if left_out[key]]
    tracked = [name_left_out(key, left_out[key]) for key in TRACKED_KEYS if left_out[key]]
    line = _("left out: {parts}").format(parts=join_list(parts)) if parts else _("left out: nothing")
    if tracked:
        line = _("{left_out}; tracked changes: {changes}").format(left_out=line, changes=join_list(tracked))
    return line


def describe_speech(number: int, speech: SpeechDraft) -> list[str]:
    """Return the lines about one speech: title, subtitle, unit or speaker, headings per level."""
    lines = [f"  {number}. {join_title(speech)}"]
    if speech.subtitle:
        lines.append("     " + _("subtitle: {subtitle}").format(subtitle=speech.subtitle.strip()))
    unit = make_unit_line(speech)
    said = _("unit or speaker: {unit}").format(unit=unit) if unit else _("unit or speaker: none found")
    lines.append("     " + said)
    paragraphs = sum(1 for p in speech.body if not p.blank)
    counted = ngettext("{count} paragraph", "{count} paragraphs", paragraphs).format(count=paragraphs)
    lines.append("     " + _("{headings}; {paragraphs}").format(headings=describe_headings(speech), paragraphs=counted))
    return lines


def describe_file(outcome: FileOutcome) -> list[str]:
    """Return the lines about one file."""
    count = len(outcome.speeches)
    speeches = ngettext("{count} speech", "{count} speeches", count).format(count=count)
    if outcome.converted:
        head = _("{file} (converted by LibreOffice): {speeches}").format(file=outcome.shown, speeches=speeches)
    else:
        head = _("{file}: {speeches}").format(file=outcome.shown, speeches=speeches)
    if outcome.auto_numbered:
        head = _("{file_and_speeches}, {count} markers from automatic numbering").format(
            file_and_speeches=head, count=outcome.auto_numbered)
    lines = [head]
    if outcome.cover_title:
        lines.append("  " + _("cover: {title}").format(title=outcome.cover_title))
    for number, speech in enumerate(outcome.speeches, 1):
        lines += describe_speech(number, speech)
    lines.append("  " + describe_left_out(outcome.left_out))
    return lines


def summarise(output: str, title: str, outcomes: list[FileOutcome], characters: int) -> str:
    """Return the closing line: what was written where."""
    count = sum(len(o.speeches) for o in outcomes)
    speeches = ngettext("{count} speech", "{count} speeches", count).format(count=count)
    files = ngettext("{count} file", "{count} files", len(outcomes)).format(count=len(outcomes))
    return _("wrote {output}: “{title}”, {speeches} from {files}, {characters:,} characters; build it with "
             "`briefgen build {output}`").format(output=output, title=title, speeches=speeches, files=files,
                                                 characters=characters)
