"""The workspace's full-text search: the index in `search-index/`, fed from materials and the cache.

The index holds derived data only. Page texts come from the extraction cache by the material's
SHA-256; a missing, corrupt or stale index is rebuilt from the database and the cache.
"""
from __future__ import annotations

import datetime
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select

from index.cache import ExtractionCache
from index.document import Extraction
from index.scanner import file_name
from index.search import (
    SearchDoc,
    SearchIndexError,
    SearchQuery,
    SearchResults,
    TextStoreIndex,
    open_search_index,
)
from index.search.model import Progress as IndexProgress
from review.checking.rules.place import describe_place
from review.errors import UserError
from review.progress import Progress, ProgressEvent
from review.workspace.db.models import Group, Mapping, Material
from review.workspace.folder import Workspace


def search_doc(material_id: int, path: str, rel_path: str, group_code: str, items: Sequence[str],
               extraction: Extraction, date: datetime.date | None = None) -> SearchDoc:
    name = file_name(path, rel_path)
    return SearchDoc(
        doc_id=str(material_id), title=name, path=path, group=group_code, items=sorted(items),
        file_type=extraction.format, date=date, pages=[p.text for p in extraction.pages],
    )


@dataclass
class _Writer:
    """What the scan feeds: documents to add, ids to remove."""

    index: TextStoreIndex
    bulk: object

    def add(self, doc: SearchDoc) -> None:
        self.bulk.add(doc)  # type: ignore[attr-defined]

    def remove(self, doc_ids: Sequence[str]) -> None:
        self.index.remove(doc_ids)


class SearchService:
    def __init__(self, workspace: Workspace, index: TextStoreIndex) -> None:
        self.workspace = workspace
        self.index = index

    @classmethod
    def open(cls, workspace: Workspace, progress: Progress | None = None) -> SearchService:
        """The workspace's index; one found missing or broken is rebuilt first ("index" progress)."""
        cache = ExtractionCache(workspace.paths.cache)

        def page_texts(doc_id: str) -> list[str] | None:
            if not doc_id.isdigit():
                return None
            with workspace.engine.connect() as conn:
                sha = conn.execute(select(Material.sha256).where(Material.id == int(doc_id))).scalar()
            return cache.get_page_texts(sha) if sha else None

        try:
            index = open_search_index(workspace.paths.search_index, page_texts,
                                      rebuild_source=lambda: AllDocs(workspace, cache),
                                      progress=_index_progress(progress),
                                      engine=workspace.settings().search_engine)
        except SearchIndexError as error:
            raise UserError(str(error)) from error
        return cls(workspace, index)

    @contextmanager
    def bulk(self) -> Iterator[_Writer]:
        with self.index.bulk_writer() as writer:
            yield _Writer(self.index, writer)

    def search(self, query: SearchQuery) -> SearchResults:
        try:
            return self.index.search(query)
        except SearchIndexError as error:
            raise UserError(str(error)) from error

    def set_items(self, material_id: int, items: Sequence[str]) -> None:
        self.index.set_items(str(material_id), sorted(items))

    def close(self) -> None:
        self.index.close()

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _index_progress(progress: Progress | None) -> IndexProgress | None:
    if progress is None:
        return None
    return lambda done, total: progress(ProgressEvent("index", done, total or done))


class AllDocs:
    """Every present material whose extraction is cached, for rebuilding the index: counted first
    (the rebuild's progress has a total), each document made only when the rebuild reaches it."""

    def __init__(self, workspace: Workspace, cache: ExtractionCache) -> None:
        self.cache = cache
        with workspace.session() as session:
            self.rows = session.execute(
                select(Material.id, Material.path, Material.rel_path, Material.sha256, Group.code)
                .join(Group, Material.group_id == Group.id)
                .where(Material.status == "present", Material.sha256.is_not(None))
            ).all()
            self.items: dict[int, list[str]] = {}
            for mid, code in session.execute(select(Mapping.material_id, Mapping.item_code)):
                self.items.setdefault(mid, []).append(code)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[SearchDoc]:
        for mid, path, rel_path, sha, group in self.rows:
            extraction = self.cache.get(sha)
            if extraction is not None:  # a lost entry: the next scan extracts the file and indexes it
                yield search_doc(mid, path, rel_path, group, self.items.get(mid, []), extraction)


# One service per open workspace kept for `search`: the search box asks many times a minute, and
# opening checks the whole index (PRAGMA quick_check, Whoosh's segments) and starts with cold
# readers, posting lists and texts each time. Rebuilds and updates by other writers are noticed by
# the index itself; an index found broken is dropped here, so the next search reopens (and repairs) it.
_SHARED: weakref.WeakKeyDictionary[Workspace, SearchService] = weakref.WeakKeyDictionary()
_SHARED_LOCK = threading.Lock()


def _shared_service(workspace: Workspace) -> SearchService:
    engine = workspace.settings().search_engine
    with _SHARED_LOCK:
        service = _SHARED.get(workspace)
        if service is not None and engine == service.index.ENGINE:
            return service
        if service is not None:
            service.close()
        service = _SHARED[workspace] = SearchService.open(workspace)
        return service


def _drop_shared(workspace: Workspace, service: SearchService) -> None:
    with _SHARED_LOCK:
        if _SHARED.get(workspace) is service:
            del _SHARED[workspace]
    service.close()


def search(workspace: Workspace, text: str, *, group: str | None = None, items: list[str] | None = None,
           file_types: list[str] | None = None, date_from: datetime.date | None = None,
           date_to: datetime.date | None = None, limit: int = 20) -> SearchResults:
    if not text.strip():
        raise UserError("请输入要搜索的文字，例如：背街小巷 台账")
    service = _shared_service(workspace)
    try:
        results = service.search(SearchQuery(text=text, group=group, items=items, file_types=file_types,
                                             date_from=date_from, date_to=date_to, limit=limit))
    except UserError:
        _drop_shared(workspace, service)
        raise
    _place_sheet_hits(workspace, results)
    return results


SHEET_FORMATS = frozenset({"xlsx", "xls", "et", "csv"})


def _place_sheet_hits(workspace: Workspace, results: SearchResults) -> None:
    """A hit in a workbook is placed by sheet, row and column (its "page" is a sheet, not a printed
    page): the first cell of the hit's sheet holding a matched term, from the cached extraction."""
    sheet_hits = [hit for hit in results.hits if hit.file_type in SHEET_FORMATS and hit.doc_id.isdigit()]
    if not sheet_hits:
        return
    cache = ExtractionCache(workspace.paths.cache)
    with workspace.engine.connect() as conn:
        shas = dict(conn.execute(select(Material.id, Material.sha256).where(
            Material.id.in_([int(hit.doc_id) for hit in sheet_hits]))).all())
    for hit in sheet_hits:
        sha = shas.get(int(hit.doc_id))
        extraction = cache.get(sha) if sha else None
        if extraction is None:
            continue
        for page_hit in hit.pages:
            page = next((p for p in extraction.pages if p.number == page_hit.page), None)
            block = next((b for b in page.blocks if any(t and t in b.text for t in hit.matched_terms)), None) \
                if page is not None else None
            page_hit.place = describe_place(hit.file_type, page_hit.page, block.location) if block else \
                describe_place(hit.file_type, page_hit.page, _sheet_name(extraction, page_hit.page))


def _sheet_name(extraction: Extraction, number: int) -> str:
    names = extraction.facts.get("sheets") or []
    return f"工作表{names[number - 1]}" if 0 < number <= len(names) else ""
