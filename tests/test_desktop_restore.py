"""Opening a workspace whose database was lost offers the backups instead of a dead end; the clerk
restores the newest one and the workspace opens with its data."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from desktop.start_dialog import StartDialog
from review.assessment.overview import workspace_status
from review.workspace.folder import Workspace
from tests.desktop_helpers import pool_fixture, settings_sandbox_fixture  # noqa: F401 - fixtures

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_a_lost_database_is_restored_from_the_start_screen(qtbot, pool, workspace, monkeypatch):
    root = workspace.root
    workspace.close()
    Workspace.open(root).close()  # leaves the day's backup
    (root / "workspace.db").unlink()
    for side in ("workspace.db-wal", "workspace.db-shm"):
        (root / side).unlink(missing_ok=True)
    shown: list[str] = []
    offered: list[list[str]] = []

    def press_restore(box: QMessageBox) -> int:
        shown.append(box.text())
        button = next((b for b in box.buttons() if b.text() == "从备份恢复…"), None)
        if button is not None:
            button.click()
        return 0

    def first_backup(_parent, _title, _label, items, *_args):
        offered.append(list(items))
        return items[0], True

    monkeypatch.setattr(QMessageBox, "exec", press_restore)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(first_backup))
    dialog = StartDialog(pool)
    qtbot.addWidget(dialog)

    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.open_path(root)

    assert "不见了" in shown[0] and "最近的备份" in shown[0]
    assert offered and "每日" in offered[0][0]
    assert "已用备份" in shown[-1]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workspace_status(dialog.opened.workspace)["city"] == "北湖市"
    dialog.opened.workspace.close()
