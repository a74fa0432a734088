"""A leader's private signing key, sealed with the leader's password.

Sealed form (current): ``scrypt-aesgcm$N$r$p$salt$nonce$ciphertext`` (base64 parts). The key's
PKCS#8 bytes are encrypted with AES-256-GCM under a key derived from the password by scrypt at the
cost of the login hashes (`passwords`), so that guessing the password through a copy of the sealed
key costs as much as through the login hash, and a wrong password is told apart from damage.

The form before it, a PKCS#8 PEM encrypted by `cryptography` (PBKDF2-HMAC-SHA256 at 2,048
iterations, 73 times cheaper to attack), is still opened; `reseal_legacy` replaces it at the owner's
next successful login or sign-off, when the password is at hand.

This lives with the accounts, below the signing room, because login re-seals. `cryptography` is
imported only where a key is sealed or opened: every login passes through here, and most logins have
no key to re-seal.
"""
from __future__ import annotations

import base64
import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.workspace import passwords
from review.workspace.db.models import SigningKey, User

SCHEME = "scrypt-aesgcm"
_CONTEXT = b"materials-review signing key"  # bound into the ciphertext (AES-GCM associated data)


class WrongPassword(Exception):
    """The password does not open the sealed key (or the sealed key is damaged)."""


def seal(private_pkcs8: bytes, password: str) -> str:
    """The sealed form of a private key (PKCS#8 DER), at the login hashes' scrypt cost."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    n, r, p = passwords.N, passwords.R, passwords.P
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    ciphertext = AESGCM(_derive(password, salt, n, r, p)).encrypt(nonce, private_pkcs8, _CONTEXT)
    return "$".join([SCHEME, str(n), str(r), str(p), *(base64.b64encode(x).decode("ascii")
                                                       for x in (salt, nonce, ciphertext))])


def unseal(sealed: str, password: str) -> bytes:
    """The private key's PKCS#8 DER bytes, from either sealed form; WrongPassword when it does not open."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if is_legacy(sealed):
        try:
            key = serialization.load_pem_private_key(sealed.encode("ascii"), password.encode("utf-8"))
        except (ValueError, TypeError, UnicodeError) as exc:
            raise WrongPassword from exc
        return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    try:
        scheme, n, r, p, salt, nonce, ciphertext = sealed.split("$")
        if scheme != SCHEME:
            raise ValueError(scheme)
        key = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
        return AESGCM(key).decrypt(base64.b64decode(nonce), base64.b64decode(ciphertext), _CONTEXT)
    except (ValueError, InvalidTag) as exc:
        raise WrongPassword from exc


def is_legacy(sealed: str) -> bool:
    return sealed.lstrip().startswith("-----BEGIN")


def reseal_legacy(key: SigningKey, password: str) -> bool:
    """Seal a key still in the old form anew with `password` (in the caller's transaction); True when it
    was re-sealed. A password that does not open it leaves it as it is."""
    if not is_legacy(key.private_key):
        return False
    try:
        key.private_key = seal(unseal(key.private_key, password), password)
    except WrongPassword:
        return False
    return True


def reseal_user_key(session: Session, user: User, password: str) -> bool:
    """After a successful login: re-seal the user's signing key if it is still in the old form."""
    key = session.scalars(select(SigningKey).where(SigningKey.user_id == user.id)).first()
    return key is not None and reseal_legacy(key, password)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
