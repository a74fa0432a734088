"""The group read model: one computation of a group's state that every screen, report and package reads.

Per 测评标准 of the group: the mapped files, the open and waived findings by severity (on the
standard and on each of its files — a file's finding counts under every standard the file is
mapped to), the leader's decision, the status and whether the current sign-off covers it.

A group's state comes from one of two sources, in the same shapes:

- *local*: the workspace's own materials, findings, waivers, decisions and sign-offs;
- *package*: the signed manifest of the group's current imported package, on an office PC that has
  never seen the group's files. The manifest records what the leader saw when signing, so the
  office's figures are the leader's.

The status of a standard, in order of precedence (`derive_status`):

- 豁免 (waived): the whole standard was waived with a reason;
- 缺失 (missing): no present material is mapped to it;
- 已变更 (changed): it was approved, then a covered file changed, vanished, was added or removed;
- 有问题 (problems): an open 必须修改 finding — whatever the decision —, or returned by the leader,
  or not yet approved with an open 建议修改 finding;
- 合格 (approved): approved by the leader and unchanged since (建议修改 the leader saw may stay open);
- 待审核 (pending): everything else — materials present, nothing open, awaiting the leader.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from review.assessment.decisions import STATE_NAMES as REVIEW_STATE_NAMES
from review.assessment.decisions import reviews_of
from review.assessment.rollups import STATUS_NAMES
from review.checking.engine import run_checks
from review.checking.findings import SERIOUS, WHOLE_STANDARD, FindingView, list_findings
from review.checking.rules.finding import short_id
from review.checking.rules.place import describe_file_place
from review.intake.mapping import mapped_materials, material_label
from review.manual.assignment import group_standard_codes
from review.manual.model import Manual, Standard
from review.manual.store import current_manual
from review.signing.keys import format_fingerprint, registered_key
from review.signing.manifest import Manifest, ManifestDecision, ManifestStandard, verify_manifest
from review.signing.verification import Difference, SignoffStatus, signed_anchor, signoff_status_in
from review.workspace.db.models import Group, ImportedPackage, Material, Waiver
from review.workspace.folder import Workspace
from review.workspace.groups import get_group

COMPLETENESS_RULE = "MR-REQ-001"
COVERAGE_NAMES = {"signed": "已签字", "stale": "签字已失效", "unsigned": "未签字", "invalid": "签名无效"}
SOURCE_NAMES = {"local": "本工作区", "package": "材料包"}
FILES_DIR = "files"  # inside an imported package's folder


def derive_status(*, has_files: bool, waived: bool, review: str, open_must: int, open_should: int) -> str:
    """The one rule that turns a standard's facts into its status (see the module docstring)."""
    if waived:
        return "waived"
    if not has_files:
        return "missing"
    if review == "changed":
        return "changed"
    if open_must:
        return "problems"
    if review == "approved":
        return "approved"
    if review == "returned" or open_should:
        return "problems"
    return "pending"


@dataclass(frozen=True)
class FileRef:
    """A file mapped to a standard: `path` relative to the group's material folder, `source` where
    its bytes are on this PC (the scanned file, or the copy inside an imported package)."""

    path: str
    size: int
    sha256: str
    present: bool = True
    source: str = ""
    material_id: int | None = None

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256, "present": self.present}


@dataclass(frozen=True)
class Shortfall:
    """A kind of material the standard asks for and does not have enough of."""

    kind: str
    needed: int

    def describe(self) -> str:
        return f"“{self.kind}”至少 {self.needed} 份"


@dataclass(frozen=True)
class ReviewInfo:
    state: str  # pending | approved | returned | changed (review.assessment.decisions)
    by: str = ""
    at: str = ""
    comment: str = ""
    changed_files: tuple[str, ...] = ()

    @property
    def state_name(self) -> str:
        return REVIEW_STATE_NAMES[self.state]

    def to_json(self) -> dict[str, object]:
        return {"state": self.state, "state_name": self.state_name, "by": self.by, "at": self.at,
                "comment": self.comment, "changed_files": list(self.changed_files)}


@dataclass(frozen=True)
class Note:
    """A whole-standard waiver or a leader's exception: a reason, who, when."""

    reason: str
    by: str = ""
    at: str = ""

    def to_json(self) -> dict[str, str]:
        return {"reason": self.reason, "by": self.by, "at": self.at}


@dataclass
class StandardState:
    code: str
    title: str
    status: str
    files: list[FileRef]
    open: list[FindingView]  # 必须修改 and 建议修改 not waived, on the standard and on its files
    waived: list[FindingView]  # 必须修改 and 建议修改 waived with a reason
    review: ReviewInfo
    waiver: Note | None = None
    exception: Note | None = None
    shortfalls: list[Shortfall] = field(default_factory=list)
    coverage: str = "unsigned"  # signed | stale | unsigned | invalid
    hints: list[FindingView] = field(default_factory=list)  # 提示: shown, never counted

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def coverage_name(self) -> str:
        return COVERAGE_NAMES[self.coverage]

    @property
    def must_open(self) -> list[FindingView]:
        return [f for f in self.open if f.severity == "must"]

    @property
    def should_open(self) -> list[FindingView]:
        return [f for f in self.open if f.severity == "should"]

    @property
    def present_files(self) -> list[FileRef]:
        return [f for f in self.files if f.present]

    def approval_blockers(self) -> list[str]:
        """Why the leader may not approve this standard now (empty when approvable)."""
        out = []
        if not self.present_files:
            out.append("还没有归类任何材料")
        missing = [f.path for f in self.files if not f.present]
        if missing:
            out.append(f"材料已找不到：{'、'.join(missing)}")
        unhashed = [f.path for f in self.present_files if not f.sha256]
        if unhashed:
            out.append(f"材料尚未扫描完成：{'、'.join(unhashed)}")
        out.extend(describe_finding(f) for f in self.must_open)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "title": self.title, "status": self.status, "status_name": self.status_name,
            "files": [f.to_json() for f in self.files], "file_count": len(self.present_files),
            "must_open": len(self.must_open), "should_open": len(self.should_open), "waived_count": len(self.waived),
            "open_findings": [f.to_json() for f in self.open], "waived_findings": [f.to_json() for f in self.waived],
            "review": self.review.to_json(),
            "waiver": self.waiver.to_json() if self.waiver else None,
            "exception": self.exception.to_json() if self.exception else None,
            "shortfalls": [{"kind": s.kind, "needed": s.needed} for s in self.shortfalls],
            "coverage": self.coverage, "coverage_name": self.coverage_name,
        }


def describe_finding(finding: FindingView) -> str:
    """One line naming a finding: short id, file and place, problem — what a refusal lists."""
    place = describe_file_place(finding.file, finding.page, finding.location)
    where = " ".join(x for x in (finding.file, place) if x)
    # a finding about a standard (no file) names what it is about: 材料数量或种类不足：正式发文
    what = f"{finding.title}：{finding.text}" if not finding.file and finding.text else finding.title
    return f"[{short_id(finding.fingerprint)}] {where}{'：' if where else ''}{what}"


@dataclass
class GroupState:
    code: str
    name: str
    source: str  # local | package
    standards: list[StandardState]
    signoff: SignoffStatus
    unfiled: list[FindingView] = field(default_factory=list)  # findings on the group's unmapped files
    notes: list[str] = field(default_factory=list)  # differences between the office's assignment and the package
    package_sha256: str | None = None

    @property
    def source_name(self) -> str:
        return SOURCE_NAMES[self.source]

    def standard(self, code: str) -> StandardState | None:
        return next((s for s in self.standards if s.code == code), None)

    @property
    def counts(self) -> Counter[str]:
        return Counter(s.status for s in self.standards)

    @property
    def files(self) -> list[FileRef]:
        """Every present file mapped to one of the group's standards, once, in path order."""
        seen: dict[str, FileRef] = {}
        for standard in self.standards:
            for f in standard.present_files:
                seen.setdefault(f.path, f)
        return sorted(seen.values(), key=lambda f: f.path)

    def _unique(self, findings: Iterable[FindingView]) -> list[FindingView]:
        seen: dict[str, FindingView] = {}
        for f in findings:
            seen.setdefault(f.fingerprint, f)
        return list(seen.values())

    @property
    def open_findings(self) -> list[FindingView]:
        return self._unique(f for s in self.standards for f in s.open)

    @property
    def waived_findings(self) -> list[FindingView]:
        return self._unique(f for s in self.standards for f in s.waived)

    @property
    def must_open(self) -> list[FindingView]:
        return [f for f in self.open_findings if f.severity == "must"]

    @property
    def readiness(self) -> float:
        """Share of standards done (合格 or 豁免)."""
        counts = self.counts
        return (counts["approved"] + counts["waived"]) / len(self.standards) if self.standards else 0.0

    def to_json(self) -> dict[str, Any]:
        counts = self.counts
        return {
            "code": self.code, "name": self.name, "source": self.source, "source_name": self.source_name,
            "signoff": self.signoff.to_json(), "package_sha256": self.package_sha256,
            "standards": [s.to_json() for s in self.standards],
            "counts": {status: counts[status] for status in STATUS_NAMES}, "total": len(self.standards),
            "files": len(self.files), "must_open": len(self.must_open),
            "should_open": sum(1 for f in self.open_findings if f.severity == "should"),
            "waived": len(self.waived_findings), "readiness": round(self.readiness, 4),
            "unfiled_findings": [f.to_json() for f in self.unfiled], "notes": self.notes,
        }


# -- shared assembly ------------------------------------------------------------------------------
def _shortfalls(standard: Standard | None, open_: list[FindingView]) -> list[Shortfall]:
    requirement = standard.requirement if standard else None
    needed = {k.kind: k.min_count for k in requirement.kinds} if requirement else {}
    out = []
    for f in open_:
        if f.rule_id == COMPLETENESS_RULE:
            kind = f.text or "材料"
            out.append(Shortfall(kind, needed.get(kind, requirement.min_total if requirement else 1)))
    return out


def _standard(code: str, title: str, manual: Manual | None, files: list[FileRef], findings: list[FindingView],
              review: ReviewInfo, waiver: Note | None, exception: Note | None, coverage: str) -> StandardState:
    serious = [f for f in findings if f.severity in SERIOUS]
    hints = [f for f in findings if f.severity not in SERIOUS]
    open_ = [f for f in serious if not f.waived]
    waived = [f for f in serious if f.waived]
    open_.sort(key=lambda f: (f.severity != "must", f.file, f.page or 0, f.rule_id))
    status = derive_status(has_files=any(f.present for f in files), waived=waiver is not None, review=review.state,
                           open_must=sum(1 for f in open_ if f.severity == "must"),
                           open_should=sum(1 for f in open_ if f.severity == "should"))
    return StandardState(code, title, status, files, open_, waived, review, waiver, exception,
                         _shortfalls(manual.standard(code) if manual else None, open_), coverage, hints)


def _coverage(signoff: SignoffStatus, code: str, paths: set[str]) -> str:
    if signoff.state in ("none",) or code not in signoff.covered:
        return "unsigned"
    if signoff.state == "invalid":
        return "invalid"
    touched = {d.path for d in signoff.differences}
    if touched & (paths | set(signoff.covered[code])):
        return "stale"
    return "signed"


# -- local groups ---------------------------------------------------------------------------------
def local_group_state(session: Session, group: Group, manual: Manual | None,
                      signoff: SignoffStatus | None = None) -> GroupState:
    """The group as this workspace has it (materials, findings, waivers, decisions, sign-off)."""
    signoff = signoff or signoff_status_in(session, group)
    if manual is None:
        return GroupState(group.code, group.name, "local", [], signoff)
    codes = group_standard_codes(session, group, manual)
    titles = {s.code: s.title for s in manual.standards()}
    by_code = mapped_materials(session, group)
    labels = {m.path: material_label(m) for ms in by_code.values() for m in ms}
    by_item: dict[str, list[FindingView]] = {}
    by_material: dict[int, list[FindingView]] = {}
    unfiled: list[FindingView] = []
    mapped_ids = {m.id for ms in by_code.values() for m in ms}
    findings = list_findings(session, group.code)
    unmapped = _unmapped_labels(session, group) if any(v.file and v.file not in labels for v in findings) else {}
    for view in findings:  # fresh views: labelled in place
        if view.file:
            view.file = labels.get(view.file) or unmapped.get(view.material_id, view.file)
        if view.scope == "requirement" or (view.scope == "duplicate" and view.item_code):
            by_item.setdefault(view.item_code, []).append(view)
        elif view.material_id in mapped_ids:
            by_material.setdefault(view.material_id, []).append(view)
        elif view.severity in SERIOUS:
            unfiled.append(view)
    whole = {w.item_code: Note(w.reason, w.waived_by, w.waived_at.isoformat(timespec="seconds"))
             for w in session.scalars(select(Waiver).where(Waiver.group_id == group.id, Waiver.revoked_at.is_(None),
                                                           Waiver.rule_id == WHOLE_STANDARD))}
    reviews = reviews_of(session, group, codes, by_code)
    standards = []
    for code in codes:
        materials = by_code.get(code, [])
        files = [FileRef(material_label(m), m.size, m.sha256 or "", m.status == "present", m.path, m.id)
                 for m in materials]
        findings = list(by_item.get(code, []))
        for m in materials:
            findings.extend(by_material.get(m.id, []))
        state = reviews.get(code)
        decision = state.decision if state else None
        review = ReviewInfo(state.state if state else "pending",
                            decision.decided_by if decision else "",
                            decision.decided_at.isoformat(timespec="seconds") if decision else "",
                            decision.comment if decision else "",
                            tuple(f"{c.path}（{c.change_name}）" for c in state.changed_files) if state else ())
        note = signoff.exceptions.get(code)
        exception = Note(note, signoff.leader or "", signoff.signed_at or "") if note else None
        standards.append(_standard(code, titles.get(code, ""), manual, files, findings, review, whole.get(code),
                                   exception, _coverage(signoff, code, {f.path for f in files})))
    return GroupState(group.code, group.name, "local", standards, signoff, unfiled=unfiled)


def _unmapped_labels(session: Session, group: Group) -> dict[int | None, str]:
    """The label of each of the group's files by id, in one query (for findings on unmapped files)."""
    rows = session.scalars(select(Material).where(Material.group_id == group.id)
                           .options(load_only(Material.rel_path, Material.path)))
    return {m.id: material_label(m) for m in rows}


# -- package groups -------------------------------------------------------------------------------
def package_group_state(session: Session, root: Path, group: Group, manual: Manual | None,
                        package: ImportedPackage) -> GroupState:
    """The group as its current signed package says, checked against this PC's copy and manual."""
    manifest = Manifest.from_bytes(package.manifest)
    signoff = SignoffStatus(group.code, "valid", version=package.signoff_version, signed_at=package.signed_at,
                            leader=package.leader, fingerprint=package.fingerprint,
                            latest_version=package.signoff_version,
                            covered=manifest.covered_paths(), audit_anchor=signed_anchor(manifest),
                            manifest_sha256=hashlib.sha256(package.manifest).hexdigest())
    folder = root / package.folder / FILES_DIR
    codes = list(manifest.requirements)
    responsible = group_standard_codes(session, group, manual) if manual else []
    signoff.state, signoff.problem, differences = _package_state(session, manual, package, manifest, folder,
                                                                 responsible)
    signoff.differences = differences
    snapshot = {s.code: s for s in manifest.standards}
    titles = {s.code: s.title for s in manual.standards()} if manual else {}
    files_by_code: dict[str, list[FileRef]] = {}
    for entry in sorted(manifest.files, key=lambda f: f.path):
        ref = FileRef(entry.path, entry.size, entry.sha256, True, str(folder / entry.path))
        for code in entry.requirements:
            files_by_code.setdefault(code, []).append(ref)
    findings = [finding.to_view(group.code) for finding in manifest.findings]
    by_file: dict[str, list[FindingView]] = {}
    by_item: dict[str, list[FindingView]] = {}
    for finding in findings:
        if finding.item_code:
            by_item.setdefault(finding.item_code, []).append(finding)
        else:
            by_file.setdefault(finding.file, []).append(finding)
    waivers = {n.code: Note(n.reason, manifest.leader, manifest.signed_at) for n in manifest.waivers}
    exceptions = {n.code: Note(n.reason, manifest.leader, manifest.signed_at) for n in manifest.exceptions}
    decisions = {d.code: d for d in manifest.decisions}
    standards = []
    for code in codes:
        files = files_by_code.get(code, [])
        found = list(by_item.get(code, []))
        for f in files:
            found.extend(by_file.get(f.path, []))
        signed = snapshot.get(code)
        review = _signed_review(signed, decisions.get(code))
        title = titles.get(code) or (signed.title if signed else "")
        standards.append(_standard(code, title, manual, files, found, review, waivers.get(code),
                                   exceptions.get(code), _coverage(signoff, code, {f.path for f in files})))
    state = GroupState(group.code, group.name, "package", standards, signoff, package_sha256=package.package_sha256)
    unsigned = [c for c in responsible if c not in codes]
    if unsigned:
        state.notes.append(f"文明办分配给本组、但材料包中没有的条目：{'、'.join(unsigned)}")
    extra = [c for c in codes if c not in responsible]
    if extra:
        state.notes.append(f"材料包中有、但本工作区未分配给本组的条目：{'、'.join(extra)}")
    return state


def _signed_review(standard: ManifestStandard | None, decision: ManifestDecision | None) -> ReviewInfo:
    """The review state the leader signed: from the manifest's standards (format 2) or its decisions."""
    if standard is not None and standard.review is not None:
        r = standard.review
        state = r.state if r.state in REVIEW_STATE_NAMES else "pending"
        return ReviewInfo(state, r.by, r.at, r.comment)
    if decision is not None:
        state = "approved" if decision.verdict == "approve" else "returned"
        return ReviewInfo(state, decision.by, decision.at, decision.comment)
    return ReviewInfo("pending")


def _package_state(session: Session, manual: Manual | None, package: ImportedPackage, manifest: Manifest,
                   folder: Path, responsible: list[str]) -> tuple[str, str, list[Difference]]:
    """valid, stale (another manual, or standards the package does not sign) or invalid (signer, signature,
    or the package's files on this PC)."""
    key = registered_key(session, package.fingerprint)
    if key is None:
        return "invalid", f"签名密钥 {format_fingerprint(package.fingerprint)[:19]}… 已不在登记的公钥中", []
    if not verify_manifest(package.manifest, package.signature, key.public_key):
        return "invalid", "签名与签字清单不符：导入后记录被改动", []
    broken = [f.path for f in manifest.files
              if not (folder / f.path).is_file() or (folder / f.path).stat().st_size != f.size]
    if broken:
        return ("invalid", f"材料包文件夹中的文件缺失或被改动：{'、'.join(broken[:5])}",
                [Difference(p, "missing", "材料包文件夹中的副本缺失或被改动") for p in broken])
    signed = manifest.manual
    if manual is None or (signed.title, signed.edition) != (manual.title, manual.edition):
        return "stale", f"材料包按《{signed.title}》{signed.edition} 签字，当前手册已更换", []
    unsigned = [code for code in responsible if code not in manifest.requirements]
    if unsigned:
        return "stale", f"文明办调整分工后，以下条目未包含在材料包中：{'、'.join(unsigned)}", []
    return "valid", "", []


# -- choosing the source ---------------------------------------------------------------------------
def current_package(session: Session, group_code: str) -> ImportedPackage | None:
    return session.scalars(select(ImportedPackage).where(ImportedPackage.group_code == group_code,
                                                         ImportedPackage.is_current.is_(True))).first()


def current_packages(session: Session) -> dict[str, ImportedPackage]:
    """Every group's current imported package, by group code, in one query."""
    return {p.group_code: p for p in session.scalars(select(ImportedPackage).where(ImportedPackage.is_current.is_(True)))}


def group_state_in(session: Session, root: Path, group: Group, manual: Manual | None) -> GroupState:
    """The group's state from the more recent signature: an imported package beats a local group that
    never signed or signed earlier."""
    local = signoff_status_in(session, group)
    package = current_package(session, group.code)
    if package is not None and (local.state == "none" or (package.signed_at, package.signoff_version)
                                > (local.signed_at or "", local.version or 0)):
        return package_group_state(session, root, group, manual, package)
    return local_group_state(session, group, manual, local)


def group_state(workspace: Workspace, group_code: str, *, checked: bool = False) -> GroupState:
    """One group's state, its findings first brought up to date (only what changed is checked);
    `checked` when the caller has just done that (a rescan runs the checks itself)."""
    if not checked:
        run_checks(workspace, group_code=group_code)
    with workspace.session() as session:
        return group_state_in(session, workspace.root, get_group(session, group_code), current_manual(session))


def all_group_states(workspace: Workspace, codes: Iterable[str] | None = None) -> list[GroupState]:
    """Every group's state (or those named), in code order, findings first brought up to date."""
    run_checks(workspace)
    wanted = set(codes) if codes is not None else None
    with workspace.session() as session:
        manual = current_manual(session)
        groups = session.scalars(select(Group).order_by(Group.code))
        return [group_state_in(session, workspace.root, g, manual) for g in groups
                if wanted is None or g.code in wanted]

