"""Workspace settings in the database: one row per key (see review.workspace.settings for the values).

Kept apart from `review.workspace.settings` so that code needing only the values (the rules, in worker
processes) does not import the database layer.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.workspace.db.models import Setting
from review.workspace.settings import WorkspaceSettings


def load_settings(session: Session) -> WorkspaceSettings:
    rows = {row.key: row.value for row in session.scalars(select(Setting))}
    return WorkspaceSettings.from_rows(rows)


def save_settings(session: Session, settings: WorkspaceSettings) -> None:
    for key, value in settings.to_rows().items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        elif row.value != value:
            row.value = value
