"""Where a finding is, in the same words on every screen, report and command line.

A finding stores the page its text is on (`page`, 1-based) and the extractor's place for people
(`location`, e.g. "第2页", "第5段", "工作表Sheet1 第3行第2列"); both are part of what was checked
and the place is part of the finding's fingerprint, so they are stored as found and only
described here. Paged formats (PDF, OFD, images) are placed by page; a DOCX by paragraph or
table cell (its "page" is not a printed page); a spreadsheet by sheet, row and column. A page
named by the place itself is never repeated ("第 1 页", not "第 1 页、第 1 页").
"""
from __future__ import annotations

import re
from pathlib import PurePath

from index.sniff import FORMATS

PAGED_FORMATS = frozenset({"pdf", "ofd", "jpeg", "png", "bmp", "tiff", "heic", "gif"})
# Formats whose extraction numbers "pages" that are not printed pages (a DOCX is one page, a
# workbook has a page per sheet): their place is the paragraph, cell or line.
UNPAGED_FORMATS = frozenset({"docx", "doc", "wps", "xlsx", "xls", "et", "csv", "text", "html"})

_BY_EXTENSION: dict[str, str] = {}
for _format, (_, _extensions) in FORMATS.items():  # in order, so ".csv" stays csv rather than text
    for _extension in _extensions:
        _BY_EXTENSION.setdefault(_extension.lstrip("."), _format)
_PAGE_NAMED = re.compile(r"第\s*\d+(?:\s*[、,，]\s*\d+)*\s*等?\s*页")
_LEADING_PAGE = re.compile(r"^第\s*\d+\s*页\s+(?=\S)")
_NUMBERED = re.compile(r"第\s*(\d+(?:\s*[、,，]\s*\d+)*)\s*(等?)\s*(页|段|行|列)")
_SHEET = re.compile(r"^工作表\s*(?=\S)")
_TABLE = re.compile(r"表格\s*(\d+)")


def format_of(name_or_format: str | None) -> str:
    """A format name ("pdf", "jpeg", "docx") from a format, an extension (".jpg") or a file's path."""
    text = (name_or_format or "").strip().lower()
    if "/" in text or "\\" in text or "." in text.lstrip("."):
        text = PurePath(text.replace("\\", "/")).suffix
    text = text.lstrip(".")
    return text if text in FORMATS else _BY_EXTENSION.get(text, text)


def describe_place(fmt: str | None, page: int | None, location: str | None) -> str:
    """The place of a finding for people: "第 2 页", "第 5 段", "工作表 Sheet1 第 3 行第 2 列", or "".

    `fmt` is the file's format, extension or path; `page` is 1-based.
    """
    fmt = format_of(fmt)
    place = (location or "").strip()
    if fmt in UNPAGED_FORMATS:
        place = _LEADING_PAGE.sub("", place)  # "第2页 工作表…" from a workbook's second sheet
    elif page and not _PAGE_NAMED.search(place):
        place = f"第{page}页 {place}".strip()
    return _spaced(place)


def describe_file_place(file: str | None, page: int | None, location: str | None) -> str:
    """`describe_place` for a finding's file path (its format read from the extension)."""
    return describe_place(file or "", page, location)


def _spaced(place: str) -> str:
    place = _NUMBERED.sub(lambda m: f"第 {_squeeze(m.group(1))} {m.group(2)}{m.group(3)}", place)
    place = _SHEET.sub("工作表 ", place)
    place = _TABLE.sub(r"表格 \1", place)
    return re.sub(r"\s{2,}", " ", place).strip()


def _squeeze(numbers: str) -> str:
    return re.sub(r"\s+", "", numbers)
