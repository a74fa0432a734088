"""Long services in a child process, so that they never hold the GUI process's GIL.

A scan spends seconds in C calls that keep the GIL (parsing cached extractions, building index
rows); in a thread of the GUI process that froze the window for up to a second. Here the service
runs in a spawned process that opens the workspace by its folder; the calling worker thread only
waits on a queue (which releases the GIL), relays progress events and passes the user's 取消 on.
No Qt here: the child imports only what the service needs.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from review.errors import UserError
from review.progress import CancelToken, Progress, ProgressEvent
from review.workspace.locking import waiting_with

POLL_S = 0.1


class _EventToken(CancelToken):
    """A cancel token backed by a multiprocessing event that the parent sets."""

    def __init__(self, event: Any) -> None:
        super().__init__()
        self._shared = event

    def cancel(self) -> None:
        self._shared.set()

    @property
    def cancelled(self) -> bool:
        return bool(self._shared.is_set())


def _child(messages: Any, cancel_event: Any, target: Callable[..., Any], args: tuple[Any, ...]) -> None:
    def progress(event: ProgressEvent) -> None:
        messages.put(("progress", event))

    try:
        value = target(*args, progress=progress, cancel=_EventToken(cancel_event))
    except BaseException as exc:  # the parent re-raises it (UserError) or reports it (anything else)
        messages.put(("error", exc if isinstance(exc, UserError) else RuntimeError(f"{type(exc).__name__}: {exc}")))
    else:
        messages.put(("result", value))


def run_in_process(target: Callable[..., Any], *args: Any, progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> Any:
    """`target(*args, progress=…, cancel=…)` in a spawned process; returns its result.

    `target` must be a module-level function and its arguments picklable. Progress events reach
    `progress` in the calling thread; setting `cancel` asks the child to stop.
    """
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    cancel_event = context.Event()
    # Not a daemon: the service starts its own worker processes (extraction), which daemons may not.
    process = context.Process(target=_child, args=(messages, cancel_event, target, args))
    process.start()
    try:
        while True:
            if cancel is not None and cancel.cancelled:
                cancel_event.set()
            try:
                kind, payload = messages.get(timeout=POLL_S)
            except queue.Empty:
                if not process.is_alive() and messages.empty():
                    raise UserError("后台处理进程意外退出（可能内存不足），已完成的部分已保存。请关闭其他程序后重试。") from None
                continue
            if kind == "progress":
                if progress is not None:
                    progress(payload)
            elif kind == "error":
                raise payload
            else:
                return payload
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def scan_in_workspace(scan: Callable[..., Any], root: str, db_url: str, actor: Any, group_code: str,
                      paths: list[str], *, progress: Progress | None = None, cancel: CancelToken | None = None) -> Any:
    """Open the workspace in `root` and run `scan` (review.intake.scan.scan) on it; runs in the child."""
    from review.workspace.folder import Workspace  # in the child only: the parent never pays for it

    with Workspace.open(Path(root), db_url=db_url) as workspace:
        return scan(workspace, actor, group_code, [Path(p) for p in paths], progress=progress, cancel=cancel,
                    wait=waiting_with(progress, cancel))


def ocr_in_workspace(root: str, db_url: str, actor: Any, group_code: str, *, progress: Progress | None = None,
                     cancel: CancelToken | None = None) -> Any:
    """The OCR the group's earlier scans left waiting, then its checks (review.intake.scan.ocr_pending);
    runs in the child."""
    from review.intake.scan import ocr_pending
    from review.workspace.folder import Workspace

    with Workspace.open(Path(root), db_url=db_url) as workspace:
        return ocr_pending(workspace, actor, group_code, progress=progress, cancel=cancel, check=True,
                           wait=waiting_with(progress, cancel))


def suggest_in_workspace(root: str, db_url: str, group_code: str, *, progress: Progress | None = None,
                         cancel: CancelToken | None = None) -> Any:
    """The ranked suggestions (review.intake.suggestions) of the group's unmapped files, by path; runs in the child (jieba's dictionary
    load and the many index look-ups would otherwise hold the GUI's GIL)."""
    from review.intake.suggestions import suggest
    from review.workspace.folder import Workspace

    if cancel is not None:
        _exit_when_cancelled(cancel)
    with Workspace.open(Path(root), db_url=db_url) as workspace:
        return {row.path: row.suggestions for row in suggest(workspace, group_code)}


def _exit_when_cancelled(cancel: CancelToken) -> None:
    """For a child that only reads: end it as soon as the parent cancels (closing the window must not
    wait for a computation nobody will see)."""
    def watch() -> None:
        while not cancel.cancelled:
            time.sleep(POLL_S)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="cancel-watch").start()
