"""A summary of the workspace for `status` and the office dashboard, read from the group read model."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from review.assessment.group_state import GroupState, all_group_states
from review.assessment.rollups import city_rollup_from
from review.manual.store import current_edition, current_manual
from review.workspace.folder import Workspace


def workspace_status(workspace: Workspace, groups: Iterable[str] | None = None) -> dict[str, Any]:
    """Settings, manual, and per group its read-model figures; `groups` limits which groups are shown
    (a leader or clerk sees only their own)."""
    settings = workspace.settings()
    window = settings.date_window()
    with workspace.session() as session:
        edition = current_edition(session)
        manual = current_manual(session)
    every = all_group_states(workspace)
    covered = {s.code for state in every for s in state.standards}
    wanted = set(groups) if groups is not None else None
    states = [state for state in every if wanted is None or state.code in wanted]
    material_codes = [s.code for s in manual.material_standards()] if manual else []
    city, rolls = city_rollup_from(manual, states)
    return {
        "workspace": str(workspace.root),
        "city": settings.city,
        "year": settings.year,
        "start_date": settings.start_date.isoformat(),
        "window": {"rule": settings.window.describe(), "begin": window.begin.isoformat(), "end": window.end.isoformat()},
        "manual": ({"title": edition.title, "edition": edition.edition, **manual.counts()} if edition and manual else None),
        "groups": [group_summary(state, roll.to_json()) for state, roll in zip(states, rolls, strict=True)],
        "uncovered_standards": [c for c in material_codes if c not in covered],
        "readiness": city.to_json(),
    }


def group_summary(state: GroupState, roll: dict[str, Any]) -> dict[str, Any]:
    """One group's line of `status`: counts, sign-off, and each standard with what it lacks."""
    missing_files = sorted({f.path for s in state.standards for f in s.files if not f.present})
    return {
        "code": state.code, "name": state.name, "source": state.source, "source_name": state.source_name,
        "standards": len(state.standards), "files": len(state.files), "missing_files": len(missing_files),
        "must_open": len(state.must_open), "waived": len(state.waived_findings),
        "signoff": {"state": state.signoff.state, "state_name": state.signoff.state_name,
                    "version": state.signoff.version, "leader": state.signoff.leader,
                    "signed_at": state.signoff.signed_at, "problem": state.signoff.problem},
        "notes": state.notes,
        "status": roll,
        "items": [{"code": s.code, "title": s.title, "status": s.status, "status_name": s.status_name,
                   "files": [f.path for f in s.present_files], "must_open": len(s.must_open),
                   "should_open": len(s.should_open), "waived": len(s.waived),
                   "shortfalls": [sf.describe() for sf in s.shortfalls],
                   "exception": s.exception.reason if s.exception else None,
                   "waiver": s.waiver.reason if s.waiver else None, "coverage": s.coverage}
                  for s in state.standards],
    }
