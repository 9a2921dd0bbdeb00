"""Many JDs from one sheet."""
