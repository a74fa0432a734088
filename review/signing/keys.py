"""Leaders' Ed25519 signing keys and the public-key files the office registers.

A leader's key pair is made the first time it is needed (first sign-off or `key export`). The
private key is stored in the database sealed with the leader's password (scrypt at the login
hashes' cost, AES-GCM; see review.workspace.sealed_keys), so that a copied database alone cannot
sign and guessing the password through it is no cheaper than through the login hash. The public key travels as a small JSON file holding the PEM
text, its owner and group, and a fingerprint (SHA-256 of the raw 32-byte key) that the office
reads back over the phone in groups of four characters.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.errors import UserError
from review.workspace.audit import record
from review.workspace.db.models import Group, RegisteredKey, SigningKey, User
from review.workspace.folder import Workspace
from review.workspace.groups import ensure_group, get_group
from review.workspace.permissions import Actor, require
from review.workspace.sealed_keys import WrongPassword, reseal_legacy, seal, unseal

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# `cryptography` is imported inside the functions that use keys: the group read model (every `status`)
# imports this module, and a group that never signed needs no key.

KEY_FILE_FORMAT = "materials-review-public-key"
KEY_FILE_VERSION = 1
MAX_KEY_FILE_BYTES = 64 * 1024


def raw_public_bytes(public_key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, lower-case hex (64 characters)."""
    return hashlib.sha256(raw_public_bytes(public_key)).hexdigest()


def format_fingerprint(value: str) -> str:
    """“3F2A 91C0 …”: upper case in groups of four, easy to read aloud."""
    text = value.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def public_pem(public_key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public_key(data: Ed25519PublicKey | bytes | str) -> Ed25519PublicKey:
    """A public key from PEM text/bytes or the raw 32 bytes; UserError if it is not an Ed25519 key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if isinstance(data, Ed25519PublicKey):
        return data
    raw = data.encode("ascii") if isinstance(data, str) else data
    try:
        if len(raw) == 32:
            return Ed25519PublicKey.from_public_bytes(raw)
        key = serialization.load_pem_public_key(raw)
    except (ValueError, TypeError) as exc:
        raise UserError("公钥内容无法识别：应为 Ed25519 公钥（PEM 格式）。请让组长重新导出公钥文件。") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise UserError("公钥不是 Ed25519 类型。请让组长用本软件重新导出公钥文件（“报送”菜单 › 导出公钥，或命令 key export）。")
    return key


def verify_signature(data: bytes, signature: bytes, public_key: Ed25519PublicKey | bytes | str) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        load_public_key(public_key).verify(signature, data)
    except (InvalidSignature, UserError):
        return False
    return True


# -- a leader's own key --------------------------------------------------------------------------
def key_of(session: Session, user: User) -> SigningKey | None:
    return session.scalars(select(SigningKey).where(SigningKey.user_id == user.id)).first()


def ensure_key(session: Session, user: User, password: str) -> SigningKey:
    """The user's key, made now (encrypted with `password`) if the user has none yet."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    existing = key_of(session, user)
    if existing is not None:
        return existing
    private = Ed25519PrivateKey.generate()
    key = SigningKey(
        user_id=user.id,
        public_key=public_pem(private.public_key()),
        private_key=seal(private.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()), password),
        fingerprint=fingerprint(private.public_key()),
    )
    session.add(key)
    session.flush()
    return key


def unlock(key: SigningKey, password: str, owner: str) -> Ed25519PrivateKey:
    """Decrypt a stored private key; a wrong password is a UserError naming the owner. A key still
    sealed the old way is sealed anew (in the caller's transaction)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        private = serialization.load_der_private_key(unseal(key.private_key, password), None)
    except (WrongPassword, ValueError, TypeError) as exc:
        raise UserError(f"无法用所给密码解开“{owner}”的签名密钥。请输入该组长账户的密码后重试。",
                        exit_code=4) from exc
    reseal_legacy(key, password)
    if not isinstance(private, Ed25519PrivateKey):
        raise UserError(f"“{owner}”的签名密钥类型不对，无法签字。请联系技术支持。")
    return private


# -- public-key files ------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyFile:
    """What a public-key file says: whose key, for which group, and the key itself."""

    owner: str
    group_code: str
    fingerprint: str
    public_key_pem: str
    group_name: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "format": KEY_FILE_FORMAT, "version": KEY_FILE_VERSION, "owner": self.owner,
            "group": self.group_code, "group_name": self.group_name, "fingerprint": self.fingerprint,
            "fingerprint_display": format_fingerprint(self.fingerprint), "public_key": self.public_key_pem,
        }


def write_key_file(key_file: KeyFile, out: Path) -> None:
    text = json.dumps(key_file.to_json(), ensure_ascii=False, indent=2) + "\n"
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"无法写入公钥文件 {out}：{exc.strerror}。请换一个可写的位置。") from exc


def read_key_file(path: Path) -> KeyFile:
    """Parse and check a public-key file; the fingerprint must match the key inside."""
    try:
        if path.stat().st_size > MAX_KEY_FILE_BYTES:
            raise UserError(f"{path.name} 太大，不是本软件导出的公钥文件。")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"无法读取公钥文件 {path}：{exc.strerror}。请检查路径。") from exc
    except (ValueError, UnicodeError) as exc:
        raise UserError(f"{path.name} 不是有效的公钥文件（内容不是 JSON）。请让组长用本软件重新导出公钥文件（“报送”菜单 › 导出公钥，或命令 key export）。") from exc
    if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
        raise UserError(f"{path.name} 不是申报材料审核台的公钥文件。请让组长用本软件重新导出公钥文件（“报送”菜单 › 导出公钥，或命令 key export）。")
    if int(data.get("version", 0)) > KEY_FILE_VERSION:
        raise UserError(f"{path.name} 由更新版本的软件导出，请先升级本软件。")
    owner, group_code, pem = (str(data.get(k) or "") for k in ("owner", "group", "public_key"))
    if not owner or not group_code or not pem:
        raise UserError(f"{path.name} 缺少所有者、工作组或公钥内容。请让组长重新导出。")
    key = load_public_key(pem)
    actual = fingerprint(key)
    if str(data.get("fingerprint", "")).lower() != actual:
        raise UserError(f"{path.name} 中的指纹与公钥不符，文件可能被改动。请让组长重新导出并电话核对指纹。")
    return KeyFile(owner=owner, group_code=group_code, fingerprint=actual, public_key_pem=public_pem(key),
                   group_name=str(data.get("group_name") or ""))


def registered_key(session: Session, fingerprint_hex: str) -> RegisteredKey | None:
    return session.scalars(select(RegisteredKey).where(RegisteredKey.fingerprint == fingerprint_hex)).first()


def register_key(session: Session, key_file: KeyFile, registered_by: str, *,
                 create_group: bool = False) -> tuple[RegisteredKey, bool]:
    """Register a leader's public key; returns (row, newly added). Re-registering is harmless.

    The key's group must exist here: it is refused with the next step, or created from the key
    file's code and name when `create_group` says the office confirmed it.
    """
    ensure_group(session, key_file.group_code, key_file.group_name, create=create_group, source="公钥文件",
                 actor=registered_by)
    existing = registered_key(session, key_file.fingerprint)
    if existing is not None:
        return existing, False
    row = RegisteredKey(fingerprint=key_file.fingerprint, owner=key_file.owner, group_code=key_file.group_code,
                        public_key=key_file.public_key_pem, registered_by=registered_by)
    session.add(row)
    session.flush()
    return row, True


# -- the two ends of the hand-over (command line and desktop) ----------------------------------------
def export_public_key(workspace: Workspace, actor: Actor, password: str, out: Path) -> KeyFile:
    """Write the leader's public-key file to `out` (the key pair is made now, encrypted with
    `password`, if the leader has none yet)."""
    if actor.role != "leader" or actor.single_user:
        raise UserError(f"只有组长有签名密钥；“{actor.name}”是{actor.role_name}账户。请用组长账户登录后再导出公钥。")
    with workspace.session() as session:
        user = session.scalars(select(User).where(User.name == actor.name)).one()
        key = ensure_key(session, user, password)
        group = get_group(session, actor.group_code or "")
        key_file = KeyFile(owner=actor.name, group_code=group.code, fingerprint=key.fingerprint,
                           public_key_pem=key.public_key, group_name=group.name)
        write_key_file(key_file, out)
        record(session, actor=actor.name, action="key.export", target=str(out),
               details={"fingerprint": key.fingerprint})
    return key_file


def key_group_exists(workspace: Workspace, key_file: KeyFile) -> bool:
    """Whether the group a key file names is in this workspace (else registering it creates the
    group, once the office confirmed it)."""
    with workspace.session() as session:
        return session.scalars(select(Group.id).where(Group.code == key_file.group_code)).first() is not None


def import_public_key(workspace: Workspace, actor: Actor, key_file: KeyFile, *,
                      create_group: bool = False) -> bool:
    """The office registers a leader's public key (read with `read_key_file`); returns whether it is
    new (registering a key again changes nothing)."""
    require(actor, "key.import")
    with workspace.session() as session:
        _, added = register_key(session, key_file, actor.name, create_group=create_group)
        if added:
            record(session, actor=actor.name, action="key.import", target=key_file.owner,
                   details={"group": key_file.group_code, "fingerprint": key_file.fingerprint})
    return added
