"""Plain text files, and the encoding guess shared with CSV."""
from __future__ import annotations

from pathlib import Path

from index.document import Extraction, Page, Problem, TextBlock
from index.limits import Limits


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: BOMs first, then UTF-8, then GB18030 (GBK's superset)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16"
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace"), "utf-8 (有乱码)"


def extract(path: Path, ex: Extraction, limits: Limits) -> None:
    text, encoding = decode_text(path.read_bytes())
    text = text.replace("\r\n", "\n").strip()
    ex.facts.update(encoding=encoding, needs_ocr_pages=[])
    blocks = [TextBlock(text=line.strip(), location=f"第{n}行")
              for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    ex.pages.append(Page(number=1, text=text, blocks=blocks))
    if not text:
        ex.problems.append(Problem("empty", "文本文件中没有任何文字。请检查是否提交了正确的文件。"))
