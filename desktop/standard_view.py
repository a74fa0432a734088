"""The centre pane: the selected 测评标准 — its text, grading rule and material requirement, the
mapped materials, their findings with severity icons, and the review history. Each part says
plainly when it is empty and what to do about it.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.desk_data import FindingRow, MaterialRow, StandardDetails
from desktop.human_dates import human_datetime
from desktop.manual_tree import STATES, state_icon
from desktop.screen_fit import fit_columns, han_width
from review.checking.findings import SEVERITY_NAMES
from review.checking.rules.finding import short_id
from review.checking.rules.place import describe_place
from review.manual.model import MaterialRequirement

FINDING_LINES = 2  # lines of an unselected finding's text
PART_STRETCH = (2, 2, 6, 1)  # requirement text, materials, findings, history
MIN_FINDING_CHARS = 12  # characters per line of a finding's text before other columns are hidden
_SEVERITY_ICONS = {"must": QStyle.StandardPixmap.SP_MessageBoxCritical,
                   "should": QStyle.StandardPixmap.SP_MessageBoxWarning,
                   "info": QStyle.StandardPixmap.SP_MessageBoxInformation}


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def requirement_html(requirement: MaterialRequirement | None) -> str:
    if requirement is None:
        return f"<p>{QCoreApplication.translate('StandardView', '手册未写明材料要求。')}</p>"
    lines = []
    if requirement.kinds:
        lines.append(QCoreApplication.translate("StandardView", "材料种类：{0}").format("；".join(
            QCoreApplication.translate("StandardView", "{0} 至少 {1} 份").format(k.kind, k.min_count)
            for k in requirement.kinds)))
    if requirement.formats:
        lines.append(QCoreApplication.translate("StandardView", "文件格式：{0}").format(
            "、".join(f.upper() for f in requirement.formats)))
    if requirement.window:
        lines.append(QCoreApplication.translate("StandardView", "时间范围：{0}").format(requirement.window))
    if requirement.keywords:
        lines.append(QCoreApplication.translate("StandardView", "应包含：{0}").format("、".join(requirement.keywords)))
    if requirement.captions_required:
        lines.append(QCoreApplication.translate("StandardView", "图片须配说明（时间、地点、人物、事由）"))
    if requirement.notes:
        lines.append(requirement.notes)
    return "".join(f"<li>{html.escape(line)}</li>" for line in lines).join(("<ul>", "</ul>")) if lines else ""


class StandardView(QWidget):
    """Shows a `StandardDetails`. Emits `material_activated(path)` and `finding_activated(row)`."""

    material_activated = Signal(object)  # MaterialRow
    finding_activated = Signal(object)  # FindingRow
    waive_requested = Signal(object)  # FindingRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details: StandardDetails | None = None
        self.header = QTextBrowser()
        self.header.setOpenLinks(False)
        self.header.setMinimumHeight(self.header.fontMetrics().lineSpacing() * 5)  # the trail and the title
        self.materials_label = QLabel()
        self.materials = self._table([self.tr("材料"), self.tr("格式"), self.tr("大小")], stretch=0)
        self.materials.cellDoubleClicked.connect(self._material_clicked)
        self.materials.cellClicked.connect(self._material_clicked)
        self.findings_label = QLabel()
        # The fault first, wrapped: at 1366×768 and 150 % the pane is narrow, and the fault is what
        # the reviewer reads; the place and the number follow.
        self.findings = self._table([self.tr("问题"), self.tr("级别"), self.tr("位置"), self.tr("编号")], stretch=0)
        self.findings.setWordWrap(True)  # rows: the selected one whole, the others FINDING_LINES lines
        self.findings.cellClicked.connect(self._finding_clicked)
        metrics = self.findings.fontMetrics()  # place and number: narrow, elided, whole in the tooltip
        self.fixed_widths = {2: han_width(metrics, 7), 3: metrics.horizontalAdvance("c0b635c0") + 12}
        for column, width in self.fixed_widths.items():
            self.findings.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.findings.setColumnWidth(column, width)
        self.findings.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.waive_button = QPushButton(self.tr("豁免所选问题…"))
        self.waive_button.setToolTip(self.tr("组长确认该问题不影响得分时，写明理由后豁免"))
        self.waive_button.setEnabled(False)
        self.waive_button.clicked.connect(self._waive_clicked)
        self.findings.itemSelectionChanged.connect(self._selection_changed)
        self.history_label = QLabel()
        self.history = self._table([self.tr("时间"), self.tr("审核人"), self.tr("结论"), self.tr("意见")], stretch=3)

        parts = QSplitter(Qt.Orientation.Vertical)
        parts.setChildrenCollapsible(False)
        parts.addWidget(self.header)
        self.boxes: dict[QTableWidget, QWidget] = {}
        for label, table in ((self.materials_label, self.materials), (self.findings_label, self.findings),
                             (self.history_label, self.history)):
            label.setWordWrap(True)
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 0)
            top = QHBoxLayout()
            top.addWidget(label, 1)
            if table is self.findings:
                top.addWidget(self.waive_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(top)
            layout.addWidget(table, 1)
            parts.addWidget(box)
            self.boxes[table] = box
        # The findings get the most room, and no part more than its rows need (`_fit_parts`): on a
        # short screen (1366×768 at 150 %) several findings show, and what is left goes to the text.
        for index, stretch in enumerate(PART_STRETCH):
            parts.setStretchFactor(index, stretch)
        self.splitter = parts
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(parts)
        self.refit = QTimer(self)  # after a column changed width: once, outside the header's own resizing
        self.refit.setSingleShot(True)
        self.refit.setInterval(0)
        self.refit.timeout.connect(self._fit_finding_rows)
        self.findings.horizontalHeader().sectionResized.connect(lambda *_: self.refit.start())
        self.findings.currentCellChanged.connect(lambda *_: self._fit_finding_rows())
        self.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_parts()  # the labels wrap differently at another width

    def _fit_finding_rows(self) -> None:
        """Each finding in at most FINDING_LINES lines, the selected one in twice as many (the text
        is elided; the whole is in its tooltip); on a narrow pane the number, then the severity (its
        icon stays), then the place give their room to the text: several findings fit even at 150 %."""
        table = self.findings
        lines = table.fontMetrics().lineSpacing() * FINDING_LINES + 2 * table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameVMargin) + 6
        fit_columns(table, table.horizontalHeader(), 0, [3, 1, 2], MIN_FINDING_CHARS, widths=self.fixed_widths,
                    reserved=table.iconSize().width() or table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize))
        current = table.currentRow()
        for row in range(table.rowCount()):
            needed = table.sizeHintForRow(row)
            table.setRowHeight(row, min(needed, 2 * lines if row == current else lines))
        self._fit_parts()

    def _fit_parts(self) -> None:
        """Cap the materials', findings' and history's parts at what their rows need, so what is left
        goes to the requirement's text; an empty table is hidden behind its label, which says so."""
        for table in (self.materials, self.findings, self.history):
            box = self.boxes[table]
            table.setVisible(table.rowCount() > 0)
            top = box.layout().itemAt(0)  # the label, wrapped at the pane's width, and a button
            needed = box.layout().contentsMargins().top() + (
                top.heightForWidth(box.width()) if top.hasHeightForWidth() else top.sizeHint().height())
            if table.rowCount():
                needed += (table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                           + 2 * table.frameWidth() + box.layout().spacing())
            box.setMaximumHeight(max(needed, box.minimumSizeHint().height()))
        total = sum(self.splitter.sizes())  # shared out again: a part whose rows grew gets the room back
        if total:
            self.splitter.setSizes([total * stretch // sum(PART_STRETCH) for stretch in PART_STRETCH])

    def _table(self, headers: list[str], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    # -- public --------------------------------------------------------------------------------
    def clear(self) -> None:
        self.details = None
        self.header.setHtml(self.tr("<p>在左侧选择一个测评标准，这里会显示它的要求、已归类的材料、发现的问题和审核记录。</p>"))
        for table in (self.materials, self.findings, self.history):
            table.setRowCount(0)
        self.materials_label.setText(self.tr("已归类材料"))
        self.findings_label.setText(self.tr("发现的问题"))
        self.history_label.setText(self.tr("审核记录"))
        self._fit_parts()

    def show_details(self, details: StandardDetails) -> None:
        self.details = details
        standard = details.standard
        style = STATES.get(details.status.state)
        badge = (f'<span style="color:{style.color}"><b>【{style.label}】</b></span>' if style else "")
        trail = " › ".join(html.escape(p) for p in details.path)
        parts = [
            f"<p style='color:#666'>{trail}</p>",
            f"<h3>{badge} {html.escape(standard.code)} {html.escape(standard.title)}</h3>",
            f"<p><b>{self.tr('测评方法')}</b>：{html.escape('、'.join(standard.methods))}</p>",
            f"<p><b>{self.tr('评分规则')}</b>：{html.escape(standard.grading) or self.tr('手册未写明')}</p>",
            f"<p><b>{self.tr('材料要求')}</b>：</p>{requirement_html(standard.requirement)}",
        ]
        if details.status.note:
            parts.append(f"<p style='color:#8e24aa'>{html.escape(details.status.note)}</p>")
        if details.changed_files:
            parts.append("<p style='color:#8e24aa'><b>" + self.tr("审核后有变化") + "</b>：" +
                         html.escape("；".join(details.changed_files)) + "</p>")
        self.header.setHtml("".join(parts))
        self._fill_materials(details.materials)
        self._fill_findings(details.findings)
        self._fill_history(details)
        self._fit_parts()

    def next_finding(self) -> FindingRow | None:
        """Select the finding after the current one (wrapping) and show it; the review loop's F8."""
        if self.details is None or not self.details.findings:
            return None
        row = (self.findings.currentRow() + 1) % len(self.details.findings)
        self.findings.selectRow(row)
        self._finding_clicked(row, 0)
        return self.details.findings[row]

    # -- filling -------------------------------------------------------------------------------
    def _fill_materials(self, rows: list[MaterialRow]) -> None:
        self.materials.setRowCount(0)
        if not rows:
            self.materials_label.setText(self.tr("已归类材料：无。请扫描本组材料文件夹，或把文件拖到左侧条目上归类。"))
            return
        self.materials_label.setText(self.tr("已归类材料（{0} 份）").format(len(rows)))
        self.materials.setRowCount(len(rows))
        for i, row in enumerate(rows):
            file_name = row.label.rsplit("/", 1)[-1]  # the folder usually repeats the item's title
            name = QTableWidgetItem(file_name if row.present else self.tr("{0}（文件已缺失）").format(file_name))
            name.setToolTip(f"{row.label}\n{row.path}")
            if not row.present:
                name.setIcon(state_icon("missing"))
            self.materials.setItem(i, 0, name)
            self.materials.setItem(i, 1, QTableWidgetItem(row.format.upper()))
            self.materials.setItem(i, 2, QTableWidgetItem(human_size(row.size)))

    def _fill_findings(self, rows: list[FindingRow]) -> None:
        self.findings.setRowCount(0)
        if not rows:
            self.findings_label.setText(self.tr("发现的问题：未发现问题。"))
            return
        must = sum(1 for r in rows if r.severity == "must" and not r.waived)
        waived = sum(1 for r in rows if r.waived)
        self.findings_label.setText(self.tr("发现的问题（{0} 条，其中必须修改 {1} 条，已豁免 {2} 条）")
                                    .format(len(rows), must, waived))
        self.findings_label.setToolTip(self.tr("按 F8 逐条查看"))
        self.findings.setRowCount(len(rows))
        for i, row in enumerate(rows):
            text = row.message if not row.waived else self.tr("{0}（已豁免：{1}）").format(row.message, row.waived)
            message = QTableWidgetItem(text)
            message.setIcon(self.style().standardIcon(_SEVERITY_ICONS.get(row.severity, _SEVERITY_ICONS["info"])))
            message.setToolTip(f"{row.rule}：{row.message}\n{row.hint}".strip())
            if row.waived:
                message.setForeground(Qt.GlobalColor.gray)
            self.findings.setItem(i, 0, message)
            self.findings.setItem(i, 1, QTableWidgetItem(SEVERITY_NAMES.get(row.severity, row.severity)))
            where = row.path.rsplit("/", 1)[-1]
            place = describe_place(row.path, row.page + 1 if row.page is not None else None, row.location)
            if place:  # the place first: long file names are cut at the end
                where = f"{place} · {where}"
            location = QTableWidgetItem(where)
            location.setToolTip(row.path)
            self.findings.setItem(i, 2, location)
            number = QTableWidgetItem(short_id(row.fingerprint))
            number.setToolTip(self.tr("问题编号（命令行 waive 使用）：{0}").format(row.fingerprint))
            self.findings.setItem(i, 3, number)
        self._fit_finding_rows()

    def _fill_history(self, details: StandardDetails) -> None:
        rows = details.history
        self.history.setRowCount(0)
        if not rows:
            self.history_label.setText(self.tr("审核记录：尚未审核。组长可按 Ctrl+Enter 通过，Ctrl+R 退回。"))
            return
        self.history_label.setText(self.tr("审核记录（{0} 次）").format(len(rows)))
        self.history.setRowCount(len(rows))
        for i, row in enumerate(reversed(rows)):
            self.history.setItem(i, 0, QTableWidgetItem(human_datetime(row.at)))
            self.history.setItem(i, 1, QTableWidgetItem(row.actor))
            approved = row.verdict == "approve"
            verdict = QTableWidgetItem(self.tr("通过") if approved else self.tr("退回"))
            verdict.setIcon(state_icon("ok" if approved else "problem"))
            self.history.setItem(i, 2, verdict)
            self.history.setItem(i, 3, QTableWidgetItem(row.comment))

    def selected_finding(self) -> FindingRow | None:
        row = self.findings.currentRow()
        if self.details is None or not (0 <= row < len(self.details.findings)):
            return None
        return self.details.findings[row]

    def _selection_changed(self) -> None:
        finding = self.selected_finding()
        self.waive_button.setEnabled(finding is not None and not finding.waived)

    def _waive_clicked(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.waive_requested.emit(finding)

    def _material_clicked(self, row: int, _column: int) -> None:
        if self.details is not None and 0 <= row < len(self.details.materials):
            self.material_activated.emit(self.details.materials[row])

    def _finding_clicked(self, row: int, _column: int) -> None:
        if self.details is not None and 0 <= row < len(self.details.findings):
            self.finding_activated.emit(self.details.findings[row])
