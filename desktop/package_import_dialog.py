"""The office imports the groups' packages: chosen .mrpkg files, or every package in a folder (a USB
stick). Each package is verified completely before anything is recorded (review.handover.package.
import_package is all or nothing), one after the other in a background worker, and gets its own
line: 已接收 with what was signed, or 被拒绝 with the reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.human_dates import human_datetime
from desktop.screen_fit import resize_to_fit
from desktop.workers import OperationRunner, WorkerPool
from review.handover.package import SUFFIX, ImportResult, import_package
from review.workspace.folder import Workspace
from review.workspace.locking import waiting_with
from review.workspace.permissions import Actor

ACCEPTED_COLOR, REFUSED_COLOR = "#2e7d32", "#c62828"


@dataclass
class Outcome:
    path: Path
    state: str = "waiting"  # waiting | accepted | refused | skipped
    group: str = ""
    detail: str = ""


def packages_in(folder: Path) -> list[Path]:
    """The packages in a folder and its subfolders one level down (a USB stick's usual layout)."""
    found = {*folder.glob(f"*{SUFFIX}"), *folder.glob(f"*/*{SUFFIX}")}
    return sorted(p for p in found if p.is_file())


class PackageImportDialog(QDialog):
    """Emits `imported` after at least one package was accepted (the dashboard shows it)."""

    imported = Signal()
    COLUMNS = 4

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor = workspace, actor
        self.outcomes: list[Outcome] = []
        self.setWindowTitle(self.tr("导入材料包"))
        resize_to_fit(self, 820, 440)
        intro = QLabel(self.tr("选择各组交来的材料包（.mrpkg），或选择 U 盘上的文件夹导入其中全部材料包。"
                               "每个材料包先核验签名和每个文件的指纹，全部一致才导入；不一致的被拒绝，本工作区不受影响。"))
        intro.setWordWrap(True)
        self.choose_files = QPushButton(self.tr("选择材料包文件…"))
        self.choose_files.clicked.connect(self.pick_files)
        self.choose_folder = QPushButton(self.tr("从文件夹导入（如 U 盘）…"))
        self.choose_folder.clicked.connect(self.pick_folder)
        pickers = QHBoxLayout()
        pickers.addWidget(self.choose_files)
        pickers.addWidget(self.choose_folder)
        pickers.addStretch(1)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("材料包"), self.tr("工作组"), self.tr("结果"), self.tr("说明")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.runner = OperationRunner(pool)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pickers)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.runner)
        layout.addWidget(self.buttons)

    # -- choosing -----------------------------------------------------------------------------------
    def pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择材料包"), "",
                                                self.tr("材料包 (*.mrpkg);;所有文件 (*)"))
        if paths:
            self.start([Path(p) for p in paths])

    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择存放材料包的文件夹（如 U 盘）"))
        if not folder:
            return
        found = packages_in(Path(folder))
        if not found:
            self.summary.setText(self.tr("文件夹 {0} 及其下一层子文件夹中没有材料包（.mrpkg 文件）。").format(folder))
            return
        self.start(found)

    def start(self, paths: list[Path]) -> None:
        """Verify and import `paths` one after the other; refused while a batch is running."""
        if self.runner.busy:
            self.summary.setText(self.tr("上一批材料包还在导入，请等它完成或点“取消”。"))
            return
        self.outcomes = [Outcome(p) for p in paths]
        self.table.setRowCount(len(paths))
        for row in range(len(paths)):
            self._show(row)
        self.summary.setText("")
        self._set_choosing(False)
        self._next()

    def _set_choosing(self, enabled: bool) -> None:
        for button in (self.choose_files, self.choose_folder):
            button.setEnabled(enabled)

    # -- importing, one package at a time -----------------------------------------------------------
    def _next(self) -> None:
        waiting = [i for i, o in enumerate(self.outcomes) if o.state == "waiting"]
        if not waiting:
            self._finished()
            return
        row = waiting[0]
        path = self.outcomes[row].path
        self.outcomes[row].detail = self.tr("正在核验…")
        self._show(row)
        workspace, actor = self.workspace, self.actor
        self.runner.run(self.tr("核验并导入 {0}（{1}/{2}）").format(path.name, row + 1, len(self.outcomes)),
                        lambda job: import_package(workspace, actor, path, wait=waiting_with(job.report, job.cancel)),
                        on_result=lambda result: self._accepted(row, result),
                        on_error=lambda exc: self._refused(row, exc),
                        on_cancelled=self._cancelled)

    def _accepted(self, row: int, result: ImportResult) -> None:
        package = result.package
        outcome = self.outcomes[row]
        outcome.state, outcome.group = "accepted", f"{package.group_name}（{package.group_code}）"
        detail = self.tr("第 {0} 版签字，组长 {1}，{2}；{3} 个文件，与签字清单全部一致。").format(
            package.version, package.leader, human_datetime(package.signed_at), len(package.files))
        if result.replaced_version is not None:
            shown = "；".join(d.describe() for d in result.differences[:5])
            detail += self.tr("取代此前导入的第 {0} 版，变动 {1} 处。{2}").format(
                result.replaced_version, len(result.differences), shown)
        outcome.detail = detail
        self._show(row)
        self.imported.emit()
        self._continue()

    def _refused(self, row: int, exc: BaseException) -> None:
        outcome = self.outcomes[row]
        outcome.state, outcome.detail = "refused", describe_exception(exc)
        self._show(row)
        self._continue()

    def _cancelled(self) -> None:
        for row, outcome in enumerate(self.outcomes):
            if outcome.state == "waiting":
                outcome.state, outcome.detail = "skipped", self.tr("已取消，未导入。")
                self._show(row)
        self._continue()

    def _continue(self) -> None:
        """Next package once the runner has let go of the finished one (its `finished` comes after
        the result, from the worker's thread)."""
        if self.runner.busy:
            QTimer.singleShot(20, self._continue)
        else:
            self._next()

    def _finished(self) -> None:
        self._set_choosing(True)
        accepted = sum(o.state == "accepted" for o in self.outcomes)
        refused = sum(o.state == "refused" for o in self.outcomes)
        text = self.tr("共 {0} 个材料包：已接收 {1} 个，被拒绝 {2} 个。").format(len(self.outcomes), accepted, refused)
        if refused:
            text += self.tr("被拒绝的材料包没有导入任何内容，请按说明处理后重新导入。")
        self.summary.setText(text)

    # -- display ------------------------------------------------------------------------------------
    def state_name(self, state: str) -> str:
        return {"waiting": self.tr("等待核验"), "accepted": self.tr("已接收"), "refused": self.tr("被拒绝"),
                "skipped": self.tr("未导入")}[state]

    def _show(self, row: int) -> None:
        outcome = self.outcomes[row]
        cells = (outcome.path.name, outcome.group, self.state_name(outcome.state), outcome.detail)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(outcome.path) if column == 0 else text)
            if column == 2 and outcome.state in ("accepted", "refused"):
                item.setForeground(QColor(ACCEPTED_COLOR if outcome.state == "accepted" else REFUSED_COLOR))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.table.setItem(row, column, item)
        self.table.resizeRowToContents(row)

    def results(self) -> list[tuple[str, str, str]]:
        """(file name, result, explanation) per package, as shown."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 2).text(), self.table.item(r, 3).text())
                for r in range(self.table.rowCount())]

    def reject(self) -> None:
        if self.runner.busy:
            self.runner.cancel()  # the package being imported finishes (all or nothing); the rest are not
        super().reject()
