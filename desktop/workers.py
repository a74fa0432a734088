"""Background operations: everything that may take longer than a blink runs here, off the UI thread.

The shape follows napari's thread workers and Anki's background operations: a function runs on a
`QThreadPool` thread and gets a `Job` (progress reporting and a cancel token to hand to the
service); its signals are owned by a QObject living on the UI thread, so `result`, `error` and
`finished` are delivered there through queued connections. Progress is throttled so that a
service reporting every file cannot flood the event loop.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from desktop.errors import show_exception
from desktop.screen_fit import han_width
from review.errors import UserError
from review.progress import CancelToken, ProgressEvent

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05
UNKNOWN_ETA = -1.0


class WorkerSignals(QObject):
    """Signals of one worker; the object lives on the UI thread, so slots run there."""

    started = Signal()
    progress = Signal(int, int, str, float)  # done, total, current item, seconds left (-1: unknown)
    result = Signal(object)
    error = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()


class Job:
    """What the background function receives: progress reporting and the cancel token."""

    def __init__(self, signals: WorkerSignals, cancel: CancelToken) -> None:
        self.cancel = cancel
        self._signals = signals
        self._started = time.monotonic()
        self._last_emit = 0.0

    def progress(self, done: int, total: int, current: str = "") -> None:
        """Report `done` of `total` units; emitted at most every 50 ms, and always at the end."""
        now = time.monotonic()
        if done < total and now - self._last_emit < PROGRESS_INTERVAL_S:
            return
        self._last_emit = now
        elapsed = now - self._started
        eta = elapsed / done * (total - done) if 0 < done <= total and elapsed > 0.5 else UNKNOWN_ETA
        self._signals.progress.emit(int(done), int(total), str(current), float(eta))

    def report(self, event: ProgressEvent) -> None:
        """The `progress=` callback for services: shows the phase (查找文件, 提取文字 …) and the file."""
        current = f"{event.phase_name}：{event.current}" if event.current else event.phase_name
        self.progress(event.done, event.total, current)


class Worker:
    """Runs `fn(job)` on a pool thread. Create it on the UI thread (its signals live there).

    Not a QRunnable subclass: the pool wraps the bound `run` in its own runnable, which keeps this
    object alive until `run` has returned, whatever the UI thread does with its references.
    """

    def __init__(self, fn: Callable[[Job], Any], *, name: str = "") -> None:
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "operation")
        self.signals = WorkerSignals()
        self.cancel_token = CancelToken()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # "Signal source has been deleted": the UI went away (app closing)
            log.info("operation %s finished after its window was closed", self.name)

    def _run(self) -> None:
        signals = self.signals
        signals.started.emit()
        try:
            value = self.fn(Job(signals, self.cancel_token))
        except BaseException as exc:  # every failure must reach the UI, never vanish
            if self.cancel_token.cancelled:
                log.info("operation %s cancelled (%s)", self.name, exc.__class__.__name__)
                signals.cancelled.emit()
            else:
                if not isinstance(exc, UserError):
                    log.exception("operation %s failed", self.name)
                signals.error.emit(exc)
        else:
            if self.cancel_token.cancelled:
                signals.cancelled.emit()
            signals.result.emit(value)
        finally:
            signals.finished.emit()


class WorkerPool(QObject):
    """Keeps workers alive until they finish and starts them on a thread pool."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.active: set[Worker] = set()

    def submit(
        self,
        fn: Callable[[Job], Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        name: str = "",
        connect: Callable[[Worker], None] | None = None,
    ) -> Worker:
        """Run `fn(job)` in the background; `on_result`/`on_error` are called on the UI thread.

        Without `on_error` a failure is shown as a Chinese error dialog. `connect` wires further
        signals before the job starts: a quick job could otherwise finish before they are connected.
        """
        worker = Worker(fn, name=name)
        if connect is not None:
            connect(worker)
        if on_result is not None:
            worker.signals.result.connect(on_result, Qt.ConnectionType.QueuedConnection)
        worker.signals.error.connect(on_error or _show_error, Qt.ConnectionType.QueuedConnection)
        worker.signals.finished.connect(lambda: self.active.discard(worker), Qt.ConnectionType.QueuedConnection)
        self.active.add(worker)
        self.pool.start(worker.run)
        return worker

    def cancel_all(self) -> None:
        for worker in list(self.active):
            worker.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


def _show_error(exc: BaseException) -> None:
    show_exception(None, exc)


def format_eta(seconds: float) -> str:
    """Seconds left as Chinese text, e.g. 约 2 分 05 秒."""
    if seconds < 0:
        return QCoreApplication.translate("OperationRunner", "正在估算剩余时间…")
    seconds = round(seconds)
    if seconds < 1:
        return QCoreApplication.translate("OperationRunner", "即将完成")
    if seconds < 60:
        return QCoreApplication.translate("OperationRunner", "剩余约 {0} 秒").format(seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return QCoreApplication.translate("OperationRunner", "剩余约 {0} 分 {1:02d} 秒").format(minutes, seconds)
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("OperationRunner", "剩余约 {0} 小时 {1:02d} 分").format(hours, minutes)


class OperationRunner(QWidget):
    """The progress strip for one long operation: title, counts, current item, time left, 取消.

    Only one long operation runs at a time; starting a second one is refused with a message.
    Short background look-ups (search, loading a view) use `WorkerPool.submit` directly.
    """

    def __init__(self, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.worker: Worker | None = None
        self.title = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(han_width(self.fontMetrics(), 6))  # the strip shares the status bar: 911 px at 150 %
        self.bar.setMaximumWidth(han_width(self.fontMetrics(), 20))
        self.current = QLabel()
        self.current.setMinimumWidth(han_width(self.fontMetrics(), 4))
        self.current.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # elided to its room
        self.eta = QLabel()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.title, self.bar, self.current, self.eta, self.cancel_button):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        self.hide()

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def run(
        self,
        title: str,
        fn: Callable[[Job], Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Worker:
        """Start `fn` with this strip showing its progress; `on_finished` runs after result, error or
        cancel, once the strip is free again."""
        if self.worker is not None:
            raise UserError(self.tr("“{0}”正在进行。请等它完成或点“取消”后再开始“{1}”。").format(self.title.text(), title))
        self.title.setText(title)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.bar.setFormat("%v / %m")
        self.current.setText("")
        self.eta.setText(self.tr("准备中…"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("取消"))

        def wire(worker: Worker) -> None:
            worker.signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
            if on_cancelled is not None:
                worker.signals.cancelled.connect(on_cancelled, Qt.ConnectionType.QueuedConnection)
            worker.signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
            if on_finished is not None:
                worker.signals.finished.connect(on_finished, Qt.ConnectionType.QueuedConnection)
            self.worker = worker

        worker = self.pool.submit(fn, on_result=on_result, on_error=on_error, name=title, connect=wire)
        self.show()
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("正在取消…"))

    def _on_progress(self, done: int, total: int, current: str, eta: float) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        metrics = self.current.fontMetrics()
        self.current.setText(metrics.elidedText(current, Qt.TextElideMode.ElideMiddle, self.current.width()))
        self.current.setToolTip(current)
        self.eta.setText(format_eta(eta) if done < total else self.tr("即将完成"))

    def _on_finished(self) -> None:
        self.worker = None
        self.hide()
