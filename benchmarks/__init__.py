"""Benchmarks for liaison-tui: ``python -m benchmarks`` (see run.py)."""
