"""Who may do what. Enforced here, in the services, not only by hiding buttons in the GUI.

Roles: office (文明办) manages the workspace, manual, groups and accounts, imports packages and
produces the submission, and can read every group; leader (组长) reviews, waives and signs for
their own group; clerk (材料员) scans and maps for their own group. A workspace without accounts
runs single-user (scripts, the demo): the local user may do everything except sign, which always
needs a leader account and its key.
"""
from __future__ import annotations

from dataclasses import dataclass

from review.errors import PermissionDenied

ROLE_NAMES = {"office": "文明办", "leader": "组长", "clerk": "材料员"}

# action -> (roles allowed, whether the action is bound to the actor's own group)
ACTIONS: dict[str, tuple[frozenset[str], bool]] = {
    "settings.edit": (frozenset({"office"}), False),
    "manual.edit": (frozenset({"office"}), False),
    "group.edit": (frozenset({"office"}), False),
    "user.edit": (frozenset({"office"}), False),
    "key.import": (frozenset({"office"}), False),
    "package.import": (frozenset({"office"}), False),
    "submission.export": (frozenset({"office"}), False),
    "report.write": (frozenset({"office", "leader"}), False),
    "scan": (frozenset({"leader", "clerk"}), True),
    "map": (frozenset({"leader", "clerk"}), True),
    "review.decide": (frozenset({"leader"}), True),
    "finding.waive": (frozenset({"leader"}), True),
    "signoff": (frozenset({"leader"}), True),
    "package.export": (frozenset({"leader", "clerk"}), True),
    "read.group": (frozenset({"office", "leader", "clerk"}), True),
}

ACTION_NAMES = {
    "settings.edit": "修改工作区设置", "manual.edit": "修改操作手册", "group.edit": "管理工作组",
    "user.edit": "管理账户", "key.import": "登记组长公钥", "package.import": "导入材料包",
    "submission.export": "导出最终申报材料", "report.write": "生成报表", "scan": "扫描材料", "map": "归类材料",
    "review.decide": "审核通过或退回", "finding.waive": "豁免问题", "signoff": "签字确认",
    "package.export": "导出材料包", "read.group": "查看工作组材料",
}


@dataclass(frozen=True)
class Actor:
    """The person acting. `single_user` marks a workspace that has no accounts yet."""

    name: str
    role: str
    group_code: str | None = None
    single_user: bool = False

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


LOCAL_USER = Actor(name="本机用户", role="office", single_user=True)


def allowed(actor: Actor, action: str, group_code: str | None = None) -> bool:
    roles, group_bound = ACTIONS[action]
    if actor.single_user:
        return action != "signoff"
    if actor.role == "office" and action == "read.group":
        return True
    if actor.role not in roles:
        return False
    return not (group_bound and group_code is not None and actor.group_code != group_code)


def require(actor: Actor, action: str, group_code: str | None = None) -> None:
    """Raise PermissionDenied (Chinese, naming the role and the group) unless allowed."""
    if allowed(actor, action, group_code):
        return
    what = ACTION_NAMES.get(action, action)
    if actor.single_user and action == "signoff":
        raise PermissionDenied("签字确认需要本组的组长账户。请先由文明办建立组长账户（角色“组长”，所属本组），再以组长身份登录后签字。")
    roles, group_bound = ACTIONS[action]
    if actor.role in roles and group_bound:
        raise PermissionDenied(f"{actor.role_name}“{actor.name}”只能对本组（{actor.group_code}）{what}，不能操作工作组 {group_code}。")
    needed = "、".join(ROLE_NAMES[r] for r in sorted(roles))
    raise PermissionDenied(f"{actor.role_name}“{actor.name}”无权{what}；此操作需要{needed}账户。")


def readable_group(actor: Actor, group_code: str | None) -> str | None:
    """The group a read of findings, files or progress is limited to; None means every group.

    The office (and the local user of a workspace without accounts) reads every group, or the one
    asked for. A leader or clerk reads only their own group: without a group named they get it,
    naming another group is refused.
    """
    if group_code:
        require(actor, "read.group", group_code)
        return group_code
    if actor.single_user or actor.role == "office":
        return None
    if not actor.group_code:
        raise PermissionDenied(f"{actor.role_name}“{actor.name}”没有所属的工作组，不能查看工作组材料。请文明办为该账户指定工作组。")
    return actor.group_code
