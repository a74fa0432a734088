"""Log in to a workspace that has accounts. The password check (scrypt, deliberately slow) runs in
a background worker; a wrong password or a locked account is said in Chinese inside the dialog.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.workers import WorkerPool
from review.workspace.accounts import list_users, login
from review.workspace.folder import Workspace
from review.workspace.permissions import Actor


class LoginDialog(QDialog):
    """On acceptance `actor` is the logged-in person."""

    def __init__(self, workspace: Workspace, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.pool = pool
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — {0}").format(workspace.root.name))
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setMinimumWidth(220)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.name)
        form.addRow(self.tr("密码："), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("工作区 {0} 已启用账户，请登录。").format(workspace.root)))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.pool.submit(lambda _job: list_users(workspace), on_result=self._users, name="账户列表")

    def _users(self, users: list[dict[str, object]]) -> None:
        typed = self.name.currentText()
        self.name.clear()
        for user in users:
            label = f"{user['name']}（{user['role_name']}{'，' + str(user['group']) if user['group'] else ''}）"
            self.name.addItem(label, user["name"])
        if typed:
            self.name.setEditText(typed)
        self.password.setFocus()

    def user_name(self) -> str:
        index = self.name.findText(self.name.currentText())
        return str(self.name.itemData(index)) if index >= 0 else self.name.currentText().strip()

    def try_login(self) -> None:
        name, password = self.user_name(), self.password.text()
        if not name:
            self.message.setText(self.tr("请填写用户名。"))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        self.pool.submit(lambda _job: login(self.workspace, name, password),
                         on_result=self._logged_in, on_error=self._refused, name="登录")

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.selectAll()
        self.message.setText(describe_exception(exc))
