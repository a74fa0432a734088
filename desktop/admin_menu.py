"""The 管理 menu of the main window: groups and their assignments, accounts, one's own password."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from desktop.groups_dialog import GroupsDialog
from desktop.setup_wizard import ManualDialog
from desktop.users_dialog import PasswordDialog, UsersDialog
from review.workspace.permissions import allowed

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def _explained(action: QAction, enabled: bool, why_not: str) -> None:
    """Enable the action, or disable it with the reason as its tooltip and status tip."""
    action.setEnabled(enabled)
    if not enabled:
        action.setToolTip(why_not)
        action.setStatusTip(why_not)


class AdminMenu(QMenu):
    """管理(&M): what the office sets up, and each person's password."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(QCoreApplication.translate("AdminMenu", "管理(&M)"), window)
        actor = window.actor
        self.setToolTipsVisible(True)
        self.groups = self.addAction(QCoreApplication.translate("AdminMenu", "工作组与分工…"))
        self.groups.triggered.connect(lambda _checked=False: show_groups(window))
        _explained(self.groups, allowed(actor, "group.edit"),
                   QCoreApplication.translate("AdminMenu", "只有文明办账户可以管理工作组和分工。{0}“{1}”的所属工作组和条目由文明办安排。")
                   .format(actor.role_name, actor.name))
        self.users = self.addAction(QCoreApplication.translate("AdminMenu", "账户…"))
        self.users.triggered.connect(lambda _checked=False: UsersDialog(window.workspace, actor, window.pool,
                                                                       window).exec())
        self.manual = self.addAction(QCoreApplication.translate("AdminMenu", "载入操作手册…"))
        self.manual.triggered.connect(lambda _checked=False: load_manual(window))
        _explained(self.manual, allowed(actor, "manual.edit"), QCoreApplication.translate("AdminMenu", "只有文明办账户可以载入操作手册。"))
        self.addSeparator()
        self.password = self.addAction(QCoreApplication.translate("AdminMenu", "修改密码…"))
        self.password.triggered.connect(lambda _checked=False: change_password(window))
        _explained(self.password, not actor.single_user,
                   QCoreApplication.translate("AdminMenu", "工作区还没有账户，无需密码。请先在“管理 › 账户”中新建文明办账户。"))


def show_groups(window: MainWindow) -> None:
    dialog = GroupsDialog(window.workspace, window.actor, window.pool, window)
    dialog.exec()
    if dialog.changed:
        window.load_groups()


def change_password(window: MainWindow) -> None:
    if PasswordDialog(window.workspace, window.actor, window.pool, window).exec() == QDialog.DialogCode.Accepted:
        window.statusBar().showMessage(QCoreApplication.translate("AdminMenu", "密码已修改。下次登录请使用新密码。"), 8000)


def load_manual(window: MainWindow) -> None:
    dialog = ManualDialog(window.workspace, window.actor, window.pool, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        QMessageBox.information(window, QCoreApplication.translate("AdminMenu", "已载入操作手册"), dialog.summary)
        window.load_groups()
