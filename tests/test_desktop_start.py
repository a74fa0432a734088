"""Start dialog: open a workspace in the background, remember it, refuse a wrong folder in Chinese;
log in to a workspace with accounts."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop.login_dialog import LoginDialog
from desktop.start_dialog import StartDialog, recent_workspaces
from review.workspace.accounts import create_first_admin
from tests.desktop_helpers import dialogs_fixture, pool_fixture, settings_sandbox_fixture  # noqa: F401 - fixtures

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_first_start_offers_the_demo_and_opens_a_workspace(qtbot, pool, workspace):
    dialog = StartDialog(pool)
    qtbot.addWidget(dialog)
    assert not dialog.welcome.isHidden() and "示例工作区" in dialog.welcome.text()
    assert not dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.open_path(workspace.root)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.opened.workspace.root == workspace.root
    assert dialog.opened.needs_login is False and dialog.opened.actor.single_user
    dialog.opened.workspace.close()
    assert recent_workspaces() == [str(workspace.root)]

    again = StartDialog(pool)
    qtbot.addWidget(again)
    assert again.welcome.isHidden() and again.recent.count() == 1 and again.open_button.isEnabled()
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        again.open_button.click()
    again.opened.workspace.close()


def test_a_folder_that_is_not_a_workspace_is_refused_in_chinese(qtbot, pool, dialogs, tmp_path: Path):
    dialog = StartDialog(pool)
    qtbot.addWidget(dialog)
    dialog.open_path(tmp_path)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    assert str(tmp_path) in dialogs[0] and "不是申报材料审核台的工作区" in dialogs[0]
    assert dialog.opened is None and dialog.browse_button.isEnabled()


def test_create_a_workspace_with_the_sample_manual(qtbot, pool, tmp_path: Path):
    from review.assessment.overview import workspace_status
    from tests.conftest import default_settings

    dialog = StartDialog(pool)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.create(tmp_path / "新工作区", default_settings())
    workspace = dialog.opened.workspace
    status = workspace_status(workspace)
    assert status["city"] == "北湖市" and status["manual"]["standards"] > 0
    workspace.close()


def test_login_dialog_refuses_a_wrong_password_then_logs_in(qtbot, pool, workspace, monkeypatch):
    create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    dialog = LoginDialog(workspace, pool)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.name.count() == 1, timeout=5000)
    assert dialog.user_name() == "文明办"
    dialog.password.setText("wrong-pass")
    dialog.try_login()
    qtbot.waitUntil(lambda: "密码错误" in dialog.message.text(), timeout=10_000)
    assert dialog.actor is None
    dialog.password.setText("office-pass")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_login()
    assert dialog.actor.name == "文明办" and dialog.actor.role == "office"


def test_demo_button_opens_the_demo_workspace(qtbot, pool, workspace, monkeypatch):
    import desktop.start_dialog as start_dialog

    monkeypatch.setattr(start_dialog, "demo_folder", lambda: workspace.root)  # already built
    dialog = StartDialog(pool)
    qtbot.addWidget(dialog)
    assert not dialog.demo_button.isHidden()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.demo_button.click()
    assert dialog.opened.workspace.root == workspace.root
    dialog.opened.workspace.close()
