"""The office dashboard: groups × status, a readiness chart per group, the standards no group
covers; double-clicking a group opens its desk (read-only for the office).

The chart is painted with QPainter: QtCharts is not part of PySide6-Essentials.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.desk_data import Dashboard, GroupRow
from desktop.human_dates import human_datetime
from desktop.manual_tree import STATES, state_icon

COUNT_COLUMNS = ["missing", "problem", "pending", "ok", "changed"]
LEGEND = ("ok", "waived", "pending", "problem", "changed")  # stacked in this order; the rest of a bar is 缺失
SIGNOFF_COLORS = {"valid": "#2e7d32", "stale": "#8e24aa", "invalid": "#c62828", "none": "#757575"}


class ReadinessChart(QWidget):
    """Horizontal bars: per group, the share of standards 合格 (green) and with problems (orange)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GroupRow] = []
        self.loaded = False
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows: list[GroupRow]) -> None:
        self.rows = rows
        self.loaded = True
        self.setMinimumHeight(max(120, 28 + (len(rows) + 1) * (self.fontMetrics().height() + 10)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height() + 10
        title = self.tr("各组准备情况（百分比为合格及豁免条目占比）")
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        legend = sum(22 + metrics.horizontalAdvance(STATES[state].label) for state in LEGEND)
        x = metrics.horizontalAdvance(title) + 16
        legend_top = 0.0
        if x + legend > self.width():  # a narrow pane (150 %): the legend on a line of its own
            x, legend_top = 0, line
        for state in LEGEND:  # the legend, after the title
            painter.fillRect(QRectF(x, legend_top + line / 2 - 5, 10, 10), QColor(STATES[state].color))
            painter.drawText(QRectF(x + 14, legend_top, 80, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, STATES[state].label)
            x += 22 + metrics.horizontalAdvance(STATES[state].label)
        first = legend_top + line
        if not self.rows:
            painter.drawText(QRectF(0, first, self.width(), line), Qt.AlignmentFlag.AlignLeft,
                             self.tr("还没有工作组。请在“管理 › 工作组与分工”中新建工作组。") if self.loaded
                             else self.tr("正在载入…"))
            return
        label_width = max(metrics.horizontalAdvance(r.name) for r in self.rows) + 12
        value_width = metrics.horizontalAdvance("100%") + 12
        bar_width = max(40, self.width() - label_width - value_width - 8)
        for i, row in enumerate(self.rows):
            top = first + i * line
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, top, label_width - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, row.name)
            track = QRectF(label_width, top + 4, bar_width, line - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e0e0e0"))
            painter.drawRoundedRect(track, 3, 3)
            total = row.standards or 1
            x = track.left()
            for state in LEGEND:
                share = row.counts.get(state, 0) / total
                if share <= 0:
                    continue
                painter.setBrush(QColor(STATES[state].color))
                painter.drawRect(QRectF(x, track.top(), track.width() * share, track.height()))
                x += track.width() * share
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(track.right() + 6, top, value_width, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{row.readiness:.0%}")
        painter.end()


class DashboardView(QWidget):
    """Emits `group_activated(code)` on double-click of a group."""

    group_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dashboard: Dashboard | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        headers = [self.tr("工作组"), self.tr("条目"), self.tr("材料文件")]
        headers += [STATES[s].label for s in COUNT_COLUMNS]
        headers += [self.tr("必须修改")]
        headers += [self.tr("签字"), self.tr("签字时间"), self.tr("版本"), self.tr("材料包")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._activated)
        self.table.setToolTip(self.tr("双击一个工作组查看它的材料（只读）"))
        self.chart = ReadinessChart()
        self.uncovered_label = QLabel()
        self.uncovered_label.setWordWrap(True)
        self.uncovered = QListWidget()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.chart)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.uncovered_label)
        side_layout.addWidget(self.uncovered, 1)
        bottom.addWidget(side)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([600, 400])  # 3 : 2 on any width (the label wraps, so it no longer sets the width)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self.title.setText(self.tr("<h3>{0} {1} 年申报材料总览</h3><span>操作手册：{2}</span>")
                           .format(dashboard.city, dashboard.year, dashboard.manual_title or self.tr("（未载入）")))
        self.table.setRowCount(len(dashboard.groups))
        for i, row in enumerate(dashboard.groups):
            values = [f"{row.name}（{row.code}）", row.standards, row.files]
            values += [row.counts.get(s, 0) for s in COUNT_COLUMNS]
            values += [row.must_open]
            values += [row.signoff, human_datetime(row.signed_at), row.signoff_version or "", row.package]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                state = COUNT_COLUMNS[column - 3] if 3 <= column < 3 + len(COUNT_COLUMNS) else None
                if state and value:
                    item.setIcon(state_icon(state))
                if column == 3 + len(COUNT_COLUMNS) and value:
                    item.setForeground(QColor(STATES["problem"].color))
                if column == 4 + len(COUNT_COLUMNS):
                    item.setForeground(QColor(SIGNOFF_COLORS.get(row.signoff_state, "#000000")))
                self.table.setItem(i, column, item)
        self.chart.set_rows(dashboard.groups)
        self.uncovered.clear()
        if dashboard.uncovered:
            self.uncovered_label.setText(self.tr("没有工作组负责的材料审核条目（{0} 条），请在“管理 › 工作组与分工”中分配：")
                                         .format(len(dashboard.uncovered)))
            for code, title in dashboard.uncovered:
                self.uncovered.addItem(f"{code} {title}")
        else:
            self.uncovered_label.setText(self.tr("所有材料审核条目都已分配到工作组。"))

    def figures(self) -> dict[str, dict[str, str]]:
        """The table as shown, per group code and column header (for checks and tests)."""
        out: dict[str, dict[str, str]] = {}
        if self.dashboard is None:
            return out
        headers = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        for i, row in enumerate(self.dashboard.groups):
            out[row.code] = {headers[c]: self.table.item(i, c).text() for c in range(self.table.columnCount())}
        return out

    def _activated(self, row: int, _column: int) -> None:
        if self.dashboard is not None and 0 <= row < len(self.dashboard.groups):
            self.group_activated.emit(self.dashboard.groups[row].code)
