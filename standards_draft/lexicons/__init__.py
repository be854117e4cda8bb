"""Packaged stance lexicons (YAML)."""
