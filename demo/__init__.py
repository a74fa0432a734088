"""The demo workspace and the realistic generated materials it (and the benchmark corpus) uses.

Public API for other packages (all deterministic for the same random generator state):

- `make_document(rng, kind, area, city, date, docno, *, since=None, subject=None, focus=None,
  keywords=()) -> OfficialDoc` — Chinese 公文 prose; kind in KINDS, area in AREAS
- `write_official_docx(path, doc)`, `write_official_pdf(path, doc, pages=None, *, password=None)`,
  `write_scanned_pdf(path, doc, pages=None)` (image-only pages, no text layer)
- `photo_caption(rng, area, city, taken) -> str`,
  `write_photo(path, *, rng, area, caption=None, taken=None, size=PHOTO_SIZE, quality=85)`
  (caption burnt in when given, EXIF DateTimeOriginal only when `taken` is given)
- `write_ledger_xlsx(path, doc)`, `write_ledger_csv(path, doc)` for documents with a table (kind 台账)
- `demo.build.build_demo(target, *, seed=7, progress=None, finish=True) -> DemoSummary` — the whole demo
  workspace (imported from there, since it needs the workspace, scanner and checks); with `finish=False`
  its OCR and checks wait for `demo.build.finish_demo(workspace, ...)` (`demo.build.unfinished(root)`)
"""
from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use (PEP 562): `materials-review` registers the `demo` command through this
# package, and every command would otherwise pay for PyMuPDF, openpyxl and Pillow at start-up.
_HOMES = {
    "write_official_docx": "demo.docx_writer",
    "PHOTO_SIZE": "demo.images", "photo_caption": "demo.images", "write_photo": "demo.images",
    "write_official_pdf": "demo.pdf_writer", "write_scanned_pdf": "demo.pdf_writer",
    "write_ledger_csv": "demo.sheets", "write_ledger_xlsx": "demo.sheets",
    "KINDS": "demo.texts", "OfficialDoc": "demo.texts", "chinese_date": "demo.texts", "make_docno": "demo.texts",
    "make_document": "demo.texts",
    "AREAS": "demo.vocabulary",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'demo' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


__all__ = [
    "AREAS", "KINDS", "PHOTO_SIZE", "OfficialDoc", "chinese_date", "make_docno", "make_document", "photo_caption",
    "write_ledger_csv", "write_ledger_xlsx", "write_official_docx", "write_official_pdf", "write_photo",
    "write_scanned_pdf",
]
