"""Reading stored findings and waiving them (豁免) with a reason, recorded with who and when."""
from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePosixPath

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from review.changes import Changes
from review.checking.rules.catalogue import RULES
from review.checking.rules.finding import SHORT_ID_LENGTH, short_id
from review.checking.rules.place import describe_file_place
from review.errors import UserError
from review.manual.assignment import group_standard_codes
from review.workspace.audit import record
from review.workspace.db.models import FindingRecord, Group, Mapping, Material, Waiver
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.permissions import Actor, require

WHOLE_STANDARD = "*"  # Waiver.rule_id of a waiver that covers a whole standard
SEVERITY_ORDER = {"must": 0, "should": 1, "info": 2}
SEVERITY_NAMES = {"must": "必须修改", "should": "建议修改", "info": "提示"}
SERIOUS = ("must", "should")  # what a sign-off records and the 问题清单 prints; 提示 (info) is not


@dataclass
class FindingView:
    """A finding as users see it, with its waiver if any."""
    id: int | None  # None for a finding read from a signed package's manifest
    group: str
    item_code: str
    rule_id: str
    severity: str
    title: str
    message: str
    hint: str
    file: str
    page: int | None
    location: str
    text: str
    bbox: list[float] | None
    fingerprint: str
    scope: str
    material_id: int | None
    waived_by: str | None = None
    waiver_reason: str | None = None
    waived_at: str | None = None  # ISO time, seconds

    @property
    def severity_name(self) -> str:
        return SEVERITY_NAMES.get(self.severity, self.severity)

    @property
    def waived(self) -> bool:
        return self.waived_by is not None

    def to_json(self) -> dict[str, object]:
        data = dict(self.__dict__)
        data["severity_label"] = self.severity_name
        data["waived"] = self.waived
        return data


def active_waivers(session: Session, group_id: int) -> dict[str, Waiver]:
    rows = session.scalars(select(Waiver).where(Waiver.group_id == group_id, Waiver.revoked_at.is_(None)))
    return {w.fingerprint: w for w in rows}


def list_findings(
    session: Session, group_code: str | None = None, *, item_code: str | None = None,
    material_ids: Collection[int] | None = None, severities: Collection[str] | None = None,
    include_waived: bool = True,
) -> list[FindingView]:
    """Stored findings, most serious first; with an item code and/or material ids, those on that item
    or on those files; with severities, only those."""
    # Columns, not ORM objects: a city's findings are read on every view, and nothing here writes them.
    query = select(*FindingRecord.__table__.columns, Group.code.label("group_code")).join(
        Group, FindingRecord.group_id == Group.id)
    if group_code:
        query = query.where(Group.code == group_code)
    wanted = []
    if item_code is not None:
        wanted.append(FindingRecord.item_code == item_code)
    if material_ids is not None:
        wanted.append(FindingRecord.material_id.in_(material_ids))
    if wanted:
        query = query.where(or_(*wanted))
    if severities is not None:
        query = query.where(FindingRecord.severity.in_(severities))
    if not include_waived:
        query = query.where(~select(Waiver.id).where(
            Waiver.group_id == FindingRecord.group_id, Waiver.fingerprint == FindingRecord.fingerprint,
            Waiver.revoked_at.is_(None)).exists())
    waivers: dict[int, dict[str, Waiver]] = {}  # by group; none to show when waived findings are left out
    out = []
    for f in session.execute(query):
        group = f.group_code
        if f.group_id not in waivers:
            waivers[f.group_id] = active_waivers(session, f.group_id) if include_waived else {}
        waiver = waivers[f.group_id].get(f.fingerprint)
        out.append(FindingView(
            id=f.id, group=group, item_code=f.item_code, rule_id=f.rule_id, severity=f.severity, title=f.title,
            message=f.message, hint=f.hint, file=f.file, page=f.page, location=f.location, text=f.text, bbox=f.bbox,
            fingerprint=f.fingerprint, scope=f.scope, material_id=f.material_id,
            waived_by=waiver.waived_by if waiver else None, waiver_reason=waiver.reason if waiver else None,
            waived_at=waiver.waived_at.isoformat(timespec="seconds") if waiver else None,
        ))
    # Sorted here rather than in SQL: a PostgreSQL workspace may collate text by locale.
    out.sort(key=lambda v: (SEVERITY_ORDER.get(v.severity, 9), v.group, v.item_code, v.file, v.page or 0, v.rule_id))
    return out


@dataclass(frozen=True)
class Waived:
    waiver: Waiver
    changes: Changes


def waive(workspace: Workspace, actor: Actor, group_code: str, fingerprint: str, reason: str, *,
          file: str | None = None) -> Waived:
    """Waive one finding of a group with a reason.

    The finding is named by the short id `check` prints (any prefix of its fingerprint that names
    one finding; the whole fingerprint works too), by its numeric id, or by its rule id (MR-PII-002)
    with `file` (a file name or relative path) when that rule found something in several files or
    places. A name that fits several findings is refused, listing them with their short ids.
    """
    with workspace.session() as session:
        group = get_group(session, group_code)
        require(actor, "finding.waive", group.code)
        if not reason.strip():
            raise UserError("豁免必须写明理由，例如：该城市名称为外出考察学习的地点，属正当引用。")
        finding = _finding_to_waive(session, group, fingerprint.strip(), file)
        if finding.fingerprint in active_waivers(session, group.id):
            raise UserError(f"问题 {short_id(finding.fingerprint)}（{finding.rule_id}）已经豁免过了。")
        waiver = Waiver(group_id=group.id, fingerprint=finding.fingerprint, rule_id=finding.rule_id,
                        item_code=finding.item_code, file=finding.file, text=finding.text, reason=reason.strip(),
                        waived_by=actor.name)
        session.add(waiver)
        record(session, actor=actor.name, action="finding.waive", target=finding.file or finding.item_code,
               details={"group": group_code, "rule": finding.rule_id, "fingerprint": finding.fingerprint, "reason": reason})
        session.flush()
        filed = set(session.scalars(select(Mapping.item_code).where(Mapping.material_id == finding.material_id))) \
            if finding.material_id is not None else set()
        codes = frozenset({finding.item_code} if finding.item_code else filed)
        return Waived(waiver, Changes(group.code, standards=codes, every_standard=finding.scope == "duplicate"))


_LISTED = 8  # findings named in a refusal, at most

_Row = tuple[FindingRecord, str | None]  # a finding and its file's path relative to the scan folder


def _finding_to_waive(session: Session, group: Group, typed: str, file: str | None) -> FindingRecord:
    """The one finding `typed` (short id, fingerprint, numeric id or rule id) and `file` name, or a refusal."""
    query = (select(FindingRecord, Material.rel_path).outerjoin(Material, FindingRecord.material_id == Material.id)
             .where(FindingRecord.group_id == group.id))

    def fetch(*conditions: object) -> list[_Row]:
        return [(f, rel) for f, rel in session.execute(query.where(*conditions))]

    rows: list[_Row] = []
    if typed.isdigit() and len(typed) < SHORT_ID_LENGTH:  # a numeric id (check --json "id")
        rows = fetch(FindingRecord.id == int(typed))
    by_rule = False
    if not rows and typed:
        rows = fetch(FindingRecord.rule_id.in_({typed, typed.upper()}))
        by_rule = bool(rows) or typed.upper() in RULES
        typed = typed.upper() if typed.upper() in RULES else typed
    if not rows and typed:  # the short id `check` prints, or a longer part of the fingerprint
        for prefix in dict.fromkeys((typed, typed.lower())):
            rows = fetch(FindingRecord.fingerprint.startswith(prefix, autoescape=True))
            if rows:
                break
    if file is not None:
        rows = [(f, rel) for f, rel in rows if _names_file(f.file, rel, file)]
    fingerprints = list(dict.fromkeys(f.fingerprint for f, _ in rows))
    if by_rule and len(fingerprints) > 1:  # of a rule's findings, those not yet waived are meant
        waived = active_waivers(session, group.id)
        fingerprints = [fp for fp in fingerprints if fp not in waived] or fingerprints
    if len(fingerprints) == 1:
        return next(f for f, _ in rows if f.fingerprint == fingerprints[0])
    in_file = f"文件 {file} 中" if file is not None else ""
    if not fingerprints and (by_rule or file is not None):
        subject = f"规则 {typed} 的问题" if by_rule else f"编号为 {typed} 的问题"
        raise UserError(f"工作组 {group.code} {in_file}没有{subject}。请用 `check --group {group.code}` 查看问题及其编号。")
    if not fingerprints:
        waived = active_waivers(session, group.id)
        listing = _listing([(f, rel) for f, rel in session.execute(query.limit(500)) if f.fingerprint not in waived])
        known = f"该组尚未豁免的问题：{listing}。" if listing else ""
        raise UserError(f"工作组 {group.code} 没有编号为 {typed} 的问题。{known}"
                        f"请用 `check --group {group.code}` 查看问题及其编号（如 1a2b3c4d）。")
    listing = _listing([(f, rel) for f, rel in rows if f.fingerprint in fingerprints])
    if by_rule:
        raise UserError(f"规则 {typed} 在{in_file or '本组'}有 {len(fingerprints)} 个问题：{listing}。请改用要豁免的那个问题的编号"
                        f"{'，或加 --file 指明文件' if file is None else ''}。")
    raise UserError(f"编号 {typed} 对应 {len(fingerprints)} 个问题：{listing}。请写出更长的编号，以便只对应其中一个。")


def _names_file(path: str, rel_path: str | None, typed: str) -> bool:
    """Whether a typed file (its name, its path relative to the scan folder, or its full path) is this one."""
    typed = typed.strip().replace("\\", "/")
    path = (path or "").replace("\\", "/")
    if not typed or not path:
        return False
    if "/" not in typed:
        return PurePosixPath(path).name == typed
    rel_path = (rel_path or "").replace("\\", "/")
    return typed in (path, rel_path) or os.path.abspath(typed).replace("\\", "/") == path \
        or path.endswith("/" + typed.lstrip("./"))


def _listing(rows: list[_Row]) -> str:
    """"1a2b3c4d（MR-PII-002，名册.xlsx 工作表 名单 第 3 行第 2 列）、…" for a refusal."""
    seen: dict[str, str] = {}
    for f, rel in rows:
        if f.fingerprint not in seen:
            name = PurePosixPath((rel or f.file).replace("\\", "/")).name if (rel or f.file) else f.item_code
            place = describe_file_place(f.file, f.page, f.location)
            seen[f.fingerprint] = f"{short_id(f.fingerprint)}（{f.rule_id}，{' '.join(x for x in (name, place) if x)}）"
    shown = list(seen.values())
    return "、".join(shown[:_LISTED]) + (f" 等 {len(shown)} 个" if len(shown) > _LISTED else "")


def waive_requirement(workspace: Workspace, actor: Actor, group_code: str, item_code: str, reason: str) -> Waived:
    """Waive a whole standard (e.g. not applicable to this city), which then counts as 豁免."""
    with workspace.session() as session:
        group = get_group(session, group_code)
        require(actor, "finding.waive", group.code)
        if not reason.strip():
            raise UserError("豁免必须写明理由。")
        if item_code not in group_standard_codes(session, group):
            raise UserError(f"测评标准 {item_code} 不由工作组 {group_code} 负责。")
        waiver = Waiver(group_id=group.id, fingerprint=f"item:{item_code}", rule_id=WHOLE_STANDARD,
                        item_code=item_code, reason=reason.strip(), waived_by=actor.name)
        session.add(waiver)
        record(session, actor=actor.name, action="finding.waive", target=item_code,
               details={"group": group_code, "whole_requirement": True, "reason": reason})
        session.flush()
        return Waived(waiver, Changes(group.code, standards=frozenset({item_code})))
