"""Checks on zip containers (DOCX, XLSX, OFD) before any parser inflates them."""
from __future__ import annotations

import zipfile
from pathlib import Path

from index.document import Extraction, Problem
from index.limits import Limits

# Members smaller than this are never called a bomb, whatever their ratio (XML compresses well).
_RATIO_FLOOR_BYTES = 1024 * 1024


def open_checked_zip(path: Path, ex: Extraction, limits: Limits) -> zipfile.ZipFile | None:
    """The opened zip, or None after recording why it must not be parsed.

    Problems: truncated (no central directory: an interrupted copy or download), corrupt, zip_bomb.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        ex.problems.append(Problem("truncated", "文件不完整（可能复制或下载时中断），无法打开。请重新从原始来源复制该文件后再提交。"))
        return None
    except (ValueError, EOFError):
        ex.problems.append(Problem("corrupt", "文件已损坏，无法打开。请用原软件重新保存或导出后再提交。"))
        return None
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    worst = max(infos, key=lambda i: i.file_size / max(i.compress_size, 1), default=None)
    too_big = total > limits.max_uncompressed_bytes
    too_dense = (worst is not None and worst.file_size > _RATIO_FLOOR_BYTES
                 and worst.file_size / max(worst.compress_size, 1) > limits.max_ratio)
    if too_big or too_dense:
        archive.close()
        ex.facts["uncompressed_bytes"] = total
        ex.problems.append(Problem(
            "zip_bomb",
            f"文件解压后异常巨大（约 {total / 1024 / 1024:.0f} MB），疑似“压缩炸弹”或异常文件，已停止解析。"
            "请用原软件重新保存后再提交。"))
        return None
    return archive
