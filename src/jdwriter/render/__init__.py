"""A JobDescription to md, txt and html through Jinja templates (render.py, in a sandbox with limits:
sandbox.py, template_errors.py), to .docx through python-docx (docx.py, with the shared page and Chinese
typography in docx_style.py), and to json.

Owns: how a JD looks. May import: models, formats, files (writing exported templates) and the primitives;
never compose or catalog, never typer or rich.
"""
