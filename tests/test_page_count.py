"""Page counts for the 材料清单: Word's own statistics when real, else LibreOffice's layout, cached by hash."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from index import page_count
from index.page_count import PageSource, count_pages, stored_docx_pages

APP_XML = ('<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/'
           'officeDocument/2006/extended-properties"><Pages>{pages}</Pages><Words>{words}</Words>'
           '<Application>{app}</Application></Properties>')


def three_page_docx(path: Path) -> PageSource:
    """A DOCX made by python-docx: its app.xml is the template's “1 page, 0 words”."""
    document = docx.Document()
    for number in range(3):
        paragraph = document.add_paragraph(f"第{number + 1}页的内容。")
        if number < 2:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return PageSource(path, hashlib.sha256(path.read_bytes()).hexdigest())


def with_app_xml(source: Path, target: Path, **values: object) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = APP_XML.format(**values).encode() if item.filename == "docProps/app.xml" else old.read(item)
            new.writestr(item, data)
    return target


def test_word_statistics_count_only_when_word_or_wps_wrote_them(tmp_path):
    made = three_page_docx(tmp_path / "made.docx").path
    assert stored_docx_pages(made) is None  # the template's stale statistics
    assert stored_docx_pages(with_app_xml(made, tmp_path / "word.docx", pages=7, words=120,
                                          app="Microsoft Office Word")) == 7
    assert stored_docx_pages(with_app_xml(made, tmp_path / "wps.docx", pages=4, words=80, app="WPS Office")) == 4
    assert stored_docx_pages(with_app_xml(made, tmp_path / "other.docx", pages=4, words=80, app="Pages")) is None


@pytest.mark.skipif(page_count.renderer() is None, reason="LibreOffice is installed by scripts/system-packages.sh")
def test_a_document_without_statistics_is_laid_out_once_and_remembered(tmp_path, monkeypatch):
    source = three_page_docx(tmp_path / "说明.docx")
    assert count_pages([source], tmp_path / "cache") == {source.sha256: 3}
    monkeypatch.setattr(page_count, "renderer", lambda: None)  # a PC without LibreOffice
    assert count_pages([source], tmp_path / "cache") == {source.sha256: 3}  # from the cache
    assert count_pages([source], tmp_path / "elsewhere") == {source.sha256: None}  # unknown, not guessed
