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

from index.search import (
    SearchDoc,
    SearchIndex,
    SearchIndexBusy,
    SearchIndexError,
    SearchQuery,
    open_search_index,
)
from index.search.sqlite_engine import DB_FILE
from index.search.writer_lock import LOCK_FILE, WriterLock

PAGES = {f"m{n}": [f"第{n}份材料", "背街小巷整治台账"] for n in range(12)}


def source() -> list[SearchDoc]:
    return [SearchDoc(doc_id, f"{doc_id}.pdf", f"/材料/{doc_id}.pdf", "城管组", pages=pages)
            for doc_id, pages in PAGES.items()]


def reopen(folder: Path) -> tuple[SearchIndex, list[tuple[int, int | None]]]:
    progress: list[tuple[int, int | None]] = []
    index = open_search_index(folder, PAGES.get, source, lambda done, total: progress.append((done, total)))
    return index, progress


def assert_searchable(index: SearchIndex) -> None:
    assert index.health() == "ok"
    assert index.search(SearchQuery("背街小巷", limit=0)).total == len(PAGES)
    assert [h.doc_id for h in index.search(SearchQuery("第7份")).hits] == ["m7"]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    folder = tmp_path / "search-index"
    index = SearchIndex(folder, PAGES.get)
    index.add_many(source())
    index.close()
    return folder


def dead_pid() -> tuple[int, float]:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    started = psutil.Process(child.pid).create_time()
    child.wait()
    return child.pid, started


def test_a_missing_folder_is_built_from_the_source(tmp_path: Path) -> None:
    index, progress = reopen(tmp_path / "never-made")
    assert_searchable(index)
    assert progress[-1] == (len(PAGES), len(PAGES))
    index.close()


def test_without_a_source_a_missing_index_starts_empty(tmp_path: Path) -> None:
    index = open_search_index(tmp_path / "ix", PAGES.get)
    assert index.health() == "ok" and index.doc_count() == 0
    assert index.search(SearchQuery("背街小巷")).total == 0
    index.close()


def test_a_corrupt_index_is_detected_and_rebuilt(built: Path) -> None:
    db = built / DB_FILE
    data = bytearray(db.read_bytes())
    data[0:16] = b"not a database!!"
    data[4096:8192] = b"\xff" * 4096
    db.write_bytes(bytes(data))
    assert SearchIndex(built, PAGES.get).health() == "corrupt"
    index, progress = reopen(built)
    assert_searchable(index)
    assert progress
    index.close()


def test_garbage_pages_inside_a_valid_file_are_detected(built: Path) -> None:
    db = built / DB_FILE
    data = bytearray(db.read_bytes())
    for offset in range(8192, len(data), 4096):  # every page after the first two
        data[offset:offset + 64] = b"\x07" * 64
    db.write_bytes(bytes(data))
    assert SearchIndex(built, PAGES.get).health() == "corrupt"
    index, _ = reopen(built)
    assert_searchable(index)
    index.close()


def test_reading_a_broken_index_raises_a_chinese_error_not_a_crash(built: Path) -> None:
    index = SearchIndex(built, PAGES.get)
    (built / DB_FILE).write_bytes(b"\x00" * 8192)
    with pytest.raises(SearchIndexError, match="搜索索引无法读取"):
        index.search(SearchQuery("背街小巷"))
    index.close()


def test_a_lock_left_by_a_dead_writer_is_broken_and_the_index_rebuilt(built: Path) -> None:
    pid, started = dead_pid()
    (built / LOCK_FILE).write_text(json.dumps({"host": socket.gethostname(), "pid": pid, "started": started}))
    with sqlite3.connect(built / DB_FILE) as conn:  # the dead writer got half way
        conn.execute("DELETE FROM docs WHERE doc_id = 'm3'")
    assert SearchIndex(built, PAGES.get).health() == "locked"
    index, progress = reopen(built)
    assert_searchable(index)
    assert progress and not (built / LOCK_FILE).exists()
    index.update(SearchDoc("m99", "m99.pdf", "/m99.pdf", "城管组", pages=["新材料"]))  # writing works again
    assert index.doc_count() == len(PAGES) + 1
    index.close()


def test_a_live_writer_is_waited_for_then_refused_with_its_pid(built: Path) -> None:
    other = WriterLock(built)
    other.acquire(timeout=1)
    index = SearchIndex(built, PAGES.get, lock_timeout=0.3)
    assert index.health() == "ok"  # readers are not blocked by a writer
    assert index.search(SearchQuery("背街小巷")).total == len(PAGES)
    with pytest.raises(SearchIndexBusy, match="另一个程序"):
        index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写"]))
    other.release()
    index.update(SearchDoc("m1", "m1.pdf", "/m1.pdf", "城管组", pages=["改写"]))
    assert index.search(SearchQuery("改写")).total == 1
    index.close()


def test_an_index_of_another_schema_version_is_rebuilt(built: Path) -> None:
    with sqlite3.connect(built / DB_FILE) as conn:
        conn.execute("PRAGMA user_version = 0")
    assert SearchIndex(built, PAGES.get).health() == "old_schema"
    index, progress = reopen(built)
    assert_searchable(index)
    assert progress
    index.close()


def test_a_healthy_index_is_opened_as_it_is(built: Path) -> None:
    index, progress = reopen(built)
    assert_searchable(index)
    assert progress == []  # nothing rebuilt
    index.close()


def test_readers_elsewhere_follow_a_rebuild(built: Path) -> None:
    reader = SearchIndex(built, PAGES.get)
    assert reader.search(SearchQuery("背街小巷")).total == len(PAGES)
    other = SearchIndex(built, PAGES.get)
    other.rebuild([SearchDoc("only", "only.pdf", "/only.pdf", "城管组", pages=["重建后唯一的背街小巷材料"])])
    assert [h.doc_id for h in reader.search(SearchQuery("背街小巷")).hits] == ["only"]
    assert reader.search(SearchQuery("第0份")).total == 0  # nothing remembered from the old index
    assert reader.search(SearchQuery("重建后")).total == 1
    other.close()
    reader.close()


def test_warm_loads_texts_so_searching_reads_no_text_from_disk(built: Path) -> None:
    index = SearchIndex(built, PAGES.get)
    assert index.warm() == len(PAGES)
    with sqlite3.connect(built / DB_FILE) as conn:
        conn.execute("UPDATE doc_texts SET body = X''")  # verification would now fail if it read the disk
    assert [h.doc_id for h in index.search(SearchQuery("第3份")).hits] == ["m3"]
    index.close()


def test_an_interrupted_rebuild_is_redone_on_the_next_open(built: Path) -> None:
    def failing_source():
        yield from source()[:5]
        raise OSError("缓存读取失败")

    index = SearchIndex(built, PAGES.get)
    with pytest.raises(OSError):
        index.rebuild(failing_source())
    index.close()
    assert SearchIndex(built, PAGES.get).health() == "old_schema"
    reopened, progress = reopen(built)
    assert_searchable(reopened)
    assert progress
    reopened.close()
