"""Event-loop lag of the desktop app while the benchmark corpus is scanned through the GUI.

A 10 ms timer on the UI thread records how late each tick fires while the main window scans the
corpus in its background worker (the same code path as 扫描文件夹…) with its progress strip
updating. Reports max and p99 lag; the target is that the UI thread never stalls over 100 ms.
With --stalls, a sampling thread records the UI thread's Python stack whenever a tick is late by
more than 50 ms and the report names what was running during each stall.

    QT_QPA_PLATFORM=offscreen python bench/ui_lag.py [--corpus DIR]     # or under xvfb-run
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402 - after the path is set

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402

from bench.corpus import CorpusSpec, generate  # noqa: E402
from bench.ingest_bench import make_workspace  # noqa: E402
from desktop.app import freeze_long_lived_objects, make_application  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.workers import WorkerPool  # noqa: E402
from review.intake.scan import scan  # noqa: E402
from review.workspace.permissions import LOCAL_USER  # noqa: E402

TICK_MS = 10
STALL_MS = 50


def _innermost(frame: object, depth: int = 3) -> str:
    """The innermost frames of a stack, e.g. `main_window.py:290 _desk_loaded < ...`."""
    stack = traceback.extract_stack(frame)  # type: ignore[arg-type]
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack[-depth:]))


class StallSampler(threading.Thread):
    """Samples the UI thread's stack every 5 ms while its timer is overdue by more than STALL_MS,
    and times garbage collections (they hold the GIL); a stall without a sample means the GIL was
    held throughout by one C call or a collection."""

    def __init__(self, ui_thread: int, started: float) -> None:
        super().__init__(daemon=True)
        self.ui_thread = ui_thread
        self.started = started
        self.last_tick = time.monotonic()
        self.stopped = threading.Event()
        self.stalls: list[tuple[float, float, float, Counter[str]]] = []  # (lag ms, at s, gc ms, samples)
        self._samples: Counter[str] = Counter()
        self._gc_ms = 0.0
        self._gc_started = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gc_ms += (time.perf_counter() - self._gc_started) * 1000

    def tick(self, lag_ms: float) -> None:
        """Called by the UI timer: closes the stall in progress, if any."""
        now = time.monotonic()
        if lag_ms > STALL_MS:
            samples = self._samples or Counter({"no sample: one call held the GIL throughout": 1})
            self.stalls.append((lag_ms, now - self.started, self._gc_ms, samples))
        self.last_tick = now
        self._samples = Counter()
        self._gc_ms = 0.0

    def run(self) -> None:
        while not self.stopped.wait(0.005):
            tick = self.last_tick
            if (time.monotonic() - tick) * 1000 < STALL_MS + TICK_MS:
                continue
            frames = sys._current_frames()
            if self.ui_thread not in frames or self.last_tick != tick:
                continue
            where = "UI " + _innermost(frames[self.ui_thread])
            others = sorted(_innermost(f) for t, f in frames.items() if t not in (self.ui_thread, self.ident))
            self._samples[f"{where} | other threads: {'; '.join(others) or '-'}"] += 1

    def report(self, top: int = 10) -> list[dict[str, object]]:
        gc.callbacks.remove(self._gc)
        worst = sorted(self.stalls, key=lambda s: -s[0])[:top]
        return [{"lag_ms": round(lag, 1), "at_s": round(at, 1), "gc_ms": round(gc_ms, 1),
                 "running": [f"{n}× {w}" for w, n in samples.most_common(3)]}
                for lag, at, gc_ms, samples in worst]


def main() -> None:
    parser = argparse.ArgumentParser(description="扫描期间界面线程的响应延迟")
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "bench-corpus")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--pdf-pages", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "ui_lag.json")
    parser.add_argument("--stalls", action="store_true", help="记录每次卡顿时界面线程正在执行的代码")
    args = parser.parse_args()
    generate(args.corpus, CorpusSpec(files=args.files, pdf_pages=args.pdf_pages,
                                     scans=max(1, args.files // 100), photos=max(1, args.files // 50)))

    app = make_application(sys.argv)  # as the app runs: GIL switch interval, font
    workspace = make_workspace(Path(tempfile.mkdtemp(prefix="mr-ui-lag-")) / "ws")
    pool = WorkerPool()
    window = MainWindow(workspace, LOCAL_USER, pool)
    window.resize(1366, 768)
    window.show()
    freeze_long_lived_objects()  # as AppController.show_main does
    window.open_group("BENCH")

    lags: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    sampler = StallSampler(threading.get_ident(), time.monotonic()) if args.stalls else None

    def tick() -> None:
        now = clock.nsecsElapsed()
        lags.append(max(0.0, (now - last[0]) / 1e6 - TICK_MS))
        last[0] = now
        if sampler is not None:
            sampler.tick(lags[-1])

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    started = time.monotonic()
    window.start_scan("BENCH", [args.corpus], scan)
    timer.start()
    if sampler is not None:
        sampler.start()
    scanned = 0.0
    while window.runner.busy or pool.active:  # the scan, then the desk's refresh and the suggestions
        app.processEvents()
        time.sleep(0.001)
        if not scanned and not window.runner.busy:
            scanned = time.monotonic() - started
    timer.stop()
    elapsed = time.monotonic() - started
    lags.sort()
    result = {
        "files": args.files, "scan_s": round(scanned, 1), "until_idle_s": round(elapsed, 1), "ticks": len(lags),
        "max_lag_ms": round(lags[-1], 1) if lags else None,
        "p99_lag_ms": round(lags[int(len(lags) * 0.99) - 1], 1) if lags else None,
        "p50_lag_ms": round(lags[len(lags) // 2], 1) if lags else None,
        "platform": app.platformName(),
    }
    if sampler is not None:
        sampler.stopped.set()
        result["stalls"] = sampler.report()
    write_results(result, args.out)
    window.close()
    workspace.close()
    os._exit(0)


if __name__ == "__main__":
    main()
