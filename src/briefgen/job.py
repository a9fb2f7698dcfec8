"""What every writer takes: a document, its layout, the style sheet and the faces that draw it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from briefgen import __version__
from briefgen.document.model import Document
from briefgen.fonts.faces import FontFace
from briefgen.layout.measure import TextMetrics
from briefgen.layout.model import Layout
from briefgen.project.style import StyleSheet


@dataclass(frozen=True)
class RenderJob:
    """Everything a writer needs to produce one file; a writer reads nothing else."""

    document: Document
    layout: Layout
    sheet: StyleSheet
    faces: Mapping[str, FontFace]
    metrics: TextMetrics  # the widths the layout used
    version: str = __version__
    allow_missing_glyphs: bool = False
    source: str = "<seed>"  # the seed's display path, for errors naming a seed line

    @property
    def creator(self) -> str:
        """Return the creator name written into document metadata."""
        return f"briefgen {self.version}"
