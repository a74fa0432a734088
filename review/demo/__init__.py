"""The demo workspace and the realistic generated materials it (and the benchmark corpus) uses.

Public API for other packages:

- `make_document(rng, kind, area, city, date, docno) -> OfficialDoc` — Chinese 公文 prose
- `write_official_docx(path, doc)`, `write_official_pdf(path, doc, pages)`, `write_scanned_pdf(path, doc)`
- `write_photo(path, rng=…, area=…, caption=…, taken=…, size=…)`, `write_ledger_xlsx(path, doc)`
- `build_demo(target, seed=7, progress=None) -> DemoSummary` (in review.demo.build; imports the workspace)
"""
from review.demo.docx_writer import write_official_docx
from review.demo.images import photo_caption, write_photo
from review.demo.pdf_writer import write_official_pdf, write_scanned_pdf
from review.demo.sheets import write_ledger_csv, write_ledger_xlsx
from review.demo.texts import KINDS, OfficialDoc, chinese_date, make_docno, make_document
from review.demo.vocabulary import AREAS

__all__ = [
    "AREAS", "KINDS", "OfficialDoc", "chinese_date", "make_docno", "make_document", "photo_caption",
    "write_ledger_csv", "write_ledger_xlsx", "write_official_docx", "write_official_pdf", "write_photo",
    "write_scanned_pdf",
]
