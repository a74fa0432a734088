"""One operation at a time: scans and sign-offs of one group, package imports of the office.

Two scans of one group, or a scan and a sign-off of it, or two imports, would otherwise write the
same rows at once. Each such operation holds the lock of its scope ("group-XC", "import") for its
whole run; other groups' operations go on in parallel. The lock is one the operating system or the
database server drops when its holder dies, so a process killed with kill -9 never blocks anyone:

* a SQLite workspace (one PC): an OS lock (flock / msvcrt) on ``locks/<scope>.lock`` in the
  workspace folder; the file also holds who holds it, for the message;
* a shared PostgreSQL server (several PCs): a session advisory lock on a connection of its own,
  released by the server when that connection goes; who holds it is kept in the settings table.

A busy scope is refused with `WorkspaceBusy` naming who does what since when, or waited for when
the caller passes `wait` (a function told what it is waiting for on every poll; it may raise to
stop waiting, e.g. when the user cancels). The same thread may take a
scope it already holds (a sign-off re-hashes the group's files through the scan).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from review.errors import UserError
from review.progress import Cancelled, CancelToken, Progress, ProgressEvent

if TYPE_CHECKING:
    from review.workspace.folder import Workspace

Waiting = Callable[[str], None]
POLL_S = 0.2
_held = threading.local()


class WorkspaceBusy(UserError):
    """Another process (or thread) holds the scope."""

    def __init__(self, holder: dict[str, Any] | None) -> None:
        super().__init__(f"另一个操作正在进行（{describe(holder)}），请稍后再试；命令行可加 --wait 等它完成后自动继续。",
                         exit_code=5)
        self.holder = holder


def waiting_with(progress: Progress | None, cancel: CancelToken | None) -> Waiting:
    """A `wait` for the app: shows the message as the operation's progress; the user's 取消 stops waiting."""
    def wait(message: str) -> None:
        if cancel is not None and cancel.cancelled:
            raise Cancelled
        if progress is not None:
            progress(ProgressEvent("wait", 0, 0, message))
    return wait


def describe(holder: dict[str, Any] | None) -> str:
    if not holder:
        return "刚刚开始，尚未登记是谁"
    return (f"{holder.get('user') or '?'} 在 {holder.get('host') or '?'} 上{holder.get('operation') or '操作'}，"
            f"自 {holder.get('since') or '?'} 起，进程 {holder.get('pid') or '?'}")


def group_scope(group_code: str) -> str:
    return f"group-{group_code}"


IMPORT_SCOPE = "import"


@contextmanager
def operation_lock(workspace: Workspace, scope: str, operation: str, user: str,
                   wait: Waiting | None = None) -> Iterator[None]:
    """Hold `scope` for the block: refuse with `WorkspaceBusy`, or call `wait` once and wait."""
    held: set[str] = _held.__dict__.setdefault("scopes", set())
    if scope in held:
        yield
        return
    lock = _lock(workspace, scope)
    try:
        while not lock.try_acquire():
            if wait is None:
                raise WorkspaceBusy(lock.holder())
            wait(f"另一个操作正在进行（{describe(lock.holder())}），等它完成后继续…")
            time.sleep(POLL_S)
        lock.publish({"user": user, "operation": operation, "host": socket.gethostname(), "pid": os.getpid(),
                      "since": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")})
        held.add(scope)
        try:
            yield
        finally:
            held.discard(scope)
    finally:
        lock.release()


def holder(workspace: Workspace, scope: str) -> dict[str, Any] | None:
    """Who last took `scope` (the current holder while it is held)."""
    return _lock(workspace, scope).holder()


def _lock(workspace: Workspace, scope: str) -> _FileLock | _AdvisoryLock:
    return _FileLock(workspace, scope) if workspace.db_url.startswith("sqlite") else _AdvisoryLock(workspace, scope)


def _file_name(scope: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", scope)
    return f"{safe}-{hashlib.sha256(scope.encode('utf-8')).hexdigest()[:8]}.lock"


class _FileLock:
    """An OS lock on a file; the holder's description is written into it."""

    def __init__(self, workspace: Workspace, scope: str) -> None:
        folder = workspace.paths.locks
        folder.mkdir(exist_ok=True)
        self.path: Path = folder / _file_name(scope)
        self.handle: IO[str] | None = None

    def try_acquire(self) -> bool:
        while True:
            handle = self.path.open("a+", encoding="utf-8")
            try:
                _os_lock(handle)
            except OSError:
                handle.close()
                return False
            if _same_file(handle, self.path):
                self.handle = handle
                return True
            handle.close()  # its holder removed the file as it finished: lock the new one

    def publish(self, holder: dict[str, Any]) -> None:
        assert self.handle is not None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(json.dumps(holder, ensure_ascii=False))
        self.handle.flush()

    def holder(self) -> dict[str, Any] | None:
        try:
            value = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def release(self) -> None:
        """Remove the file while still holding it (where the OS allows), then drop the lock."""
        if self.handle is not None:
            if os.name != "nt":
                self.path.unlink(missing_ok=True)
            self.handle.close()  # closing drops the OS lock
            self.handle = None


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except OSError:
        return False


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _os_lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _os_lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


class _AdvisoryLock:
    """A PostgreSQL session advisory lock on a connection of its own."""

    def __init__(self, workspace: Workspace, scope: str) -> None:
        self.engine = workspace.engine
        self.key = int.from_bytes(hashlib.sha256(f"materials-review:{scope}".encode()).digest()[:8], "big",
                                  signed=True)
        self.setting = f"lock:{scope}"
        self.connection: Connection | None = None

    def try_acquire(self) -> bool:
        connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        if connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}):
            self.connection = connection
            return True
        connection.close()
        return False

    def publish(self, holder: dict[str, Any]) -> None:
        assert self.connection is not None
        self.connection.execute(
            text("INSERT INTO settings (key, value) VALUES (:key, CAST(:value AS JSON)) "
                 "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
            {"key": self.setting, "value": json.dumps(holder, ensure_ascii=False)})

    def holder(self) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            value = connection.scalar(text("SELECT value FROM settings WHERE key = :key"), {"key": self.setting})
        if isinstance(value, str):
            value = json.loads(value)
        return value if isinstance(value, dict) else None

    def release(self) -> None:
        if self.connection is not None:
            try:
                self.connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
            finally:
                self.connection.close()
                self.connection = None
