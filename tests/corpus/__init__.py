"""Test corpora with truth files (see realistic.py)."""
