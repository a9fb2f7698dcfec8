"""The parts of bench/run.py: set-up, briefgen's measurements, the alternatives, phases, memory, report."""
