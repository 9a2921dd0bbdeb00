"""JobDescription to md, txt, html (Jinja), docx (python-docx) and json."""
