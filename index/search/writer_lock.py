"""One writer at a time across processes: a lock file that names its owner.

The file is created exclusively and holds the owner's host, pid and process start time. A lock
whose owner process is gone on this host (or whose pid now belongs to a different process) was
left by a crash and is broken; a live owner is waited for up to a timeout.
"""
from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from index.search.model import SearchIndexBusy

LOCK_FILE = "writer.lock"
# A lock file that cannot be read yet may be in the middle of being written by its owner.
_UNREADABLE_GRACE_S = 5.0


def _process_started(pid: int) -> float | None:
    import psutil  # here: a search only reads, and opening the index must stay quick from the shell

    try:
        return psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return None


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self.held = False

    def owner(self) -> dict | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def is_stale(self) -> bool:
        """Whether a lock file exists and its owner is certainly gone."""
        if not self.path.exists():
            return False
        owner = self.owner()
        if not isinstance(owner, dict):
            try:
                return time.time() - self.path.stat().st_mtime > _UNREADABLE_GRACE_S
            except OSError:
                return False
        if owner.get("host") != socket.gethostname():
            return False  # another PC on a shared folder: we cannot tell, so we wait
        started = _process_started(int(owner.get("pid", -1)))
        return started is None or abs(started - float(owner.get("started", 0))) > 1.0

    def break_stale(self) -> bool:
        if self.is_stale():
            self.path.unlink(missing_ok=True)
            return True
        return False

    def acquire(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        me = {"host": socket.gethostname(), "pid": os.getpid(),
              "started": _process_started(os.getpid()) or 0.0, "since": time.time()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if self.break_stale():
                    continue
                if time.monotonic() >= deadline:
                    owner = self.owner() or {}
                    raise SearchIndexBusy(
                        f"搜索索引正被另一个程序更新（进程 {owner.get('pid', '?')}），"
                        f"请等它完成后重试；锁文件：{self.path}") from None
                time.sleep(0.05)
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me, handle)
            self.held = True
            return

    def release(self) -> None:
        if self.held:
            self.held = False
            self.path.unlink(missing_ok=True)
