"""A summary of the workspace for `status` and the start page."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from review.db.models import Group, Material
from review.manual.store import current_edition, current_manual
from review.readiness import city_rollup_from, requirement_statuses
from review.workspace import Workspace


def workspace_status(workspace: Workspace) -> dict[str, Any]:
    settings = workspace.settings()
    window = settings.date_window()
    with workspace.session() as session:
        edition = current_edition(session)
        manual = current_manual(session)
        groups_out = []
        covered: set[str] = set()
        by_group = []
        for group in session.scalars(select(Group).order_by(Group.code)):
            statuses = requirement_statuses(session, group, manual) if manual else []  # one per standard it owns
            by_group.append((group, statuses))
            covered.update(s.code for s in statuses)
            counts = dict(session.execute(
                select(Material.status, func.count(Material.id)).where(Material.group_id == group.id)
                .group_by(Material.status)
            ).all())
            groups_out.append({
                "code": group.code, "name": group.name, "standards": len(statuses),
                "files": int(sum(counts.values())), "missing_files": int(counts.get("missing", 0)),
            })
        material_codes = [s.code for s in manual.material_standards()] if manual else []
        city, rolls = city_rollup_from(manual, by_group)
        for entry, roll in zip(groups_out, rolls, strict=True):
            entry["status"] = roll.to_json()
    return {
        "workspace": str(workspace.root),
        "city": settings.city,
        "year": settings.year,
        "start_date": settings.start_date.isoformat(),
        "window": {"rule": settings.window.describe(), "begin": window.begin.isoformat(), "end": window.end.isoformat()},
        "manual": ({"title": edition.title, "edition": edition.edition, **manual.counts()} if edition and manual else None),
        "groups": groups_out,
        "uncovered_standards": [c for c in material_codes if c not in covered],
        "readiness": city.to_json(),
    }
