"""Run briefgen as ``python -m briefgen``."""

from .quickcheck import main

main()
