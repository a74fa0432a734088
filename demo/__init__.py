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
- `demo.build.build_demo(target, *, seed=7, progress=None) -> DemoSummary` — the whole demo
  workspace (imported from there, since it needs the workspace, scanner and checks)
"""
from demo.docx_writer import write_official_docx
from demo.images import PHOTO_SIZE, photo_caption, write_photo
from demo.pdf_writer import write_official_pdf, write_scanned_pdf
from demo.sheets import write_ledger_csv, write_ledger_xlsx
from demo.texts import KINDS, OfficialDoc, chinese_date, make_docno, make_document
from demo.vocabulary import AREAS

__all__ = [
    "AREAS", "KINDS", "PHOTO_SIZE", "OfficialDoc", "chinese_date", "make_docno", "make_document", "photo_caption",
    "write_ledger_csv", "write_ledger_xlsx", "write_official_docx", "write_official_pdf", "write_photo",
    "write_scanned_pdf",
]
