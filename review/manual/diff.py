"""What changed between two manual editions, item by item (matched by code)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from review.manual.model import LEVEL_NAMES, Manual, Node

# Parts of a node's body worth naming when they change, with their Chinese names.
_BODY_PARTS = {"methods": "测评方法", "grading": "评分规则", "notes": "备注", "requirement": "材料要求"}
_REQUIREMENT_PARTS = {"kinds": "材料类别及数量", "formats": "文件格式", "window": "时间范围", "keywords": "关键词",
                      "captions_required": "图片说明要求", "sealed": "盖章原件扫描件要求",
                      "implementation": "落实佐证要求", "notes": "要求说明"}


@dataclass(frozen=True)
class NodeRef:
    code: str
    level: str
    title: str

    def describe(self) -> str:
        return f"{LEVEL_NAMES[self.level]} {self.code} {self.title}"


@dataclass
class ManualDiff:
    added: list[NodeRef] = field(default_factory=list)
    removed: list[NodeRef] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)  # (code, what changed, in Chinese)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        """One sentence: the counts."""
        if self.is_empty:
            return "与当前版本相比没有变化"
        return f"与当前版本相比新增 {len(self.added)} 项、删除 {len(self.removed)} 项、修改 {len(self.changed)} 项"

    def render(self) -> str:
        """Every difference, one per line, for the command line and reports."""
        lines = [self.summary() + "。"]
        lines += [f"+ 新增 {ref.describe()}" for ref in self.added]
        lines += [f"- 删除 {ref.describe()}" for ref in self.removed]
        lines += [f"* 修改 {code}：{what}" for code, what in self.changed]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": [asdict(ref) for ref in self.added],
            "removed": [asdict(ref) for ref in self.removed],
            "changed": [{"code": code, "change": what} for code, what in self.changed],
        }


def diff_manuals(old: Manual, new: Manual) -> ManualDiff:
    old_nodes = {n.code: n for n in old.nodes()}
    new_nodes = {n.code: n for n in new.nodes()}
    result = ManualDiff(
        added=[_ref(n) for code, n in new_nodes.items() if code not in old_nodes],
        removed=[_ref(n) for code, n in old_nodes.items() if code not in new_nodes],
    )
    for code, after in new_nodes.items():
        before = old_nodes.get(code)
        if before is not None:
            changes = _changes(before, after)
            if changes:
                result.changed.append((code, "；".join(changes)))
    return result


def _ref(node: Node) -> NodeRef:
    return NodeRef(node.code, node.level, node.title)


def _changes(before: Node, after: Node) -> list[str]:
    out: list[str] = []
    if before.level != after.level:
        out.append(f"层级由{LEVEL_NAMES[before.level]}改为{LEVEL_NAMES[after.level]}")
    if before.title != after.title:
        out.append(f"名称由“{before.title}”改为“{after.title}”")
    if before.parent_code != after.parent_code:
        out.append(f"上级由 {before.parent_code or '无'} 改为 {after.parent_code or '无'}")
    for key, name in _BODY_PARTS.items():
        old_value, new_value = before.body.get(key), after.body.get(key)
        if key == "requirement" and old_value and new_value:
            parts = [label for part, label in _REQUIREMENT_PARTS.items() if old_value.get(part) != new_value.get(part)]
            if parts:
                out.append(f"材料要求的{'、'.join(parts)}有变化")
        elif key == "requirement" and bool(old_value) != bool(new_value):
            out.append("新增了材料要求" if new_value else "取消了材料要求")
        elif (old_value or None) != (new_value or None):
            out.append(f"{name}有变化" if key != "methods" else
                       f"测评方法由{'、'.join(old_value or []) or '无'}改为{'、'.join(new_value or []) or '无'}")
    return out
