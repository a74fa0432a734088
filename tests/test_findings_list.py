"""Which stored findings a requirement's page, `check` and a sign-off show, and in what order."""
from __future__ import annotations

import pytest

from review.checking.findings import list_findings, waive
from review.manual.assignment import assign_items
from review.workspace.db.models import FindingRecord, Material
from review.workspace.folder import Workspace
from review.workspace.groups import add_group, get_group
from review.workspace.permissions import LOCAL_USER

# rule: (group, item, file or None for the requirement itself, severity)
FINDINGS = {
    "R-FILE-MUST": ("XC", "", "a.pdf", "must"),
    "R-FILE-INFO": ("XC", "", "a.pdf", "info"),
    "R-OTHER-FILE": ("XC", "", "b.pdf", "should"),
    "R-ITEM-SHOULD": ("XC", "Ⅲ-1-1)", None, "should"),
    "R-ITEM-WAIVED": ("XC", "Ⅲ-1-1)", None, "must"),
    "R-OTHER-ITEM": ("XC", "Ⅲ-1-2)", None, "must"),
    "R-CG": ("CG", "Ⅲ-1-1)", None, "should"),
}


@pytest.fixture
def stored(workspace: Workspace) -> dict[str, int]:
    """The findings above; returns the material ids by file name. R-ITEM-WAIVED is waived."""
    with workspace.session() as session:
        for code, name in (("XC", "宣传组"), ("CG", "城管组")):
            add_group(session, code, name)
            assign_items(session, code, ["Ⅲ-1"])
        groups = {code: get_group(session, code).id for code in ("XC", "CG")}
        ids = {}
        for name in ("a.pdf", "b.pdf"):
            material = Material(group_id=groups["XC"], path=f"/材料/{name}", root="/材料", rel_path=name, size=1,
                                status="present")
            session.add(material)
            session.flush()
            ids[name] = material.id
        for rule, (group, item, file, severity) in FINDINGS.items():
            session.add(FindingRecord(group_id=groups[group], material_id=ids[file] if file else None,
                                      scope="file" if file else "requirement", item_code=item, rule_id=rule,
                                      severity=severity, title=rule, message="", hint="", file=file or "",
                                      fingerprint=f"fp-{rule}"))
    with workspace.session() as session:
        waive(workspace, LOCAL_USER, "XC", "fp-R-ITEM-WAIVED", "上级文件原文如此")
    return ids


def rules(workspace: Workspace, *args: object, **kwargs: object) -> list[str]:
    with workspace.session() as session:
        return [f.rule_id for f in list_findings(session, *args, **kwargs)]  # type: ignore[arg-type]


def test_a_requirement_shows_its_own_findings_and_those_on_its_files(workspace: Workspace, stored) -> None:
    assert rules(workspace, "XC", item_code="Ⅲ-1-1)", material_ids={stored["a.pdf"]}) == [
        "R-FILE-MUST", "R-ITEM-WAIVED", "R-ITEM-SHOULD", "R-FILE-INFO"]
    assert rules(workspace, "XC", item_code="Ⅲ-1-1)", material_ids=set()) == ["R-ITEM-WAIVED", "R-ITEM-SHOULD"]
    assert rules(workspace, "XC", material_ids={stored["b.pdf"]}) == ["R-OTHER-FILE"]
    assert rules(workspace, item_code="Ⅲ-1-1)") == ["R-ITEM-WAIVED", "R-CG", "R-ITEM-SHOULD"]


def test_waived_findings_carry_their_reason_or_are_left_out(workspace: Workspace, stored) -> None:
    with workspace.session() as session:
        waived = [f for f in list_findings(session, "XC") if f.waived]
    assert [(f.rule_id, f.waiver_reason) for f in waived] == [("R-ITEM-WAIVED", "上级文件原文如此")]
    assert "R-ITEM-WAIVED" not in rules(workspace, "XC", include_waived=False)
    assert rules(workspace, "CG", include_waived=False) == ["R-CG"]
