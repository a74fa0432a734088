"""What the audit desk shows, read from the services in one unit of work each (no widgets here;
texts go through Qt's translation, which is safe in worker threads).

These functions run in background workers; the widgets only display the dataclasses they return.
Statuses and findings come from the group read model (review.assessment.group_state), so the desk, the
dashboard, the CLI and the reports agree.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.standard_status import StandardStatus
from review.assessment.decisions import history
from review.assessment.group_state import GroupState, StandardState, current_packages, group_state
from review.assessment.overview import workspace_status
from review.errors import UserError
from review.intake.mapping import UnmappedFile, unmapped_files
from review.intake.scan import rescan_known
from review.manual.model import Manual, Standard
from review.manual.store import current_manual
from review.signing.verification import SignoffStatus
from review.workspace.folder import Workspace
from review.workspace.locking import WorkspaceBusy
from review.workspace.permissions import Actor, allowed


@dataclass(frozen=True)
class MaterialRow:
    path: str  # absolute, for the preview
    label: str  # as users recognise it (relative to the scanned folder)
    format: str
    size: int
    present: bool


@dataclass(frozen=True)
class FindingRow:
    severity: str  # must (必须修改) | should (建议修改) | info (提示), as in review.checking.findings
    rule: str
    message: str
    path: str = ""
    page: int | None = None  # 0-based
    rects: tuple[tuple[float, float, float, float], ...] = ()
    hint: str = ""
    fingerprint: str = ""
    waived: str | None = None  # the waiver's reason
    text: str = ""  # the offending text, marked in the preview
    location: str = ""  # the finding's stored place; shown with review.checking.rules.place.describe_place


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    verdict: str  # approve | return, as in review.assessment.decisions
    comment: str
    files: int


@dataclass
class StandardDetails:
    group_code: str
    standard: Standard
    path: list[str]  # titles of the 测评项目, 测评指标 and 测评内容 above it
    status: StandardStatus
    materials: list[MaterialRow] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    history: list[HistoryRow] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)


@dataclass
class GroupDesk:
    """Everything the manual tree needs for one group."""

    group_code: str
    group_name: str
    manual: Manual | None
    codes: list[str]
    statuses: dict[str, StandardStatus]
    signoff: SignoffStatus
    unmapped: list[UnmappedFile]
    state: GroupState | None = None


# review.assessment.rollups names the states; the desk's badge keys (desktop.standard_status) are shorter.
_READINESS_TO_STATE = {"missing": "missing", "problems": "problem", "pending": "pending", "approved": "ok",
                       "waived": "waived", "changed": "changed"}


def badge_of(standard: StandardState) -> StandardStatus:
    """A standard's badge and the note under it, from the group read model."""
    notes = []
    review = standard.review
    if review.state == "returned":
        notes.append(QCoreApplication.translate("desk_data", "已退回：{0}").format(review.comment))
    if review.changed_files:
        notes.append(QCoreApplication.translate("desk_data", "审核后有变化：{0}").format("；".join(review.changed_files)))
    if standard.open:
        notes.append(QCoreApplication.translate("desk_data", "未处理的问题 {0} 条（必须修改 {1} 条）")
                     .format(len(standard.open), len(standard.must_open)))
    return StandardStatus(_READINESS_TO_STATE[standard.status], len(standard.present_files), "；".join(notes))


def group_statuses(state: GroupState, codes: Sequence[str] | None = None) -> dict[str, StandardStatus]:
    """Badges for the group's standards (all, or those in `codes`)."""
    return {s.code: badge_of(s) for s in state.standards if codes is None or s.code in codes}


def load_group_desk(workspace: Workspace, group_code: str, actor: Actor | None = None) -> GroupDesk:
    """The group as the desk shows it. Files changed outside the program since the last look are
    found first (size and modification time, then their hash), and their findings brought up to date."""
    rescanned = actor is not None and allowed(actor, "read.group", group_code)
    if rescanned:
        try:
            rescan_known(workspace, actor, group_code)  # checks what changed, so the state need not again
        except WorkspaceBusy:  # a scan or sign-off of the group runs elsewhere and brings it up to date
            rescanned = False
    state = group_state(workspace, group_code, checked=rescanned)
    with workspace.session() as session:
        manual = current_manual(session)
        unmapped = unmapped_files(session, group_code) if state.source == "local" else []
    return GroupDesk(group_code, state.name, manual, [s.code for s in state.standards], group_statuses(state),
                     state.signoff, unmapped, state)


def ancestors(manual: Manual, code: str) -> list[str]:
    for project in manual.projects:
        for indicator in project.indicators:
            for content in indicator.contents:
                if any(s.code == code for s in content.standards):
                    return [f"{project.code} {project.title}", f"{indicator.code} {indicator.title}",
                            f"{content.code} {content.title}"]
    return []


def standard_details(workspace: Workspace, group_code: str, manual: Manual, code: str) -> StandardDetails:
    standard = manual.standard(code)
    found = group_state(workspace, group_code).standard(code)
    if standard is None or found is None:

        raise UserError(QCoreApplication.translate(
            "desk_data", "当前操作手册中没有条目 {0}。手册可能已更新，请重新打开本组。").format(code))
    materials = [MaterialRow(f.source, f.path, Path(f.path).suffix.lstrip(".").lower(), f.size, f.present)
                 for f in found.files]
    sources = {f.path: f.source for f in found.files}
    findings = [
        FindingRow(f.severity, f.rule_id, f.title if not f.message else f"{f.title}：{f.message}",
                   sources.get(f.file, f.file), f.page - 1 if f.page else None,
                   (tuple(f.bbox),) if f.bbox and len(f.bbox) == 4 else (), f.hint, f.fingerprint,
                   f.waiver_reason if f.waived else None, f.text, f.location)
        for f in [*found.open, *found.waived, *found.hints]
    ]
    with workspace.session() as session:
        rows = [HistoryRow(d.decided_at, d.decided_by, d.verdict, d.comment, len(d.files))
                for d in history(session, group_code, code)]
    return StandardDetails(group_code, standard, ancestors(manual, code), badge_of(found), materials, findings,
                              rows, list(found.review.changed_files))


@dataclass
class GroupRow:
    """One line of the office dashboard."""

    code: str
    name: str
    standards: int
    files: int
    counts: dict[str, int]  # StandardStatus.state → number of standards
    signoff: str  # 未签字 / 有效 / 已失效 / 签名无效
    signoff_state: str
    signed_at: str
    signoff_version: int | None
    package: str  # the office's imported package: 第 N 版 (imported on), or 未导入
    must_open: int = 0  # open 必须修改 findings
    source: str = "local"  # local | package

    @property
    def readiness(self) -> float:
        """Share of the group's standards that are 合格 or 豁免."""
        return (self.counts.get("ok", 0) + self.counts.get("waived", 0)) / self.standards if self.standards else 0.0


@dataclass
class Dashboard:
    city: str
    year: int
    manual_title: str
    groups: list[GroupRow]
    uncovered: list[tuple[str, str]]  # (code, title) of 材料审核 standards no group covers


def load_dashboard(workspace: Workspace) -> Dashboard:
    """The office's view, from `workspace_status` (the group read model of every group)."""
    status = workspace_status(workspace)
    imported = QCoreApplication.translate("desk_data", "第 {0} 版（{1:%m-%d %H:%M} 导入）")
    with workspace.session() as session:
        manual = current_manual(session)
        current = current_packages(session)
        packages = {group["code"]: (imported.format(current[group["code"]].signoff_version,
                                                    current[group["code"]].imported_at)
                                    if group["code"] in current else QCoreApplication.translate("desk_data", "未导入"))
                    for group in status["groups"]}
    rows = []
    for group in status["groups"]:
        counts: dict[str, int] = {}
        for item in group["items"]:
            key = _READINESS_TO_STATE[item["status"]]
            counts[key] = counts.get(key, 0) + 1
        sign = group["signoff"]
        rows.append(GroupRow(group["code"], group["name"], group["standards"], group["files"], counts,
                             sign["state_name"], sign["state"], sign["signed_at"] or "", sign["version"],
                             packages[group["code"]], group["must_open"], group["source"]))
    uncovered = []
    for code in status["uncovered_standards"]:
        standard = manual.standard(code) if manual else None
        uncovered.append((code, standard.title if standard else ""))
    title = status["manual"]["title"] if status["manual"] else ""
    return Dashboard(status["city"], status["year"], title, rows, uncovered)
