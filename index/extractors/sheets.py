"""Spreadsheets: XLSX (openpyxl), XLS (xlrd) and CSV; one Page per sheet, one block per cell."""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from index.document import Extraction, Page, Problem, TextBlock
from index.extractors.text import decode_text
from index.extractors.zip_guard import open_checked_zip
from index.limits import Limits

Row = Iterable[object]

# openpyxl (which pulls in numpy) and xlrd are imported on first use: every worker process pays
# the import at start-up, and most corpora hold few spreadsheets.


def extract_xlsx(path: Path, ex: Extraction, limits: Limits) -> None:
    archive = open_checked_zip(path, ex, limits)
    if archive is None:
        return
    archive.close()
    import openpyxl  # imported on the first workbook: most scans have none

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError):
        ex.problems.append(Problem("corrupt", "Excel 表格已损坏，无法读取。请用 Excel 或 WPS 重新保存为 XLSX 后再提交。"))
        return
    try:
        for sheet in workbook.worksheets:
            if not _add_sheet(ex, sheet.title, sheet.iter_rows(values_only=True), limits):
                break
    finally:
        workbook.close()
    _finish(ex)


def extract_xls(path: Path, ex: Extraction, limits: Limits) -> None:
    """Legacy BIFF workbooks (XLS, and WPS ET saved in the same format): read, and say to re-save."""
    ex.problems.append(Problem(
        "legacy_format", "这是旧版 Excel 97-2003（XLS/ET）表格，已读取内容；请另存为 XLSX 后重新提交。"))
    import xlrd  # imported on the first legacy workbook only

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except (xlrd.XLRDError, OSError, ValueError, IndexError, AssertionError):
        ex.problems.append(Problem("corrupt", "旧版表格文件已损坏或格式不受支持，无法读取。请另存为 XLSX 后重新提交。"))
        return
    try:
        for sheet in book.sheets():
            if not _add_sheet(ex, sheet.name, (sheet.row_values(r) for r in range(sheet.nrows)), limits):
                break
    finally:
        book.release_resources()
    _finish(ex)


def extract_csv(path: Path, ex: Extraction, limits: Limits) -> None:
    text, encoding = decode_text(path.read_bytes())
    ex.facts["encoding"] = encoding
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    _add_sheet(ex, path.stem or "工作表1", csv.reader(io.StringIO(text), delimiter=delimiter), limits)
    _finish(ex)


def _add_sheet(ex: Extraction, name: str, rows: Iterable[Row], limits: Limits) -> bool:
    """Read one sheet into a Page; False once the file's cell budget is spent (reading stops)."""
    number = len(ex.pages) + 1
    cells_so_far = sum(len(p.blocks) for p in ex.pages)
    blocks: list[TextBlock] = []
    lines: list[str] = []
    within_budget = True
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            text = _cell_text(value)
            cells.append(text)
            if text:
                blocks.append(TextBlock(text=text, page=number, location=f"工作表{name} 第{r}行第{c}列",
                                        source="table"))
        line = "\t".join(cells).rstrip("\t")
        if line:
            lines.append(line)
        if cells_so_far + len(blocks) >= limits.max_cells:
            within_budget = False
            ex.problems.append(Problem(
                "too_many_cells",
                f"表格内容过多（超过 {limits.max_cells} 个单元格），只读取了前面部分（到工作表“{name}”第{r}行）。"
                "请删除无关内容或拆分为较小的表格后再提交。"))
            break
    ex.pages.append(Page(number=number, text="\n".join(lines), blocks=blocks))
    ex.facts.setdefault("sheets", []).append(name)
    return within_budget


def _finish(ex: Extraction) -> None:
    ex.facts["needs_ocr_pages"] = []
    if not any(p.text for p in ex.pages):
        ex.problems.append(Problem("empty", "表格中没有任何内容。请检查是否提交了正确的文件。"))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ").removesuffix(" 00:00:00")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()
