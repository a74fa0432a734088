"""The application: an unexpected exception anywhere becomes a logged traceback and a Chinese dialog."""
from __future__ import annotations

import logging
import sys
import threading

import pytest

from desktop.app import install_exception_hook, make_application
from tests.desktop_helpers import dialogs_fixture, pool_fixture, settings_sandbox_fixture  # noqa: F401 - fixtures

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def hooks():
    saved = sys.excepthook, threading.excepthook
    install_exception_hook()
    yield
    sys.excepthook, threading.excepthook = saved


def test_exception_in_a_slot_is_logged_and_shown(qtbot, dialogs, hooks, caplog):
    make_application()
    with caplog.at_level(logging.ERROR):
        try:
            raise KeyError("内部状态")
        except KeyError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert "意外错误（KeyError）" in dialogs[0] and "日志文件" in dialogs[0]
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)


def test_exception_in_a_plain_thread_reaches_the_user_too(qtbot, dialogs, hooks):
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert "ZeroDivisionError" in dialogs[0]


def test_application_is_named_for_settings_and_prefers_a_cjk_font(qapp):
    app = make_application()
    assert app.applicationName() == "申报材料审核台"
    assert "Noto Sans CJK SC" in app.font().families()
    assert sys.getswitchinterval() == pytest.approx(0.001)


@pytest.mark.usefixtures("settings_sandbox")
def test_switching_workspaces_keeps_the_program_running(qtbot, qapp, workspace, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from desktop.app import AppController
    from desktop.start_dialog import StartDialog, create_workspace
    from tests.conftest import default_settings

    other = create_workspace(tmp_path / "另一个工作区", default_settings(), "sample")
    other.workspace.close()
    choices = [workspace.root, other.workspace.root]

    def choose_next(dialog: StartDialog) -> int:  # the user picks the next folder in the list
        dialog.open_path(choices.pop(0))
        qtbot.waitUntil(lambda: dialog.opened is not None, timeout=10_000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StartDialog, "exec", choose_next)
    quits: list[bool] = []
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))
    controller = AppController(qapp)
    assert controller.choose()
    first = controller.window  # deleted by switch(), so not handed to qtbot
    assert first.workspace.root == workspace.root
    controller.switch()
    second = controller.window
    qtbot.addWidget(second)
    assert second is not first and second.workspace.root == other.workspace.root
    assert not quits and qapp.quitOnLastWindowClosed()
    controller.pool.wait()
    second.close()
    second.workspace.close()
