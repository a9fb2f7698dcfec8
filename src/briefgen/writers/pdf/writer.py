"""Laid-out pages -> PDF: every grid line drawn where the layout put it, with reportlab's canvas.

The layout core has already broken lines and placed every segment; this writer only draws:
each segment at (the page's left margin + x, top of the type area + baseline) with PDF character spacing
(Tc), in the face of its role, each character checked against that face (else the fallback).
A character whose real advance differs from the one the layout assumed is placed on its own,
centred in the room the layout gave it, so every line still ends where the layout says.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from hashlib import md5

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.model import Block
from briefgen.errors import RenderError
from briefgen.fonts.coverage import describe_char, seed_line
from briefgen.i18n import _
from briefgen.job import RenderJob
from briefgen.layout.model import Line, Segment
from briefgen.project.style import LATIN_BOLD, MM
from briefgen.writers.pdf.embed import EmbeddedFont
from briefgen.writers.pdf.fonts import Glyph, GlyphChooser, MissingGlyph, PdfFont
from briefgen.writers.pdf.text import GridText, Look, TextState

log = logging.getLogger("briefgen.pdf")
OUTLINE_LEVELS = 2  # bookmarks: speeches (0) and their 一、 points (1)


class PdfWriter:
    """Draws one job's pages onto a canvas."""

    def __init__(self, job: RenderJob):
        self.job = job
        self.sheet = job.sheet
        page = self.sheet.page
        self.width, self.height = page.width_mm * MM, page.height_mm * MM
        self.left = page.margin_left_mm * MM  # the type area's left edge on the page being drawn (Page.left)
        self.top = self.height - page.margin_top_mm * MM  # the type area's top edge, PDF coordinates
        self.metrics = job.metrics
        self.chooser = GlyphChooser(job.faces, self._assumed, job.allow_missing_glyphs)
        self._looks: dict[str, Look] = {}
        self._colors: dict[str, HexColor] = {}
        self._warned: set[str] = set()
        self._encoders: dict[str, EmbeddedFont] = {}

    def _assumed(self, char: str, latin: bool, style: str) -> float:
        return self.metrics.em(char, self.sheet.style(style)) if latin else 1.0

    def look(self, name: str, role: str) -> Look:
        """Return the drawing look of a style's text in a role: bold without a bold face is stroked."""
        found = self._looks.get((name, role))
        if found is None:
            style = self.sheet.style(name)
            stroke = self.sheet.page.bold_stroke_em * style.size_pt if style.bold and role != LATIN_BOLD else 0.0
            found = self._looks[(name, role)] = Look(style, self.color(self.sheet.color(style)), stroke)
        return found

    def encoder(self, font: PdfFont) -> EmbeddedFont:
        """Return the font as embedded in this document (it names itself /FB1, /FB2 ... by first use)."""
        found = self._encoders.get(font.name)
        if found is None:
            found = self._encoders[font.name] = EmbeddedFont(font, f"FB{len(self._encoders) + 1}")
        return found

    def color(self, hex_rgb: str) -> HexColor:
        """Return a reportlab colour for six hex digits."""
        found = self._colors.get(hex_rgb)
        if found is None:
            found = self._colors[hex_rgb] = HexColor("#" + hex_rgb)
        return found

    # -- the document --------------------------------------------------------------------------

    def write(self) -> bytes:
        """Return the PDF's bytes."""
        job, layout = self.job, self.job.layout
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(self.width, self.height), invariant=1, pageCompression=1,
                        initialFontName=self._first_font().name, lang=job.document.metadata.language)
        self._set_metadata(canvas)
        self._choose_glyphs()
        marks = self._bookmarked()
        targets = set(marks.values())
        for page in layout.pages:
            self.left = page.left
            text = GridText(canvas)
            state = TextState(self.encoder)
            for line in page.lines:
                block = layout.blocks[line.block]
                if line.first and line.block in marks:
                    self._bookmark(canvas, block, line, marks[line.block])
                self._draw_line(text, state, line, block)
                if block.ref in targets:
                    self._link(canvas, line, block.ref)
            if page.folio is not None:
                self._draw_line(text, state, page.folio, None)
            canvas.drawText(text)
            self._draw_rules(canvas, page.lines)
            canvas.showPage()
        for embedded in self._encoders.values():
            embedded.add_to(canvas._doc)
        _save(canvas)
        return buffer.getvalue()

    def _bookmarked(self) -> dict[int, str]:
        """Return block index -> bookmark key of the blocks in the outline (speeches and 一、 points).

        A level deeper than the one before plus one (a point before any speech) stays out of it."""
        marks, level = {}, -1
        for index, block in enumerate(self.job.layout.blocks):
            if block.outline_level is not None and block.outline_level < OUTLINE_LEVELS \
                    and block.outline_level <= level + 1:
                level = block.outline_level
                marks[index] = block.anchor or f"block-{index}"
        return marks

    def _first_font(self):
        """Return the font of the first text drawn, so the canvas never names an unembedded font."""
        for page in self.job.layout.pages:
            for line in page.lines:
                for segment in line.segments:
                    return self.chooser.font(segment.role)
        return self.chooser.font("latin")

    def _set_metadata(self, canvas: Canvas) -> None:
        meta = self.job.document.metadata
        canvas.setTitle(meta.title)
        canvas.setAuthor(meta.author)
        canvas.setSubject(meta.subject)
        canvas.setKeywords(meta.keywords)
        canvas.setCreator(self.job.creator)
        _fix_timestamp(canvas, meta.date)

    def _bookmark(self, canvas: Canvas, block: Block, line: Line, key: str) -> None:
        slot_top = self.top - line.slot * self.sheet.page.pitch_pt
        canvas.bookmarkPage(key, fit="XYZ", left=self.left, top=slot_top)
        canvas.addOutlineEntry(block.label or block.text.replace("\n", ""), key, level=block.outline_level)

    def _link(self, canvas: Canvas, line: Line, key: str) -> None:
        """Make a contents entry's line a link to the page it names."""
        pitch = self.sheet.page.pitch_pt
        top = self.top - line.slot * pitch
        canvas.linkRect("", key, (self.left, top - line.slots * pitch, self.left + self.sheet.page.measure_pt, top),
                        relative=0, thickness=0)

    # -- text ----------------------------------------------------------------------------------

    def _choose_glyphs(self) -> None:
        """Choose the face of every distinct character of each role and style once, before drawing, so
        that a segment whose characters are all drawn as the layout assumed is shown in one piece."""
        layout = self.job.layout
        for page in layout.pages:
            for line in page.lines if page.folio is None else (*page.lines, page.folio):
                block = layout.blocks[line.block] if line.block >= 0 else None
                for segment in line.segments:
                    known = self.chooser.regular(segment.role, segment.latin, segment.style)
                    for char in dict.fromkeys(segment.text):  # in reading order: the first missing one is named
                        if char not in known:
                            self._glyph(segment.role, segment.latin, char, block, segment.style)

    def _draw_line(self, text: GridText, state: TextState, line: Line, block: Block | None) -> None:
        y = self.top - line.baseline
        for segment in line.segments:
            self._draw_segment(text, state, segment, y, block)

    def _draw_segment(self, text: GridText, state: TextState, segment: Segment, y: float,
                      block: Block | None) -> None:
        role = segment.role
        look = self.look(segment.style, role)
        style = look.style
        name = segment.style
        x = self.left + segment.x
        chars = segment.text
        if self.chooser.regular(role, segment.latin, name).issuperset(chars):
            state.show(text, self.chooser.font(role), style.size_pt, segment.spacing, look, x, y,
                       chars)
            return
        size, spacing = style.size_pt, segment.spacing
        run_start, run_x, run_font = 0, x, None
        for index, char in enumerate(chars):
            glyph = self._glyph(role, segment.latin, char, block, name)
            if glyph.regular and (run_font is None or glyph.font is run_font):
                if run_font is None:
                    run_start, run_x, run_font = index, x, glyph.font
            else:
                if run_font is not None:
                    state.show(text, run_font, size, spacing, look, run_x, y, chars[run_start:index])
                    run_font = None
                if glyph.regular:
                    run_start, run_x, run_font = index, x, glyph.font
                else:  # placed on its own, centred in the room the layout gave it
                    offset = (glyph.assumed - glyph.actual) * size / 2
                    state.show(text, glyph.font, size, spacing, look, x + offset, y, char)
            x += glyph.assumed * size + spacing
        if run_font is not None:
            state.show(text, run_font, size, spacing, look, run_x, y, chars[run_start:])

    def _glyph(self, role: str, latin: bool, char: str, block: Block | None, style_name: str) -> Glyph:
        try:
            glyph = self.chooser.glyph(role, latin, style_name, char)
        except MissingGlyph:
            line = seed_line(block, style_name, char)
            if line:
                message = _("character {char} is in no font (role {role}, fallback): {faces}; build with "
                            "--allow-missing-glyphs to draw it blank")
            else:
                message = _("character {char} (template wording) is in no font (role {role}, fallback): {faces}; "
                            "build with --allow-missing-glyphs to draw it blank")
            raise RenderError(self.job.source, line, message.format(char=describe_char(char), role=role,
                                                                    faces=self._face_names(role))) from None
        if glyph.missing and char not in self._warned:
            self._warned.add(char)
            message = _("character {char} is in no font (role {role}, fallback); drawn blank")
            log.warning("%s:%d: warning: %s", self.job.source, seed_line(block, style_name, char),
                        message.format(char=describe_char(char), role=role))
        return glyph

    def _face_names(self, role: str) -> str:
        return ", ".join(self.job.faces[r].path.name for r in (role, "fallback"))

    # -- rules ---------------------------------------------------------------------------------

    def _draw_rules(self, canvas: Canvas, lines: tuple[Line, ...]) -> None:
        pitch = self.sheet.page.pitch_pt
        blocks = self.job.layout.blocks
        for line in lines:
            block = blocks[line.block]
            if block.rule_above and line.first:
                self._rule(canvas, block.rule_above, self.top - line.slot * pitch)
            if block.rule_below and line.last:
                self._rule(canvas, block.rule_below, self.top - (line.slot + line.slots) * pitch)

    def _rule(self, canvas: Canvas, name: str, y: float) -> None:
        rule = self.sheet.rule(name)
        canvas.setStrokeColor(self.color(self.sheet.color(rule)))
        canvas.setLineWidth(rule.width_pt)
        canvas.line(self.left, y, self.left + self.sheet.page.measure_pt, y)


def _fix_timestamp(canvas: Canvas, date: dt.date) -> None:
    """Date the PDF (CreationDate, ModDate and the file ID) by the document's date, never by the clock."""
    stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
    doc = canvas._doc
    doc._timeStamp.t = stamp.timestamp()
    doc._timeStamp.YMDhms = (date.year, date.month, date.day, 0, 0, 0)
    doc._timeStamp.dhh = doc._timeStamp.dmm = 0
    doc.signature = md5(b"a reportlab document" + repr(stamp.timestamp()).encode("ascii"), usedforsecurity=False)


def _save(canvas: Canvas) -> None:
    """Save the PDF with its streams only deflated: ASCII85 on top (reportlab's default) makes them
    a quarter larger and costs a pure-Python pass over every page."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        canvas.save()
    finally:
        rl_config.useA85 = previous


def write_pdf(job: RenderJob) -> bytes:
    """Return the PDF of a laid-out document."""
    return PdfWriter(job).write()
