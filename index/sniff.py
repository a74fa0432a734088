"""Tell a file's format from its bytes, not from its name.

Offices rename files freely (a photo saved as .pdf, a .doc renamed .docx); the extractors need the
real format, and the reviewer needs to know when the name lies.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from index.ole import OLE_MAGIC, OleError, ole_entry_names

HEAD_BYTES = 64 * 1024
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)

# format -> (label shown to users, extensions that honestly name it)
FORMATS: dict[str, tuple[str, frozenset[str]]] = {
    "pdf": ("PDF 文档", frozenset({".pdf"})),
    "docx": ("Word 文档（DOCX）", frozenset({".docx", ".docm", ".dotx"})),
    "xlsx": ("Excel 表格（XLSX）", frozenset({".xlsx", ".xlsm"})),
    "csv": ("CSV 表格", frozenset({".csv"})),
    "ofd": ("OFD 版式文档", frozenset({".ofd"})),
    "jpeg": ("JPEG 图片", frozenset({".jpg", ".jpeg", ".jpe", ".jfif"})),
    "png": ("PNG 图片", frozenset({".png"})),
    "bmp": ("BMP 图片", frozenset({".bmp"})),
    "tiff": ("TIFF 图片", frozenset({".tif", ".tiff"})),
    "heic": ("HEIC 图片", frozenset({".heic", ".heif"})),
    "gif": ("GIF 图片", frozenset({".gif"})),
    "doc": ("Word 97-2003 文档（DOC）", frozenset({".doc", ".dot"})),
    "wps": ("WPS 文字文档", frozenset({".wps"})),
    "xls": ("Excel 97-2003 表格（XLS）", frozenset({".xls"})),
    "et": ("WPS 表格文档", frozenset({".et"})),
    "zip": ("ZIP 压缩包", frozenset({".zip"})),
    "html": ("网页文件（HTML）", frozenset({".html", ".htm", ".xhtml"})),
    "text": ("文本文件", frozenset({".txt", ".text", ".md", ".log", ".csv", ".tsv", ".json", ".xml"})),
    "empty": ("空文件", frozenset()),
    "unknown": ("无法识别的格式", frozenset()),
}

# Extension the file should have, for messages that tell the user how to rename it.
PREFERRED_EXTENSION = {fmt: min(exts, key=len) if fmt != "jpeg" else ".jpg"
                       for fmt, (_, exts) in FORMATS.items() if exts}
PREFERRED_EXTENSION["text"] = ".txt"

_ALWAYS_MATCH = {"empty", "unknown"}


@dataclass(frozen=True)
class SniffResult:
    format: str
    label_zh: str
    extension_matches: bool
    encrypted: bool = False  # an OLE-wrapped, password-protected DOCX/XLSX


def sniff(path_or_head: str | os.PathLike[str] | bytes, name: str | None = None) -> SniffResult:
    """Sniff a file on disk, or bytes (the whole file or its head; `name` gives the extension).

    Zip and OLE containers are looked into: with a path the central directory or OLE directory
    is read; with bytes only what the bytes hold can be seen.
    """
    if isinstance(path_or_head, bytes):
        head, source = path_or_head[:HEAD_BYTES], io.BytesIO(path_or_head)
        ext = Path(name).suffix.lower() if name else ""
        fmt, encrypted = _sniff(head, source, ext)
    else:
        path = Path(path_or_head)
        ext = path.suffix.lower()
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
            fmt, encrypted = _sniff(head, f, ext)
    label, exts = FORMATS[fmt]
    matches = fmt in _ALWAYS_MATCH or ext in exts
    return SniffResult(fmt, label, matches, encrypted)


def _sniff(head: bytes, source: io.BufferedIOBase | io.BytesIO, ext: str) -> tuple[str, bool]:
    if not head:
        return "empty", False
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf", False
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg", False
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", False
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif", False
    if head.startswith(b"BM") and len(head) >= 26 and int.from_bytes(head[14:18], "little") in (12, 40, 52, 56, 64, 108, 124):
        return "bmp", False
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff", False
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heis", b"hevc"):
        return "heic", False
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(head, source), False
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(source, ext)
    if _is_text(head):
        if _HTML_START.search(head[:2048]):
            return "html", False  # e.g. an office system's "Word" export that is really a web page
        return ("csv" if ext in (".csv", ".tsv") else "text"), False
    return "unknown", False


def _sniff_zip(head: bytes, source: io.BufferedIOBase | io.BytesIO) -> str:
    try:
        source.seek(0)
        names = zipfile.ZipFile(source).namelist()  # type: ignore[arg-type]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # No central directory (a truncated copy): the local headers at the start still name members.
        return _zip_kind_from_names(head)
    return _zip_kind_from_names("\n".join(names).encode("utf-8", "replace"))


def _zip_kind_from_names(blob: bytes) -> str:
    if b"word/document.xml" in blob or b"word/" in blob:
        return "docx"
    if b"xl/workbook.xml" in blob or b"xl/" in blob:
        return "xlsx"
    if b"OFD.xml" in blob:
        return "ofd"
    return "zip"


def _sniff_ole(source: io.BufferedIOBase | io.BytesIO, ext: str) -> tuple[str, bool]:
    try:
        names = {n.lower() for n in ole_entry_names(source)}  # type: ignore[arg-type]
    except (OleError, OSError):
        names = set()
    if "encryptedpackage" in names:
        return ("xlsx" if ext in (".xlsx", ".xlsm", ".et", ".xls") else "docx"), True
    if "worddocument" in names:
        return ("wps" if ext == ".wps" else "doc"), False
    if "workbook" in names or "book" in names:
        return ("et" if ext == ".et" else "xls"), False
    # Unreadable directory: trust a legacy extension, since the bytes say "Office 97-2003".
    return {".wps": "wps", ".et": "et", ".xls": "xls"}.get(ext, "doc"), False


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 26))
    if controls > len(head) // 100:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as e:
            # A multi-byte character cut at the end of the head is fine.
            if len(head) == HEAD_BYTES and e.start >= len(head) - 4:
                return True
    return False
