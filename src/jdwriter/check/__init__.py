"""Linting any JD's text (`jdwriter check`): the one layout reader (layout.py, with blocks.py, html_text.py
and docx_text.py) turns md, txt, html, docx and pasted board text into blocks with positions; the rules
(rules.py, data.py, regex_hint.py) are scanned over them (scan.py, engine.py); quality rules (quality.py),
the complete-posting elements (posting.py), findings and the report (report.py, cap.py).

Owns: reading a JD and finding what is unlawful or weak in it. May import: files and the primitives; never
compose, resolve or render (check reads text, it does not write JDs), never typer or rich.
"""
