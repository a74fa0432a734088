"""The QApplication: set-up, translators, the global exception hook, and the start → login → main
window flow. `run_app` returns the exit status; it never exits silently — a failure that reaches
the top is logged and shown as a Chinese dialog.
"""
from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from desktop.demo_finish import finish_demo_in_background
from desktop.errors import describe_exception, set_log_file, show_error
from desktop.i18n import install_translators
from desktop.workers import WorkerPool
from resources import resource_path
from review.workspace.folder import Workspace
from review.workspace.logs import configure_logging, user_log_file
from review.workspace.permissions import Actor

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)

ORGANIZATION = "materials-review"
APPLICATION = "申报材料审核台"
# Preferred UI fonts: Windows, then Linux (Noto CJK), then macOS; Qt falls back if none exists.
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "PingFang SC"]


# How long a Python thread may keep the GIL while another waits (CPython's default is 5 ms). The
# UI thread re-acquires the GIL around nearly every Qt call, so with a busy scan worker each
# re-acquisition could cost up to 5 ms; 1 ms keeps repaints and progress updates prompt.
GIL_SWITCH_INTERVAL_S = 0.001

# Set to 1, the program closes its main window as soon as it is shown: the installers' smoke tests
# (and a cold-start measurement) check that the window comes up and the program ends cleanly.
EXIT_AFTER_SHOW = "MATERIALS_REVIEW_EXIT_AFTER_SHOW"


def freeze_long_lived_objects() -> None:
    """Hide the objects alive now (modules, classes, widgets: they live as long as the program) from
    the garbage collector. A full collection walks every object while holding the GIL; at the end of
    a 2,000-file scan one took 165 ms, during which the window could not repaint."""
    gc.freeze()


def make_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication (created if needed) with names for QSettings and a CJK font."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(resource_path("icons", "materials-review.png"))))
    font = QFont(app.font())
    font.setFamilies(UI_FONTS)
    app.setFont(font)
    return app


class _ErrorRelay(QObject):
    """Lives on the UI thread; a signal emitted from any thread opens the dialog there."""

    raised = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, exc: BaseException) -> None:
        show_error(QApplication.activeWindow(), describe_exception(exc))


_relay: _ErrorRelay | None = None


def install_exception_hook() -> None:
    """Unexpected exceptions (in slots, or threads outside the worker pool) → log + dialog.

    Call on the UI thread."""
    global _relay
    _relay = _ErrorRelay()
    relay = _relay

    def on_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        relay.raised.emit(exc)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def use_workspace_log(workspace: Workspace) -> None:
    configure_logging(workspace.paths.log_file)
    set_log_file(workspace.paths.log_file)


class AppController(QObject):
    """Start dialog → (login) → main window; 打开其他工作区 returns to the start dialog."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.pool = WorkerPool(self)
        self.window: MainWindow | None = None
        self.workspace: Workspace | None = None

    def choose(self, open_now: Path | None = None, package: Path | None = None) -> bool:
        """Show the start dialog (opening `open_now` at once if given); False if the user quits. A
        `package` (.mrpkg) is offered for import once the main window is shown."""
        from desktop.login_dialog import LoginDialog  # imported when shown: the first window paints sooner
        from desktop.start_dialog import StartDialog

        while True:
            dialog = StartDialog(self.pool, open_now=open_now)
            open_now = None
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.opened is None:
                return False
            workspace, needs_login = dialog.opened.workspace, dialog.opened.needs_login
            use_workspace_log(workspace)
            actor: Actor | None = dialog.opened.actor
            if needs_login:
                login = LoginDialog(workspace, self.pool)
                if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
                    workspace.close()
                    continue
                actor = login.actor
            assert actor is not None
            self.show_main(workspace, actor)
            if package is not None and self.window is not None:
                QTimer.singleShot(0, partial(self.window.handover.offer_package, package))
            return True

    def show_main(self, workspace: Workspace, actor: Actor) -> None:
        from desktop.main_window import MainWindow

        self.workspace = workspace
        window = MainWindow(workspace, actor, self.pool)
        window.switch_requested.connect(self.switch)
        if window.first_start:  # as big as the screen allows; later starts keep what the user chose
            window.showMaximized()
        else:
            window.show()
        self.window = window
        freeze_long_lived_objects()
        log.info("main window shown: %s", window.windowTitle())
        if os.environ.get(EXIT_AFTER_SHOW) == "1":
            QTimer.singleShot(0, window.close)
        else:
            finish_demo_in_background(window)  # a demo built with --quick: its OCR and checks, now

    def switch(self) -> None:
        """打开其他工作区: close this window and workspace, then the start dialog again."""
        self.app.setQuitOnLastWindowClosed(False)  # closing the window must not end the program here
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        if self.choose():
            self.app.setQuitOnLastWindowClosed(True)
        else:
            self.app.quit()


def run_app(workspace_dir: str | None, package: str | None = None,
            signed_in: tuple[Workspace, Actor] | None = None) -> int:
    """The desktop program; returns when the last window closes. With `package` (a .mrpkg opened with
    the program) the office is offered its import in the workspace chosen at the start. `signed_in`:
    the workspace the command line opened and logged in to (`-w DIR --user NAME gui`), shown at once
    without the start dialog."""
    configure_logging(user_log_file())
    app = make_application()
    translators = install_translators(app)  # noqa: F841 - kept alive for the app's lifetime
    install_exception_hook()
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(app)
    try:
        if signed_in is not None:
            use_workspace_log(signed_in[0])
            controller.show_main(*signed_in)
        elif not controller.choose(Path(workspace_dir) if workspace_dir else None,
                                   Path(package) if package else None):
            return 0
        app.setQuitOnLastWindowClosed(True)
        status = app.exec()
    except Exception as exc:  # last line of defence: log and tell, never a traceback
        show_error(None, describe_exception(exc))
        return 1
    finally:
        controller.pool.cancel_all()
        controller.pool.wait(10_000)
        if controller.workspace is not None:
            controller.workspace.close()
    return status
