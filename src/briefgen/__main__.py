"""Run briefgen as ``python -m briefgen``."""

from briefgen.cli.quickcheck import main

main()
