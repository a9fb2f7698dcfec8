"""Show an outline as JSON, Markdown or an indented tree (the `outline` command's formats)."""

from __future__ import annotations

import json

from briefgen.i18n import _
from briefgen.marks import CLAUSE_MARKS
from briefgen.outline.model import Collection, Paragraph, Point, to_dict


def format_json(collection: Collection) -> str:
    """Return the outline as pretty, stable JSON."""
    return json.dumps(to_dict(collection), ensure_ascii=False, indent=2) + "\n"


def _paragraph_markdown(paragraph: Paragraph) -> str:
    parts = [paragraph.text]
    for sub in paragraph.subpoints:
        parts.append(f"**{sub.marker}{sub.lead}**{sub.text}")
    return "".join(parts)


def _point_markdown(point: Point, depth: int) -> list[str]:
    lines = [f"{'#' * min(depth, 6)} {point.marker}{point.heading}", ""]
    for paragraph in point.body:
        lines += [_paragraph_markdown(paragraph), ""]
    for child in point.points:
        lines += _point_markdown(child, depth + 1)
    return lines


def format_markdown(collection: Collection) -> str:
    """Return the outline as Markdown: # collection, ## speech, ### points, bold sub-point leads."""
    lines = [f"# {collection.title}", ""]
    for paragraph in collection.preface:
        lines += [_paragraph_markdown(paragraph), ""]
    for speech in collection.speeches:
        if not collection.single:  # one speech alone: its title is the document's, above
            lines += [f"## {speech.title}", ""]
        if speech.subtitle:
            lines += [speech.subtitle.text, ""]
        if speech.unit:
            lines += [f"*{speech.unit.text}*", ""]
        for paragraph in speech.intro:
            lines += [_paragraph_markdown(paragraph), ""]
        for point in speech.points:
            lines += _point_markdown(point, 3)
    for paragraph in collection.closing:
        lines += [f"*{_paragraph_markdown(paragraph)}*", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _at(line: int) -> str:
    """Return the seed line a node of the tree stands at, as the tree shows it."""
    # TRANSLATORS: after a node of `briefgen outline --format tree`: the seed line it was read from
    return _("[line {line}]").format(line=line)


def _paragraph_tree(paragraph: Paragraph, prefix: str) -> list[str]:
    """Return a paragraph's lines of the tree: its own text, then each sub-point's marker and lead."""
    lines = [f"{prefix}¶ {_clip(paragraph.text)}  {_at(paragraph.line)}"] if paragraph.text else []
    for sub in paragraph.subpoints:
        gap = "" if sub.lead[:1] and sub.lead[0] in CLAUSE_MARKS + "、" else " "  # 第一，… as written; 一是 引进人才
        lines.append(f"{prefix}{sub.marker}{gap}{_clip(sub.lead)}  {_at(sub.line)}")
    return lines


def _point_tree(point: Point, prefix: str) -> list[str]:
    lines = [f"{prefix}{point.marker}{_clip(point.heading)}  {_at(point.line)}"]
    inner = prefix + "    "
    for paragraph in point.body:
        lines += _paragraph_tree(paragraph, inner)
    for child in point.points:
        lines += _point_tree(child, inner)
    return lines


def format_tree(collection: Collection) -> str:
    """Return the outline as an indented tree with seed line numbers."""
    count = f" ({collection.count_suffix})" if collection.count_suffix else ""
    lines = [f"{collection.title}{count}  {_at(collection.line)}"]
    for paragraph in collection.preface:
        lines.append(f"    ¶ {_clip(paragraph.text)}  {_at(paragraph.line)}")
    for number, speech in enumerate(collection.speeches, 1):
        lines.append(f"    {number}. {' / '.join(speech.title_lines)}  {_at(speech.line)}")
        for extra in (speech.subtitle, speech.unit):
            if extra:
                lines.append(f"        {extra.text}  {_at(extra.line)}")
        for paragraph in speech.intro:
            lines += _paragraph_tree(paragraph, "        ")
        for point in speech.points:
            lines += _point_tree(point, "        ")
    for paragraph in collection.closing:
        # TRANSLATORS: in `briefgen outline --format tree`: the collection's closing note (an editor's note)
        closing = _("closing ¶ {text}").format(text=_clip(paragraph.text))
        lines.append(f"    {closing}  {_at(paragraph.line)}")
    for warning in collection.warnings:  # "warning" stays as it is: editors and CI read it
        said = _("line {line}: {message}").format(line=warning.line, message=warning.message)
        lines.append(f"warning: {said}")
    return "\n".join(lines) + "\n"


FORMATS = {"json": format_json, "md": format_markdown, "tree": format_tree}
