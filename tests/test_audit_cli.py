"""`audit verify` and `audit show`: the hash chain catches rows edited, deleted or reordered in SQLite."""
from __future__ import annotations

import json
import sqlite3

import pytest

from review.assessment.approval import decide
from review.cli.main import run
from review.workspace.accounts import login
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace


@pytest.fixture
def ws(tmp_path, monkeypatch):
    workspace = make_workspace(tmp_path / "ws")
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)"])
    leader = login(workspace, "张组长", PASSWORDS["张组长"])
    decide(workspace, leader, "XC", "Ⅲ-1-1)", "approve", "")
    decide(workspace, leader, "XC", "Ⅲ-1-1)", "return", "重新核对")
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS["文明办"])
    yield workspace
    workspace.close()


def audit(ws, capsys, *argv):
    code = run(["-w", str(ws.root), "--user", "文明办", "audit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def tamper(ws, sql, *params):
    db = sqlite3.connect(ws.paths.db_file)
    db.execute(sql, params)
    db.commit()
    db.close()


def test_intact_trail_verifies_and_shows_every_action(ws, capsys):
    code, out, _ = audit(ws, capsys, "verify")
    assert code == 0 and "审计记录完好" in out
    code, out, _ = audit(ws, capsys, "show", "--json")
    entries = json.loads(out)["entries"]
    assert [e["action"] for e in entries] == ["user.add"] * 4 + ["review.approve", "review.return"]
    assert entries[-1]["actor"] == "张组长" and entries[-1]["target"] == "XC Ⅲ-1-1)"
    assert [e["seq"] for e in entries] == list(range(1, 7))
    code, out, _ = audit(ws, capsys, "show", "--limit", "2")
    assert code == 0 and out.count("\n") == 2 and "退回" in out


def test_edited_row_is_detected(ws, capsys):
    tamper(ws, "UPDATE audit_log SET actor = '李组长' WHERE seq = 5")
    code, out, err = audit(ws, capsys, "verify")
    assert code == 5 and "第 5 条记录的内容被改动" in out and "审计记录已被改动" in err


def test_deleted_row_in_the_middle_is_detected(ws, capsys):
    tamper(ws, "DELETE FROM audit_log WHERE seq = 3")
    code, out, _ = audit(ws, capsys, "verify")
    assert code == 5 and "第 3 条记录缺失" in out


def test_deleted_last_row_is_detected(ws, capsys):
    tamper(ws, "DELETE FROM audit_log WHERE seq = 6")
    code, out, _ = audit(ws, capsys, "verify")
    assert code == 5 and "末尾被删除" in out


def test_reordered_rows_are_detected(ws, capsys):
    tamper(ws, "UPDATE audit_log SET seq = -1 WHERE seq = 5")
    tamper(ws, "UPDATE audit_log SET seq = 5 WHERE seq = 6")
    tamper(ws, "UPDATE audit_log SET seq = 6 WHERE seq = -1")
    code, out, _ = audit(ws, capsys, "verify")
    assert code == 5 and "第 5 条" in out


def test_failed_login_is_recorded_and_refused(ws, capsys, monkeypatch):
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", "wrong")
    code, _, err = audit(ws, capsys, "verify")
    assert code == 4 and "用户名或密码错误" in err
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS["文明办"])
    code, out, _ = audit(ws, capsys, "show", "--limit", "1", "--json")
    assert json.loads(out)["entries"][0]["action"] == "login.failed"
    assert audit(ws, capsys, "verify")[0] == 0
