"""Formatting as Word resolves it: direct formatting, then the style and the styles it is based on,
then the document defaults."""

from __future__ import annotations

from typing import Callable, Optional

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_CHAIN = 20  # basedOn chains are short; a cycle or a deep chain stops here
WORD_DEFAULT_SIZE = 10.0  # points, when neither a style nor the defaults say
FALSE_VALUES = ("0", "false", "off", "none")


def qualify(tag: str) -> str:
    """Return the Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


def read_value(element, tag: str) -> str | None:
    """Return the w:val of ``element``'s child ``tag``, "" when it has none, None when the child is absent."""
    if element is None:
        return None
    child = element.find(qualify(tag))
    return None if child is None else child.get(qualify("val"), "")


def is_on(element, tag: str) -> bool | None:
    """Return an on/off property (w:b, w:vanish, ...): True, False, or None when absent."""
    found = read_value(element, tag)
    return None if found is None else found.lower() not in FALSE_VALUES


def read_size(rpr) -> float | None:
    """Return the font size of a run's properties in points (w:sz is in half-points), or None."""
    found = read_value(rpr, "sz")
    try:
        return int(found) / 2 if found else None
    except ValueError:
        return None


def read_east_asian_font(rpr) -> str | None:
    """Return the font set for CJK text (w:eastAsia, else w:ascii), "" for a theme font, or None."""
    fonts = None if rpr is None else rpr.find(qualify("rFonts"))
    if fonts is None:
        return None
    for name in ("eastAsia", "ascii", "hAnsi"):
        if fonts.get(qualify(name)):
            return fonts.get(qualify(name))
    return "" if fonts.get(qualify("eastAsiaTheme")) else None


Getter = Callable[[object], Optional[object]]


class StyleSheet:
    """The styles part of a document: style chains, names and defaults."""

    def __init__(self, styles_element):
        self.by_id: dict[str, object] = {}
        self.default_paragraph: str | None = None
        self.default_run_props = self.default_paragraph_props = None
        if styles_element is None:
            return
        for style in styles_element.iter(qualify("style")):
            style_id = style.get(qualify("styleId"))
            if style_id is None:
                continue
            self.by_id[style_id] = style
            if style.get(qualify("type")) == "paragraph" and style.get(qualify("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id
        defaults = styles_element.find(qualify("docDefaults"))
        if defaults is not None:
            self.default_run_props = defaults.find(f"{qualify('rPrDefault')}/{qualify('rPr')}")
            self.default_paragraph_props = defaults.find(f"{qualify('pPrDefault')}/{qualify('pPr')}")

    def resolve_chain(self, style_id: str | None) -> list:
        """Return the style ``style_id`` and the styles it is based on, nearest first."""
        found: list = []
        while style_id and style_id in self.by_id and len(found) < MAX_CHAIN:
            style = self.by_id[style_id]
            if style in found:
                break
            found.append(style)
            style_id = read_value(style, "basedOn")
        return found

    def find_name(self, style_id: str | None) -> str:
        """Return a style's name in lower case ("heading 1", "title"), or "" for none."""
        style = self.by_id.get(style_id or "")
        return (read_value(style, "name") or style_id or "").lower() if style is not None else ""

    def find_paragraph_style(self, ppr) -> str | None:
        """Return the paragraph style id of a paragraph's properties, else the default style's."""
        return read_value(ppr, "pStyle") or self.default_paragraph

    def resolve_paragraph_property(self, ppr, style_id: str | None, getter: Getter):
        """Return the first value ``getter`` finds in the direct properties, the style chain, the defaults."""
        chain = (s.find(qualify("pPr")) for s in self.resolve_chain(style_id))
        for props in (ppr, *chain, self.default_paragraph_props):
            found = getter(props) if props is not None else None
            if found is not None:
                return found
        return None

    def resolve_run_property(self, rpr, run_style: str | None, paragraph_style: str | None, getter: Getter):
        """Return a run property: direct, the character style chain, the paragraph style chain, defaults."""
        styles = (*self.resolve_chain(run_style), *self.resolve_chain(paragraph_style))
        for props in (rpr, *(s.find(qualify("rPr")) for s in styles), self.default_run_props):
            found = getter(props) if props is not None else None
            if found is not None:
                return found
        return None
