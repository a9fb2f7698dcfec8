"""The style sheet: page, grid, fonts, colours and paragraph styles, read from TOML and validated."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any, Callable, Mapping

from briefgen.errors import ConfigError
from briefgen.i18n import _

Locator = Callable[[str], "tuple[str, int]"]  # dotted key -> (file, line)
MM = 72.0 / 25.4  # points per millimetre
ALIGNS = ("left", "center", "right", "justify")
FONT_ROLES = ("title", "body", "hei", "kai", "song", "latin")
LATIN_BOLD = "latin-bold"  # the face of bold half-width text of the latin role (the PDF needs a file for it)


@dataclass(frozen=True)
class PageSpec:
    """Paper, margins and the line/character grid."""

    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    lines_per_page: int
    chars_per_line: int
    char_spacing_pt: float
    baseline_offset_em: float
    bold_stroke_em: float = 0.02  # PDF: stroke width (in em) that emboldens CJK text of bold styles
    keep_lines: int = 2  # lines of the following text a block kept with the next brings onto its page

    @property
    def measure_pt(self) -> float:
        """Return the width of the type area in points."""
        return (self.width_mm - self.margin_left_mm - self.margin_right_mm) * MM

    @property
    def area_height_pt(self) -> float:
        """Return the height of the type area in points."""
        return (self.height_mm - self.margin_top_mm - self.margin_bottom_mm) * MM

    @property
    def pitch_pt(self) -> float:
        """Return the distance between grid lines in points, in whole twips rounded down.

        Word and WPS hold the line pitch in twips: 225 mm / 22 is 579.8 twips, and rounding it
        up would leave room for only 21 lines; the PDF uses the same 579 (28.95 pt).
        """
        return int(self.area_height_pt * 20 / self.lines_per_page + 1e-9) / 20

    @property
    def cell_pt(self) -> float:
        """Return the width of one grid cell in points."""
        return self.measure_pt / self.chars_per_line


@dataclass(frozen=True)
class ParagraphStyle:
    """How one kind of paragraph or run looks."""

    name: str
    font: str
    size_pt: float
    word_name: str
    bold: bool = False
    align: str = "left"
    indent_chars: float = 0
    right_indent_chars: float = 0
    line_slots: int = 1
    space_before_slots: int = 0
    space_after_slots: int = 0
    color: str = "text"
    keep_with_next: bool = False
    outline_level: int | None = None
    latin_font: str = "latin"  # the role of its half-width characters (Latin letters, digits)


@dataclass(frozen=True)
class PageNumberSpec:
    """Where and how page numbers are drawn."""

    style: str
    offset_mm: float
    side_indent_chars: float
    dash_top_em: float


@dataclass(frozen=True)
class ContentsSpec:
    """The contents page's leader and number column."""

    leader: str
    number_cells: float


@dataclass(frozen=True)
class RuleSpec:
    """A horizontal rule across the measure (brief masthead, 版记 lines): its width and colour key."""

    name: str
    width_pt: float
    color: str = "text"


@dataclass(frozen=True)
class StyleSheet:
    """Everything the renderers need to know about how a document looks."""

    page: PageSpec
    fonts: Mapping[str, str]
    colors: Mapping[str, str]
    page_number: PageNumberSpec
    contents: ContentsSpec
    rules: Mapping[str, RuleSpec]
    styles: Mapping[str, ParagraphStyle]

    @property
    def title_cells(self) -> float:
        """Return how many full-width characters fit one title line."""
        title = self.styles["title"]
        return self.page.measure_pt // (title.size_pt + self.page.char_spacing_pt)

    def char_pt(self, style: ParagraphStyle) -> float:
        """Return the advance of one full-width character of ``style`` on the grid: its size plus tracking."""
        return style.size_pt + self.page.char_spacing_pt

    def indent_pt(self, style: ParagraphStyle) -> float:
        """Return the first-line indent of ``style`` in points."""
        return style.indent_chars * self.char_pt(style)

    def role_of(self, style: ParagraphStyle, narrow: bool) -> str:
        """Return the font role that draws a style's full-width (narrow False) or half-width characters."""
        if not narrow:
            return style.font
        if style.latin_font == "latin" and style.bold:
            return LATIN_BOLD
        return style.latin_font

    def style(self, name: str) -> ParagraphStyle:
        """Return the paragraph or run style called ``name``."""
        return self.styles[name]

    def color(self, style: ParagraphStyle | RuleSpec) -> str:
        """Return the RGB hex colour of a style or rule."""
        return self.colors[style.color]

    def rule(self, name: str) -> RuleSpec:
        """Return the rule called ``name`` (Block.rule_above / rule_below)."""
        return self.rules[name]


def _type_name(kind: Any) -> str:
    # TRANSLATORS: what a style sheet value must be, in "{key} must be {expected}, not {value!r}"
    names = {float: _("a number"), int: _("a whole number"), bool: _("true or false"), str: _("a string")}
    return names.get(kind, str(kind))


def _coerce(value: Any, kind: Any, where: str, locate: Locator) -> Any:
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind in (bool, str) and isinstance(value, kind):
        return value
    if kind == "int|None" and (value is None or (isinstance(value, int) and not isinstance(value, bool))):
        return value
    expected = _type_name(int if kind == "int|None" else kind)
    raise ConfigError(*locate(where), _("{key} must be {expected}, not {value!r}").format(
        key=where, expected=expected, value=value))


def _build(cls, data: Mapping[str, Any], where: str, locate: Locator, extra: dict | None = None):
    """Build a dataclass from a table, naming any unknown, missing or mistyped key."""
    kinds = {f.name: f.type for f in fields(cls)}
    values = dict(extra or {})
    for key, value in data.items():
        if key not in kinds or key in values:
            raise ConfigError(*locate(f"{where}.{key}"), _("unknown key {key}").format(key=f"{where}.{key}"))
        kind = {"float": float, "int": int, "bool": bool, "str": str, "int | None": "int|None"}.get(kinds[key], str)
        values[key] = _coerce(value, kind, f"{where}.{key}", locate)
    missing = [f.name for f in fields(cls) if f.name not in values and f.default is MISSING]
    if missing:
        raise ConfigError(*locate(where), _("{table} lacks {keys}").format(table=where, keys=", ".join(missing)))
    return cls(**values)


def _build_styles(tables: Mapping[str, Any], colors: Mapping[str, str], locate: Locator) -> dict[str, ParagraphStyle]:
    """Return the paragraph styles; a style without its own size_pt takes the body style's."""
    body = tables.get("body")
    if not isinstance(body, dict) or "size_pt" not in body:
        raise ConfigError(*locate("styles.body"), _("the style sheet needs [styles.body] with its size_pt"))
    styles = {}
    for name, table in sorted(tables.items(), key=lambda item: item[0] != "body"):
        if not isinstance(table, dict):
            raise ConfigError(*locate(f"styles.{name}"), _("{key} must be a table").format(key=f"styles.{name}"))
        if "size_pt" not in table:
            table = {**table, "size_pt": styles["body"].size_pt}
        style = _build(ParagraphStyle, table, f"styles.{name}", locate, {"name": name})
        for key in ("font", "latin_font"):
            if getattr(style, key) not in FONT_ROLES:
                raise ConfigError(*locate(f"styles.{name}.{key}"), _("{key} must be one of {values}").format(
                    key=f"styles.{name}.{key}", values=", ".join(FONT_ROLES)))
        if style.align not in ALIGNS:
            raise ConfigError(*locate(f"styles.{name}.align"), _("{key} must be one of {values}").format(
                key=f"styles.{name}.align", values=", ".join(ALIGNS)))
        if style.color not in colors:
            raise ConfigError(*locate(f"styles.{name}.color"), _("{key} names no [colors] entry").format(
                key=f"styles.{name}.color"))
        styles[name] = style
    return {name: styles[name] for name in tables}  # in the sheet's order


def build_style_sheet(data: Mapping[str, Any], locate: Locator) -> StyleSheet:
    """Return the style sheet described by ``data`` (a parsed, merged TOML table), its keys and types checked
    (project/stylecheck.py then checks its figures against their ranges and the grid)."""
    known = {"page", "fonts", "colors", "page_number", "contents", "rules", "styles"}
    for key in data:
        if key not in known:
            raise ConfigError(*locate(key), _("unknown style sheet section [{name}]").format(name=key))
    for key in known:
        if not isinstance(data.get(key), dict):
            raise ConfigError(*locate(key), _("the style sheet lacks the table [{name}]").format(name=key))
    fonts = dict(data["fonts"])
    for role in FONT_ROLES:
        if not isinstance(fonts.get(role), str) or not fonts[role]:
            raise ConfigError(*locate(f"fonts.{role}"), _("{key} must name a font family").format(
                key=f"fonts.{role}"))
    for role in fonts:
        if role not in FONT_ROLES:
            raise ConfigError(*locate(f"fonts.{role}"), _("unknown font role {key}; the roles are {roles}").format(
                key=f"fonts.{role}", roles=", ".join(FONT_ROLES)))
    colors = {}
    for name, value in data["colors"].items():
        if not (isinstance(value, str) and len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value)):
            raise ConfigError(*locate(f"colors.{name}"), _("{key} must be six hex digits like C8102E").format(
                key=f"colors.{name}"))
        colors[name] = value.upper()
    styles = _build_styles(data["styles"], colors, locate)
    rules = {}
    for name, table in data["rules"].items():
        if not isinstance(table, dict):
            raise ConfigError(*locate(f"rules.{name}"), _("{key} must be a table").format(key=f"rules.{name}"))
        rules[name] = _build(RuleSpec, table, f"rules.{name}", locate, {"name": name})
        if rules[name].color not in colors:
            raise ConfigError(*locate(f"rules.{name}.color"), _("{key} names no [colors] entry").format(
                key=f"rules.{name}.color"))
    sheet = StyleSheet(
        page=_build(PageSpec, data["page"], "page", locate),
        fonts=fonts,
        colors=colors,
        page_number=_build(PageNumberSpec, data["page_number"], "page_number", locate),
        contents=_build(ContentsSpec, data["contents"], "contents", locate),
        rules=rules,
        styles=styles,
    )
    if sheet.page_number.style not in styles:
        raise ConfigError(*locate("page_number.style"), _("page_number.style names no style"))
    return sheet
