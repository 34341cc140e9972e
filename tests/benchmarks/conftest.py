"""Benchmarks run on demand: ``python3 installer/dev.py test tests/benchmarks --benchmark-only``
(the normal run skips them)."""
