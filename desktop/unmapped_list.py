"""The group's files that belong to no 测评标准 yet; drag one onto a standard in the tree to map it.

Items are dragged as local file URLs, the same as files from the file manager, so the tree has
one way to accept both.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from review.mapping import UnmappedFile

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class DraggableFiles(QListWidget):
    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(item.data(PATH_ROLE)) for item in items])
        return mime


class UnmappedList(QWidget):
    """Emits `file_activated(path)` when a file is clicked (to preview it)."""

    file_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.files = DraggableFiles()
        self.files.setDragEnabled(True)
        self.files.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.itemClicked.connect(lambda item: self.file_activated.emit(item.data(PATH_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.files, 1)
        self.show_files([])

    def show_files(self, files: Sequence[UnmappedFile]) -> None:
        self.files.clear()
        for file in files:
            item = QListWidgetItem(file.rel_path or file.path)
            item.setToolTip(file.path)
            item.setData(PATH_ROLE, file.path)
            self.files.addItem(item)
        self.label.setText(self.tr("未归类的文件（{0} 个）：拖到左侧“测评条目”中的某一条即可归类。").format(len(files))
                           if files else self.tr("本组没有未归类的文件。"))
