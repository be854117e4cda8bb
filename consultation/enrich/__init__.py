"""Enrichment stages: language, redaction, campaigns, closed-question statistics."""
