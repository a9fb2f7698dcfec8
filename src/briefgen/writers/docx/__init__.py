"""The DOCX writer: WordprocessingML written as text, pages left to Word on the same grid."""

from briefgen.writers.docx.writer import write_docx

__all__ = ["write_docx"]
