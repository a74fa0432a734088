"""The office's consolidated view: every group, every 测评标准, which files cover it and whether signed.

Groups reach the office in two ways. A group working in this workspace is *local*: its files are
its present Material rows, its state is `review.signoff.signoff_status`. A group whose signed
package was imported is a *package* group: its files are the current package's manifest entries
under `packages/…/files/`. When a group has both, the more recent signature wins (a signed
package beats a local group that never signed).

A package group is 签名无效 when its signer is no longer registered, the signature fails, or a file
in the package folder is missing or has another size; it is 已失效 when the office has since
loaded another manual edition or assigned the group standards its package does not sign.

A group *covers* a 测评标准 when it supplies at least one file for it. An item is 缺材料 when no
group covers it and no responsible group waived it; two or more covering groups make it
“covered twice” (the office decides which copy goes in the submission).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from index.cache import ExtractionCache
from index.document import Extraction
from review.checks.material import FileFacts
from review.checks.runner import document_date
from review.db.models import Group, ImportedPackage, Material, Waiver
from review.decisions import mapped_materials, material_label
from review.errors import UserError
from review.findings import SERIOUS, FindingView, list_findings
from review.groups import group_standard_codes
from review.keys import format_fingerprint, registered_key
from review.manual.model import Manual
from review.manual.store import current_edition, current_manual
from review.package import FILES_DIR, current_package
from review.readiness import WHOLE_REQUIREMENT
from review.settings import WorkspaceSettings
from review.settings_store import load_settings
from review.signoff import (
    STATE_NAMES,
    SignoffStatus,
    load_signoff,
    parse_manifest,
    signoff_status,
    verify_manifest,
)
from review.workspace import Workspace

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
    problem: str = ""
    changes: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    waived_items: set[str] = field(default_factory=set)
    files: list[CoveredFile] = field(default_factory=list)
    issues: list[FindingView] = field(default_factory=list)
    waivers: list[WaiverNote] = field(default_factory=list)

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
    """Read everything the office knows, local and imported, into one view."""
    local_states: dict[str, SignoffStatus] = {}
    with workspace.session() as session:
        codes = list(session.scalars(select(Group.code).order_by(Group.code)))
    for code in codes:  # signoff_status opens its own session
        local_states[code] = signoff_status(workspace, code)
    with workspace.session() as session:
        manual = current_manual(session)
        if manual is None:
            raise UserError("工作区还没有载入操作手册，无法汇总。请先运行 `manual load 手册.yaml`。")
        settings = load_settings(session)
        cache = ExtractionCache(workspace.paths.cache)
        groups = []
        for group in session.scalars(select(Group).order_by(Group.code)):
            package = current_package(session, group.code)
            local = local_states[group.code]
            if package is not None and (local.state == "none" or (package.signed_at, package.signoff_version)
                                        > (local.signed_at or "", local.version or 0)):
                view = _package_group(session, workspace.root, manual, group, package)
            else:
                view = _local_group(session, manual, group, local)
            view.files = [_with_facts(f, cache, settings) for f in view.files]
            groups.append(view)
        edition = current_edition(session)
        return ConsolidatedView(city=settings.city, manual_title=edition.title if edition else "",
                                manual_edition=edition.edition if edition else "", groups=groups,
                                items=_items(manual, groups))


def _local_group(session: Session, manual: Manual, group: Group, status: SignoffStatus) -> GroupView:
    responsible = group_standard_codes(session, group, manual)
    view = GroupView(group.code, group.name, "local", status.state, version=status.version,
                     signed_at=status.signed_at, leader=status.leader, fingerprint=status.fingerprint,
                     problem=status.problem, changes=[d.describe() for d in status.differences],
                     responsible=responsible)
    wanted = set(responsible)
    by_material: dict[int, tuple[Material, list[str]]] = {}
    for code, materials in mapped_materials(session, group).items():
        for m in materials:
            if code in wanted and m.status == "present":
                by_material.setdefault(m.id, (m, []))[1].append(code)
    view.files = sorted((CoveredFile(group.code, material_label(m), m.size, m.sha256 or "", tuple(sorted(items)),
                                     Path(m.path)) for m, items in by_material.values()), key=lambda f: f.path)
    # Findings name files by their path on this PC; print the path the group filed them under.
    labels = {m.path: material_label(m) for m in session.scalars(select(Material).where(Material.group_id == group.id))}
    view.issues = [replace(finding, file=labels.get(finding.file, finding.file))
                   for finding in list_findings(session, group.code, severities=SERIOUS, include_waived=False)]
    for waiver in session.scalars(select(Waiver).where(Waiver.group_id == group.id, Waiver.revoked_at.is_(None))
                                  .order_by(Waiver.waived_at)):
        if waiver.rule_id == WHOLE_REQUIREMENT:
            view.waived_items.add(waiver.item_code)
        view.waivers.append(WaiverNote(group.code, "waiver", waiver.item_code,
                                       "" if waiver.rule_id == WHOLE_REQUIREMENT else waiver.rule_id,
                                       labels.get(waiver.file, waiver.file),
                                       waiver.reason, waiver.waived_by, _stamp(waiver.waived_at)))
    row = load_signoff(session, group.code) if status.state != "none" else None
    if row is not None and status.state != "invalid":
        _signed_notes(view, parse_manifest(row.manifest), include_waivers=False)
    return view


def _package_group(session: Session, root: Path, manual: Manual, group: Group, package: ImportedPackage) -> GroupView:
    manifest = parse_manifest(package.manifest)
    responsible = group_standard_codes(session, group, manual)
    view = GroupView(group.code, group.name, "package", "valid", version=package.signoff_version,
                     signed_at=package.signed_at, leader=package.leader, fingerprint=package.fingerprint,
                     package_sha256=package.package_sha256, responsible=responsible)
    folder = root / package.folder / FILES_DIR
    view.files = [CoveredFile(group.code, f["path"], f["size"], f["sha256"], tuple(sorted(f["requirements"])),
                              folder / f["path"]) for f in sorted(manifest["files"], key=lambda f: f["path"])]
    view.state, view.problem, view.changes = _package_state(session, manual, package, manifest, responsible, view.files)
    for data in manifest.get("findings", []):  # FindingView.to_json() dicts, as the leader signed them
        if not isinstance(data, dict):
            continue
        finding = FindingView.from_manifest(group.code, data)
        if finding.waived:
            view.waivers.append(WaiverNote(group.code, "waiver", finding.item_code, finding.rule_id, finding.file,
                                           finding.waiver_reason or "", finding.waived_by or "",
                                           manifest["signed_at"]))
        elif finding.severity in SERIOUS:
            view.issues.append(finding)
    _signed_notes(view, manifest, include_waivers=True)
    return view


def _package_state(session: Session, manual: Manual, package: ImportedPackage, manifest: dict[str, Any],
                   responsible: list[str], files: list[CoveredFile]) -> tuple[str, str, list[str]]:
    key = registered_key(session, package.fingerprint)
    if key is None:
        return "invalid", f"签名密钥 {format_fingerprint(package.fingerprint)[:19]}… 已不在登记的公钥中", []
    if not verify_manifest(package.manifest, package.signature, key.public_key):
        return "invalid", "签名与签字清单不符：导入后记录被改动", []
    broken = [f.path for f in files if not f.source.is_file() or f.source.stat().st_size != f.size]
    if broken:
        return "invalid", f"材料包文件夹中的文件缺失或被改动：{'、'.join(broken[:5])}", [f"文件缺失或被改动：{p}" for p in broken]
    signed = manifest["manual"]
    if (signed.get("title"), signed.get("edition")) != (manual.title, manual.edition):
        return "stale", f"材料包按《{signed.get('title')}》{signed.get('edition')} 签字，当前手册已更换", []
    unsigned = [code for code in responsible if code not in manifest["requirements"]]
    if unsigned:
        return "stale", f"文明办调整分工后，以下条目未包含在材料包中：{'、'.join(unsigned)}", \
            [f"新分配未签字：{code}" for code in unsigned]
    return "valid", "", []


def _signed_notes(view: GroupView, manifest: dict[str, Any], *, include_waivers: bool) -> None:
    """Exceptions (and, for packages, waivers) the leader wrote into the signed manifest."""
    kinds = ("exceptions", "waivers") if include_waivers else ("exceptions",)
    for kind in kinds:
        for note in manifest.get(kind, []):
            if kind == "waivers":
                view.waived_items.add(note["code"])
            view.waivers.append(WaiverNote(view.code, kind.rstrip("s"), note["code"], "", "", note["reason"],
                                           manifest["leader"], manifest["signed_at"]))


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _with_facts(file: CoveredFile, cache: ExtractionCache, settings: WorkspaceSettings) -> CoveredFile:
    """Pages and document date from the extraction cache, when this PC extracted the bytes."""
    extraction = cache.get(file.sha256) if file.sha256 else None
    if extraction is None:
        return file
    name = file.name
    facts = FileFacts(path=str(file.source), rel_path=file.path, name=name, size=file.size, sha256=file.sha256,
                      format=extraction.format, extension=PurePosixPath(name).suffix.lstrip(".").lower(),
                      group=file.group, item_codes=file.items)
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

