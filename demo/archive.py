"""Reproducible Office files: ZIP entries and the 修改时间 property dated like the document.

python-docx and openpyxl stamp archive entries with the current time (and openpyxl overwrites the
modified property on save), so the same document written twice would differ. Rewriting the
archive with the document's date makes the same seed give byte-identical files, and file dates
that agree with the content.
"""
from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path


def restamp_archive(path: Path, stamp: datetime) -> None:
    """Rewrite a ZIP-based Office file with every entry, and its 修改时间 property, dated `stamp`.

    openpyxl overwrites the modified property with the current time on save; this makes the bytes
    reproducible.
    """
    modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    entries = [(info, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + modified, data)
                if info.filename == "docProps/core.xml" else data) for info, data in entries]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)
