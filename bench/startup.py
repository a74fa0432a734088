"""Command-line start-up and round trips from the shell: wall and CPU time, medians over several runs.

Each command runs as the user runs it (the `materials-review` console script next to this
Python, with this checkout — or `--source`, e.g. an older commit exported with `git archive` —
first on PYTHONPATH) in a new process:

* `--help`;
* `-w DEMO --user 李华 status` on the demo workspace (`materials-review demo DIR` makes one; the
  password is the demo's, or MATERIALS_REVIEW_PASSWORD);
* with `--small DIR`, `-w DIR status` on a small workspace without accounts;
* an unchanged re-scan of the bench corpus into the bench workspace (`search_bench.py` makes it);
* `search` of 20 typed queries (`search_queries`) on the bench workspace: p50 and p95.

CPU time is user+sys of the process and the children it waited for (resource.RUSAGE_CHILDREN),
so a loaded machine shows in wall time but much less in CPU time. The 1-minute load average is
reported with every figure.

The source's modules are compiled to bytecode first, as an installed program's are: with
PYTHONDONTWRITEBYTECODE set (as in some shells and CI) every run would otherwise compile the
project's modules again, which costs a quarter of a command's start-up and no user pays.

    python bench/startup.py --demo build/demo-ws [--small DIR] [--bench build/bench-ws] [--source DIR]
                            [--runs 7] [--out bench/out/startup.json]
"""
from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402 - after the path is set

SCRIPT = Path(sys.executable).parent / "materials-review"
DEMO_PASSWORD = "demo2026"  # the demo workspace's accounts (README)
PACKAGES = ("review", "index", "desktop", "demo")
SOURCE = ROOT  # the checkout whose command line is measured (--source)


def compile_source(source: Path) -> None:
    """Bytecode for every module of the source, as `pip install` leaves it."""
    for package in PACKAGES:
        if (source / package).is_dir():
            compileall.compile_dir(source / package, quiet=1)


def run_once(args: list[str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one `materials-review ARGS` process, which must succeed."""
    env = {"MATERIALS_REVIEW_PASSWORD": DEMO_PASSWORD, **os.environ, "PYTHONPATH": str(SOURCE),
           "QT_QPA_PLATFORM": "offscreen"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"materials-review {' '.join(args)} failed: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def measure(name: str, commands: list[list[str]], *, p95: bool = False) -> dict[str, object]:
    """Runs each command once after one unmeasured run of the first (warms the page cache, and
    does once what a first re-scan from the shell does beyond the bench's: checks, OCR)."""
    run_once(commands[0])
    walls, cpus = [], []
    load = os.getloadavg()[0]
    for command in commands:
        wall, cpu = run_once(command)
        walls.append(wall)
        cpus.append(cpu)
    figure: dict[str, object] = {
        "runs": len(commands), "wall_median_ms": round(statistics.median(walls)),
        "cpu_median_ms": round(statistics.median(cpus)), "load_avg": round((load + os.getloadavg()[0]) / 2, 2)}
    if p95:
        ordered = sorted(walls)
        figure["wall_p95_ms"] = round(ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)])
        figure["cpu_p95_ms"] = round(sorted(cpus)[max(0, int(len(cpus) * 0.95 + 0.5) - 1)])
    print(f"{name}: {figure}", flush=True)
    return figure


def typed_texts(workspace: Path, count: int) -> list[str]:
    from bench.search_bench import documents
    from bench.search_queries import typed_queries
    from review.workspace.folder import Workspace

    ws = Workspace.open(workspace)
    try:
        docs = documents(ws)
    finally:
        ws.close()
    rng = random.Random(20)
    return [q.text for q in typed_queries(rng.sample(docs, min(100, len(docs))), count, rng)]


def main() -> None:
    parser = argparse.ArgumentParser(description="命令行启动与往返时间（中位数）")
    parser.add_argument("--demo", type=Path, required=True, help="演示工作区（materials-review demo DIR）")
    parser.add_argument("--small", type=Path, help="无账户的小工作区（可省略）")
    parser.add_argument("--source", type=Path, default=ROOT, help="要测量的源代码目录（默认本检出）")
    parser.add_argument("--bench", type=Path, default=ROOT / "build" / "bench-ws",
                        help="装有基准语料的工作区（search_bench.py 生成）")
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "bench-corpus")
    parser.add_argument("--user", default="李华", help="账户（演示工作区：办公室 李华；空 = 无账户的工作区）")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "startup.json")
    args = parser.parse_args()
    global SOURCE
    SOURCE = args.source.resolve()
    compile_source(SOURCE)

    demo, bench = str(args.demo), str(args.bench)
    user = ["--user", args.user] if args.user else []
    results: dict[str, object] = {"source": str(SOURCE)}
    results["help"] = measure("--help", [["--help"]] * args.runs)
    results["status"] = measure("status (demo)", [["-w", demo, *user, "status"]] * args.runs)
    if args.small:
        results["status_small"] = measure("status (small)", [["-w", str(args.small), "status"]] * args.runs)
    results["rescan_unchanged"] = measure(
        "unchanged re-scan (bench)", [["-w", bench, "scan", "BENCH", str(args.corpus)]] * args.runs)
    results["search"] = measure("search (bench)", [["-w", bench, "search", q] for q in typed_texts(args.bench, 20)],
                                p95=True)
    write_results(results, args.out)


if __name__ == "__main__":
    main()
