"""The parts of tools/build_fonts.py: pinned sources, fetching, font operations, roles, outputs, self-check."""
