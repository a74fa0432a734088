"""An extraction's text as one string with a map back to pages and places.

Rules run one regular expression over the whole text (fast, in C) and only the matches are mapped
back to the block they fall in, for the page, the Chinese location and the highlight box. Segments
are built only for the blocks a rule asks about, since most blocks never hold a finding.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from index.document import Extraction, TextBlock

# Blocks that belong to the document's own text; metadata blocks (file properties) are not read.
_SKIPPED_SOURCES = frozenset({"metadata"})
_MARGIN_SOURCES = frozenset({"header", "footer"})


class Segment(NamedTuple):
    start: int
    end: int
    page: int
    location: str
    bbox: tuple[float, float, float, float] | None
    source: str
    confidence: float | None = None  # OCR's own confidence in the text, for OCR'd blocks


class DocText:
    """The text of an extraction, blocks joined by newlines, with offsets → segments."""

    def __init__(self, extraction: Extraction) -> None:
        blocks: list[TextBlock] = []
        for page in extraction.pages:
            if page.blocks:
                blocks += [b for b in page.blocks if b.text and b.source not in _SKIPPED_SOURCES]
            elif page.text.strip():
                blocks.append(TextBlock(text=page.text, page=page.number, source="ocr" if page.ocr else "text",
                                        confidence=page.ocr_confidence if page.ocr else None))
        self._blocks = blocks
        self._many_pages = len(extraction.pages) > 1
        texts = [b.text for b in blocks]
        self.text = "\n".join(texts)
        self._starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []

    def __len__(self) -> int:
        return len(self._blocks)

    def segment(self, index: int) -> Segment:
        block = self._blocks[index]
        start = self._starts[index]
        place = block.location or f"第{block.page}页"
        if self._many_pages and "页" not in place:
            place = f"第{block.page}页 {place}"
        return Segment(start, start + len(block.text), block.page, place, block.bbox, block.source, block.confidence)

    @cached_property
    def segments(self) -> list[Segment]:
        return [self.segment(i) for i in range(len(self._blocks))]

    @cached_property
    def body(self) -> list[Segment]:
        """Segments of the main text (no page headers or footers), in reading order."""
        return [self.segment(i) for i, b in enumerate(self._blocks) if b.source not in _MARGIN_SOURCES]

    def tail(self, count: int) -> list[Segment]:
        """The last `count` segments of the main text, without building the others."""
        out: list[Segment] = []
        for index in range(len(self._blocks) - 1, -1, -1):
            if len(out) == count:
                break
            if self._blocks[index].source not in _MARGIN_SOURCES:
                out.append(self.segment(index))
        return out[::-1]

    def head(self, count: int) -> list[Segment]:
        """The first `count` segments of the main text."""
        out: list[Segment] = []
        for index, block in enumerate(self._blocks):
            if len(out) == count:
                break
            if block.source not in _MARGIN_SOURCES:
                out.append(self.segment(index))
        return out

    def has_source(self, source: str) -> bool:
        return any(b.source == source for b in self._blocks)

    def at(self, offset: int) -> Segment | None:
        index = bisect_right(self._starts, offset) - 1
        return self.segment(index) if index >= 0 else None

    def index_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def segment_text(self, segment: Segment) -> str:
        return self.text[segment.start:segment.end]

    def excerpt(self, start: int, end: int, context: int = 8) -> str:
        """The matched text with a little context, on one line, for showing in a finding."""
        left = max(0, start - context)
        right = min(len(self.text), end + context)
        return self.text[left:right].replace("\n", " ").strip()
