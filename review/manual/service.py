"""Loading a manual edition into a workspace, and converting a Word manual to the project format.

Loading is all-or-nothing: the file is read and checked completely before anything is stored. A new
edition keeps existing links (group assignments and material mappings) as they are; the summary
says how many still point at an item of the new edition and names those that no longer do.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from resources import resource_path
from review.errors import UserError
from review.manual.diff import ManualDiff, diff_manuals
from review.manual.docx_import import SkippedRow, import_manual_docx
from review.manual.loader import (
    MANUAL_SUFFIXES,
    ManualError,
    check_manual_document,
    load_manual_file,
    manual_to_yaml,
)
from review.manual.model import Manual
from review.manual.store import current_manual, store_manual
from review.workspace.audit import record
from review.workspace.db.models import GroupItem, Mapping
from review.workspace.folder import Workspace
from review.workspace.permissions import LOCAL_USER, Actor, require

SAMPLE = "sample"
_SHOWN_MISSING = 20  # codes named in a summary before "等"


def sample_manual_path() -> Path:
    return resource_path("manuals", "sample-manual.yaml")


@dataclass
class ReadManual:
    """A manual read from a spec, with where it came from and any Word rows that were not read."""

    manual: Manual
    source: str
    skipped: list[SkippedRow] = field(default_factory=list)


def read_manual(spec: str) -> ReadManual:
    """Read "sample" or a .yaml/.yml/.json/.docx file and check it; raises ManualError or UserError."""
    path = sample_manual_path() if spec == SAMPLE else Path(spec)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        result = import_manual_docx(path)
        return ReadManual(check_manual_document(result.manual.to_document(), str(path)), str(path), result.skipped)
    if suffix in MANUAL_SUFFIXES:
        return ReadManual(load_manual_file(path), SAMPLE if spec == SAMPLE else str(path))
    raise UserError(f"无法载入操作手册 {spec}：请给出 sample（内置示例）或 .yaml、.yml、.json、.docx 文件。")


def load_manual_into(workspace: Workspace, spec: str, actor: Actor = LOCAL_USER) -> str:
    """Make the manual in `spec` the workspace's current edition; returns a Chinese summary paragraph."""
    require(actor, "manual.edit")
    loaded = read_manual(spec)
    manual = loaded.manual
    with workspace.session() as session:
        previous = current_manual(session)
        edition = store_manual(session, manual, loaded.source)
        difference = diff_manuals(previous, manual) if previous is not None else None
        links = _link_report(session, manual) if previous is not None else ""
        record(session, actor=actor.name, action="manual.load", target=loaded.source,
               details={"edition_id": edition.id, "title": manual.title, "edition": manual.edition,
                        **manual.counts(), **(_diff_counts(difference) if difference else {})})
    parts = [describe_manual(manual, loaded.source)]
    if difference is not None:
        parts.append(f"{difference.summary()}（用 `manual diff` 可查看明细）。")
        parts.append(links)
    if loaded.skipped:
        parts.append(_skipped_text(loaded.skipped))
    return "".join(parts)


def describe_manual(manual: Manual, source: str) -> str:
    origin = "内置示例" if source == SAMPLE else source
    return f"已载入操作手册《{manual.title}》（{manual.edition}，来自 {origin}）：{count_text(manual)}。"


def count_text(manual: Manual) -> str:
    counts = manual.counts()
    return (f"{counts['projects']} 个测评项目、{counts['indicators']} 个测评指标、{counts['contents']} 项测评内容、"
            f"{counts['standards']} 条测评标准，其中 {counts['material_standards']} 条需要材料审核")


def diff_against_current(workspace: Workspace, spec: str) -> ManualDiff:
    """Compare a manual file with the workspace's current edition without changing anything."""
    new = read_manual(spec).manual
    with workspace.session() as session:
        old = current_manual(session)
    if old is None:
        raise UserError("工作区还没有载入操作手册，无从比较。请先用 `manual load 文件` 载入。")
    return diff_manuals(old, new)


@dataclass
class DocxConversion:
    out: Path
    manual: Manual
    skipped: list[SkippedRow]

    def describe(self) -> str:
        text = f"已把 Word 手册转换为 {self.out}：{count_text(self.manual)}。"
        return text + (_skipped_text(self.skipped) if self.skipped else "")


def convert_docx(docx: Path, out: Path | None = None) -> DocxConversion:
    """Write the Word manual as YAML (default: next to it, same name) and check the written file.

    The YAML is written even when it has problems, so the office can correct it by hand; the
    ManualError then names lines of the YAML file.
    """
    docx = Path(docx)
    out = Path(out) if out else docx.with_suffix(".yaml")
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise UserError(f"输出文件 {out} 应以 .yaml 结尾。")
    result = import_manual_docx(docx)
    header = f"由 {docx.name} 自动转换，请核对材料要求（kinds、min_count）后再载入。"
    try:
        out.write_text(manual_to_yaml(result.manual, header), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"无法写出 {out}：{exc.strerror}。请检查文件夹是否可写。") from exc
    try:
        manual = load_manual_file(out)
    except ManualError as exc:
        raise ManualError(str(out), exc.problems, intro=(
            f"已把 {docx} 转换为 {out}，但有 {len(exc.problems)} 处需要手工改正，改正后用 `manual load {out}` 载入"
        )) from exc
    return DocxConversion(out, manual, result.skipped)


def _link_report(session: Session, manual: Manual) -> str:
    codes = {node.code for node in manual.nodes()}
    linked = list(session.scalars(select(GroupItem.item_code))) + list(session.scalars(select(Mapping.item_code)))
    if not linked:
        return "工作区中还没有分工或归类记录。"
    missing = sorted({code for code in linked if code not in codes})
    kept = sum(1 for code in linked if code in codes)
    text = f"已有的 {len(linked)} 条分工和归类记录中 {kept} 条仍对应新版本的条目"
    if not missing:
        return text + "，全部保留。"
    shown = "、".join(missing[:_SHOWN_MISSING]) + ("等" if len(missing) > _SHOWN_MISSING else "")
    return (text + f"；{len(linked) - kept} 条指向新版本中已不存在的编号 {shown}，"
            "记录仍保留，请用 `group assign` 或 `map` 改到新编号。")


def _diff_counts(difference: ManualDiff) -> dict[str, int]:
    return {"added": len(difference.added), "removed": len(difference.removed), "changed": len(difference.changed)}


def _skipped_text(skipped: list[SkippedRow]) -> str:
    return f"Word 表格中有 {len(skipped)} 行未能读取：" + "；".join(row.describe() for row in skipped) + "。"
