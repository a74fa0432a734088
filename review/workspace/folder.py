"""A workspace: one folder that holds one campaign.

Layout::

    DIR/workspace.json   marker and optional database URL (for a shared PostgreSQL server)
    DIR/workspace.db     the SQLite database (default)
    DIR/backups/         copies of the database: before every schema upgrade, daily, after every
                         sign-off and package import (review.workspace.backups)
    DIR/cache/           extraction cache keyed by SHA-256 (derived data)
    DIR/search-index/    full-text index (derived data, rebuilt when broken)
    DIR/logs/            the application log
    DIR/locks/           who runs a scan, sign-off or import now (review.workspace.locking; SQLite only)
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from review.errors import UserError
from review.workspace import backups
from review.workspace.db.base import make_engine
from review.workspace.db.migrate import upgrade
from review.workspace.settings import WorkspaceSettings
from review.workspace.settings_store import load_settings, save_settings

MARKER = "workspace.json"
DB_FILE = "workspace.db"
DB_URL_ENV = "MATERIALS_REVIEW_DB_URL"
FORMAT_VERSION = 1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkspacePaths:
    root: Path

    @property
    def marker(self) -> Path:
        return self.root / MARKER

    @property
    def db_file(self) -> Path:
        return self.root / DB_FILE

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def search_index(self) -> Path:
        return self.root / "search-index"

    @property
    def locks(self) -> Path:
        return self.root / "locks"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "materials-review.log"


class Workspace:
    """An open workspace: database engine, settings and folders.

    Use `session()` for one unit of work (one user action): it commits on success and rolls back
    on any error, so a failed action leaves the database as it was.
    """

    def __init__(self, root: Path, engine: Engine, db_url: str) -> None:
        self.root = root
        self.paths = WorkspacePaths(root)
        self.engine = engine
        self.db_url = db_url
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        root: Path,
        settings: WorkspaceSettings,
        *,
        db_url: str | None = None,
    ) -> Workspace:
        root = check_new_folder(root)
        paths = WorkspacePaths(root)
        try:
            root.mkdir(parents=True, exist_ok=True)
            paths.marker.write_text(
                json.dumps({"format": FORMAT_VERSION, "db_url": db_url}, ensure_ascii=False, indent=2),
                encoding="utf-8",
            )
        except OSError as exc:
            raise UserError(f"无法在 {root} 新建工作区：{exc.strerror}。请检查该文件夹是否可写。") from exc
        workspace = cls.open(root, db_url=db_url, new=True)
        with workspace.session() as session:
            save_settings(session, settings)
        return workspace

    @classmethod
    def open(cls, root: Path, *, db_url: str | None = None, new: bool = False) -> Workspace:
        """Open the workspace in `root`, upgrading its schema if needed.

        Only `create` passes `new`: a SQLite workspace whose database is missing, empty or damaged
        is refused with the newest backup and how to restore it, never silently started afresh.
        """
        root = Path(root).resolve()
        paths = WorkspacePaths(root)
        if not paths.marker.exists():
            raise UserError(
                f"{root} 不是申报材料审核台的工作区（缺少 {MARKER}）。"
                "请选择正确的文件夹，或在这里新建一个工作区。"
            )
        try:
            marker = json.loads(paths.marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"工作区标记文件 {paths.marker} 已损坏，无法读取。请从备份恢复该文件。") from exc
        if int(marker.get("format", 0)) > FORMAT_VERSION:
            raise UserError(f"工作区 {root} 由更新版本的申报材料审核台创建，请升级本软件后再打开。")
        url = db_url or os.environ.get(DB_URL_ENV) or marker.get("db_url") or f"sqlite:///{paths.db_file}"
        for folder in (paths.backups, paths.cache, paths.logs, paths.locks):
            folder.mkdir(exist_ok=True)
        is_sqlite = url.startswith("sqlite")
        own_file = is_sqlite and url == f"sqlite:///{paths.db_file}"
        if own_file and not new:
            problem = backups.database_problem(paths.db_file)
            if problem:
                raise backups.refusal(root, paths.db_file, paths.backups, problem)
        engine = make_engine(url)
        try:
            upgrade(engine, db_file=paths.db_file if is_sqlite else None, backup_dir=paths.backups)
        except UserError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            log.exception("opening workspace %s failed", root)
            if own_file and backups.is_corruption(exc):
                raise backups.refusal(root, paths.db_file, paths.backups, "已损坏") from exc
            raise UserError(f"无法打开工作区数据库（{_describe_url(url)}）：{exc.__class__.__name__}。"
                            "请确认数据库文件未被占用且未损坏，必要时从 backups 文件夹恢复。") from exc
        workspace = cls(root, engine, url)
        if own_file and not new:
            workspace.backup(backups.DAILY, daily=True)
        return workspace

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- units of work -------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- backups -------------------------------------------------------------------------------
    @property
    def backs_up_itself(self) -> bool:
        """Whether this program keeps the backups: a SQLite database in the workspace folder.
        A shared PostgreSQL server is backed up on the server."""
        return self.db_url == f"sqlite:///{self.paths.db_file}"

    def backup(self, label: str, *, daily: bool = False) -> Path | None:
        """Take a rotating backup (`daily`: only if none was taken today); None when none was taken.

        A failed backup is logged, never fatal: the work it follows has already been saved."""
        if not self.backs_up_itself:
            return None
        try:
            if daily and backups.taken_today(self.paths.backups):
                return None  # nearly every opening: no need to read the settings
            keep = self.settings().backup_keep
            if daily:
                return backups.take_daily(self.paths.db_file, self.paths.backups, keep)
            return backups.take_rotating(self.paths.db_file, self.paths.backups, label, keep)
        except Exception:
            log.exception("backup %s of %s failed", label, self.root)
            return None

    # -- settings ------------------------------------------------------------------------------
    def settings(self) -> WorkspaceSettings:
        with self.session() as session:
            return load_settings(session)

    def save_settings(self, settings: WorkspaceSettings) -> None:
        with self.session() as session:
            save_settings(session, settings)


def check_new_folder(root: Path) -> Path:
    """The resolved folder a new workspace may be created in: empty or not there yet."""
    root = Path(root).resolve()
    if WorkspacePaths(root).marker.exists():
        raise UserError(f"文件夹 {root} 已经是一个工作区，请直接打开，或换一个空文件夹新建。")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise UserError(f"文件夹 {root} 不是空的。请选择一个空文件夹来新建工作区，以免与其他文件混在一起。")
    return root


def _describe_url(url: str) -> str:
    """The URL without a password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url
