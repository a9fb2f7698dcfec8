"""The rendering pipeline every output shares: templates, fonts and metrics loaded once, then
outline -> document -> layout -> the job a writer takes."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Mapping

from briefgen.document.compilation import build_compilation
from briefgen.document.model import Document
from briefgen.fonts.faces import FontFace, resolve_fonts
from briefgen.job import RenderJob
from briefgen.layout.measure import TextMetrics
from briefgen.layout.pages import layout_document
from briefgen.outline.model import Collection
from briefgen.project.folder import Project
from briefgen.project.templating import Templates


class Renderer:
    """Shared resources for rendering the documents of one project."""

    def __init__(self, project: Project, allow_missing_glyphs: bool = False,
                 faces: Mapping[str, FontFace] | None = None, source: str = "<seed>"):
        self.project = project
        self.allow_missing_glyphs = allow_missing_glyphs
        self.source = source
        self.templates = Templates(project.template_dirs, project.relative)
        self._faces = dict(faces) if faces is not None else None  # the build resolves them for its fingerprint

    @property
    def faces(self) -> dict[str, FontFace]:
        """Return the font file serving each role."""
        if self._faces is None:
            fonts = self.project.config.fonts
            self._faces = resolve_fonts(fonts.files, fonts.dirs, self.project.root, fonts.system,
                                        self.project.config.path)
        return self._faces

    @cached_property
    def metrics(self) -> TextMetrics:
        """Return the character widths the grid uses."""
        return TextMetrics(self.project.style, lambda role: self.faces[role].metrics())

    def job(self, document: Document) -> RenderJob:
        """Lay out a document and return the job its writers take."""
        layout = layout_document(document, self.project.style, self.metrics)
        return RenderJob(document, layout, self.project.style, self.faces, self.metrics,
                         allow_missing_glyphs=self.allow_missing_glyphs, source=self.source)

    def compilation(self, outline: Collection, date: dt.date) -> RenderJob:
        """Return the job of the compilation of ``outline``."""
        document = build_compilation(outline, self.templates, self.project.style, self.project.config, date)
        return self.job(document)
