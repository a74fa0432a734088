"""The application: an unexpected exception anywhere becomes a logged traceback and a Chinese dialog."""
from __future__ import annotations

import logging
import sys
import threading

import pytest

from desktop.app import install_exception_hook, make_application
from tests.desktop_helpers import dialogs_fixture  # noqa: F401 - fixtures


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
