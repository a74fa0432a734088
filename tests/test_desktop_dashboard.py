"""The office dashboard shows the same figures as `workspace_status`, plus review states."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.dashboard import DashboardView
from desktop.desk_data import load_dashboard
from review.assessment.approval import decide
from review.assessment.overview import workspace_status
from review.manual.assignment import unassign_items
from review.workspace.permissions import LOCAL_USER
from tests.desktop_helpers import OFFICIAL_PLAN, add_groups, add_material, write_pdf

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_dashboard_figures_equal_workspace_status(qtbot, workspace, tmp_path: Path):
    add_groups(workspace)
    with workspace.session() as session:
        unassign_items(session, "CG", ["Ⅲ-3"])  # so that Ⅲ-3-1) is covered by no group
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    add_material(workspace, "XC", write_pdf(tmp_path / "照片说明.pdf"), "Ⅲ-1-2)")
    decide(workspace, LOCAL_USER, "XC", "Ⅲ-1-1)", "approve")

    view = DashboardView()
    qtbot.addWidget(view)
    view.show_dashboard(load_dashboard(workspace))
    status = workspace_status(workspace)
    figures = view.figures()
    assert set(figures) == {g["code"] for g in status["groups"]}
    for group in status["groups"]:
        row = figures[group["code"]]
        assert row["工作组"] == f"{group['name']}（{group['code']}）"
        assert int(row["条目"]) == group["standards"]
        assert int(row["材料文件"]) == group["files"]
    # Ⅲ-1-2) has one picture where the manual asks for 3: a must-fix the dashboard counts
    assert figures["XC"]["合格"] == "1" and figures["XC"]["有问题"] == "1" and figures["XC"]["缺失"] == "0"
    xc_status = next(g for g in status["groups"] if g["code"] == "XC")
    assert figures["XC"]["必须修改"] == str(xc_status["must_open"]) and xc_status["must_open"] >= 1
    assert figures["CG"]["条目"] == "0" and figures["CG"]["缺失"] == "0"
    assert figures["XC"]["签字"] == "未签字" and figures["XC"]["材料包"] == "未导入"
    assert status["uncovered_standards"] == ["Ⅲ-3-1)"]
    assert view.uncovered.item(0).text() == "Ⅲ-3-1) 建立背街小巷整治台账"
    assert f"（{len(status['uncovered_standards'])} 条）" in view.uncovered_label.text()
    xc = next(r for r in view.chart.rows if r.code == "XC")
    assert xc.readiness == 0.5


def test_double_click_drills_into_a_group(qtbot, workspace):
    add_groups(workspace)
    view = DashboardView()
    qtbot.addWidget(view)
    view.show_dashboard(load_dashboard(workspace))
    with qtbot.waitSignal(view.group_activated) as activated:
        view.table.cellDoubleClicked.emit(1, 0)
    assert activated.args == ["XC"]
