"""What both engines share: the text store, writer sessions, verification, ranking and hits.

An engine only proposes candidates. Everything else lives here, in `folder/search.db` (SQLite):

* `docs`: one row per document with its metadata; `docnum` is never reused (AUTOINCREMENT), so a
  candidate an engine still remembers for a replaced document simply finds no row.
* `doc_texts`: the compact text (UTF-16, pages separated by NUL). It serves exact verification of
  candidates without reopening the files, snippets when the original page texts are gone, and
  deletion from engines that need the tokens they were given.
* `doc_items`: the item codes a document is mapped to (filters run in SQL, for both engines).

`PRAGMA user_version` is the schema version (0 while a rebuild is unfinished) and
`PRAGMA application_id` names the engine that made the folder; either one differing means rebuild.

An engine subclasses `TextStoreIndex` and supplies its gram tokens' storage: `_create_grams`,
`_grams_writer` (returns a `GramsWriter`), `_gram_filter`, `_grams_ok` and `_close_engine_readers`,
and names its subfolder in `ENGINE_DIR` when it has one.
"""
from __future__ import annotations

import datetime
import logging
import math
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, TypeVar

from index.search.analysis import PAGE_BREAK, compact, gram_tokens, term_tokens
from index.search.model import (
    Hit,
    PageHit,
    PageTexts,
    Progress,
    SearchDoc,
    SearchIndexError,
    SearchQuery,
    SearchResults,
)
from index.search.query import And, Node, Not, Or, Term, evaluate, parse_query, positive_terms
from index.search.snippets import page_hit
from index.search.text_cache import LruCache
from index.search.writer_lock import WriterLock

# Bump when the tables or the analysis (normalisation, tokens) change: older indexes are rebuilt.
SCHEMA_VERSION = 1
DB_FILE = "search.db"
# A new random id for every newly created index, so readers in other processes notice a rebuild.
ID_FILE = "index.id"
COMMIT_EVERY = 500  # documents per store transaction during bulk indexing
MAX_PAGES_PER_HIT = 3
TEXT_CACHE_CHARS = 64_000_000
RAW_CACHE_DOCS = 128
_BM25_K1, _BM25_B = 1.2, 0.75
_SQL_CHUNK = 500
_PAGE_CACHE_KB = 32 * 1024

_SCHEMA = """
CREATE TABLE docs (
    docnum INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    grp TEXT NOT NULL,
    file_type TEXT NOT NULL,
    date TEXT,
    nchars INTEGER NOT NULL
);
CREATE TABLE doc_texts (docnum INTEGER PRIMARY KEY, body BLOB NOT NULL);
CREATE INDEX docs_grp ON docs(grp);
CREATE TABLE doc_items (item TEXT NOT NULL, docnum INTEGER NOT NULL, PRIMARY KEY (item, docnum))
    WITHOUT ROWID;
CREATE INDEX doc_items_docnum ON doc_items(docnum);
"""

log = logging.getLogger(__name__)

T = TypeVar("T")


def _encode(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass")


def _decode(blob: bytes) -> str:
    return bytes(blob).decode("utf-16-le", "surrogatepass")


def broken(path: Path, error: Exception) -> SearchIndexError:
    return SearchIndexError(
        f"搜索索引无法读取（{path}：{error}）。它可以由已扫描的材料重建：请重新打开工作区或执行重建索引。")


@dataclass(frozen=True)
class _Text:
    """A document's compact text as verification needs it."""

    title: str
    body: str  # compact pages joined by PAGE_BREAK

    def contains(self, key: str) -> bool:
        return key in self.title or key in self.body


def narrowing(node: Node, term: Callable[[list[str], bool], T], all_of: Callable[[list[T]], T],
              any_of: Callable[[list[T]], T]) -> T | None:
    """An engine query whose matches include every document satisfying `node`.

    `term(tokens, is_prefix)` builds one term's query from `analysis.term_tokens`. None means
    "cannot narrow" (a NOT cannot: a document that has all pairs of a term may still lack the
    term itself, so NOT is left to verification).
    """
    if isinstance(node, Term):
        return term(*term_tokens(node.key))
    if isinstance(node, And):
        parts = [narrowing(c, term, all_of, any_of) for c in node.children if not isinstance(c, Not)]
        kept = [p for p in parts if p is not None]
        return all_of(kept) if kept else None
    if isinstance(node, Or):
        parts = [narrowing(c, term, all_of, any_of) for c in node.children]
        return None if any(p is None for p in parts) else any_of([p for p in parts if p is not None])
    return None


class GramsWriter(Protocol):
    """An engine's side of a writer session."""

    def add(self, docnum: int, tokens: str) -> None: ...

    def delete(self, docnum: int, tokens: Callable[[], str]) -> None:
        """Forget `docnum`; `tokens()` gives the tokens it was added with, for engines that need them."""

    def commit(self) -> None:
        """Make everything written so far visible; called just before the store commits."""

    def close(self) -> None:
        """End of the session (after a last commit)."""


class _Session:
    """A writer: the cross-process lock, one store connection and the engine's writer."""

    def __init__(self, index: TextStoreIndex, *, bulk: bool, fresh: bool) -> None:
        self.index = index
        index._lock.acquire(index.lock_timeout)
        try:
            if fresh:
                index._drop_files()
            self.conn = index._connect(create=True)
            if fresh:  # marked unfinished until the last document is in, so an interrupted rebuild is redone
                self.conn.execute("PRAGMA user_version = 0")
                self.conn.commit()
            self.grams = index._grams_writer(self.conn, bulk=bulk)
        except BaseException:
            index._lock.release()
            raise
        self.pending = 0
        self.fresh = fresh

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        """One document's statements all or none, inside the session's open transaction."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
        self.conn.execute("SAVEPOINT doc")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO doc")
            raise
        finally:
            self.conn.execute("RELEASE doc")

    def put(self, doc: SearchDoc) -> None:
        with self._atomic():
            self._put(doc)
        self._count()

    def _put(self, doc: SearchDoc) -> None:
        title = compact(doc.title)
        pages = [compact(p) for p in doc.pages]
        body = PAGE_BREAK.join(pages)
        self._delete(doc.doc_id)
        cursor = self.conn.execute(
            "INSERT INTO docs (doc_id, title, path, grp, file_type, date, nchars) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc.doc_id, doc.title, doc.path, doc.group, doc.file_type,
             doc.date.isoformat() if doc.date else None, len(body)))
        docnum = cursor.lastrowid
        self.conn.execute("INSERT INTO doc_texts (docnum, body) VALUES (?, ?)", (docnum, _encode(body)))
        self.grams.add(docnum, gram_tokens([title, *pages]))
        self._write_items(docnum, doc.items)
        self.index._texts.put(docnum, _Text(title, body), len(body) + len(title))

    def delete(self, doc_id: str) -> bool:
        with self._atomic():
            found = self._delete(doc_id)
        self._count()
        return found

    def _delete(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT docnum, title, body FROM docs JOIN doc_texts USING (docnum) WHERE doc_id = ?",
                                (doc_id,)).fetchone()
        if row is None:
            return False
        docnum, title, body = row
        self.grams.delete(docnum, lambda: gram_tokens([compact(title), *_decode(body).split(PAGE_BREAK)]))
        self.conn.execute("DELETE FROM doc_items WHERE docnum = ?", (docnum,))
        self.conn.execute("DELETE FROM doc_texts WHERE docnum = ?", (docnum,))
        self.conn.execute("DELETE FROM docs WHERE docnum = ?", (docnum,))
        self.index._texts.discard(docnum)
        self.index._raw.discard(docnum)
        return True

    def set_items(self, doc_id: str, items: list[str]) -> bool:
        row = self.conn.execute("SELECT docnum FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return False
        with self._atomic():
            self.conn.execute("DELETE FROM doc_items WHERE docnum = ?", (row[0],))
            self._write_items(row[0], items)
        self._count()
        return True

    def _write_items(self, docnum: int, items: list[str]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO doc_items (item, docnum) VALUES (?, ?)",
                              [(item, docnum) for item in items])

    def _count(self) -> None:
        """Commit every few hundred documents: bounds the store's transaction, and lets the engine
        write its postings while extraction goes on rather than all at the end."""
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.grams.commit()
        self.conn.commit()
        self.pending = 0

    def close(self, *, completed: bool = True) -> None:
        try:
            self.grams.commit()
            self.grams.close()
            if self.fresh and completed:
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.commit()
        finally:
            self.conn.close()
            self.index._lock.release()


class BulkWriter:
    """Adds many documents through one writer; commits on `commit()` and on exit.

    Use it when documents arrive over time (an ingest feeding extraction results)::

        with index.bulk_writer(progress) as writer:
            for doc in docs:
                writer.add(doc)
    """

    def __init__(self, index: TextStoreIndex, progress: Progress | None, total: int | None, fresh: bool) -> None:
        self._index = index
        self._progress = progress
        self._total = total
        self._fresh = fresh
        self.added = 0

    def __enter__(self) -> BulkWriter:
        self._index._begin_bulk(self._fresh)
        return self

    def add(self, doc: SearchDoc) -> None:
        with self._index._writing() as session:
            session.put(doc)
        self.added += 1
        if self._progress and self.added % 100 == 0:
            self._progress(self.added, self._total)

    def commit(self) -> None:
        with self._index._writing() as session:
            session.commit()

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        self._index._end_bulk(completed=exc_type is None)
        if self._progress:
            self._progress(self.added, self._total)


class TextStoreIndex:
    """Full-text search over documents' page texts; see `index.search` for the contract."""

    ENGINE: ClassVar[str]
    APPLICATION_ID: ClassVar[int]  # PRAGMA application_id of search.db: which engine made the folder
    ENGINE_DIR: ClassVar[str | None] = None  # a subfolder with the engine's own files, if any
    # Every engine's subfolder, so that a rebuild by one engine also clears what another left.
    _engine_dirs: ClassVar[set[str]] = set()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.ENGINE_DIR:
            TextStoreIndex._engine_dirs.add(cls.ENGINE_DIR)

    def __init__(self, folder: Path, page_texts: PageTexts, *, lock_timeout: float = 30.0) -> None:
        self.folder = Path(folder)
        self.path = self.folder / DB_FILE
        self.page_texts = page_texts
        self.lock_timeout = lock_timeout
        self._lock = WriterLock(self.folder)
        self._texts: LruCache[int, _Text] = LruCache(TEXT_CACHE_CHARS)
        # Original page texts by docnum: a changed document gets a new docnum, so an index kept open
        # beside a writer in another object or process never cuts snippets from an old version.
        self._raw: LruCache[int, list[str]] = LruCache(RAW_CACHE_DOCS)
        self._mutex = threading.RLock()  # one writing thread at a time inside this process
        self._session: _Session | None = None
        self._bulk_depth = 0
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._generation = 0
        self._identity: tuple[int, str] | None = None

    # ---- what an engine supplies ---------------------------------------------------------------

    def _create_grams(self, conn: sqlite3.Connection) -> None:
        """Create the engine's empty storage for a new index (inside `conn`'s creation)."""
        raise NotImplementedError

    def _grams_writer(self, conn: sqlite3.Connection, *, bulk: bool) -> GramsWriter:
        raise NotImplementedError

    def _gram_filter(self, conn: sqlite3.Connection, tree: Node) -> tuple[str, list[object]] | None:
        """Candidates for `tree`: an SQL condition on `docnum` with its parameters, or None when the
        engine cannot narrow. Engine errors become SearchIndexError."""
        raise NotImplementedError

    def _grams_ok(self, conn: sqlite3.Connection) -> bool:
        """Whether the engine's storage opens and answers a query."""
        raise NotImplementedError

    def _close_engine_readers(self) -> None:
        raise NotImplementedError

    # ---- connections -------------------------------------------------------------------------

    def _connect(self, *, create: bool) -> sqlite3.Connection:
        if not self.path.exists() and not create:
            raise SearchIndexError(f"搜索索引不存在（{self.path}）：请重新打开工作区以重建，或重新扫描材料。")
        self.folder.mkdir(parents=True, exist_ok=True)
        new = create and (not self.path.exists() or self.path.stat().st_size == 0)
        try:
            conn = sqlite3.connect(self.path, timeout=self.lock_timeout, check_same_thread=False)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{_PAGE_CACHE_KB}")
            if new:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA application_id = {self.APPLICATION_ID}")
                conn.executescript(_SCHEMA)
                self._create_grams(conn)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.commit()
                (self.folder / ID_FILE).write_text(uuid.uuid4().hex, encoding="ascii")
        except sqlite3.Error as error:
            if "fts5" in str(error):
                raise SearchIndexError(
                    "此电脑上的 Python 所带的 SQLite 不支持全文检索（FTS5）：请安装本程序自带的 Python 运行环境，"
                    "或在工作区设置中把搜索引擎改为 whoosh。") from error
            raise broken(self.path, error) from error
        return conn

    def _file_identity(self) -> tuple[int, str]:
        try:
            return (self._generation, (self.folder / ID_FILE).read_text(encoding="ascii"))
        except OSError:
            return (self._generation, "")

    def _refresh_identity(self) -> tuple[int, str]:
        """The index's identity now; caches are dropped when it was rebuilt here or elsewhere."""
        identity = self._file_identity()
        with self._mutex:
            if identity != self._identity:  # rebuilt: document numbers mean other documents now
                self._texts.clear()
                self._raw.clear()
                self._identity = identity
        return identity

    def _reader(self) -> sqlite3.Connection:
        """This thread's connection; a new one after a rebuild here or in another process."""
        identity = self._refresh_identity()
        held = getattr(self._local, "conn", None)
        if held is not None and held[0] == identity:
            return held[1]
        if held is not None:
            held[1].close()
            with self._mutex:
                if held[1] in self._readers:
                    self._readers.remove(held[1])
        conn = self._connect(create=False)
        self._local.conn = (identity, conn)
        with self._mutex:
            self._readers.append(conn)
        return conn

    def _close_readers(self) -> None:
        with self._mutex:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self._close_engine_readers()
            self._generation += 1

    def _drop_files(self) -> None:
        self._close_readers()
        self._texts.clear()
        self._raw.clear()
        paths = [self.folder / ID_FILE, *(Path(f"{self.path}{s}") for s in ("", "-wal", "-shm", "-journal")),
                 *(self.folder / name for name in sorted(self._engine_dirs))]
        for path in paths:
            try:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
            except OSError as error:
                raise SearchIndexError(
                    f"无法删除旧的搜索索引（{path}：{error}）：请关闭其他正在使用此工作区的程序后重试。") from error

    # ---- writing -----------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[_Session]:
        """The open bulk session, or a session of its own committed at the end."""
        with self._mutex:
            try:
                if self._session is not None:
                    yield self._session
                    return
                session = _Session(self, bulk=False, fresh=False)
                try:
                    yield session
                finally:
                    session.close()
            except sqlite3.DatabaseError as error:
                raise broken(self.path, error) from error

    def _begin_bulk(self, fresh: bool) -> None:
        with self._mutex:
            if self._session is None:
                self._session = _Session(self, bulk=True, fresh=fresh)
            elif fresh:
                raise SearchIndexError("搜索索引正在写入，不能同时重建：请等当前的扫描完成后再试。")
            self._bulk_depth += 1

    def _end_bulk(self, *, completed: bool) -> None:
        with self._mutex:
            self._bulk_depth = max(0, self._bulk_depth - 1)
            if self._bulk_depth == 0 and self._session is not None:
                session, self._session = self._session, None
                try:
                    session.close(completed=completed)
                except sqlite3.DatabaseError as error:
                    raise broken(self.path, error) from error

    def bulk_writer(self, progress: Progress | None = None, total: int | None = None) -> BulkWriter:
        return BulkWriter(self, progress, total, fresh=False)

    def add_many(self, docs: Iterable[SearchDoc], progress: Progress | None = None) -> int:
        """Index documents from any iterable (a generator still being fed is fine); returns the count."""
        total = len(docs) if hasattr(docs, "__len__") else None
        with self.bulk_writer(progress, total) as writer:
            for doc in docs:
                writer.add(doc)
        return writer.added

    def update(self, doc: SearchDoc) -> None:
        """Index one new or changed document; searchable when this returns."""
        with self._writing() as session:
            session.put(doc)
            session.commit()

    def remove(self, doc_ids: Iterable[str]) -> int:
        with self._writing() as session:
            removed = sum(session.delete(doc_id) for doc_id in doc_ids)
            session.commit()
        return removed

    def set_items(self, doc_id: str, items: list[str]) -> bool:
        """Change the item codes of an indexed document; False when it is not in the index."""
        with self._writing() as session:
            found = session.set_items(doc_id, items)
            session.commit()
        return found

    def rebuild(self, all_docs: Iterable[SearchDoc], progress: Progress | None = None) -> int:
        """Throw the index away and index `all_docs` afresh; returns the number indexed."""
        total = len(all_docs) if hasattr(all_docs, "__len__") else None
        with BulkWriter(self, progress, total, fresh=True) as writer:
            for doc in all_docs:
                writer.add(doc)
        return writer.added

    # ---- state -------------------------------------------------------------------------------

    def doc_count(self) -> int:
        try:
            return self._reader().execute("SELECT count(*) FROM docs").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise broken(self.path, error) from error

    def doc_ids(self, group: str | None = None) -> set[str]:
        """The ids of the documents in the index (of one group): what a caller compares with what it
        believes it indexed, to put back what a rebuild could not."""
        try:
            if group is None:
                rows = self._reader().execute("SELECT doc_id FROM docs")
            else:
                rows = self._reader().execute("SELECT doc_id FROM docs WHERE grp = ?", (group,))
            return {doc_id for (doc_id,) in rows}
        except sqlite3.DatabaseError as error:
            raise broken(self.path, error) from error

    def health(self) -> str:
        """"ok", "missing", "corrupt", "old_schema", "other_engine" (made by the other engine) or
        "locked" (a writer died holding the lock)."""
        if not self.path.exists():
            return "missing"
        try:
            conn = sqlite3.connect(self.path, timeout=self.lock_timeout)
            try:
                if conn.execute("PRAGMA application_id").fetchone()[0] != self.APPLICATION_ID:
                    return "other_engine"
                if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    return "old_schema"
                if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    return "corrupt"
                conn.execute("SELECT count(*) FROM docs").fetchone()
                if not self._grams_ok(conn):
                    return "corrupt"
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return "corrupt"
        return "locked" if self._lock.is_stale() else "ok"

    def break_stale_lock(self) -> bool:
        return self._lock.break_stale()

    def close(self) -> None:
        with self._mutex:
            if self._session is not None:
                session, self._session = self._session, None
                self._bulk_depth = 0
                session.close(completed=False)
        self._close_readers()

    # ---- searching ---------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        started = time.perf_counter()
        tree = parse_query(query.text)
        try:
            conn = self._reader()
            rows = self._candidates(conn, query, tree)
            if tree is None:
                ranked = [(0.0, row) for row in sorted(rows, key=lambda r: (r[2], r[1]))]
                texts: dict[int, _Text] = {}
            else:
                texts = self._load_texts(conn, [row[0] for row in rows])
                ranked = self._rank(conn, tree, rows, texts)
            chosen = ranked[:query.limit] if query.limit > 0 else ranked
            items = self._items_of(conn, [row[0] for _, row in chosen])
        except sqlite3.DatabaseError as error:
            raise broken(self.path, error) from error
        terms = positive_terms(tree)
        hits = [self._hit(row, score, texts.get(row[0]), terms, items.get(row[0], [])) for score, row in chosen]
        return SearchResults(hits=hits, total=len(ranked), elapsed_ms=(time.perf_counter() - started) * 1000)

    def _candidates(self, conn: sqlite3.Connection, query: SearchQuery, tree: Node | None) -> list[tuple]:
        where: list[str] = []
        params: list[object] = []
        if query.group:
            where.append("grp = ?")
            params.append(query.group)
        if query.file_types:
            where.append(f"file_type IN ({','.join('?' * len(query.file_types))})")
            params.extend(query.file_types)
        if query.date_from:
            where.append("date >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to:
            where.append("date <= ?")
            params.append(query.date_to.isoformat())
        if query.items:
            where.append(f"docnum IN (SELECT docnum FROM doc_items WHERE item IN ({','.join('?' * len(query.items))}))")
            params.extend(query.items)
        grams = self._gram_filter(conn, tree) if tree is not None else None
        if grams is not None:
            where.append(grams[0])
            params.extend(grams[1])
        sql = "SELECT docnum, doc_id, title, path, grp, file_type, date, nchars FROM docs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return conn.execute(sql, params).fetchall()

    def _load_texts(self, conn: sqlite3.Connection, docnums: list[int]) -> dict[int, _Text]:
        texts = self._texts.get_many(docnums)
        missing = [docnum for docnum in docnums if docnum not in texts]
        for start in range(0, len(missing), _SQL_CHUNK):
            chunk = missing[start:start + _SQL_CHUNK]
            rows = conn.execute("SELECT docnum, title, body FROM docs JOIN doc_texts USING (docnum) "
                                f"WHERE docnum IN ({','.join('?' * len(chunk))})", chunk)
            for docnum, title, body in rows:
                text = _Text(compact(title), _decode(body))
                self._texts.put(docnum, text, len(text.body) + len(text.title))
                texts[docnum] = text
        return texts

    def _rank(self, conn: sqlite3.Connection, tree: Node, rows: list[tuple],
              texts: dict[int, _Text]) -> list[tuple[float, tuple]]:
        """Matching documents, best first: title hits, then the terms as one phrase, then BM25.

        BM25 is computed here from exact term counts in the verified text, for both engines:
        the engines index character pairs, whose statistics are not the terms'."""
        keys = [t.key for t in positive_terms(tree)]
        single = tree.key if isinstance(tree, Term) else None
        matched: list[tuple[tuple, _Text, list[int], int]] = []
        for row in rows:
            text = texts.get(row[0])
            if text is None or not (text.contains(single) if single else evaluate(tree, text.contains)):
                continue
            counts = [text.body.count(k) for k in keys]
            title_hits = [k in text.title for k in keys]
            matched.append((row, text, counts, sum(title_hits)))
        if not matched:
            return []
        docs, avg_len = conn.execute("SELECT count(*), avg(nchars) FROM docs").fetchone()
        avg_len = max(avg_len or 1.0, 1.0)
        idf = []
        for i, key in enumerate(keys):
            df = sum(1 for _, text, counts, _ in matched if counts[i] or key in text.title)
            idf.append(math.log(1 + (docs - df + 0.5) / (df + 0.5)))
        phrase = "".join(keys) if len(keys) > 1 else None
        scored = []
        for row, text, counts, title_hits in matched:
            norm = _BM25_K1 * (1 - _BM25_B + _BM25_B * max(row[7], 1) / avg_len)
            bm25 = sum(w * tf * (_BM25_K1 + 1) / (tf + norm) for w, tf in zip(idf, counts, strict=True))
            phrase_hit = bool(phrase and text.contains(phrase))
            scored.append((1000.0 * title_hits + 100.0 * phrase_hit + bm25, row))
        scored.sort(key=lambda pair: (-pair[0], pair[1][2], pair[1][1]))
        return scored

    def _items_of(self, conn: sqlite3.Connection, docnums: list[int]) -> dict[int, list[str]]:
        items: dict[int, list[str]] = {}
        for start in range(0, len(docnums), _SQL_CHUNK):
            chunk = docnums[start:start + _SQL_CHUNK]
            rows = conn.execute(
                f"SELECT docnum, item FROM doc_items WHERE docnum IN ({','.join('?' * len(chunk))}) ORDER BY item",
                chunk)
            for docnum, item in rows:
                items.setdefault(docnum, []).append(item)
        return items

    def _raw_pages(self, docnum: int, doc_id: str) -> list[str] | None:
        pages = self._raw.get(docnum)
        if pages is None:
            try:
                pages = self.page_texts(doc_id)
            except Exception:  # a caller's cache failing must not take search down
                log.warning("page texts of %s unavailable", doc_id, exc_info=True)
                pages = None
            if pages is not None:
                self._raw.put(docnum, pages)
        return pages

    def _hit(self, row: tuple, score: float, text: _Text | None, terms: list[Term], items: list[str]) -> Hit:
        docnum, doc_id, title, path, group, file_type, date, _ = row
        pages: list[PageHit] = []
        matched_terms: list[str] = []
        if text is not None and terms:
            matched_terms = [t.text for t in terms if text.contains(t.key)]
            keys = [t.key for t in terms]
            compact_pages = text.body.split(PAGE_BREAK)
            numbers = [n for n, page in enumerate(compact_pages, 1) if any(k in page for k in keys)]
            raw = self._raw_pages(docnum, doc_id) if numbers else None
            for number in numbers[:MAX_PAGES_PER_HIT]:
                found = None
                if raw is not None and len(raw) == len(compact_pages):
                    found = page_hit(number, raw[number - 1], keys)
                pages.append(found or page_hit(number, compact_pages[number - 1], keys))
        return Hit(doc_id=doc_id, title=title, path=path, group=group, score=round(score, 4), pages=pages,
                   matched_terms=matched_terms, items=items, file_type=file_type,
                   date=datetime.date.fromisoformat(date) if date else None)
