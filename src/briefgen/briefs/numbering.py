"""Issue numbers (第N期): consecutive from briefgen.toml [brief] first_issue, only for briefs made.

A theme that sets its own ``issue`` keeps it (two themes setting the same one are an error of the
theme file, naming both lines). The others count on from first_issue in theme-file order, over
the themes that have a brief, passing over the numbers set explicitly: a theme with nothing to
say takes no number, so the issues printed leave no gap.
"""

from __future__ import annotations

from typing import Sequence

from briefgen.briefs.themes import Theme


def number_issues(themes: Sequence[Theme], made: Sequence[bool], first_issue: int) -> list[int | None]:
    """Return each theme's issue number, None for a theme without a brief."""
    explicit = {t.issue for t, has in zip(themes, made) if has and t.issue is not None}
    numbers: list[int | None] = []
    following = first_issue
    for theme, has in zip(themes, made):
        if not has:
            numbers.append(None)
        elif theme.issue is not None:
            numbers.append(theme.issue)
        else:
            while following in explicit:
                following += 1
            numbers.append(following)
            following += 1
    return numbers
