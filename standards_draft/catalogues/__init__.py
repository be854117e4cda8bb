"""Packaged element catalogues (YAML)."""
