"""Export the final submission: where to (a new folder, and a ZIP beside it if wanted), the rules
checked first (review.office.submission.check_submission: every group signed and valid, every file
within the platform's size and formats), what blocks the export listed, then the export itself in
a background worker with progress and 取消 (review.office.submission.export_submission)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.screen_fit import resize_to_fit
from desktop.workers import Job, OperationRunner, WorkerPool
from review.errors import UserError
from review.office.submission import SubmissionCheck, SubmissionReport, check_submission, export_submission
from review.workspace.folder import Workspace
from review.workspace.permissions import Actor

BLOCKER_COLOR, NOTE_COLOR, OK_COLOR = "#c62828", "#555555", "#2e7d32"


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size, 1) / 1024:.0f} KB"


class SubmissionDialog(QDialog):
    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool = workspace, actor, pool
        self.check: SubmissionCheck | None = None
        self.report: SubmissionReport | None = None
        self.setWindowTitle(self.tr("导出最终申报材料"))
        resize_to_fit(self, 780, 460)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("保存到哪个文件夹，例如 U 盘或桌面"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.pick_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.name = QLineEdit(self.tr("最终申报材料"))
        self.zip = QCheckBox(self.tr("同时生成 ZIP 压缩包（便于上传或拷贝）"))
        self.allow_stale = QCheckBox(self.tr("先导出其余工作组：不纳入未签字或签字已失效的工作组（清单中注明）"))
        self.allow_stale.toggled.connect(self.run_check)
        form = QFormLayout()
        form.addRow(self.tr("保存位置："), where)
        form.addRow(self.tr("文件夹名称："), self.name)
        form.addRow("", self.zip)
        form.addRow("", self.allow_stale)
        self.verdict = QLabel(self.tr("正在按平台规则检查…"))
        self.verdict.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.runner = OperationRunner(pool)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        self.recheck_button = self.buttons.addButton(self.tr("重新检查"), QDialogButtonBox.ButtonRole.ActionRole)
        self.recheck_button.clicked.connect(self.run_check)
        self.open_button = self.buttons.addButton(self.tr("打开文件夹"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.folder.textChanged.connect(self._update_buttons)
        self.name.textChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.runner)
        layout.addWidget(self.buttons)
        self.run_check()

    # -- the rules, checked first ---------------------------------------------------------------------
    def run_check(self) -> None:
        self.check = None
        self._update_buttons()
        self.verdict.setText(self.tr("正在按平台规则检查…"))
        self.problems.clear()
        workspace, actor, allow_stale = self.workspace, self.actor, self.allow_stale.isChecked()
        self.pool.submit(lambda _job: check_submission(workspace, actor, allow_stale=allow_stale),
                         on_result=self.show_check, on_error=self._check_failed, name="检查最终申报材料")

    def show_check(self, check: SubmissionCheck) -> None:
        self.check = check
        self.problems.clear()
        if check.blockers:
            self.verdict.setText(self.tr("有 {0} 个问题使最终申报材料不能导出，请先处理：").format(len(check.blockers)))
            self.verdict.setStyleSheet(f"color: {BLOCKER_COLOR}")
            for line in check.blockers:
                self._add(f"✗ {line}", BLOCKER_COLOR)
        else:
            self.verdict.setText(self.tr("检查通过：将导出 {0} 个工作组的 {1} 个文件，共 {2}，并附材料清单、审核签字表和问题清单。")
                                 .format(len(check.groups), check.files, size_text(check.total_bytes)))
            self.verdict.setStyleSheet(f"color: {OK_COLOR}")
        for group in check.left_out:
            self._add(self.tr("不纳入：工作组 {0} {1}（{2}）").format(group["group"], group["name"], group["state_name"]),
                      NOTE_COLOR)
        if check.uncovered:
            self._add(self.tr("无材料的测评标准 {0} 条：{1}").format(len(check.uncovered), "、".join(check.uncovered)),
                      NOTE_COLOR)
        if check.covered_twice:
            self._add(self.tr("由两个及以上工作组提供材料的测评标准：{0}").format("、".join(check.covered_twice)),
                      NOTE_COLOR)
        self._update_buttons()

    def _check_failed(self, exc: BaseException) -> None:
        self.problems.clear()
        self.verdict.setText(self.tr("无法检查："))
        self.verdict.setStyleSheet(f"color: {BLOCKER_COLOR}")
        self._add(describe_exception(exc), BLOCKER_COLOR)

    def _add(self, text: str, color: str) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QColor(color))
        item.setToolTip(text)
        self.problems.addItem(item)

    def blockers(self) -> list[str]:
        """The lines that block the export, as shown."""
        return [self.problems.item(i).text() for i in range(self.problems.count())
                if self.problems.item(i).foreground().color() == QColor(BLOCKER_COLOR)]

    # -- where to -------------------------------------------------------------------------------------
    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存最终申报材料的位置"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def target(self) -> Path | None:
        folder, name = self.folder.text().strip(), self.name.text().strip()
        return Path(folder) / name if folder and name else None

    def _update_buttons(self) -> None:
        ready = self.check is not None and self.check.ready and not self.runner.busy
        self.export_button.setEnabled(ready and self.target() is not None)
        self.export_button.setToolTip("" if self.target() is not None else self.tr("请先选择保存位置"))

    # -- the export -----------------------------------------------------------------------------------
    def export(self) -> None:
        out = self.target()
        if out is None or self.check is None or not self.check.ready:
            return
        workspace, actor = self.workspace, self.actor
        zip_too, allow_stale = self.zip.isChecked(), self.allow_stale.isChecked()

        def run(job: Job) -> SubmissionReport:
            return export_submission(workspace, actor, out, zip=zip_too, allow_stale=allow_stale,
                                     progress=job.report, cancel=job.cancel)

        try:
            self.runner.run(self.tr("导出最终申报材料"), run, on_result=self._exported, on_error=self._failed,
                            on_cancelled=self._cancelled, on_finished=self._update_buttons)
        except UserError as exc:
            self._failed(exc)
            return
        self.verdict.setText(self.tr("正在导出到 {0}…").format(out))
        self.verdict.setStyleSheet("")
        self._update_buttons()

    def _exported(self, report: SubmissionReport) -> None:
        self.report = report
        self.check = None  # the folder now exists: a second export needs another name and a new check
        self.verdict.setText(report.summary())
        self.verdict.setStyleSheet(f"color: {OK_COLOR}")
        for file in report.unreadable:
            self._add(self.tr("未能读取（清单中缺页数和日期）：{0} {1}：{2}").format(file["group"], file["path"],
                                                                               file["message"]), NOTE_COLOR)
        self.open_button.show()

    def _failed(self, exc: BaseException) -> None:
        self.verdict.setText(describe_exception(exc))
        self.verdict.setStyleSheet(f"color: {BLOCKER_COLOR}")

    def _cancelled(self) -> None:
        self.verdict.setText(self.tr("已取消导出，没有留下任何文件。"))
        self.verdict.setStyleSheet("")

    def open_folder(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.folder)))

    def reject(self) -> None:
        if self.runner.busy:
            self.runner.cancel()  # the export leaves nothing behind when cancelled
        super().reject()
