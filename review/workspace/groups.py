"""Task groups (创建工作组): who they are; which manual items each owns is review.manual.assignment."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.errors import UserError
from review.workspace.audit import record
from review.workspace.db.models import Group, User


@dataclass
class GroupSummary:
    code: str
    name: str
    leaders: list[str]
    clerks: list[str]
    lead_items: list[str]
    support_items: list[str]

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code, "name": self.name, "leaders": self.leaders, "clerks": self.clerks,
            "lead_items": self.lead_items, "support_items": self.support_items,
        }


def get_group(session: Session, code: str) -> Group:
    group = session.scalars(select(Group).where(Group.code == code)).first()
    if group is None:
        known = "、".join(session.scalars(select(Group.code).order_by(Group.code))) or "（尚无工作组）"
        raise UserError(f"没有编号为“{code}”的工作组。已有的工作组：{known}。")
    return group


def add_group(session: Session, code: str, name: str) -> Group:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise UserError("工作组的编号和名称都不能为空，例如编号 XC、名称 宣传组。")
    if session.scalars(select(Group).where(Group.code == code)).first() is not None:
        raise UserError(f"工作组“{code}”已存在，请换一个编号。")
    group = Group(code=code, name=name)
    session.add(group)
    session.flush()
    return group


def rename_group(session: Session, code: str, name: str) -> Group:
    """Give group `code` a new name; its code, accounts, assignments and materials stay."""
    name = name.strip()
    if not name:
        raise UserError(f"工作组 {code} 的新名称不能为空。")
    group = get_group(session, code)
    group.name = name
    session.flush()
    return group


def ensure_group(session: Session, code: str, name: str, *, create: bool, source: str, actor: str) -> Group:
    """The group `code`, created with `name` when `create` (the office confirmed it); otherwise a group
    this workspace does not have is refused with the next step. `source` names what asked for it."""
    group = session.scalars(select(Group).where(Group.code == code)).first()
    if group is not None:
        return group
    label = f"{code}（{name}）" if name else code
    if not create:
        raise UserError(f"本工作区还没有工作组 {label}。请先新建该工作组（在“工作组”中添加，或运行 group add {code} "
                        f"{name or '组名'}），或确认按{source}新建：命令行加 --create-group。")
    group = add_group(session, code, name or code)
    record(session, actor=actor, action="group.add", target=code, details={"name": name or code, "from": source})
    return group


def summaries(session: Session) -> list[GroupSummary]:
    out = []
    for group in session.scalars(select(Group).order_by(Group.code)):
        users = session.scalars(select(User).where(User.group_id == group.id).order_by(User.name)).all()
        out.append(GroupSummary(
            code=group.code, name=group.name,
            leaders=[u.name for u in users if u.role == "leader"],
            clerks=[u.name for u in users if u.role == "clerk"],
            lead_items=[gi.item_code for gi in group.items if gi.role == "lead"],
            support_items=[gi.item_code for gi in group.items if gi.role == "support"],
        ))
    return out
