"""Render the three printed reports of a small city to PDF and the pages to bench/out/report-*.png,
so that a person can look at them as the office prints them.

    .venv/bin/python bench/render_reports.py

Builds the city of the report tests (tests/submission_helpers.py) in a temporary folder; needs
LibreOffice (Debian: libreoffice-writer-nogui) and a CJK font (fonts-noto-cjk).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
KINDS = {"issues": "问题清单", "list": "申报材料清单", "signoff": "审核签字表"}
DPI = 110


def main() -> None:
    import pymupdf

    from review.office.reports import write_report
    from review.workspace.accounts import login
    from tests.report_render import render_pdfs
    from tests.review_signoff_helpers import PASSWORDS
    from tests.submission_helpers import build_city

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mr-reports-") as tmp:
        city = build_city(Path(tmp) / "city")
        try:
            office = login(city.office, "文明办", PASSWORDS["文明办"])
            documents = [write_report(city.office, office, kind, OUT / f"report-{kind}.docx") for kind in KINDS]
        finally:
            city.close()
    for pdf in render_pdfs(documents, OUT):
        with pymupdf.open(pdf) as document:
            for number, page in enumerate(document, start=1):
                png = OUT / f"{pdf.stem}-{number}.png"
                page.get_pixmap(dpi=DPI).save(png)
                print(png.relative_to(ROOT), f"{page.rect.width:.0f}×{page.rect.height:.0f} pt")


if __name__ == "__main__":
    main()
