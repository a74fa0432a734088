"""Whether a group's sign-off still holds: its signature verified, its files compared with the group's
current materials. Any change after signing shows as 已失效 with the list of differences."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from review.errors import UserError
from review.intake.mapping import FiledMaterial, mapped_materials, material_label
from review.manual.assignment import group_standard_codes
from review.signing.keys import fingerprint, format_fingerprint, load_public_key
from review.signing.manifest import Manifest, ManifestAuditHead, ManifestFile, verify_manifest
from review.workspace.db.models import Group, SigningKey, Signoff
from review.workspace.folder import Workspace
from review.workspace.groups import get_group

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
    covered: dict[str, list[str]] = field(default_factory=dict)  # signed standard → the paths signed for it
    exceptions: dict[str, str] = field(default_factory=dict)  # standard → the leader's note when signing
    manifest_sha256: str = ""  # SHA-256 of the signed manifest's bytes
    # The audit chain's head the signature anchors (`audit verify` checks the chain against it);
    # None before format 2 or when the signature does not hold. `.short` is what the 签字表 prints.
    audit_anchor: ManifestAuditHead | None = None

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
            "audit_anchor": anchor_json(self.audit_anchor),
        }


def anchor_json(anchor: ManifestAuditHead | None) -> dict[str, object] | None:
    """What the read model and the reports say of an audit anchor: entry, full and short hash."""
    return {"seq": anchor.seq, "hash": anchor.hash, "short": anchor.short} if anchor else None


def signed_anchor(manifest: Manifest) -> ManifestAuditHead | None:
    return manifest.audit_head if manifest.audit_head.seq and manifest.audit_head.hash else None


# -- the group's files as they are now -----------------------------------------------------------
@dataclass(frozen=True)
class CurrentFile(ManifestFile):
    """A material mapped to the group's standards now, shaped like a signed file; not `present` when
    the file can no longer be found."""

    present: bool = True


def current_files(session: Session, group: Group, codes: Iterable[str]) -> list[CurrentFile]:
    """Materials mapped to the group's requirements, in path order, each with its codes sorted."""
    wanted = set(codes)
    by_material: dict[int, tuple[FiledMaterial, list[str]]] = {}
    for code, materials in mapped_materials(session, group).items():
        if code not in wanted:
            continue
        for m in materials:
            by_material.setdefault(m.id, (m, []))[1].append(code)
    out = [CurrentFile(material_label(m), m.size, m.sha256 or "", tuple(sorted(found)), m.status == "present")
           for m, found in by_material.values()]
    return sorted(out, key=lambda f: f.path)


def diff_files(signed: Sequence[ManifestFile], now: Sequence[ManifestFile]) -> list[Difference]:
    """Differences between signed files and another list (current files or a newer package's)."""
    before = {f.path: f for f in signed}
    after = {f.path: f for f in now}
    out: list[Difference] = []
    for path, old in before.items():
        new = after.get(path)
        if new is None:
            out.append(Difference(path, "removed", "签字后被移出或不再归类到本组条目"))
        elif isinstance(new, CurrentFile) and not new.present:
            out.append(Difference(path, "missing", "签字后文件找不到了"))
        elif new.sha256 != old.sha256 or new.size != old.size:
            out.append(Difference(path, "changed", f"SHA-256 由 {old.sha256[:12]}… 变为 {new.sha256[:12]}…，"
                                                   f"大小 {old.size} → {new.size} 字节"))
        elif sorted(new.requirements) != sorted(old.requirements):
            out.append(Difference(path, "remapped", f"原归类 {'、'.join(old.requirements)}，"
                                                    f"现归类 {'、'.join(new.requirements)}"))
    out.extend(Difference(path, "added", f"归类到 {'、'.join(new.requirements)}")
               for path, new in after.items() if path not in before)
    return out


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
        return signoff_status_in(session, get_group(session, group_code), version)


def signoff_status_in(session: Session, group: Group, version: int | None = None) -> SignoffStatus:
    """`signoff_status` inside the caller's unit of work."""
    row = load_signoff(session, group.code, version)
    if row is None:
        return SignoffStatus(group.code, "none")
    latest = session.scalar(select(func.max(Signoff.version)).where(Signoff.group_id == group.id))
    status = SignoffStatus(group.code, "valid", version=row.version,
                           signed_at=row.signed_at.isoformat(timespec="seconds"), leader=row.leader,
                           fingerprint=row.fingerprint, latest_version=latest,
                           manifest_sha256=hashlib.sha256(row.manifest).hexdigest())
    problem = signature_problem(session, row)
    manifest: Manifest | None = None
    if not problem:
        try:
            manifest = Manifest.from_bytes(row.manifest)
        except UserError as exc:
            problem = exc.message
    if manifest is not None and manifest.group.code != group.code:
        problem = f"签字清单属于工作组 {manifest.group.code}，不是 {group.code}"
    if problem or manifest is None:
        status.state, status.problem = "invalid", problem
        return status
    status.signed_at = manifest.signed_at
    status.covered = manifest.covered_paths()
    status.exceptions = {e.code: e.reason for e in manifest.exceptions}
    status.audit_anchor = signed_anchor(manifest)
    codes = set(manifest.requirements) | set(group_standard_codes(session, group))
    status.differences = diff_files(manifest.files, current_files(session, group, codes))
    if status.differences:
        status.state = "stale"
    return status
