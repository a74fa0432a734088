"""问题清单: per group and 测评标准, the open problems first, then the waived ones and the exceptions.

A landscape A4 table a 市文明办 files as it is: the standard with its title, the file as the group
filed it (relative to its material folder), the place once, the fault itself — the rule's name in
words and what is wrong, without the standard and file name the finding's message starts with —,
how to fix it and how serious it is. Rule codes appear only in the appendix that maps names to codes.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath, PureWindowsPath

from review.checking.findings import SEVERITY_NAMES, FindingView
from review.checking.rules.place import describe_file_place
from review.office.consolidation import ConsolidatedView, GroupView, WaiverNote
from review.office.reports.docx_style import (
    HEADER_FONT,
    CellValue,
    Span,
    add_heading,
    add_table,
    add_text,
    add_title,
    chinese_date,
    chinese_number,
    local_time,
    merge_down,
    new_document,
    save,
)

ISSUE_HEADERS = ("序号", "测评标准", "文件", "位置", "问题", "修改建议", "严重程度")
ISSUE_WIDTHS_MM = (12, 40, 42, 22, 52, 38, 19)  # 225 mm: landscape A4 inside the margins
WAIVER_HEADERS = ("序号", "测评标准", "文件", "位置", "问题", "豁免或例外理由", "审核人及时间")
WAIVER_WIDTHS_MM = (12, 38, 42, 20, 47, 38, 28)
RULE_HEADERS = ("规则名称", "编号", "严重程度", "条数")
RULE_WIDTHS_MM = (110, 34, 24, 18)
STANDARD_COLUMN = 1
WHOLE_STANDARD = "（本条测评标准）"
NONE = "无。"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str


def write_issues_list(view: ConsolidatedView, out: Path, *, groups: Collection[str] | None = None,
                      today: date | None = None) -> Path:
    document = new_document(landscape=True)
    add_title(document, f"{view.city}全国文明城市创建申报材料问题清单")
    add_text(document, f"依据《{view.manual_title}》{view.manual_edition}　　编制日期：{chinese_date(today)}", center=True)
    chosen = [g for g in view.groups if groups is None or g.code in groups]
    titles = standard_titles(view)
    order = {item.code: index for index, item in enumerate(view.items)}
    open_count = sum(len(g.issues) for g in chosen)
    must = sum(1 for g in chosen for i in g.issues if i.severity == "must")
    waived_count = sum(len(g.waivers) for g in chosen)
    add_text(document, f"共 {len(chosen)} 个工作组；未解决的问题 {open_count} 条（必须修改 {must} 条，建议修改 "
                       f"{open_count - must} 条）；已豁免的问题与例外 {waived_count} 条。规则编号见附表。")
    rules: dict[str, Rule] = {}
    counts: dict[str, int] = {}

    add_heading(document, f"一、未解决的问题（{open_count} 条）")
    _per_group(document, chosen, lambda g: sorted(g.issues, key=lambda i: _issue_key(i, order)),
               lambda _g, issues: _issue_rows(issues, titles, rules, counts), ISSUE_HEADERS, ISSUE_WIDTHS_MM)
    add_heading(document, f"二、已豁免的问题与例外（{waived_count} 条）")
    _per_group(document, chosen, lambda g: sorted(g.waivers, key=lambda w: _waiver_key(w, order)),
               lambda g, notes: _waiver_rows(g, notes, titles, rules, counts), WAIVER_HEADERS, WAIVER_WIDTHS_MM)
    add_heading(document, "附：检查规则名称与编号")
    if rules:
        add_table(document, RULE_HEADERS, rule_rows(rules.values(), counts), RULE_WIDTHS_MM, center_columns=(1, 2, 3))
    else:
        add_text(document, NONE)
    return save(document, out)


def standard_titles(view: ConsolidatedView) -> dict[str, str]:
    """Each 测评标准's title: the manual's, else the one a signed package recorded."""
    titles = {item.code: item.title for item in view.items}
    for group in view.groups:
        for standard in group.state_model.standards if group.state_model else ():
            titles.setdefault(standard.code, standard.title)
    return titles


def fault_text(finding: FindingView) -> str:
    """What is wrong, without the file name or the standard a rule's message starts with
    (“Ⅲ-1-2)/纪要.pdf：有未打码的手机号…” → “有未打码的手机号…”)."""
    message = (finding.message or "").strip()
    if not message or message == finding.title:
        return ""
    names = [n for n in (finding.file, PurePosixPath(finding.file or "").name) if n]
    for name in names:
        if message.startswith(name):
            rest = message[len(name):].lstrip()
            if rest.startswith("（") and "）" in rest:  # “file（Ⅲ-1-2)，工作组 CG）与…”
                rest = rest[rest.index("）") + 1:].lstrip()
            return rest.lstrip("：:").strip() or message
    if finding.item_code and message.startswith(finding.item_code) and "：" in message:
        return message.split("：", 1)[1].strip() or message
    return message


def shown_path(path: str) -> str:
    """The file as the group filed it; an absolute path (a file filed from outside the group's
    folder) is cut to its folder and name, which is what the reader can look for."""
    if not path:
        return WHOLE_STANDARD
    for flavour in (PurePosixPath, PureWindowsPath):
        pure = flavour(path)
        if pure.is_absolute():
            return "/".join(pure.parts[-2:])
    return path


def rule_rows(rules: Collection[Rule], counts: dict[str, int]) -> list[list[str]]:
    ordered = sorted(rules, key=lambda r: (r.severity != "must", r.id))
    return [[r.title, r.id, SEVERITY_NAMES.get(r.severity, r.severity), str(counts.get(r.id, 0))] for r in ordered]


def _per_group(document: object, groups: Sequence[GroupView], entries: Callable[[GroupView], list],
               rows_of: Callable[[GroupView, list], tuple[list[list[CellValue]], list[tuple[int, int]]]],
               headers: Sequence[str], widths: Sequence[float]) -> None:
    listed = [(g, entries(g)) for g in groups]
    listed = [(g, found) for g, found in listed if found]
    if not listed:
        add_text(document, NONE)  # type: ignore[arg-type]
        return
    for number, (group, found) in enumerate(listed):
        add_heading(document, f"（{chinese_number(number + 1)}）{group.name}（{group.code}）：{len(found)} 条")  # type: ignore[arg-type]
        rows, spans = rows_of(group, found)
        table = add_table(document, headers, rows, widths, center_columns=(0,))  # type: ignore[arg-type]
        for first, last in spans:
            merge_down(table, STANDARD_COLUMN, first, last)


def _issue_rows(issues: list[FindingView], titles: dict[str, str], rules: dict[str, Rule],
                counts: dict[str, int]) -> tuple[list[list[CellValue]], list[tuple[int, int]]]:
    rows: list[list[CellValue]] = []
    for number, issue in enumerate(issues, start=1):
        _note_rule(issue, rules, counts)
        rows.append([str(number), _standard_cell(issue.item_code, titles), shown_path(issue.file), place_of(issue),
                     _problem_cell(issue.title, fault_text(issue)), issue.hint or "—", issue.severity_name])
    return rows, _spans([i.item_code for i in issues])


def _waiver_rows(group: GroupView, notes: list[WaiverNote], titles: dict[str, str], rules: dict[str, Rule],
                 counts: dict[str, int]) -> tuple[list[list[CellValue]], list[tuple[int, int]]]:
    rows: list[list[CellValue]] = []
    for number, note in enumerate(notes, start=1):
        finding = note.finding
        if finding is not None:
            _note_rule(finding, rules, counts)
            where, place = shown_path(finding.file), place_of(finding)
            problem = _problem_cell(finding.title, fault_text(finding), f"（{finding.severity_name}，已豁免）")
        else:
            where, place = WHOLE_STANDARD, "—"
            problem = _problem_cell("整条测评标准豁免" if note.kind == "waiver" else "签字时列为例外",
                                    _standard_status(group, note))
        when = local_time(note.at).replace(" ", "\n") if note.at else ""
        rows.append([str(number), _standard_cell(note.item_code, titles), where, place, problem, note.reason or "—",
                     "\n".join(p for p in (note.by, when) if p) or "—"])
    return rows, _spans([n.item_code for n in notes])


def _standard_status(group: GroupView, note: WaiverNote) -> str:
    """“状态：缺失（没有材料）” for an exception, from the group's read model."""
    standard = group.state_model.standard(note.item_code) if group.state_model else None
    if note.kind == "waiver" or standard is None:
        return ""
    return f"状态：{standard.status_name}" + ("（没有材料）" if not standard.present_files else "")


def _standard_cell(code: str, titles: dict[str, str]) -> CellValue:
    if not code:
        return "—"
    return [Span(code), Span(titles.get(code, ""))] if titles.get(code) else code


def _problem_cell(title: str, fault: str, suffix: str = "") -> CellValue:
    spans = [Span(title + suffix, HEADER_FONT)]
    if fault:
        spans.append(Span(fault))
    return spans


def place_of(issue: FindingView) -> str:
    """The 位置 column: “第 2 页”, “第 5 段”, “工作表 Sheet1 第 3 行第 2 列”, or “—”."""
    return describe_file_place(issue.file, issue.page, issue.location) or "—"


def _note_rule(finding: FindingView, rules: dict[str, Rule], counts: dict[str, int]) -> None:
    rules.setdefault(finding.rule_id, Rule(finding.rule_id, finding.title, finding.severity))
    counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1


def _spans(codes: list[str]) -> list[tuple[int, int]]:
    """Row spans (1-based, after the header) of consecutive rows under one standard."""
    spans: list[tuple[int, int]] = []
    for index, code in enumerate(codes, start=1):
        if spans and codes[spans[-1][0] - 1] == code:
            spans[-1] = (spans[-1][0], index)
        else:
            spans.append((index, index))
    return spans


def _issue_key(issue: FindingView, order: dict[str, int]) -> tuple:
    return (order.get(issue.item_code, len(order)), issue.item_code, issue.severity != "must", issue.file,
            issue.page or 0, issue.rule_id)


def _waiver_key(note: WaiverNote, order: dict[str, int]) -> tuple:
    return (order.get(note.item_code, len(order)), note.item_code, note.finding is not None, note.file, note.rule_id)
