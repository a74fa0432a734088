"""Accounts: the list of people and their roles, a new account (the office only), and a password
change for whoever is logged in. Password hashing is deliberately slow, so it runs in a worker.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.screen_fit import resize_to_fit
from desktop.workers import WorkerPool
from review.signing.password_change import change_password
from review.workspace.accounts import change_role, create_user, list_users
from review.workspace.folder import Workspace
from review.workspace.groups import summaries
from review.workspace.permissions import ROLE_NAMES, Actor, allowed


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828")
    return label


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def read_groups(workspace: Workspace) -> list[tuple[str, str]]:
    with workspace.session() as session:
        return [(g.code, g.name) for g in summaries(session)]


class RoleGroupFields:
    """The role and group choices of an account: a 组长 or 材料员 belongs to a group, the office to none."""

    def __init__(self, actor: Actor, groups: list[tuple[str, str]], role: str | None, group: str | None) -> None:
        self.role = QComboBox()
        roles = ["office"] if actor.single_user else ["leader", "clerk", "office"]
        for key in roles:
            self.role.addItem(ROLE_NAMES[key], key)
        if role is not None and self.role.findData(role) >= 0:
            self.role.setCurrentIndex(self.role.findData(role))
        self.group = QComboBox()
        for code, name in groups:
            self.group.addItem(f"{name}（{code}）", code)
        if group is not None and self.group.findData(group) >= 0:
            self.group.setCurrentIndex(self.group.findData(group))
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def chosen(self) -> tuple[str, str | None]:
        role = self.role.currentData()
        return role, (self.group.currentData() if role != "office" else None)

    def _role_changed(self) -> None:
        self.group.setEnabled(self.role.currentData() != "office")


class NewUserDialog(QDialog):
    """One new account: name, role, group (for a 组长 or 材料员) and the password typed twice."""

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, groups: list[tuple[str, str]],
                 role: str | None = None, group: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool = workspace, actor, pool
        self.created: str | None = None
        self.setWindowTitle(self.tr("新建账户"))
        self.name = QLineEdit()
        self.fields = RoleGroupFields(actor, groups, role, group)
        self.role, self.group = self.fields.role, self.fields.group
        self.password = _password_field()
        self.again = _password_field()
        form = QFormLayout()
        form.addRow(self.tr("姓名（登录用）："), self.name)
        form.addRow(self.tr("角色："), self.role)
        form.addRow(self.tr("所属工作组："), self.group)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("再输一次："), self.again)
        note = QLabel(self.tr("工作区还没有账户：第一个账户必须是文明办账户。建立后，打开本工作区需要登录。")
                      if actor.single_user else
                      self.tr("组长审核、豁免并签字确认本组材料；材料员扫描和归类本组材料；文明办管理工作区。"))
        self.message, self.buttons = _lay_out_account_dialog(self, note, form, self.tr("新建"), 400)

    def save(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        role, group = self.fields.chosen()
        if not name:
            self.message.setText(self.tr("请填写姓名。"))
            return
        if password != self.again.text():
            self.message.setText(self.tr("两次输入的密码不一致，请重新输入。"))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在新建…"))
        self.pool.submit(lambda _job: create_user(self.workspace, self.actor, name, role, password, group).name,
                         on_result=self._created, on_error=self._refused, name="新建账户")

    def _created(self, name: str) -> None:
        self.created = name
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(describe_exception(exc))


class EditUserDialog(QDialog):
    """Another role or group for an existing account (the office only); the password stays."""

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, groups: list[tuple[str, str]],
                 name: str, role: str, group: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool, self.name = workspace, actor, pool, name
        self.setWindowTitle(self.tr("修改账户 — {0}").format(name))
        self.fields = RoleGroupFields(actor, groups, role, group)
        form = QFormLayout()
        form.addRow(self.tr("角色："), self.fields.role)
        form.addRow(self.tr("所属工作组："), self.fields.group)
        note = QLabel(self.tr("“{0}”的密码不变；新的角色和工作组在其下次登录时生效。").format(name))
        self.message, self.buttons = _lay_out_account_dialog(self, note, form, self.tr("保存"), 360)

    def save(self) -> None:
        role, group = self.fields.chosen()
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在保存…"))
        self.pool.submit(lambda _job: change_role(self.workspace, self.actor, self.name, role, group),
                         on_result=lambda _none: self.accept(), on_error=self._refused, name="修改账户")

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(describe_exception(exc))


def _lay_out_account_dialog(dialog: NewUserDialog | EditUserDialog, note: QLabel, form: QFormLayout, ok: str,
                            min_width: int) -> tuple[QLabel, QDialogButtonBox]:
    """The note, the form, the error line and OK (`ok`)/取消 of an account dialog, sized to the
    screen; OK calls the dialog's `save`. Returns the error line and the buttons."""
    note.setWordWrap(True)
    message = _error_label()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(note)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addWidget(buttons)
    resize_to_fit(dialog, max(dialog.sizeHint().width(), min_width), dialog.sizeHint().height())
    return message, buttons


class UsersDialog(QDialog):
    """Everyone with an account; the office adds accounts here."""

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool = workspace, actor, pool
        self.groups: list[tuple[str, str]] = []
        self.users: list[dict[str, object]] = []
        self.setWindowTitle(self.tr("账户"))
        resize_to_fit(self, 620, 400)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("角色"), self.tr("工作组")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("新建账户…"))
        self.add_button.clicked.connect(lambda: self.add_user())
        self.may_edit = allowed(actor, "user.edit")
        self.add_button.setEnabled(self.may_edit)
        self.edit_button = QPushButton(self.tr("修改角色和工作组…"))
        self.edit_button.setToolTip(self.tr("选中一个账户后修改它的角色或所属工作组（也可双击该行）"))
        self.edit_button.clicked.connect(lambda: self.edit_user())
        self.edit_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.edit_button.setEnabled(self.may_edit and self.selected_user() is not None))
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.edit_user())
        self.note = QLabel("" if self.may_edit else self.tr("只有文明办账户可以新建账户。{0}“{1}”可以在这里查看账户，"
                                                            "并在“管理 › 修改密码”中修改自己的密码。")
                           .format(actor.role_name, actor.name))
        self.note.setWordWrap(True)
        self.note.setVisible(not self.may_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.pool.submit(lambda _job: (list_users(self.workspace), read_groups(self.workspace)),
                         on_result=self._loaded, name="账户列表")

    def _loaded(self, loaded: tuple[list[dict[str, object]], list[tuple[str, str]]]) -> None:
        users, self.groups = loaded
        self.users = users
        names = dict(self.groups)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            group = str(user["group"] or "")
            values = (str(user["name"]), str(user["role_name"]), f"{names.get(group, '')}（{group}）" if group else "")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if not users:
            self.note.setText(self.tr("工作区还没有账户，任何人打开都以“本机用户”身份工作。"
                                      "先新建一个文明办账户，再为各组新建组长和材料员账户。"))
            self.note.show()

    def selected_user(self) -> dict[str, object] | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) and self.table.selectedItems() else None

    def edit_user(self) -> bool:
        """Open the role-and-group dialog for the selected account; True when it was changed."""
        user = self.selected_user()
        if user is None or not self.may_edit:
            return False
        dialog = EditUserDialog(self.workspace, self.actor, self.pool, self.groups, str(user["name"]),
                                str(user["role"]), str(user["group"]) if user["group"] else None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            return True
        return False

    def add_user(self, role: str | None = None, group: str | None = None) -> str | None:
        """Open the new-account dialog; returns the new account's name."""
        dialog = NewUserDialog(self.workspace, self.actor, self.pool, self.groups, role, group, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            return dialog.created
        return None


class PasswordDialog(QDialog):
    """The logged-in person changes their own password (a leader's signing key follows it)."""

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool = workspace, actor, pool
        self.setWindowTitle(self.tr("修改密码 — {0}").format(actor.name))
        self.old = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        form = QFormLayout()
        form.addRow(self.tr("原密码："), self.old)
        form.addRow(self.tr("新密码："), self.new)
        form.addRow(self.tr("再输一次新密码："), self.again)
        self.message = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("修改"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        resize_to_fit(self, max(self.sizeHint().width(), 360), self.sizeHint().height())

    def save(self) -> None:
        old, new = self.old.text(), self.new.text()
        if new != self.again.text():
            self.message.setText(self.tr("两次输入的新密码不一致，请重新输入。"))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在修改…"))
        self.pool.submit(lambda _job: change_password(self.workspace, self.actor, old, new),
                         on_result=lambda _none: self.accept(), on_error=self._refused, name="修改密码")

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.old.selectAll()
        self.message.setText(describe_exception(exc))
