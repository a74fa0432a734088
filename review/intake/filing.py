"""Filing paths under a standard, as the desk does when files are dropped on it or a suggestion is
accepted: files the workspace does not know yet are scanned first, then every one is mapped."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from review.intake.mapping import assign
from review.intake.scan import scan
from review.progress import CancelToken, Progress
from review.workspace.db.models import Material
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.permissions import Actor


def map_paths(workspace: Workspace, actor: Actor, group_code: str, item_code: str, paths: Sequence[str],
              progress: Progress | None = None, cancel: CancelToken | None = None,
              source: str = "manual") -> list[str]:
    """Map files dropped on a 测评标准, or a file whose suggestion was accepted (`source="suggestion"`,
    as `map --suggested` records it); files the workspace does not know yet are scanned first.

    Returns the names of the files now mapped to `item_code`.
    """
    paths = [os.path.abspath(p) for p in paths]
    with workspace.session() as session:
        group = get_group(session, group_code)
        known = set(session.scalars(select(Material.path).where(Material.group_id == group.id,
                                                                 Material.path.in_(paths))))
    unknown = [Path(p) for p in paths if p not in known]
    if unknown:
        report = scan(workspace, actor, group_code, unknown, progress=progress, cancel=cancel)
        if report.cancelled:
            return []
    assign(workspace, actor, paths, item_code, group_code=group_code, source=source)  # and the search filter
    return [Path(p).name for p in paths]
