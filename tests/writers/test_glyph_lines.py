"""A character no font has is reported at the seed line it came from, even through a template."""

from __future__ import annotations

import pytest

from briefgen.outline.parse import parse_text


def test_a_character_of_the_collection_title_no_font_has_names_the_title_line(tmp_path):
    """The collection title is printed through cover.j2; its runs still carry the seed line."""
    import dataclasses
    import datetime as dt

    from briefgen.errors import RenderError
    from briefgen.render import Renderer
    from briefgen.writers import get_writer

    from support.docx import make_project

    renderer = Renderer(make_project(tmp_path / "project"))
    outline = parse_text("\n\n发言汇编ꀀ\n讲话标题\n正文，这是正文。\n", "s.txt")
    job = dataclasses.replace(renderer.compilation(outline, dt.date(2026, 11, 28)), source="s.txt")
    (cover_title,) = [b for b in job.document.sections[0].blocks if b.style == "cover_title"]
    assert {run.line for run in cover_title.runs} == {3}
    with pytest.raises(RenderError, match="U\\+A000") as caught:
        get_writer("pdf")(job)
    assert caught.value.line == 3 and "template wording" not in caught.value.message
