"""One file's bytes to an `Extraction`: sniff the real format, dispatch to its extractor, and turn
every failure into a `Problem` (never an exception), so a scan never falls over on a bad file."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from index.cache import ExtractionCache
from index.document import Extraction, Problem
from index.extractors import docx, images, legacy, ofd, pdf, sheets, text
from index.limits import Limits
from index.ocr import ocr_extraction
from index.sniff import FORMATS, PREFERRED_EXTENSION, sniff

Extractor = Callable[[Path, Extraction, Limits], None]

EXTRACTORS: dict[str, Extractor] = {
    "pdf": pdf.extract,
    "docx": docx.extract,
    "xlsx": sheets.extract_xlsx,
    "csv": sheets.extract_csv,
    "xls": sheets.extract_xls,
    "et": sheets.extract_xls,
    "ofd": ofd.extract,
    "doc": legacy.extract,
    "wps": legacy.extract,
    "text": text.extract,
    "html": text.extract,
    **dict.fromkeys(("jpeg", "png", "bmp", "tiff", "heic", "gif"), images.extract),
}

_UNREADABLE = "文件无法读取（可能已被移动、删除、正被其他程序占用或没有访问权限）。请确认文件仍在原处且可以打开后重新扫描。"


def extract_file(path: str | os.PathLike[str], sha256: str, *, ocr: bool = False,
                 limits: Limits | None = None, cache: ExtractionCache | None = None) -> Extraction:
    """Extract one file. Never raises for a bad file: problems are recorded in the result.

    With `ocr=False` (fast) pages needing OCR are only listed in facts["needs_ocr_pages"]; run
    `index.ocr.ocr_extraction` later. `cache` is used for OCR page results only; caching whole
    extractions is the caller's choice (ExtractionCache.put).
    """
    path = Path(path)
    limits = limits or Limits()
    ex = Extraction(sha256=sha256, format="unknown")
    try:
        ex.size = path.stat().st_size
        if ex.size > limits.max_file_bytes:
            ex.problems.append(Problem(
                "too_large", f"文件过大（{ex.size / 1024 / 1024:.0f} MB，上限 {limits.max_file_mb} MB），未读取内容。"
                "请压缩图片或拆分文件后再提交。"))
            return ex
        if ex.size == 0:
            ex.format = "empty"
            ex.problems.append(Problem("empty", "文件是空的（0 字节）。请重新导出或复制原文件后再提交。"))
            return ex
        sniffed = sniff(path)
        ex.format = sniffed.format
        _check_extension(path, sniffed.format, sniffed.extension_matches, ex)
        if sniffed.encrypted:
            ex.facts["encrypted"] = True
            ex.problems.append(Problem(
                "encrypted", f"{FORMATS[sniffed.format][0]}设有打开密码，无法读取内容。请取消密码保护后重新提交。"))
            return ex
        extractor = EXTRACTORS.get(sniffed.format)
        if extractor is None:
            ex.problems.append(_unsupported(sniffed.format))
            return ex
        extractor(path, ex, limits)
    except MemoryError:
        ex.pages.clear()
        ex.problems.append(Problem("memory", "读取该文件需要的内存超过上限，已停止。请拆分文件或降低图片分辨率后再提交。"))
    except OSError:
        ex.problems.append(Problem("unreadable", _UNREADABLE))
    except Exception:  # a parser bug on a malformed file must not stop the scan
        ex.problems.append(Problem("corrupt", "文件已损坏或格式异常，无法读取内容。请用原软件重新保存或导出后再提交。"))
    ex.facts.setdefault("needs_ocr_pages", [])
    if ocr and ex.facts["needs_ocr_pages"]:
        try:
            ocr_extraction(ex, path, cache)
        except OSError:
            ex.problems.append(Problem("unreadable", _UNREADABLE))
    return ex


def _check_extension(path: Path, fmt: str, matches: bool, ex: Extraction) -> None:
    if matches:
        return
    ext = path.suffix.lower() or "（无扩展名）"
    label = FORMATS[fmt][0]
    if fmt == "html":  # renaming would not make a web page a proper material
        advice = "请用 Word 或 WPS 打开后另存为 DOCX 或 PDF 再提交。"
    else:
        advice = f"请把扩展名改为 {PREFERRED_EXTENSION.get(fmt, '')} 后重新提交。"
    ex.problems.append(Problem(
        "wrong_extension", f"文件扩展名为 {ext}，但内容实际是{label}，已按{label}读取。{advice}"))


def _unsupported(fmt: str) -> Problem:
    if fmt == "zip":
        return Problem("unsupported", "这是 ZIP 压缩包，不能作为申报材料。请解压后分别提交其中的文件。")
    return Problem("unsupported", "无法识别该文件的格式。请转换为 PDF、DOCX、XLSX、OFD 或 JPG 后再提交。")
