"""Findings on the desk: severity, location on the page, F8 to step through, waive with a reason."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.reason_dialog import ReasonDialog
from review.workspace.permissions import LOCAL_USER
from tests.desktop_helpers import (  # noqa: F401 - fixtures
    OFFICIAL_PLAN,
    add_groups,
    add_material,
    dialogs_fixture,
    pool_fixture,
    settings_sandbox_fixture,
    write_pages,
    write_pdf,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]



def test_findings_are_shown_located_and_waived(qtbot, workspace, pool, dialogs, tmp_path: Path, monkeypatch):
    add_groups(workspace)
    # real mistakes, found by the checks: a template leftover on page 2 (必须修改), another city on page 3 (建议修改)
    pdf = write_pages(tmp_path / "方案.pdf", [OFFICIAL_PLAN, "本项工作由XX同志负责落实。", "学习借鉴南京市的经验做法。"])
    add_material(workspace, "XC", pdf, "Ⅲ-1-1)")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    assert window.tree.state_of("Ⅲ-1-1)") == "problem"
    view = window.standard_pane
    qtbot.waitUntil(lambda: view.findings.rowCount() == 2, timeout=5000)
    assert view.findings.item(0, 1).text() == "必须修改" and view.findings.item(1, 1).text() == "建议修改"
    # the fault itself comes first, and wraps in a narrow pane instead of being cut off
    assert view.findings.horizontalHeaderItem(0).text() == "问题"
    assert "XX" in view.findings.item(0, 0).text() or "模板" in view.findings.item(0, 0).text()
    window.desk_splitter.setSizes([200, 300, 200])
    qtbot.waitUntil(lambda: view.findings.rowHeight(0) > 2 * view.findings.fontMetrics().height(), timeout=3000)
    assert view.findings.item(0, 2).text() == "第 2 页 · 方案.pdf"
    assert "必须修改 1 条" in view.findings_label.text()

    qtbot.keyClick(window, Qt.Key.Key_F8)  # the first finding, on page 2 with its rectangle
    qtbot.waitUntil(lambda: window.preview.page_count == 3 and window.preview.page == 1
                    and len(window.preview.request.rects) == 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.preview.page == 2, timeout=5000)

    view.findings.selectRow(0)
    assert view.waive_button.isEnabled()
    monkeypatch.setattr(ReasonDialog, "ask", lambda *a, **k: "姓名已在附件中列明，属正当引用")
    view.waive_button.click()
    # open findings are listed first: the waived one moves below the 建议修改 still open
    qtbot.waitUntil(lambda: view.findings.rowCount() == 2 and "已豁免" in view.findings.item(1, 0).text(),
                    timeout=5000)
    assert "已豁免 1 条" in view.findings_label.text()
    assert window.tree.state_of("Ⅲ-1-1)") == "problem"  # the 建议修改 finding is still open
    assert dialogs == []
