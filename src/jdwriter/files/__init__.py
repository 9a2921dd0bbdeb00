"""Every user file in and out."""
