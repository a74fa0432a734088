"""问题清单: open findings (rule, severity, file, location, how to fix) and the waivers and exceptions."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from review.checking.findings import FindingView
from review.checking.rules.place import describe_file_place
from review.office.consolidation import ConsolidatedView, WaiverNote
from review.office.reports.docx_style import (
    add_table,
    add_text,
    add_title,
    chinese_date,
    local_time,
    new_document,
    save,
)

ISSUE_HEADERS = ("序号", "工作组", "测评标准", "规则", "严重程度", "文件及位置", "问题及修改建议")
ISSUE_WIDTHS_MM = (9, 14, 17, 17, 13, 38, 48)
WAIVER_HEADERS = ("序号", "工作组", "测评标准", "类型", "规则及文件", "理由", "审核人", "时间")
WAIVER_WIDTHS_MM = (9, 14, 17, 12, 32, 36, 16, 20)
NONE = "无。"


def issue_rows(view: ConsolidatedView, groups: Collection[str] | None = None) -> list[list[str]]:
    issues = [i for g in view.groups if groups is None or g.code in groups for i in g.issues]
    issues.sort(key=lambda i: (i.severity != "must", i.group, i.item_code, i.file, i.page or 0, i.rule_id))
    names = {g.code: g.name for g in view.groups}
    return [[str(n), names[i.group], i.item_code or "—", i.rule_id, i.severity_name, _where(i), _what(i)]
            for n, i in enumerate(issues, start=1)]


def waiver_rows(view: ConsolidatedView, groups: Collection[str] | None = None) -> list[list[str]]:
    notes = [w for g in view.groups if groups is None or g.code in groups for w in g.waivers]
    names = {g.code: g.name for g in view.groups}
    return [[str(n), names[w.group], w.item_code or "—", w.kind_name, _subject(w), w.reason, w.by, local_time(w.at)]
            for n, w in enumerate(notes, start=1)]


def write_issues_list(view: ConsolidatedView, out: Path, *, groups: Collection[str] | None = None,
                      today: date | None = None) -> Path:
    document = new_document()
    add_title(document, f"{view.city}全国文明城市创建申报材料问题清单")
    add_text(document, f"依据《{view.manual_title}》{view.manual_edition}　　编制日期：{chinese_date(today)}", center=True)
    issues = issue_rows(view, groups)
    add_text(document, f"一、未解决的问题（{len(issues)} 条）", bold=True)
    if issues:
        add_table(document, ISSUE_HEADERS, issues, ISSUE_WIDTHS_MM)
    else:
        add_text(document, NONE)
    waivers = waiver_rows(view, groups)
    add_text(document, f"二、豁免与例外（{len(waivers)} 条）", bold=True)
    if waivers:
        add_table(document, WAIVER_HEADERS, waivers, WAIVER_WIDTHS_MM)
    else:
        add_text(document, NONE)
    return save(document, out)


def _where(issue: FindingView) -> str:
    place = describe_file_place(issue.file, issue.page, issue.location)
    return "\n".join(p for p in (issue.file or "（整条测评标准）", place) if p)


def _what(issue: FindingView) -> str:
    text = issue.title if not issue.message or issue.message == issue.title else f"{issue.title}：{issue.message}"
    return f"{text}\n修改建议：{issue.hint}" if issue.hint else text


def _subject(note: WaiverNote) -> str:
    parts = [p for p in (note.rule_id, note.file) if p]
    return "\n".join(parts) if parts else "整条测评标准"
