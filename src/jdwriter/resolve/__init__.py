"""Reading what people type into catalogue ids: exact names and the closest suggestions (names.py), free
titles scored against roles (roles.py), market titles read into understood parts only (titles.py and the
modules beside it: role, direction, level, qualifier, domain from data/domains.yaml, employer, board noise,
words not understood), and what jdwriter does not write (scope.py, data/scope.yaml).

Owns: turning words into a Request's ids, or an honest refusal. May import: catalog, files and the
primitives; never compose or render, never typer or rich.
"""
