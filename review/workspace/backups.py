"""Copies of a SQLite workspace database, and putting one back.

A copy is taken before every schema upgrade, once a day when the workspace is opened, and after
every sign-off and package import (the moments whose loss costs most). Copies of the rotating kinds
are kept `keep` at a time; the pre-upgrade copies are never deleted by rotation. A PostgreSQL
workspace is backed up on the server (pg_dump), not here.

Only the standard library is used: the command line restores a workspace whose database cannot be
opened at all.
"""
from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from review.errors import UserError

BEFORE_UPGRADE = "before-upgrade"
DAILY = "daily"
AFTER_SIGNOFF = "after-signoff"
AFTER_IMPORT = "after-import"
BEFORE_RESTORE = "before-restore"
LABEL_NAMES = {BEFORE_UPGRADE: "升级前", DAILY: "每日", AFTER_SIGNOFF: "签字后", AFTER_IMPORT: "导入签字包后",
               BEFORE_RESTORE: "恢复前", "manual": "手动"}
ROTATING = frozenset({DAILY, AFTER_SIGNOFF, AFTER_IMPORT, "manual"})
DEFAULT_KEEP = 10
_STALE_PART_S = 3600

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<label>[a-z-]+)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    label: str

    @property
    def label_name(self) -> str:
        return LABEL_NAMES.get(self.label, self.label)

    def describe(self) -> str:
        return f"{self.path.name}（{self.taken:%Y年%m月%d日 %H:%M}，{self.label_name}）"


def take(db_file: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live SQLite database consistently (the backup API copes with WAL and open writers)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{db_file.stem}-{datetime.now():%Y%m%d-%H%M%S-%f}-{label}.db"
    partial = target.with_suffix(".db.part")
    src = sqlite3.connect(db_file)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)  # a copy interrupted half-way is never mistaken for a backup
    return target


def listing(backup_dir: Path) -> list[Backup]:
    """The backups in the folder, newest first."""
    found = []
    for path in backup_dir.glob("*.db") if backup_dir.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            found.append(Backup(path, datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f"), match["label"]))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def restorable(backup_dir: Path) -> list[Backup]:
    """The backups one may restore, newest first (not the databases a restore set aside)."""
    return [b for b in listing(backup_dir) if b.label != BEFORE_RESTORE]


def newest(backup_dir: Path) -> Backup | None:
    backups = restorable(backup_dir)
    return backups[0] if backups else None


def rotate(backup_dir: Path, keep: int) -> list[Path]:
    """Delete the rotating copies beyond the newest `keep`, and the half-written copies a killed
    process left behind; returns what was deleted."""
    rotating = [b for b in listing(backup_dir) if b.label in ROTATING]
    dropped = [b.path for b in rotating[max(keep, 1):]]
    now = datetime.now().timestamp()
    # A copy takes seconds; one still unfinished after an hour lost its writer (another process
    # may be writing a fresh one right now, so those are left alone).
    dropped += [p for p in backup_dir.glob("*.db.part") if now - p.stat().st_mtime > _STALE_PART_S]
    for path in dropped:
        path.unlink(missing_ok=True)
    return dropped


def take_rotating(db_file: Path, backup_dir: Path, label: str, keep: int) -> Path:
    path = take(db_file, backup_dir, label)
    rotate(backup_dir, keep)
    return path


def take_daily(db_file: Path, backup_dir: Path, keep: int, *, today: datetime | None = None) -> Path | None:
    """A copy unless one was already taken today (of any kind); None when none was needed."""
    if taken_today(backup_dir, today):
        return None
    return take_rotating(db_file, backup_dir, DAILY, keep)


def taken_today(backup_dir: Path, today: datetime | None = None) -> bool:
    """Whether a copy of any kind was taken today."""
    day = (today or datetime.now()).date()
    return any(b.taken.date() == day for b in listing(backup_dir))


def database_problem(db_file: Path) -> str | None:
    """Why the SQLite database cannot be used as it is ("不见了", "是空文件", "已损坏"), or None.

    Only the cheap tests run on every opening: existence, size and the file header. Damage deeper
    inside is reported when SQLite meets it (see `is_corruption`)."""
    if not db_file.exists():
        return "不见了"
    if db_file.stat().st_size == 0:
        return "是空文件"
    with db_file.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return "已损坏（不是 SQLite 数据库文件）"
    return None


def is_corruption(exc: BaseException) -> bool:
    """Whether an error raised by SQLite (directly or through SQLAlchemy) means a damaged file."""
    text = str(exc).lower()
    return any(sign in text for sign in ("malformed", "file is not a database", "disk image", "file is encrypted"))


class DatabaseUnusable(UserError):
    """The workspace's own SQLite database is missing, empty or damaged; `root` is the workspace."""

    def __init__(self, message: str, root: Path) -> None:
        super().__init__(message)
        self.root = root


def refusal(root: Path, db_file: Path, backup_dir: Path, problem: str) -> DatabaseUnusable:
    """The message for a database that cannot be used, naming the newest backup and how to restore it."""
    best = newest(backup_dir)
    if best is None:
        return DatabaseUnusable(f"工作区数据库 {db_file} {problem}，而 {backup_dir} 中没有备份。"
                         "为免数据被空白数据库覆盖，程序不会自动新建。请找回该文件（回收站、U 盘或服务器上的副本）后再打开。", root)
    return DatabaseUnusable(
        f"工作区数据库 {db_file} {problem}。为免数据被空白数据库覆盖，程序不会自动新建。"
        f"最近的备份：{best.describe()}。请在程序打开该工作区时选择“从备份恢复”，"
        f"或运行：materials-review -w \"{root}\" workspace restore", root)


def restore(db_file: Path, backup_dir: Path, backup: Path | None = None) -> tuple[Backup, Path | None]:
    """Put a backup in place of the database (the newest unless `backup` is given).

    The backup is checked first (SQLite's integrity check); the database it replaces, with its WAL
    files, is kept in the backup folder as "before-restore", never deleted. Returns the backup used
    and where the replaced database was kept (None when there was none)."""
    chosen = _chosen(backup_dir, backup)
    check = sqlite3.connect(f"file:{chosen.path}?mode=ro", uri=True)
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError:
        verdict = "not a database"
    finally:
        check.close()
    if verdict != "ok":
        raise UserError(f"备份 {chosen.path.name} 本身已损坏，不能用来恢复。请选择另一份备份。")
    kept: Path | None = None
    if db_file.exists() and db_file.stat().st_size > 0:
        kept = backup_dir / f"{db_file.stem}-{datetime.now():%Y%m%d-%H%M%S-%f}-{BEFORE_RESTORE}.db"
        shutil.move(db_file, kept)
    db_file.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        side = db_file.with_name(db_file.name + suffix)
        if side.exists():
            if kept is not None:
                shutil.move(side, kept.with_name(kept.name + suffix))
            else:
                side.unlink()
    partial = db_file.with_name(db_file.name + ".restoring")
    shutil.copyfile(chosen.path, partial)
    partial.replace(db_file)
    return chosen, kept


def _chosen(backup_dir: Path, backup: Path | None) -> Backup:
    backups = restorable(backup_dir)
    if backup is None:
        if not backups:
            raise UserError(f"{backup_dir} 中没有备份，无法恢复。")
        return backups[0]
    wanted = Path(backup)
    for candidate in backups:
        if candidate.path.name == wanted.name:
            return candidate
    raise UserError(f"在 {backup_dir} 中找不到备份 {wanted.name}。可用的备份：" +
                    "、".join(b.path.name for b in backups[:5]) + ("…" if len(backups) > 5 else ""))
