"""The command line for accounts, review decisions, sign-off and keys, as scripts use it."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from review.cli.main import run
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, rewrite_file

ENV = "MATERIALS_REVIEW_PASSWORD"


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path / "ws")
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)"])
    add_file(workspace, "XC", "Ⅲ-1-2)/专题学习.pdf", b"study", ["Ⅲ-1-2)"])
    yield workspace
    workspace.close()


@pytest.fixture
def cli(ws, monkeypatch, capsys):
    """Run one command as `user` (its password from the environment unless `password` is given).

    Returns (exit code, stdout, stderr)."""

    def invoke(user: str | None, *argv: str, stdin: str = "", password: str | None = None) -> tuple[int, str, str]:
        if user:
            monkeypatch.setenv(ENV, password if password is not None else PASSWORDS[user])
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        prefix = ["-w", str(ws.root)] + (["--user", user] if user else [])
        code = run([*prefix, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_office_adds_users_and_lists_them(cli):
    code, out, _ = cli("文明办", "user", "add", "赵材料员", "--role", "clerk", "--group", "CG", "--password-stdin",
                       stdin="zhao-pass\n")
    assert code == 0 and "已新建材料员账户“赵材料员”" in out
    code, out, _ = cli("文明办", "user", "list", "--json")
    users = {u["name"]: u for u in json.loads(out)["users"]}
    assert users["赵材料员"] == {"name": "赵材料员", "role": "clerk", "role_name": "材料员", "group": "CG"}
    assert cli("赵材料员", "user", "list", password="zhao-pass")[0] == 0


def test_only_the_office_adds_users_and_refusals_are_one_chinese_line(cli):
    code, _, err = cli("张组长", "user", "add", "某人", "--role", "clerk", "--group", "XC", "--password-stdin",
                       stdin="whatever1\n")
    assert code == 3 and err.startswith("错误：组长“张组长”无权管理账户") and err.count("\n") == 1
    code, _, err = cli("文明办", "user", "add", "某人", "--role", "leader", "--password-stdin", stdin="whatever1\n")
    assert code != 0 and "必须指定所属的工作组" in err
    code, _, err = cli("文明办", "user", "add", "某人", "--role", "clerk", "--group", "XC", "--password-stdin")
    assert code != 0 and "没有读到" in err


def test_accounts_require_user_and_right_password_then_lock_out(cli):
    code, _, err = cli(None, "review", "list", "--group", "XC")
    assert code != 0 and "--user" in err
    for _ in range(3):
        code, _, err = cli("张组长", "review", "list", password="not-the-password")
        assert code == 4 and "用户名或密码错误（张组长）" in err
    code, _, err = cli("张组长", "review", "list")
    assert code == 4 and "暂时锁定" in err and "秒后再试" in err
    code, out, _ = cli("文明办", "audit", "show", "--json")
    assert [e["action"] for e in json.loads(out)["entries"]].count("login.failed") == 3


def test_review_approve_return_list_and_history(cli):
    code, out, _ = cli("张组长", "review", "approve", "Ⅲ-1-1)", "--comment", "齐全")
    assert code == 0 and "Ⅲ-1-1)：通过（张组长）" in out and "学习计划.docx" in out
    code, _, err = cli("张组长", "review", "return", "Ⅲ-1-2)")
    assert code != 0 and "必须写明原因" in err
    assert cli("张组长", "review", "return", "Ⅲ-1-2)", "--comment", "缺少照片")[0] == 0
    code, out, _ = cli("张组长", "review", "list", "--json")
    states = {r["code"]: r["state_name"] for r in json.loads(out)["requirements"]}
    assert states == {"Ⅲ-1-1)": "通过", "Ⅲ-1-2)": "退回"}
    code, out, _ = cli("张组长", "review", "history", "Ⅲ-1-2)", "--json")
    assert [(d["verdict"], d["comment"]) for d in json.loads(out)["decisions"]] == [("return", "缺少照片")]


def test_review_permission_boundaries_on_the_command_line(cli):
    code, _, err = cli("王材料员", "review", "approve", "Ⅲ-1-1)")
    assert code == 3 and "材料员“王材料员”无权审核通过或退回" in err
    code, _, err = cli("张组长", "review", "approve", "Ⅲ-2-1)", "--group", "CG")
    assert code == 3 and "只能对本组（XC）" in err
    code, _, err = cli("文明办", "review", "approve", "Ⅲ-1-1)")
    assert code != 0 and "--group" in err
    code, _, err = cli("李组长", "review", "list", "--group", "XC")
    assert code == 3


def test_signoff_verify_and_staleness_on_the_command_line(cli, ws):
    cli("张组长", "review", "approve", "Ⅲ-1-1)")
    code, _, err = cli("张组长", "signoff", "XC")
    assert code != 0 and "Ⅲ-1-2)（待审核）" in err
    code, _, err = cli("王材料员", "signoff", "XC", "--exception", "Ⅲ-1-2)=下周补")
    assert code == 3 and "无权签字确认" in err
    code, _, err = cli("张组长", "signoff", "XC", "--exception", "Ⅲ-1-2)=下周补", password="not-the-password")
    assert code == 4
    code, out, _ = cli("张组长", "signoff", "XC", "--exception", "Ⅲ-1-2)=下周补")
    assert code == 0 and "第 1 版" in out and "例外 Ⅲ-1-2)（待审核）：下周补" in out
    code, out, _ = cli("文明办", "signoff", "verify", "XC")
    assert code == 0 and "状态：有效" in out
    rewrite_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"edited")
    code, out, err = cli("文明办", "signoff", "verify", "XC")
    assert code == 5 and "已失效" in err and "内容已改动：Ⅲ-1-1)/学习计划.docx" in out
    code, out, _ = cli("张组长", "signoff", "verify", "XC", "--version", "1", "--json")
    report = json.loads(out)
    assert code == 5 and report["state"] == "stale"
    assert report["differences"][0]["path"] == "Ⅲ-1-1)/学习计划.docx"
    code, _, err = cli("文明办", "signoff", "verify", "CG")
    assert code != 0 and "尚未签字" in err


def test_single_user_workspace_cannot_sign(tmp_path, capsys, monkeypatch):
    Workspace.create(tmp_path / "solo", WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1))).close()
    monkeypatch.delenv(ENV, raising=False)
    assert run(["-w", str(tmp_path / "solo"), "signoff", "XC"]) == 3
    assert "签字确认需要本组的组长账户" in capsys.readouterr().err


def test_key_export_and_office_registers_it(cli, tmp_path):
    out_file = tmp_path / "张组长公钥.json"
    code, out, _ = cli("张组长", "key", "export", str(out_file))
    assert code == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["owner"] == "张组长" and data["group"] == "XC" and data["public_key"].startswith("-----BEGIN")
    assert data["fingerprint_display"] in out
    assert cli("张组长", "key", "import", str(out_file))[0] == 3
    code, out, _ = cli("文明办", "key", "import", str(out_file))
    assert code == 0 and "已登记XC 组长“张组长”的公钥" in out and data["fingerprint_display"] in out
    data["fingerprint"] = "0" * 64
    out_file.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = cli("文明办", "key", "import", str(out_file))
    assert code != 0 and "指纹与公钥不符" in err
    assert cli("文明办", "key", "export", str(tmp_path / "x.json"))[0] != 0


def test_first_account_of_a_workspace_must_be_the_office(tmp_path, capsys, monkeypatch):
    root = tmp_path / "fresh"
    Workspace.create(root, WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1))).close()
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("leader-pass\n"))
    assert run(["-w", str(root), "user", "add", "张组长", "--role", "leader", "--group", "XC",
                "--password-stdin"]) != 0
    assert "第一个账户必须是文明办账户" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("office-pass\n"))
    assert run(["-w", str(root), "user", "add", "文明办", "--role", "office", "--password-stdin"]) == 0
    code = run(["-w", str(root), "user", "list"])
    assert code != 0 and "--user" in capsys.readouterr().err
