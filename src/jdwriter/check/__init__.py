"""Linting a JD's text."""
