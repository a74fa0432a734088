"""One module per format family; each exposes `extract(path, extraction, limits)` that fills in the
pages, facts and problems of an `Extraction` whose format was already sniffed (see index.extract)."""
