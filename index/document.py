"""What extraction produces for one file's bytes: pages of text with locations, facts, problems.

An `Extraction` is keyed by the file's SHA-256 and cached (see index.cache), so it must be fully
serialisable to JSON (`to_json` / `from_json`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Bump when extractors change what they produce, so cached results are redone.
EXTRACTOR_VERSION = 4


@dataclass
class TextBlock:
    """A paragraph, line, table cell or OCR line with where it is.

    `location` is for people ("第2页", "第12段", "表格1 第3行第2列", "页眉"); `bbox` is in PDF points
    (x0, y0, x1, y1) on `page`, for highlighting in the preview.
    """

    text: str
    page: int = 1
    location: str = ""
    bbox: tuple[float, float, float, float] | None = None
    style: str | None = None
    source: str = "text"  # text | table | header | footer | ocr | caption | metadata
    confidence: float | None = None


@dataclass
class Page:
    number: int  # 1-based
    text: str = ""
    width: float = 0.0
    height: float = 0.0
    has_text_layer: bool = True
    image_count: int = 0
    ocr: bool = False
    ocr_confidence: float | None = None
    blocks: list[TextBlock] = field(default_factory=list)


@dataclass
class Problem:
    """Something wrong with the file itself, found while extracting.

    Codes: empty, corrupt, repaired, encrypted, truncated, wrong_extension, legacy_format,
    converted, unsupported, timeout, memory, crashed, too_large, too_many_pages, too_many_cells,
    zip_bomb, no_text_layer, garbled_text, ocr_unavailable, ocr_failed, unreadable.
    """

    code: str
    message: str  # Chinese, says what to do
    page: int | None = None


@dataclass
class Extraction:
    sha256: str
    format: str  # sniffed from the bytes: pdf, docx, xlsx, csv, ofd, jpeg, png, bmp, tiff, heic, doc, xls, wps, et, zip, html, text, empty, unknown
    size: int = 0
    pages: list[Page] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    extractor_version: int = EXTRACTOR_VERSION

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def problem(self, code: str) -> Problem | None:
        return next((p for p in self.problems if p.code == code), None)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        pages = []
        for p in data.get("pages", []):
            blocks = [TextBlock(**{**b, "bbox": tuple(b["bbox"]) if b.get("bbox") else None})
                      for b in p.get("blocks", [])]
            pages.append(Page(**{**p, "blocks": blocks}))
        return cls(
            sha256=data["sha256"], format=data["format"], size=data.get("size", 0), pages=pages,
            facts=data.get("facts", {}), problems=[Problem(**x) for x in data.get("problems", [])],
            extractor_version=data.get("extractor_version", 0),
        )
