"""The manual's hierarchy: 测评项目 → 测评指标 → 测评内容 → 测评标准.

The unit a material proves is a 测评标准 whose methods include 材料审核; its `requirement` says
which kinds of material, how many, in which formats and date window, with which keywords.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from review.manual.codes import resolve_code

METHOD_MATERIALS = "材料审核"
METHOD_FIELD = "实地考察"
METHOD_SURVEY = "问卷调查"
METHOD_ONLINE = "网上测评"  # the evaluators check websites and online platforms themselves; no materials
METHODS = (METHOD_MATERIALS, METHOD_FIELD, METHOD_SURVEY, METHOD_ONLINE)

# Kinds of material offices file; the checks recognise each (see review.checking.rules.kinds).
KINDS = ("正式发文", "工作方案", "情况说明", "台账", "统计表", "图片", "会议记录", "宣传资料", "其他")

LEVELS = ("project", "indicator", "content", "standard")
LEVEL_NAMES = {"project": "测评项目", "indicator": "测评指标", "content": "测评内容", "standard": "测评标准"}


@dataclass
class KindRequirement:
    kind: str
    min_count: int = 1  # 份; for 图片 the number of photos (张), each photo of an album or 图片说明 counting

    @property
    def unit(self) -> str:
        return "张" if self.kind == "图片" else "份"


@dataclass
class MaterialRequirement:
    """What a 材料审核 standard asks for."""

    kinds: list[KindRequirement] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # empty: the workspace's allowed formats
    window: str | None = None  # an override such as "测评开始前1月上溯两个年度"
    keywords: list[str] = field(default_factory=list)
    captions_required: bool = False
    sealed: bool = False  # 正式发文 must be the sealed original, scanned (PDF or image), not an editable file
    implementation: bool = False  # the grading asks for evidence that the work was done (落实、开展、成效)
    notes: str = ""

    @property
    def min_total(self) -> int:
        return sum(k.min_count for k in self.kinds) or 1


@dataclass
class Standard:
    code: str
    title: str
    methods: list[str]
    grading: str = ""
    requirement: MaterialRequirement | None = None
    notes: str = ""

    @property
    def needs_materials(self) -> bool:
        return METHOD_MATERIALS in self.methods


@dataclass
class Content:
    code: str
    title: str
    standards: list[Standard] = field(default_factory=list)
    notes: str = ""


@dataclass
class Indicator:
    code: str
    title: str
    contents: list[Content] = field(default_factory=list)


@dataclass
class Project:
    code: str
    title: str
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Node:
    """A flattened node, as stored in the database and shown in trees."""

    code: str
    level: str
    title: str
    parent_code: str | None
    body: dict[str, Any]


@dataclass
class Manual:
    title: str
    edition: str
    projects: list[Project] = field(default_factory=list)

    def standards(self) -> Iterator[Standard]:
        for project in self.projects:
            for indicator in project.indicators:
                for content in indicator.contents:
                    yield from content.standards

    def material_standards(self) -> Iterator[Standard]:
        return (s for s in self.standards() if s.needs_materials)

    def contents(self) -> Iterator[Content]:
        for project in self.projects:
            for indicator in project.indicators:
                yield from indicator.contents

    def nodes(self) -> Iterator[Node]:
        """Every node in document order with its parent's code."""
        for project in self.projects:
            yield Node(project.code, "project", project.title, None, {})
            for indicator in project.indicators:
                yield Node(indicator.code, "indicator", indicator.title, project.code, {})
                for content in indicator.contents:
                    yield Node(content.code, "content", content.title, indicator.code, {"notes": content.notes})
                    for standard in content.standards:
                        yield Node(standard.code, "standard", standard.title, content.code, standard_body(standard))

    def find(self, code: str) -> Node | None:
        return next((n for n in self.nodes() if n.code == code), None)

    def standard(self, code: str) -> Standard | None:
        return next((s for s in self.standards() if s.code == code), None)

    def resolve_code(self, typed: str, levels: Collection[str] | None = None) -> str | None:
        """The manual's own spelling of a code as typed ("III-2-2", "Ⅲ-2-2）" → "Ⅲ-2-2)"), optionally only
        at some `LEVELS`; None when unknown or ambiguous (see review.manual.codes.require_code)."""
        return resolve_code(self, typed, levels)

    def standards_under(self, code: str) -> list[Standard]:
        """The standards a code covers: itself if a standard, else all below that node."""
        for project in self.projects:
            if project.code == code:
                return [s for i in project.indicators for c in i.contents for s in c.standards]
            for indicator in project.indicators:
                if indicator.code == code:
                    return [s for c in indicator.contents for s in c.standards]
                for content in indicator.contents:
                    if content.code == code:
                        return list(content.standards)
                    for standard in content.standards:
                        if standard.code == code:
                            return [standard]
        return []

    def counts(self) -> dict[str, int]:
        standards = list(self.standards())
        return {
            "projects": len(self.projects),
            "indicators": sum(len(p.indicators) for p in self.projects),
            "contents": sum(1 for _ in self.contents()),
            "standards": len(standards),
            "material_standards": sum(1 for s in standards if s.needs_materials),
        }

    def to_document(self) -> dict[str, Any]:
        """The manual in the project's exchange format (see resources/manuals/README.md)."""
        return {
            "title": self.title,
            "edition": self.edition,
            "projects": [_strip_none(asdict(p)) for p in self.projects],
        }


def standard_body(standard: Standard) -> dict[str, Any]:
    body: dict[str, Any] = {"methods": list(standard.methods), "grading": standard.grading, "notes": standard.notes}
    if standard.requirement is not None:
        body["requirement"] = asdict(standard.requirement)
    return body


def _strip_none(value: Any) -> Any:
    """Leave out what is at its default (empty, or a switch that is off), as people write the files."""
    if isinstance(value, dict):
        return {k: _strip_none(v) for k, v in value.items() if v is not None and v is not False and v != ""
                and v != []}
    if isinstance(value, list):
        return [_strip_none(v) for v in value]
    return value


def manual_from_document(document: dict[str, Any]) -> Manual:
    """Build a Manual from an already validated document (see review.manual.loader for validation)."""

    def requirement(data: dict[str, Any] | None) -> MaterialRequirement | None:
        if data is None:
            return None
        return MaterialRequirement(
            kinds=[KindRequirement(k["kind"], int(k.get("min_count", 1))) for k in data.get("kinds", [])],
            formats=[str(f).lower() for f in data.get("formats", [])],
            window=data.get("window"),
            keywords=list(data.get("keywords", [])),
            captions_required=bool(data.get("captions_required", False)),
            sealed=bool(data.get("sealed", False)),
            implementation=bool(data.get("implementation", False)),
            notes=data.get("notes", ""),
        )

    return Manual(
        title=document.get("title", ""),
        edition=str(document.get("edition", "")),
        projects=[
            Project(
                p["code"], p["title"],
                [
                    Indicator(
                        i["code"], i["title"],
                        [
                            Content(
                                c["code"], c["title"],
                                [
                                    Standard(
                                        s["code"], s["title"], list(s.get("methods", [])), s.get("grading", ""),
                                        requirement(s.get("requirement")), s.get("notes", ""),
                                    )
                                    for s in c.get("standards", [])
                                ],
                                c.get("notes", ""),
                            )
                            for c in i.get("contents", [])
                        ],
                    )
                    for i in p.get("indicators", [])
                ],
            )
            for p in document.get("projects", [])
        ],
    )
