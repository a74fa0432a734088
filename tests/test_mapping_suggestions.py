"""Suggestions for unmapped files: ranked by the requirement's words found in the text, never applied."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from review.intake.mapping import assign, unmapped_files
from review.intake.suggestions import suggest
from review.workspace.db.models import Mapping
from review.workspace.folder import Workspace
from review.workspace.permissions import LOCAL_USER


def test_unmapped_files_get_ranked_suggestions_with_reasons(unmapped_workspace: Workspace) -> None:
    workspace = unmapped_workspace
    rows = {Path(r.path).name: r for r in suggest(workspace, "XC")}
    ledger = rows["整治记录.docx"].suggestions
    assert ledger[0].item_code == "Ⅲ-3-1)" and "背街小巷" in ledger[0].matched
    assert "背街小巷" in ledger[0].reason
    volunteer = rows["招募.docx"].suggestions
    assert volunteer[0].item_code in ("Ⅲ-1-1)", "Ⅲ-1-2)") and "志愿服务" in volunteer[0].matched
    assert rows["杂项.docx"].suggestions == []

    with workspace.session() as session:  # nothing was applied silently
        assert session.scalars(select(Mapping)).first() is None
    assign(workspace, LOCAL_USER, ["整治记录.docx"], ledger[0].item_code, group_code="XC", source="suggestion")
    with workspace.session() as session:
        assert [Path(f.path).name for f in unmapped_files(session, "XC")] == ["招募.docx", "杂项.docx"]
        assert session.scalars(select(Mapping.source)).one() == "suggestion"

