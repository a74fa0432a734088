"""The first window as `make run` brings it up: from the start of the process to the main window shown.

* first start: as on a fresh clone once `make run` has installed the dependencies: no demo workspace and
  no byte-code caches of the program's modules yet; `materials-review demo --quick DIR`, then the desktop
  program on it;
* second start: the desktop program on the demo workspace that now exists (median of several runs).

The desktop program runs as `-w DIR --user 李华 gui` with the demo's password in the environment (the
login of the dialog, without typing), offscreen, with MATERIALS_REVIEW_EXIT_AFTER_SHOW=1: it closes its
window once shown. The moment it was shown is the time stamp of the log line "main window shown",
against the wall clock at the process's start. CPU time is user+sys of the processes and their children,
so a loaded machine shows in wall time much more than in CPU time; the load average goes with each figure.
The OCR and the checks the demo leaves for later run after the window is up: timed apart, between the
first and the second start (the second start opens the finished demo, as it would in use).

    python bench/first_window.py [--dir build/first-window-demo] [--runs 5] [--out bench/out/first_window.json]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402 - after the path is set

SCRIPT = Path(sys.executable).parent / "materials-review"
PACKAGES = ("index", "review", "demo", "desktop", "resources")
DEMO_USER, DEMO_PASSWORD = "李华", "demo2026"  # demo.accounts
SHOWN = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO desktop\.app: main window shown", re.MULTILINE)


def environment() -> dict[str, str]:
    """As a user's shell has it: Python writes its byte-code caches (a fresh clone compiles once)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "MATERIALS_REVIEW_PASSWORD": DEMO_PASSWORD, "MATERIALS_REVIEW_EXIT_AFTER_SHOW": "1"}


def run(args: list[str]) -> tuple[float, float, float]:
    """(wall clock at start, wall s, CPU s) of one `materials-review ARGS` process, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, clock = time.perf_counter(), time.time()
    done = subprocess.run([str(SCRIPT), *args], env=environment(), capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"materials-review {' '.join(args)} failed: {done.stderr.strip()[-2000:]}")
    return clock, wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def shown_at(log: Path, after: float) -> float:
    """The wall-clock time of the last "main window shown" line written after `after`."""
    stamps = [datetime.strptime(s, "%Y-%m-%d %H:%M:%S,%f").timestamp()
              for s in SHOWN.findall(log.read_text(encoding="utf-8"))]
    later = [s for s in stamps if s >= after - 0.002]
    if not later:
        raise SystemExit(f"no 'main window shown' in {log}")
    return later[-1]


def window(folder: Path) -> dict[str, float]:
    """One start of the desktop program on `folder`: seconds to the window shown, to exit, CPU."""
    clock, wall, cpu = run(["-w", str(folder), "--user", DEMO_USER, "gui"])
    shown = shown_at(folder / "logs" / "materials-review.log", clock)
    return {"to_window_s": round(shown - clock, 2), "to_exit_s": round(wall, 2), "cpu_s": round(cpu, 2)}


def finish(folder: Path) -> dict[str, float]:
    """What the window runs in the background on the new demo (demo.build.finish_demo), timed here."""
    sys.path.insert(0, str(ROOT))
    from demo.build import finish_demo
    from review.workspace.folder import Workspace

    load = os.getloadavg()[0]
    started = time.perf_counter()
    with Workspace.open(folder) as workspace:
        finish_demo(workspace)
    return {"wall_s": round(time.perf_counter() - started, 1), "load_avg": round((load + os.getloadavg()[0]) / 2, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description="从启动到主窗口出现的时间：第一次（先生成示例工作区）和第二次")
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "first-window-demo")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "first_window.json")
    args = parser.parse_args()

    shutil.rmtree(args.dir, ignore_errors=True)
    for cache in [p for package in PACKAGES for p in (ROOT / package).rglob("__pycache__")]:
        shutil.rmtree(cache)  # as in a fresh clone: the first start compiles the program's modules
    load = os.getloadavg()[0]
    _clock, demo_wall, demo_cpu = run(["demo", "--quick", str(args.dir)])
    first = window(args.dir)
    results: dict[str, object] = {
        "first_start": {"demo_quick_s": round(demo_wall, 2), "demo_quick_cpu_s": round(demo_cpu, 2),
                        "window": first, "to_window_s": round(demo_wall + first["to_window_s"], 2),
                        "cpu_s": round(demo_cpu + first["cpu_s"], 2),
                        "load_avg": round((load + os.getloadavg()[0]) / 2, 2)},
    }
    print(f"first start: {results['first_start']}", flush=True)
    results["background"] = finish(args.dir)
    print(f"the OCR and checks after the window (not in the figures above): {results['background']}", flush=True)
    load = os.getloadavg()[0]
    starts = [window(args.dir) for _ in range(args.runs)]
    results["second_start"] = {
        "runs": args.runs,
        "to_window_median_s": statistics.median(s["to_window_s"] for s in starts),
        "to_exit_median_s": statistics.median(s["to_exit_s"] for s in starts),
        "cpu_median_s": statistics.median(s["cpu_s"] for s in starts),
        "load_avg": round((load + os.getloadavg()[0]) / 2, 2)}
    print(f"second start: {results['second_start']}", flush=True)
    write_results(results, args.out, show=False)


if __name__ == "__main__":
    main()
