"""`briefgen import`: Word files (.docx, .doc, .wps) -> one seed text.

The modules, in the order a file passes through them: ``package`` (what kind of file, open the
DOCX), ``convert`` (.doc and .wps to DOCX through LibreOffice), ``styles`` and ``numbering``
(formatting and automatic list numbers as Word resolves them), ``runs`` and ``paragraphs`` (the
body in reading order, and what is left out), ``structure`` (titles, units, speeches),
``seedtext`` (the seed's lines), ``report`` (what was read), ``command`` (the whole import).
Nothing here is imported by a build: python-docx and lxml load only when Word files are read.
"""
