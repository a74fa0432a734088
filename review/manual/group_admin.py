"""The office's actions on task groups, as one unit of work each: permission checked, audit recorded.
The command line and the desktop both call these."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from review.errors import UserError
from review.manual import assignment
from review.workspace import groups
from review.workspace.audit import record
from review.workspace.folder import Workspace
from review.workspace.permissions import Actor, require


def add_group(workspace: Workspace, actor: Actor, code: str, name: str) -> str:
    """Create a group; returns its code as stored (trimmed)."""
    require(actor, "group.edit")
    with workspace.session() as session:
        group = groups.add_group(session, code, name)
        record(session, actor=actor.name, action="group.add", target=group.code, details={"name": group.name})
        return group.code


def rename_group(workspace: Workspace, actor: Actor, code: str, name: str) -> None:
    require(actor, "group.edit")
    with workspace.session() as session:
        old = groups.get_group(session, code).name
        group = groups.rename_group(session, code, name)
        record(session, actor=actor.name, action="group.rename", target=code, details={"from": old, "to": group.name})


def assign(workspace: Workspace, actor: Actor, code: str, items: Sequence[str], role: str = "lead") -> list[str]:
    """Add `items` to the group's assignments as `role`; returns the codes newly assigned."""
    require(actor, "group.edit")
    with workspace.session() as session:
        added = assignment.assign_items(session, code, list(items), role)
        record(session, actor=actor.name, action="group.assign", target=code, details={"items": list(items), "role": role})
        return added


@dataclass(frozen=True)
class AssignmentChange:
    added: list[str]
    removed: list[str]
    changed: list[str]  # kept, with the other role

    def summary(self) -> str:
        parts = [f"新增 {len(self.added)} 个" if self.added else "", f"取消 {len(self.removed)} 个" if self.removed else "",
                 f"改变分工 {len(self.changed)} 个" if self.changed else ""]
        return "、".join(p for p in parts if p) or "没有变化"


def set_assignments(workspace: Workspace, actor: Actor, code: str, lead: Sequence[str],
                    support: Sequence[str]) -> AssignmentChange:
    """Make the group's assignments exactly `lead` (牵头) and `support` (配合), as ticked in a tree."""
    require(actor, "group.edit")
    overlap = sorted(set(lead) & set(support))
    if overlap:
        raise UserError(f"条目 {'、'.join(overlap)} 不能同时是牵头和配合，请只选一种。")
    with workspace.session() as session:
        group = groups.get_group(session, code)
        before = {item.item_code: item.role for item in group.items}
        wanted = {**dict.fromkeys(lead, "lead"), **dict.fromkeys(support, "support")}
        removed = [c for c in before if c not in wanted]
        if removed:
            assignment.unassign_items(session, code, removed)
        for role, items in (("lead", list(lead)), ("support", list(support))):
            if items:
                assignment.assign_items(session, code, items, role)
        change = AssignmentChange(added=[c for c in wanted if c not in before], removed=removed,
                                  changed=[c for c in wanted if c in before and before[c] != wanted[c]])
        record(session, actor=actor.name, action="group.assign", target=code,
               details={"lead": list(lead), "support": list(support), "removed": removed})
        return change


def load_groups_file(workspace: Workspace, actor: Actor, path: Path) -> int:
    """Groups and their assignments from a YAML, CSV or XLSX file; returns the rows applied."""
    require(actor, "group.edit")
    with workspace.session() as session:
        count = assignment.load_groups_file(session, Path(path))
        record(session, actor=actor.name, action="group.assign", target=str(path), details={"rows": count})
        return count
