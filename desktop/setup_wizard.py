"""新建工作区 as a wizard: the folder and the city, the evaluation start and the materials' date window,
then the operation manual (the bundled sample, or a Word manual read in the background with a
preview of what was read and of the rows that could not be). The wizard only collects; the start
dialog creates the workspace in a background worker.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
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
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.errors import describe_exception
from desktop.screen_fit import resize_to_fit
from desktop.workers import WorkerPool
from review.errors import UserError
from review.manual.model import LEVELS
from review.manual.service import SAMPLE, ReadManual, count_text, load_manual_into, read_manual
from review.workspace.date_window import WindowRule
from review.workspace.folder import Workspace, check_new_folder
from review.workspace.permissions import Actor
from review.workspace.settings import WorkspaceSettings


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PlacePage(QWizardPage):
    """Where the workspace lives and whose campaign it is."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("工作区与本市"))
        self.setSubTitle(self.tr("工作区是一个文件夹，保存本次创建的全部审核记录。请选择一个空文件夹。"))
        self.folder = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.city = QLineEdit()
        self.city.setPlaceholderText(self.tr("例如：北湖市"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        form = QFormLayout(self)
        form.addRow(self.tr("工作区文件夹："), row)
        form.addRow(self.tr("本市名称："), self.city)
        form.addRow(self.tr("创建年度："), self.year)
        form.addRow(self.message)
        self.registerField("folder*", self.folder)
        self.registerField("city*", self.city)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择一个空文件夹作为工作区"))
        if folder:
            self.folder.setText(folder)

    def validatePage(self) -> bool:
        try:
            check_new_folder(Path(self.folder.text().strip()))
        except UserError as exc:
            self.message.setText(exc.message)
            return False
        self.message.clear()
        return True


class WindowPage(QWizardPage):
    """The evaluation start and the window materials must be dated in, shown as dates while typing."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("测评时间与材料时间范围"))
        self.setSubTitle(self.tr("材料的落款日期须在时间范围之内，超出的会被检查出来。"))
        self.start = _date_edit(QDate(date.today().year, 8, 1))
        self.rolling = QRadioButton(self.tr("按测评开始日期推算"))
        self.rolling.setChecked(True)
        self.explicit = QRadioButton(self.tr("固定日期"))
        modes = QButtonGroup(self)
        modes.addButton(self.rolling)
        modes.addButton(self.explicit)
        self.before = QSpinBox()
        self.before.setRange(0, 12)
        self.before.setValue(1)
        self.before.setSuffix(self.tr(" 个月"))
        self.span = QSpinBox()
        self.span.setRange(1, 36)
        self.span.setValue(12)
        self.span.setSuffix(self.tr(" 个月"))
        rolling_row = QHBoxLayout()
        for widget in (QLabel(self.tr("测评开始前")), self.before, QLabel(self.tr("起上溯")), self.span):
            rolling_row.addWidget(widget)
        rolling_row.addStretch(1)
        self.begin = _date_edit(QDate(date.today().year - 1, 8, 1))
        self.end = _date_edit(QDate(date.today().year, 7, 31))
        explicit_row = QHBoxLayout()
        for widget in (self.begin, QLabel(self.tr("至")), self.end):
            explicit_row.addWidget(widget)
        explicit_row.addStretch(1)
        self.result = QLabel()
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("测评开始日期："), self.start)
        form.addRow(self.rolling, rolling_row)
        form.addRow(self.explicit, explicit_row)
        form.addRow(self.tr("材料时间范围："), self.result)
        for signal in (self.start.dateChanged, self.begin.dateChanged, self.end.dateChanged, self.before.valueChanged,
                       self.span.valueChanged, self.rolling.toggled):
            signal.connect(self._update)
        self._update()

    def rule(self) -> WindowRule:
        if self.explicit.isChecked():
            return WindowRule(mode="explicit", begin=_day(self.begin), end=_day(self.end))
        return WindowRule(months_before_start=self.before.value(), span_months=self.span.value())

    def _update(self) -> None:
        for widget in (self.before, self.span):
            widget.setEnabled(self.rolling.isChecked())
        for widget in (self.begin, self.end):
            widget.setEnabled(self.explicit.isChecked())
        try:
            window = self.rule().resolve(_day(self.start))
        except UserError as exc:
            self.result.setText(exc.message)
            self.result.setStyleSheet("color: #c62828")
            self._valid = False
        else:
            self.result.setText(window.describe())
            self.result.setStyleSheet("")
            self._valid = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._valid


class ManualPage(QWizardPage):
    """The sample manual, or a Word (or YAML) manual read in the background and previewed."""

    def __init__(self, pool: WorkerPool) -> None:
        super().__init__()
        self.pool = pool
        self.read: ReadManual | None = None
        self.reading: str | None = None  # the file a worker is reading
        self.setTitle(self.tr("操作手册"))
        self.setSubTitle(self.tr("操作手册列出测评项目、指标、内容和标准，以及每条标准要求的材料。"))
        self.sample = QRadioButton(self.tr("内置示例手册（可先试用，以后再载入正式手册）"))
        self.sample.setChecked(True)
        self.from_file = QRadioButton(self.tr("导入 Word 手册（或 YAML 文件）："))
        modes = QButtonGroup(self)
        modes.addButton(self.sample)
        modes.addButton(self.from_file)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("选择 .docx 文件"))
        self.browse = QPushButton(self.tr("选择文件…"))
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.from_file)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("已读取的条目")])
        self.skipped = QListWidget()
        self.skipped.setWordWrap(True)
        previews = QHBoxLayout()
        previews.addWidget(self.tree, 3)
        previews.addWidget(self.skipped, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sample)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addLayout(previews, 1)
        self.sample.toggled.connect(self._mode_changed)
        self._mode_changed()

    def spec(self) -> str:
        return SAMPLE if self.sample.isChecked() else self.path.text()

    def _mode_changed(self) -> None:
        by_file = self.from_file.isChecked()
        self.browse.setEnabled(by_file)
        for widget in (self.tree, self.skipped):
            widget.setVisible(by_file)
        self.summary.setText("" if by_file and not self.read else
                             self.tr("将载入内置示例手册。") if not by_file else self.summary.text())
        self.completeChanged.emit()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择操作手册"), "",
                                                self.tr("操作手册 (*.docx *.yaml *.yml)"))
        if chosen:
            self.preview(chosen)

    def preview(self, path: str) -> None:
        """Read the manual in the background and show what was read and what was not."""
        self.from_file.setChecked(True)
        self.path.setText(path)
        self.read, self.reading = None, path
        self.tree.clear()
        self.skipped.clear()
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在读取 {0}…").format(Path(path).name))
        self.completeChanged.emit()
        self.pool.submit(lambda _job: read_manual(path), on_result=lambda read: self._read(path, read),
                         on_error=lambda exc: self._failed(path, exc), name="读取操作手册")

    def _read(self, path: str, read: ReadManual) -> None:
        if path != self.reading:
            return
        self.read, self.reading = read, None
        manual = read.manual
        self.summary.setText(self.tr("《{0}》（{1}）：{2}。").format(manual.title, manual.edition, count_text(manual))
                             + (self.tr("另有 {0} 行未能读取，见右侧；可以先载入，以后改正手册后重新载入。")
                                .format(len(read.skipped)) if read.skipped else ""))
        items: dict[str, QTreeWidgetItem] = {}
        for node in manual.nodes():
            parent = items.get(node.parent_code or "")
            item = QTreeWidgetItem([f"{node.code} {node.title}"])
            item.setToolTip(0, f"{node.code} {node.title}")
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[node.code] = item
            if LEVELS.index(node.level) < 2:
                item.setExpanded(True)
        self.skipped.addItem(self.tr("未能读取的行：{0}").format(len(read.skipped)) if read.skipped
                             else self.tr("所有表格行都已读取。"))
        for row in read.skipped:
            entry = QListWidgetItem(row.describe())
            entry.setForeground(QColor("#c62828"))
            self.skipped.addItem(entry)
        self.completeChanged.emit()

    def _failed(self, path: str, exc: BaseException) -> None:
        if path != self.reading:
            return
        self.reading = None
        self.summary.setText(describe_exception(exc))
        self.summary.setStyleSheet("color: #c62828")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.sample.isChecked() or self.read is not None


class SetupWizard(QWizard):
    """On acceptance: `folder()`, `settings()` and `manual_spec()` describe the workspace to create."""

    def __init__(self, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建工作区"))
        self.place = PlacePage()
        self.window_page = WindowPage()
        self.manual = ManualPage(pool)
        for page in (self.place, self.window_page, self.manual):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("新建"))
        resize_to_fit(self, 760, 460)

    def folder(self) -> Path:
        return Path(self.place.folder.text().strip())

    def settings(self) -> WorkspaceSettings:
        return WorkspaceSettings(city=self.place.city.text().strip(), year=self.place.year.value(),
                                 start_date=_day(self.window_page.start), window=self.window_page.rule())

    def manual_spec(self) -> str:
        return self.manual.spec()


class ManualDialog(QDialog):
    """载入操作手册 into an open workspace: the same choice and preview as the wizard's last page. A new
    edition keeps the assignments and mappings whose codes it still has; the summary names the rest."""

    def __init__(self, workspace: Workspace, actor: Actor, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.pool = workspace, actor, pool
        self.summary = ""
        self.setWindowTitle(self.tr("载入操作手册"))
        self.page = ManualPage(pool)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("载入"))
        self.buttons.accepted.connect(self.load)
        self.buttons.rejected.connect(self.reject)
        self.page.completeChanged.connect(self._complete_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("载入后，它成为本工作区的当前操作手册；已有的分工和归类按条目编号保留。")))
        layout.addWidget(self.page, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 760, 480)

    def _complete_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.page.isComplete())

    def load(self) -> None:
        spec = self.page.spec()
        self.buttons.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在载入…"))
        self.pool.submit(lambda _job: load_manual_into(self.workspace, spec, self.actor), on_result=self._loaded,
                         on_error=self._failed, name="载入操作手册")

    def _loaded(self, summary: str) -> None:
        self.summary = summary
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #c62828")
        self.message.setText(describe_exception(exc))
