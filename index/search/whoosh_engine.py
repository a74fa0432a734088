"""The search index on Whoosh (whoosh-reloaded 2.7): the engine of the users' chosen stack.

Whoosh holds only what proposes candidates, in `folder/whoosh/`:

* `docnum`: the text store's document number (a sortable column, read back per candidate);
* `grams`: the hex pair tokens of `analysis.gram_tokens`, fed pre-tokenised and indexed with the
  Existence format (no positions, no frequencies, no lengths), so Whoosh does no analysis.

No text is stored in Whoosh and Whoosh does not score: the text store (`textstore`, SQLite) keeps
the compact text, filters, verification, ranking and snippets, exactly as for the SQLite engine.
A bulk goes through one Whoosh writer (256 MB pool, one process, one segment) merged on commit;
a single update commits without merging so that it is searchable at once.

Whoosh writes one posting per distinct pair per document in pure Python, which is what makes it
several times slower than FTS5 on a big corpus (figures in `index.search`).
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import NUMERIC, FieldType, Schema
from whoosh.formats import Existence
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from index.search.model import SearchIndexBusy, SearchIndexError
from index.search.query import Node
from index.search.textstore import TextStoreIndex, broken, narrowing

log = logging.getLogger(__name__)

WHOOSH_DIR = "whoosh"
INDEX_NAME = "MAIN"  # Whoosh's default: files MAIN_*.toc, MAIN_WRITELOCK
BULK_LIMIT_MB = 256
# Single updates commit without merging while the index has fewer segments than this.
MAX_UNMERGED_SEGMENTS = 10


class PretokenizedGrams(FieldType):
    """A field whose value is already a space-separated token string: no analyzer runs."""

    def __init__(self) -> None:
        super().__init__(format=Existence(), analyzer=None, scorable=False, stored=False)

    def index(self, value: str, **_kwargs: object):
        return ((token.encode("ascii"), 1, 1.0, b"") for token in set(value.split()))


def whoosh_schema() -> Schema:
    return Schema(docnum=NUMERIC(numtype=int, bits=64, signed=False, stored=False, sortable=True),
                  grams=PretokenizedGrams())


def _query(tree: Node) -> wq.Query | None:
    def term(tokens: list[str], prefix: bool) -> wq.Query:
        if prefix:
            return wq.Prefix("grams", tokens[0])
        return wq.And([wq.Term("grams", t) for t in tokens])

    return narrowing(tree, term=term, all_of=wq.And, any_of=wq.Or)


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
                self.writer = ix.writer(timeout=self.index.lock_timeout, **options)
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
        merge = self.bulk or len(writer.segments) >= MAX_UNMERGED_SEGMENTS
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

    def __init__(self, folder: Path, *args, **kwargs) -> None:
        super().__init__(folder, *args, **kwargs)
        self.whoosh_dir = self.folder / WHOOSH_DIR
        self._searchers: dict[int, tuple[tuple[int, str], Searcher]] = {}  # by thread id
        self._searchers_lock = threading.Lock()

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

    def _searcher(self) -> Searcher:
        """This thread's searcher, refreshed when another writer committed or the index was rebuilt."""
        identity = self._refresh_identity()
        key = threading.get_ident()
        with self._searchers_lock:
            held = self._searchers.get(key)
        if held is not None and held[0] == identity:
            searcher = held[1] if held[1].up_to_date() else held[1].refresh()
        else:
            if held is not None:
                held[1].close()
            searcher = self._open_whoosh().searcher()
        with self._searchers_lock:
            self._searchers[key] = (identity, searcher)
        return searcher

    def _gram_filter(self, conn: sqlite3.Connection, tree: Node) -> set[int] | None:
        query = _query(tree)
        if query is None:
            return None
        try:
            searcher = self._searcher()
            if searcher.doc_count_all() == 0:  # an empty index has no columns to read
                return set()
            docnums = searcher.reader().column_reader("docnum")
            return {docnums[n] for n in searcher.docs_for_query(query)}
        except SearchIndexError:
            raise
        except Exception as error:  # damaged segment files surface as many kinds of error
            raise broken(self.whoosh_dir, error) from error

    def _grams_ok(self, conn: sqlite3.Connection) -> bool:
        try:
            ix = whoosh_index.open_dir(str(self.whoosh_dir), indexname=INDEX_NAME, readonly=True)
            with ix.searcher() as searcher:
                list(searcher.docs_for_query(wq.Prefix("grams", "00")))
                if searcher.doc_count_all():
                    docnums = searcher.reader().column_reader("docnum")
                    for n in range(min(searcher.doc_count_all(), 8)):
                        docnums[n]  # reading is the check
            ix.close()
        except Exception:  # any failure to open or read the TOC or segments means rebuild
            log.warning("whoosh index in %s unreadable", self.whoosh_dir, exc_info=True)
            return False
        return True

    def _close_engine_readers(self) -> None:
        with self._searchers_lock:
            for _, searcher in self._searchers.values():
                searcher.close()
            self._searchers.clear()
