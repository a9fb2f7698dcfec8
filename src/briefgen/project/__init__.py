"""The project: briefgen.toml, the style sheet, the template folders and their sandbox."""
