"""A person changes their own password. A leader's signing key is encrypted with the password, so it
is re-encrypted with the new one in the same unit of work: the key (and its registered fingerprint)
stays the same."""
from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from review.errors import UserError
from review.signing.keys import key_of, unlock
from review.workspace.accounts import MIN_PASSWORD_LENGTH
from review.workspace.audit import record
from review.workspace.db.models import User
from review.workspace.folder import Workspace
from review.workspace.passwords import hash_password, verify_password
from review.workspace.permissions import Actor


def change_password(workspace: Workspace, actor: Actor, old: str, new: str) -> None:
    if actor.single_user:
        raise UserError("工作区还没有账户，无需密码。请先由文明办建立账户。")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise UserError(f"新密码太短：至少 {MIN_PASSWORD_LENGTH} 个字符。")
    if new == old:
        raise UserError("新密码与原密码相同，请换一个新密码。")
    with workspace.session() as session:
        user = session.scalars(select(User).where(User.name == actor.name)).first()
        if user is None or user.password_hash is None or not verify_password(old, user.password_hash):
            raise UserError(f"“{actor.name}”的原密码不正确，密码未修改。请重新输入原密码。", exit_code=4)
        key = key_of(session, user)
        if key is not None:
            private = unlock(key, old, actor.name)
            key.private_key = private.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(new.encode("utf-8"))).decode("ascii")
        user.password_hash = hash_password(new)
        record(session, actor=actor.name, action="password.change", target=actor.name,
               details={"signing_key": key is not None})
