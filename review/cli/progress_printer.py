"""Progress events on standard error: one updating line on a terminal, periodic lines otherwise."""
from __future__ import annotations

import sys
import time

from review.progress import ProgressEvent


class ProgressPrinter:
    def __init__(self, interval_s: float = 2.0) -> None:
        self.tty = sys.stderr.isatty()
        self.interval_s = interval_s
        self._last = 0.0
        self._phase = ""

    def __call__(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        phase_changed = event.phase != self._phase
        if not self.tty and not phase_changed and now - self._last < self.interval_s:
            return
        self._last = now
        self._phase = event.phase
        total = f"/{event.total}" if event.total else ""
        eta = f"，约剩 {event.eta_s:.0f} 秒" if event.eta_s and event.eta_s >= 1 else ""
        current = event.current[-60:] if event.current else ""
        line = f"{event.phase_name} {event.done}{total}{eta} {current}"
        if self.tty:
            sys.stderr.write("\r\x1b[K" + line)
            sys.stderr.flush()
        else:
            sys.stderr.write(line + "\n")

    def close(self) -> None:
        if self.tty and self._phase:
            sys.stderr.write("\n")
