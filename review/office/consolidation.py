"""The office's consolidated view: every group, every 测评标准, which files cover it and whether signed.

Each group comes from the group read model (review.assessment.group_state): a *local* group from this
workspace's materials, a *package* group from its current imported package's signed manifest and
the copies under `packages/…/files/`; the read model also decides which source holds and whether
the signature is valid, stale or invalid.

A group *covers* a 测评标准 when it supplies at least one file for it. An item is 缺材料 when no
group covers it and no responsible group waived it; two or more covering groups make it
“covered twice” (the office decides which copy goes in the submission).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from index.cache import ExtractionCache
from index.document import Extraction
from index.page_count import PageSource, count_pages, renderer
from review.assessment.group_state import GroupState, all_group_states
from review.checking.findings import FindingView
from review.checking.rules.material import FileFacts
from review.checking.rules.runner import document_date
from review.errors import UserError
from review.manual.model import Manual
from review.manual.store import current_edition, current_manual
from review.signing.keys import format_fingerprint
from review.signing.verification import (
    STATE_NAMES,
)
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings
from review.workspace.settings_store import load_settings

SOURCE_NAMES = {"local": "本工作区", "package": "材料包"}
ITEM_STATUS_NAMES = {"signed": "已签字", "unsigned": "未签字", "stale": "签字已失效", "invalid": "签名无效",
                     "waived": "豁免", "missing": "缺材料"}
# A file's creation time says when it was saved, not what it documents: the lists do not print it.
UNPRINTED_DATE_SOURCE = "文件创建时间"
PAGINATED_FORMATS = {"pdf", "ofd", "jpeg", "png", "bmp", "tiff", "heic"}
# An item covered by several groups takes the worst of their states.
_STATE_RANK = {"invalid": 0, "stale": 1, "none": 2, "valid": 3}
_ITEM_STATUS_OF_STATE = {"invalid": "invalid", "stale": "stale", "none": "unsigned", "valid": "signed"}


@dataclass(frozen=True)
class CoveredFile:
    """One file a group supplies, where its bytes are on this PC, and what the extraction cache knows."""

    group: str
    path: str  # as the group filed it (relative to its material folder)
    size: int
    sha256: str
    items: tuple[str, ...]
    source: Path
    pages: int | None = None
    date: str | None = None  # ISO date of the document date's first day, when known
    date_text: str = ""  # as shown to users, e.g. 2026年3月5日

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def format_name(self) -> str:
        """“PDF”, “DOCX”, “JPG” — the extension as people name the format."""
        return PurePosixPath(self.path).suffix.lstrip(".").upper() or "—"

    def to_json(self) -> dict[str, Any]:
        return {"group": self.group, "path": self.path, "size": self.size, "sha256": self.sha256,
                "items": list(self.items), "pages": self.pages, "date": self.date, "date_text": self.date_text}


@dataclass(frozen=True)
class WaiverNote:
    """A waived finding or requirement, or an exception the leader listed when signing."""

    group: str
    kind: str  # waiver | exception
    item_code: str
    rule_id: str
    file: str
    reason: str
    by: str
    at: str
    finding: FindingView | None = None  # the waived finding, for a waiver of one problem

    @property
    def kind_name(self) -> str:
        return "豁免" if self.kind == "waiver" else "例外"


@dataclass
class GroupView:
    code: str
    name: str
    source: str  # local | package
    state: str  # valid | stale | none | invalid
    version: int | None = None
    signed_at: str | None = None
    leader: str | None = None
    fingerprint: str | None = None
    package_sha256: str | None = None
    # The short hash of the audit chain's head the sign-off anchors ("" unsigned), e.g. "3F2A 91C0 7B1D 22E4":
    # the 审核签字表 prints it so that the leader's `audit verify` can be compared with the paper.
    audit_anchor: str = ""
    audit_anchor_seq: int | None = None
    problem: str = ""
    changes: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    waived_items: set[str] = field(default_factory=set)
    files: list[CoveredFile] = field(default_factory=list)
    issues: list[FindingView] = field(default_factory=list)
    waivers: list[WaiverNote] = field(default_factory=list)
    state_model: GroupState | None = None  # the read model it was made from

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]

    @property
    def source_name(self) -> str:
        return SOURCE_NAMES[self.source]

    @property
    def fingerprint_display(self) -> str:
        return format_fingerprint(self.fingerprint) if self.fingerprint else ""

    def version_text(self) -> str:
        if self.version is None:
            return "未签字"
        return f"{'材料包' if self.source == 'package' else '本地'}第 {self.version} 版"

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "source": self.source, "source_name": self.source_name,
            "state": self.state, "state_name": self.state_name, "version": self.version,
            "signed_at": self.signed_at, "leader": self.leader, "fingerprint": self.fingerprint,
            "fingerprint_display": self.fingerprint_display, "package_sha256": self.package_sha256,
            "audit_anchor": self.audit_anchor, "audit_anchor_seq": self.audit_anchor_seq,
            "problem": self.problem, "changes": self.changes, "responsible": self.responsible,
            "waived_items": sorted(self.waived_items), "files": [f.to_json() for f in self.files],
            "open_issues": len(self.issues), "waivers": len(self.waivers),
        }


@dataclass
class ItemView:
    code: str
    title: str
    project_code: str
    project_title: str
    content_code: str
    content_title: str
    responsible: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # groups that supply files
    files: list[CoveredFile] = field(default_factory=list)
    status: str = "missing"

    @property
    def status_name(self) -> str:
        return ITEM_STATUS_NAMES[self.status]

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "project": self.project_code, "content": self.content_code,
                "responsible": self.responsible, "groups": self.groups, "status": self.status,
                "status_name": self.status_name, "files": [f.to_json() for f in self.files]}


@dataclass
class ConsolidatedView:
    city: str
    manual_title: str
    manual_edition: str
    groups: list[GroupView]
    items: list[ItemView]
    renderer_missing: bool = False  # pages of laid-out documents were wanted and LibreOffice is not here

    @property
    def uncovered(self) -> list[ItemView]:
        return [i for i in self.items if i.status == "missing"]

    @property
    def covered_twice(self) -> list[ItemView]:
        return [i for i in self.items if len(i.groups) >= 2]

    def group(self, code: str) -> GroupView:
        for group in self.groups:
            if group.code == code:
                return group
        raise KeyError(code)

    def counts(self) -> dict[str, int]:
        counts = {status: 0 for status in ITEM_STATUS_NAMES}
        for item in self.items:
            counts[item.status] += 1
        return {"items": len(self.items), **counts, "covered_twice": len(self.covered_twice),
                "files": sum(len(g.files) for g in self.groups)}

    def to_json(self) -> dict[str, Any]:
        return {"city": self.city, "manual": {"title": self.manual_title, "edition": self.manual_edition},
                "counts": self.counts(), "groups": [g.to_json() for g in self.groups],
                "items": [i.to_json() for i in self.items],
                "uncovered": [i.code for i in self.uncovered], "covered_twice": [i.code for i in self.covered_twice]}


def consolidated_view(workspace: Workspace) -> ConsolidatedView:
    """Read everything the office knows, local and imported, into one view (from the group read model)."""
    states = all_group_states(workspace)
    with workspace.session() as session:
        manual = current_manual(session)
        if manual is None:
            raise UserError("工作区还没有载入操作手册，无法汇总。请先载入操作手册（文明办在“设置”中载入，或运行 manual load 手册.yaml）。")
        settings = load_settings(session)
        edition = current_edition(session)
    cache = ExtractionCache(workspace.paths.cache)
    groups = []
    for state in states:
        view = group_view(state)
        view.files = [_with_facts(f, cache, settings) for f in view.files]
        groups.append(view)
    return ConsolidatedView(city=settings.city, manual_title=edition.title if edition else "",
                            manual_edition=edition.edition if edition else "", groups=groups,
                            items=_items(manual, groups))


def with_page_counts(view: ConsolidatedView, workspace: Workspace) -> ConsolidatedView:
    """The view with the pages the extraction cache does not know filled in (word-processor documents,
    files of an imported package this PC never extracted). For the printed lists only: laying out a
    document takes LibreOffice seconds (see index.page_count)."""
    missing = [f for g in view.groups for f in g.files if f.pages is None and f.sha256]
    if not missing:
        return view
    counted = count_pages((PageSource(f.source, f.sha256) for f in missing), workspace.paths.cache)

    def filled(file: CoveredFile) -> CoveredFile:
        return replace(file, pages=counted.get(file.sha256)) if file.pages is None else file

    groups = [replace(g, files=[filled(f) for f in g.files]) for g in view.groups]
    items = [replace(i, files=[filled(f) for f in i.files]) for i in view.items]
    unknown = any(f.pages is None for g in groups for f in g.files)
    return replace(view, groups=groups, items=items, renderer_missing=unknown and renderer() is None)


def group_view(state: GroupState) -> GroupView:
    """The office's view of one group, from its read model: files, problems under each standard
    (a file's problem under every standard it is filed for), and every waiver and exception."""
    sign = state.signoff
    view = GroupView(state.code, state.name, state.source, sign.state, version=sign.version,
                     signed_at=sign.signed_at, leader=sign.leader, fingerprint=sign.fingerprint,
                     package_sha256=state.package_sha256, problem=sign.problem,
                     audit_anchor=sign.audit_anchor.short if sign.audit_anchor else "",
                     audit_anchor_seq=sign.audit_anchor.seq if sign.audit_anchor else None,
                     changes=[d.describe() for d in sign.differences] + state.notes,
                     responsible=[s.code for s in state.standards], state_model=state)
    for standard in state.standards:
        view.issues.extend(replace(f, item_code=standard.code) for f in standard.open)
        if standard.waiver:
            view.waived_items.add(standard.code)
            view.waivers.append(WaiverNote(state.code, "waiver", standard.code, "", "", standard.waiver.reason,
                                           standard.waiver.by, standard.waiver.at))
        if standard.exception:
            view.waivers.append(WaiverNote(state.code, "exception", standard.code, "", "", standard.exception.reason,
                                           standard.exception.by, standard.exception.at))
        view.waivers.extend(WaiverNote(state.code, "waiver", standard.code, f.rule_id, f.file, f.waiver_reason or "",
                                       f.waived_by or "", f.waived_at or "", f) for f in standard.waived)
    view.files = [CoveredFile(state.code, f.path, f.size, f.sha256,
                              tuple(s.code for s in state.standards if any(g.path == f.path for g in s.present_files)),
                              Path(f.source)) for f in state.files]
    return view


def _with_facts(file: CoveredFile, cache: ExtractionCache, settings: WorkspaceSettings) -> CoveredFile:
    """Pages and document date from the extraction cache, when this PC extracted the bytes."""
    extraction = cache.get(file.sha256) if file.sha256 else None
    if extraction is None:
        return file
    facts = FileFacts.of(str(file.source), file.path, file.size, file.sha256, extraction.format, file.group,
                         file.items)
    found = document_date(facts, extraction, settings)
    if found is not None and found.source == UNPRINTED_DATE_SOURCE:
        found = None
    return CoveredFile(file.group, file.path, file.size, file.sha256, file.items, file.source,
                       pages=_page_count(extraction),
                       date=found.found.first.isoformat() if found else None,
                       date_text=found.found.describe() if found else "")


def _page_count(extraction: Extraction) -> int | None:
    """Pages of a paginated format; None for word-processor and spreadsheet files, whose page count
    depends on how Word or WPS lays them out."""
    if extraction.format not in PAGINATED_FORMATS or not extraction.pages:
        return None
    return int(extraction.facts.get("page_count") or len(extraction.pages))


def _items(manual: Manual, groups: list[GroupView]) -> list[ItemView]:
    items = []
    for project in manual.projects:
        for indicator in project.indicators:
            for content in indicator.contents:
                for standard in content.standards:
                    if standard.needs_materials:
                        items.append(_item(standard.code, standard.title, project.code, project.title,
                                           content.code, content.title, groups))
    return items


def _item(code: str, title: str, project_code: str, project_title: str, content_code: str, content_title: str,
          groups: list[GroupView]) -> ItemView:
    item = ItemView(code, title, project_code, project_title, content_code, content_title)
    worst: GroupView | None = None
    for group in groups:
        if code in group.responsible:
            item.responsible.append(group.code)
        files = [f for f in group.files if code in f.items]
        if files:
            item.groups.append(group.code)
            item.files.extend(files)
            if worst is None or _STATE_RANK[group.state] < _STATE_RANK[worst.state]:
                worst = group
    if worst is not None:
        item.status = _ITEM_STATUS_OF_STATE[worst.state]
    elif any(code in g.waived_items for g in groups if g.code in item.responsible):
        item.status = "waived"
    return item

