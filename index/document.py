"""What extraction produces for one file's bytes: pages of text with locations, facts, problems.

An `Extraction` is keyed by the file's SHA-256 and cached (see index.cache), so it must be fully
serialisable to JSON (`to_json` / `from_json`). A page's blocks are stored as columns (one list per
field) rather than one object per block: a 10-page document has hundreds of blocks, and columns
make the cache entry a quarter smaller and several times quicker to read back, which is what
re-checking a whole corpus from the cache costs. A page's text is stored only when it is not
simply its blocks' texts joined by newlines (it is, for most PDF and DOCX pages), so the text is
not stored twice.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from index.fingerprint import text_minhash

# Bump when extractors change what they produce (or how it is stored), so cached results are redone.
EXTRACTOR_VERSION = 7
_BLOCK_COLUMNS = ("text", "location", "bbox", "style", "source", "confidence")


@dataclass(slots=True)
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
    # The text's near-duplicate signature (index.fingerprint) as stored in the cache: computed when
    # the extraction is written, read back with it; None on a fresh or since-changed extraction.
    minhash: tuple[int, ...] | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def without_blocks(self) -> Extraction:
        """A copy whose pages keep their text but not their blocks (what indexing needs)."""
        return replace(self, pages=[replace(p, blocks=[]) for p in self.pages])

    def problem(self, code: str) -> Problem | None:
        return next((p for p in self.problems if p.code == code), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256, "format": self.format, "size": self.size,
            "pages": [_page_to_json(p) for p in self.pages], "facts": self.facts,
            "problems": [asdict(p) for p in self.problems], "extractor_version": self.extractor_version,
            "minhash": text_minhash(self.text),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            sha256=data["sha256"], format=data["format"], size=data.get("size", 0),
            pages=[_page_from_json(p) for p in data.get("pages", [])], facts=data.get("facts", {}),
            problems=[Problem(**x) for x in data.get("problems", [])],
            extractor_version=data.get("extractor_version", 0),
            minhash=tuple(data["minhash"]) if data.get("minhash") else None,
        )


def _page_to_json(page: Page) -> dict[str, Any]:
    blocks = page.blocks
    texts = [b.text for b in blocks]
    return {
        "number": page.number, "text": None if blocks and page.text == "\n".join(texts) else page.text,
        "width": page.width, "height": page.height,
        "has_text_layer": page.has_text_layer, "image_count": page.image_count, "ocr": page.ocr,
        "ocr_confidence": page.ocr_confidence,
        # A block's page is the page it is stored under.
        "blocks": {"text": texts, **{name: [getattr(b, name) for b in blocks] for name in _BLOCK_COLUMNS[1:]}},
    }


def stored_page_text(data: dict[str, Any]) -> str:
    """The text of a page as stored by `to_json` (its blocks joined, unless stored apart)."""
    text = data.get("text")
    return "\n".join((data.get("blocks") or {}).get("text", [])) if text is None else text


def _page_from_json(data: dict[str, Any]) -> Page:
    number = data["number"]
    columns = data.get("blocks") or {}
    texts = columns.get("text", [])
    rows = zip(texts, *(columns.get(name) or [None] * len(texts) for name in _BLOCK_COLUMNS[1:]), strict=True)
    blocks = [TextBlock(text, number, location or "", tuple(bbox) if bbox else None, style, source or "text",
                        confidence)
              for text, location, bbox, style, source, confidence in rows]
    return Page(number=number, text=stored_page_text(data), width=data.get("width", 0.0),
                height=data.get("height", 0.0), has_text_layer=data.get("has_text_layer", True),
                image_count=data.get("image_count", 0), ocr=data.get("ocr", False),
                ocr_confidence=data.get("ocr_confidence"), blocks=blocks)
