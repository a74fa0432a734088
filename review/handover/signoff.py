"""Group sign-off (组长签字确认): a manifest of exact bytes, signed with the leader's Ed25519 key.

The manifest is canonical JSON (sorted keys, no spaces, UTF-8) naming every covered file with its
relative path, size, SHA-256 and the requirements it is mapped to, plus the decisions, the
exceptions the leader listed, waivers and open findings, and the audit chain's anchor (its head
and the short hash of every entry since the previous sign-off; see review.signing.audit_anchors). The
exact manifest bytes and the signature are stored; each sign-off is a new version and old ones
are kept. `signoff_status` verifies the signature and compares the manifest with the group's
current materials, so any change after signing shows as 已失效 with the list of differences.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from review.assessment.decisions import VERDICTS, latest_decisions
from review.assessment.group_state import (
    FileRef,
    GroupState,
    StandardState,
    describe_finding,
    local_group_state,
)
from review.checking.findings import FindingView
from review.errors import UserError
from review.intake.scan import rescan_known
from review.manual.codes import match_code
from review.manual.store import current_edition, current_manual
from review.signing.audit_anchors import anchor_now
from review.signing.keys import ensure_key, unlock
from review.signing.manifest import (
    Manifest,
    ManifestDecision,
    ManifestFile,
    ManifestFinding,
    ManifestGroup,
    ManifestManual,
    ManifestNote,
    ManifestReview,
    ManifestStandard,
)
from review.workspace import backups
from review.workspace.audit import record
from review.workspace.db.base import utcnow
from review.workspace.db.models import Decision, Group, Signoff, User
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.locking import Waiting, group_scope, operation_lock
from review.workspace.passwords import verify_password
from review.workspace.permissions import Actor, require
from review.workspace.settings_store import load_settings

MAX_LISTED = 10


def sign_off(workspace: Workspace, actor: Actor, password: str, group_code: str,
             exceptions: Mapping[str, str] | None = None, *, wait: Waiting | None = None) -> Signoff:
    """Sign the group's current state as a new version.

    The files are hashed again and the findings brought up to date first. Allowed when every
    standard is 合格 or 豁免, or listed in `exceptions` (code → the leader's note, shown to the office),
    and no 必须修改 finding is open: fixed, or waived with a reason. The one must-fix an exception
    covers is the completeness finding of a standard that has no material at all (缺失).
    A scan or another sign-off of the group at the same time is refused, or waited for with `wait`.
    """
    require(actor, "signoff", group_code)
    with workspace.session() as session:
        user = session.scalars(select(User).where(User.name == actor.name)).first()
        if user is None or user.password_hash is None or not verify_password(password, user.password_hash):
            raise UserError(f"“{actor.name}”的密码不正确，无法签字。请输入组长账户的密码后重试。", exit_code=4)
    with operation_lock(workspace, group_scope(group_code), f"签字确认工作组 {group_code}", actor.name, wait):
        rescan_known(workspace, actor, group_code, rehash=True)
        signed = _signed(workspace, actor, password, group_code, exceptions)
    workspace.backup(backups.AFTER_SIGNOFF)
    return signed


def _signed(workspace: Workspace, actor: Actor, password: str, group_code: str,
            exceptions: Mapping[str, str] | None) -> Signoff:
    with workspace.session() as session:
        group = get_group(session, group_code)
        state = local_group_state(session, group, current_manual(session))
        notes = _own_notes(state, dict(exceptions or {}))
        _refuse_unsignable(state, notes)
        files = _manifest_files(state)
        user = session.scalars(select(User).where(User.name == actor.name)).one()
        key = ensure_key(session, user, password)
        private = unlock(key, password, user.name)
        version = (session.scalar(select(func.max(Signoff.version)).where(Signoff.group_id == group.id)) or 0) + 1
        signed_at = utcnow()
        manifest = _manifest(session, group, state, actor.name, signed_at.isoformat(timespec="seconds"), version,
                             files, notes)
        data = manifest.to_bytes()
        row = Signoff(group_id=group.id, version=version, signed_at=signed_at, leader=actor.name,
                      fingerprint=key.fingerprint, public_key=key.public_key, manifest=data,
                      signature=private.sign(data))
        session.add(row)
        record(session, actor=actor.name, action="signoff", target=group_code,
               details={"version": version, "files": len(files), "fingerprint": key.fingerprint,
                        "manifest_sha256": hashlib.sha256(data).hexdigest(), "exceptions": notes})
        session.flush()
        return row


def _own_notes(state: GroupState, notes: dict[str, str]) -> dict[str, str]:
    """The leader's exception notes keyed by the manual's spelling of each code, each with a reason."""
    out: dict[str, str] = {}
    for typed, reason in notes.items():
        code = typed if state.standard(typed) else _resolve(state, typed)
        if code is None:
            raise UserError(f"例外条目 {typed} 不属于本组。本组的条目：{'、'.join(s.code for s in state.standards)}。")
        if not reason.strip():
            raise UserError(f"例外条目 {code} 必须写明原因，例如：材料待补充，预计某月某日前提交。")
        out[code] = reason.strip()
    return out


def _resolve(state: GroupState, typed: str) -> str | None:
    found = match_code([s.code for s in state.standards], typed)
    return found[0] if len(found) == 1 else None


def signing_blockers(state: GroupState, notes: Mapping[str, str]) -> list[str]:
    """Why the group cannot be signed with these exception notes (empty when it can)."""
    if not state.standards:
        return ["本组还没有需要提交材料的条目，请先由文明办分配条目"]
    out = []
    for s in state.standards:
        if s.status not in ("approved", "waived") and s.code not in notes:
            out.append(f"{s.code}（{s.status_name}）尚未审核通过，也未写明例外原因")
        missing = [f.path for f in s.files if not f.present]
        if missing:
            out.append(f"{s.code} 的材料已找不到：{'、'.join(missing)}")
    seen: set[str] = set()
    for s in state.standards:
        for finding in s.must_open:
            if finding.fingerprint in seen or _covered_by_note(s, finding, notes):
                continue
            seen.add(finding.fingerprint)
            out.append(f"{s.code} {describe_finding(finding)}")
    return out


def _covered_by_note(standard: StandardState, finding: FindingView, notes: Mapping[str, str]) -> bool:
    """The completeness finding of a standard with no material is what the leader's exception explains."""
    return standard.code in notes and standard.status == "missing" and finding.scope in ("requirement", "") \
        and finding.item_code == standard.code


EXCEPTION_KINDS = {"exception": "例外", "waived_standard": "豁免条目", "waived_finding": "豁免问题",
                   "open_suggestion": "保留的建议修改"}


@dataclass(frozen=True)
class SignedException:
    """One thing a signature covers that is not simply 合格: what, under which standards, and why."""

    kind: str  # exception | waived_standard | waived_finding | open_suggestion
    codes: tuple[str, ...]  # the standards it concerns
    note: str = ""  # the leader's note or the waiver's reason
    by: str = ""
    status_name: str = ""  # of the standard, for an exception
    finding: FindingView | None = None

    @property
    def kind_name(self) -> str:
        return EXCEPTION_KINDS[self.kind]

    def describe(self) -> str:
        if self.kind == "exception":
            return f"例外 {self.codes[0]}（{self.status_name}）：{self.note}"
        if self.kind == "waived_standard":
            return f"豁免条目 {self.codes[0]}：{self.note}（{self.by}）"
        assert self.finding is not None
        if self.kind == "waived_finding":
            return f"豁免问题 {describe_finding(self.finding)}：{self.note}（{self.by}）"
        return f"保留的建议修改 {describe_finding(self.finding)}"


def signed_exception_list(state: GroupState, notes: Mapping[str, str]) -> list[SignedException]:
    """Every exception a signature with these notes covers: standards not 合格 with the leader's note,
    waived standards and findings with their reasons, and 建议修改 findings left open."""
    out = []
    for s in state.standards:
        if s.code in notes:
            out.append(SignedException("exception", (s.code,), notes[s.code], status_name=s.status_name))
        if s.waiver:
            out.append(SignedException("waived_standard", (s.code,), s.waiver.reason, s.waiver.by))
    for f in state.waived_findings:
        out.append(SignedException("waived_finding", _codes_of(state, f), f.waiver_reason or "", f.waived_by or "",
                                   finding=f))
    for f in state.open_findings:
        if f.severity == "should":
            out.append(SignedException("open_suggestion", _codes_of(state, f), finding=f))
    return out


def signed_exceptions(state: GroupState, notes: Mapping[str, str]) -> list[str]:
    """`signed_exception_list` as the dialog, the CLI and the 签字表 list them, one line each."""
    return [e.describe() for e in signed_exception_list(state, notes)]


def signed_notes(state: GroupState) -> dict[str, str]:
    """The exception notes the group's current signature carries (standard → the leader's note)."""
    return {s.code: s.exception.reason for s in state.standards if s.exception}


def _codes_of(state: GroupState, finding: FindingView) -> tuple[str, ...]:
    return tuple(s.code for s in state.standards
                 if any(f.fingerprint == finding.fingerprint for f in (*s.open, *s.waived)))


def _refuse_unsignable(state: GroupState, notes: Mapping[str, str]) -> None:
    blockers = signing_blockers(state, notes)
    if not blockers:
        return
    listed = "；".join(blockers[:MAX_LISTED]) + (f"；另有 {len(blockers) - MAX_LISTED} 项" if
                                                len(blockers) > MAX_LISTED else "")
    raise UserError(f"工作组 {state.code} 还不能签字：{listed}。请修改材料并重新扫描，或对确属合理的问题写明理由予以豁免；"
                    "尚无材料的条目可写明例外原因（文明办会看到）。")


def _manifest_files(state: GroupState) -> list[ManifestFile]:
    """One entry per file (path relative to the group's folder) with the standards it is signed for."""
    first: dict[str, FileRef] = {}
    codes: dict[str, list[str]] = {}
    sources: dict[str, set[str]] = {}
    for s in state.standards:
        for f in s.present_files:
            first.setdefault(f.path, f)
            codes.setdefault(f.path, []).append(s.code)
            sources.setdefault(f.path, set()).add(f.source)
    clashes = sorted(path for path, found in sources.items() if len(found) > 1)
    if clashes:
        raise UserError(f"多个文件的相对路径相同：{'、'.join(clashes)}。请重命名其中之一并重新扫描后再签字。")
    return [ManifestFile(path, first[path].size, first[path].sha256, tuple(codes[path])) for path in sorted(first)]


def manifest_findings(state: GroupState) -> list[ManifestFinding]:
    """The group's open and waived 必须修改 / 建议修改 findings, each once, as a manifest records them."""
    return [ManifestFinding.of(finding) for finding in [*state.open_findings, *state.waived_findings]]


def _manifest(session: Session, group: Group, state: GroupState, leader: str, signed_at: str, version: int,
              files: list[ManifestFile], notes: dict[str, str]) -> Manifest:
    edition = current_edition(session)
    codes = [s.code for s in state.standards]
    decisions = latest_decisions(session, group)
    return Manifest(
        city=load_settings(session).city,
        group=ManifestGroup(group.code, group.name),
        manual=ManifestManual(edition.title, edition.edition) if edition else ManifestManual(),
        leader=leader,
        signed_at=signed_at,
        version=version,
        requirements=tuple(codes),
        standards=tuple(_standard(s) for s in state.standards),
        files=tuple(files),
        decisions=tuple(_decision(decisions[c]) for c in codes if c in decisions),
        exceptions=tuple(ManifestNote(c, r) for c, r in sorted(notes.items())),
        waivers=tuple(ManifestNote(s.code, s.waiver.reason) for s in state.standards if s.waiver),
        findings=tuple(manifest_findings(state)),
        audit_head=anchor_now(session),
    )


def _standard(standard: StandardState) -> ManifestStandard:
    r = standard.review
    return ManifestStandard(standard.code, standard.title, standard.status,
                            ManifestReview(r.state, r.state_name, r.by, r.at, r.comment, r.changed_files))


def _decision(decision: Decision) -> ManifestDecision:
    return ManifestDecision(decision.item_code, decision.verdict, VERDICTS[decision.verdict], decision.decided_by,
                            decision.decided_at.isoformat(), decision.comment)
