"""The main window: the office dashboard and the audit desk of one group.

Desk layout: manual tree and search (left) | selected requirement (centre) | preview (right).
Every read and every action goes through a background worker; the window only applies results.
Window geometry, toolbar state and splitter positions are kept in QSettings.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop.admin_menu import AdminMenu
from desktop.dashboard import SIGNOFF_COLORS, DashboardView
from desktop.desk_data import (
    FindingRow,
    GroupDesk,
    MaterialRow,
    StandardDetails,
    group_statuses,
    load_dashboard,
    load_group_desk,
)
from desktop.desk_data import standard_details as read_standard
from desktop.errors import describe_exception, log_file, show_exception
from desktop.manual_tree import ManualTree
from desktop.office_actions import HandoverActions
from desktop.preview import PreviewPane
from desktop.process_ops import ocr_in_workspace, run_in_process, scan_in_workspace, suggest_in_workspace
from desktop.reason_dialog import ReasonDialog
from desktop.screen_fit import fit_main_window
from desktop.search_panel import SearchPanel
from desktop.signoff_dialog import SignoffChangesDialog, SignoffDialog, signoff_refusals, signoff_summary
from desktop.standard_view import StandardView
from desktop.unmapped_list import UnmappedList
from desktop.workers import Job, OperationRunner, WorkerPool
from review.assessment.approval import Decided, decide
from review.assessment.group_state import GroupState, group_state
from review.changes import Changes
from review.checking.findings import waive
from review.errors import UserError
from review.intake.filing import Filed, map_paths
from review.intake.scan import scan
from review.intake.search import search
from review.workspace.folder import Workspace
from review.workspace.groups import summaries
from review.workspace.locking import waiting_with
from review.workspace.permissions import Actor, allowed

SETTINGS_PREFIX = "main_window"


class MainWindow(QMainWindow):
    """Emits `switch_requested` for 文件 › 打开其他工作区."""

    switch_requested = Signal()

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = actor
        self.pool = pool
        self.desk: GroupDesk | None = None
        self.details: StandardDetails | None = None
        self.setWindowTitle(self.tr("申报材料审核台 — {0}").format(workspace.root.name))
        self.setObjectName("MainWindow")

        # panes ----------------------------------------------------------------------------------
        self.tree = ManualTree()
        self.tree.standard_selected.connect(self.load_standard)
        self.current_item: str | None = None  # plain attribute: read by the search worker
        self.wanted_group: str | None = None  # the group whose desk was asked for last
        self.search = SearchPanel(pool, self.run_search)
        self.search.open_requested.connect(self.open_search_hit)
        self.tree.files_dropped.connect(self.map_dropped)
        self.unmapped = UnmappedList()
        self.unmapped.file_activated.connect(lambda path: self.preview.show_file(path))
        self.unmapped.suggestion_accepted.connect(self.accept_suggestion)
        self.suggested: dict[str, list[Any]] = {}  # suggestions by path for `suggested_group`
        self.suggested_group: str | None = None
        self.suggesting: str | None = None  # the group whose suggestions a worker is computing
        self.items_splitter = QSplitter(Qt.Orientation.Vertical)
        self.items_splitter.addWidget(self.tree)
        self.items_splitter.addWidget(self.unmapped)
        self.items_splitter.setStretchFactor(0, 4)
        self.items_splitter.setStretchFactor(1, 1)
        self.left = QTabWidget()
        self.left.addTab(self.items_splitter, self.tr("测评条目"))
        self.left.addTab(self.search, self.tr("搜索"))
        self.standard_pane = StandardView()
        self.standard_pane.material_activated.connect(self.open_material)
        self.standard_pane.finding_activated.connect(self.open_finding)
        self.standard_pane.waive_requested.connect(self.waive_finding)
        self.preview = PreviewPane(pool)
        self.desk_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.desk_splitter.setObjectName("desk_splitter")
        for widget in (self.left, self.standard_pane, self.preview):
            self.desk_splitter.addWidget(widget)
        self.desk_splitter.setChildrenCollapsible(False)
        self.desk_splitter.setSizes([300, 420, 400])  # in proportion on any width; the panes may shrink
        for pane in (self.left, self.standard_pane, self.preview):
            pane.setMinimumWidth(160)
        self.dashboard = DashboardView()
        self.dashboard.group_activated.connect(self.open_group)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.dashboard)
        self.pages.addWidget(self.desk_splitter)
        self.setCentralWidget(self.pages)

        # status bar ---------------------------------------------------------------------------
        self.runner = OperationRunner(pool)
        who = f"{actor.name}（{actor.role_name}{'，' + actor.group_code if actor.group_code else ''}）"
        self.user_label = QLabel(self.tr("当前用户：{0}").format(who))
        self.signoff_button = QPushButton()
        self.signoff_button.setFlat(True)
        self.signoff_button.setToolTip(self.tr("查看签字状态及签字后的变化"))
        self.signoff_button.clicked.connect(self.show_signoff_changes)
        self.signoff_button.hide()
        self.group_label = QLabel()  # what is open; temporary messages cover it, then it shows again
        self.statusBar().addWidget(self.group_label)
        self.statusBar().addPermanentWidget(self.runner)
        self.statusBar().addPermanentWidget(self.signoff_button)
        self.statusBar().addPermanentWidget(self.user_label)

        # actions, menus, toolbar ---------------------------------------------------------------
        self.group_box = QComboBox()
        self.group_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_box.setToolTip(self.tr("选择要查看或审核的工作组"))
        self.group_box.activated.connect(lambda _i: self.open_group(self.group_box.currentData()))
        self._build_actions()
        self._restore_layout()
        self.load_groups()

    # -- construction --------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip or text}（{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                          if shortcut else tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.act_switch = self._action(self.tr("打开其他工作区…"), self.switch_requested.emit)
        self.act_scan = self._action(self.tr("扫描文件夹…"), self.scan_folder, "Ctrl+I", self.tr("扫描或重新扫描本组材料文件夹"))
        self.act_logs = self._action(self.tr("打开日志文件夹"), self.open_logs)
        self.act_quit = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.act_dashboard = self._action(self.tr("总览"), self.show_dashboard, "Ctrl+1", self.tr("各工作组的进度总览"))
        self.act_desk = self._action(self.tr("审核台"), lambda: self.pages.setCurrentWidget(self.desk_splitter),
                                     "Ctrl+2", self.tr("当前工作组的审核台"))
        self.act_refresh = self._action(self.tr("刷新"), self.refresh, "F5")  # StandardKey.Refresh is Ctrl+R on Linux: 退回
        self.act_search = self._action(self.tr("搜索"), self.focus_search, QKeySequence.StandardKey.Find)
        self.act_previous = self._action(self.tr("上一条"), lambda: self.tree.step(-1), "Alt+Up",
                                         self.tr("上一个测评标准"))
        self.act_next = self._action(self.tr("下一条"), lambda: self.tree.step(+1), "Alt+Down",
                                     self.tr("下一个测评标准"))
        self.act_approve = self._action(self.tr("通过"), lambda: self.decide("approve"), "Ctrl+Return",
                                        self.tr("审核通过当前条目并转到下一条"))
        self.act_return = self._action(self.tr("退回"), lambda: self.decide("return"), "Ctrl+R",
                                       self.tr("退回当前条目（须写明原因）"))
        self.act_next_finding = self._action(self.tr("下一个问题"), self.next_finding, "F8",
                                             self.tr("在右侧显示当前条目的下一个问题"))
        self.act_signoff = self._action(self.tr("签字确认…"), self.sign_off, "Ctrl+Shift+S",
                                        self.tr("组长对本组材料签字确认"))
        self.act_signoff_why = self._action(self.tr("为什么不能签字？"), self.explain_signoff)
        self.act_about = self._action(self.tr("关于"), self.about)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        for action in (self.act_switch, self.act_scan, self.act_logs):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        view_menu = menu.addMenu(self.tr("视图(&V)"))
        for action in (self.act_dashboard, self.act_desk, self.act_search, self.act_refresh):
            view_menu.addAction(action)
        review_menu = menu.addMenu(self.tr("审核(&R)"))
        for action in (self.act_previous, self.act_next, self.act_approve, self.act_return, self.act_next_finding):
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(self.act_signoff)
        review_menu.addAction(self.act_signoff_why)
        review_menu.setToolTipsVisible(True)
        self.admin_menu = AdminMenu(self)  # 管理: groups, assignments, accounts, password (desktop.admin_menu)
        menu.addMenu(self.admin_menu)
        self.handover = HandoverActions(self)  # 汇总报送 (office) and 报送 (leader): desktop.office_actions
        self.handover.add_menus(menu)
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.act_about)

        toolbar = self.addToolBar(self.tr("常用"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr(" 工作组：")))
        toolbar.addWidget(self.group_box)
        for action in (self.act_dashboard, self.act_desk, None, self.act_scan, self.act_refresh, None,
                       self.act_previous, self.act_next, self.act_approve, self.act_return, self.act_next_finding):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self._update_actions()

    # -- layout memory -------------------------------------------------------------------------
    def _splitters(self) -> dict[str, QSplitter]:
        return {"desk": self.desk_splitter, "items": self.items_splitter, "requirement": self.standard_pane.splitter,
                "dashboard": self.dashboard.splitter}

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value(f"{SETTINGS_PREFIX}/geometry")
        self.first_start = not (isinstance(geometry, QByteArray) and not geometry.isEmpty())
        if not self.first_start:
            self.restoreGeometry(geometry)  # Qt keeps it on a connected screen; fit_main_window on a smaller one
        else:  # the first start takes the screen's free area (shown maximised by the application)
            free = self.screen().availableGeometry() if self.screen() else None
            self.resize(free.size() if free is not None else QSize(1280, 720))
        fit_main_window(self)
        state = settings.value(f"{SETTINGS_PREFIX}/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, splitter in self._splitters().items():
            saved = settings.value(f"{SETTINGS_PREFIX}/splitter_{name}")
            if isinstance(saved, QByteArray):
                splitter.restoreState(saved)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue(f"{SETTINGS_PREFIX}/geometry", self.saveGeometry())
        settings.setValue(f"{SETTINGS_PREFIX}/state", self.saveState())
        for name, splitter in self._splitters().items():
            settings.setValue(f"{SETTINGS_PREFIX}/splitter_{name}", splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.busy:
            answer = QMessageBox.question(self, self.tr("操作正在进行"),
                                          self.tr("“{0}”还在进行。要取消它并关闭窗口吗？已完成的部分会保存。")
                                          .format(self.runner.title.text()))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.cancel()
        self.save_layout()
        super().closeEvent(event)

    # -- groups and the desk -------------------------------------------------------------------
    @property
    def group_code(self) -> str | None:
        return self.desk.group_code if self.desk else None

    def load_groups(self) -> None:
        def read(_job: Job) -> list[tuple[str, str]]:
            with self.workspace.session() as session:
                return [(g.code, g.name) for g in summaries(session)]

        self.pool.submit(read, on_result=self._groups_loaded, name="工作组列表")

    def _groups_loaded(self, groups: list[tuple[str, str]]) -> None:
        own = self.actor.group_code
        visible = [(c, n) for c, n in groups if own is None or c == own or self.actor.role == "office"]
        self.group_box.clear()
        for code, name in visible:
            self.group_box.addItem(f"{name}（{code}）", code)
        if self.actor.role == "office" or own is None:
            self.show_dashboard()
        if own is not None and any(c == own for c, _ in visible):
            self.open_group(own)
        elif not visible:
            self.statusBar().showMessage(self.tr("工作区还没有工作组。请在“管理 › 工作组与分工”中新建工作组并分配测评条目。")
                                         if allowed(self.actor, "group.edit") else
                                         self.tr("工作区还没有工作组。请文明办新建工作组并分配测评条目。"))

    def show_dashboard(self) -> None:
        self.pages.setCurrentWidget(self.dashboard)
        self.pool.submit(lambda _job: load_dashboard(self.workspace), on_result=self.dashboard.show_dashboard,
                         name="总览")

    def open_group(self, code: str | None) -> None:
        if not code:
            return
        index = self.group_box.findData(code)
        if index >= 0:
            self.group_box.setCurrentIndex(index)
        self.pages.setCurrentWidget(self.desk_splitter)
        self.wanted_group = code
        self.pool.submit(lambda _job: load_group_desk(self.workspace, code, self.actor), on_result=self._desk_loaded,
                         name="载入工作组")

    def _desk_loaded(self, desk: GroupDesk) -> None:
        if desk.group_code != self.wanted_group:
            return  # the user chose another group meanwhile
        changed_group = self.desk is None or self.desk.group_code != desk.group_code
        self.desk = desk
        if desk.manual is None:
            self.statusBar().showMessage(self.tr("工作区还没有载入操作手册。请在“管理 › 载入操作手册”中载入后再刷新。"))
            return
        self.tree.show_group(desk.manual, desk.codes, desk.statuses)
        self.unmapped.show_files(desk.unmapped)
        self.unmapped.set_may_accept(allowed(self.actor, "map", desk.group_code))
        self._load_suggestions(desk)
        read_only = "" if self._may_decide() else self.tr("（只读）")
        self.group_label.setText(self.tr("工作组 {0}（{1}）{2}：{3} 个材料审核条目").format(
            desk.group_name, desk.group_code, read_only, len(desk.codes)))
        self.signoff_button.setText(signoff_summary(desk.signoff))
        self.signoff_button.setStyleSheet(f"color: {SIGNOFF_COLORS.get(desk.signoff.state, '#000000')}")
        self.signoff_button.show()
        if changed_group:
            self.standard_pane.clear()
            self.preview.clear()
            self.tree.step(+1)
        self._update_actions()

    def _load_suggestions(self, desk: GroupDesk) -> None:
        """Suggestions are computed in a worker, and again only when files appear that have none."""
        paths = {file.path for file in desk.unmapped}
        if self.suggested_group == desk.group_code and paths <= self.suggested.keys():
            self.unmapped.show_suggestions(self.suggested)
            return
        self.unmapped.show_suggestions(None)
        if not paths or self.suggesting == desk.group_code:
            return
        group, root, db_url = desk.group_code, str(self.workspace.root), self.workspace.db_url
        self.suggesting = group
        self.pool.submit(lambda job: (group, run_in_process(suggest_in_workspace, root, db_url, group, cancel=job.cancel)),
                         on_result=self._suggestions_loaded, on_error=self._suggestions_failed, name="建议归类")

    def _suggestions_loaded(self, result: tuple[str, dict[str, list[Any]]]) -> None:
        group, suggested = result
        self.suggesting = None
        self.suggested_group, self.suggested = group, suggested
        if self.desk is not None and self.desk.group_code == group:
            self._load_suggestions(self.desk)

    def _suggestions_failed(self, exc: BaseException) -> None:
        self.suggesting = None
        self.unmapped.show_suggestions({})
        self.statusBar().showMessage(self.tr("无法给出归类建议：{0}").format(describe_exception(exc)), 15_000)

    def load_standard(self, code: str) -> None:
        self.current_item = code
        desk = self.desk
        if desk is None or desk.manual is None:
            return
        manual, group = desk.manual, desk.group_code
        self.pool.submit(lambda _job: read_standard(self.workspace, group, manual, code),
                         on_result=self._standard_loaded, name="载入条目")

    def _standard_loaded(self, details: StandardDetails) -> None:
        if details.standard.code != self.tree.current_code():
            return  # the user has moved on
        self.details = details
        self.standard_pane.show_details(details)
        present = [m for m in details.materials if m.present]
        if present:
            self.open_material(present[0])
        else:
            self.preview.clear()
        self._update_actions()

    def refresh(self) -> None:
        if self.pages.currentWidget() is self.dashboard:
            self.show_dashboard()
        elif self.group_code:
            self.open_group(self.group_code)

    # -- preview -------------------------------------------------------------------------------
    def open_material(self, row: MaterialRow) -> None:
        self.preview.show_file(row.path)

    def open_finding(self, row: FindingRow) -> None:
        if row.path:
            self.preview.show_file(row.path, row.page or 0, row.rects, terms=[row.text] if row.text else [],
                                   location=row.location)

    def open_search_hit(self, path: str, page: int, terms: list[str]) -> None:
        self.pages.setCurrentWidget(self.desk_splitter)
        self.preview.show_file(path, page, terms=terms)

    def run_search(self, query: str, scope: str) -> list[Any]:
        """The search panel's function; runs in a worker, so it reads no widget."""

        group = self.group_code if scope in ("group", "item") else None
        items = [self.current_item] if scope == "item" and self.current_item else None
        return search(self.workspace, query, group=group, items=items, limit=200).hits

    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.desk_splitter)
        self.left.setCurrentWidget(self.search)
        self.search.box.setFocus()
        self.search.box.selectAll()

    def next_finding(self) -> None:
        if self.standard_pane.next_finding() is None:
            self.statusBar().showMessage(self.tr("当前条目没有发现问题。"), 4000)

    # -- actions -------------------------------------------------------------------------------
    def _may_decide(self) -> bool:
        return self.group_code is not None and allowed(self.actor, "review.decide", self.group_code)

    def _update_actions(self) -> None:
        has_item = self.tree.current_code() is not None
        blockers = self._approval_blockers()
        self.act_approve.setEnabled(self._may_decide() and has_item and not blockers)
        self.act_approve.setToolTip(self.tr("不能通过：{0}").format("；".join(blockers)) if blockers
                                    else self.tr("审核通过本条目"))
        self.act_return.setEnabled(self._may_decide() and has_item)
        self.act_scan.setEnabled(self.group_code is not None and allowed(self.actor, "scan", self.group_code))
        refusals = signoff_refusals(self.actor, self.desk)
        self.act_signoff.setEnabled(not refusals)
        tip = self.tr("不能签字：{0}").format("；".join(refusals)) if refusals else self.tr("组长对本组材料签字确认")
        self.act_signoff.setToolTip(tip)
        self.act_signoff.setStatusTip(tip)
        self.act_signoff_why.setVisible(bool(refusals) and self.desk is not None)
        for action in (self.act_next, self.act_previous, self.act_next_finding):
            action.setEnabled(self.desk is not None)

    def _approval_blockers(self) -> list[str]:
        """Why the current standard cannot be approved, from the read model the desk was loaded with."""
        code = self.tree.current_code()
        state = self.desk.state if self.desk is not None else None
        standard = state.standard(code) if state is not None and code else None
        return standard.approval_blockers() if standard is not None else []

    def decide(self, verdict: str) -> None:

        code, group = self.tree.current_code(), self.group_code
        if code is None or group is None:
            return
        comment = ""
        if verdict == "return":
            typed = ReasonDialog.ask(self, self.tr("退回 {0}").format(code),
                                     self.tr("退回原因（材料员会看到，请写明需要补充或修改的内容）："))
            if typed is None:
                return
            comment = typed
            if not comment.strip():
                show_exception(self, UserError(self.tr("退回条目 {0} 必须写明原因。").format(code)))
                return

        def done(decided: Decided) -> None:
            self.statusBar().showMessage((self.tr("{0} 已通过。") if verdict == "approve" else self.tr("{0} 已退回。"))
                                         .format(code), 5000)
            self.apply_changes(decided.changes)
            if verdict == "approve":
                self.tree.step(+1)

        def run(job: Job) -> Decided:  # waits, shown in the strip, while the desk re-checks the group's files
            return decide(self.workspace, self.actor, group, code, verdict, comment,
                          wait=waiting_with(job.report, job.cancel))

        title = self.tr("审核通过 {0}") if verdict == "approve" else self.tr("退回 {0}")
        try:
            self.runner.run(title.format(code), run, on_result=done)
        except UserError as exc:
            show_exception(self, exc)

    def waive_finding(self, finding: FindingRow) -> None:

        group = self.group_code
        if group is None:
            return
        reason = ReasonDialog.ask(self, self.tr("豁免问题"), self.tr(
            "豁免“{0}”的理由（会记录在签字材料中，文明办可见）：").format(finding.message))
        if reason is None:
            return

        def run(_job: Job) -> Changes:
            return waive(self.workspace, self.actor, group, finding.fingerprint, reason).changes

        def done(changes: Changes) -> None:
            self.statusBar().showMessage(self.tr("已豁免：{0}").format(finding.message), 6000)
            self.apply_changes(changes)

        self.pool.submit(run, on_result=done, name="豁免问题")

    def map_dropped(self, code: str, paths: list[str]) -> None:
        """Files dropped on a standard: scanned first if new, then mapped to it."""
        group = self.group_code
        if group is None:
            return
        if not allowed(self.actor, "map", group):
            show_exception(self, UserError(self.tr("{0}“{1}”不能为工作组 {2} 归类材料。").format(
                self.actor.role_name, self.actor.name, group)))
            return

        def run(job: Job) -> list[str]:
            return map_paths(self.workspace, self.actor, group, code, paths, progress=job.report, cancel=job.cancel)

        try:
            self.runner.run(self.tr("归类 {0} 个文件到 {1}").format(len(paths), code), run,
                            on_result=lambda filed: self._mapped(code, self.tr("已把 {0} 归到 {1}。"), filed))
        except UserError as exc:
            show_exception(self, exc)

    def accept_suggestion(self, path: str, code: str) -> None:
        """The user accepted a suggested standard for an unmapped file: map it, recorded as a suggestion."""
        group = self.group_code
        if group is None:
            return
        self.pool.submit(lambda _job: map_paths(self.workspace, self.actor, group, code, [path], source="suggestion"),
                         on_result=lambda filed: self._mapped(code, self.tr("已采纳建议，把 {0} 归到 {1}。"), filed),
                         on_error=lambda exc: self._mapping_failed(group, exc), name="采纳建议")

    def _mapping_failed(self, group: str, exc: BaseException) -> None:
        show_exception(self, exc)
        self.open_group(group)  # the list shows again what is still unmapped

    def _mapped(self, code: str, message: str, filed: Filed) -> None:
        self.statusBar().showMessage(message.format("、".join(filed.names), code), 8000)
        self.apply_changes(filed.changes)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh only what shows the change: one standard's badge and details after a decision or a
        waiver; the whole group (files, suggestions, every badge) after files were added or scanned."""
        if changes.group != self.group_code or self.desk is None:
            return
        if changes.every_standard or changes.files:
            self.open_group(changes.group)
            return
        group = changes.group  # no file is looked at again: a decision or a waiver changed no file
        self.pool.submit(lambda _job: group_state(self.workspace, group),
                         on_result=lambda state: self._statuses_refreshed(state, changes), name="更新条目状态")

    def _statuses_refreshed(self, state: GroupState, changes: Changes) -> None:
        desk = self.desk
        if desk is None or desk.group_code != state.code:
            return
        desk.state, desk.signoff = state, state.signoff
        desk.statuses = group_statuses(state)
        self.tree.update_states(desk.statuses)
        self.signoff_button.setText(signoff_summary(desk.signoff))
        self.signoff_button.setStyleSheet(f"color: {SIGNOFF_COLORS.get(desk.signoff.state, '#000000')}")
        current = self.tree.current_code()
        if current and changes.touches(current):
            self.load_standard(current)
        self._update_actions()

    def sign_off(self) -> None:
        if self.desk is None:
            return
        dialog = SignoffDialog(self.workspace, self.actor, self.desk, self.pool, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("已签字（第 {0} 版）。").format(dialog.signed_version), 8000)
            self.open_group(self.desk.group_code)

    def explain_signoff(self) -> None:
        refusals = signoff_refusals(self.actor, self.desk)
        if not refusals:
            self.statusBar().showMessage(self.tr("现在可以签字确认（审核 › 签字确认）。"), 6000)
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("为什么不能签字"),
                          self.tr("现在还不能签字确认，原因（共 {0} 条）：").format(len(refusals)),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText("\n".join(f"· {line}" for line in refusals[:12])
                               + (self.tr("\n……另有 {0} 条").format(len(refusals) - 12) if len(refusals) > 12 else ""))
        box.exec()

    def show_signoff_changes(self) -> None:
        if self.desk is not None:
            SignoffChangesDialog(self.desk.signoff, self).exec()

    def scan_folder(self) -> None:

        group = self.group_code
        if group is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择工作组 {0} 的材料文件夹").format(group))
        if not folder:
            return
        self.start_scan(group, [Path(folder)], scan)

    def start_scan(self, group: str, paths: list[Path], scan: Callable[..., Any]) -> None:
        """Run `scan` (review.intake.scan.scan) on `paths` in a child process, with the progress strip."""
        root, db_url, actor = str(self.workspace.root), self.workspace.db_url, self.actor

        def run(job: Job) -> Any:
            return run_in_process(scan_in_workspace, scan, root, db_url, actor, group, [str(p) for p in paths],
                                  progress=job.report, cancel=job.cancel)

        def done(report: Any) -> None:
            self.statusBar().showMessage(report.summary(), 15_000)
            self.suggested_group = None  # new or changed files: their text decides the suggestions
            self.apply_changes(report.changes)
            if not report.cancelled:
                waiting.append(report.ocr_waiting)

        def finished() -> None:  # the strip is free again: the OCR left waiting follows as its own operation
            if waiting and waiting[0]:
                self.start_pending_ocr(group, waiting[0])

        waiting: list[int] = []
        try:
            self.runner.run(self.tr("扫描 {0}").format(", ".join(p.name for p in paths)), run, on_result=done,
                            on_finished=finished)
        except UserError as exc:
            show_exception(self, exc)

    def start_pending_ocr(self, group: str, files: int) -> None:
        """The OCR earlier scans left waiting (e.g. photos elsewhere in the group): not part of the scan
        the user asked for, so it runs after it as its own operation in the progress strip, cancellable."""
        root, db_url, actor = str(self.workspace.root), self.workspace.db_url, self.actor

        def run(job: Job) -> Any:
            return run_in_process(ocr_in_workspace, root, db_url, actor, group, progress=job.report, cancel=job.cancel)

        def done(report: Any) -> None:
            self.statusBar().showMessage(report.summary(), 15_000)
            self.apply_changes(report.changes)

        try:
            self.runner.run(self.tr("文字识别 本组以前扫描的 {0} 个文件").format(files), run, on_result=done)
        except UserError as exc:
            show_exception(self, exc)

    def open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于申报材料审核台"),
                          self.tr("申报材料审核台：全国文明城市申报材料的整理、检查、审核签字与汇总。\n工作区：{0}\n日志：{1}")
                          .format(self.workspace.root, log_file()))
