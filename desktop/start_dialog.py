"""The start dialog: open a recent or another workspace, create one, or — on first start — try the
demo workspace. Opening (which may upgrade the database) runs in a background worker.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.demo_finish import demo_available
from desktop.errors import show_exception
from desktop.restore_dialog import offer_restore
from desktop.setup_wizard import SetupWizard
from desktop.workers import Job, Worker, WorkerPool
from review.manual.service import load_manual_into
from review.workspace.accounts import has_accounts
from review.workspace.backups import DatabaseUnusable
from review.workspace.folder import MARKER, Workspace
from review.workspace.permissions import LOCAL_USER, Actor
from review.workspace.settings import WorkspaceSettings

RECENT_KEY = "recent_workspaces"
MAX_RECENT = 8


def recent_workspaces() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-element list on some back-ends
        value = [value]
    return [str(v) for v in value or []]


def remember_workspace(path: Path) -> None:
    text = str(Path(path).resolve())
    QSettings().setValue(RECENT_KEY, [text, *[p for p in recent_workspaces() if p != text]][:MAX_RECENT])


def demo_folder() -> Path:
    return Path(platformdirs.user_data_dir("materials-review", appauthor=False)) / "示例工作区"


def demo_accounts_text() -> str:
    """Who to log in as in the demo, with the demo password."""
    from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    roles = [QCoreApplication.translate("StartDialog", "组长 <b>{0}</b>（{1}）").format(a.name, a.group_name) if a.group
             else QCoreApplication.translate("StartDialog", "文明办 <b>{0}</b>").format(a.name) for a in DEMO_ACCOUNTS]
    return QCoreApplication.translate("StartDialog", "示例工作区可以用两种身份试用：{0}。密码都是 <b>{1}</b>。").format(
        QCoreApplication.translate("StartDialog", "，或 ").join(roles), DEMO_PASSWORD)


@dataclass
class OpenedWorkspace:
    workspace: Workspace
    needs_login: bool
    actor: Actor | None  # the local user of a workspace without accounts


def open_workspace(path: Path) -> OpenedWorkspace:
    workspace = Workspace.open(path)
    with workspace.session() as session:
        accounts = has_accounts(session)
    return OpenedWorkspace(workspace, accounts, None if accounts else LOCAL_USER)


def create_workspace(path: Path, settings: WorkspaceSettings, manual: str) -> OpenedWorkspace:

    workspace = Workspace.create(path, settings)
    try:
        load_manual_into(workspace, manual)
    except BaseException:
        workspace.close()
        raise
    return OpenedWorkspace(workspace, False, LOCAL_USER)


def open_or_build_demo(job: Job) -> OpenedWorkspace:
    folder = demo_folder()
    if not (folder / MARKER).exists():
        from demo.build import build_demo  # the demo generator is optional (see demo_available)

        build_demo(folder, progress=job.report, finish=False)  # the rest runs once the window is up (demo_finish)
    return open_workspace(folder)


class StartDialog(QDialog):
    """On acceptance `opened` holds the open workspace (and whether a login is needed)."""

    def __init__(self, pool: WorkerPool, open_now: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.opened: OpenedWorkspace | None = None
        self.setWindowTitle(self.tr("申报材料审核台 — 打开工作区"))
        self.setMinimumWidth(560)
        recent = recent_workspaces()
        self.welcome = QLabel(self.tr("<b>欢迎使用申报材料审核台。</b>第一次使用？可以先打开示例工作区，"
                                      "看看一个工作组的材料如何检查、审核和签字。"))
        self.welcome.setWordWrap(True)
        self.welcome.setVisible(not recent)
        self.recent = QListWidget()
        for path in recent:
            item = QListWidgetItem(path)
            if not (Path(path) / MARKER).exists():
                item.setText(self.tr("{0}（找不到）").format(path))
                item.setForeground(Qt.GlobalColor.gray)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if recent:
            self.recent.setCurrentRow(0)
        self.recent.itemActivated.connect(lambda item: self.open_path(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.open_button = QPushButton(self.tr("打开所选"))
        self.open_button.setDefault(True)
        self.open_button.setEnabled(bool(recent))
        self.open_button.clicked.connect(self._open_selected)
        self.browse_button = QPushButton(self.tr("打开文件夹…"))
        self.browse_button.clicked.connect(self._browse)
        self.create_button = QPushButton(self.tr("新建工作区…"))
        self.create_button.clicked.connect(self._create)
        self.demo_button = QPushButton(self.tr("打开示例工作区"))
        self.demo_button.clicked.connect(self.open_demo)
        self.demo_button.setVisible(demo_available())
        self.demo_accounts = QLabel(demo_accounts_text() if demo_available() else "")
        self.demo_accounts.setWordWrap(True)
        self.demo_accounts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_accounts.setVisible(demo_available())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.busy_label = QLabel()
        buttons = QHBoxLayout()
        for button in (self.open_button, self.browse_button, self.create_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        quit_button = QPushButton(self.tr("退出"))
        quit_button.clicked.connect(self.reject)
        buttons.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome)
        layout.addWidget(QLabel(self.tr("最近打开的工作区：") if recent else self.tr("还没有打开过工作区。")))
        layout.addWidget(self.recent, 1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        layout.addWidget(self.demo_accounts)
        if open_now is not None:
            self.open_path(open_now)

    # -- actions -------------------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        self._run(self.tr("正在打开 {0}…").format(path), lambda _job: open_workspace(path))

    def create(self, path: Path, settings: WorkspaceSettings, manual: str = "sample") -> None:
        self._run(self.tr("正在新建工作区 {0}…").format(path), lambda _job: create_workspace(path, settings, manual))

    def open_demo(self) -> None:
        self._run(self.tr("正在准备示例工作区（第一次约需十几秒）…"), open_or_build_demo)

    def _open_selected(self) -> None:
        item = self.recent.currentItem()
        if item is not None:
            self.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择工作区文件夹"))
        if folder:
            self.open_path(Path(folder))

    def _create(self) -> None:
        wizard = SetupWizard(self.pool, self)
        if wizard.exec() == QDialog.DialogCode.Accepted:
            self.create(wizard.folder(), wizard.settings(), wizard.manual_spec())

    # -- background ----------------------------------------------------------------------------
    def _run(self, what: str, fn: Callable[[Job], OpenedWorkspace]) -> None:
        self._set_busy(what)

        def show_progress(worker: Worker) -> None:
            worker.signals.progress.connect(
                lambda done, total, current, _eta: self.busy_label.setText(f"{what} {done}/{total} {current}"))

        self.pool.submit(fn, on_result=self._opened, on_error=self._failed, name=what, connect=show_progress)

    def _set_busy(self, what: str) -> None:
        self.busy_label.setText(what)
        self.busy.setVisible(bool(what))
        for button in (self.open_button, self.browse_button, self.create_button, self.demo_button, self.recent):
            button.setEnabled(not what)

    def _opened(self, opened: OpenedWorkspace) -> None:
        self._set_busy("")
        remember_workspace(opened.workspace.root)
        self.opened = opened
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy("")
        self.open_button.setEnabled(self.recent.count() > 0)
        if isinstance(exc, DatabaseUnusable):
            if offer_restore(self, exc):
                self.open_path(exc.root)
            return
        show_exception(self, exc)
