"""审核签字表: per group the leader, when and what was signed, the key fingerprint, and room to sign by hand."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from review.office.consolidation import ConsolidatedView, GroupView
from review.office.reports.docx_style import (
    add_table,
    add_text,
    add_title,
    chinese_date,
    local_time,
    new_document,
    save,
)

HEADERS = ("工作组", "组长", "签字版本及时间", "状态", "签名密钥指纹", "组长签名", "日期")
WIDTHS_MM = (16, 16, 28, 16, 44, 20, 16)
FINGERPRINT_COLUMN = 4
SIGNATURE_ROW_MM = 20  # tall enough to sign by hand
OFFICE_LINE = "文明办负责人签字：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日"


def signoff_rows(view: ConsolidatedView, groups: Collection[str] | None = None) -> list[list[str]]:
    return [_row(g) for g in view.groups if groups is None or g.code in groups]


def write_signoff_sheet(view: ConsolidatedView, out: Path, *, groups: Collection[str] | None = None,
                        today: date | None = None) -> Path:
    document = new_document()
    add_title(document, f"{view.city}全国文明城市创建申报材料审核签字表")
    add_text(document, f"依据《{view.manual_title}》{view.manual_edition}　　编制日期：{chinese_date(today)}", center=True)
    add_text(document, "各工作组组长已按测评标准逐项审核本组申报材料，电子签字覆盖的文件以指纹核对为准；"
                       "请在核对版本与指纹无误后亲笔签字。")
    add_table(document, HEADERS, signoff_rows(view, groups), WIDTHS_MM, min_height_mm=SIGNATURE_ROW_MM,
              small_columns=(FINGERPRINT_COLUMN,))
    add_text(document, "")
    add_text(document, OFFICE_LINE)
    return save(document, out)


def _row(group: GroupView) -> list[str]:
    when = f"{group.version_text()}\n{local_time(group.signed_at)}" if group.signed_at else "未签字"
    return [f"{group.code}\n{group.name}", group.leader or "", when, group.state_name, _fingerprint_lines(group), "", ""]


def _fingerprint_lines(group: GroupView) -> str:
    """“3F2A 91C0 …”, four groups of four per line so the office can read it aloud by phone."""
    blocks = group.fingerprint_display.split()
    return "\n".join(" ".join(blocks[i:i + 4]) for i in range(0, len(blocks), 4))
