"""The outline stage: seed text -> Collection (decoding, parsing, numbering, lint, views); pure."""
