"""Task groups: creation, assignment of manual items as lead or support, loading from files."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from review.errors import UserError
from review.manual.assignment import assign_items, group_standard_codes, load_groups_file
from review.workspace.folder import Workspace
from review.workspace.groups import add_group, summaries


def test_assign_content_covers_its_material_standards(workspace: Workspace) -> None:
    with workspace.session() as session:
        group = add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-1"], "lead")
        # Ⅲ-2-1) is a survey-only standard and needs no materials; Ⅲ-1 covers two material standards.
        assert group_standard_codes(session, group) == ["Ⅲ-1-1)", "Ⅲ-1-2)"]
        assign_items(session, "XC", ["Ⅲ-3-1)"], "support")
        summary = summaries(session)[0]
    assert summary.lead_items == ["Ⅲ-1"]
    assert summary.support_items == ["Ⅲ-3-1)"]


def test_assignment_refuses_unknown_codes_and_top_levels(workspace: Workspace) -> None:
    with workspace.session() as session:
        add_group(session, "CG", "城管组")
        with pytest.raises(UserError, match="没有这些条目：Ⅸ-9"):
            assign_items(session, "CG", ["Ⅸ-9"])
        with pytest.raises(UserError, match="更高层级"):
            assign_items(session, "CG", ["Ⅰ-1"])
        with pytest.raises(UserError, match="没有编号为“JT”的工作组"):
            assign_items(session, "JT", ["Ⅲ-1"])


def test_duplicate_group_refused(workspace: Workspace) -> None:
    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
        with pytest.raises(UserError, match="已存在"):
            add_group(session, "XC", "另一个组")


def test_load_groups_from_yaml_csv_and_xlsx(workspace: Workspace, tmp_path: Path) -> None:
    yaml_file = tmp_path / "groups.yaml"
    yaml_file.write_text("- {code: XC, name: 宣传组, lead: [Ⅲ-1]}\n- {code: CG, name: 城管组, support: [Ⅲ-3]}\n",
                         encoding="utf-8")
    csv_file = tmp_path / "groups.csv"
    csv_file.write_bytes("编号,名称,牵头,配合\nJT,交通组,Ⅲ-3-1),\n".encode("gb18030"))
    xlsx_file = tmp_path / "groups.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["编号", "名称", "牵头", "配合"])
    book.active.append(["JY", "教育组", "Ⅲ-1-1)、Ⅲ-1-2)", None])
    book.save(xlsx_file)
    with workspace.session() as session:
        assert load_groups_file(session, yaml_file) == 2
        assert load_groups_file(session, csv_file) == 1
        assert load_groups_file(session, xlsx_file) == 1
        by_code = {s.code: s for s in summaries(session)}
    assert by_code["CG"].support_items == ["Ⅲ-3"]
    assert by_code["JT"].name == "交通组" and by_code["JT"].lead_items == ["Ⅲ-3-1)"]
    assert by_code["JY"].lead_items == ["Ⅲ-1-1)", "Ⅲ-1-2)"]


def test_load_groups_names_the_bad_row(workspace: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "groups.yaml"
    bad.write_text("- {code: XC, name: 宣传组, lead: [Ⅲ-99]}\n", encoding="utf-8")
    with workspace.session() as session, pytest.raises(UserError, match=r"groups.yaml 第 1 条（XC）"):
        load_groups_file(session, bad)
