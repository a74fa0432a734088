"""The leader's private key is sealed with scrypt at the login hashes' cost; a key sealed the old way
(PBKDF2, 2,048 iterations) still signs and is sealed anew at the next login or sign-off."""
from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from review.assessment.approval import decide
from review.errors import UserError
from review.handover.signoff import sign_off
from review.signing.keys import fingerprint, public_pem, unlock
from review.signing.manifest import verify_manifest
from review.signing.verification import signoff_status
from review.workspace import passwords
from review.workspace.accounts import actor_of, login
from review.workspace.db.models import SigningKey, User
from review.workspace.folder import Workspace
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace

LEADER = "张组长"


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path / "ws")
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)", "Ⅲ-1-2)"])
    leader = login(workspace, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(workspace, leader, "XC", code, "approve", "")
    yield workspace
    workspace.close()


def stored_key(ws: Workspace) -> SigningKey:
    with ws.session() as session:
        user = session.scalars(select(User).where(User.name == LEADER)).one()
        key = session.scalars(select(SigningKey).where(SigningKey.user_id == user.id)).one()
        session.expunge(key)
        return key


def give_old_style_key(ws: Workspace, password: str) -> Ed25519PrivateKey:
    """The leader's key as earlier versions stored it: PKCS#8 PEM under cryptography's
    BestAvailableEncryption (PBKDF2-HMAC-SHA256, 2,048 iterations)."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(password.encode("utf-8"))).decode("ascii")
    with ws.session() as session:
        user = session.scalars(select(User).where(User.name == LEADER)).one()
        session.add(SigningKey(user_id=user.id, public_key=public_pem(private.public_key()), private_key=pem,
                               fingerprint=fingerprint(private.public_key())))
    return private


def sealed_cost(key: SigningKey) -> tuple[str, int, int, int]:
    scheme, n, r, p, *_ = key.private_key.split("$")
    return scheme, int(n), int(r), int(p)


def login_without_reseal(ws: Workspace):
    """Who is acting, found without `login` (which would re-seal the key itself)."""
    with ws.session() as session:
        return actor_of(session, session.scalars(select(User).where(User.name == LEADER)).one())


def sign(ws: Workspace):
    return sign_off(ws, login(ws, LEADER, PASSWORDS[LEADER]), PASSWORDS[LEADER], "XC")


def test_a_new_key_is_sealed_with_scrypt_at_the_login_cost(ws: Workspace) -> None:
    row = sign(ws)
    key = stored_key(ws)
    assert sealed_cost(key) == ("scrypt-aesgcm", passwords.N, passwords.R, passwords.P)
    assert passwords.N >= 2**14
    assert "BEGIN" not in key.private_key
    assert verify_manifest(row.manifest, row.signature, key.public_key)
    with pytest.raises(UserError, match="无法用所给密码解开“张组长”的签名密钥"):
        unlock(key, "not-the-password", LEADER)


def test_an_old_key_still_signs_and_is_sealed_anew_at_sign_off(ws: Workspace) -> None:
    old = give_old_style_key(ws, PASSWORDS[LEADER])
    row = sign_off(ws, login_without_reseal(ws), PASSWORDS[LEADER], "XC")
    key = stored_key(ws)
    assert sealed_cost(key)[0] == "scrypt-aesgcm"
    assert key.fingerprint == fingerprint(old.public_key())  # the same key: the office's registration holds
    assert verify_manifest(row.manifest, row.signature, old.public_key())
    assert signoff_status(ws, "XC").state == "valid"
    assert unlock(key, PASSWORDS[LEADER], LEADER).private_bytes_raw() == old.private_bytes_raw()


def test_an_old_key_is_sealed_anew_at_login_only_with_the_right_password(ws: Workspace) -> None:
    old = give_old_style_key(ws, PASSWORDS[LEADER])
    with pytest.raises(UserError):
        login(ws, LEADER, "wrong-password")
    assert stored_key(ws).private_key.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    login(ws, LEADER, PASSWORDS[LEADER])
    key = stored_key(ws)
    assert sealed_cost(key) == ("scrypt-aesgcm", passwords.N, passwords.R, passwords.P)
    assert unlock(key, PASSWORDS[LEADER], LEADER).private_bytes_raw() == old.private_bytes_raw()
    row = sign(ws)
    assert verify_manifest(row.manifest, row.signature, old.public_key())
