"""The leader's decision on one 测评标准: 通过 (approve) or 退回 (return).

Approval is gated by the group read model: it is refused while the standard has no material, a
material is missing or not yet scanned, or an open 必须修改 finding sits on the standard or on one
of its files (the completeness rule's findings among them). The files' current state is looked at
and the findings are brought up to date first, so the gate never reads stale findings.
"""
from __future__ import annotations

from dataclasses import dataclass

from review.assessment.decisions import VERDICTS
from review.assessment.group_state import group_state
from review.changes import Changes
from review.errors import UserError
from review.intake.mapping import mapped_materials, material_label
from review.intake.scan import rescan_known
from review.manual.assignment import group_standard_codes
from review.manual.store import current_manual
from review.workspace.audit import record
from review.workspace.db.models import Decision, DecisionFile
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.locking import Waiting
from review.workspace.permissions import Actor, require

MAX_LISTED = 8


@dataclass(frozen=True)
class Decided:
    decision: Decision
    changes: Changes


def decide(workspace: Workspace, actor: Actor, group_code: str, item_code: str, verdict: str,
           comment: str = "", wait: Waiting | None = None) -> Decided:
    """Record 通过 (approve) or 退回 (return, comment required) for one standard of a group.

    An approval first looks at the group's files under the group's lock: busy (a scan, or the desk's
    own re-check) it is refused with `WorkspaceBusy`, or waited for when `wait` is given."""
    if verdict not in VERDICTS:
        raise UserError(f"审核结论“{verdict}”无效，只能是 approve（通过）或 return（退回）。")
    require(actor, "review.decide", group_code)
    comment = (comment or "").strip()
    item_code = _own_code(workspace, group_code, item_code)
    if verdict == "return" and not comment:
        raise UserError(f"退回条目 {item_code} 必须写明原因：写明需要补充或修改的内容。")
    if verdict == "approve":
        rescan_known(workspace, actor, group_code, wait=wait)
        standard = group_state(workspace, group_code, checked=True).standard(item_code)
        blockers = standard.approval_blockers() if standard else ["不是本组的条目"]
        if blockers:
            listed = "；".join(blockers[:MAX_LISTED]) + (f"；另有 {len(blockers) - MAX_LISTED} 项" if
                                                        len(blockers) > MAX_LISTED else "")
            raise UserError(f"条目 {item_code} 不能审核通过：{listed}。请修改材料后重新扫描，"
                            "或对确属合理的问题写明理由予以豁免，再审核通过；也可以退回给材料员。")
    with workspace.session() as session:
        group = get_group(session, group_code)
        materials = mapped_materials(session, group).get(item_code, [])
        decision = Decision(
            group_id=group.id, item_code=item_code, verdict=verdict, comment=comment, decided_by=actor.name,
            files=[DecisionFile(material_id=m.id, rel_path=material_label(m), size=m.size, sha256=m.sha256 or "")
                   for m in materials],
        )
        session.add(decision)
        record(session, actor=actor.name, action=f"review.{verdict}", target=f"{group_code} {item_code}",
               details={"comment": comment, "files": [material_label(m) for m in materials]})
        session.flush()
        _ = decision.files  # loaded now: the caller uses it after the session closes
        return Decided(decision, Changes(group_code, standards=frozenset({item_code})))


def _own_code(workspace: Workspace, group_code: str, item_code: str) -> str:
    """The manual's spelling of a code the group owns; refuses others with the group's list."""
    with workspace.session() as session:
        group = get_group(session, group_code)
        manual = current_manual(session)
        codes = group_standard_codes(session, group, manual) if manual else []
        code = (manual.resolve_code(item_code, ("standard",)) if manual else None) or item_code
        if code not in codes:
            raise UserError(f"条目 {item_code} 不是工作组 {group_code} 负责的材料审核条目。"
                            f"本组的条目：{'、'.join(codes) or '（尚未分配）'}。")
        return code
