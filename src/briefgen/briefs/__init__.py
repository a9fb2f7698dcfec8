"""One-page thematic briefs: themes, sentence selection, the brief document, theme suggestion."""
