"""Group sign-off (组长签字确认): a manifest of exact bytes, signed with the leader's Ed25519 key.

The manifest is canonical JSON (sorted keys, no spaces, UTF-8) naming every covered file with its
relative path, size, SHA-256 and the requirements it is mapped to, plus the decisions, the
exceptions the leader listed, waivers and open findings, and the head of the audit chain. The
exact manifest bytes and the signature are stored; each sign-off is a new version and old ones
are kept. `signoff_status` verifies the signature and compares the manifest with the group's
current materials, so any change after signing shows as 已失效 with the list of differences.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from review.audit import HEAD_KEY, record
from review.db.base import utcnow
from review.db.models import Group, Setting, SigningKey, Signoff, User
from review.decisions import (
    decision_json,
    latest_decisions,
    mapped_materials,
    material_label,
    requirement_states,
)
from review.errors import UserError
from review.findings import findings_for_manifest, requirement_waivers
from review.groups import get_group, group_standard_codes
from review.keys import ensure_key, fingerprint, format_fingerprint, load_public_key, unlock, verify_signature
from review.manual.store import current_edition
from review.passwords import verify_password
from review.permissions import Actor, require
from review.settings_store import load_settings
from review.workspace import Workspace

MANIFEST_FORMAT = "materials-review-signoff"
MANIFEST_VERSION = 1

STATE_NAMES = {"none": "未签字", "valid": "有效", "stale": "已失效", "invalid": "签名无效"}
DIFFERENCE_NAMES = {"changed": "内容已改动", "missing": "文件缺失", "added": "新增文件", "removed": "已移出",
                    "remapped": "归类已改变"}


@dataclass(frozen=True)
class Difference:
    """One way the group's materials differ from a signed manifest."""

    path: str
    kind: str  # changed | missing | added | removed | remapped
    detail: str

    @property
    def kind_name(self) -> str:
        return DIFFERENCE_NAMES[self.kind]

    def describe(self) -> str:
        return f"{self.kind_name}：{self.path}（{self.detail}）"

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind, "kind_name": self.kind_name, "detail": self.detail}


@dataclass
class SignoffStatus:
    group_code: str
    state: str  # none | valid | stale | invalid
    version: int | None = None
    signed_at: str | None = None
    leader: str | None = None
    fingerprint: str | None = None
    differences: list[Difference] = field(default_factory=list)
    latest_version: int | None = None
    problem: str = ""

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]

    def to_json(self) -> dict[str, object]:
        return {
            "group": self.group_code, "state": self.state, "state_name": self.state_name, "version": self.version,
            "latest_version": self.latest_version, "signed_at": self.signed_at, "leader": self.leader,
            "fingerprint": self.fingerprint,
            "fingerprint_display": format_fingerprint(self.fingerprint) if self.fingerprint else None,
            "problem": self.problem, "differences": [d.to_json() for d in self.differences],
        }


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


# -- the group's files as they are now -----------------------------------------------------------
def current_files(session: Session, group: Group, codes: Iterable[str]) -> list[dict[str, Any]]:
    """Materials mapped to the group's requirements, shaped like manifest entries plus `status`."""
    wanted = set(codes)
    by_material: dict[int, dict[str, Any]] = {}
    for code, materials in mapped_materials(session, group).items():
        if code not in wanted:
            continue
        for m in materials:
            entry = by_material.setdefault(m.id, {"path": material_label(m), "size": m.size,
                                                  "sha256": m.sha256 or "", "requirements": [],
                                                  "status": m.status})
            entry["requirements"].append(code)
    out = sorted(by_material.values(), key=lambda e: e["path"])
    for entry in out:
        entry["requirements"].sort()
    return out


def diff_files(signed: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[Difference]:
    """Differences between signed manifest entries and another list (current files or a newer package)."""
    before = {f["path"]: f for f in signed}
    after = {f["path"]: f for f in now}
    out: list[Difference] = []
    for path, old in before.items():
        new = after.get(path)
        if new is None:
            out.append(Difference(path, "removed", "签字后被移出或不再归类到本组条目"))
        elif new.get("status", "present") != "present":
            out.append(Difference(path, "missing", "签字后文件找不到了"))
        elif new["sha256"] != old["sha256"] or new["size"] != old["size"]:
            out.append(Difference(path, "changed", f"SHA-256 由 {old['sha256'][:12]}… 变为 {new['sha256'][:12]}…，"
                                                   f"大小 {old['size']} → {new['size']} 字节"))
        elif sorted(new["requirements"]) != sorted(old["requirements"]):
            out.append(Difference(path, "remapped", f"原归类 {'、'.join(old['requirements'])}，"
                                                    f"现归类 {'、'.join(new['requirements'])}"))
    out.extend(Difference(path, "added", f"归类到 {'、'.join(new['requirements'])}")
               for path, new in after.items() if path not in before)
    return out


# -- signing -------------------------------------------------------------------------------------
def sign_off(
    workspace: Workspace,
    actor: Actor,
    password: str,
    group_code: str,
    exceptions: Mapping[str, str] | None = None,
    waivers: Mapping[str, str] | None = None,
    findings: list[dict[str, Any]] | None = None,
) -> Signoff:
    """Sign the group's current state as a new version.

    Allowed when every requirement is 通过, waived (`waivers`: code → reason) or listed in
    `exceptions` (code → reason, shown to the office). `findings` are the open findings to record.
    Left out, waivers and findings are taken from the workspace (review.findings).
    """
    require(actor, "signoff", group_code)
    with workspace.session() as session:
        if waivers is None:
            waivers = requirement_waivers(session, group_code)
        if findings is None:
            findings = findings_for_manifest(session, group_code)
    exceptions, waivers = dict(exceptions or {}), dict(waivers or {})
    with workspace.session() as session:
        user = session.scalars(select(User).where(User.name == actor.name)).first()
        if user is None or user.password_hash is None or not verify_password(password, user.password_hash):
            raise UserError(f"“{actor.name}”的密码不正确，无法签字。请输入组长账户的密码后重试。", exit_code=4)
        group = get_group(session, group_code)
        states = requirement_states(session, group_code)
        if not states:
            raise UserError(f"工作组 {group_code} 还没有需要提交材料的条目，无需签字。请先由文明办分配条目。")
        _check_notes(exceptions, states, "例外")
        _check_notes(waivers, states, "豁免")
        blocked = [f"{code}（{s.state_name}）" for code, s in states.items()
                   if s.state != "approved" and code not in exceptions and code not in waivers]
        if blocked:
            raise UserError(f"以下条目尚未审核通过，不能签字：{'、'.join(blocked)}。请先审核通过，"
                            "或用 --exception 条目=原因 列为例外（文明办会看到）。")
        files = current_files(session, group, states)
        missing = [f["path"] for f in files if f["status"] != "present"]
        if missing:
            raise UserError(f"以下文件已缺失：{'、'.join(missing)}。请重新扫描或取消其归类后再签字。")
        paths = [f["path"] for f in files]
        duplicates = sorted({p for p in paths if paths.count(p) > 1})
        if duplicates:
            raise UserError(f"多个文件的相对路径相同：{'、'.join(duplicates)}。请重命名其中之一并重新扫描后再签字。")
        key = ensure_key(session, user, password)
        private = unlock(key, password, user.name)
        version = (session.scalar(select(func.max(Signoff.version)).where(Signoff.group_id == group.id)) or 0) + 1
        signed_at = utcnow()
        manifest = _manifest(session, group, actor.name, signed_at.isoformat(timespec="seconds"), version,
                             files, exceptions, waivers, findings or [])
        data = canonical_bytes(manifest)
        row = Signoff(group_id=group.id, version=version, signed_at=signed_at, leader=actor.name,
                      fingerprint=key.fingerprint, public_key=key.public_key, manifest=data,
                      signature=private.sign(data))
        session.add(row)
        record(session, actor=actor.name, action="signoff", target=group_code,
               details={"version": version, "files": len(files), "fingerprint": key.fingerprint,
                        "manifest_sha256": hashlib.sha256(data).hexdigest(), "exceptions": exceptions})
        session.flush()
        return row


def _check_notes(notes: dict[str, str], states: Mapping[str, Any], what: str) -> None:
    unknown = [code for code in notes if code not in states]
    if unknown:
        raise UserError(f"{what}条目不属于本组：{'、'.join(unknown)}。本组的条目：{'、'.join(states)}。")
    blank = [code for code, reason in notes.items() if not reason.strip()]
    if blank:
        raise UserError(f"{what}条目必须写明原因：{'、'.join(blank)}，例如 --exception {blank[0]}=原因")


def _manifest(session: Session, group: Group, leader: str, signed_at: str, version: int,
              files: list[dict[str, Any]], exceptions: dict[str, str], waivers: dict[str, str],
              findings: list[dict[str, Any]]) -> dict[str, Any]:
    edition = current_edition(session)
    head = session.get(Setting, HEAD_KEY)
    codes = group_standard_codes(session, group)
    decisions = latest_decisions(session, group)
    return {
        "format": MANIFEST_FORMAT,
        "format_version": MANIFEST_VERSION,
        "city": load_settings(session).city,
        "group": {"code": group.code, "name": group.name},
        "manual": {"title": edition.title if edition else "", "edition": edition.edition if edition else ""},
        "leader": leader,
        "signed_at": signed_at,
        "version": version,
        "requirements": codes,
        "files": [{k: f[k] for k in ("path", "size", "sha256", "requirements")} for f in files],
        "decisions": [{k: v for k, v in decision_json(decisions[c]).items() if k != "files"}
                      for c in codes if c in decisions],
        "exceptions": [{"code": c, "reason": r.strip()} for c, r in sorted(exceptions.items())],
        "waivers": [{"code": c, "reason": r.strip()} for c, r in sorted(waivers.items())],
        "findings": findings,
        "audit_head": dict(head.value) if head is not None and head.value else {"seq": 0, "hash": ""},
    }


# -- checking ------------------------------------------------------------------------------------
def signoff_versions(session: Session, group_code: str) -> list[Signoff]:
    group = get_group(session, group_code)
    return list(session.scalars(select(Signoff).where(Signoff.group_id == group.id).order_by(Signoff.version)))


def load_signoff(session: Session, group_code: str, version: int | None = None) -> Signoff | None:
    """The given version of a group's sign-off, or the latest; UserError for a version that does not exist."""
    versions = signoff_versions(session, group_code)
    if version is None:
        return versions[-1] if versions else None
    for row in versions:
        if row.version == version:
            return row
    known = "、".join(str(r.version) for r in versions) or "无"
    raise UserError(f"工作组 {group_code} 没有第 {version} 版签字（已有版本：{known}）。")


def signature_problem(session: Session, row: Signoff) -> str:
    """Why a stored sign-off cannot be trusted, or "" when its signature is good."""
    try:
        key = load_public_key(row.public_key)
    except UserError as exc:
        return exc.message
    if fingerprint(key) != row.fingerprint:
        return "签字记录中的公钥与指纹不符"
    known = session.scalars(select(SigningKey).where(SigningKey.fingerprint == row.fingerprint)).first()
    if known is None:
        return f"签名密钥 {format_fingerprint(row.fingerprint)[:19]}… 不是本工作区任何组长的密钥"
    if not verify_manifest(row.manifest, row.signature, key):
        return "签名与签字清单不符：清单或签名在签字后被改动"
    return ""


def signoff_status(workspace: Workspace, group_code: str, version: int | None = None) -> SignoffStatus:
    """Verify a sign-off (latest by default) and compare it with the group's current materials."""
    with workspace.session() as session:
        group = get_group(session, group_code)
        row = load_signoff(session, group_code, version)
        if row is None:
            return SignoffStatus(group_code, "none")
        latest = session.scalar(select(func.max(Signoff.version)).where(Signoff.group_id == group.id))
        status = SignoffStatus(group_code, "valid", version=row.version,
                               signed_at=row.signed_at.isoformat(timespec="seconds"), leader=row.leader,
                               fingerprint=row.fingerprint, latest_version=latest)
        problem = signature_problem(session, row)
        manifest: dict[str, Any] | None = None
        if not problem:
            try:
                manifest = parse_manifest(row.manifest)
            except UserError as exc:
                problem = exc.message
        if manifest is not None and manifest["group"].get("code") != group_code:
            problem = f"签字清单属于工作组 {manifest['group'].get('code')}，不是 {group_code}"
        if problem or manifest is None:
            status.state, status.problem = "invalid", problem
            return status
        status.signed_at = manifest["signed_at"]
        codes = set(manifest["requirements"]) | set(group_standard_codes(session, group))
        status.differences = diff_files(manifest["files"], current_files(session, group, codes))
        if status.differences:
            status.state = "stale"
        return status
