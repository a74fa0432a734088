"""The group's files that belong to no 测评标准 yet, with the system's suggested standards.

A file is mapped by dragging it onto a standard in the tree, or by accepting one of its
suggestions in the panel below the list (or from the list's context menu). Suggestions are only
shown; nothing is mapped until the user clicks 采纳. The list is a model over plain dataclasses, so
two thousand files after a scan appear at once instead of being built item by item.

Items are dragged as local file URLs, the same as files from the file manager, so the tree has
one way to accept both.
"""
from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QStringListModel, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from review.intake.mapping import UnmappedFile
from review.intake.suggestions import Suggestion


class UnmappedModel(QStringListModel):
    """One row per unmapped file; the best suggestion, once known, is shown after the name.

    The texts live in Qt's own string list, so painting calls no Python: while a worker thread
    holds the GIL, every Python call from the UI thread would have to wait for it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.files: list[UnmappedFile] = []
        self.suggestions: dict[str, list[Suggestion]] = {}  # by path

    def set_files(self, files: Sequence[UnmappedFile]) -> None:
        self.files = list(files)
        self._show()

    def set_suggestions(self, suggestions: Mapping[str, list[Suggestion]]) -> None:
        self.suggestions = dict(suggestions)
        self._show()

    def _show(self) -> None:
        texts = []
        for file in self.files:
            name = file.rel_path or file.path
            best = self.suggestions.get(file.path)
            texts.append(self.tr("{0}　→ 建议 {1}").format(name, best[0].item_code) if best else name)
        self.setStringList(texts)

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime.setUrls([QUrl.fromLocalFile(self.files[row].path) for row in rows])
        return mime


class SuggestionPanel(QScrollArea):
    """The selected file's suggestions, each with its reason (wrapped) and a 采纳 button. It scrolls
    vertically when the pane is short (1366×768 at 150 %) instead of clipping the reasons."""

    accepted = Signal(str, str)  # path, item code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.path: str | None = None
        self.may_accept = True
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.rows = QGridLayout()
        self.rows.setColumnStretch(0, 1)
        self.buttons: list[QPushButton] = []
        inside = QWidget()
        self.setWidget(inside)
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.hide()

    def _clear_rows(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = []

    def show_for(self, file: UnmappedFile | None, suggestions: list[Suggestion] | None) -> None:
        """`suggestions` is None while they are still being computed."""
        self._clear_rows()
        self.path = file.path if file else None
        if file is None:
            self.hide()
            return
        name = html.escape(PurePosixPath(file.rel_path or file.path).name)
        if suggestions is None:
            self.heading.setText(self.tr("正在为“{0}”查找可归入的测评标准…").format(name))
        elif not suggestions:
            self.heading.setText(self.tr("“{0}”的文字与本组测评标准都不够匹配，请把它拖到左侧“测评条目”中人工归类。")
                                 .format(name))
        else:
            self.heading.setText(self.tr("“{0}”建议归到（点“采纳”才会归类）：").format(name))
        for row, suggestion in enumerate(suggestions or []):
            reason = self.tr("理由：文件中出现了“{0}”").format("”“".join(suggestion.matched))
            label = QLabel(f"<b>{html.escape(suggestion.item_code)}</b> {html.escape(suggestion.title)}"
                           f"<br><span style='color:#555'>{html.escape(reason)}</span>")
            label.setWordWrap(True)
            label.setToolTip(suggestion.title)
            button = QPushButton(self.tr("采纳"))
            button.setToolTip(self.tr("把这个文件归到 {0}").format(suggestion.item_code))
            button.setEnabled(self.may_accept)
            button.clicked.connect(lambda _checked=False, code=suggestion.item_code: self._accept(code))
            self.rows.addWidget(label, row, 0)
            self.rows.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
            self.buttons.append(button)
        self.show()

    def _accept(self, code: str) -> None:
        if self.path is None:
            return
        for button in self.buttons:  # one acceptance per file; the list refreshes when it is done
            button.setEnabled(False)
        self.heading.setText(self.tr("正在归类到 {0}…").format(code))
        self.accepted.emit(self.path, code)


class UnmappedList(QWidget):
    """Emits `file_activated(path)` when a file is clicked (to preview it) and
    `suggestion_accepted(path, code)` when the user accepts a suggested standard for it."""

    file_activated = Signal(str)
    suggestion_accepted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions_known = False
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.model = UnmappedModel()
        self.files = QListView()
        self.files.setModel(self.model)
        self.files.setUniformItemSizes(True)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setDragEnabled(True)
        self.files.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.files.setDefaultDropAction(Qt.DropAction.CopyAction)  # a move would remove the row at once
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.files.customContextMenuRequested.connect(self._context_menu)
        self.files.clicked.connect(self._clicked)
        self.files.selectionModel().currentChanged.connect(lambda current, _previous: self._show_panel(current))
        self.panel = SuggestionPanel()
        self.panel.accepted.connect(self.suggestion_accepted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.panel, 1)
        self.show_files([])

    def count(self) -> int:
        return self.model.rowCount()

    def path_at(self, row: int) -> str:
        return self.model.files[row].path

    def show_files(self, files: Sequence[UnmappedFile]) -> None:
        """The unmapped files; suggestions already known for paths still listed are kept."""
        current = self.panel.path
        self.model.set_files(files)
        self.label.setText(self.tr("未归类的文件（{0} 个）：拖到左侧“测评条目”中的某一条，或选中文件后采纳建议。")
                           .format(len(files)) if files else self.tr("本组没有未归类的文件。"))
        rows = [row for row, file in enumerate(self.model.files) if file.path == current]
        if rows:
            self.files.setCurrentIndex(self.model.index(rows[0]))
            self._show_panel(self.model.index(rows[0]))
        else:
            self.panel.show_for(None, None)

    def show_suggestions(self, suggestions: Mapping[str, list[Suggestion]] | None) -> None:
        """Suggestions by path, or None while they are being computed."""
        self.suggestions_known = suggestions is not None
        self.model.set_suggestions(suggestions or {})
        self._show_panel(self.files.currentIndex())

    def set_may_accept(self, allowed: bool) -> None:
        self.panel.may_accept = allowed

    def suggestions_for(self, path: str) -> list[Suggestion] | None:
        return self.model.suggestions.get(path, []) if self.suggestions_known else None

    def _clicked(self, index: QModelIndex) -> None:
        self.file_activated.emit(self.model.files[index.row()].path)
        self._show_panel(index)

    def _show_panel(self, index: QModelIndex) -> None:
        if not index.isValid() or index.row() >= self.count():
            self.panel.show_for(None, None)
            return
        file = self.model.files[index.row()]
        self.panel.show_for(file, self.suggestions_for(file.path))

    def _context_menu(self, point: QPoint) -> None:
        index = self.files.indexAt(point)
        if not index.isValid():
            return
        menu = self._suggestion_menu(self.model.files[index.row()].path)
        menu.popup(self.files.viewport().mapToGlobal(point))

    def _suggestion_menu(self, path: str) -> QMenu:
        """The context menu of a file: accept one of its suggestions (never a modal dialog)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        suggestions = self.suggestions_for(path)
        if suggestions is None:
            menu.addAction(self.tr("正在查找建议…")).setEnabled(False)
        elif not suggestions:
            menu.addAction(self.tr("没有建议：请拖到左侧条目中人工归类")).setEnabled(False)
        for suggestion in suggestions or []:
            action = menu.addAction(self.tr("采纳建议：归到 {0} {1}").format(suggestion.item_code, suggestion.title))
            action.setEnabled(self.panel.may_accept)
            action.triggered.connect(lambda _checked=False, code=suggestion.item_code:
                                     self.suggestion_accepted.emit(path, code))
        return menu
