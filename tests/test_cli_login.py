"""Every command on a workspace with accounts logs in first, reads included; leaders and clerks
read only their own group. Driven through the real command line, as scripts use it.

The workspace is built once with the CLI (`init --admin` with the sample manual, two groups, a
leader of A and a clerk of B, one scanned file per group) and copied for every test, so that the
failed logins of one test do not lock an account in the next.
"""
from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from review.cli.main import build_parser, needs_login, run
from review.workspace import passwords
from tests.files import make_docx

ENV = "MATERIALS_REVIEW_PASSWORD"
PASSWORDS = {"文明办": "office-pass", "甲组长": "leader-a", "乙材料员": "clerk-b1"}


def invoke(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, ws: Path, user: str | None,
           *argv: str, password: str | None = None, stdin: str = "") -> tuple[int, str, str]:
    """Run one command as `user`, its password from the environment (`password` overrides it)."""
    if user is not None:
        monkeypatch.setenv(ENV, password if password is not None else PASSWORDS[user])
    else:
        monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(["-w", str(ws), *(["--user", user] if user else []), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("login")
    ws = root / "ws"
    for group in ("A", "B"):
        (root / group).mkdir()
    make_docx(root / "A" / "Ⅲ-1-1) 甲组学习计划.docx", ["甲组理论学习计划台账词", "2024年1月1日"])
    make_docx(root / "B" / "Ⅲ-2-1) 乙组宣讲队伍.docx", ["乙组宣讲队伍台账词", "2024年1月1日"])
    steps: list[tuple[str | None, list[str], str]] = [
        (None, ["init", str(ws), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01",
                "--manual", "sample", "--admin", "文明办"], ""),
        ("文明办", ["group", "add", "A", "甲组"], ""),
        ("文明办", ["group", "add", "B", "乙组"], ""),
        ("文明办", ["group", "assign", "A", "Ⅲ-1"], ""),
        ("文明办", ["group", "assign", "B", "Ⅲ-2"], ""),
        ("文明办", ["user", "add", "甲组长", "--role", "leader", "--group", "A", "--password-stdin"], "leader-a\n"),
        ("文明办", ["user", "add", "乙材料员", "--role", "clerk", "--group", "B", "--password-stdin"], "clerk-b1\n"),
        ("甲组长", ["scan", "A", str(root / "A")], ""),
        ("乙材料员", ["scan", "B", str(root / "B")], ""),
    ]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(passwords, "N", 2**10)  # the hash names its cost: cheap accounts also verify quickly
        mp.setenv(ENV, PASSWORDS["文明办"])
        for user, argv, stdin in steps:
            if user is not None:
                mp.setenv(ENV, PASSWORDS[user])
            mp.setattr("sys.stdin", io.StringIO(stdin))
            prefix = [] if argv[0] == "init" else ["-w", str(ws), "--user", str(user)]
            assert run([*prefix, *argv]) == 0, argv
    yield ws


@pytest.fixture
def ws(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ws"
    shutil.copytree(template, copy)
    return copy


@pytest.fixture
def cli(ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    def call(user: str | None, *argv: str, password: str | None = None) -> tuple[int, str, str]:
        return invoke(capsys, monkeypatch, ws, user, *argv, password=password)

    return call


def one_chinese_line(err: str) -> bool:
    return err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err


READS = [
    ("status",), ("status", "--json"), ("check",), ("group", "list"), ("unmapped",), ("manual", "show"),
    ("search", "词"), ("audit", "show"),
]


@pytest.mark.parametrize("argv", READS, ids=" ".join)
def test_every_read_needs_user_and_the_right_password(cli, argv: tuple[str, ...]) -> None:
    code, out, err = cli(None, *argv)
    assert code != 0 and one_chinese_line(err) and "--user" in err, err
    assert out == ""
    code, out, err = cli("文明办", *argv, password="wrong-password")
    assert code == 4 and one_chinese_line(err) and "用户名或密码错误（文明办）" in err, err
    assert out == ""
    code, out, err = cli("文明办", *argv)
    assert code == 0, err
    assert out


def test_wrong_password_is_refused_for_every_role_and_recorded(cli) -> None:
    for user in ("甲组长", "乙材料员"):
        code, out, err = cli(user, "status", "--json", password="nope-nope")
        assert code == 4 and out == "" and one_chinese_line(err)
    code, out, _ = cli("文明办", "audit", "show", "--json")
    failed = [e["target"] for e in json.loads(out)["entries"] if e["action"] == "login.failed"]
    assert failed == ["甲组长", "乙材料员"]


def test_unknown_user_is_refused(cli) -> None:
    code, out, err = cli("无此人", "status", password="whatever")
    assert code == 4 and out == "" and one_chinese_line(err)


def test_no_password_and_no_terminal_is_refused_with_advice(ws, capsys, monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = run(["-w", str(ws), "--user", "文明办", "status"])
    out, err = capsys.readouterr()
    assert code != 0 and out == "" and one_chinese_line(err) and ENV in err


def test_office_reads_every_group(cli) -> None:
    code, out, err = cli("文明办", "check")
    assert code == 0, err
    assert "【A 甲组】" in out and "【B 乙组】" in out
    code, out, _ = cli("文明办", "check", "--group", "B", "--json")
    assert code == 0 and {f["group"] for f in json.loads(out)["findings"]} == {"B"}
    code, out, _ = cli("文明办", "status", "--json")
    data = json.loads(out)
    assert [g["code"] for g in data["groups"]] == ["A", "B"] and data["scope"] is None
    code, out, _ = cli("文明办", "search", "词", "--json")
    assert {h["group"] for h in json.loads(out)["hits"]} == {"A", "B"}


def test_leader_checks_and_reads_only_their_own_group(cli) -> None:
    code, out, err = cli("甲组长", "check")
    assert code == 0, err
    assert "【A 甲组】" in out and "【B " not in out and "乙组" not in out
    code, out, _ = cli("甲组长", "check", "--json")
    findings = json.loads(out)["findings"]
    assert findings and {f["group"] for f in findings} == {"A"}
    code, out, err = cli("甲组长", "check", "--group", "B")
    assert code == 3 and out == "" and one_chinese_line(err) and "本组（A）" in err
    code, out, _ = cli("甲组长", "check", "--group", "A", "--json")
    assert code == 0 and {f["group"] for f in json.loads(out)["findings"]} == {"A"}


def test_leader_status_lists_only_their_group(cli) -> None:
    code, out, err = cli("甲组长", "status", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [g["code"] for g in data["groups"]] == ["A"] and data["scope"] == "A"
    assert data["readiness"]["code"] == "A"
    code, out, _ = cli("甲组长", "status")
    assert code == 0 and "A 甲组" in out and "乙组" not in out and "全市" not in out


def test_clerk_reads_only_their_own_group(cli) -> None:
    code, out, _ = cli("乙材料员", "status", "--json")
    assert [g["code"] for g in json.loads(out)["groups"]] == ["B"]
    code, out, err = cli("乙材料员", "search", "词", "--json")
    assert code == 0, err
    hits = json.loads(out)["hits"]
    assert hits and {h["group"] for h in hits} == {"B"}
    code, out, err = cli("乙材料员", "search", "词", "--group", "A")
    assert code == 3 and out == "" and one_chinese_line(err)
    code, out, _ = cli("乙材料员", "unmapped", "--json")
    assert code == 0 and set(json.loads(out)["standards_without_materials"]) == {"B"}
    code, out, err = cli("乙材料员", "unmapped", "--group", "A")
    assert code == 3 and out == "" and one_chinese_line(err)
    code, out, _ = cli("乙材料员", "check", "--json")
    assert code == 0 and {f["group"] for f in json.loads(out)["findings"]} == {"B"}


def test_signing_asks_for_the_password_once(cli, ws, monkeypatch) -> None:
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return PASSWORDS["甲组长"]

    monkeypatch.setattr("review.workspace.accounts.env_or_prompt", prompt)
    code, out, err = cli("甲组长", "key", "export", str(ws.parent / "甲组长公钥.json"))
    assert code == 0, err
    assert "已导出“甲组长”的公钥" in out
    assert len(asked) == 1 and "甲组长" in asked[0]
    # Signing may be refused for the group's open problems; the password is still asked only once.
    code, out, err = cli("甲组长", "signoff", "A", "--exception", "Ⅲ-1-1)=待补充", "--exception", "Ⅲ-1-2)=待补充")
    assert code != 4 and "密码" not in err, err
    assert len(asked) == 2


def test_workspace_without_accounts_stays_single_user(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    folder = tmp_path / "单机"
    assert run(["init", str(folder), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01"]) == 0
    capsys.readouterr()
    for argv in (["status", "--json"], ["check"], ["group", "list"]):
        code, _, err = invoke(capsys, monkeypatch, folder, None, *argv)
        assert code == 0, err


def test_commands_that_create_a_workspace_or_open_the_gui_do_not_log_in(tmp_path) -> None:
    from demo.command import register as register_demo
    from desktop.entry import register_gui

    parser = build_parser([register_demo, register_gui])
    ws = str(tmp_path / "ws")
    assert not needs_login(parser.parse_args(["-w", ws, "gui"]))
    assert not needs_login(parser.parse_args(["init", ws, "--city", "北湖市", "--year", "2026", "--start", "2026-08-01"]))
    assert not needs_login(parser.parse_args(["demo", ws]))
    assert needs_login(parser.parse_args(["-w", ws, "status"]))
    assert needs_login(parser.parse_args(["-w", ws, "manual", "show"]))
