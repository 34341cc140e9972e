"""The minutes record as plain Python: no I/O and no Qt."""
