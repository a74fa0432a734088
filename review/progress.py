"""Progress events and cancellation shared by long operations (scan, OCR, checks, export).

Services report progress through a plain callback and check a `CancelToken`; the CLI prints the
events, the GUI forwards them to the UI thread. Neither knows about the other.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from review.errors import UserError


@dataclass(frozen=True)
class ProgressEvent:
    phase: str  # e.g. "walk", "hash", "extract", "ocr", "index", "check", "done"
    done: int
    total: int
    current: str = ""
    eta_s: float | None = None

    PHASE_NAMES: ClassVar[dict[str, str]] = {"walk": "查找文件", "hash": "计算指纹", "extract": "提取文字", "ocr": "文字识别",
                                             "index": "建立索引", "check": "检查", "export": "导出", "wait": "等待", "done": "完成"}

    @property
    def phase_name(self) -> str:
        return self.PHASE_NAMES.get(self.phase, self.phase)


Progress = Callable[[ProgressEvent], None]


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__("操作已取消。已完成的部分已保存，再次运行即可继续。", exit_code=130)


class CancelToken:
    """Set from any thread; long operations poll it between files."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class ProgressMeter:
    """Turns counts into throttled events with an estimate of the time left."""

    def __init__(self, callback: Progress | None, phase: str, total: int, interval_s: float = 0.1) -> None:
        self.callback = callback
        self.phase = phase
        self.total = total
        self.done = 0
        self.interval_s = interval_s
        self._start = time.monotonic()
        self._last = 0.0

    def step(self, current: str = "", count: int = 1, force: bool = False) -> None:
        self.done += count
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval_s and self.done < self.total:
            return
        self._last = now
        elapsed = now - self._start
        eta = elapsed / self.done * (self.total - self.done) if self.done and self.total else None
        self.callback(ProgressEvent(self.phase, self.done, self.total, current, eta))
