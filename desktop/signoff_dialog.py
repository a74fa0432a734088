"""Sign off a group: what is covered, the exceptions (each with a reason the office will see), and
the leader's password. Signing (key unlock, hashing, Ed25519) runs in a background worker.

Also the dialog that shows a stale sign-off: exactly which files changed since it was signed.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.desk_data import GroupDesk
from desktop.errors import describe_exception
from desktop.manual_tree import STATES, state_icon
from desktop.screen_fit import resize_to_fit
from desktop.workers import WorkerPool
from review.errors import PermissionDenied
from review.handover.signoff import sign_off, signed_exceptions, signing_blockers
from review.signing.verification import SignoffStatus
from review.workspace.folder import Workspace
from review.workspace.locking import waiting_with
from review.workspace.permissions import Actor, require


def open_codes(desk: GroupDesk) -> list[str]:
    """The group's standards not 合格: each is signed as an exception with the leader's note."""
    return [c for c in desk.codes if not (desk.statuses.get(c) and desk.statuses[c].state == "ok")]


def must_fix_blockers(desk: GroupDesk) -> list[str]:
    """What blocks the signature even with an exception note for every open standard."""
    return signing_blockers(desk.state, dict.fromkeys(open_codes(desk), "…")) if desk.state else []


def signoff_refusals(actor: Actor, desk: GroupDesk | None) -> list[str]:
    """Why `actor` cannot sign the group open on the desk now (empty when they can)."""
    if desk is None:
        return [QCoreApplication.translate("SignoffDialog", "请先打开一个工作组")]
    try:
        require(actor, "signoff", desk.group_code)
    except PermissionDenied as exc:
        return [exc.message]
    return must_fix_blockers(desk)


class SignoffDialog(QDialog):
    """Lists every standard of the group; those not 合格 need a reason to be signed as exceptions."""

    def __init__(self, workspace: Workspace, actor: Actor, desk: GroupDesk, pool: WorkerPool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.desk, self.pool = workspace, actor, desk, pool
        self.signed_version: int | None = None
        self.setWindowTitle(self.tr("签字确认 — {0}（{1}）").format(desk.group_name, desk.group_code))
        resize_to_fit(self, 720, 480)
        titles = {s.code: s.title for s in desk.manual.standards()} if desk.manual else {}
        self.open_codes = open_codes(desk)
        ok = [c for c in desk.codes if c not in self.open_codes]
        intro = QLabel(self.tr("签字将记录本组 {0} 个条目全部材料的指纹（SHA-256）。其中 {1} 个已审核通过；"
                               "其余 {2} 个请逐条写明作为例外的原因，文明办会看到。签字后任何文件变化都会使签字失效。")
                       .format(len(desk.codes), len(ok), len(self.open_codes)))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(desk.codes), 3)
        self.table.setHorizontalHeaderLabels([self.tr("条目"), self.tr("状态"), self.tr("例外原因（未通过的条目必填）")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, code in enumerate(desk.codes):
            name = QTableWidgetItem(f"{code} {titles.get(code, '')}")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            state = desk.statuses[code].state if code in desk.statuses else "missing"
            badge = QTableWidgetItem(state_icon(state), STATES[state].label)
            badge.setFlags(badge.flags() & ~Qt.ItemFlag.ItemIsEditable)
            reason = QTableWidgetItem("")
            if code in ok:
                reason.setFlags(reason.flags() & ~Qt.ItemFlag.ItemIsEditable)
            reason.setData(Qt.ItemDataRole.UserRole, code)
            for column, item in enumerate((name, badge, reason)):
                self.table.setItem(row, column, item)
        state = desk.state
        # Must-fix problems an exception note cannot cover block the signature; the rest is signed with it.
        self.blockers = must_fix_blockers(desk)
        signed_too = signed_exceptions(state, {}) if state else []
        self.exceptions_list = QListWidget()
        self.exceptions_list.setWordWrap(True)
        for line in self.blockers:
            entry = QListWidgetItem(self.tr("须先处理：{0}").format(line))
            entry.setForeground(QColor("#c62828"))
            self.exceptions_list.addItem(entry)
        for line in signed_too:
            self.exceptions_list.addItem(line)
        exceptions_label = QLabel(self.tr("签字同时确认以下事项（文明办可见）：") if not self.blockers else
                                  self.tr("有 {0} 个必须修改的问题尚未修改或豁免，不能签字。请修改材料后重新扫描，"
                                          "或在问题列表中写明理由予以豁免：").format(len(self.blockers)))
        exceptions_label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("组长“{0}”的密码：").format(actor.name), self.password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("签字"))
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.blockers)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        if self.blockers or signed_too:
            layout.addWidget(exceptions_label)
            layout.addWidget(self.exceptions_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def exceptions(self) -> dict[str, str]:
        out = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 2)
            code = item.data(Qt.ItemDataRole.UserRole)
            if code in self.open_codes:
                out[code] = item.text().strip()
        return out

    def sign(self) -> None:
        exceptions = self.exceptions()
        blank = [code for code, reason in exceptions.items() if not reason]
        if blank:
            self.message.setText(self.tr("请为未通过的条目写明例外原因：{0}。").format("、".join(blank)))
            return
        password, group = self.password.text(), self.desk.group_code
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在签字…"))
        worker = self.pool.submit(
            lambda job: sign_off(self.workspace, self.actor, password, group, exceptions,
                                 wait=waiting_with(job.report, job.cancel)).version,
            on_result=self._signed, on_error=self._refused, name="签字")
        # A scan of the group running elsewhere is waited for; say so instead of a silent "正在签字…".
        worker.signals.progress.connect(lambda _done, _total, current, _eta: self.message.setText(current),
                                        Qt.ConnectionType.QueuedConnection)

    def _signed(self, version: int) -> None:
        self.signed_version = version
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(describe_exception(exc))


def signoff_summary(status: SignoffStatus) -> str:
    """One line for the status bar, e.g. 签字：已失效（第 2 版，3 处变化）."""
    if status.state == "none":
        return QCoreApplication.translate("SignoffDialog", "签字：未签字")
    changes = (QCoreApplication.translate("SignoffDialog", "，{0} 处变化").format(len(status.differences))
               if status.differences else "")
    return QCoreApplication.translate("SignoffDialog", "签字：{0}（第 {1} 版，{2}{3}）").format(
        status.state_name, status.version, status.leader, changes)


class SignoffChangesDialog(QDialog):
    """What changed since the sign-off: file, kind of change, detail."""

    def __init__(self, status: SignoffStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("签字状态 — {0}").format(status.group_code))
        resize_to_fit(self, 680, 360)
        text = signoff_summary(status)
        if status.problem:
            text += "\n" + status.problem
        if status.state == "stale":
            text += "\n" + self.tr("以下变化使签字失效。请组长重新审核这些条目后再次签字。")
        label = QLabel(text)
        label.setWordWrap(True)
        table = QTableWidget(len(status.differences), 3)
        table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("变化"), self.tr("说明")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, difference in enumerate(status.differences):
            for column, value in enumerate((difference.path, difference.kind_name, difference.detail)):
                table.setItem(row, column, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.table = table
