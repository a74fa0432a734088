"""The sign-off manifest as bytes: canonical JSON, its Ed25519 signature, and parsing what was signed.

The manifest is canonical JSON (sorted keys, no spaces, UTF-8) naming every covered file with its
relative path, size, SHA-256 and the standards it is mapped to, the state of each standard as the
leader saw it (format 2), the decisions, the exceptions the leader listed, waivers and the
findings, and the head of the audit chain. Format 1 manifests (no per-standard state) are still read.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from review.errors import UserError
from review.signing.keys import verify_signature

MANIFEST_FORMAT = "materials-review-signoff"
MANIFEST_VERSION = 2


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def verify_manifest(manifest_bytes: bytes, signature: bytes, public_key: Any) -> bool:
    """True when `signature` is the Ed25519 signature of exactly these bytes by `public_key`
    (an Ed25519PublicKey, PEM text/bytes or the raw 32 bytes)."""
    return verify_signature(manifest_bytes, signature, public_key)


def parse_manifest(manifest_bytes: bytes) -> dict[str, Any]:
    """The manifest as a dict; UserError when it is not a manifest this program understands."""
    try:
        data = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeError, ValueError) as exc:
        raise UserError("签字清单（manifest）已损坏，无法读取。") from exc
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise UserError("签字清单（manifest）格式不对，不是申报材料审核台生成的。")
    if int(data.get("format_version", 0)) > MANIFEST_VERSION:
        raise UserError("签字清单由更新版本的软件生成，请先升级本软件。")
    files = data.get("files")
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("sha256"), str)
        and isinstance(f.get("size"), int) and isinstance(f.get("requirements"), list) for f in files
    ):
        raise UserError("签字清单中的文件列表格式不对（每个文件须有 path、size、sha256、requirements）。")
    for key in ("group", "manual", "leader", "signed_at", "version", "requirements"):
        if key not in data:
            raise UserError(f"签字清单缺少必需的字段“{key}”。")
    if not isinstance(data["group"], dict) or not isinstance(data["group"].get("code"), str) \
            or not isinstance(data["manual"], dict) or not isinstance(data["version"], int) \
            or not isinstance(data["requirements"], list) or not isinstance(data["signed_at"], str):
        raise UserError("签字清单中工作组、手册、版本、条目或签字时间的格式不对。")
    return data

