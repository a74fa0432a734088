"""Printed reports (python-docx): 申报材料清单, 审核签字表, 问题清单.

Each report is a pure function of the consolidated view (review.office.consolidation); `write_report`
is what the command line and the desktop call.
"""
from __future__ import annotations

from pathlib import Path

from review.errors import UserError
from review.office.consolidation import consolidated_view, with_page_counts
from review.office.report_names import REPORT_NAMES
from review.office.reports.issues_list import write_issues_list
from review.office.reports.material_list import write_material_list
from review.office.reports.signoff_sheet import write_signoff_sheet
from review.workspace.folder import Workspace
from review.workspace.permissions import Actor, require

WRITERS = {"list": write_material_list, "signoff": write_signoff_sheet, "issues": write_issues_list}


def write_report(workspace: Workspace, actor: Actor, kind: str, out: Path) -> Path:
    """Write one report; a leader's report covers only the leader's own group."""
    require(actor, "report.write")
    if kind not in WRITERS:
        raise UserError(f"没有名为“{kind}”的报表。可用的报表：" + "、".join(f"{k}（{v}）" for k, v in REPORT_NAMES.items()))
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise UserError(f"报表文件 {out.name} 须以 .docx 结尾，例如 {REPORT_NAMES[kind]}.docx。")
    view = consolidated_view(workspace)
    if kind == "list":
        view = with_page_counts(view, workspace)
    groups = {actor.group_code} if actor.role == "leader" and not actor.single_user and actor.group_code else None
    return WRITERS[kind](view, out, groups=groups)
