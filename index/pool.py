"""Extraction in worker processes, so a file that hangs, crashes the parser or eats memory becomes
a `Problem` ("timeout", "crashed", "memory") and the scan goes on.

Workers are long-lived (no process per file) and fed by a dispatcher thread, two files queued per
worker, so extraction keeps going while the caller indexes the results it has already received:

    with ExtractorPool(workers=2, limits=Limits()) as pool:
        for (path, sha256), extraction in pool.submit_many(items):   # as completed
            index(extraction)
"""
from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TypeVar

import psutil

from index.cache import ExtractionCache
from index.document import Extraction, Problem
from index.limits import Limits
from index.sniff import sniff

log = logging.getLogger(__name__)

Item = TypeVar("Item", bound=Sequence[Any])  # (path, sha256, …anything the caller wants back)

DEFAULT_EXTRACTOR = "index.extract:extract_file"
_MB = 1024 * 1024
_WATCH_INTERVAL_S = 0.25
_DONE = object()
_MAX_START_FAILURES = 3
# Each worker has the next file waiting in its pipe, so it never idles while the parent (busy
# indexing, holding the GIL) gets round to dispatching.
_QUEUED_PER_WORKER = 2
# Parsers keep what they allocated (font caches, fragmented heaps): a worker grows by some 75 MB over
# 1,000 files and never gives it back. One that has read this many files, or grown this much since it
# started, finishes its queue and is replaced (a second of start-up), so the memory of a city of
# 10,000 files is that of one of 2,000.
RECYCLE_AFTER_FILES = 1000
RECYCLE_GROWTH_MB = 200
_RSS_CHECK_EVERY = 20  # files


class WorkerStartError(RuntimeError):
    """Worker processes die before they are ready (a broken installation), so nothing can be read."""

_MESSAGES = {
    "timeout": "读取该文件超过 {timeout:.0f} 秒仍未完成，已停止。文件可能异常或过于复杂，请用原软件重新保存或拆分后再提交。",
    "memory": "读取该文件需要的内存超过上限（{memory} MB），已停止。请拆分文件或降低图片分辨率后再提交。",
    "crashed": "读取该文件时解析程序异常退出，已跳过。文件可能已损坏，请用原软件重新保存或导出后再提交。",
}
# The problem codes the pool reports on a worker's behalf: the file could not be read at all.
WORKER_FAILURES = frozenset(_MESSAGES)


def _load(ref: str) -> Any:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _limit_memory(memory_mb: int) -> None:
    """Cap the worker's private writable memory at today's size plus the budget, so an allocation
    beyond it fails with MemoryError inside the worker instead of exhausting the PC.

    RLIMIT_DATA rather than RLIMIT_AS: the OCR engine's thread pools reserve gigabytes of address
    space they never use, which an address-space cap would refuse. Linux only; elsewhere the
    parent watches the resident size with psutil.
    """
    try:
        import resource  # POSIX only: Windows has no address-space limit to set
    except ImportError:
        return
    current = psutil.Process().memory_info().data
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = current + memory_mb * _MB
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def _worker_main(conn: Connection, extractor_ref: str, limits: Limits, ocr: bool, cache_dir: str | None,
                 store: bool) -> None:
    extract = _load(extractor_ref)
    cache = ExtractionCache(cache_dir) if cache_dir else None
    _limit_memory(limits.memory_mb)
    conn.send(("ready", psutil.Process().memory_info().rss))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        task_id, path, sha256 = task
        try:
            result: Any = extract(path, sha256, ocr=ocr, limits=limits, cache=cache)
        except MemoryError:
            result = "memory"
        except Exception:
            result = "crashed"
        if store and cache is not None and isinstance(result, Extraction):
            result = _stored(cache, result)
        try:
            conn.send((task_id, result))
        except MemoryError:
            conn.send((task_id, "memory"))


def _stored(cache: ExtractionCache, extraction: Extraction) -> Extraction:
    """Write the extraction into the cache; what goes back to the caller leaves out its blocks."""
    try:
        cache.put(extraction)
    except OSError:
        log.warning("could not write the extraction cache entry of %s", extraction.sha256, exc_info=True)
        return extraction  # not cached: the next scan extracts the file again
    return extraction.without_blocks()


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    baseline_rss: int = 0
    tasks: deque[tuple[int, Any]] = field(default_factory=deque)  # (task id, item), head running
    started: float = 0.0  # when the head task started
    last_watch: float = field(default_factory=time.monotonic)
    done: int = 0  # files finished
    retiring: bool = False  # given no more files; replaced once those it has are done


class ExtractorPool:
    """Worker processes with a per-file time limit and memory limit. Use as a context manager.

    `ocr`: run OCR inside extraction (for a background OCR pass; give that pool a longer
    `limits.timeout_s`, a dense page takes seconds). `cache_dir`: the ExtractionCache folder whose
    OCR page results workers reuse and extend, so a timed-out OCR run resumes where it stopped.
    `store`: workers also write every extraction into that cache themselves (in parallel, and the
    text blocks need not travel back), and results come back `without_blocks()` — read the cache
    for a page's blocks. Failures the pool reports on a worker's behalf are stored too.
    `extractor` names a function "module:function" with the signature of
    `index.extract.extract_file`; tests plug in misbehaving ones.
    """

    def __init__(self, workers: int = 2, limits: Limits | None = None, *, ocr: bool = False,
                 cache_dir: str | os.PathLike[str] | None = None, store: bool = False,
                 extractor: str = DEFAULT_EXTRACTOR, max_ahead: int = 64,
                 recycle_after: int = RECYCLE_AFTER_FILES) -> None:
        if store and not cache_dir:
            raise ValueError("store needs a cache_dir")
        self.size = max(1, workers)
        self.limits = limits or Limits()
        self.ocr = ocr
        self.cache_dir = str(cache_dir) if cache_dir else None
        self.store = store
        self.extractor = extractor
        self.max_ahead = max_ahead
        self.recycle_after = recycle_after
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._cancel = threading.Event()
        self._busy_lock = threading.Lock()
        self._dispatcher: threading.Thread | None = None
        self._start_failures = 0
        self._retry: deque[Any] = deque()  # items queued on a worker that was killed, not yet run
        self._next_id = 0

    # -- public API -----------------------------------------------------------------------------

    def submit_many(self, items: Iterable[Item]) -> Iterator[tuple[Item, Extraction]]:
        """Extract every (path, sha256, …) item; yields (item, extraction) as each completes.

        `items` may be a lazy generator (e.g. files being hashed); it is consumed by the pool's
        dispatcher thread. Leaving the loop early cancels the rest.
        """
        if not self._busy_lock.acquire(blocking=False):
            raise RuntimeError("ExtractorPool.submit_many is already running")
        self._cancel.clear()
        results: queue.Queue[Any] = queue.Queue()
        self._dispatcher = threading.Thread(target=self._dispatch, args=(iter(items), results),
                                            name="extractor-pool", daemon=True)
        self._dispatcher.start()
        try:
            while True:
                got = results.get()
                if got is _DONE:
                    return
                if isinstance(got, BaseException):
                    raise got
                yield got
        finally:
            self._cancel.set()
            self._dispatcher.join()
            self._busy_lock.release()

    def cancel(self) -> None:
        """Stop feeding files; files in progress are abandoned (their workers restarted later)."""
        self._cancel.set()

    def close(self) -> None:
        self._cancel.set()
        if self._dispatcher is not None:
            self._dispatcher.join()
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers.clear()

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- dispatcher thread ----------------------------------------------------------------------

    def _dispatch(self, items: Iterator[Item], results: queue.Queue[Any]) -> None:
        try:
            self._run(items, results)
        except BaseException as e:  # handed to the consumer, raised there
            results.put(e)
        finally:
            # Files still in progress (a cancel, or an error from `items`) would answer into the
            # next run: their workers are replaced instead.
            for worker in [w for w in self._workers if w.tasks]:
                self._replace(worker)
            results.put(_DONE)

    def _run(self, items: Iterator[Item], results: queue.Queue[Any]) -> None:
        self._workers = [w for w in self._workers if w.process.is_alive()]
        while len(self._workers) < self.size:
            self._workers.append(self._spawn())
        self._retry.clear()
        exhausted = False
        while True:
            if self._cancel.is_set():
                return
            for worker in list(self._workers):
                if worker.retiring and not worker.tasks:
                    worker = self._retire(worker)
                while (worker.ready and not worker.retiring and len(worker.tasks) < _QUEUED_PER_WORKER
                       and results.qsize() < self.max_ahead):
                    if self._retry:
                        item = self._retry.popleft()
                    elif exhausted:
                        break
                    else:
                        try:
                            item = next(items)
                        except StopIteration:
                            exhausted = True
                            break
                    self._next_id += 1
                    try:
                        worker.conn.send((self._next_id, str(item[0]), item[1]))
                    except OSError:  # it died since it last answered (a crash, os._exit): noticed below
                        self._retry.appendleft(item)
                        break
                    if not worker.tasks:
                        worker.started = time.monotonic()
                    worker.tasks.append((self._next_id, item))
            if exhausted and not self._retry and not any(w.tasks for w in self._workers):
                return
            self._wait_and_collect(results)

    def _wait_and_collect(self, results: queue.Queue[Any]) -> None:
        now = time.monotonic()
        deadlines = [w.started + self.limits.timeout_s - now for w in self._workers if w.tasks]
        timeout = max(0.0, min([_WATCH_INTERVAL_S, *deadlines]))
        by_handle: dict[Any, _Worker] = {}
        for worker in self._workers:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        handled: set[int] = set()
        for handle in wait(list(by_handle), timeout=timeout):
            worker = by_handle[handle]
            if id(worker) not in handled:
                handled.add(id(worker))
                self._receive(worker, results)
        now = time.monotonic()
        for worker in list(self._workers):
            if not worker.tasks:
                continue
            if now - worker.started > self.limits.timeout_s:
                self._fail(worker, "timeout", results)
            elif now - worker.last_watch >= _WATCH_INTERVAL_S:
                worker.last_watch = now
                if self._rss(worker) > worker.baseline_rss + self.limits.memory_mb * _MB:
                    self._fail(worker, "memory", results)

    def _receive(self, worker: _Worker, results: queue.Queue[Any]) -> None:
        """Take every message the worker has sent; notice when it died."""
        try:
            while worker.conn.poll():
                self._handle(worker, worker.conn.recv(), results)
            if worker.process.is_alive():
                return
        except (EOFError, OSError):
            pass
        # The process is gone: a segfault, os._exit, or the kernel's out-of-memory killer (SIGKILL).
        worker.process.join(timeout=1)
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures >= _MAX_START_FAILURES:
                raise WorkerStartError(
                    "无法启动读取文件的后台进程（已连续失败 3 次），请检查程序安装是否完整后重试。") from None
        if worker.tasks:
            killed = worker.process.exitcode == -getattr(signal, "SIGKILL", 9)  # no SIGKILL on Windows
            self._fail(worker, "memory" if killed else "crashed", results)
        else:
            self._replace(worker)

    def _handle(self, worker: _Worker, message: Any, results: queue.Queue[Any]) -> None:
        if message[0] == "ready":
            worker.ready, worker.baseline_rss = True, message[1]
            self._start_failures = 0
            return
        task_id, result = message
        if not worker.tasks or worker.tasks[0][0] != task_id:
            return  # cannot happen with one pipe per worker; never trust it blindly
        item = worker.tasks.popleft()[1]
        worker.started = time.monotonic()  # the next queued file starts now
        worker.done += 1
        if worker.done >= self.recycle_after or (
                worker.done % _RSS_CHECK_EVERY == 0
                and self._rss(worker) > worker.baseline_rss + RECYCLE_GROWTH_MB * _MB):
            worker.retiring = True
        results.put((item, self._failure(item, result) if isinstance(result, str) else result))

    def _fail(self, worker: _Worker, reason: str, results: queue.Queue[Any]) -> None:
        """Give up on the worker's current file; files queued behind it go to another worker."""
        item = worker.tasks.popleft()[1]
        self._retry.extend(queued for _id, queued in worker.tasks)
        self._replace(worker)
        results.put((item, self._failure(item, reason)))

    def _failure(self, item: Item, reason: str) -> Extraction:
        """What is known of a file whose extraction failed in its worker: size, format, the problem."""
        path, sha256 = Path(item[0]), item[1]
        ex = Extraction(sha256=sha256, format="unknown")
        with contextlib.suppress(OSError):
            ex.size = path.stat().st_size
            ex.format = sniff(path).format
        message = _MESSAGES[reason].format(timeout=self.limits.timeout_s, memory=self.limits.memory_mb)
        ex.problems.append(Problem(reason, message))
        ex.facts["needs_ocr_pages"] = []
        if self.store and self.cache_dir:
            _stored(ExtractionCache(self.cache_dir), ex)
        return ex

    # -- worker processes -----------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.extractor, self.limits, self.ocr, self.cache_dir, self.store),
            name="extractor-worker", daemon=True)
        try:
            process.start()
        except OSError as exc:  # out of memory or processes, or the interpreter cannot be run
            parent.close()
            raise WorkerStartError(f"无法启动读取文件的后台进程（{exc.strerror or exc}）。"
                                   "请关闭其他程序释放内存后重试；如仍失败，请检查程序安装是否完整。") from exc
        finally:
            child.close()
        return _Worker(process=process, conn=parent)

    def _retire(self, worker: _Worker) -> _Worker:
        """Let an idle worker leave (it finishes nothing: its queue is empty) and start its successor."""
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(timeout=2)
        return self._replace(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        self._kill(worker)
        worker.conn.close()
        successor = self._spawn()
        self._workers[self._workers.index(worker)] = successor
        return successor

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)

    @staticmethod
    def _rss(worker: _Worker) -> int:
        try:
            return psutil.Process(worker.process.pid).memory_info().rss if worker.process.pid else 0
        except psutil.Error:
            return 0
