"""An extraction's text as one string with a map back to pages and places.

Rules run one regular expression over the whole text (fast, in C) and only the matches are mapped
back to the block they fall in, for the page, the Chinese location and the highlight box.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from index.document import Extraction

# Blocks that belong to the document's own text; metadata blocks (file properties) are not read.
_SKIPPED_SOURCES = frozenset({"metadata"})
_MARGIN_SOURCES = frozenset({"header", "footer"})


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    page: int
    location: str
    bbox: tuple[float, float, float, float] | None
    source: str


class DocText:
    """The text of an extraction, blocks joined by newlines, with offsets → segments."""

    def __init__(self, extraction: Extraction) -> None:
        parts: list[str] = []
        segments: list[Segment] = []
        offset = 0
        many_pages = len(extraction.pages) > 1
        for page in extraction.pages:
            blocks = [(b.text, b.page or page.number, b.location, b.bbox, b.source) for b in page.blocks
                      if b.text and b.source not in _SKIPPED_SOURCES]
            if not page.blocks and page.text.strip():
                blocks = [(page.text, page.number, "", None, "ocr" if page.ocr else "text")]
            for text, number, location, bbox, source in blocks:
                place = location or f"第{number}页"
                if many_pages and "页" not in place:
                    place = f"第{number}页 {place}"
                segments.append(Segment(offset, offset + len(text), number, place, bbox, source))
                parts.append(text)
                offset += len(text) + 1
        self.text = "\n".join(parts)
        self.segments = segments
        self._starts = [s.start for s in segments]

    def at(self, offset: int) -> Segment | None:
        index = bisect_right(self._starts, offset) - 1
        return self.segments[index] if index >= 0 else None

    def segment_text(self, segment: Segment) -> str:
        return self.text[segment.start:segment.end]

    def body_segments(self) -> list[Segment]:
        """Segments of the main text (no page headers or footers), in reading order."""
        return [s for s in self.segments if s.source not in _MARGIN_SOURCES]

    def excerpt(self, start: int, end: int, context: int = 8) -> str:
        """The matched text with a little context, on one line, for showing in a finding."""
        left = max(0, start - context)
        right = min(len(self.text), end + context)
        return self.text[left:right].replace("\n", " ").strip()
