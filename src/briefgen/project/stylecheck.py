"""The figures a style sheet may hold: each within a documented range, and every style held by the grid.

A value outside its range, or a size the grid cannot hold (a character taller than the grid lines
it is set on, indents that leave no room for a character), is refused with the line of
briefgen.toml or style.toml that set it. The ranges are listed in templates/style.toml's header.
"""

from __future__ import annotations

from typing import Any, Mapping

from briefgen.errors import ConfigError
from briefgen.i18n import _
from briefgen.project.style import Locator, ParagraphStyle, StyleSheet

SIZE_RANGE_PT = (5.0, 72.0)  # 八号 (5 pt) to 72 pt, the largest masthead size in use
CHAR_SPACING_RANGE_PT = (-2.0, 4.0)  # tracking after every character
KEEP_LINES_RANGE = (1, 5)  # lines of the following text a heading brings along
GRID_RANGE = (1, 100)  # lines per page, characters per line
PAPER_RANGE_MM = (50.0, 1000.0)


def _refuse(locate: Locator, key: str, message: str) -> None:
    raise ConfigError(*locate(key), message)


def _within(value: float, bounds: tuple[float, float], key: str, unit: str, locate: Locator) -> None:
    """Refuse ``value`` outside ``bounds``; ``unit`` is "mm", "pt", "lines" or "" (a count)."""
    low, high = bounds
    if low <= value <= high:
        return
    if unit == "mm":
        message = _("{key} = {value:g} is outside {low:g} to {high:g} mm")
    elif unit == "pt":
        message = _("{key} = {value:g} is outside {low:g} to {high:g} pt")
    elif unit == "lines":
        message = _("{key} = {value:g} is outside {low:g} to {high:g} lines")
    else:
        message = _("{key} = {value:g} is outside {low:g} to {high:g}")
    _refuse(locate, key, message.format(key=key, value=value, low=low, high=high))


def check_page(sheet: StyleSheet, locate: Locator) -> None:
    """Refuse paper, margins and grid figures outside their ranges or leaving no type area."""
    page = sheet.page
    _within(page.width_mm, PAPER_RANGE_MM, "page.width_mm", "mm", locate)
    _within(page.height_mm, PAPER_RANGE_MM, "page.height_mm", "mm", locate)
    for side in ("top", "bottom", "left", "right"):
        if getattr(page, f"margin_{side}_mm") < 0:
            _refuse(locate, f"page.margin_{side}_mm", _("{key} must not be negative").format(
                key=f"page.margin_{side}_mm"))
    if page.measure_pt <= 0:
        _refuse(locate, "page.margin_left_mm", _("the left and right margins leave no type area"))
    if page.area_height_pt <= 0:
        _refuse(locate, "page.margin_top_mm", _("the top and bottom margins leave no type area"))
    _within(page.lines_per_page, GRID_RANGE, "page.lines_per_page", "", locate)
    _within(page.chars_per_line, GRID_RANGE, "page.chars_per_line", "", locate)
    if page.pitch_pt <= 0:
        _refuse(locate, "page.lines_per_page", _("{count} lines do not fit the type area's height").format(
            count=page.lines_per_page))
    _within(page.char_spacing_pt, CHAR_SPACING_RANGE_PT, "page.char_spacing_pt", "pt", locate)
    _within(page.keep_lines, KEEP_LINES_RANGE, "page.keep_lines", "lines", locate)


def _size_key(name: str, tables: Mapping[str, Any]) -> str:
    """Return the key that set a style's size: its own size_pt, else the body style's it takes."""
    own = isinstance(tables.get(name), dict) and "size_pt" in tables[name]
    return f"styles.{name if own else 'body'}.size_pt"


def _check_size(sheet: StyleSheet, style: ParagraphStyle, size_key: str, locate: Locator) -> None:
    """Refuse a style's size outside its range, or too tall for the grid lines it is set on."""
    page, name = sheet.page, style.name
    own = size_key == f"styles.{name}.size_pt"  # else the style takes the body's size
    low, high = SIZE_RANGE_PT
    values = {"key": size_key, "value": style.size_pt, "size": style.size_pt, "name": name, "low": low, "high": high}
    if not low <= style.size_pt <= high:
        _refuse(locate, size_key, (_("{key} = {value:g} is outside {low:g} to {high:g} pt") if own else _(
            "{key} = {size:g} (styles.{name} takes the body size) is outside {low:g} to {high:g} pt")).format(**values))
    if not 1 <= style.line_slots <= page.lines_per_page:
        _refuse(locate, f"styles.{name}.line_slots", _("{key} must be 1 to {most}").format(
            key=f"styles.{name}.line_slots", most=page.lines_per_page))
    room = style.line_slots * page.pitch_pt
    if style.size_pt > room + 1e-9:
        values.update(slots=style.line_slots, pitch=page.pitch_pt, needed=int(style.size_pt // page.pitch_pt) + 1,
                      room=room)
        if own:
            message = _("{key} = {size:g}: a character of that size does not fit {slots} grid line(s) of {pitch:g} pt "
                        "and would overprint the next; set styles.{name}.line_slots = {needed} or a size of at most "
                        "{room:g} pt")
        else:
            message = _("{key} = {size:g} (styles.{name} takes the body size): a character of that size does not fit "
                        "{slots} grid line(s) of {pitch:g} pt and would overprint the next; set "
                        "styles.{name}.line_slots = {needed} or a size of at most {room:g} pt")
        _refuse(locate, size_key, message.format(**values))


def check_style(sheet: StyleSheet, style: ParagraphStyle, tables: Mapping[str, Any], locate: Locator) -> None:
    """Refuse a style whose size, grid lines, spacing or indents the grid cannot hold."""
    page, name = sheet.page, style.name
    size_key = _size_key(name, tables)
    _check_size(sheet, style, size_key, locate)
    for key in ("space_before_slots", "space_after_slots"):
        if not 0 <= getattr(style, key) < page.lines_per_page:
            _refuse(locate, f"styles.{name}.{key}", _("{key} must be 0 to {most}").format(
                key=f"styles.{name}.{key}", most=page.lines_per_page - 1))
    for key in ("indent_chars", "right_indent_chars"):
        if getattr(style, key) < 0:
            _refuse(locate, f"styles.{name}.{key}", _("{key} must not be negative").format(key=f"styles.{name}.{key}"))
    cells = style.indent_chars + style.right_indent_chars + 1
    if cells * sheet.char_pt(style) > page.measure_pt + 1e-6:
        key = f"styles.{name}.indent_chars" if style.indent_chars else size_key
        _refuse(locate, key, _("styles.{name}: its indents and one character of {size:g} pt ({cells:g} characters) "
                               "do not fit the {measure:.1f} pt line").format(name=name, size=style.size_pt,
                                                                            cells=cells, measure=page.measure_pt))


def check_style_sheet(sheet: StyleSheet, tables: Mapping[str, Any], locate: Locator) -> None:
    """Refuse a style sheet any of whose figures is out of range or that the grid cannot hold.

    ``tables`` are the merged [styles] tables as written, to tell a size of its own from the body's."""
    check_page(sheet, locate)
    for style in sorted(sheet.styles.values(), key=lambda s: s.name != "body"):
        check_style(sheet, style, tables, locate)
    spec = sheet.page_number
    if spec.offset_mm < 0 or spec.side_indent_chars < 0:
        _refuse(locate, "page_number", _("page_number.offset_mm and side_indent_chars must not be negative"))
    if not 0 <= sheet.contents.number_cells < sheet.page.chars_per_line:
        _refuse(locate, "contents.number_cells", _("{key} must be 0 to {most}").format(
            key="contents.number_cells", most=sheet.page.chars_per_line - 1))
