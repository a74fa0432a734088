"""Keeping manual editions in the workspace database; exactly one edition is current."""
from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from review.manual.codes import require_code
from review.manual.model import Manual, manual_from_document
from review.workspace.db.models import ManualEdition


def current_edition(session: Session) -> ManualEdition | None:
    return session.scalars(
        select(ManualEdition).where(ManualEdition.is_current.is_(True)).order_by(ManualEdition.id.desc())
    ).first()


def current_manual(session: Session) -> Manual | None:
    edition = current_edition(session)
    return manual_from_document(edition.document) if edition else None


def store_manual(session: Session, manual: Manual, source: str) -> ManualEdition:
    """Make `manual` the current edition; older editions are kept for history and diffs."""
    session.execute(update(ManualEdition).values(is_current=False))
    edition = ManualEdition(
        title=manual.title, edition=manual.edition, source=source, document=manual.to_document(), is_current=True
    )
    session.add(edition)
    session.flush()
    return edition


def typed_code(session: Session, typed: str, levels: Collection[str] | None = ("standard",), *,
               materials_only: bool = True) -> str:
    """A code typed on the command line, in the current manual's spelling (refused when unknown).

    With `materials_only`, suggestions are limited to the 测评标准 that need materials. Without a
    manual the code is returned as typed, for the command to refuse in its own words.
    """
    manual = current_manual(session)
    if manual is None:
        return typed.strip()
    candidates = [s.code for s in manual.material_standards()] if materials_only else None
    return require_code(manual, typed, levels, candidates)
