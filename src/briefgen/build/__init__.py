"""Builds: which outputs a seed has, what is out of date and why, atomic replacement, the manifest."""
