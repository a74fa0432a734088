"""The index is derived data: whatever state it is found in, opening it ends with one that works."""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from whoosh import index as whoosh_index

from index.search import (
    ENGINES,
    SearchDoc,
    SearchIndexBusy,
    SearchIndexError,
    SearchQuery,
    TextStoreIndex,
    open_search_index,
    search_index_class,
)
from index.search.textstore import DB_FILE
from index.search.whoosh_engine import WHOOSH_DIR
from index.search.writer_lock import LOCK_FILE, WriterLock

PAGES = {f"m{n}": [f"第{n}份材料", "背街小巷整治台账"] for n in range(12)}


def source() -> list[SearchDoc]:
    return [SearchDoc(doc_id, f"{doc_id}.pdf", f"/材料/{doc_id}.pdf", "城管组", pages=pages)
            for doc_id, pages in PAGES.items()]


def reopen(folder: Path, engine: str) -> tuple[TextStoreIndex, list[tuple[int, int | None]]]:
    progress: list[tuple[int, int | None]] = []
    index = open_search_index(folder, PAGES.get, source, lambda done, total: progress.append((done, total)),
                              engine=engine)
    return index, progress


def assert_searchable(index: TextStoreIndex) -> None:
    assert index.health() == "ok"
    assert index.search(SearchQuery("背街小巷", limit=0)).total == len(PAGES)
    assert [h.doc_id for h in index.search(SearchQuery("第7份")).hits] == ["m7"]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


def opened(folder: Path, engine: str, **kwargs) -> TextStoreIndex:
    return search_index_class(engine)(folder, PAGES.get, **kwargs)


@pytest.fixture
def built(tmp_path: Path, engine: str) -> Path:
    folder = tmp_path / "search-index"
    index = opened(folder, engine)
    index.add_many(source())
    index.close()
    return folder


def dead_pid() -> tuple[int, float]:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    started = psutil.Process(child.pid).create_time()
    child.wait()
    return child.pid, started


def test_a_missing_folder_is_built_from_the_source(tmp_path: Path, engine: str) -> None:
    index, progress = reopen(tmp_path / "never-made", engine)
    assert_searchable(index)
    assert progress[-1] == (len(PAGES), len(PAGES))
    index.close()


def test_without_a_source_a_missing_index_starts_empty(tmp_path: Path, engine: str) -> None:
    index = open_search_index(tmp_path / "ix", PAGES.get, engine=engine)
    assert index.health() == "ok" and index.doc_count() == 0
    assert index.search(SearchQuery("背街小巷")).total == 0
    index.close()


def test_a_corrupt_index_is_detected_and_rebuilt(built: Path, engine: str) -> None:
    db = built / DB_FILE
    data = bytearray(db.read_bytes())
    data[0:16] = b"not a database!!"
    data[4096:8192] = b"\xff" * 4096
    db.write_bytes(bytes(data))
    assert opened(built, engine).health() == "corrupt"
    index, progress = reopen(built, engine)
    assert_searchable(index)
    assert progress
    index.close()


def test_garbage_pages_inside_a_valid_file_are_detected(built: Path, engine: str) -> None:
    db = built / DB_FILE
    data = bytearray(db.read_bytes())
    for offset in range(8192, len(data), 4096):  # every page after the first two
        data[offset:offset + 64] = b"\x07" * 64
    db.write_bytes(bytes(data))
    assert opened(built, engine).health() == "corrupt"
    index, _ = reopen(built, engine)
    assert_searchable(index)
    index.close()


def test_reading_a_broken_index_raises_a_chinese_error_not_a_crash(built: Path, engine: str) -> None:
    index = opened(built, engine)
    (built / DB_FILE).write_bytes(b"\x00" * 8192)
    with pytest.raises(SearchIndexError, match="搜索索引无法读取"):
        index.search(SearchQuery("背街小巷"))
    index.close()


def test_a_lock_left_by_a_dead_writer_is_broken_and_the_index_rebuilt(built: Path, engine: str) -> None:
    pid, started = dead_pid()
    (built / LOCK_FILE).write_text(json.dumps({"host": socket.gethostname(), "pid": pid, "started": started}))
    with sqlite3.connect(built / DB_FILE) as conn:  # the dead writer got half way
        conn.execute("DELETE FROM docs WHERE doc_id = 'm3'")
    assert opened(built, engine).health() == "locked"
    index, progress = reopen(built, engine)
    assert_searchable(index)
    assert progress and not (built / LOCK_FILE).exists()
    index.update(SearchDoc("m99", "m99.pdf", "/m99.pdf", "城管组", pages=["新材料"]))  # writing works again
    assert index.doc_count() == len(PAGES) + 1
    index.close()


def test_a_live_writer_is_waited_for_then_refused_with_its_pid(built: Path, engine: str) -> None:
    other = WriterLock(built)
    other.acquire(timeout=1)
    index = opened(built, engine, lock_timeout=0.3)
    assert index.health() == "ok"  # readers are not blocked by a writer
    assert index.search(SearchQuery("背街小巷")).total == len(PAGES)
    with pytest.raises(SearchIndexBusy, match="另一个程序"):
        index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写"]))
    other.release()
    index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写"]))
    assert index.search(SearchQuery("改写")).total == 1
    index.close()


def test_an_index_of_another_schema_version_is_rebuilt(built: Path, engine: str) -> None:
    with sqlite3.connect(built / DB_FILE) as conn:
        conn.execute("PRAGMA user_version = 0")
    assert opened(built, engine).health() == "old_schema"
    index, progress = reopen(built, engine)
    assert_searchable(index)
    assert progress
    index.close()


def test_a_healthy_index_is_opened_as_it_is(built: Path, engine: str) -> None:
    index, progress = reopen(built, engine)
    assert_searchable(index)
    assert progress == []  # nothing rebuilt
    index.close()


def test_readers_elsewhere_follow_a_rebuild(built: Path, engine: str) -> None:
    reader = opened(built, engine)
    assert reader.search(SearchQuery("背街小巷")).total == len(PAGES)
    other = opened(built, engine)
    other.rebuild([SearchDoc("only", "only.pdf", "/only.pdf", "城管组", pages=["重建后唯一的背街小巷材料"])])
    assert [h.doc_id for h in reader.search(SearchQuery("背街小巷")).hits] == ["only"]
    assert reader.search(SearchQuery("第0份")).total == 0  # nothing remembered from the old index
    assert reader.search(SearchQuery("重建后")).total == 1
    other.close()
    reader.close()


def test_an_interrupted_rebuild_is_redone_on_the_next_open(built: Path, engine: str) -> None:
    def failing_source():
        yield from source()[:5]
        raise OSError("缓存读取失败")

    index = opened(built, engine)
    with pytest.raises(OSError):
        index.rebuild(failing_source())
    index.close()
    assert opened(built, engine).health() == "old_schema"
    reopened, progress = reopen(built, engine)
    assert_searchable(reopened)
    assert progress
    reopened.close()


def whoosh_files(folder: Path, pattern: str) -> list[Path]:
    found = sorted((folder / WHOOSH_DIR).glob(pattern))
    assert found, f"no {pattern} in {folder / WHOOSH_DIR}"
    return found


@pytest.mark.parametrize("damage", ["toc_deleted", "toc_garbage", "segments_garbage", "folder_deleted"])
def test_a_damaged_whoosh_index_is_detected_and_rebuilt(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "search-index"
    reopen(folder, "whoosh")[0].close()
    if damage == "toc_deleted":
        for toc in whoosh_files(folder, "*.toc"):
            toc.unlink()
    elif damage == "toc_garbage":
        for toc in whoosh_files(folder, "*.toc"):
            toc.write_bytes(b"\x80\x04garbage" * 10)
    elif damage == "segments_garbage":
        for segment in whoosh_files(folder, "MAIN_*.*"):
            segment.write_bytes(b"\x07" * segment.stat().st_size)
    else:
        for path in whoosh_files(folder, "*"):
            path.unlink()
        (folder / WHOOSH_DIR).rmdir()
    assert opened(folder, "whoosh").health() == "corrupt"
    index, progress = reopen(folder, "whoosh")
    assert_searchable(index)
    assert progress
    index.close()


def test_searching_a_damaged_whoosh_index_raises_a_chinese_error(tmp_path: Path) -> None:
    folder = tmp_path / "search-index"
    reopen(folder, "whoosh")[0].close()
    for segment in whoosh_files(folder, "MAIN_*.*"):
        segment.write_bytes(b"\x07" * segment.stat().st_size)
    index = opened(folder, "whoosh")
    with pytest.raises(SearchIndexError, match="搜索索引无法读取"):
        index.search(SearchQuery("背街小巷"))
    index.close()


def test_whooshs_own_lock_file_left_by_a_dead_writer_does_not_block(tmp_path: Path) -> None:
    folder = tmp_path / "search-index"
    index, _ = reopen(folder, "whoosh")
    pid, started = dead_pid()
    (folder / LOCK_FILE).write_text(json.dumps({"host": socket.gethostname(), "pid": pid, "started": started}))
    (folder / WHOOSH_DIR / "MAIN_WRITELOCK").write_text("")
    assert index.health() == "locked"
    index.close()
    index, progress = reopen(folder, "whoosh")
    assert_searchable(index)
    assert progress  # rebuilt, since the dead writer may have stopped half way
    (folder / WHOOSH_DIR / "MAIN_WRITELOCK").write_text("")  # the file alone is no lock (the OS released it)
    index.update(SearchDoc("m99", "m99.pdf", "/m99.pdf", "城管组", pages=["新材料"]))
    assert [h.doc_id for h in index.search(SearchQuery("新材料")).hits] == ["m99"]
    index.close()


@pytest.mark.parametrize(("first", "then"), [("sqlite", "whoosh"), ("whoosh", "sqlite")])
def test_an_index_made_by_the_other_engine_is_rebuilt(tmp_path: Path, first: str, then: str) -> None:
    folder = tmp_path / "search-index"
    reopen(folder, first)[0].close()
    assert opened(folder, then).health() == "other_engine"
    index, progress = reopen(folder, then)
    assert_searchable(index)
    assert progress
    index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写后的材料"]))
    assert index.search(SearchQuery("改写后")).total == 1
    index.close()
    assert (folder / WHOOSH_DIR).exists() == (then == "whoosh")  # nothing of the other engine left behind


def test_an_unknown_engine_is_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="未知的搜索引擎“lucene”"):
        open_search_index(tmp_path / "ix", PAGES.get, engine="lucene")


def test_a_writer_holding_whooshs_own_lock_is_waited_for_then_refused(tmp_path: Path) -> None:
    folder = tmp_path / "search-index"
    reopen(folder, "whoosh")[0].close()
    foreign = whoosh_index.open_dir(str(folder / WHOOSH_DIR)).writer()  # a writer that ignores our lock file
    index = opened(folder, "whoosh", lock_timeout=0.3)
    with pytest.raises(SearchIndexBusy, match="另一个程序"):
        index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写"]))
    foreign.cancel()
    index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写"]))
    assert index.search(SearchQuery("改写")).total == 1
    assert not (folder / LOCK_FILE).exists()
    index.close()
