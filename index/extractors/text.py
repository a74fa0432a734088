"""Plain text and HTML files, and the encoding guess shared with CSV."""
from __future__ import annotations

import re
from html.parser import HTMLParser
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
    if ex.format == "html":
        text = html_text(text)
    text = text.replace("\r\n", "\n").strip()
    ex.facts.update(encoding=encoding, needs_ocr_pages=[])
    blocks = [TextBlock(text=line.strip(), location=f"第{n}行")
              for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    ex.pages.append(Page(number=1, text=text, blocks=blocks))
    if not text:
        ex.problems.append(Problem("empty", "文本文件中没有任何文字。请检查是否提交了正确的文件。"))


_BLANK_LINES = re.compile(r"[ \t\u3000]*\n\s*")
_BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " ").replace("\xa0", " "))


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one line per paragraph or table row."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    lines = (line.strip() for line in _BLANK_LINES.split("".join(parser.parts)))
    return "\n".join(line for line in lines if line)
