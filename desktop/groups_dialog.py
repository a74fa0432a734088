"""工作组与分工: the office's groups (new, rename, their 组长 and 材料员) and which manual items each owns,
ticked as 牵头 or 配合 in the manual's tree or loaded from a YAML, CSV or XLSX file. Every change goes
through review.manual.group_admin in a worker (permission checked, audit recorded).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.screen_fit import resize_to_fit
from desktop.users_dialog import NewUserDialog
from desktop.workers import Job, WorkerPool
from review.manual import group_admin
from review.manual.model import Manual
from review.manual.store import current_manual
from review.workspace.folder import Workspace
from review.workspace.groups import GroupSummary, summaries
from review.workspace.permissions import Actor, allowed

LEAD, SUPPORT, OTHERS = 1, 2, 3  # the tree's columns after the item itself
ASSIGNABLE = ("content", "standard")


@dataclass
class GroupsData:
    manual: Manual | None
    groups: list[GroupSummary]


def read_groups_data(workspace: Workspace) -> GroupsData:
    with workspace.session() as session:
        return GroupsData(current_manual(session), summaries(session))


class GroupNameDialog(QDialog):
    """A new group's code and name, or a new name for an existing group (code fixed)."""

    def __init__(self, code: str = "", name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("重命名工作组") if code else self.tr("新建工作组"))
        self.code = QLineEdit(code)
        self.code.setReadOnly(bool(code))
        self.code.setPlaceholderText(self.tr("简短的编号，例如 XC"))
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("例如：宣传组"))
        form = QFormLayout()
        form.addRow(self.tr("编号："), self.code)
        form.addRow(self.tr("名称："), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class AssignmentTree(QTreeWidget):
    """The manual's tree with 牵头 and 配合 tick boxes on every 测评内容 and 测评标准. A standard under a
    ticked 测评内容 goes with it and cannot be ticked on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("测评条目"), self.tr("牵头"), self.tr("配合"), self.tr("其他组")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (LEAD, SUPPORT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OTHERS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OTHERS, 120)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.rows: dict[str, QTreeWidgetItem] = {}
        self.itemChanged.connect(self._changed)
        self.on_change: Callable[[], None] = lambda: None

    def show_group(self, manual: Manual, groups: list[GroupSummary], code: str) -> None:
        """(Re)build the tree ticked as group `code` owns it now."""
        self.blockSignals(True)
        self.clear()
        self.rows = {}
        others: dict[str, list[str]] = {}
        own: dict[str, int] = {}
        for group in groups:
            for role, items in ((LEAD, group.lead_items), (SUPPORT, group.support_items)):
                for item in items:
                    if group.code == code:
                        own[item] = role
                    else:
                        others.setdefault(item, []).append(
                            f"{group.name}（{self.tr('牵头') if role == LEAD else self.tr('配合')}）")
        for node in manual.nodes():
            parent = self.rows.get(node.parent_code or "")
            row = QTreeWidgetItem([f"{node.code} {node.title}", "", "", "、".join(others.get(node.code, []))])
            row.setToolTip(0, f"{node.code} {node.title}")
            row.setToolTip(OTHERS, row.text(OTHERS))
            row.setData(0, Qt.ItemDataRole.UserRole, node.code)
            if node.level in ASSIGNABLE:
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                for column in (LEAD, SUPPORT):
                    row.setCheckState(column, Qt.CheckState.Checked if own.get(node.code) == column
                                      else Qt.CheckState.Unchecked)
            if parent is None:
                self.addTopLevelItem(row)
            else:
                parent.addChild(row)
            self.rows[node.code] = row
        for row in self.rows.values():
            self._follow_content(row)
        self.expandAll()
        self.blockSignals(False)

    def role_of(self, code: str) -> str | None:
        row = self.rows[code]
        if not row.flags() & Qt.ItemFlag.ItemIsUserCheckable or not row.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        if row.checkState(LEAD) == Qt.CheckState.Checked:
            return "lead"
        if row.checkState(SUPPORT) == Qt.CheckState.Checked:
            return "support"
        return None

    def tick(self, code: str, role: str | None) -> None:
        """Tick `code` as lead or support (None: untick), as a click would."""
        row = self.rows[code]
        for column, name in ((LEAD, "lead"), (SUPPORT, "support")):
            wanted = Qt.CheckState.Checked if role == name else Qt.CheckState.Unchecked
            if row.checkState(column) != wanted:
                row.setCheckState(column, wanted)

    def ticked(self) -> tuple[list[str], list[str]]:
        """(牵头 codes, 配合 codes) in manual order."""
        roles = {code: self.role_of(code) for code in self.rows}
        return ([c for c, r in roles.items() if r == "lead"], [c for c, r in roles.items() if r == "support"])

    def _changed(self, row: QTreeWidgetItem, column: int) -> None:
        if column not in (LEAD, SUPPORT) or row.checkState(column) != Qt.CheckState.Checked:
            self._follow_content(row)
            self.on_change()
            return
        self.blockSignals(True)
        row.setCheckState(SUPPORT if column == LEAD else LEAD, Qt.CheckState.Unchecked)  # one role per item
        self.blockSignals(False)
        self._follow_content(row)
        self.on_change()

    def _follow_content(self, row: QTreeWidgetItem) -> None:
        """Standards under a ticked content are disabled (they go with it)."""
        ticked = any(row.checkState(c) == Qt.CheckState.Checked for c in (LEAD, SUPPORT)) \
            and bool(row.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        for index in range(row.childCount()):
            child = row.child(index)
            if not child.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                continue
            flags = child.flags() & ~Qt.ItemFlag.ItemIsEnabled if ticked else child.flags() | Qt.ItemFlag.ItemIsEnabled
            child.setFlags(flags)
            child.setToolTip(LEAD, self.tr("随测评内容 {0} 分配").format(row.data(0, Qt.ItemDataRole.UserRole))
                             if ticked else "")


class GroupsDialog(QDialog):
    """The office's groups and their assignments. `changed` tells the caller to reload its views."""

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool = workspace, actor, pool
        self.data: GroupsData | None = None
        self.current: str | None = None
        self.saved: tuple[list[str], list[str]] = ([], [])
        self.changed = False
        self.setWindowTitle(self.tr("工作组与分工"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("工作组"), self.tr("组长"), self.tr("材料员"), self.tr("条目")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("新建…"))
        self.add_button.clicked.connect(self._ask_new_group)
        self.rename_button = QPushButton(self.tr("重命名…"))
        self.rename_button.clicked.connect(self._ask_rename)
        self.people_button = QPushButton(self.tr("组长/材料员…"))
        self.people_button.setToolTip(self.tr("为所选工作组新建组长或材料员账户"))
        self.people_button.clicked.connect(self._ask_new_member)
        self.load_button = QPushButton(self.tr("从文件载入…"))
        self.load_button.setToolTip(self.tr("从 YAML、CSV 或 XLSX 文件载入工作组及分工（列：编号、名称、牵头、配合）"))
        self.load_button.clicked.connect(self._ask_load_file)
        group_buttons = QGridLayout()  # two rows: the list stays narrow and the tree gets the width
        for index, button in enumerate((self.add_button, self.rename_button, self.people_button, self.load_button)):
            group_buttons.addWidget(button, index // 2, index % 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(group_buttons)

        self.tree_label = QLabel()
        self.tree_label.setWordWrap(True)
        self.tree = AssignmentTree()
        self.tree.on_change = self._ticks_changed
        self.save_button = QPushButton(self.tr("保存分工"))
        self.save_button.clicked.connect(self.save_assignments)
        self.revert_button = QPushButton(self.tr("撤销更改"))
        self.revert_button.clicked.connect(self._show_current)
        tree_buttons = QHBoxLayout()
        tree_buttons.addStretch(1)
        tree_buttons.addWidget(self.revert_button)
        tree_buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tree_label)
        right_layout.addWidget(self.tree, 1)
        right_layout.addLayout(tree_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        resize_to_fit(self, 1100, 640)
        self.splitter.setSizes([self.width() // 3, self.width() * 2 // 3])
        self._set_enabled()
        self.reload()

    # -- reading -------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.pool.submit(lambda _job: read_groups_data(self.workspace),
                         on_result=lambda data: self._loaded(data, select or self.current), name="工作组列表")

    def _loaded(self, data: GroupsData, select: str | None) -> None:
        self.data = data
        self.table.blockSignals(True)
        self.table.setRowCount(len(data.groups))
        for row, group in enumerate(data.groups):
            items = len(group.lead_items) + len(group.support_items)
            values = (f"{group.name}（{group.code}）", "、".join(group.leaders) or self.tr("未设"),
                      "、".join(group.clerks) or self.tr("未设"), str(items))
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, group.code)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        codes = [g.code for g in data.groups]
        if not codes:
            self.current = None
            self.tree.clear()
            self.tree_label.setText(self.tr("还没有工作组。点“新建…”建立第一个工作组，或“从文件载入…”一次载入全部工作组及分工。"))
        else:
            self.select_group(select if select in codes else codes[0])
        self._set_enabled()

    def select_group(self, code: str, *, rebuild: bool = True) -> None:
        """Select the group's row; `rebuild` shows its stored assignments in the tree."""
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == code:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.current = code
        if rebuild:
            self._show_current()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        code = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        if code == self.current:
            return
        if self.dirty() and not self._may_leave():
            self.select_group(self.current or code, rebuild=False)  # stay, with the ticks as they are
            return
        self.select_group(code)

    def _show_current(self) -> None:
        data, code = self.data, self.current
        if data is None or code is None:
            return
        group = next(g for g in data.groups if g.code == code)
        if data.manual is None:
            self.tree.clear()
            self.tree_label.setText(self.tr("工作区还没有载入操作手册，无法分配条目。"))
            return
        self.tree.show_group(data.manual, data.groups, code)
        self.saved = self.tree.ticked()
        self.tree_label.setText(self.tr("<b>{0}（{1}）</b>负责的条目：勾选“牵头”或“配合”。勾选测评内容即包括其下全部测评标准。")
                                .format(group.name, group.code))
        self._ticks_changed()

    def dirty(self) -> bool:
        return self.current is not None and self.tree.ticked() != self.saved

    def _ticks_changed(self) -> None:
        dirty = self.dirty()
        self.save_button.setEnabled(dirty and self._may_edit())
        self.revert_button.setEnabled(dirty)

    def _may_leave(self) -> bool:
        answer = QMessageBox.question(self, self.tr("分工未保存"), self.tr("对工作组 {0} 分工的更改还没有保存。要保存吗？")
                                      .format(self.current), QMessageBox.StandardButton.Save |
                                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save_assignments()
        return answer != QMessageBox.StandardButton.Cancel

    def _may_edit(self) -> bool:
        return allowed(self.actor, "group.edit")

    def _set_enabled(self) -> None:
        may, has = self._may_edit(), self.current is not None
        self.add_button.setEnabled(may)
        self.load_button.setEnabled(may)
        self.rename_button.setEnabled(may and has)
        accounts = allowed(self.actor, "user.edit") and not self.actor.single_user
        self.people_button.setEnabled(has and accounts)
        if not self.actor.single_user:
            return
        self.people_button.setToolTip(self.tr("工作区还没有账户。请先在“管理 › 账户”中新建文明办账户，"
                                              "再为各组新建组长和材料员账户。"))

    # -- changes -------------------------------------------------------------------------------
    def _run(self, fn: Callable[[Job], Any], done: Callable[[Any], None], *, name: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在保存…"))
        self.pool.submit(fn, on_result=done, on_error=self._failed, name=name)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet("color: #c62828")
        self.status.setText(describe_exception(exc))

    def _done(self, message: str, select: str | None = None) -> None:
        self.changed = True
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.reload(select)

    def add_group(self, code: str, name: str) -> None:
        self._run(lambda _job: group_admin.add_group(self.workspace, self.actor, code, name),
                  lambda stored: self._done(self.tr("已新建工作组 {0}（{1}）。").format(name.strip(), stored), stored),
                  name="新建工作组")

    def rename_group(self, code: str, name: str) -> None:
        self._run(lambda _job: group_admin.rename_group(self.workspace, self.actor, code, name),
                  lambda _none: self._done(self.tr("工作组 {0} 已改名为“{1}”。").format(code, name.strip())), name="重命名工作组")

    def save_assignments(self) -> None:
        code = self.current
        if code is None:
            return
        lead, support = self.tree.ticked()
        self.saved = (lead, support)  # what is being saved; a failure reloads the stored state
        self._ticks_changed()

        def done(change: group_admin.AssignmentChange) -> None:
            self._done(self.tr("已保存 {0} 的分工：{1}。").format(code, change.summary()))

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.reload()

        self.status.setText(self.tr("正在保存…"))
        self.pool.submit(lambda _job: group_admin.set_assignments(self.workspace, self.actor, code, lead, support),
                         on_result=done, on_error=failed, name="保存分工")

    def load_file(self, path: Path) -> None:
        self._run(lambda _job: group_admin.load_groups_file(self.workspace, self.actor, path),
                  lambda count: self._done(self.tr("已从 {0} 载入 {1} 个工作组及其分工。").format(path.name, count)),
                  name="载入分工")

    # -- the buttons' questions ------------------------------------------------------------------
    def _ask_new_group(self) -> None:
        dialog = GroupNameDialog(parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_group(dialog.code.text(), dialog.name.text())

    def _ask_rename(self) -> None:
        group = next((g for g in self.data.groups if g.code == self.current), None) if self.data else None
        if group is None:
            return
        dialog = GroupNameDialog(group.code, group.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.rename_group(group.code, dialog.name.text())

    def _ask_new_member(self) -> None:
        if self.data is None or self.current is None:
            return
        groups = [(g.code, g.name) for g in self.data.groups]
        dialog = NewUserDialog(self.workspace, self.actor, self.pool, groups, "leader", self.current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("已新建账户“{0}”。").format(dialog.created))

    def _ask_load_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择工作组分工文件"), "",
                                                self.tr("工作组分工 (*.yaml *.yml *.csv *.xlsx)"))
        if chosen:
            self.load_file(Path(chosen))

    def reject(self) -> None:
        if self.dirty() and not self._may_leave():
            return
        super().reject()
