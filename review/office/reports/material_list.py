"""申报材料清单: per group and 测评标准 every file with its pages, date, format and size, and its marks
(已退回, 豁免, 超出时间范围, 已变更); a subtotal per group and a total table whose figures add up;
the standards without any material listed once, with the leader's note.

The marks are read from the group read model each group view carries (review.assessment.group_state):
the standard's review state, its open and waived findings and the sign-off's differences. Pages
come from the view (review.office.consolidation.with_page_counts): a file whose pages could not be
counted shows “—” and is named in a note under the totals.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from review.assessment.group_state import StandardState
from review.office.consolidation import ConsolidatedView, CoveredFile, GroupView, ItemView
from review.office.reports.docx_style import (
    CellValue,
    Span,
    add_heading,
    add_table,
    add_text,
    add_title,
    bold_row,
    chinese_date,
    chinese_number,
    merge_down,
    new_document,
    save,
)
from review.office.reports.issues_list import standard_titles

HEADERS = ("序号", "测评标准", "材料文件", "格式", "页数", "大小", "材料日期", "备注")
WIDTHS_MM = (12, 42, 54, 17, 13, 20, 34, 33)  # 225 mm: landscape A4 inside the margins
TOTAL_HEADERS = ("工作组", "测评标准", "文件", "页数", "大小", "未计页数的文件")
TOTAL_WIDTHS_MM = (50, 30, 30, 30, 35, 50)
MISSING_HEADERS = ("测评标准", "负责工作组", "情况", "组长说明或豁免理由")
MISSING_WIDTHS_MM = (70, 35, 30, 90)
STANDARD_COLUMN = 1
DATE_WINDOW_RULES = ("MR-DATE-001", "MR-DATE-003")  # a date outside the window (overall or the standard's)
NO_PAGES = "—"
NO_RENDERER_NOTE = ("本机没有安装 LibreOffice，无法排版统计 Word 文档的页数（文档中也没有 Word 或 WPS 记录的页数）；"
                    "请在装有 LibreOffice 的电脑上重新生成本清单，或人工核对后填写。")
UNCOUNTED_NOTE = "这些文件无法打开或格式不支持统计页数，请人工核对后填写。"

# (group code, item code, the group's relative path) → the name the file has in the submission
SubmittedNames = Mapping[tuple[str, str, str], str]


@dataclass
class Totals:
    standards: int = 0
    files: int = 0
    pages: int = 0
    size: int = 0
    uncounted: int = 0

    def add(self, other: Totals) -> None:
        self.standards += other.standards
        self.files += other.files
        self.pages += other.pages
        self.size += other.size
        self.uncounted += other.uncounted

    def cells(self, label: str) -> list[str]:
        return [label, f"{self.standards} 条", f"{self.files} 个", f"{self.pages} 页", file_size(self.size),
                f"{self.uncounted} 个" if self.uncounted else "—"]


def write_material_list(view: ConsolidatedView, out: Path, *, groups: Collection[str] | None = None,
                        names: SubmittedNames | None = None, today: date | None = None) -> Path:
    document = new_document(landscape=True)
    add_title(document, f"{view.city}全国文明城市创建申报材料清单")
    add_text(document, f"依据《{view.manual_title}》{view.manual_edition}　　编制日期：{chinese_date(today)}", center=True)
    titles = standard_titles(view)
    chosen = [g for g in view.groups if (groups is None or g.code in groups) and g.files]
    totals: list[tuple[GroupView, Totals]] = []
    uncounted: list[str] = []
    for number, group in enumerate(chosen, start=1):
        rows, spans, total = group_rows(view, group, titles, names)
        totals.append((group, total))
        uncounted.extend(f"{group.name}：{f.path}" for f in group.files if f.pages is None)
        add_heading(document, f"{chinese_number(number)}、{group.name}（{group.code}）：{total.standards} 条测评标准，"
                              f"{total.files} 个文件，{total.pages} 页")
        table = add_table(document, HEADERS, rows, WIDTHS_MM, center_columns=(0, 3, 4, 5))
        for first, last in spans:
            merge_down(table, STANDARD_COLUMN, first, last)
        bold_row(table, len(rows))
    add_heading(document, f"{chinese_number(len(chosen) + 1)}、合计")
    grand = Totals()
    rows = []
    for group, total in totals:
        grand.add(total)
        rows.append(total.cells(f"{group.name}（{group.code}）"))
    rows.append(grand.cells("合计"))
    table = add_table(document, TOTAL_HEADERS, rows, TOTAL_WIDTHS_MM, center_columns=(1, 2, 3, 4, 5))
    bold_row(table, len(rows))
    if uncounted:
        why = NO_RENDERER_NOTE if view.renderer_missing else UNCOUNTED_NOTE
        add_text(document, f"注：{len(uncounted)} 个文件的页数未能统计，页数栏为“{NO_PAGES}”，合计不含其页数（"
                           f"{'；'.join(uncounted)}）。{why}")
    missing = missing_rows(view, groups, titles)
    if missing:
        add_heading(document, f"{chinese_number(len(chosen) + 2)}、未提交材料的测评标准（{len(missing)} 条）")
        add_table(document, MISSING_HEADERS, missing, MISSING_WIDTHS_MM)
    return save(document, out)


def group_rows(view: ConsolidatedView, group: GroupView, titles: Mapping[str, str],
               names: SubmittedNames | None = None) -> tuple[list[list[CellValue]], list[tuple[int, int]], Totals]:
    """The group's rows standard by standard (manual order), a subtotal row, the merge spans, and
    its totals. A file filed under several standards is listed under each, counted once."""
    order = [item.code for item in view.items]
    codes = sorted({c for f in group.files for c in f.items}, key=lambda c: (c not in order, order.index(c)
                                                                              if c in order else 0, c))
    rows: list[list[CellValue]] = []
    spans: list[tuple[int, int]] = []
    counted: dict[str, int] = {}
    total = Totals(standards=len(codes))
    for code in codes:
        standard = group.state_model.standard(code) if group.state_model else None
        first = len(rows) + 1
        label: CellValue = [Span(code), Span(titles.get(code, ""))]
        for file in (f for f in group.files if code in f.items):
            marks = "、".join(file_marks(group, standard, file)) or ""
            shown = _file_label(file, group.code, code, names)
            if file.path in counted:
                rows.append([f"同 {counted[file.path]}", label, shown, file.format_name, "", "",
                             file.date_text or "—", "、".join(p for p in (f"已在第 {counted[file.path]} 项计入", marks)
                                                             if p)])
                continue
            total.files += 1
            counted[file.path] = total.files
            total.size += file.size
            if file.pages is None:
                total.uncounted += 1
            else:
                total.pages += file.pages
            rows.append([str(total.files), label, shown, file.format_name,
                         str(file.pages) if file.pages is not None else NO_PAGES, file_size(file.size),
                         file.date_text or "—", marks])
        spans.append((first, len(rows)))
    uncounted = f"（{total.uncounted} 个未计）" if total.uncounted else ""
    rows.append(["小计", f"{total.standards} 条测评标准", f"{total.files} 个文件", "", f"{total.pages}{uncounted}",
                 file_size(total.size), "", ""])
    return rows, spans, total


def file_marks(group: GroupView, standard: StandardState | None, file: CoveredFile) -> list[str]:
    """已退回 / 豁免 / 超出时间范围 / 已变更, from the group's read model."""
    marks = []
    if standard is not None:
        findings = [f for f in (*standard.open, *standard.waived) if f.file == file.path or not f.file]
        if standard.review.state == "returned":
            marks.append("已退回")
        if standard.waiver is not None or any(f.waived and f.file == file.path for f in findings):
            marks.append("豁免")
        if any(f.rule_id in DATE_WINDOW_RULES for f in findings if f.file == file.path):
            marks.append("超出时间范围")
        changed = any(c.startswith(f"{file.path}（") for c in standard.review.changed_files)
    else:
        changed = False
    signoff = group.state_model.signoff if group.state_model else None
    if changed or (signoff is not None and any(d.path == file.path for d in signoff.differences)):
        marks.append("已变更")
    return marks


def missing_rows(view: ConsolidatedView, groups: Collection[str] | None, titles: Mapping[str, str]) -> list[list[CellValue]]:
    """Each 测评标准 no group supplies a file for, once, with its responsible groups and their notes."""
    rows: list[list[CellValue]] = []
    names = {g.code: g for g in view.groups}
    for item in view.items:
        if item.files or (groups is not None and not set(item.responsible) & set(groups)):
            continue
        notes = [note for code in item.responsible if code in names for note in _notes(names[code], item)]
        rows.append([[Span(item.code), Span(titles.get(item.code, item.title))],
                     "、".join(names[c].name for c in item.responsible if c in names) or "未分配",
                     item.status_name, "\n".join(notes) or "（未说明）"])
    return rows


def file_size(size: int) -> str:
    """“850 KB”, “2.4 MB” (1 KB = 1024 bytes; under 1 KB rounded up to 1 KB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB" if size else "0 KB"


def _notes(group: GroupView, item: ItemView) -> list[str]:
    standard = group.state_model.standard(item.code) if group.state_model else None
    if standard is None:
        return []
    out = []
    for kind, note in (("例外", standard.exception), ("豁免", standard.waiver)):
        if note is not None:
            by = f"（{note.by}）" if note.by else ""
            out.append(f"{kind}：{note.reason}{by}")
    return out


def _file_label(file: CoveredFile, group: str, item_code: str, names: SubmittedNames | None) -> str:
    if names is not None and (group, item_code, file.path) in names:
        return names[(group, item_code, file.path)]
    return file.path
