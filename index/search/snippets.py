"""Snippets around the first hit on a page, cut from the page text itself.

Cheaper than an engine's highlighter: the page is already in hand, and the terms are found with
whitespace-tolerant patterns on normalised text, whose positions are the original's.
"""
from __future__ import annotations

from index.search.analysis import normalize, whitespace_tolerant
from index.search.model import PageHit

SNIPPET_CHARS = 80
CONTEXT_BEFORE = 24
ELLIPSIS = "…"
_FLATTEN = str.maketrans("\n\r\t\x0b\x0c\x00", "      ")


def find_spans(text: str, compact_terms: list[str]) -> list[tuple[int, int]]:
    """Sorted spans of every occurrence of the terms in `text` (original, not compacted)."""
    normal = normalize(text)
    spans = {m.span() for term in compact_terms for m in whitespace_tolerant(term).finditer(normal)}
    return sorted(s for s in spans if s[1] > s[0])


def page_hit(page: int, text: str, compact_terms: list[str]) -> PageHit | None:
    """The snippet of `text` around its first hit, or None when no term occurs in it."""
    spans = find_spans(text, compact_terms)
    if not spans:
        return None
    first_start, first_end = spans[0]
    start = max(0, first_start - CONTEXT_BEFORE)
    end = min(len(text), max(start + SNIPPET_CHARS, first_end))
    start = max(0, min(start, end - SNIPPET_CHARS))
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    highlights = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start]
    snippet = prefix + text[start:end].translate(_FLATTEN) + suffix
    return PageHit(page=page, snippet=snippet, highlights=highlights)
