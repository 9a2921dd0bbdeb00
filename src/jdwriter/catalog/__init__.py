"""The catalogue: data/duties.yaml and data/directions.yaml (levels, industries, practices, slots, duty blocks,
roles, directions) read into typed pydantic models with extra="forbid" (entries.py), merged with --catalog
extensions and validated once (model.py); cross-references (references.py), Chinese messages that name the
file, the key path and the line (messages.py), the writing standard (lint.py), data/vocabulary.yaml
(vocabulary.py) and the rows of `jdwriter list` (listing.py).

Owns: what the catalogue is. May import: files (YAML reading), formats and the primitives; nothing above it.
"""
