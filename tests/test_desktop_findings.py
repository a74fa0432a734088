"""Findings on the desk: severity, location on the page, F8 to step through, waive with a reason."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop.main_window import MainWindow
from review.permissions import LOCAL_USER
from tests.desktop_helpers import (  # noqa: F401 - fixtures
    add_finding,
    add_groups,
    add_material,
    dialogs_fixture,
    pool_fixture,
    settings_sandbox_fixture,
    write_pdf,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_findings_are_shown_located_and_waived(qtbot, workspace, pool, dialogs, tmp_path: Path, monkeypatch):
    add_groups(workspace)
    pdf = write_pdf(tmp_path / "方案.pdf", pages=3)
    add_material(workspace, "XC", pdf, "Ⅲ-1-1)")
    add_finding(workspace, "XC", pdf, severity="must", page=2, bbox=[300, 400, 500, 500])
    add_finding(workspace, "XC", pdf, severity="should", page=3, bbox=[72, 80, 300, 110], rule="IMG-CAPTION")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    assert window.tree.state_of("Ⅲ-1-1)") == "problem"
    view = window.requirement
    qtbot.waitUntil(lambda: view.findings.rowCount() == 2, timeout=5000)
    assert view.findings.item(0, 0).text() == "必须修改" and view.findings.item(1, 0).text() == "建议修改"
    assert view.findings.item(0, 2).text() == "第 2 页 · 方案.pdf"
    assert "必须修改 1 条" in view.findings_label.text()

    qtbot.keyClick(window, Qt.Key.Key_F8)  # the first finding, on page 2 with its rectangle
    qtbot.waitUntil(lambda: window.preview.page_count == 3 and window.preview.page == 1
                    and window.preview.request.rects == [(300.0, 400.0, 500.0, 500.0)], timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.preview.page == 2, timeout=5000)

    view.findings.selectRow(0)
    assert view.waive_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("姓名已在附件中列明，属正当引用", True))
    view.waive_button.click()
    qtbot.waitUntil(lambda: view.findings.rowCount() == 2 and "已豁免" in view.findings.item(0, 1).text(),
                    timeout=5000)
    assert "已豁免 1 条" in view.findings_label.text()
    assert window.tree.state_of("Ⅲ-1-1)") == "problem"  # the 建议修改 finding is still open
    assert dialogs == []
