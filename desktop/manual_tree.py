"""The left pane: the manual (测评项目 → 测评内容 → 测评标准) limited to one group's standards,
each node with a status badge and counts, filterable by status.

Statuses are `StandardStatus` values computed off the UI thread (desktop.desk_data.group_statuses,
from review.assessment.rollups); the tree only shows them, so checks and decisions change the badges
without this widget changing.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QPainter,
    QPixmap,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from desktop.screen_fit import fit_columns, han_width
from desktop.standard_status import STATE_KEYS, StandardStatus
from review.manual.model import Manual


@dataclass(frozen=True)
class StateStyle:
    name: str  # the source text, translated by `label`
    color: str
    rank: int  # higher is worse: a parent shows its worst child

    @property
    def label(self) -> str:
        return QCoreApplication.translate("ItemStates", self.name)


STATES: dict[str, StateStyle] = {
    "changed": StateStyle(QT_TRANSLATE_NOOP("ItemStates", "已变更"), "#8e24aa", 6),
    "problem": StateStyle(QT_TRANSLATE_NOOP("ItemStates", "有问题"), "#e65100", 5),
    "missing": StateStyle(QT_TRANSLATE_NOOP("ItemStates", "缺失"), "#c62828", 4),
    "pending": StateStyle(QT_TRANSLATE_NOOP("ItemStates", "待审核"), "#1565c0", 3),
    "waived": StateStyle(QT_TRANSLATE_NOOP("ItemStates", "豁免"), "#757575", 2),
    "ok": StateStyle(QT_TRANSLATE_NOOP("ItemStates", "合格"), "#2e7d32", 1),
}
STATE_ORDER = list(STATE_KEYS)
MIN_TITLE_CHARS = 8  # Chinese characters of a title the tree keeps in sight before it hides 状态


CODE_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # "code title" (and a 测评内容's indicator): the tooltip's first part

_icons: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    """A round coloured badge for a state (cached)."""
    if state not in _icons:
        pixmap = QPixmap(24, 24)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(STATES[state].color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(4, 4, 16, 16)
        painter.end()
        _icons[state] = QIcon(pixmap)
    return _icons[state]


def worst_state(states: Iterable[str]) -> str | None:
    return max(states, key=lambda s: STATES[s].rank, default=None)


def counts_text(states: Counter[str]) -> str:
    """All states of the standards below a node, e.g. 合格 3/5 · 缺失 1 · 待审核 1."""
    total = sum(states.values())
    parts = [f"{STATES['ok'].label} {states.get('ok', 0)}/{total}"]
    parts += [f"{STATES[s].label} {states[s]}" for s in STATE_ORDER if s != "ok" and states.get(s)]
    return " · ".join(parts)


def short_counts(states: Counter[str]) -> str:
    """The column text for a parent node: 3/5 合格 (the full breakdown is its tooltip)."""
    return f"{states.get('ok', 0)}/{sum(states.values())} {STATES['ok'].label}"


class ManualTreeModel(QStandardItemModel):
    """Columns: 条目, 状态, 材料/统计. Only standards in `codes` and their ancestors appear.

    `update_states` touches only the rows whose badge changed: after a scan that mapped nothing, a
    refresh costs no Qt call at all (each one from Python may wait for the GIL a worker holds).
    """

    def __init__(self, manual: Manual, codes: Sequence[str], statuses: Mapping[str, StandardStatus]) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels([self.tr("条目"), self.tr("状态"), self.tr("材料")])
        self.manual = manual
        self.codes = list(codes)
        wanted = set(codes)
        self.standard_codes: list[str] = []
        self._standards: dict[str, list[QStandardItem]] = {}
        self._parents: list[tuple[list[QStandardItem], list[str]]] = []  # (row, the standards below it)
        self._shown: dict[int, tuple[str | None, str, str]] = {}  # id(row[0]) → (state, counts, tooltip)
        for project in manual.projects:
            project_row: list[QStandardItem] | None = None
            project_codes: list[str] = []
            for indicator in project.indicators:
                for content in indicator.contents:
                    standards = [s for s in content.standards if s.code in wanted]
                    if not standards:
                        continue
                    if project_row is None:
                        project_row = self._row(project.code, project.title, "project")
                        self.appendRow(project_row)
                    content_row = self._row(content.code, content.title, "content",
                                            tooltip=f"{indicator.code} {indicator.title}")
                    project_row[0].appendRow(content_row)
                    for standard in standards:
                        row = self._row(standard.code, standard.title, "standard", tooltip=standard.title)
                        content_row[0].appendRow(row)
                        self._standards[standard.code] = row
                        self.standard_codes.append(standard.code)
                    self._parents.append((content_row, [s.code for s in standards]))
                    project_codes += [s.code for s in standards]
            if project_row is not None:
                self._parents.append((project_row, project_codes))
        self.update_states(statuses)

    def same_tree(self, manual: Manual, codes: Sequence[str]) -> bool:
        return list(codes) == self.codes and manual == self.manual

    def update_states(self, statuses: Mapping[str, StandardStatus]) -> None:
        for code, row in self._standards.items():
            status = statuses.get(code, StandardStatus("missing"))
            self._apply(row, status.state, self.tr("{0} 份").format(status.files) if status.files else "—",
                        status.note, parent=False)
        for row, codes in self._parents:
            states = Counter(statuses.get(c, StandardStatus("missing")).state for c in codes)
            self._apply(row, worst_state(states), short_counts(states), counts_text(states), parent=True)

    def _row(self, code: str, title: str, level: str, tooltip: str = "") -> list[QStandardItem]:
        name = QStandardItem(f"{code} {title}")
        name.setData(code, CODE_ROLE)
        name.setData(level, LEVEL_ROLE)
        name.setData(f"{code} {title}" + (f"\n{tooltip}" if tooltip and tooltip != title else ""), TITLE_ROLE)
        name.setToolTip(name.data(TITLE_ROLE))
        row = [name, QStandardItem(), QStandardItem()]
        for item in row:
            item.setEditable(False)
        return row

    def _apply(self, row: list[QStandardItem], state: str | None, counts: str, tooltip: str, *, parent: bool) -> None:
        """A parent's tooltip (all its counts) is on both columns; a standard's (its note) on the badge."""
        wanted = (state, counts, tooltip)
        if state is None or self._shown.get(id(row[0])) == wanted:
            return
        self._shown[id(row[0])] = wanted
        row[0].setData(state, STATE_ROLE)
        row[0].setIcon(state_icon(state))  # the badge stays in sight when the 状态 column is hidden
        badge = row[1]
        badge.setText(STATES[state].label)
        badge.setForeground(QBrush(QColor(STATES[state].color)))
        row[2].setText(counts)
        for item in row[1:] if parent else row[1:2]:
            item.setToolTip(tooltip)
        title = row[0].data(TITLE_ROLE)
        row[0].setToolTip(f"{title}\n{STATES[state].label}（{counts}）{'：' + tooltip if tooltip else ''}")


class StatusFilter(QSortFilterProxyModel):
    """Shows the standards in one state (and their ancestors), or everything."""

    def __init__(self) -> None:
        super().__init__()
        self.state: str | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_state(self, state: str | None) -> None:
        self.beginFilterChange()
        self.state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.state is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(LEVEL_ROLE) == "standard" and index.data(STATE_ROLE) == self.state


def dropped_paths(mime: QMimeData) -> list[str]:
    """Local files in a drag from the file manager or from the unmapped list."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class DropTreeView(QTreeView):
    """Accepts files dropped on a 测评标准 row and reports them as (code, paths)."""

    files_dropped = Signal(str, list)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def _standard_at(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        index = self.indexAt(event.position().toPoint()).siblingAtColumn(0)
        return index.data(CODE_ROLE) if index.isValid() and index.data(LEVEL_ROLE) == "standard" else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_paths(event.mimeData()) and self._standard_at(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        code, paths = self._standard_at(event), dropped_paths(event.mimeData())
        if code and paths:
            event.acceptProposedAction()
            self.files_dropped.emit(code, paths)
        else:
            event.ignore()


class ManualTree(QWidget):
    """Tree + status filter. Emits `standard_selected(code)` when a 测评标准 becomes current and
    `files_dropped(code, paths)` when files are dropped on one."""

    standard_selected = Signal(str)
    files_dropped = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_box = QComboBox()
        self.filter_box.addItem(self.tr("全部状态"), None)
        for state in STATE_ORDER:
            self.filter_box.addItem(state_icon(state), STATES[state].label, state)
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.summary = QLabel()
        self.proxy = StatusFilter()
        self.view = DropTreeView()
        self.view.files_dropped.connect(self.files_dropped)
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # keep the code at the start visible
        self.view.setAlternatingRowColors(True)
        self.view.setIndentation(han_width(self.fontMetrics()))  # three levels deep in a narrow pane
        self.view.setAccessibleName(self.tr("测评条目"))
        self.empty = QLabel(self.tr("本组还没有分配测评条目。请文明办在“管理 › 工作组与分工”中为本组勾选测评内容或测评标准。"))
        self.empty.setWordWrap(True)
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("筛选：")))
        top.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.model: ManualTreeModel | None = None

    def show_group(self, manual: Manual, codes: Sequence[str], statuses: Mapping[str, StandardStatus]) -> None:
        """(Re)build the tree for a group's standards, or only update its badges when the standards are
        the same; keeps the current item when it still exists and announces it again."""
        if self.model is not None and self.model.same_tree(manual, codes):
            self.model.update_states(statuses)
            self._show_summary(statuses)
            if self.current_code():  # as a rebuilt tree would: the current standard is shown afresh
                self.standard_selected.emit(self.current_code())
            return
        keep = self.current_code()
        self.model = ManualTreeModel(manual, codes, statuses)
        self.proxy.setSourceModel(self.model)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.expandAll()
        self._show_summary(statuses)
        self._fit_columns()
        self.empty.setVisible(not self.model.standard_codes)
        self.view.setVisible(bool(self.model.standard_codes))
        if keep:
            self.select(keep)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Hide the 状态 column, then the 材料 column, when they would leave the titles less than
        MIN_TITLE_CHARS characters (e.g. at 150 % scaling): the badge before the code stays, and the
        state's name and the counts are in the title's tooltip."""
        if self.model is None:
            return
        view = self.view
        code = view.fontMetrics().horizontalAdvance("Ⅲ-10-10) ")
        fit_columns(view, view.header(), 0, [1, 2], MIN_TITLE_CHARS,
                    reserved=3 * view.indentation() + view.iconSize().width() + code)

    def update_states(self, statuses: Mapping[str, StandardStatus]) -> None:
        """New badges for the same standards, leaving the selection as it is."""
        if self.model is not None:
            self.model.update_states(statuses)
            self._show_summary(statuses)

    def _show_summary(self, statuses: Mapping[str, StandardStatus]) -> None:
        assert self.model is not None
        states = Counter(statuses.get(c, StandardStatus("missing")).state for c in self.model.standard_codes)
        summary = counts_text(states) if states else ""
        if self.summary.text() != summary:
            self.summary.setText(summary)

    # -- navigation ----------------------------------------------------------------------------
    def visible_codes(self) -> list[str]:
        """The standards shown (after filtering), in tree order."""
        out: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(LEVEL_ROLE) == "standard":
                    out.append(index.data(CODE_ROLE))
                walk(index)

        walk(QModelIndex())
        return out

    def current_code(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        return index.data(CODE_ROLE) if index.data(LEVEL_ROLE) == "standard" else None

    def select(self, code: str) -> bool:
        matches = self.proxy.match(self.proxy.index(0, 0), CODE_ROLE, code, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not matches:
            return False
        self.view.setCurrentIndex(matches[0])
        self.view.scrollTo(matches[0])
        return True

    def step(self, offset: int) -> str | None:
        """Move to the next (+1) or previous (-1) standard; returns the new code."""
        codes = self.visible_codes()
        if not codes:
            return None
        current = self.current_code()
        position = codes.index(current) + offset if current in codes else (0 if offset > 0 else len(codes) - 1)
        code = codes[max(0, min(position, len(codes) - 1))]
        self.select(code)
        return code

    def state_of(self, code: str) -> str | None:
        if self.model is None:
            return None
        matches = self.model.match(self.model.index(0, 0), CODE_ROLE, code, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return matches[0].data(STATE_ROLE) if matches else None

    def _filter_changed(self) -> None:
        self.proxy.set_state(self.filter_box.currentData())
        self.view.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        index = current.siblingAtColumn(0)
        if index.data(LEVEL_ROLE) == "standard":
            self.standard_selected.emit(index.data(CODE_ROLE))
