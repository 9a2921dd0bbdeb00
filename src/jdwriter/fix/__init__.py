"""Repairing what check finds."""
