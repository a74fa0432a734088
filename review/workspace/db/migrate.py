"""Schema migrations applied when a workspace is opened.

Before any upgrade a SQLite database is copied into the workspace's `backups/` folder. A database
whose revision this program does not know was written by a newer version and is refused.

Alembic is loaded only when something has to be migrated: opening a workspace whose schema is at
`SCHEMA_HEAD` (nearly every time) reads one row and does not pay for Alembic's start-up.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from review.errors import UserError
from review.workspace import backups

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration (the `revision` of the last script in migrations/versions); a test keeps it
# equal to Alembic's head.
SCHEMA_HEAD = "0303"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def head_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def upgrade(engine: Engine, *, db_file: Path | None, backup_dir: Path | None, target: str = "heads") -> bool:
    """Bring the schema to `target`; returns True when something was applied."""
    if target == "heads" and _stored_revisions(engine) == {SCHEMA_HEAD}:
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

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
        backups.take(db_file, backup_dir, backups.BEFORE_UPGRADE)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return True


def _stored_revisions(engine: Engine) -> set[str]:
    """The revisions recorded in the database; empty for a new database (no version table yet)."""
    try:
        with engine.connect() as conn:
            return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except (OperationalError, ProgrammingError):
        return set()
