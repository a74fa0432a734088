"""Roll-ups of standard statuses per 测评内容, 测评项目, group and city, and the status vocabulary.

The status of each standard is computed in one place, `review.assessment.group_state` (see `derive_status`);
this module only counts them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from review.manual.model import Manual

STATUSES = ("missing", "problems", "pending", "approved", "waived", "changed")
STATUS_NAMES = {"missing": "缺失", "problems": "有问题", "pending": "待审核", "approved": "合格", "waived": "豁免",
                "changed": "已变更"}


class HasStatus(Protocol):
    code: str
    status: str


class HasStandards(Protocol):
    code: str
    name: str
    standards: Sequence[HasStatus]

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


def rollups(manual: Manual, statuses: Iterable[HasStatus]) -> list[Rollup]:
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


def city_rollup_from(manual: Manual | None, groups: Iterable[HasStandards]) -> tuple[Rollup, list[Rollup]]:
    """The city's figure over every material standard (uncovered ones count as missing) and each group's:
    a standard counts by its best group's status."""
    city = Rollup("", "全市", "city")
    rolls = []
    best: dict[str, str] = {}
    order = {s: i for i, s in enumerate(("approved", "waived", "pending", "changed", "problems", "missing"))}
    for group in groups:
        roll = Rollup(group.code, group.name, "group")
        for s in group.standards:
            roll.counts[s.status] += 1
            if s.code not in best or order[s.status] < order[best[s.code]]:
                best[s.code] = s.status
        rolls.append(roll)
    if manual is not None:
        for standard in manual.material_standards():
            city.counts[best.get(standard.code, "missing")] += 1
    return city, rolls
