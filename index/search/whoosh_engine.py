"""The search index on Whoosh (whoosh-reloaded 2.7): the engine of the users' chosen stack.

Whoosh holds only what proposes candidates, in `folder/whoosh/`:

* `docnum`: the text store's document number (a sortable column, read into a list once per
  searcher, so that Whoosh's own document numbers map to the store's without a lookup);
* `grams`: the hex pair tokens of `analysis.gram_tokens`, fed pre-tokenised and indexed with the
  Existence format (no positions, no frequencies, no lengths), so Whoosh does no analysis.

Candidates are read from Whoosh's posting lists and combined as Python sets (rarest pair first),
which is about twice as fast as Whoosh's matcher tree for these many-term conjunctions.

No text is stored in Whoosh and Whoosh does not score: the text store (`textstore`, SQLite) keeps
the compact text, filters, verification, ranking and snippets, exactly as for the SQLite engine.
A bulk goes through one Whoosh writer (256 MB pool, one process) committed as a new segment every
few hundred documents, so that postings are written while extraction goes on, not all at the end;
a single update commits the same way, so that it is searchable at once. Segments are merged once
there are MAX_UNMERGED_SEGMENTS of them. Segments are written as
separate files, not Whoosh's default compound file: whoosh-reloaded copies every part of a
compound segment into memory for each reader it opens (a 266 MB segment cost 500 MB per reader,
2.2 GB at peak with a writer's reader beside the searchers), while plain files are read in place.

Whoosh writes one posting per distinct pair per document in pure Python, which is what makes it
several times slower than FTS5 on a big corpus (figures in `index.search`).
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import NUMERIC, FieldType, Schema
from whoosh.formats import Existence
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from index.search.model import PageTexts, SearchIndexBusy, SearchIndexError
from index.search.query import Node
from index.search.text_cache import LruCache
from index.search.textstore import TextStoreIndex, broken, narrowing

log = logging.getLogger(__name__)

WHOOSH_DIR = "whoosh"
INDEX_NAME = "MAIN"  # Whoosh's default: files MAIN_*.toc, MAIN_WRITELOCK
BULK_LIMIT_MB = 256
# Commits do not merge while the index has fewer segments than this.
MAX_UNMERGED_SEGMENTS = 10
_VIEW_ATTEMPTS = 5
# Document numbers kept from posting lists read by one view (a few MB of sets).
POSTINGS_CACHE_IDS = 200_000


class PretokenizedGrams(FieldType):
    """A field whose value is already a space-separated token string: no analyzer runs."""

    def __init__(self) -> None:
        super().__init__(format=Existence(), analyzer=None, scorable=False, stored=False)

    def index(self, value: str, **_kwargs: object):
        return ((token.encode("ascii"), 1, 1.0, b"") for token in set(value.split()))


class GramsCodec(W3Codec):
    """Whoosh's codec without per-block length statistics (used only to speed up scoring).

    With them, the segment writer looks up a document's field length for every posting, and for a
    field without lengths it asks the file system whether the length column exists, once per
    posting: that doubled the indexing time."""

    length_stats = False


def whoosh_schema() -> Schema:
    return Schema(docnum=NUMERIC(numtype=int, bits=64, signed=False, stored=False, sortable=True),
                  grams=PretokenizedGrams())


class _Postings:
    """One reader's posting lists as sets of Whoosh document numbers, the recent ones kept.

    Whoosh hands out a posting list one document at a time in Python, so a common pair (in most
    documents) costs milliseconds per read; queries people type share many such pairs (工作, 城市),
    so a view keeps the lists it read, bounded by their total length."""

    def __init__(self, reader: IndexReader, max_ids: int = POSTINGS_CACHE_IDS) -> None:
        self.reader = reader
        self._cache: LruCache[str, frozenset[int]] = LruCache(max_ids)

    def __call__(self, token: str) -> frozenset[int]:
        found = self._cache.get(token)
        if found is None:
            try:
                found = frozenset(self.reader.postings("grams", token).all_ids())
            except TermNotFound:
                found = frozenset()
            self._cache.put(token, found, len(found) + 1)
        return found


def _term_docs(postings: _Postings, tokens: list[str], prefix: bool) -> set[int]:
    """Whoosh's document numbers holding every token (or, for a prefix, any token starting with it).

    Intersected as Python sets, rarest token first: much faster than Whoosh's own matcher tree."""
    reader = postings.reader
    if prefix:
        found: set[int] = set()
        for token in reader.expand_prefix("grams", tokens[0]):
            found |= postings(token)
        return found
    ordered = sorted(tokens, key=lambda token: reader.doc_frequency("grams", token))
    found = set(postings(ordered[0]))
    for token in ordered[1:]:
        if not found:
            break
        found &= postings(token)
    return found


def _candidates(postings: _Postings, tree: Node) -> set[int] | None:
    return narrowing(tree, term=lambda tokens, prefix: _term_docs(postings, tokens, prefix),
                     all_of=lambda sets: set.intersection(*sets), any_of=lambda sets: set.union(*sets))


@dataclass
class _View:
    """One thread's view of the Whoosh index."""

    identity: tuple[int, str]
    searcher: Searcher
    docnums: list[int]  # Whoosh's document number -> the store's docnum
    postings: _Postings

    @classmethod
    def of(cls, identity: tuple[int, str], searcher: Searcher) -> _View | None:
        """The view, or None when a merge by a writer removed segment files this searcher had
        not opened yet (Whoosh opens columns lazily, and then finds them empty)."""
        reader = searcher.reader()
        docnums = list(reader.column_reader("docnum")) if reader.doc_count_all() else []
        if len(docnums) != reader.doc_count_all():
            return None
        return cls(identity, searcher, docnums, _Postings(reader))


class _WhooshWriter:
    """One Whoosh writer per session, opened at the first change and reopened after a commit."""

    def __init__(self, index: WhooshSearchIndex, *, bulk: bool) -> None:
        self.index = index
        self.bulk = bulk
        self.writer: IndexWriter | None = None

    def _open(self) -> IndexWriter:
        if self.writer is None:
            ix = self.index._open_whoosh()
            options = {"limitmb": BULK_LIMIT_MB, "procs": 1, "multisegment": False} if self.bulk else {}
            try:
                self.writer = ix.writer(timeout=self.index.lock_timeout, codec=GramsCodec(), compound=False,
                                        **options)
            except whoosh_index.LockError as error:
                raise SearchIndexBusy(
                    f"搜索索引正被另一个程序更新（{self.index.whoosh_dir}），请等它完成后重试。") from error
        return self.writer

    def add(self, docnum: int, tokens: str) -> None:
        self._open().add_document(docnum=docnum, grams=tokens)

    def delete(self, docnum: int, tokens: Callable[[], str]) -> None:
        writer = self._open()
        # Documents added by this same writer are not seen here; their postings stay behind, but
        # their docnum has no row in the store any more, so they never become a hit.
        writer.delete_by_term("docnum", docnum, searcher=writer.searcher())

    def commit(self) -> None:
        if self.writer is None:
            return
        writer, self.writer = self.writer, None
        merge = len(writer.segments) >= MAX_UNMERGED_SEGMENTS
        try:
            writer.commit(merge=merge)
        except Exception as error:  # any failure of Whoosh's files: the index must be rebuilt
            raise broken(self.index.whoosh_dir, error) from error

    def close(self) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.cancel()


class WhooshSearchIndex(TextStoreIndex):
    """The Whoosh engine; see `index.search` for the contract."""

    ENGINE = "whoosh"
    APPLICATION_ID = 0x57485348  # "WHSH"
    ENGINE_DIR = WHOOSH_DIR

    def __init__(self, folder: Path, page_texts: PageTexts, *, lock_timeout: float = 30.0) -> None:
        super().__init__(folder, page_texts, lock_timeout=lock_timeout)
        self.whoosh_dir = self.folder / WHOOSH_DIR
        self._views: dict[int, _View] = {}  # by thread id
        self._views_lock = threading.Lock()

    def _open_whoosh(self) -> whoosh_index.Index:
        try:
            return whoosh_index.open_dir(str(self.whoosh_dir), indexname=INDEX_NAME)
        except Exception as error:  # EmptyIndexError, a damaged TOC, unreadable files …
            raise broken(self.whoosh_dir, error) from error

    def _create_grams(self, conn: sqlite3.Connection) -> None:
        self.whoosh_dir.mkdir(parents=True, exist_ok=True)
        whoosh_index.create_in(str(self.whoosh_dir), whoosh_schema(), indexname=INDEX_NAME)

    def _grams_writer(self, conn: sqlite3.Connection, *, bulk: bool) -> _WhooshWriter:
        return _WhooshWriter(self, bulk=bulk)

    def _view(self) -> _View:
        """This thread's view, renewed when another writer committed or the index was rebuilt."""
        identity = self._refresh_identity()
        key = threading.get_ident()
        with self._views_lock:
            view = self._views.get(key)
        if view is not None and view.identity == identity and view.searcher.up_to_date():
            return view
        if view is not None:
            with self._views_lock:
                self._views.pop(key, None)
            view.searcher.close()
        for _attempt in range(_VIEW_ATTEMPTS):
            searcher = self._open_whoosh().searcher()
            view = _View.of(identity, searcher)
            if view is not None:
                with self._views_lock:
                    self._views[key] = view
                return view
            searcher.close()
        raise broken(self.whoosh_dir, RuntimeError("segment files vanished while being opened"))

    def _gram_filter(self, conn: sqlite3.Connection, tree: Node) -> tuple[str, list[object]] | None:
        try:
            view = self._view()
            found = _candidates(view.postings, tree)
        except SearchIndexError:
            raise
        except Exception as error:  # damaged segment files surface as many kinds of error
            raise broken(self.whoosh_dir, error) from error
        if found is None:
            return None
        docnums = sorted(view.docnums[n] for n in found)
        return "docnum IN (SELECT value FROM json_each(?))", [json.dumps(docnums)]

    def _grams_ok(self, conn: sqlite3.Connection) -> bool:
        try:
            ix = whoosh_index.open_dir(str(self.whoosh_dir), indexname=INDEX_NAME, readonly=True)
            with ix.searcher() as searcher:
                if _View.of(("", ""), searcher) is None:  # reads the docnum column
                    return False
                _term_docs(_Postings(searcher.reader()), ["00"], True)  # reads the term index and postings
            ix.close()
        except Exception:  # any failure to open or read the TOC or segments means rebuild
            log.warning("whoosh index in %s unreadable", self.whoosh_dir, exc_info=True)
            return False
        return True

    def _close_engine_readers(self) -> None:
        with self._views_lock:
            for view in self._views.values():
                view.searcher.close()
            self._views.clear()
