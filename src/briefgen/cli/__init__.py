"""The command line: click commands, the quick no-op check, watch, preview, the fonts report."""
