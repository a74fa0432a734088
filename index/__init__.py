"""Files to facts: scanning, fingerprints, extraction per format, OCR and full-text search.

Knows nothing of the workspace database or of Qt.
"""
