"""The verdict from the file to the office: approval and sign-off gated by must-fix findings, findings that
follow the current state, and the office's own PC showing exactly what the leader signed."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from desktop.desk_data import load_dashboard
from review.cli.main import run
from review.manual.model import manual_from_document
from review.manual.store import store_manual
from review.workspace.accounts import create_user
from review.workspace.folder import Workspace
from review.workspace.permissions import LOCAL_USER
from review.workspace.settings import WorkspaceSettings
from tests.review_signoff_helpers import MANUAL, PASSWORDS, make_workspace, real_file

ENV = "MATERIALS_REVIEW_PASSWORD"
PLAN = "Ⅲ-1-1) 宣传组2026年理论学习计划.docx"
REPORT = "Ⅲ-1-2) 专题学习情况说明.docx"
PHONE_TEXT = "专题学习由宣传科负责，联系电话13812345678。"


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run one command on `ws` as `user`; returns (exit code, stdout, stderr)."""

    def invoke(ws: Workspace, user: str, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv(ENV, PASSWORDS[user])
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = run(["-w", str(ws.root), "--user", user, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def write_materials(folder: Path, report_text: str = PHONE_TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PLAN).write_bytes(real_file(PLAN, "宣传组理论学习计划，全年安排专题学习12次。".encode()))
    (folder / REPORT).write_bytes(real_file(REPORT, report_text.encode()))
    return folder


def office_workspace(root: Path) -> Workspace:
    """The office's own PC: the same manual, an office account, and no groups or files of its own yet."""
    ws = Workspace.create(root, WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1)))
    with ws.session() as session:
        store_manual(session, manual_from_document(MANUAL), "test")
    create_user(ws, LOCAL_USER, "文明办", "office", PASSWORDS["文明办"])
    return ws


def short_id_of(cli, ws: Workspace, rule: str) -> str:
    code, out, _ = cli(ws, "张组长", "check", "--group", "XC", "--json")
    assert code == 0
    [finding] = [f for f in json.loads(out)["findings"] if f["rule_id"] == rule]
    return finding["fingerprint"][:8]


def items_of(status: dict, group: str) -> dict[str, dict]:
    [entry] = [g for g in status["groups"] if g["code"] == group]
    return {i["code"]: {k: i[k] for k in ("status", "files", "must_open", "should_open", "waived")}
            for i in entry["items"]}


def test_the_verdict_holds_from_the_leaders_pc_to_the_offices(cli, tmp_path):
    leader = make_workspace(tmp_path / "leader")
    assert cli(leader, "王材料员", "scan", "XC", str(write_materials(tmp_path / "宣传组材料")))[0] == 0

    # an unmasked mobile number is a must-fix: the standard cannot be approved, the group cannot be signed
    code, _, err = cli(leader, "张组长", "review", "approve", "iii-1-2")
    assert code != 0 and "不能审核通过" in err and "手机号未打码" in err and REPORT in err
    fingerprint = short_id_of(cli, leader, "MR-PII-002")
    assert f"[{fingerprint}]" in err  # the short id `waive` takes
    code, out, _ = cli(leader, "张组长", "status")
    assert "有问题 Ⅲ-1-2) 开展专题学习：必须修改 1 个" in out and "未处理的必须修改问题 1 个" in out
    assert cli(leader, "张组长", "review", "approve", "Ⅲ-1-1)")[0] == 0
    code, _, err = cli(leader, "张组长", "signoff", "XC", "--exception", "Ⅲ-1-2)=稍后补充")
    assert code != 0 and "还不能签字" in err and "手机号未打码" in err

    # waived with a reason, it is approved and signed, and the signature lists the waiver
    assert cli(leader, "张组长", "waive", "XC", fingerprint, "--reason", "该号码为单位公开的服务热线")[0] == 0
    assert cli(leader, "张组长", "review", "approve", "Ⅲ-1-2）")[0] == 0
    code, out, err = cli(leader, "张组长", "signoff", "XC")
    assert code == 0, err
    assert "豁免问题" in out and "该号码为单位公开的服务热线" in out
    code, out, _ = cli(leader, "张组长", "status", "--json")
    signed_figures = items_of(json.loads(out), "XC")
    assert signed_figures["Ⅲ-1-2)"] == {"status": "approved", "files": [REPORT], "must_open": 0,
                                        "should_open": signed_figures["Ⅲ-1-2)"]["should_open"], "waived": 1}
    key_file = tmp_path / "usb" / "张组长公钥.json"
    assert cli(leader, "张组长", "key", "export", str(key_file))[0] == 0
    usb = tmp_path / "usb"
    code, out, _ = cli(leader, "王材料员", "package", "export", "XC", str(usb))
    assert code == 0
    [package] = list(usb.glob("*.mrpkg"))

    # the office's PC has never seen the group: the key and the package say what to do, then it is created
    office = office_workspace(tmp_path / "office")
    code, _, err = cli(office, "文明办", "key", "import", str(key_file))
    assert code != 0 and "还没有工作组 XC（宣传组）" in err and "--create-group" in err
    assert cli(office, "文明办", "key", "import", str(key_file), "--create-group")[0] == 0
    code, out, err = cli(office, "文明办", "package", "import", str(package))
    assert code == 0, err

    code, out, _ = cli(office, "文明办", "status", "--json")
    status = json.loads(out)
    [xc] = [g for g in status["groups"] if g["code"] == "XC"]
    assert xc["source"] == "package" and xc["files"] == 2
    assert (xc["signoff"]["state"], xc["signoff"]["version"], xc["signoff"]["leader"]) == ("valid", 1, "张组长")
    assert items_of(status, "XC") == signed_figures  # the same figures the leader saw when signing
    assert any("未分配给本组" in note for note in xc["notes"])  # the office has not assigned the group yet
    code, out, _ = cli(office, "文明办", "status")
    assert "签字：有效（第 1 版，张组长" in out and "来源：材料包" in out

    dashboard = load_dashboard(office)
    [row] = [r for r in dashboard.groups if r.code == "XC"]
    assert (row.files, row.signoff_state, row.counts.get("ok"), row.must_open) == (2, "valid", 2, 0)

    report = tmp_path / "问题清单.docx"
    assert cli(office, "文明办", "report", "issues", str(report))[0] == 0
    import docx

    text = "\n".join(c.text for t in docx.Document(str(report)).tables for r in t.rows for c in r.cells)
    assert "该号码为单位公开的服务热线" in text and REPORT in text and str(tmp_path) not in text
    leader.close()
    office.close()


def test_findings_follow_mapping_and_files_changed_on_disk(cli, tmp_path):
    ws = make_workspace(tmp_path / "ws")
    folder = write_materials(tmp_path / "材料", "专题学习情况说明，参加人员52人。")
    loose = folder / "学习情况补充说明.docx"
    loose.write_bytes(real_file(loose.name, "补充说明：各支部开展专题学习。".encode()))
    (folder / REPORT).unlink()
    assert cli(ws, "王材料员", "scan", "XC", str(folder))[0] == 0
    code, out, _ = cli(ws, "张组长", "status", "--json")
    assert items_of(json.loads(out), "XC")["Ⅲ-1-2)"]["status"] == "missing"

    # mapped: the "no material" finding is gone at once, no manual `check` in between
    assert cli(ws, "王材料员", "map", loose.name, "Ⅲ-1-2")[0] == 0
    code, out, _ = cli(ws, "张组长", "status", "--json")
    assert items_of(json.loads(out), "XC")["Ⅲ-1-2)"]["status"] == "pending"
    code, out, _ = cli(ws, "张组长", "check", "--group", "XC", "--json")
    assert not any("还没有归入任何材料" in f["message"] and f["item_code"] == "Ⅲ-1-2)"
                   for f in json.loads(out)["findings"])

    for code_ in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        assert cli(ws, "张组长", "review", "approve", code_)[0] == 0
    assert cli(ws, "张组长", "signoff", "XC")[0] == 0
    assert cli(ws, "文明办", "signoff", "verify", "XC")[0] == 0
    # a signed file edited on disk, not rescanned: verification hashes the bytes again
    loose.write_bytes(real_file(loose.name, "补充说明（改）：各支部开展专题学习。".encode()))
    code, out, err = cli(ws, "文明办", "signoff", "verify", "XC")
    assert code == 5 and "已失效" in err and "内容已改动" in out and loose.name in out
    ws.close()


def test_an_older_package_is_refused_and_a_newer_replaces_the_view(cli, tmp_path):
    leader = make_workspace(tmp_path / "leader")
    folder = write_materials(tmp_path / "材料", "专题学习情况说明，参加人员52人。")
    assert cli(leader, "王材料员", "scan", "XC", str(folder))[0] == 0
    for code_ in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        assert cli(leader, "张组长", "review", "approve", code_)[0] == 0
    assert cli(leader, "张组长", "signoff", "XC")[0] == 0
    assert cli(leader, "王材料员", "package", "export", "XC", str(tmp_path / "v1.mrpkg"))[0] == 0
    (folder / REPORT).write_bytes(real_file(REPORT, "专题学习情况说明（修订），参加人员53人。".encode()))
    assert cli(leader, "王材料员", "scan", "XC", str(folder))[0] == 0
    assert cli(leader, "张组长", "review", "approve", "Ⅲ-1-2)")[0] == 0
    assert cli(leader, "张组长", "signoff", "XC")[0] == 0
    assert cli(leader, "王材料员", "package", "export", "XC", str(tmp_path / "v2.mrpkg"))[0] == 0
    key_file = tmp_path / "key.json"
    assert cli(leader, "张组长", "key", "export", str(key_file))[0] == 0

    office = make_workspace(tmp_path / "office")
    assert cli(office, "文明办", "key", "import", str(key_file))[0] == 0
    assert cli(office, "文明办", "package", "import", str(tmp_path / "v2.mrpkg"))[0] == 0
    code, _, err = cli(office, "文明办", "package", "import", str(tmp_path / "v1.mrpkg"))
    assert code != 0 and "比已导入的版本旧" in err
    code, out, _ = cli(office, "文明办", "status", "--json")
    [xc] = [g for g in json.loads(out)["groups"] if g["code"] == "XC"]
    assert xc["signoff"]["version"] == 2 and xc["source"] == "package" and xc["notes"] == []
    leader.close()
    office.close()
