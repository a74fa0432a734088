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

Two engines serve this contract; `open_search_index(..., engine=)` picks one, and the workspace
setting `search_engine` tells the application which:

* "whoosh" (`whoosh_engine`, the default: the stack the users chose). Pure Python; indexes the
  pair tokens pre-tokenised, without positions. Fine for a group's materials and for updates;
  slow to build over a whole city's corpus.
* "sqlite" (`sqlite_engine`, SQLite FTS5 from the standard library). Builds the index 10-30x
  faster with a third of the memory; choose it for big corpora (thousands of files) or when a
  full rebuild must be quick.

Both keep the text, metadata and item codes in the same SQLite text store (`textstore`), which
also verifies, ranks and cuts snippets, so results are identical whichever engine runs; only the
candidate lookup differs. An index folder made by the other engine is rebuilt on opening.

Measured in one run on this 2-core machine (load average 2-3 from other work), 2,000 documents x
10 pages x 600 characters; search with snippets (limit 20) over 200 substrings of 2-8 characters
and 20 two-term queries, after `warm()`; "update" is one changed document until a search finds
it; peak RSS of the process, of which 92 MB is the corpus itself. "prose" is generated
official-document text (1.6 million distinct-pair postings), "words" random dictionary words,
far more varied than real text (10.8 million postings):

    corpus  engine   bulk index   search p50 / p95   update   peak RSS   index size
    prose   whoosh   38.5 s       13 / 65 ms         95 ms    370 MB     29 MB
    prose   sqlite   3.4 s        10 / 56 ms         6 ms     115 MB     28 MB
    words   whoosh   318 s        2.7 / 18 ms        186 ms   386 MB     291 MB
    words   sqlite   10.7 s       1.3 / 5.4 ms       6 ms     120 MB     67 MB

Whoosh's cost is per posting and in Python (its posting pool, external sort and block writer:
24-29 us a posting here), so it grows with the text's variety; FTS5 does the same in C. Search
differs less, since verification, ranking and snippets are shared (and dominate on queries with
many hits); Whoosh adds reading its posting lists in Python.

Public API:

    open_search_index(folder, page_texts, rebuild_source=None, progress=None, *, lock_timeout=30.0,
                      engine="whoosh") -> TextStoreIndex         (ENGINES = ("whoosh", "sqlite"))
    WhooshSearchIndex / SearchIndex (sqlite), both TextStoreIndex(folder, page_texts, *, lock_timeout=30.0)
        .add_many(docs: Iterable[SearchDoc], progress=None) -> int     one writer for the whole iterable
        .bulk_writer(progress=None, total=None) -> BulkWriter          context manager: .add(doc), .commit()
        .update(doc) / .remove(doc_ids) -> int / .set_items(doc_id, items) -> bool
        .search(SearchQuery) -> SearchResults
        .doc_count() / .doc_ids(group=None) -> set[str]
        .health() -> "ok"|"missing"|"corrupt"|"locked"|"old_schema"|"other_engine"
        .rebuild(all_docs, progress=None) -> int / .close()
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
