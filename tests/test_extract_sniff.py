"""Formats are told by their bytes; the name only decides whether a wrong_extension is reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from index.sniff import sniff
from tests.files import (
    make_csv,
    make_docx,
    make_encrypted_docx,
    make_legacy_doc,
    make_legacy_xls,
    make_ofd,
    make_photo,
    make_text_pdf,
    make_xlsx,
    photo_bytes,
    truncate,
)


@pytest.mark.parametrize(("name", "build", "expected"), [
    ("a.pdf", lambda p: make_text_pdf(p, ["正文"]), "pdf"),
    ("a.docx", lambda p: make_docx(p), "docx"),
    ("a.xlsx", lambda p: make_xlsx(p, {"表": [["a"]]}), "xlsx"),
    ("a.ofd", lambda p: make_ofd(p, [["正文"]]), "ofd"),
    ("a.jpg", lambda p: make_photo(p), "jpeg"),
    ("a.png", lambda p: make_photo(p, fmt="PNG"), "png"),
    ("a.bmp", lambda p: make_photo(p, fmt="BMP"), "bmp"),
    ("a.tif", lambda p: make_photo(p, fmt="TIFF"), "tiff"),
    ("a.gif", lambda p: make_photo(p, fmt="GIF"), "gif"),
    ("a.doc", make_legacy_doc, "doc"),
    ("a.wps", make_legacy_doc, "wps"),
    ("a.xls", make_legacy_xls, "xls"),
    ("a.et", make_legacy_xls, "et"),
    ("a.csv", lambda p: make_csv(p, [["名称", "数量"]]), "csv"),
])
def test_each_format_is_recognised_by_its_bytes(tmp_path: Path, name, build, expected) -> None:
    result = sniff(build(tmp_path / name))
    assert result.format == expected
    assert result.extension_matches
    assert result.label_zh


def test_a_renamed_file_is_sniffed_as_what_it_is(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "通知.pdf")
    doc_as_docx = make_legacy_doc(tmp_path / "方案.docx")
    assert sniff(photo).format == "jpeg" and not sniff(photo).extension_matches
    assert sniff(doc_as_docx).format == "doc" and not sniff(doc_as_docx).extension_matches


def test_head_bytes_alone_are_enough_for_simple_formats() -> None:
    assert sniff(photo_bytes(), name="x.jpg").format == "jpeg"
    assert sniff(b"%PDF-1.7\n...", name="x.pdf").format == "pdf"
    assert sniff(b"", name="x.pdf").format == "empty"


def test_a_truncated_docx_is_still_known_as_a_docx(tmp_path: Path) -> None:
    path = truncate(make_docx(tmp_path / "a.docx", ["正文" * 2000]), 0.6)
    assert sniff(path).format == "docx"


def test_an_encrypted_docx_is_an_ole_file_marked_encrypted(tmp_path: Path) -> None:
    result = sniff(make_encrypted_docx(tmp_path / "加密.docx"))
    assert (result.format, result.encrypted, result.extension_matches) == ("docx", True, True)


def test_text_in_gbk_is_text_and_binary_noise_is_unknown(tmp_path: Path) -> None:
    gbk = tmp_path / "说明.txt"
    gbk.write_bytes("关于背街小巷整治的情况说明\r\n".encode("gbk") * 50)
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(256)) * 40)
    assert sniff(gbk).format == "text"
    assert sniff(noise).format == "unknown"
