"""Performance benchmarks, run on demand: ``python -m benchmarks --quick`` or ``python -m benchmarks``."""
