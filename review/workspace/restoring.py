"""Putting a backup in place of a workspace's database, recorded in the restored audit trail."""
from __future__ import annotations

from pathlib import Path

from review.workspace import backups
from review.workspace.audit import record
from review.workspace.folder import Workspace, WorkspacePaths

# Who restored, when the database could not be opened to log in: whoever sits at this PC.
UNKNOWN_RESTORER = "本机（数据库无法打开时恢复）"


def restore_workspace(root: Path, backup: Path | None = None, *, actor_name: str | None = None
                      ) -> tuple[backups.Backup, Path | None]:
    """Restore `backup` (default: the newest) into the workspace at `root`; see backups.restore.

    The caller decides who may: the office on a sound database, anyone on one that cannot be opened
    (`actor_name` None)."""
    paths = WorkspacePaths(Path(root).resolve())
    used, kept = backups.restore(paths.db_file, paths.backups, backup)
    with Workspace.open(paths.root) as workspace, workspace.session() as session:
        record(session, actor=actor_name or UNKNOWN_RESTORER, action="workspace.restore", target=used.path.name,
               details={"replaced": kept.name if kept else None})
    return used, kept
