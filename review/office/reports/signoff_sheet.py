"""审核签字表: one sheet per group that the 组长 signs by hand and the 文明办经办人 countersigns.

Each sheet names what the signature covers, so the paper says as much as the signed package: the
signed version and time, the leader, the short hashes of the signed manifest and of the audit
chain's head it is anchored to, the key's fingerprint, and every exception being signed — waived
standards and problems with their reasons, 建议修改 left open, standards signed without 合格 with
the leader's note (review.handover.signoff.signed_exception_list, the list the sign-off dialog shows).
"""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from review.checking.rules.place import describe_file_place
from review.handover.signoff import SignedException, signed_exception_list, signed_notes
from review.office.consolidation import ConsolidatedView, GroupView
from review.office.reports.docx_style import (
    BODY_SIZE,
    SUBTITLE_SIZE,
    CellValue,
    Span,
    add_heading,
    add_table,
    add_text,
    add_title,
    chinese_date,
    local_time,
    new_document,
    page_break,
    save,
)
from review.office.reports.issues_list import fault_text, shown_path, standard_titles
from review.signing.keys import format_fingerprint

INFO_WIDTHS_MM = (28, 50, 28, 50)  # 156 mm: portrait A4 inside the margins
EXCEPTION_HEADERS = ("序号", "类型", "测评标准", "内容", "理由或说明")
EXCEPTION_WIDTHS_MM = (12, 20, 30, 58, 36)
SHORT_HASH_HEX = 16
LEADER_LINE = "组长（签字）：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
OFFICE_LINE = "文明办经办人（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
NO_EXCEPTIONS = "无。本组各条测评标准均已审核合格，没有豁免、例外或保留的建议修改。"
KEPT_SUGGESTION = "组长审核后保留，不影响签字"


def write_signoff_sheet(view: ConsolidatedView, out: Path, *, groups: Collection[str] | None = None,
                        today: date | None = None) -> Path:
    document = new_document()
    titles = standard_titles(view)
    chosen = [g for g in view.groups if groups is None or g.code in groups]
    for index, group in enumerate(chosen):
        if index:
            page_break(document)
        add_title(document, f"{view.city}全国文明城市创建申报材料审核签字表")
        add_text(document, f"{group.name}（{group.code}）", size=SUBTITLE_SIZE, bold=True, center=True)
        add_text(document, f"依据《{view.manual_title}》{view.manual_edition}　　编制日期：{chinese_date(today)}",
                 center=True)
        info = add_table(document, (), info_rows(group), INFO_WIDTHS_MM)
        fingerprint_row = info.rows[-1]
        fingerprint_row.cells[1].merge(fingerprint_row.cells[3])
        exceptions = sheet_exceptions(group)
        add_heading(document, f"签字所涵盖的例外事项（{len(exceptions)} 项）")
        if exceptions:
            add_table(document, EXCEPTION_HEADERS, [exception_row(n, e, titles) for n, e in
                                                    enumerate(exceptions, start=1)],
                      EXCEPTION_WIDTHS_MM, center_columns=(0,))
        else:
            add_text(document, NO_EXCEPTIONS)
        statement = add_text(document, _statement(group), before_pt=8)
        statement.paragraph_format.keep_with_next = True
        leader = add_text(document, LEADER_LINE, size=BODY_SIZE, before_pt=16)
        leader.paragraph_format.keep_with_next = True
        add_text(document, OFFICE_LINE, size=BODY_SIZE, before_pt=16)
    return save(document, out)


def info_rows(group: GroupView) -> list[list[str]]:
    """The signed version, time, leader, state, figures and short hashes; the fingerprint last."""
    signoff = group.state_model.signoff if group.state_model else None
    standards = group.state_model.standards if group.state_model else []
    statuses = {}
    for s in standards:
        statuses[s.status_name] = statuses.get(s.status_name, 0) + 1
    figures = f"{len(standards)} 条测评标准，{len(group.files)} 个文件"
    if statuses:
        figures += "（" + "、".join(f"{name} {n} 条" for name, n in statuses.items()) + "）"
    signed = group.signed_at is not None
    state = group.state_name + (f"：{group.problem}" if group.problem else "")
    anchor = signoff.audit_anchor if signoff is not None else None
    audit = f"第 {anchor.seq} 条记录\n{anchor.short}" if anchor is not None else "—"
    return [
        ["工作组", f"{group.name}（{group.code}）", "组长", group.leader or "—"],
        ["签字版本", group.version_text(), "签字时间", local_time(group.signed_at) if signed else "未签字"],
        ["签字状态", state, "材料", figures],
        ["签字清单摘要", short_hash(signoff.manifest_sha256) if signoff is not None and signed else "—",
         "审计锚点", audit],
        ["签名密钥指纹", group.fingerprint_display or "—", "", ""],
    ]


def sheet_exceptions(group: GroupView) -> list[SignedException]:
    """What the group's signature covers beyond 合格, from its read model (the signed manifest's
    content for a package group)."""
    state = group.state_model
    return signed_exception_list(state, signed_notes(state)) if state is not None else []


def exception_row(number: int, exception: SignedException, titles: dict[str, str]) -> list[CellValue]:
    codes: CellValue = [Span(c) for c in exception.codes] or "—"
    if len(exception.codes) == 1 and titles.get(exception.codes[0]):
        codes = [Span(exception.codes[0]), Span(titles[exception.codes[0]])]
    finding = exception.finding
    if finding is None:
        what = f"状态：{exception.status_name}" if exception.kind == "exception" else "整条测评标准豁免"
        content: CellValue = what
    else:
        place = describe_file_place(finding.file, finding.page, finding.location)
        where = " ".join(p for p in (shown_path(finding.file) if finding.file else "", place) if p)
        content = [Span(f"{finding.title}（{finding.severity_name}）")]
        if where:
            content.append(Span(where))
        fault = fault_text(finding)
        if fault:
            content.append(Span(fault))
    if exception.kind == "open_suggestion":
        reason = KEPT_SUGGESTION
    else:
        reason = exception.note + (f"（{exception.by}）" if exception.by else "")
    return [str(number), exception.kind_name, codes, content, reason or "—"]


def short_hash(hex_digest: str) -> str:
    """The first 16 hex digits in groups of four (“3F2A 91C0 7B1D 22E4”), to read aloud and compare."""
    return format_fingerprint(hex_digest[:SHORT_HASH_HEX]) if hex_digest else "—"


def _statement(group: GroupView) -> str:
    if group.signed_at is None:
        return "本组尚未在系统中签字。以上为当前审核情况，组长在系统中签字后请重新生成本表再签字。"
    return (f"本人已按测评标准逐项审核本组申报材料，确认{group.version_text()}签字清单（摘要见上表）所列文件"
            "及以上例外事项属实，与系统中的电子签字一致。")
