"""Schema migrations applied when a workspace is opened.

Before any upgrade a SQLite database is copied into the workspace's `backups/` folder. A database
whose revision this program does not know was written by a newer version and is refused.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from review.errors import UserError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def backup_sqlite(db_file: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live SQLite database consistently (the backup API copes with WAL)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_file.stem}-{stamp}-{label}.db"
    src = sqlite3.connect(db_file)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, *, db_file: Path | None, backup_dir: Path | None, target: str = "heads") -> bool:
    """Bring the schema to `target`; returns True when something was applied."""
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    current = current_revisions(engine)
    unknown = current - known
    if unknown:
        raise UserError(
            f"工作区数据库由更新版本的申报材料审核台写入（数据库版本 {', '.join(sorted(unknown))}），"
            "本程序无法安全打开。请安装最新版本后再打开该工作区。"
        )
    if target == "heads" and current == set(script.get_heads()):
        return False
    if current and db_file is not None and backup_dir is not None and db_file.exists():
        backup_sqlite(db_file, backup_dir, "before-upgrade")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return True
