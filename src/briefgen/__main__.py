"""Run briefgen as ``python -m briefgen``."""

from briefgen.cli.main import main

main()
