"""Extraction in worker processes: results stream in as completed, and a file that hangs, crashes
or eats memory becomes a problem while the pool goes on."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.cache import ExtractionCache
from index.extract import extract_file
from index.limits import Limits
from index.pool import ExtractorPool, WorkerStartError
from tests.files import OFFICIAL_TEXT, make_docx, make_ofd, make_photo, make_text_pdf

HOOKS = "tests.extract_hooks:misbehaving_extract"
LIMITS = Limits(timeout_s=4, memory_mb=300)


@pytest.fixture(scope="module")
def pool():
    """One pool for the module (workers take a second to start); normal files are extracted
    normally by the hook extractor, so it serves the well-behaved tests too."""
    with ExtractorPool(workers=2, limits=LIMITS, extractor=HOOKS) as shared:
        yield shared


def sha_for(n: int) -> str:
    return f"{n:064x}"


def good_files(folder: Path, count: int) -> list[tuple[Path, str]]:
    folder.mkdir(exist_ok=True)
    builders = [lambda p, n: make_text_pdf(p.with_suffix(".pdf"), [f"第{n}号文件 {OFFICIAL_TEXT}"]),
                lambda p, n: make_docx(p.with_suffix(".docx"), [f"第{n}号文件 {OFFICIAL_TEXT}"]),
                lambda p, n: make_ofd(p.with_suffix(".ofd"), [[f"第{n}号文件"]]),
                lambda p, n: make_photo(p.with_suffix(".jpg"))]
    return [(builders[n % len(builders)](folder / f"f{n:03d}", n), sha_for(n)) for n in range(count)]


def test_results_equal_direct_extraction_stream_in_and_cancel_stops(tmp_path: Path, pool) -> None:
    items = good_files(tmp_path / "good", 12)
    got = dict(pool.submit_many(items))
    assert set(got) == set(items)
    for (path, sha), ex in got.items():
        assert ex == extract_file(path, sha), path

    # Items may be a lazy generator (files still being hashed); a cancel stops pulling them.
    pulled: list[int] = []

    def lazily():
        for n, item in enumerate(items * 5):
            pulled.append(n)
            yield item

    for _item, _ex in pool.submit_many(lazily()):
        pool.cancel()
    assert len(pulled) < len(items) * 5

    # The same pool works again after a cancel.
    again = list(pool.submit_many(items[:3]))
    assert sorted(i for i, _ in again) == sorted(items[:3])


def test_hang_crash_exit_and_memory_hog_become_problems_and_the_pool_goes_on(tmp_path: Path, pool) -> None:
    names = ["a.pdf", "hang.pdf", "b.pdf", "crash.pdf", "exit.pdf", "hog.pdf", "c.pdf"]
    items = [(make_text_pdf(tmp_path / name, [f"文件{name}"]), sha_for(n)) for n, name in enumerate(names)]
    start = time.monotonic()
    results = {Path(item[0]).name: ex for item, ex in pool.submit_many(items)}
    assert set(results) == set(names)
    assert results["hang.pdf"].problem("timeout") is not None
    assert "4 秒" in results["hang.pdf"].problem("timeout").message
    assert results["crash.pdf"].problem("crashed") is not None  # segmentation fault
    assert results["exit.pdf"].problem("crashed") is not None  # os._exit
    assert results["hog.pdf"].problem("memory") is not None
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        assert f"文件{name}" in results[name].text and not results[name].problems
    for name in ("hang.pdf", "crash.pdf", "hog.pdf"):
        assert results[name].format == "pdf" and results[name].size > 0  # still says what it is
    # Killed workers were replaced: the pool keeps working.
    more = list(pool.submit_many(items[:1]))
    assert "文件a.pdf" in more[0][1].text
    assert time.monotonic() - start < 60


def test_workers_that_cannot_start_raise_a_clear_error(tmp_path: Path) -> None:
    items = good_files(tmp_path, 1)
    with ExtractorPool(workers=1, extractor="no_such_module_here:extract") as pool, \
            pytest.raises(WorkerStartError, match="无法启动"):
        list(pool.submit_many(items))


def test_an_error_from_the_items_reaches_the_caller_and_the_pool_stays_usable(tmp_path: Path, pool) -> None:
    items = good_files(tmp_path, 4)

    def hashing_then_failing():
        yield from items[:2]
        raise PermissionError("拒绝访问")

    with pytest.raises(PermissionError):
        list(pool.submit_many(hashing_then_failing()))
    # Items carry whatever the caller needs back; answers are never mixed up with the failed run.
    tagged = [(path, sha, f"tag{n}") for n, (path, sha) in enumerate(items)]
    for (path, sha, tag), ex in pool.submit_many(tagged):
        assert ex.sha256 == sha and tag == f"tag{items.index((path, sha))}"
        assert ex == extract_file(path, sha)


def test_storing_workers_write_the_cache_and_send_back_pages_without_blocks(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    good = good_files(tmp_path / "good", 2)
    crash = tmp_path / "crash.pdf"
    crash.write_bytes(b"%PDF-1.7 the worker dies on this one")
    items = [*good, (crash, sha_for(99))]
    with ExtractorPool(workers=1, limits=LIMITS, extractor=HOOKS, cache_dir=cache.folder, store=True) as storing:
        got = dict(storing.submit_many(items))
    for path, sha in good:
        full = extract_file(path, sha)
        assert cache.get(sha) == full  # the worker stored everything, blocks included
        back = got[(path, sha)]
        assert [p.text for p in back.pages] == [p.text for p in full.pages]
        assert all(not p.blocks for p in back.pages) and any(p.blocks for p in full.pages)
    crashed = cache.get(sha_for(99))  # a failure reported by the pool is stored too
    assert crashed is not None and crashed.problem("crashed") is not None


def test_workers_are_replaced_after_their_share_of_files_and_nothing_is_lost(tmp_path: Path) -> None:
    files = [make_docx(tmp_path / f"材料{i}.docx", [f"第{i}份材料", OFFICIAL_TEXT]) for i in range(9)]
    with ExtractorPool(workers=2, extractor="tests.extract_hooks:pid_extract", recycle_after=3) as recycling:
        results = list(recycling.submit_many((str(f), f"{i:064x}") for i, f in enumerate(files)))
    assert sorted(Path(item[0]).name for item, _ in results) == sorted(f.name for f in files)
    assert all(f"第{Path(item[0]).stem[2:]}份材料" in ex.text for item, ex in results)
    pids = {ex.facts["worker_pid"] for _, ex in results}
    assert len(pids) >= 3  # two workers alone could not have read nine files three at a time
