"""Search latency on the bench corpus with queries like people type, and their exactness.

Builds (once, then reuses) a workspace in `build/bench-ws` with the 2,000-file corpus scanned
into it (no OCR, no checks), makes the typed query set of `search_queries` from 200 of its
documents, and measures in this process, the way the app's search box runs: one service kept
open, limit 20 with snippets. Reports p50/p95 of wall and CPU time per query for the first pass
(each query met for the first time, caches as they are after opening) and a second pass; then
measures `review.intake.search.search` per query with 200 hits, which is what the desktop's search
box calls; then checks every query with limit 0 against the substring oracle over all documents.

    python bench/search_bench.py [--corpus DIR] [--workspace DIR] [--queries 200] [--engine whoosh]
                                 [--profile] [--out bench/out/search.json]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402 - after the path is set


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share + 0.5) - 1)]


def prepared_workspace(folder: Path, corpus: Path, engine: str | None, files: int):
    """The bench workspace with the corpus scanned in; made the first time (takes a minute or two)."""
    from bench.corpus import CorpusSpec, generate
    from bench.ingest_bench import make_workspace
    from review.intake.scan import scan
    from review.workspace.folder import Workspace
    from review.workspace.permissions import LOCAL_USER

    generate(corpus, CorpusSpec(files=files, pdf_pages=files * 10, scans=max(1, files // 100), photos=max(1, files // 50)))
    if (folder / "workspace.json").exists():
        ws = Workspace.open(folder)
    else:
        ws = make_workspace(folder)
        if engine:
            ws.save_settings(ws.settings().with_value("search_engine", engine))
        started = time.monotonic()
        scan(ws, LOCAL_USER, "BENCH", [corpus], workers=2, ocr=False, check=False)
        print(f"ingest: {time.monotonic() - started:.1f} s", flush=True)
    if engine and ws.settings().search_engine != engine:
        ws.save_settings(ws.settings().with_value("search_engine", engine))
    return ws


def documents(ws) -> list:
    from sqlalchemy import select

    from bench.search_queries import Doc
    from index.cache import ExtractionCache
    from review.workspace.db.models import Material

    cache = ExtractionCache(ws.paths.cache)
    with ws.session() as session:
        rows = session.execute(select(Material.path, Material.sha256)
                               .where(Material.status == "present", Material.sha256.is_not(None))).all()
    docs = []
    for path, sha in sorted(rows):
        pages = cache.get_page_texts(sha) or []
        docs.append(Doc(path, Path(path).name, pages))
    return docs


def timed_pass(service, queries) -> tuple[list[float], list[float]]:
    from index.search import SearchQuery

    wall, cpu = [], []
    for q in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        service.search(SearchQuery(q.text, limit=20))
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return wall, cpu


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 1), "p95": round(percentile(values, 0.95), 1),
            "max": round(max(values), 1)}


def main() -> None:
    from bench.search_queries import Oracle, typed_queries
    from index.search import SearchQuery
    from review.intake.search import SearchService

    parser = argparse.ArgumentParser(description="搜索速度与正确性基准（按用户输入习惯的查询）")
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "bench-corpus")
    parser.add_argument("--workspace", type=Path, default=ROOT / "build" / "bench-ws")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--engine", help="whoosh or sqlite (default: the workspace's setting)")
    parser.add_argument("--profile", action="store_true", help="cProfile the first pass, top 25 by cumulative time")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search.json")
    args = parser.parse_args()

    ws = prepared_workspace(args.workspace, args.corpus, args.engine, args.files)
    docs = documents(ws)
    rng = random.Random(16)
    queries = typed_queries(rng.sample(docs, min(200, len(docs))), args.queries, rng)
    results: dict[str, object] = {"engine": ws.settings().search_engine, "documents": len(docs),
                                  "queries": len(queries), "load_avg": os.getloadavg()[0]}
    with SearchService.open(ws) as service:
        service.search(SearchQuery("文明", limit=20))  # what opening the search box does once
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        first_wall, first_cpu = timed_pass(service, queries)
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        second_wall, second_cpu = timed_pass(service, queries)
        results["first_pass_ms"] = {"wall": summary(first_wall), "cpu": summary(first_cpu)}
        results["second_pass_ms"] = {"wall": summary(second_wall), "cpu": summary(second_cpu)}
        by_kind: dict[str, list[float]] = {}
        for q, ms in zip(queries, first_wall, strict=True):
            by_kind.setdefault(q.kind, []).append(ms)
        results["first_pass_by_kind_ms"] = {k: summary(v) for k, v in by_kind.items()}
        from review.intake.search import search

        wall, cpu = [], []
        for q in queries:  # as the desktop's search box asks: `search()` per query, 200 hits
            started, cpu_started = time.perf_counter(), time.process_time()
            search(ws, q.text, limit=200)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        results["desktop_search_200_ms"] = {"wall": summary(wall), "cpu": summary(cpu)}
        oracle = Oracle(docs)
        agree, empty = 0, 0
        for q in queries:
            expected = oracle(q)
            empty += not expected
            found = {hit.path for hit in service.search(SearchQuery(q.text, limit=0)).hits}
            if found == expected:
                agree += 1
            else:
                print(f"oracle disagrees on {q.text!r}: {len(found - expected)} extra, "
                      f"{len(expected - found)} missing", flush=True)
        results["oracle_agreement"] = f"{agree}/{len(queries)}"
        results["queries_without_hits"] = empty
    results["load_avg_end"] = os.getloadavg()[0]
    ws.close()
    write_results(results, args.out)
    os._exit(0)  # the shared extraction pool's workers end with the process


if __name__ == "__main__":
    main()
