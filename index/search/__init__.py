"""Chinese full-text search over the materials, behind an interface of the project's own.

Contract (what callers may rely on, whatever engine sits underneath):

* A query term matches a document when the term is a substring of the document's title or of one
  of its pages, after both sides are normalised the same way (NFKC per character, so full-width
  letters and digits equal half-width ones; Latin lower-cased; whitespace ignored, so a phrase
  broken over two lines by PDF extraction still matches). A term never spans a page break.
  Recall and precision are exact: the engine only proposes candidates, which are verified.
* Query language (see `query`): space or AND = all of, OR or | = any of, NOT x or -x = without,
  "quoted phrase" (one term, may contain spaces), parentheses. Never raises on odd input.
* Filters: group, items (any of), file types, date range (documents without a date drop out).
* Ranking: documents whose title contains terms first, then those holding all terms as one
  phrase, then BM25 over the text. `limit` 0 returns every match; `total` always counts them all.
* Hits carry up to three pages with an ~80-character snippet around the first hit on each and
  the highlighted spans; snippets are cut from `page_texts(doc_id)` (the original text), or from
  the index's own compact text when that is no longer available.
* The index is derived data in its own folder. `open_search_index` rebuilds it when it is
  missing, corrupt, of another schema version or left locked by a crashed writer. One writer at
  a time across processes (a lock file; a live holder is waited for, a dead one's lock broken);
  readers never wait. Errors are `SearchIndexError` with a Chinese message saying what to do.

The engine is SQLite FTS5 from the standard library (`sqlite_engine`; why not Whoosh is measured
there). Public API:

    open_search_index(folder, page_texts, rebuild_source=None, progress=None, *, lock_timeout=30.0)
        -> SearchIndex
    SearchIndex(folder, page_texts: Callable[[str], list[str] | None], *, lock_timeout=30.0)
        .add_many(docs: Iterable[SearchDoc], progress=None) -> int     one writer for the whole iterable
        .bulk_writer(progress=None, total=None) -> BulkWriter          context manager: .add(doc), .commit()
        .update(doc) / .remove(doc_ids) -> int / .set_items(doc_id, items) -> bool
        .search(SearchQuery) -> SearchResults
        .doc_count() / .health() -> "ok"|"missing"|"corrupt"|"locked"|"old_schema"
        .rebuild(all_docs, progress=None) -> int / .warm() -> int / .close()
    progress(done: int, total: int | None) is called every 100 documents and at the end.

Typical use::

    index = open_search_index(ws / "search-index", page_texts, rebuild_source=all_search_docs)
    index.add_many(doc_generator, progress)            # or: with index.bulk_writer() as w: w.add(doc)
    index.update(changed_doc); index.remove([doc_id]); index.set_items(doc_id, ["Ⅱ-1-1)-①"])
    results = index.search(SearchQuery("背街小巷 台账", group="城管组", limit=0))
"""
from index.search.model import (
    Hit,
    PageHit,
    PageTexts,
    Progress,
    SearchDoc,
    SearchIndexBusy,
    SearchIndexError,
    SearchQuery,
    SearchResults,
)
from index.search.opening import ENGINES, open_search_index, search_index_class
from index.search.sqlite_engine import SearchIndex
from index.search.textstore import SCHEMA_VERSION, BulkWriter, TextStoreIndex
from index.search.whoosh_engine import WhooshSearchIndex

__all__ = [
    "ENGINES",
    "SCHEMA_VERSION",
    "BulkWriter",
    "Hit",
    "PageHit",
    "PageTexts",
    "Progress",
    "SearchDoc",
    "SearchIndex",
    "SearchIndexBusy",
    "SearchIndexError",
    "SearchQuery",
    "SearchResults",
    "TextStoreIndex",
    "WhooshSearchIndex",
    "open_search_index",
    "search_index_class",
]
