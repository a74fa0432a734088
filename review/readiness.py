"""Status of every requirement and its roll-up per 测评内容, 测评项目, group and city.

A 测评标准's status for a group, in order of precedence:

- 豁免 (waived): the leader waived the whole requirement with a reason;
- 缺失 (missing): no present material is mapped to it;
- 已变更 (changed): it was approved, then a covered file changed, vanished or was added;
- 合格 (approved): approved by the leader and unchanged since;
- 有问题 (problems): returned by the leader, or open (not waived) 必须修改 / 建议修改 findings on the
  requirement or on its mapped files;
- 待审核 (pending): everything else — materials present, nothing open, awaiting the leader.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.db.models import FindingRecord, Group, Mapping, Material, Waiver
from review.decisions import requirement_states
from review.groups import group_standard_codes
from review.manual.model import Manual
from review.manual.store import current_manual

STATUSES = ("missing", "problems", "pending", "approved", "waived", "changed")
STATUS_NAMES = {"missing": "缺失", "problems": "有问题", "pending": "待审核", "approved": "合格", "waived": "豁免",
                "changed": "已变更"}
WHOLE_REQUIREMENT = "*"  # Waiver.rule_id of a waiver that covers a whole requirement


@dataclass
class RequirementStatus:
    code: str
    title: str
    status: str
    materials: int
    open_findings: int
    must_findings: int
    waived_findings: int

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


@dataclass
class Rollup:
    code: str
    title: str
    level: str
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def readiness(self) -> float:
        """Share of requirements that are done (合格 or 豁免)."""
        return (self.counts["approved"] + self.counts["waived"]) / self.total if self.total else 0.0

    @property
    def clean(self) -> float:
        """Share of requirements with materials and no open problem (待审核, 合格 or 豁免)."""
        return ((self.counts["pending"] + self.counts["approved"] + self.counts["waived"]) / self.total
                if self.total else 0.0)

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "level": self.level, "total": self.total,
                **{s: self.counts[s] for s in STATUSES}, "readiness": round(self.readiness, 4),
                "clean": round(self.clean, 4)}


def active_waivers(session: Session, group_id: int) -> dict[str, Waiver]:
    rows = session.scalars(select(Waiver).where(Waiver.group_id == group_id, Waiver.revoked_at.is_(None)))
    return {w.fingerprint: w for w in rows}


def requirement_statuses(session: Session, group: Group, manual: Manual | None = None) -> list[RequirementStatus]:
    manual = manual or current_manual(session)
    if manual is None:
        return []
    codes = group_standard_codes(session, group, manual)
    titles = {s.code: s.title for s in manual.standards()}
    mapped: dict[str, set[int]] = {}
    for code, mid in session.execute(
        select(Mapping.item_code, Mapping.material_id).join(Material, Mapping.material_id == Material.id)
        .where(Material.group_id == group.id, Material.status == "present")
    ):
        mapped.setdefault(code, set()).add(mid)
    waivers = active_waivers(session, group.id)
    whole = {w.item_code for w in waivers.values() if w.rule_id == WHOLE_REQUIREMENT}
    findings = list(session.scalars(select(FindingRecord).where(FindingRecord.group_id == group.id)))
    by_material: dict[int, list[FindingRecord]] = {}
    by_item: dict[str, list[FindingRecord]] = {}
    for f in findings:
        if f.scope == "requirement" or (f.scope == "duplicate" and f.item_code):
            by_item.setdefault(f.item_code, []).append(f)
        elif f.material_id is not None:
            by_material.setdefault(f.material_id, []).append(f)
    reviews = requirement_states(session, group.code)
    out = []
    for code in codes:
        relevant = list(by_item.get(code, []))
        for mid in mapped.get(code, ()):
            relevant.extend(by_material.get(mid, []))
        serious = [f for f in relevant if f.severity in ("must", "should")]
        open_ = [f for f in serious if f.fingerprint not in waivers]
        review = reviews.get(code)
        review_state = review.state if review else "pending"
        if code in whole:
            status = "waived"
        elif not mapped.get(code):
            status = "missing"
        elif review_state == "changed":
            status = "changed"
        elif review_state == "approved":
            status = "approved"
        elif review_state == "returned" or open_:
            status = "problems"
        else:
            status = "pending"
        out.append(RequirementStatus(
            code=code, title=titles.get(code, ""), status=status, materials=len(mapped.get(code, ())),
            open_findings=len(open_), must_findings=sum(1 for f in open_ if f.severity == "must"),
            waived_findings=len(serious) - len(open_),
        ))
    return out


def rollups(manual: Manual, statuses: list[RequirementStatus]) -> list[Rollup]:
    """Counts per 测评项目 and 测评内容 (in manual order), for the given requirement statuses."""
    by_code = {s.code: s.status for s in statuses}
    out: list[Rollup] = []
    for project in manual.projects:
        project_roll = Rollup(project.code, project.title, "project")
        content_rolls = []
        for indicator in project.indicators:
            for content in indicator.contents:
                roll = Rollup(content.code, content.title, "content")
                for standard in content.standards:
                    if standard.code in by_code:
                        roll.counts[by_code[standard.code]] += 1
                if roll.total:
                    content_rolls.append(roll)
                    project_roll.counts.update(roll.counts)
        if project_roll.total:
            out.append(project_roll)
            out.extend(content_rolls)
    return out


def group_rollup(session: Session, group: Group, manual: Manual | None = None) -> Rollup:
    roll = Rollup(group.code, group.name, "group")
    for status in requirement_statuses(session, group, manual):
        roll.counts[status.status] += 1
    return roll


def city_rollup(session: Session) -> tuple[Rollup, list[Rollup]]:
    """The city's figure over every material standard (uncovered ones count as missing) and each group's."""
    manual = current_manual(session)
    groups = session.scalars(select(Group).order_by(Group.code))
    return city_rollup_from(manual, [(group, requirement_statuses(session, group, manual)) for group in groups])


def city_rollup_from(manual: Manual | None,
                     groups: list[tuple[Group, list[RequirementStatus]]]) -> tuple[Rollup, list[Rollup]]:
    """`city_rollup` from statuses the caller already has: a standard counts by its best group's status."""
    city = Rollup("", "全市", "city")
    rolls = []
    best: dict[str, str] = {}
    order = {s: i for i, s in enumerate(("approved", "waived", "pending", "changed", "problems", "missing"))}
    for group, statuses in groups:
        roll = Rollup(group.code, group.name, "group")
        for s in statuses:
            roll.counts[s.status] += 1
            if s.code not in best or order[s.status] < order[best[s.code]]:
                best[s.code] = s.status
        rolls.append(roll)
    if manual is not None:
        for standard in manual.material_standards():
            city.counts[best.get(standard.code, "missing")] += 1
    return city, rolls
