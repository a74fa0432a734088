"""Event-loop lag of the desktop app while the benchmark corpus is scanned through the GUI.

A 10 ms timer on the UI thread records how late each tick fires while the main window scans the
corpus in its background worker (the same code path as 扫描文件夹…) with its progress strip
updating. Reports max and p99 lag; the target is that the UI thread never stalls over 100 ms.

    QT_QPA_PLATFORM=offscreen python bench/ui_lag.py [--corpus DIR]     # or under xvfb-run
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.corpus import CorpusSpec, generate  # noqa: E402
from bench.ingest_bench import make_workspace  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.workers import WorkerPool  # noqa: E402
from review.ingest import scan  # noqa: E402
from review.permissions import LOCAL_USER  # noqa: E402

TICK_MS = 10


def main() -> None:
    parser = argparse.ArgumentParser(description="扫描期间界面线程的响应延迟")
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "bench-corpus")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--pdf-pages", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "ui_lag.json")
    args = parser.parse_args()
    generate(args.corpus, CorpusSpec(files=args.files, pdf_pages=args.pdf_pages,
                                     scans=max(1, args.files // 100), photos=max(1, args.files // 50)))

    app = QApplication.instance() or QApplication(sys.argv)
    workspace = make_workspace(Path(tempfile.mkdtemp(prefix="mr-ui-lag-")) / "ws")
    pool = WorkerPool()
    window = MainWindow(workspace, LOCAL_USER, pool)
    window.resize(1366, 768)
    window.show()
    window.open_group("BENCH")

    lags: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        lags.append(max(0.0, (now - last[0]) / 1e6 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    started = time.monotonic()
    window.start_scan("BENCH", [args.corpus], scan)
    timer.start()
    while window.runner.busy or pool.active:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    elapsed = time.monotonic() - started
    lags.sort()
    result = {
        "files": args.files, "scan_s": round(elapsed, 1), "ticks": len(lags),
        "max_lag_ms": round(lags[-1], 1) if lags else None,
        "p99_lag_ms": round(lags[int(len(lags) * 0.99) - 1], 1) if lags else None,
        "p50_lag_ms": round(lags[len(lags) // 2], 1) if lags else None,
        "platform": app.platformName(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    window.close()
    workspace.close()
    os._exit(0)


if __name__ == "__main__":
    main()
