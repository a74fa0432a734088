"""The values that cross the search interface: documents in, queries in, hits out."""
from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

# Called while indexing with (documents done, documents in all or None when unknown).
Progress = Callable[[int, int | None], None]
# Page texts of a document by doc_id, in page order; None when they are no longer available.
PageTexts = Callable[[str], list[str] | None]


class SearchIndexError(Exception):
    """The index cannot do what was asked; the message is Chinese and says what to do."""


class SearchIndexBusy(SearchIndexError):
    """Another live process holds the writer lock beyond the timeout."""


@dataclass
class SearchDoc:
    doc_id: str
    title: str  # the file name
    path: str
    group: str
    items: list[str] = field(default_factory=list)  # item codes the file is mapped to
    file_type: str = ""
    date: datetime.date | None = None
    pages: list[str] = field(default_factory=list)  # text of each page, page 1 first


@dataclass
class SearchQuery:
    """What to look for. `limit` 0 returns every matching document."""

    text: str
    group: str | None = None
    items: list[str] | None = None  # a document matches when it is mapped to any of them
    file_types: list[str] | None = None
    date_from: datetime.date | None = None  # documents without a date are left out by date filters
    date_to: datetime.date | None = None
    limit: int = 20


@dataclass
class PageHit:
    page: int  # 1-based
    snippet: str
    highlights: list[tuple[int, int]]  # (start, end) character spans inside `snippet`
    place: str = ""  # where in an unpaged file, for people ("工作表 名单 第 3 行第 2 列"); set by the caller


@dataclass
class Hit:
    doc_id: str
    title: str
    path: str
    group: str
    score: float
    pages: list[PageHit]  # up to three pages with a hit, in page order
    matched_terms: list[str]  # the query's terms (as typed) this document contains
    items: list[str] = field(default_factory=list)
    file_type: str = ""
    date: datetime.date | None = None


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int  # every matching document, also when `hits` is cut by the limit
    elapsed_ms: float
