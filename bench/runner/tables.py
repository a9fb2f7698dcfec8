"""Plain-text tables of the report: numbers formatted alike, the first column left, the others right."""

from __future__ import annotations


def fmt(value, digits: int = 3) -> str:
    """Return a cell: '-' for a figure not measured, floats to ``digits`` places."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def significant(value) -> str:
    """Return a figure to three significant digits (a target's 0.0803 must not read as its limit 0.080)."""
    return "-" if value is None else f"{value:.3g}"


def table(title: str, header: list[str], rows: list[list]) -> str:
    """Return a titled table with a rule under its header."""
    cells = [header] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title]
    for index, row in enumerate(cells):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ratio(a, b):
    """Return a / b, or None when either is missing (or b is zero)."""
    return a / b if a is not None and b else None
