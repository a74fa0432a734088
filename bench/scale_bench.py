"""Scale benchmark: does the cost grow linearly from 2,000 to 10,000 files, and do the group read
model, the dashboard data and `status` stay fast with 20 groups of 500 files in one workspace?

Two parts, each in fresh processes so that their peak memory is their own:

- `ingest`: for each size (default 2,000 and 10,000 files, ten PDF pages per file on average,
  corpus from `corpus.py` generated once into `build/scale-corpus-N` and reused), a full scan
  into a new workspace without OCR and without checks (timed; peak RSS of the whole process tree),
  then, in a second process, the checks from scratch, the index size on disk and search p50/p95
  over typed queries (`search_queries.py`). The ratio compares the largest ingest with the
  smallest scaled linearly (1.0 = linear), both measured in the same run.
- `groups`: a workspace with 20 groups × 500 files (the largest corpus's files, its extraction
  cache copied in, so only hashing and indexing are paid again), each file filed under one of its
  group's standards, a few standards approved; then the median of several in-process runs of
  `workspace_status` (what `status` prints), the desk's dashboard data (`load_dashboard`), `status`
  through the command line in process, and one group's read model (`group_state`), with the number
  of SQL statements each runs.

    python bench/scale_bench.py [--sizes 2000 10000] [--groups 20] [--per-group 500] [--runs 5]
                                [--only ingest|groups] [--source N] [--out bench/out/scale.json]

`--source N` takes every size's files (and the groups' files) from the corpus of N files, e.g.
`--sizes 400 2000 --source 2000 --per-group 100` to look for costs that grow faster than the files
without generating the 10,000-file corpus (about 1.5 h on 2 busy cores; it resumes when interrupted).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402 - after the path is set

BUILD = ROOT / "build"
PAGES_PER_FILE = 10


def corpus_dir(files: int) -> Path:
    return BUILD / f"scale-corpus-{files}"


def ensure_corpus(files: int) -> dict[str, Any]:
    from bench.corpus import CorpusSpec, generate

    spec = CorpusSpec(files=files, pdf_pages=files * PAGES_PER_FILE, scans=max(1, files // 100),
                      photos=max(1, files // 50))
    return generate(corpus_dir(files), spec)


def corpus_files(files: int) -> list[Path]:
    return sorted(p for p in corpus_dir(files).rglob("*") if p.is_file() and p.name != "corpus.json")


def new_workspace(folder: Path, groups: dict[str, str]):  # -> Workspace
    """A fresh workspace with the sample manual; its material standards dealt out to `groups` in turn."""
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
        contents = [c.code for c in current_manual(session).contents()]
        for i, (code, name) in enumerate(groups.items()):
            add_group(session, code, name)
            assign_items(session, code, contents[i::len(groups)] if len(groups) > 1 else contents)
    return ws


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# -- child processes --------------------------------------------------------------------------------
def child_ingest(files: int, source: int, workers: int) -> dict[str, Any]:
    """A full scan of `files` files: the whole corpus of that size, or the first of a larger one
    (`source`, to look for costs that grow faster than the files on a corpus already generated)."""
    from review.intake.scan import scan
    from review.workspace.permissions import LOCAL_USER

    ws = new_workspace(BUILD / f"scale-ws-{files}", {"BENCH": "基准组"})
    paths = [corpus_dir(files)] if source == files else corpus_files(source)[:files]
    started = time.monotonic()
    report = scan(ws, LOCAL_USER, "BENCH", paths, workers=workers, ocr=False, check=False)
    elapsed = time.monotonic() - started
    ws.close()
    return {"ingest_s": round(elapsed, 1), "found": report.found, "extracted": report.extracted,
            "problems": len(report.problems)}


def child_after(files: int, queries: int) -> dict[str, Any]:
    from bench.search_bench import documents, percentile, timed_pass
    from bench.search_queries import typed_queries
    from review.checking.engine import run_checks
    from review.intake.search import SearchService
    from review.workspace.folder import Workspace

    ws = Workspace.open(BUILD / f"scale-ws-{files}")
    started = time.monotonic()
    report = run_checks(ws)
    checks_s = time.monotonic() - started
    rng = random.Random(7)
    docs = documents(ws)
    typed = typed_queries(rng.sample(docs, min(200, len(docs))), queries, rng)
    del docs
    with SearchService.open(ws) as service:
        timed_pass(service, typed[:20])  # warm the index's caches, as a desktop session has them
        wall, _cpu = timed_pass(service, typed)
    out = {"checks_s": round(checks_s, 1), "checked": report.files_checked,
           "index_mb": round(du(ws.paths.search_index) / 2**20, 1),
           "db_mb": round((ws.root / "workspace.db").stat().st_size / 2**20, 1),
           "cache_mb": round(du(ws.paths.cache) / 2**20, 1),
           "search_queries": len(wall), "search_p50_ms": round(statistics.median(wall), 1),
           "search_p95_ms": round(percentile(wall, 0.95), 1)}
    ws.close()
    return out


def build_groups_workspace(groups: int, per_group: int, source: int) -> Path:
    """20 groups × 500 files (by default) filed under their groups' standards; reused when built alike."""
    from review.assessment.approval import decide
    from review.checking.engine import run_checks
    from review.intake.mapping import assign
    from review.intake.scan import scan
    from review.manual.assignment import group_standard_codes
    from review.manual.store import current_manual
    from review.workspace.groups import get_group
    from review.workspace.permissions import LOCAL_USER

    folder = BUILD / f"scale-groups-{groups}x{per_group}"
    spec = {"groups": groups, "per_group": per_group, "source": source}
    marker = folder / "bench-spec.json"
    if marker.exists() and json.loads(marker.read_text(encoding="utf-8")) == spec:
        return folder
    files = corpus_files(source)
    if len(files) < groups * per_group:
        raise SystemExit(f"corpus of {source} files is too small for {groups} × {per_group}")
    codes = {f"G{i + 1:02d}": f"第{i + 1}工作组" for i in range(groups)}
    ws = new_workspace(folder / "ws", codes)
    donor = BUILD / f"scale-ws-{source}" / "cache"
    if donor.is_dir():  # the same bytes were extracted by the ingest part: do not extract them again
        shutil.rmtree(ws.paths.cache)
        shutil.copytree(donor, ws.paths.cache)
    rng = random.Random(11)
    for g, code in enumerate(codes):
        mine = [str(p) for p in files[g * per_group:(g + 1) * per_group]]
        started = time.monotonic()
        scan(ws, LOCAL_USER, code, [Path(p) for p in mine], ocr=False, check=False)
        with ws.session() as session:
            standards = group_standard_codes(session, get_group(session, code), current_manual(session))
        for i, standard in enumerate(standards):
            filed = mine[i::len(standards)]
            if filed:
                assign(ws, LOCAL_USER, filed, standard, group_code=code)
        print(f"  {code}: {len(mine)} files on {len(standards)} standards, {time.monotonic() - started:.0f} s",
              flush=True)
    run_checks(ws)
    approved = 0
    for code in codes:
        from review.assessment.group_state import group_state

        for standard in group_state(ws, code, checked=True).standards:
            if not standard.approval_blockers() and rng.random() < 0.5:
                decide(ws, LOCAL_USER, code, standard.code, "approve")
                approved += 1
    print(f"  approved {approved} standards", flush=True)
    ws.close()
    marker.write_text(json.dumps(spec), encoding="utf-8")
    return folder


class StatementCounter:
    """Counts the SQL statements an engine runs."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        self._engine = engine
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        self.count += 1

    def close(self) -> None:
        from sqlalchemy import event

        event.remove(self._engine, "before_cursor_execute", self._seen)


def timed(fn: Any, runs: int, engine: Any) -> dict[str, Any]:
    fn()  # the first run pays for imports and cold caches; the desktop has them warm
    times, cpu = [], []
    counter = StatementCounter(engine) if engine is not None else None
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    out = {"median_ms": round(statistics.median(times), 1), "cpu_median_ms": round(statistics.median(cpu), 1),
           "max_ms": round(max(times), 1)}
    if counter is not None:
        counter.close()
        out["statements"] = counter.count // runs
    return out


def child_groups(groups: int, per_group: int, source: int, runs: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from review.assessment.group_state import group_state
    from review.assessment.overview import workspace_status
    from review.cli.main import run
    from review.workspace.folder import Workspace

    folder = build_groups_workspace(groups, per_group, source)
    from desktop.desk_data import load_dashboard

    ws = Workspace.open(folder / "ws")
    engine = ws.engine
    status = workspace_status(ws)
    out: dict[str, Any] = {"groups": len(status["groups"]), "files": sum(g["files"] for g in status["groups"]),
                           "standards": sum(g["standards"] for g in status["groups"])}

    def cli_status() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            run(["-w", str(ws.root), "status"])

    out["status_data"] = timed(lambda: workspace_status(ws), runs, engine)
    out["dashboard"] = timed(lambda: load_dashboard(ws), runs, engine)
    out["group_read_model"] = timed(lambda: group_state(ws, "G01"), runs, engine)
    out["status_cli"] = timed(cli_status, runs, None)
    ws.close()
    return out


# -- the parent: runs each part in a child and watches its memory -----------------------------------
def run_child(argv: list[str]) -> dict[str, Any]:
    """Run this script with `argv` in a new process; its JSON result plus the peak RSS of its process tree."""
    proc = psutil.Popen([sys.executable, __file__, *argv], stdout=subprocess.PIPE, text=True,
                        env={**os.environ, "PYTHONPATH": str(ROOT)})
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                total = proc.memory_info().rss
                for child in proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_info().rss
                peak = max(peak, total)
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    output, _ = proc.communicate()
    done.set()
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"child {argv} failed with {proc.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak / 2**20)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="规模基准：入库成本是否线性增长，多组工作区的读取速度")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--per-group", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--source", type=int, help="take every size's files from the corpus of this size")
    parser.add_argument("--only", choices=["ingest", "groups"])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "scale.json")
    args = parser.parse_args()

    if args.child:
        kind, *params = args.child
        numbers = [int(p) for p in params]
        result = {"ingest": child_ingest, "after": child_after, "groups": child_groups}[kind](*numbers)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        os._exit(0)  # the shared extraction pool's workers end with the process

    results: dict[str, Any] = {"load_before": [round(x, 2) for x in os.getloadavg()]}
    sizes = sorted(args.sizes)
    if args.only in (None, "ingest"):
        for size in [args.source] if args.source else sizes:
            started = time.monotonic()
            info = ensure_corpus(size)
            print(f"corpus {size}: {info['pdf_pages']} PDF pages ({time.monotonic() - started:.0f} s)", flush=True)
        for size in sizes:
            ingest = run_child(["--child", "ingest", str(size), str(args.source or size), str(args.workers)])
            ingest["load"] = [round(x, 2) for x in os.getloadavg()]
            print(f"ingest {size}: {ingest}", flush=True)
            after = run_child(["--child", "after", str(size), str(args.queries)])
            print(f"after {size}: {after}", flush=True)
            results[f"files_{size}"] = {"ingest": ingest, "after": after}
        small, large = sizes[0], sizes[-1]
        if large != small:
            linear = results[f"files_{small}"]["ingest"]["ingest_s"] * large / small
            results["ingest_ratio"] = round(results[f"files_{large}"]["ingest"]["ingest_s"] / linear, 2)
            print(f"ingest {large} / ({large // small} × ingest {small}) = {results['ingest_ratio']}", flush=True)
    if args.only in (None, "groups"):
        source = args.source or sizes[-1]
        ensure_corpus(source)
        results["groups"] = run_child(["--child", "groups", str(args.groups), str(args.per_group),
                                       str(source), str(args.runs)])
        results["groups"]["load"] = [round(x, 2) for x in os.getloadavg()]
        print(f"groups: {results['groups']}", flush=True)
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    write_results(results, args.out)


if __name__ == "__main__":
    main()
