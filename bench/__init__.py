"""Benchmark of the compliance suites against the floor they cannot beat: see ``bench/run.py``."""
