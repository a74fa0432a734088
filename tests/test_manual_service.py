"""Diffing editions and loading them into a workspace that already holds links to items."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import select

from review.errors import PermissionDenied
from review.manual.assignment import assign_items
from review.manual.diff import diff_manuals
from review.manual.loader import ManualError, load_manual_file, manual_to_yaml
from review.manual.model import KindRequirement, Standard
from review.manual.service import convert_docx, diff_against_current, load_manual_into, sample_manual_path
from review.manual.store import current_manual
from review.workspace.db.models import AuditEntry, Group, GroupItem, ManualEdition, Mapping, Material
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import Actor
from tests.conftest import small_manual


def test_diff_reports_added_removed_and_changed() -> None:
    old = small_manual("2025")
    new = copy.deepcopy(old)
    content = new.projects[0].indicators[0].contents[0]
    content.standards[0].title = "制定并印发志愿服务工作方案"
    content.standards[1].requirement.kinds = [KindRequirement("图片", 5)]
    content.standards.append(Standard("Ⅲ-1-3)", "建立志愿者激励制度", ["材料审核", "问卷调查"]))
    new.projects[1].indicators[0].contents[0].standards.pop()  # Ⅲ-3-2)
    new.projects[0].indicators[0].contents[1].standards[0].methods = ["问卷调查", "实地考察"]

    difference = diff_manuals(old, new)
    assert [ref.code for ref in difference.added] == ["Ⅲ-1-3)"]
    assert [ref.code for ref in difference.removed] == ["Ⅲ-3-2)"]
    changed = dict(difference.changed)
    assert set(changed) == {"Ⅲ-1-1)", "Ⅲ-1-2)", "Ⅲ-2-1)"}
    assert "名称由“制定志愿服务工作方案”改为“制定并印发志愿服务工作方案”" in changed["Ⅲ-1-1)"]
    assert "材料要求的材料类别及数量有变化" in changed["Ⅲ-1-2)"]
    assert "测评方法由问卷调查改为问卷调查、实地考察" in changed["Ⅲ-2-1)"]
    text = difference.render()
    assert text.splitlines()[0] == "与当前版本相比新增 1 项、删除 1 项、修改 3 项。"
    assert "+ 新增 测评标准 Ⅲ-1-3) 建立志愿者激励制度" in text and "- 删除 测评标准 Ⅲ-3-2)" in text
    assert diff_manuals(old, copy.deepcopy(old)).is_empty


def _add_mapping(session, group: Group, item_code: str) -> None:
    material = Material(group_id=group.id, path=f"/材料/{item_code}.pdf")
    session.add(material)
    session.flush()
    session.add(Mapping(material_id=material.id, item_code=item_code))


def test_new_edition_keeps_links_and_names_the_orphans(workspace: Workspace, tmp_path: Path) -> None:
    with workspace.session() as session:
        group = add_group(session, "WM", "文明办组")
        assign_items(session, "WM", ["Ⅲ-1", "Ⅲ-3-2)"])
        _add_mapping(session, group, "Ⅲ-1-1)")
    new = small_manual("2027")
    new.projects[1].indicators[0].contents[0].standards.pop()  # Ⅲ-3-2) is gone
    path = tmp_path / "2027.yaml"
    path.write_text(manual_to_yaml(new), encoding="utf-8")

    summary = load_manual_into(workspace, str(path))

    assert "5 条测评标准" not in summary and "4 条测评标准" in summary
    assert "删除 1 项" in summary
    assert "已有的 3 条分工和归类记录中 2 条仍对应新版本的条目" in summary
    assert "Ⅲ-3-2)" in summary
    with workspace.session() as session:
        assert current_manual(session).edition == "2027"
        assert sorted(session.scalars(select(GroupItem.item_code))) == ["Ⅲ-1", "Ⅲ-3-2)"]
        assert list(session.scalars(select(Mapping.item_code))) == ["Ⅲ-1-1)"]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "manual.load")).one()
        assert entry.target == str(path) and entry.details["removed"] == 1
        assert session.query(ManualEdition).count() == 2


def test_refused_manual_changes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "坏.yaml"
    bad.write_text("title: 坏手册\nedition: 1\nprojects: []\n", encoding="utf-8")
    with pytest.raises(ManualError):
        load_manual_into(workspace, str(bad))
    with pytest.raises(PermissionDenied):
        load_manual_into(workspace, "sample", Actor(name="张三", role="clerk", group_code="WM"))
    with workspace.session() as session:
        assert current_manual(session).edition == "2026"
        assert session.query(AuditEntry).filter(AuditEntry.action == "manual.load").count() == 0


def test_sample_loads_and_diff_leaves_workspace_unchanged(workspace: Workspace) -> None:
    difference = diff_against_current(workspace, "sample")
    assert (len(difference.added), len(difference.removed)) == (101 - 12, 0)  # every small-manual code is in the sample
    with workspace.session() as session:
        assert current_manual(session).edition == "2026"
    summary = load_manual_into(workspace, "sample")
    assert summary.startswith("已载入操作手册《全国文明城市测评体系操作手册（示例）》")
    assert "60 条测评标准，其中 40 条需要材料审核" in summary
    assert "工作区中还没有分工或归类记录" in summary


def test_word_manual_converts_to_yaml_that_loads(workspace: Workspace, tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate([["测评内容", "测评标准", "测评方法", "申报材料要求"],
                             ["Ⅲ-1 健全志愿服务制度", "1) 制定工作方案 2) 开展活动", "材料审核", "工作方案；活动图片3张"],
                             ["Ⅲ-3 背街小巷整治", "建立整治台账", "材料审核", "台账"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    docx = tmp_path / "新版手册.docx"
    document.save(str(docx))

    conversion = convert_docx(docx)
    assert conversion.out == tmp_path / "新版手册.yaml"
    assert load_manual_file(conversion.out) == conversion.manual
    summary = load_manual_into(workspace, str(docx))
    assert "3 条测评标准" in summary
    with workspace.session() as session:
        manual = current_manual(session)
    assert [s.code for s in manual.standards()] == ["Ⅲ-1-1)", "Ⅲ-1-2)", "Ⅲ-3-1)"]
    assert {k.kind: k.min_count for k in manual.standard("Ⅲ-1-2)").requirement.kinds} == {"工作方案": 1, "图片": 3}


def test_sample_file_is_the_bundled_one() -> None:
    assert sample_manual_path().name == "sample-manual.yaml" and sample_manual_path().exists()
