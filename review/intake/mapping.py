"""Which 测评标准 a material proves: by naming convention, by explicit assignment.

Cities write item codes at the start of folder or file names in several styles: "Ⅱ-1-1)-①",
"Ⅲ-1-1）", "2.3.1", "2-3-1", "2.3.1-1". Codes from names and from the manual are normalised
the same way (full-width forms, Roman numerals typed as Latin letters, "." versus "-"), and a name
maps to the longest manual code it starts with.
"""
from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from review.errors import UserError
from review.manual.assignment import group_standard_codes
from review.manual.codes import match_code, normalize_code, require_code
from review.manual.model import Manual
from review.manual.store import current_manual
from review.workspace.audit import record
from review.workspace.db.models import Group, Mapping, Material
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.permissions import Actor, require

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CodeMatch:
    code: str
    component: str  # the folder or file name the code was read from


class CodeMatcher:
    """Finds the manual's standard code at the start of a file's name or of one of its folders."""
    def __init__(self, manual: Manual, patterns: Sequence[str]) -> None:
        self._codes = {normalize_code(s.code): s.code for s in manual.material_standards()}
        self._longest_first = sorted(self._codes, key=len, reverse=True)
        self._patterns = []
        for pattern in patterns:
            try:
                self._patterns.append(re.compile(pattern))
            except re.error as exc:
                raise UserError(f"条目编号命名规则“{pattern}”不是有效的正则表达式：{exc}。请在设置中修改。") from exc

    def code_of_name(self, name: str) -> str | None:
        for pattern in self._patterns:
            found = pattern.match(name.strip())
            if not found:
                continue
            candidate = normalize_code(found.groupdict().get("code") or found.group(0))
            code = self._longest_prefix(candidate)
            if code:
                return code
        return None

    def _longest_prefix(self, candidate: str) -> str | None:
        for normalized in self._longest_first:
            if candidate == normalized:
                return self._codes[normalized]
            if candidate.startswith(normalized) and not candidate[len(normalized)].isdigit():
                return self._codes[normalized]
        return None

    def match(self, rel_path: str) -> CodeMatch | None:
        """The file name first, then its folders from the nearest upwards."""
        parts = PurePosixPath(rel_path).parts
        for component in reversed(parts):
            stem = component if component is not parts[-1] else PurePosixPath(component).stem
            code = self.code_of_name(stem)
            if code:
                return CodeMatch(code, component)
        return None


@dataclass(frozen=True)
class UnmappedFile:
    material_id: int
    group: str
    path: str
    rel_path: str


def find_material(session: Session, file: str, group_code: str | None = None) -> Material:
    """A material by its path (absolute, or relative to its scan folder), by file name, or by id."""
    query = select(Material).join(Group, Material.group_id == Group.id)
    if group_code:
        query = query.where(Group.code == group_code)
    absolute = os.path.abspath(file)
    candidates = list(session.scalars(query.where(
        (Material.path == absolute) | (Material.rel_path == file.replace(os.sep, "/")))))
    if not candidates:
        name = PurePosixPath(file.replace(os.sep, "/")).name
        candidates = [m for m in session.scalars(query.where(Material.rel_path.like(f"%{name}")))
                      if PurePosixPath(m.rel_path).name == name]
    if not candidates and file.isdigit():
        material = session.get(Material, int(file))
        candidates = [material] if material else []
    if not candidates:
        raise UserError(f"工作区中没有文件 {file}。请先用 `scan` 扫描它所在的文件夹，或检查路径。")
    if len(candidates) > 1:
        listing = "、".join(m.path for m in candidates[:5])
        raise UserError(f"有多个文件与 {file} 对应：{listing}。请写出完整路径，或用 --group 指定工作组。")
    return candidates[0]


@dataclass(frozen=True)
class MappedFile:
    """A file whose mapping an action added (or found already there) or removed."""
    material_id: int
    path: str
    item_code: str  # as stored: the manual's spelling
    changed: bool = True  # False: the file was mapped there already


def assign(workspace: Workspace, actor: Actor, files: Sequence[str], item_code: str, *,
           group_code: str | None = None, source: str = "manual") -> list[MappedFile]:
    """Map files (as `find_material` finds them) to a 测评标准: an explicit assignment, or an
    accepted suggestion (`source="suggestion"`). One unit of work: a refused file maps none of
    them. After it commits, the search index's item filter is brought in step, opening the index
    once for all the files."""
    with workspace.session() as session:
        mapped = [_add_mapping(session, actor, find_material(session, file, group_code), item_code, source)
                  for file in files]
    update_search_items(workspace, [m.material_id for m in mapped if m.changed])
    return mapped


def unassign(workspace: Workspace, actor: Actor, files: Sequence[str], item_code: str, *,
             group_code: str | None = None) -> list[MappedFile]:
    """Remove files' mappings to a standard (the code as typed), as one unit of work; then the
    search index's item filter, as `assign` does."""
    with workspace.session() as session:
        removed = [_remove_mapping(session, actor, find_material(session, file, group_code), item_code)
                   for file in files]
    update_search_items(workspace, [m.material_id for m in removed])
    return removed


def _add_mapping(session: Session, actor: Actor, material: Material, item_code: str, source: str) -> MappedFile:
    group = session.get(Group, material.group_id)
    assert group is not None
    require(actor, "map", group.code)
    manual = current_manual(session)
    if manual is None:
        raise UserError("工作区还没有载入操作手册。请先运行 `manual load 手册.yaml` 或 `manual import 手册.docx`。")
    item_code = require_code(manual, item_code, ("standard",), [s.code for s in manual.material_standards()])
    standard = manual.standard(item_code)
    if standard is None or not standard.needs_materials:
        raise UserError(f"“{item_code}”不是操作手册中需要材料审核的测评标准。请用 `manual show` 查看编号。")
    if item_code not in group_standard_codes(session, group, manual):
        raise UserError(f"测评标准 {item_code} 不由工作组 {group.code}（{group.name}）负责，不能把该组的文件归到这一条。"
                        "如分工有误，请联系文明办调整。")
    if any(m.item_code == item_code for m in material.mappings):
        return MappedFile(material.id, material.path, item_code, changed=False)
    material.mappings.append(Mapping(item_code=item_code, source=source, created_by=actor.name))
    record(session, actor=actor.name, action="map", target=material.path, details={"item": item_code, "source": source})
    session.flush()
    return MappedFile(material.id, material.path, item_code)


def _remove_mapping(session: Session, actor: Actor, material: Material, item_code: str) -> MappedFile:
    group = session.get(Group, material.group_id)
    assert group is not None
    require(actor, "map", group.code)
    mapped = match_code((m.item_code for m in material.mappings), item_code)
    if len(mapped) == 1:  # as it was mapped, even under a code the current manual no longer has
        item_code = mapped[0]
    else:
        manual = current_manual(session)
        if manual is not None:
            item_code = manual.resolve_code(item_code, ("standard",)) or item_code
    before = len(material.mappings)
    material.mappings = [m for m in material.mappings if m.item_code != item_code]
    if len(material.mappings) == before:
        raise UserError(f"文件 {material.path} 没有归到 {item_code}，无需取消。")
    record(session, actor=actor.name, action="unmap", target=material.path, details={"item": item_code})
    return MappedFile(material.id, material.path, item_code)


def update_search_items(workspace: Workspace, material_ids: Sequence[int]) -> None:
    """Write the search index's item filter of these materials as their mappings are in the database.

    Called once the unit of work that changed the mappings has committed (an action that failed
    changed nothing, so nothing needs writing); the index is opened once for them all, and not at
    all when none of them is indexed yet (the scan that indexes a file writes its items). Should
    the index refuse the write, the materials are marked as not indexed, so that the next scan of
    their group indexes them again with their items; the mappings stand either way.
    """
    ids = sorted(set(material_ids))
    if not ids:
        return
    with workspace.session() as session:
        indexed = list(session.scalars(select(Material.id).where(Material.id.in_(ids),
                                                                 Material.indexed_sha256.is_not(None))))
        items: dict[int, list[str]] = {mid: [] for mid in indexed}
        for mid, code in session.execute(select(Mapping.material_id, Mapping.item_code)
                                         .where(Mapping.material_id.in_(indexed))):
            items[mid].append(code)
    if not items:
        return
    from review.intake.search import SearchService  # here: reading mappings must not load the index engine

    try:
        with SearchService.open(workspace) as service, service.bulk():  # one writer for them all
            for mid, codes in items.items():
                service.set_items(mid, codes)
    except Exception:
        log.warning("could not write the search index's item filter of materials %s; the next scan "
                    "indexes them again", list(items), exc_info=True)
        with workspace.session() as session:
            session.execute(update(Material).where(Material.id.in_(list(items))).values(indexed_sha256=None))


def unmapped_files(session: Session, group_code: str | None = None) -> list[UnmappedFile]:
    query = (select(Material, Group.code).join(Group, Material.group_id == Group.id)
             .where(Material.status == "present", ~Material.mappings.any()).order_by(Group.code, Material.rel_path))
    if group_code:
        query = query.where(Group.code == group_code)
    return [UnmappedFile(m.id, code, m.path, m.rel_path) for m, code in session.execute(query)]


def standards_without_materials(session: Session, group_code: str) -> list[str]:

    group = get_group(session, group_code)
    covered = set(session.scalars(
        select(Mapping.item_code).join(Material, Mapping.material_id == Material.id)
        .where(Material.group_id == group.id, Material.status == "present")))
    return [code for code in group_standard_codes(session, group) if code not in covered]


@dataclass(frozen=True)
class FiledMaterial:
    """What the readers of a group's filing need of a material (read in columns: a city has thousands)."""
    id: int
    path: str
    rel_path: str
    size: int
    sha256: str | None
    status: str


def material_label(material: Material | FiledMaterial) -> str:
    """The path users recognise: relative to the scanned folder when known."""
    return material.rel_path or material.path


def mapped_materials(session: Session, group: Group) -> dict[str, list[FiledMaterial]]:
    """The group's materials per requirement code they are mapped to, in path order."""
    rows = session.execute(
        select(Mapping.item_code, Material.id, Material.path, Material.rel_path, Material.size, Material.sha256,
               Material.status).join(Material, Mapping.material_id == Material.id)
        .where(Material.group_id == group.id).order_by(Material.rel_path, Material.path))
    out: dict[str, list[FiledMaterial]] = defaultdict(list)
    for code, *columns in rows:
        out[code].append(FiledMaterial(*columns))
    return out
