"""MR-DATE-005: rows of a 台账 or 统计表 dated before the window.

A 台账 proves work done in the window row by row; rows from before it are last year's work and
cost the points they were meant to earn. The row's date is in its date column: the column whose
cells are dates in most dated rows, under a header that names when the work happened (发现日期,
活动时间), not a birth date, a registration date or a 备注 that recalls history. A row is out when
every date of its date columns ends before the window begins. One finding per file lists them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.checking.rules.dates import FoundDate, find_dates
from review.checking.rules.finding import Finding
from review.checking.rules.kinds import SHEET_FORMATS
from review.checking.rules.text import Segment

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

RULE = "MR-DATE-005"
_CELL = re.compile(r"^(?:第\d+页 )?(?P<table>工作表.*?|表格\d+) 第(?P<row>\d+)行第(?P<column>\d+)列$")
# Headers of dates that are not when the row's work happened.
_NOT_EVENT = re.compile(r"出生|生日|注册|入职|入党|参加工作|成立|建成|建立|开馆|颁发|发证|认定|有效期|备注|说明|原|上次|首次|计划|预计|期限|时限")
_DATE_CELL_EXTRA = 4  # a date cell holds the date and little else ("2025-09-12", "2025年9月12日（周五）")
_COLUMN_SHARE = 0.6  # a date column has dates in this share of the dated rows
_LISTED = 10


@dataclass(frozen=True)
class _Cell:
    segment: Segment
    text: str
    date: FoundDate | None


@dataclass(frozen=True)
class OldRow:
    table: str
    row: int
    dates: tuple[str, ...]
    segment: Segment

    def describe(self) -> str:
        return f"第{self.row}行（{'、'.join(self.dates)}）"


def _cell_date(text: str) -> FoundDate | None:
    """The date a cell holds when the cell is a date (not a sentence that mentions one)."""
    found = [d for d in find_dates(text) if d.precision in ("day", "month")]
    if len(found) != 1 or len(text) - len(found[0].text) > _DATE_CELL_EXTRA:
        return None
    return found[0]


def _tables(ctx: FileContext) -> dict[str, dict[int, dict[int, _Cell]]]:
    tables: dict[str, dict[int, dict[int, _Cell]]] = defaultdict(lambda: defaultdict(dict))
    doc = ctx.doc
    for segment in doc.body:
        if segment.source != "table":
            continue
        m = _CELL.match(segment.location)
        if m is None:
            continue
        text = doc.segment_text(segment).strip()
        tables[m["table"]][int(m["row"])][int(m["column"])] = _Cell(segment, text, _cell_date(text))
    return tables


def _date_columns(rows: dict[int, dict[int, _Cell]]) -> list[int]:
    dated_rows = [r for r, cells in rows.items() if any(c.date for c in cells.values())]
    if not dated_rows:
        return []
    first = min(dated_rows)
    counts: dict[int, int] = defaultdict(int)
    for r in dated_rows:
        for column, cell in rows[r].items():
            if cell.date is not None:
                counts[column] += 1
    out = []
    for column, count in sorted(counts.items()):
        if count < _COLUMN_SHARE * len(dated_rows):
            continue
        headers = [rows[r][column].text for r in rows if r < first and column in rows[r]]
        if headers and _NOT_EVENT.search(headers[-1]):
            continue
        out.append(column)
    return out


def old_rows(ctx: FileContext) -> list[OldRow]:
    """The rows, in order, whose every date in a date column ends before the window begins."""
    begin = ctx.settings.date_window().begin
    out = []
    for table, rows in _tables(ctx).items():
        columns = _date_columns(rows)
        for r in sorted(rows):
            cells = [rows[r][c] for c in columns if c in rows[r] and rows[r][c].date is not None]
            if cells and all(c.date is not None and c.date.last < begin for c in cells):
                out.append(OldRow(table, r, tuple(c.text for c in cells), cells[0].segment))
    return out


def check(ctx: FileContext) -> list[Finding]:
    """MR-DATE-005 on spreadsheets and on documents recognised as 台账 or 统计表."""
    if not ctx.config.is_enabled(RULE):
        return []
    fmt = ctx.extraction.format or ctx.facts.format
    if fmt not in SHEET_FORMATS and not (ctx.doc.has_source("table")
                                         and {k.kind for k in ctx.kinds} & {"台账", "统计表"}):
        return []
    window = ctx.settings.date_window()
    dated = ctx.document_date
    if dated is not None and not dated.found.within(window):
        return []  # the whole material is out of the window: MR-DATE-001 says so
    rows = old_rows(ctx)
    if not rows:
        return []
    by_table: dict[str, list[OldRow]] = defaultdict(list)
    for row in rows:
        by_table[row.table].append(row)
    listed = []
    shown = 0
    for table, table_rows in by_table.items():
        room = _LISTED - shown
        if room <= 0:
            break
        listed.append(f"{table} " + "、".join(r.describe() for r in table_rows[:room]))
        shown += min(room, len(table_rows))
    more = f"等（共 {len(rows)} 行）" if len(rows) > shown else ""
    first = rows[0]
    message = (f"{ctx.facts.display_name}：有 {len(rows)} 行记录的日期早于材料时间范围（{window.describe()}）："
               f"{'；'.join(listed)}{more}。")
    return [ctx.finding(RULE, message, page=first.segment.page, location=f"{first.table} 第{first.row}行",
                        text=first.dates[0], bbox=first.segment.bbox,
                        read_by_ocr=first.segment.source == "ocr", confidence=first.segment.confidence)]
