"""A finding: one way a material loses points, located precisely enough to fix it."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    MUST = "must"
    SHOULD = "should"
    INFO = "info"

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        """0 for the most serious, for sorting."""
        return list(Severity).index(self)


SEVERITY_LABELS = {Severity.MUST: "必须修改", Severity.SHOULD: "建议修改", Severity.INFO: "提示"}


@dataclass(frozen=True)
class Finding:
    """What is wrong, where, and how to fix it.

    `file` is the material's path ("" for a requirement with no material at all); `location` is a
    Chinese place such as "第2页" or "表格1 第3行第2列"; `text` is the offending excerpt. The
    `fingerprint` stays the same while the rule, the file's bytes, the place and the text do, so a
    waiver recorded against it survives re-checks.
    """

    rule_id: str
    severity: Severity
    title: str
    message: str
    hint: str
    file: str = ""
    page: int | None = None
    location: str = ""
    text: str = ""
    item_code: str = ""
    bbox: tuple[float, float, float, float] | None = None
    fingerprint: str = ""

    @property
    def severity_label(self) -> str:
        return self.severity.label

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["severity_label"] = self.severity.label
        data["bbox"] = list(self.bbox) if self.bbox else None
        return data


def fingerprint(rule_id: str, subject: str, location: str, text: str) -> str:
    """Stable id of a finding: rule + the file's SHA-256 (or the item code) + place + text."""
    raw = "\x1f".join((rule_id, subject, location, text))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


SHORT_ID_LENGTH = 8


def short_id(fingerprint: str) -> str:
    """The short id people see and type (`check` prints it as "编号 1a2b3c4d"; `waive` takes it):
    the start of the fingerprint, which `waive` matches as a prefix."""
    return fingerprint[:SHORT_ID_LENGTH]
