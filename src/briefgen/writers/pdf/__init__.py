"""The PDF writer: the layout's lines drawn with reportlab, fonts embedded as CID subsets."""

from briefgen.writers.pdf.writer import write_pdf

__all__ = ["write_pdf"]
