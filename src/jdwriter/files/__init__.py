"""Every user file in and out: one guarded reader (reader.py: regular files only, bounded bytes, BOM, UTF-8,
UTF-16 and GB18030), one path guard (paths.py), safe YAML (yamlio.py), zip and XML guards for .xlsx and
.docx (office.py), the one set of pydantic input models for sheet rows and company facts (inputs.py,
company.py) and atomic writes that never replace what they should not (writer.py).

Owns: bytes on disk. May import: only the primitives (errors, text, safe_text).
"""
