"""申报材料清单: every 测评标准 in manual order with its files, pages, dates and group, and a totals row."""
from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from pathlib import Path

from review.office.consolidation import ConsolidatedView, CoveredFile
from review.office.reports.docx_style import (
    add_table,
    add_text,
    add_title,
    bold_row,
    chinese_date,
    merge_down,
    new_document,
    save,
)

HEADERS = ("序号", "测评标准", "材料文件", "页数", "材料日期", "工作组")
WIDTHS_MM = (12, 34, 52, 16, 24, 18)
NO_FILES = "（无材料）"

# (group code, item code, the group's relative path) → the name the file has in the submission
SubmittedNames = Mapping[tuple[str, str, str], str]


def material_rows(view: ConsolidatedView, groups: Collection[str] | None = None,
                  names: SubmittedNames | None = None) -> tuple[list[list[str]], list[tuple[int, int]]]:
    """Table rows, and the (first, last) row span of each item for merging its 测评标准 cell.

    With `groups`, only those groups' files are listed and items without such files are left out
    (the submission); without, every item is listed and uncovered ones say 无材料 (the office's check).
    """
    group_names = {g.code: g.name for g in view.groups}
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    files = pages = 0
    unknown_pages = 0
    items = 0
    for item in view.items:
        chosen = [f for f in item.files if groups is None or f.group in groups]
        if not chosen and groups is not None:
            continue
        items += 1
        label = f"{item.code}\n{item.title}"
        first = len(rows) + 1  # row 0 is the header
        if not chosen:
            rows.append(["", label, f"{NO_FILES}{item.status_name}", "", "",
                         "、".join(group_names[c] for c in item.responsible)])
        for file in chosen:
            files += 1
            pages += file.pages or 0
            unknown_pages += file.pages is None
            rows.append([str(files), label, _file_label(file, item.code, names), _pages(file), file.date_text or "—",
                         group_names[file.group]])
        spans.append((first, len(rows)))
    used_groups = {f.group for i in view.items for f in i.files if groups is None or f.group in groups}
    total_pages = f"{pages}" + (f"\n（{unknown_pages} 个未计）" if unknown_pages else "")
    rows.append(["合计", f"{items} 条测评标准", f"{files} 个文件", total_pages, "", f"{len(used_groups)} 个工作组"])
    return rows, spans


def write_material_list(view: ConsolidatedView, out: Path, *, groups: Collection[str] | None = None,
                        names: SubmittedNames | None = None, today: date | None = None) -> Path:
    document = new_document()
    add_title(document, f"{view.city}全国文明城市创建申报材料清单")
    add_text(document, f"依据《{view.manual_title}》{view.manual_edition}　　编制日期：{chinese_date(today)}", center=True)
    rows, spans = material_rows(view, groups, names)
    table = add_table(document, HEADERS, rows, WIDTHS_MM)
    for first, last in spans:
        merge_down(table, 1, first, last)
    bold_row(table, len(rows))
    return save(document, out)


def _file_label(file: CoveredFile, item_code: str, names: SubmittedNames | None) -> str:
    if names is not None and (file.group, item_code, file.path) in names:
        return names[(file.group, item_code, file.path)]
    return file.path


def _pages(file: CoveredFile) -> str:
    return str(file.pages) if file.pages is not None else "—"
