"""A pure function from a Request and the Catalog to a JobDescription (writer.compose): the request read
against the catalogue (job.py) with the note it takes for its subject (notes.py), then the sections, each in
its own module (duties.py, requirements.py, bonus.py, summary.py) with phrasings arranged so no verb or tool
repeats (arrange.py).

Owns: what a JD says. May import: catalog, models, formats and the primitives; no file, template, Word or
YAML module (no I/O), never typer or rich.
"""
