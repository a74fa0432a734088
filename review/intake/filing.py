"""Filing paths under a standard, as the desk does when files are dropped on it or a suggestion is
accepted: files the workspace does not know yet are scanned first, then every one is mapped."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from review.changes import Changes
from review.intake.mapping import assign
from review.intake.scan import scan
from review.progress import CancelToken, Progress
from review.workspace.db.models import Material
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.permissions import Actor


@dataclass(frozen=True)
class Filed:
    names: list[str]
    changes: Changes


def map_paths(workspace: Workspace, actor: Actor, group_code: str, item_code: str, paths: Sequence[str],
              progress: Progress | None = None, cancel: CancelToken | None = None,
              source: str = "manual") -> Filed:
    """Map files dropped on a 测评标准, or a file whose suggestion was accepted (`source="suggestion"`,
    as `map --suggested` records it); files the workspace does not know yet are scanned first.

    Returns the names of the files now filed under `item_code`, and what changed.
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
            return Filed([], report.changes)
    mapped = assign(workspace, actor, paths, item_code, group_code=group_code, source=source)  # and the search filter
    codes = frozenset(m.item_code for m in mapped) or frozenset({item_code})  # the manual's spelling, not as typed
    changes = Changes(group_code, standards=codes, files=True,
                      every_standard=bool(unknown))  # new files may have been filed by their names too
    return Filed([Path(p).name for p in paths], changes)
