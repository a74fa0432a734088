"""Review decisions per 测评标准: 待审核 → 通过 / 退回 → (resubmitted) 待审核 → …

A decision is never edited: each 通过 or 退回 adds a row with the files it covered and their
SHA-256, so the table is the history. The effective state of a requirement is derived by
comparing its latest decision with the materials mapped to it now:

- no decision yet                                    → 待审核
- 退回, and the files are still the same             → 退回
- 退回, and a file was added, removed or changed      → 待审核 (resubmitted)
- 通过, and every covered file is unchanged           → 通过
- 通过, and any file changed, disappeared, was added
  or was removed since                                → 已变更, naming each file
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from review.intake.mapping import FiledMaterial, mapped_materials, material_label
from review.manual.assignment import group_standard_codes
from review.workspace.db.models import Decision, Group
from review.workspace.groups import get_group

VERDICTS = {"approve": "通过", "return": "退回"}
STATE_NAMES = {"pending": "待审核", "approved": "通过", "returned": "退回", "changed": "已变更"}
CHANGE_NAMES = {"changed": "内容已改动", "missing": "文件缺失", "added": "新增文件", "removed": "已移出"}


@dataclass(frozen=True)
class ChangedFile:
    """A file whose state differs from what the latest decision covered."""

    path: str
    change: str  # changed | missing | added | removed

    @property
    def change_name(self) -> str:
        return CHANGE_NAMES[self.change]

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "change": self.change, "change_name": self.change_name}


@dataclass
class ReviewState:
    """The effective state of one requirement of a group."""

    code: str
    state: str  # pending | approved | returned | changed
    decision: Decision | None
    changed_files: list[ChangedFile] = field(default_factory=list)

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]

    @property
    def resubmitted(self) -> bool:
        """Returned earlier and the materials have changed since: waiting for a new review."""
        return self.state == "pending" and self.decision is not None and self.decision.verdict == "return"

    def to_json(self) -> dict[str, object]:
        d = self.decision
        return {
            "code": self.code, "state": self.state, "state_name": self.state_name, "resubmitted": self.resubmitted,
            "decision": decision_json(d) if d else None,
            "changed_files": [c.to_json() for c in self.changed_files],
        }


def decision_json(decision: Decision) -> dict[str, object]:
    return {
        "code": decision.item_code, "verdict": decision.verdict, "verdict_name": VERDICTS[decision.verdict],
        "by": decision.decided_by, "at": decision.decided_at.isoformat(), "comment": decision.comment,
        "files": [{"path": f.rel_path, "size": f.size, "sha256": f.sha256} for f in decision.files],
    }


def compare_files(decision: Decision, materials: list[FiledMaterial]) -> list[ChangedFile]:
    """What differs between the files a decision covered and the materials mapped now."""
    current = {m.id: m for m in materials}
    covered = {f.material_id for f in decision.files if f.material_id is not None}
    out: list[ChangedFile] = []
    for recorded in decision.files:
        material = current.get(recorded.material_id) if recorded.material_id is not None else None
        if material is None:
            out.append(ChangedFile(recorded.rel_path, "removed"))
        elif material.status != "present":
            out.append(ChangedFile(material_label(material), "missing"))
        elif material.sha256 != recorded.sha256:
            out.append(ChangedFile(material_label(material), "changed"))
    out.extend(ChangedFile(material_label(m), "added") for m in materials if m.id not in covered)
    return out


def effective_state(code: str, decision: Decision | None, materials: list[FiledMaterial]) -> ReviewState:
    if decision is None:
        return ReviewState(code, "pending", None)
    changes = compare_files(decision, materials)
    if decision.verdict == "return":
        return ReviewState(code, "pending" if changes else "returned", decision, changes)
    return ReviewState(code, "changed" if changes else "approved", decision, changes)


def latest_decisions(session: Session, group: Group) -> dict[str, Decision]:
    latest: dict[str, Decision] = {}
    query = (select(Decision).where(Decision.group_id == group.id).order_by(Decision.id)
             .options(selectinload(Decision.files)))
    for decision in session.scalars(query):
        latest[decision.item_code] = decision
    return latest


def standard_reviews(session: Session, group_code: str) -> dict[str, ReviewState]:
    """Every 材料审核 requirement of the group, in manual order, with its effective state."""
    group = get_group(session, group_code)
    return reviews_of(session, group, group_standard_codes(session, group), mapped_materials(session, group))


def reviews_of(session: Session, group: Group, codes: list[str],
               materials: dict[str, list[FiledMaterial]]) -> dict[str, ReviewState]:
    """`standard_reviews` for a caller that has the group's standards and mapped materials at hand."""
    latest = latest_decisions(session, group)
    return {code: effective_state(code, latest.get(code), materials.get(code, [])) for code in codes}


def history(session: Session, group_code: str, item_code: str) -> list[Decision]:
    """All decisions on one requirement of a group, oldest first."""
    group = get_group(session, group_code)
    query = (select(Decision).where(Decision.group_id == group.id, Decision.item_code == item_code)
             .order_by(Decision.id).options(selectinload(Decision.files)))
    return list(session.scalars(query))
