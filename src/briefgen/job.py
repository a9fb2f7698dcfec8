"""The rendering pipeline shared by every output: templates, fonts and metrics loaded once, then
outline -> document -> layout -> writer bytes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Mapping

from briefgen import __version__
from briefgen.document.compilation import build_compilation
from briefgen.document.model import Document
from briefgen.fonts.faces import FontFace, resolve_fonts
from briefgen.layout.lines import Layout, TextMetrics, layout_document
from briefgen.outline.model import Collection
from briefgen.project.folder import Project
from briefgen.project.style import StyleSheet
from briefgen.project.templating import Templates


@dataclass(frozen=True)
class RenderJob:
    """Everything a writer needs to produce one file."""

    document: Document
    layout: Layout
    sheet: StyleSheet
    templates: Templates
    faces: Mapping[str, FontFace]
    version: str = __version__
    allow_missing_glyphs: bool = False
    source: str = "<seed>"  # the seed's display path, for errors naming a seed line

    @property
    def creator(self) -> str:
        """Return the creator name written into document metadata."""
        return f"briefgen {self.version}"


class Renderer:
    """Shared resources for rendering the documents of one project."""

    def __init__(self, project: Project, allow_missing_glyphs: bool = False):
        self.project = project
        self.allow_missing_glyphs = allow_missing_glyphs
        self.templates = Templates(project.template_dirs, project.relative)

    @cached_property
    def faces(self) -> dict[str, FontFace]:
        """Return the font file serving each role."""
        fonts = self.project.config.fonts
        return resolve_fonts(fonts.files, fonts.dirs, self.project.root, fonts.system, self.project.config.path)

    @cached_property
    def metrics(self) -> TextMetrics:
        """Return the character widths the grid uses."""
        return TextMetrics(self.project.style, self.faces["latin"].metrics(), self.faces["latin-bold"].metrics())

    def job(self, document: Document) -> RenderJob:
        """Lay out a document and return the job its writers take."""
        layout = layout_document(document, self.project.style, self.metrics)
        return RenderJob(document, layout, self.project.style, self.templates, self.faces,
                         allow_missing_glyphs=self.allow_missing_glyphs)

    def compilation(self, outline: Collection, date: dt.date) -> RenderJob:
        """Return the job of the compilation of ``outline``."""
        document = build_compilation(outline, self.templates, self.project.style, self.project.config, date)
        return self.job(document)
