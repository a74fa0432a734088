"""Ingest, check and search benchmark on the generated corpus, all in one run on the same files.

Reports: the extraction floor (PyMuPDF and python-docx text alone, same number of worker
processes), the full ingest (scan, hash, extract, store, index) and its ratio to the floor, an
unchanged re-scan, one changed file until it is searchable, checks from scratch and their share of
the ingest, search latency p50/p95 over 200+ substrings with snippets and over the typed query set
of `search_queries` (2-4 words, phrases) with its substring-oracle agreement, and peak memory
(this process and its children).

    python bench/ingest_bench.py [--corpus DIR] [--files 2000] [--workers 2] [--out bench/out/ingest.json]
"""
from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402 - after the path is set

if TYPE_CHECKING:
    from review.workspace.folder import Workspace

# The application's modules are imported inside the functions that use them: worker processes
# (started by "spawn") re-import this script, and should start as quickly as the application's own.


def _watch_memory(pid: int, conn: Connection) -> None:
    """In its own process: sample the RSS of `pid` and its descendants (not this watcher) every
    50 ms; answer each message with the peak so far, and end on "stop"."""
    me = os.getpid()
    root = psutil.Process(pid)
    peak = 0
    while True:
        if conn.poll(0.05):
            message = conn.recv()
            conn.send(peak)
            if message == "stop":
                return
        with contextlib.suppress(psutil.Error):
            total = root.memory_info().rss
            for child in root.children(recursive=True):
                if child.pid != me:
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_info().rss
            peak = max(peak, total)


class PeakMemory:
    """Peak RSS of this process plus its children, sampled by a separate process (a sampling
    thread here would take the interpreter lock from the work being measured)."""

    def __init__(self) -> None:
        self._conn, child = multiprocessing.Pipe()
        self._watcher = multiprocessing.get_context("spawn").Process(
            target=_watch_memory, args=(os.getpid(), child), daemon=True)
        self._final: int | None = None

    @property
    def peak(self) -> int:
        if self._final is not None:
            return self._final
        self._conn.send("peak")
        return self._conn.recv()

    def __enter__(self) -> PeakMemory:
        self._watcher.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._conn.send("stop")
        self._final = self._conn.recv()
        self._watcher.join()


def _floor_one(path: str) -> int:
    """Text extraction alone, the way a minimal tool would do it."""
    if path.endswith(".pdf"):
        import pymupdf

        with pymupdf.open(path) as doc:
            return sum(len(page.get_text()) for page in doc)
    if path.endswith(".docx"):
        import docx

        document = docx.Document(path)
        chars = sum(len(p.text) for p in document.paragraphs)
        for table in document.tables:
            for row in table.rows:
                chars += sum(len(c.text) for c in row.cells)
        return chars
    return 0


def floor(files: list[str], workers: int) -> float:
    started = time.monotonic()
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_floor_one, files, chunksize=8))
    return time.monotonic() - started


def make_workspace(folder: Path) -> Workspace:
    from review.manual.assignment import assign_items
    from review.manual.service import load_manual_into
    from review.manual.store import current_manual
    from review.workspace.folder import Workspace
    from review.workspace.groups import add_group
    from review.workspace.settings import WorkspaceSettings

    if folder.exists():
        shutil.rmtree(folder)
    ws = Workspace.create(folder, WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1)))
    load_manual_into(ws, "sample")
    with ws.session() as session:
        manual = current_manual(session)
        add_group(session, "BENCH", "基准组")
        assign_items(session, "BENCH", [c.code for c in manual.contents()])
    return ws


def queries(corpus_texts: list[str], count: int, rng: random.Random) -> list[str]:
    out = []
    while len(out) < count:
        text = rng.choice(corpus_texts)
        if len(text) < 20:
            continue
        start = rng.randrange(0, len(text) - 10)
        candidate = "".join(ch for ch in text[start:start + rng.randint(2, 6)] if "\u4e00" <= ch <= "\u9fff")
        if len(candidate) >= 2:
            out.append(candidate)
    return out


def main() -> None:
    from sqlalchemy import delete

    from bench.corpus import CorpusSpec, generate
    from index.search import SearchQuery
    from review.checking.engine import run_checks
    from review.intake.scan import ocr_pending, scan
    from review.intake.search import SearchService
    from review.workspace.db.models import CheckState, FindingRecord
    from review.workspace.permissions import LOCAL_USER

    parser = argparse.ArgumentParser(description="材料入库、检查与搜索的基准测试")
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "bench-corpus")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--pdf-pages", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--engine", help="search engine to measure (whoosh or sqlite; default: the workspace default)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "ingest.json")
    args = parser.parse_args()

    spec = CorpusSpec(files=args.files, pdf_pages=args.pdf_pages,
                      scans=max(1, args.files // 100), photos=max(1, args.files // 50))
    info = generate(args.corpus, spec)
    files = sorted(str(p) for p in args.corpus.rglob("*") if p.is_file() and p.name != "corpus.json")
    results: dict[str, object] = {"corpus": info, "workers": args.workers}

    results["floor_s"] = round(floor(files, args.workers), 2)
    print(f"floor (text extraction only): {results['floor_s']} s", flush=True)

    work = Path(tempfile.mkdtemp(prefix="mr-bench-"))
    ws = make_workspace(work / "ws")
    if args.engine:
        ws.save_settings(ws.settings().with_value("search_engine", args.engine))
    results["engine"] = ws.settings().search_engine
    with PeakMemory() as memory:
        started = time.monotonic()
        report = scan(ws, LOCAL_USER, "BENCH", [args.corpus], workers=args.workers, ocr=False, check=False)
        results["ingest_s"] = round(time.monotonic() - started, 2)
        results["ingest_ratio"] = round(results["ingest_s"] / results["floor_s"], 2)  # type: ignore[operator]
        results["ingested_files"] = report.found
        results["peak_memory_ingest_mb"] = round(memory.peak / 1024 / 1024)
        print(f"full ingest: {results['ingest_s']} s ({results['ingest_ratio']}x floor), {report.found} files",
              flush=True)

        started = time.monotonic()
        report = scan(ws, LOCAL_USER, "BENCH", [args.corpus], workers=args.workers, ocr=False, check=False)
        results["rescan_unchanged_s"] = round(time.monotonic() - started, 3)
        print(f"unchanged re-scan: {results['rescan_unchanged_s']} s", flush=True)

        with ws.session() as session:  # from scratch: forget every stored finding and check state
            session.execute(delete(FindingRecord))
            session.execute(delete(CheckState))  # the OCR queue has its own table
        started = time.monotonic()
        check = run_checks(ws)
        results["checks_from_scratch_s"] = round(time.monotonic() - started, 2)
        results["checks_share_of_ingest"] = round(results["checks_from_scratch_s"] / results["ingest_s"], 3)  # type: ignore[operator]
        results["checks_files"] = check.files_checked
        print(f"checks from scratch: {results['checks_from_scratch_s']} s "
              f"({results['checks_share_of_ingest']:.1%} of ingest)", flush=True)

        target = next(p for p in files if p.endswith(".docx"))
        import docx

        marker = "独一无二的基准标记文字"
        document = docx.Document(target)
        document.add_paragraph(marker)
        document.save(target)
        started = time.monotonic()
        scan(ws, LOCAL_USER, "BENCH", [args.corpus], workers=args.workers, ocr=False, check=False)
        with SearchService.open(ws) as service:
            hits = service.search(SearchQuery(marker, limit=0)).hits
        results["changed_file_searchable_s"] = round(time.monotonic() - started, 3)
        assert [h.path for h in hits] == [target], hits
        print(f"one changed file searchable: {results['changed_file_searchable_s']} s", flush=True)

        started = time.monotonic()
        run_checks(ws)
        results["checks_after_one_change_s"] = round(time.monotonic() - started, 3)

        started = time.monotonic()
        ocr = ocr_pending(ws, LOCAL_USER, "BENCH")
        results["ocr_s"] = round(time.monotonic() - started, 1)
        results["ocr_files"] = ocr.ocr_files
        print(f"OCR of scans and photos: {results['ocr_s']} s for {ocr.ocr_files} files", flush=True)

        from index.cache import ExtractionCache

        cache = ExtractionCache(ws.paths.cache)
        rng = random.Random(7)
        sample_texts = []
        for path in rng.sample(files, 50):
            from index.scanner import sha256_file

            texts = cache.get_page_texts(sha256_file(path)) or []
            sample_texts.extend(texts)
        qs = [*queries(sample_texts, args.queries, rng), "背街小巷 台账", "志愿服务 OR 文明交通", "〔2025〕", "2026年"]
        latencies = []
        with SearchService.open(ws) as service:
            for q in qs:
                started = time.monotonic()
                service.search(SearchQuery(q, limit=20))
                latencies.append((time.monotonic() - started) * 1000)
        latencies.sort()
        results["search_queries"] = len(latencies)
        results["search_p50_ms"] = round(statistics.median(latencies), 1)
        results["search_p95_ms"] = round(latencies[int(len(latencies) * 0.95) - 1], 1)
        print(f"search: p50 {results['search_p50_ms']} ms, p95 {results['search_p95_ms']} ms over {len(latencies)}",
              flush=True)

        from bench.search_bench import documents, percentile, timed_pass
        from bench.search_queries import Oracle, typed_queries

        docs = documents(ws)
        typed = typed_queries(rng.sample(docs, min(200, len(docs))), args.queries, rng)
        oracle = Oracle(docs)
        with SearchService.open(ws) as service:
            wall, cpu = timed_pass(service, typed)
            agree = sum({h.path for h in service.search(SearchQuery(q.text, limit=0)).hits} == oracle(q)
                        for q in typed)
        results["typed_search_p50_ms"] = round(statistics.median(wall), 1)
        results["typed_search_p95_ms"] = round(percentile(wall, 0.95), 1)
        results["typed_search_cpu_p95_ms"] = round(percentile(cpu, 0.95), 1)
        results["typed_search_oracle"] = f"{agree}/{len(typed)}"
        print(f"typed search (2-4 words, phrases): p50 {results['typed_search_p50_ms']} ms, "
              f"p95 {results['typed_search_p95_ms']} ms, oracle {results['typed_search_oracle']}", flush=True)
    results["peak_memory_mb"] = round(memory.peak / 1024 / 1024)
    print(f"peak memory: {results['peak_memory_mb']} MB", flush=True)
    ws.close()
    shutil.rmtree(work, ignore_errors=True)
    write_results(results, args.out)
    os._exit(0)  # the shared extraction pool's workers end with the process


if __name__ == "__main__":
    main()
