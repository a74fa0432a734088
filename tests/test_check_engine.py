"""The check engine over a real workspace: stored findings, incremental re-checks, waivers, roll-up."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from review.assessment.group_state import all_group_states, group_state
from review.assessment.rollups import city_rollup_from, rollups
from review.checking.engine import run_checks
from review.checking.findings import list_findings, waive, waive_requirement
from review.cli.main import run
from review.errors import PermissionDenied, UserError
from review.intake.scan import scan
from review.manual.assignment import assign_items
from review.manual.store import current_manual
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER, Actor
from tests.files import make_docx, make_photo


def at(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def checked(workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Path]:
    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-1", "Ⅲ-3"])
    root = tmp_path / "宣传组"
    make_docx(at(root / "Ⅲ-1-1) 方案" / "志愿服务方案.docx"), [
        "北湖市精神文明建设委员会办公室文件", "北湖文明办〔2026〕3号",
        "关于印发《北湖市志愿服务工作方案》的通知", "各区创建办：", "现将志愿服务工作方案印发给你们。",
        "联系人：XX同志，电话 13812345678。", "北湖市精神文明建设委员会办公室", "2026年3月15日"])
    make_docx(at(root / "Ⅲ-3-1) 台账" / "背街小巷整治台账.docx"), [
        "北湖市背街小巷整治工作台账", "2026年4月1日完成东湖区背街小巷整治12条。", "2026年4月2日"])
    make_photo(at(root / "Ⅲ-1-2) 照片" / "活动.jpg"), exif=True)
    scan(workspace, LOCAL_USER, "XC", [root], check=False)
    return workspace, root


def rules_of(ws: Workspace, name: str) -> set[str]:
    with ws.session() as session:
        return {f.rule_id for f in list_findings(session, "XC") if Path(f.file).name == name}


def test_findings_are_stored_with_place_and_hint(checked: tuple[Workspace, Path]) -> None:
    ws, _ = checked
    report = run_checks(ws)
    assert report.files_checked == 3 and report.standards_checked == 3
    with ws.session() as session:
        findings = list_findings(session, "XC")
    leftovers = [f for f in findings if f.rule_id == "MR-TPL-001"]
    assert leftovers and Path(leftovers[0].file).name == "志愿服务方案.docx"
    assert leftovers[0].location and "XX" in leftovers[0].text and leftovers[0].hint
    assert "MR-PII-002" in rules_of(ws, "志愿服务方案.docx")  # the unmasked mobile number
    # Ⅲ-1-2) asks for 3 captioned photos; one photo without caption is not enough.
    assert any(f.rule_id == "MR-REQ-001" and f.item_code == "Ⅲ-1-2)" for f in findings)


def test_unchanged_files_and_requirements_are_skipped(checked: tuple[Workspace, Path]) -> None:
    ws, root = checked
    run_checks(ws)
    again = run_checks(ws)
    assert (again.files_checked, again.files_unchanged) == (0, 3)
    assert (again.standards_checked, again.standards_unchanged) == (0, 3)
    target = root / "Ⅲ-3-1) 台账" / "背街小巷整治台账.docx"
    make_docx(target, ["北湖市背街小巷整治工作台账", "负责人：某某", "2026年4月2日"])
    os.utime(target, ns=(10**9, 10**9))
    scan(ws, LOCAL_USER, "XC", [root], check=False)
    third = run_checks(ws)
    assert third.files_checked == 1 and third.standards_checked == 1
    assert "MR-TPL-001" in rules_of(ws, "背街小巷整治台账.docx")


def test_changed_settings_recheck_everything(checked: tuple[Workspace, Path]) -> None:
    ws, _ = checked
    run_checks(ws)
    assert "MR-DATE-001" not in rules_of(ws, "志愿服务方案.docx")
    ws.save_settings(ws.settings().with_value("window", "2024-01-01至2024-12-31"))
    report = run_checks(ws)
    assert report.files_checked == 3
    assert "MR-DATE-001" in rules_of(ws, "志愿服务方案.docx")


def test_waiver_keeps_finding_but_not_as_open(checked: tuple[Workspace, Path]) -> None:
    ws, _ = checked
    run_checks(ws)
    with ws.session() as session:
        finding = next(f for f in list_findings(session, "XC") if f.rule_id == "MR-PII-002")
        with pytest.raises(UserError, match="理由"):
            waive(ws, LOCAL_USER, "XC", finding.fingerprint, "  ")
        with pytest.raises(PermissionDenied):
            waive(ws, Actor("小李", "leader", "CG"), "XC", finding.fingerprint, "已脱敏")
        waiver = waive(ws, LOCAL_USER, "XC", finding.fingerprint, "该号码为单位公开的服务热线").waiver
        assert waiver.waived_by == LOCAL_USER.name and waiver.waived_at is not None
    run_checks(ws)  # a re-check keeps the waiver: the fingerprint is stable
    with ws.session() as session:
        again = next(f for f in list_findings(session, "XC") if f.rule_id == "MR-PII-002")
        assert again.waived and again.waiver_reason == "该号码为单位公开的服务热线"
        assert all(f.rule_id != "MR-PII-002" for f in list_findings(session, "XC", include_waived=False))


def test_statuses_and_rollup_arithmetic(checked: tuple[Workspace, Path]) -> None:
    ws, _ = checked
    statuses = {s.code: s.status for s in group_state(ws, "XC").standards}
    assert statuses == {"Ⅲ-1-1)": "problems", "Ⅲ-1-2)": "problems", "Ⅲ-3-1)": statuses["Ⅲ-3-1)"]}
    assert statuses["Ⅲ-3-1)"] in ("pending", "problems")
    with ws.session() as session:
        waive_requirement(ws, LOCAL_USER, "XC", "Ⅲ-1-2)", "本市本年度未组织该项活动，经文明办同意")
    state = group_state(ws, "XC")
    assert state.standard("Ⅲ-1-2)").status == "waived"
    assert state.standard("Ⅲ-1-2)").waiver.reason.startswith("本市本年度")
    assert len(state.standards) == 3 and state.counts["waived"] == 1
    assert state.readiness == pytest.approx(1 / 3)
    with ws.session() as session:
        manual = current_manual(session)
    contents = {r.code: r for r in rollups(manual, state.standards)}
    assert contents["Ⅲ-1"].total == 2 and contents["Ⅰ-1"].total == 2 and contents["Ⅰ-2"].total == 1
    city, groups = city_rollup_from(manual, all_group_states(ws))
    # The city counts every material standard of the manual; all three are covered by XC here.
    assert city.total == 3 and city.counts == groups[0].counts
    assert groups[0].code == "XC"


def test_check_cli_json_lists_every_finding_with_file_and_hint(checked: tuple[Workspace, Path],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    ws, _ = checked
    code = run(["-w", str(ws.root), "check", "--group", "XC", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    findings = json.loads(out)["findings"]
    assert findings and all({"rule_id", "severity", "file", "location", "text", "hint"} <= set(f) for f in findings)
    assert any(f["rule_id"] == "MR-TPL-001" and f["file"].endswith("志愿服务方案.docx") for f in findings)


def test_scan_checks_what_it_scanned(checked: tuple[Workspace, Path]) -> None:
    ws, root = checked
    report = scan(ws, LOCAL_USER, "XC", [root])
    assert report.checks is not None and report.checks.files_checked == 3
    assert "MR-TPL-001" in rules_of(ws, "志愿服务方案.docx")


def test_checks_in_worker_processes_give_the_same_findings(checked: tuple[Workspace, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import delete

    import review.checking.engine
    from review.workspace.db.models import CheckState, FindingRecord

    ws, _ = checked
    run_checks(ws)
    with ws.session() as session:
        serial = sorted((f.rule_id, f.file, f.location, f.text) for f in list_findings(session, "XC"))
        session.execute(delete(FindingRecord))
        session.execute(delete(CheckState))
    monkeypatch.setattr(review.checking.engine, "PARALLEL_FROM", 1)
    report = run_checks(ws)
    assert report.files_checked == 3
    with ws.session() as session:
        assert sorted((f.rule_id, f.file, f.location, f.text) for f in list_findings(session, "XC")) == serial


def test_signed_findings_carry_what_the_office_prints(checked: tuple[Workspace, Path]) -> None:
    from review.handover.signoff import manifest_findings

    ws, _ = checked
    signed = manifest_findings(group_state(ws, "XC"))
    leftover = next(f for f in signed if f.rule_id == "MR-TPL-001")
    assert leftover.message and leftover.hint
    # the path relative to the group's material folder, never this PC's absolute path
    assert leftover.file.endswith("志愿服务方案.docx") and not leftover.file.startswith("/")
