"""Repairing what check finds (`jdwriter fix`): the smallest edit per item (clause.py, rewrite.py, ops.py),
lists renumbered in their own style (numbering.py), reasons in the user's words when an item is left for a
person (reasons.py), the text engine (engine.py), in-place editors for .docx and HTML (docx.py, html.py),
one entry per file (files.py) and --diff (diff.py).

Owns: changing a JD as little as the law requires. May import: check, files and the primitives; never
compose, resolve or render, never typer or rich.
"""
