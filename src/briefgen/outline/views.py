"""Show an outline as JSON, Markdown or an indented tree (the `outline` command's formats)."""

from __future__ import annotations

import json

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


def _point_tree(point: Point, prefix: str) -> list[str]:
    lines = [f"{prefix}{point.marker}{_clip(point.heading)}  [line {point.line}]"]
    inner = prefix + "    "
    for paragraph in point.body:
        if paragraph.text:
            lines.append(f"{inner}¶ {_clip(paragraph.text)}  [line {paragraph.line}]")
        for sub in paragraph.subpoints:
            lines.append(f"{inner}{sub.marker} {_clip(sub.lead)}  [line {sub.line}]")
    for child in point.points:
        lines += _point_tree(child, inner)
    return lines


def format_tree(collection: Collection) -> str:
    """Return the outline as an indented tree with seed line numbers."""
    count = f" ({collection.count_suffix})" if collection.count_suffix else ""
    lines = [f"{collection.title}{count}  [line {collection.line}]"]
    for paragraph in collection.preface:
        lines.append(f"    ¶ {_clip(paragraph.text)}  [line {paragraph.line}]")
    for number, speech in enumerate(collection.speeches, 1):
        lines.append(f"    {number}. {' / '.join(speech.title_lines)}  [line {speech.line}]")
        for extra in (speech.subtitle, speech.unit):
            if extra:
                lines.append(f"        {extra.text}  [line {extra.line}]")
        for paragraph in speech.intro:
            lines.append(f"        ¶ {_clip(paragraph.text)}  [line {paragraph.line}]")
        for point in speech.points:
            lines += _point_tree(point, "        ")
    for paragraph in collection.closing:
        lines.append(f"    closing ¶ {_clip(paragraph.text)}  [line {paragraph.line}]")
    for warning in collection.warnings:
        lines.append(f"warning: line {warning.line}: {warning.message}")
    return "\n".join(lines) + "\n"


FORMATS = {"json": format_json, "md": format_markdown, "tree": format_tree}
