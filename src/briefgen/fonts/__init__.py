"""Fonts: which file serves each role, and which characters each face can draw."""
