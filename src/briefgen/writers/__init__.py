"""The output formats: one writer module each, registered in one table.

A writer turns a laid-out document into the bytes of one file; it never reads seed text and
never writes files itself (the build writes them atomically).
"""

from __future__ import annotations

from typing import Callable

# format -> (module, function): imported only when that format is written.
WRITERS: dict[str, tuple[str, str]] = {
    "docx": ("briefgen.writers.docx.writer", "write_docx"),
    "pdf": ("briefgen.writers.pdf.writer", "write_pdf"),
}


def get_writer(fmt: str) -> Callable:
    """Return the writer function of a format, importing its module on first use."""
    import importlib

    module, function = WRITERS[fmt]
    return getattr(importlib.import_module(module), function)
