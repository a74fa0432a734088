"""Spreadsheets (XLSX, XLS, WPS 表格, CSV) in the preview pane: one tab per sheet, the cell of a
finding or a search hit selected.

The cells are read by the index's own extraction (index.extract), which gives one page per sheet
and one block per non-empty cell placed "工作表<name> 第<r>行第<c>列"; the grid is rebuilt from
those places, so the preview shows what the checks and the search read.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QTabWidget, QWidget

from review.errors import UserError

SHEET_SUFFIXES = {".xlsx", ".xls", ".et", ".csv"}
MAX_ROWS = 5000  # rows shown per sheet; the rest is opened with the system's program
_CELL = re.compile(r"第(\d+)行第(\d+)列\s*$")


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), 1-based
    rows: int = 0
    columns: int = 0


@dataclass
class Workbook:
    sheets: list[Sheet]
    selected: tuple[int, int, int] | None = None  # sheet index (0-based), row, column (1-based)
    note: str = ""  # what could not be shown


def cell_of(location: str) -> tuple[int, int] | None:
    """(row, column) of an extractor's place "工作表X 第3行第2列", else None."""
    match = _CELL.search(location or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def read_workbook(path: Path, sheet: int = 0, location: str = "", terms: Sequence[str] = ()) -> Workbook:
    """Every sheet's cells; the selected cell is the one at `location`, else the first cell of sheet
    `sheet` (0-based) containing one of `terms`."""
    from index.extract import extract_file  # the index's readers; imported on the first spreadsheet

    extraction = extract_file(path, "")
    names = list(extraction.facts.get("sheets") or [])
    if not extraction.pages:
        reason = "；".join(p.message for p in extraction.problems) or QCoreApplication.translate(
            "SheetView", "表格中没有任何内容。")
        raise UserError(QCoreApplication.translate("SheetView", "无法预览表格 {0}：{1}").format(path.name, reason))
    sheets: list[Sheet] = []
    for number, page in enumerate(extraction.pages):
        shown = Sheet(names[number] if number < len(names) else QCoreApplication.translate(
            "SheetView", "工作表{0}").format(number + 1))
        for block in page.blocks:
            place = cell_of(block.location)
            if place is None or place[0] > MAX_ROWS:
                continue
            shown.cells[place] = block.text
            shown.rows, shown.columns = max(shown.rows, place[0]), max(shown.columns, place[1])
        sheets.append(shown)
    book = Workbook(sheets, note="；".join(p.message for p in extraction.problems if p.code == "too_many_cells"))
    sheet = max(0, min(sheet, len(sheets) - 1))
    place = cell_of(location)
    if place is not None:
        book.selected = (sheet, *place)
    else:
        for (row, column), text in sorted(sheets[sheet].cells.items()):
            if any(term and term in text for term in terms):
                book.selected = (sheet, row, column)
                break
    return book


class SheetView(QTabWidget):
    """The workbook's sheets as read-only tables, one tab each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setTabPosition(QTabWidget.TabPosition.South)  # as in Excel and WPS

    def show_workbook(self, book: Workbook) -> None:
        self.clear()
        for sheet in book.sheets:
            table = QTableWidget(sheet.rows, sheet.columns)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setHorizontalHeaderLabels([column_name(c) for c in range(1, sheet.columns + 1)])
            for (row, column), text in sheet.cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row - 1, column - 1, item)
            table.resizeColumnsToContents()
            for column in range(sheet.columns):  # a long text must not push the others off the pane
                table.setColumnWidth(column, min(table.columnWidth(column), 240))
            self.addTab(table, sheet.name)
            self.setTabToolTip(self.count() - 1, sheet.name)
        if book.selected is not None:
            index, row, column = book.selected
            self.setCurrentIndex(index)
            table = self.table(index)
            if table is not None and row <= table.rowCount() and column <= table.columnCount():
                table.setCurrentCell(row - 1, column - 1)
                item = table.item(row - 1, column - 1)
                if item is not None:
                    table.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)

    def table(self, index: int) -> QTableWidget | None:
        widget = self.widget(index)
        return widget if isinstance(widget, QTableWidget) else None


def column_name(number: int) -> str:
    """Excel's column letters: 1 → A, 27 → AA."""
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
