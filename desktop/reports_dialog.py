"""Write the printed reports (申报材料清单, 审核签字表, 问题清单) into a chosen folder and open them
with the system's word processor (Word or WPS). Writing runs in a background worker through
review.office.reports.write_report, the function the command line's `report` calls."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.screen_fit import resize_to_fit
from desktop.workers import Job, OperationRunner, WorkerPool
from review.errors import UserError
from review.office.reports import REPORT_NAMES, write_report
from review.workspace.folder import Workspace
from review.workspace.permissions import Actor


class ReportsDialog(QDialog):
    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor = workspace, actor
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("生成报表"))
        resize_to_fit(self, 600, 320)
        scope = (self.tr("报表只含本组（{0}）的材料。").format(actor.group_code)
                 if actor.role == "leader" and actor.group_code and not actor.single_user else
                 self.tr("报表按各组已签字的材料汇总（导入的材料包以签字清单为准）。"))
        intro = QLabel(self.tr("生成 Word 文档（.docx），可用 Word 或 WPS 打开、打印。") + scope)
        intro.setWordWrap(True)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = QLineEdit(documents)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.pick_folder)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("保存到：")))
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.kinds = {kind: QCheckBox(f"{name}.docx") for kind, name in REPORT_NAMES.items()}
        for box in self.kinds.values():
            box.setChecked(True)
        self.open_after = QCheckBox(self.tr("生成后用 Word 或 WPS 打开"))
        self.open_after.setChecked(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.runner = OperationRunner(pool)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成"))
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(where)
        for box in self.kinds.values():
            layout.addWidget(box)
        layout.addWidget(self.open_after)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.runner)
        layout.addWidget(self.buttons)

    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存报表的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def targets(self) -> dict[str, Path]:
        folder = Path(self.folder.text().strip())
        return {kind: folder / f"{REPORT_NAMES[kind]}.docx" for kind, box in self.kinds.items() if box.isChecked()}

    def write(self) -> None:
        targets = self.targets()
        if not self.folder.text().strip() or not targets:
            self.message.setText(self.tr("请选择保存位置，并至少勾选一种报表。"))
            return
        existing = [p for p in targets.values() if p.exists()]
        if existing and QMessageBox.question(
                self, self.tr("覆盖报表"), self.tr("以下文件已存在，要覆盖吗？（如果它们正在 Word 或 WPS 中打开，请先关闭）\n{0}")
                .format("\n".join(str(p) for p in existing))) != QMessageBox.StandardButton.Yes:
            return
        workspace, actor = self.workspace, self.actor

        def run(job: Job) -> list[Path]:
            written = []
            for done, (kind, out) in enumerate(targets.items()):
                job.progress(done, len(targets), REPORT_NAMES[kind])
                if job.cancel.cancelled:
                    break
                written.append(write_report(workspace, actor, kind, out))
            job.progress(len(targets), len(targets))
            return written

        try:
            self.runner.run(self.tr("生成报表"), run, on_result=self._written, on_error=self._failed)
        except UserError as exc:
            self._failed(exc)
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.message.setText(self.tr("正在生成…"))

    def _written(self, written: list[Path]) -> None:
        self.written = written
        self.message.setStyleSheet("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText(self.tr("已生成 {0} 份报表：\n{1}").format(len(written), "\n".join(str(p) for p in written)))
        if self.open_after.isChecked():
            for path in written:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, exc: BaseException) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText(describe_exception(exc))
        self.message.setStyleSheet("color: #c62828")
