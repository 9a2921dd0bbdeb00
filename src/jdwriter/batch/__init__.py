"""Many JDs from one sheet (`jdwriter batch`): read the rows (sheets.py: CSV, .xlsx, YAML, JSON, the header
found in the first ten rows), resolve each row (plan.py), write every file atomically with a progress callback,
a folder lock, worker processes for Word and clean interrupts (run.py, workers.py, lock.py), and the manifest
that --resume reads back (manifest.py, resume.py).

Owns: the row → files workflow. May import: api, kit, compose, render, catalog, files, models and the
primitives; never cli, typer or rich (progress reaches the terminal through a callback).
"""
