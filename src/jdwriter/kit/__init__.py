"""The interview kit (面试题与评分表): the question bank (bank.py), the kit model (model.py), composing a kit
from a request and the catalogue (build.py) and the entry points the CLI and batch call (api.py).

May import the catalogue, compose (to read the JD's duty blocks and fill placeholders the composer's way),
check (to prove the kit lawful in tests) and files; never typer or rich.
"""
