"""Bad files become problems a clerk can act on, never exceptions."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import index.extract as extract_module
from index.document import Extraction
from index.extract import extract_file
from index.limits import Limits
from tests.files import (
    OFFICIAL_TEXT,
    make_damaged_pdf,
    make_docx,
    make_encrypted_docx,
    make_encrypted_pdf,
    make_many_pages_pdf,
    make_ofd,
    make_photo,
    make_text_pdf,
    make_xlsx,
    make_zip_bomb_docx,
    truncate,
)

SHA = "fedcba9876543210" * 4


def extract(path: Path, limits: Limits | None = None) -> Extraction:
    return extract_file(path, SHA, limits=limits)


def only_problem(ex: Extraction, code: str) -> str:
    assert code in {p.code for p in ex.problems}, ex.problems
    message = ex.problem(code).message
    assert "请" in message  # says what to do
    return message


def test_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "空白.docx"
    path.write_bytes(b"")
    ex = extract(path)
    assert ex.format == "empty" and not ex.pages
    assert "0 字节" in only_problem(ex, "empty")


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    ex = extract(make_encrypted_pdf(tmp_path / "加密.pdf"))
    assert ex.format == "pdf" and ex.facts["encrypted"] is True and not ex.pages
    assert "密码" in only_problem(ex, "encrypted")


def test_encrypted_docx_is_reported_as_encrypted_not_as_legacy(tmp_path: Path) -> None:
    ex = extract(make_encrypted_docx(tmp_path / "加密.docx"))
    assert ex.format == "docx" and ex.facts["encrypted"] is True
    assert "密码" in only_problem(ex, "encrypted")
    assert ex.problem("legacy_format") is None and ex.problem("wrong_extension") is None


@pytest.mark.parametrize("fraction", [0.3, 0.9])
def test_truncated_docx(tmp_path: Path, fraction: float) -> None:
    ex = extract(truncate(make_docx(tmp_path / "中断.docx", [OFFICIAL_TEXT] * 30, with_image=True), fraction))
    assert ex.format == "docx" and not ex.pages
    assert "重新" in only_problem(ex, "truncated")


def test_truncated_pdf_is_repaired_or_reported(tmp_path: Path) -> None:
    pages = [f"第{n}页 {OFFICIAL_TEXT}" for n in range(1, 6)]
    ex = extract(truncate(make_text_pdf(tmp_path / "中断.pdf", pages), 0.6))
    assert ex.format == "pdf"
    assert {"repaired", "corrupt"} & {p.code for p in ex.problems}


def test_damaged_pdf_is_repaired_and_still_read(tmp_path: Path) -> None:
    ex = extract(make_damaged_pdf(tmp_path / "损坏.pdf"))
    only_problem(ex, "repaired")
    assert OFFICIAL_TEXT in ex.text


def test_garbage_with_a_pdf_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    ex = extract(path)
    assert ex.format == "pdf" and not ex.pages
    only_problem(ex, "corrupt")


def test_truncated_photo_is_reported_with_what_could_be_read(tmp_path: Path) -> None:
    path = truncate(make_photo(tmp_path / "现场.jpg", size=(800, 600)), 0.5)
    ex = extract(path)
    assert ex.facts["width"] == 800
    only_problem(ex, "truncated")


def test_zip_bomb_docx_is_refused_before_parsing(tmp_path: Path) -> None:
    path = make_zip_bomb_docx(tmp_path / "炸弹.docx", member_mb=12)
    assert path.stat().st_size < 200_000  # 12 MB of zeros squeeze into a few kilobytes
    ex = extract(path, Limits(max_uncompressed_mb=10))
    assert not ex.pages
    only_problem(ex, "zip_bomb")
    # The ratio limit alone catches it too, with a generous size limit.
    assert extract(path, Limits(max_uncompressed_mb=500, max_ratio=100)).problem("zip_bomb") is not None


def test_ordinary_office_files_are_not_called_bombs(tmp_path: Path) -> None:
    tight = Limits(max_uncompressed_mb=10, max_ratio=50)
    for path in (make_docx(tmp_path / "a.docx", [OFFICIAL_TEXT] * 200, with_image=True),
                 make_xlsx(tmp_path / "a.xlsx", {"表": [["同一行文字"] * 10] * 100}),
                 make_ofd(tmp_path / "a.ofd", [["正文"] * 50] * 5)):
        assert extract(path, tight).problem("zip_bomb") is None, path


def test_very_many_pages_reads_only_the_first_ones(tmp_path: Path) -> None:
    ex = extract(make_many_pages_pdf(tmp_path / "巨大.pdf", 40), Limits(max_pages=25))
    assert len(ex.pages) == 25 and ex.facts["page_count"] == 40
    assert "page 25" in ex.pages[-1].text
    assert "40" in only_problem(ex, "too_many_pages")


def test_too_large_files_are_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_text_pdf(tmp_path / "大.pdf", ["x"])
    with open(path, "ab") as f:
        f.truncate(2 * 1024 * 1024)  # sparse: 2 MB without writing them
    opened = []
    monkeypatch.setattr(extract_module, "sniff", lambda p: opened.append(p))
    ex = extract(path, Limits(max_file_mb=1))
    assert not opened and not ex.pages
    assert "MB" in only_problem(ex, "too_large")


def test_wrong_extension_is_read_as_the_real_format_and_reported(tmp_path: Path) -> None:
    ex = extract(make_photo(tmp_path / "通知.pdf", exif=True))
    assert ex.format == "jpeg" and ex.facts["camera_make"] == "Canon"
    message = only_problem(ex, "wrong_extension")
    assert ".pdf" in message and "JPEG" in message and ".jpg" in message


def test_non_utf8_and_very_long_names(tmp_path: Path) -> None:
    gbk_name = os.fsdecode("关于整治的通知.pdf".encode("gbk"))  # how a zip from an old PC unpacks
    long_name = "关于进一步加强背街小巷环境整治" * 5 + ".docx"  # 76 characters, 228 bytes
    assert len(long_name.encode("utf-8")) < 255
    pdf = make_text_pdf(tmp_path / gbk_name, [OFFICIAL_TEXT])
    docx = make_docx(tmp_path / long_name, [OFFICIAL_TEXT])
    assert OFFICIAL_TEXT in extract(pdf).text and not extract(pdf).problems
    assert OFFICIAL_TEXT in extract(docx).text and not extract(docx).problems


def test_read_only_file_is_read_and_left_untouched(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "只读.docx", [OFFICIAL_TEXT])
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        ex = extract(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert OFFICIAL_TEXT in ex.text and not ex.problems
    assert path.read_bytes() == before


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    ex = extract(tmp_path / "不存在.pdf")
    assert "重新扫描" in only_problem(ex, "unreadable")


def test_file_vanishing_during_extraction_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "被删除.docx", [OFFICIAL_TEXT])
    real_sniff = extract_module.sniff

    def sniff_then_delete(p):
        result = real_sniff(p)
        Path(p).unlink()  # another program moves the file away right after it was looked at
        return result

    monkeypatch.setattr(extract_module, "sniff", sniff_then_delete)
    ex = extract(path)
    assert ex.format == "docx"
    only_problem(ex, "unreadable")


def test_a_parser_failure_becomes_corrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path, ex, limits):
        raise KeyError("word/styles.xml")

    monkeypatch.setitem(extract_module.EXTRACTORS, "docx", broken)
    ex = extract(make_docx(tmp_path / "a.docx"))
    only_problem(ex, "corrupt")


def test_zip_archive_is_unsupported(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "材料.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    ex = extract(path)
    assert ex.format == "zip"
    assert "解压" in only_problem(ex, "unsupported")


def test_a_huge_spreadsheet_is_read_up_to_the_cell_budget(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "台账.xlsx", {"一": [[f"r{r}c{c}" for c in range(10)] for r in range(30)],
                                               "二": [["不会读到"]]})
    ex = extract(path, Limits(max_cells=100))
    assert sum(len(p.blocks) for p in ex.pages) == 100
    assert "r9c9" in ex.text and "r10c0" not in ex.text and "不会读到" not in ex.text
    assert "第10行" in only_problem(ex, "too_many_cells")
