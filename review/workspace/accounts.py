"""Local accounts: creation, password login with a lock-out delay, and who is acting.

A workspace without accounts runs single-user (see review.workspace.permissions). Once an account exists,
every action needs a user name and password: prompted, or from MATERIALS_REVIEW_PASSWORD.
"""
from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from review.errors import UserError
from review.workspace.audit import record
from review.workspace.db.base import utcnow
from review.workspace.db.models import Group, User
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.passwords import hash_password, verify_password
from review.workspace.permissions import LOCAL_USER, ROLE_NAMES, Actor, require
from review.workspace.sealed_keys import reseal_user_key

PASSWORD_ENV = "MATERIALS_REVIEW_PASSWORD"
FREE_ATTEMPTS = 3
MIN_PASSWORD_LENGTH = 6

PasswordSource = Callable[[str], str]


def env_or_prompt(prompt: str) -> str:
    """The password from the environment, else asked on the terminal without echo."""
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value

    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"需要密码，但没有可交互的终端。请设置环境变量 {PASSWORD_ENV} 后重试。")
    return getpass.getpass(prompt)


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count(User.id)).where(User.password_hash.is_not(None))))


def actor_of(session: Session, user: User) -> Actor:
    group_code = None
    if user.group_id is not None:

        group = session.get(Group, user.group_id)
        group_code = group.code if group else None
    return Actor(name=user.name, role=user.role, group_code=group_code)


def lockout_delay(failures: int) -> timedelta:
    """No wait for the first attempts, then 30 s doubling up to 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return timedelta(seconds=min(30 * 2 ** (failures - FREE_ATTEMPTS), 900))


def login(workspace: Workspace, name: str, password: str) -> Actor:
    """Check a password; failed attempts are counted and, past a few, delay the next try."""

    with workspace.session() as session:
        user = session.scalars(select(User).where(User.name == name)).first()
        now = utcnow()
        if user is not None and user.locked_until is not None:
            locked_until = user.locked_until if user.locked_until.tzinfo else user.locked_until.replace(tzinfo=now.tzinfo)
            if locked_until > now:
                wait = int((locked_until - now).total_seconds()) + 1
                raise UserError(f"账户“{name}”因多次密码错误暂时锁定，请 {wait} 秒后再试。", exit_code=4)
        if user is None or user.password_hash is None or not verify_password(password, user.password_hash):
            if user is not None:
                user.failed_logins += 1
                delay = lockout_delay(user.failed_logins)
                user.locked_until = now + delay if delay else None
            record(session, actor=name, action="login.failed", target=name, details={})
            session.commit()
            raise UserError(f"用户名或密码错误（{name}）。请检查后重试；连续错误多次后账户会暂时锁定。", exit_code=4)
        user.failed_logins = 0
        user.locked_until = None
        reseal_user_key(session, user, password)
        return actor_of(session, user)


def resolve_actor(workspace: Workspace, name: str | None, ask: PasswordSource = env_or_prompt) -> Actor:
    with workspace.session() as session:
        accounts = has_accounts(session)
    if not accounts:
        return LOCAL_USER
    if not name:
        raise UserError("该工作区已启用账户，请用 --user 指定用户名（密码交互输入或取自环境变量 "
                        f"{PASSWORD_ENV}）。")
    return login(workspace, name, ask(f"请输入“{name}”的密码："))


def create_user(
    workspace: Workspace, actor: Actor, name: str, role: str, password: str, group_code: str | None = None
) -> User:

    require(actor, "user.edit")
    name = name.strip()
    _check_role(role, group_code)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"密码太短：至少 {MIN_PASSWORD_LENGTH} 个字符。")
    with workspace.session() as session:
        if session.scalars(select(User).where(User.name == name)).first() is not None:
            raise UserError(f"账户“{name}”已存在，请换一个用户名。")
        group_id = get_group(session, group_code).id if group_code else None
        user = User(name=name, role=role, group_id=group_id, password_hash=hash_password(password))
        session.add(user)
        record(session, actor=actor.name, action="user.add", target=name,
               details={"role": role, "group": group_code})
        session.flush()
        return user


def change_role(workspace: Workspace, actor: Actor, name: str, role: str, group_code: str | None = None) -> None:
    """Give an existing account another role and/or group (the office only). The last office account
    keeps its role: without one nobody could manage the workspace any more."""
    require(actor, "user.edit")
    _check_role(role, group_code)
    with workspace.session() as session:
        user = session.scalars(select(User).where(User.name == name)).first()
        if user is None:
            raise UserError(f"账户“{name}”不存在。请刷新账户列表后再试。")
        if user.role == "office" and role != "office":
            offices = session.scalar(select(func.count(User.id)).where(User.role == "office"))
            if offices <= 1:
                raise UserError(f"“{name}”是唯一的文明办账户，不能改为{ROLE_NAMES[role]}：否则没有人能管理工作区。"
                                "请先新建另一个文明办账户。")
        user.role = role
        user.group_id = get_group(session, group_code).id if role != "office" and group_code else None
        record(session, actor=actor.name, action="user.edit", target=name,
               details={"role": role, "group": group_code if role != "office" else None})


def _check_role(role: str, group_code: str | None) -> None:
    if role not in ROLE_NAMES:
        raise UserError(f"角色“{role}”无效，只能是 office（文明办）、leader（组长）或 clerk（材料员）。")
    if role in ("leader", "clerk") and not group_code:
        raise UserError(f"{ROLE_NAMES[role]}账户必须指定所属的工作组。")


def create_first_admin(workspace: Workspace, name: str, ask: PasswordSource = env_or_prompt) -> User:
    """`init --admin NAME`: the office account of a new workspace."""
    with workspace.session() as session:
        if has_accounts(session):
            raise UserError("工作区已有账户，请用 `user add` 添加新账户。")
    password = ask(f"请为文明办账户“{name}”设置密码：")
    return create_user(workspace, LOCAL_USER, name, "office", password)


def list_users(workspace: Workspace) -> list[dict[str, object]]:

    with workspace.session() as session:
        rows = session.execute(
            select(User, Group.code).outerjoin(Group, User.group_id == Group.id).order_by(User.role, User.name)
        ).all()
        return [{"name": u.name, "role": u.role, "role_name": ROLE_NAMES.get(u.role, u.role), "group": code}
                for u, code in rows]
