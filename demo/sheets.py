"""Spreadsheets (台账 / 统计表) as XLSX and CSV, written from an `OfficialDoc` with a table."""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from demo.archive import restamp_archive
from demo.texts import OfficialDoc

TITLE_FONT = Font(name="方正小标宋简体", size=16)
HEAD_FONT = Font(name="黑体", size=11, bold=True)
CELL_FONT = Font(name="仿宋_GB2312", size=11)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_ledger_xlsx(path: Path, doc: OfficialDoc, *, totals: bool = True) -> Path:
    """A one-sheet 台账: title row, 填报单位 line, header, dated rows, a 合计 row of numeric columns."""
    if doc.table is None:
        raise ValueError("write_ledger_xlsx needs a document with a table (kind 台账)")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    width = len(doc.table.columns)
    sheet.append([doc.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font, sheet["A1"].alignment = TITLE_FONT, Alignment(horizontal="center")
    sheet.append([doc.body[0].text if doc.body else doc.issuer])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.append(doc.table.columns)
    for row in doc.table.rows:
        sheet.append([_cell_value(i, v) for i, v in enumerate(row)])
        sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
    last = sheet.max_row
    if totals:
        numeric = [i for i in range(2, width) if all(r[i].isdigit() for r in doc.table.rows)]
        if numeric:
            sums = ["合计", ""] + [""] * (width - 2)
            for i in numeric:
                letter = sheet.cell(row=3, column=i + 1).column_letter
                sums[i] = f"=SUM({letter}4:{letter}{last})"
            sheet.append(sums)
    for row in sheet.iter_rows(min_row=3, max_row=sheet.max_row):
        for cell in row:
            cell.font = HEAD_FONT if cell.row == 3 else CELL_FONT
            cell.border = BOX
    for index, column in enumerate(doc.table.columns, start=1):
        longest = max(len(str(column)), *(len(r[index - 1]) for r in doc.table.rows))
        sheet.column_dimensions[sheet.cell(row=3, column=index).column_letter].width = min(40, 2.2 * longest + 2)
    sheet.append([])
    sheet.append([f"填报单位（盖章）：{doc.issuer}", "", "", f"填报日期：{doc.date:%Y年%-m月%-d日}"])
    stamp = datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0)
    book.properties.creator = book.properties.lastModifiedBy = doc.issuer
    book.properties.title = doc.title
    book.properties.created = book.properties.modified = stamp
    book.save(path)
    restamp_archive(path, stamp)
    return path


def _cell_value(column: int, text: str) -> object:
    """序号 and counts as numbers, the 日期 column as a real date, the rest as text."""
    if column == 1:
        return date.fromisoformat(text)
    return int(text) if text.isdigit() else text


def write_ledger_csv(path: Path, doc: OfficialDoc) -> Path:
    """The 台账 rows as CSV in UTF-8 with a byte-order mark (how Excel on Chinese Windows saves it)."""
    if doc.table is None:
        raise ValueError("write_ledger_csv needs a document with a table (kind 台账)")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(doc.table.columns)
        writer.writerows(doc.table.rows)
    return path
