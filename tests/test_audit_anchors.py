"""The audit chain is anchored in the leaders' signatures: rewriting an entry and recomputing every
hash after it with the public algorithm passes the chain's own check, but not `audit verify`,
which names the first entry that differs from what a sign-off signed."""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from review.assessment.approval import decide
from review.assessment.group_state import group_state
from review.cli.main import run
from review.handover.package import export_package, import_package
from review.handover.signoff import sign_off
from review.office.consolidation import consolidated_view
from review.signing.keys import export_public_key, key_of, read_key_file, register_key, unlock
from review.signing.manifest import Manifest
from review.workspace.accounts import login
from review.workspace.audit import GENESIS, HEAD_KEY, entry_hash
from review.workspace.db.models import Signoff, User
from review.workspace.folder import Workspace
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace

LEADER = "张组长"
CODES = ("Ⅲ-1-1)", "Ⅲ-1-2)")


@pytest.fixture
def ws(tmp_path: Path):
    """Two sign-offs with entries before, between and after them."""
    workspace = make_workspace(tmp_path / "ws")
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", list(CODES))
    leader = login(workspace, LEADER, PASSWORDS[LEADER])
    for code in CODES:
        decide(workspace, leader, "XC", code, "approve", "")
    sign_off(workspace, leader, PASSWORDS[LEADER], "XC")
    decide(workspace, leader, "XC", CODES[0], "approve", "再次核对")
    sign_off(workspace, leader, PASSWORDS[LEADER], "XC")
    decide(workspace, leader, "XC", CODES[1], "approve", "签字之后")
    yield workspace
    workspace.close()


def audit_verify(ws: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS["文明办"])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = run(["-w", str(ws.root), "--user", "文明办", "audit", "verify"])
    out, err = capsys.readouterr()
    return code, out, err


def anchors(ws: Workspace) -> list[tuple[int, int]]:
    """(sign-off version, anchored entry) of every sign-off."""
    with ws.session() as session:
        return [(row.version, Manifest.from_bytes(row.manifest).audit_head.seq)
                for row in session.scalars(select(Signoff).order_by(Signoff.version))]


def rewrite_and_recompute(ws: Workspace, seq: int, **changes: str) -> None:
    """What an attacker with the database and the public algorithm does: change an entry, then
    recompute every hash from there on and the stored head, so the chain itself looks whole."""
    db = sqlite3.connect(ws.paths.db_file)
    for column, value in changes.items():
        db.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (value, seq))
    prev = GENESIS
    rows = db.execute("SELECT seq, at, actor, action, target, details FROM audit_log ORDER BY seq").fetchall()
    for row_seq, at, actor, action, target, details in rows:
        digest = entry_hash(row_seq, at, actor, action, target, json.loads(details) if details else {}, prev)
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, row_seq))
        prev = digest
    db.execute("UPDATE settings SET value = ? WHERE key = ?", (json.dumps({"seq": rows[-1][0], "hash": prev}), HEAD_KEY))
    db.commit()
    db.close()


def test_an_intact_chain_verifies_against_every_anchor(ws, capsys, monkeypatch) -> None:
    (first, first_seq), (second, second_seq) = anchors(ws)
    assert (first, second) == (1, 2) and 0 < first_seq < second_seq
    code, out, _ = audit_verify(ws, capsys, monkeypatch)
    assert code == 0, out
    assert "审计记录完好" in out and "与 2 次签字锚定的记录一致" in out and f"第 {second_seq} 条" in out


@pytest.mark.parametrize("which", ["before the first sign-off", "between the sign-offs"])
def test_a_rewritten_and_recomputed_entry_is_named(ws, capsys, monkeypatch, which) -> None:
    (_, first_seq), (_, second_seq) = anchors(ws)
    target = 5 if which == "before the first sign-off" else second_seq - 1
    assert target < (first_seq if which == "before the first sign-off" else second_seq)
    rewrite_and_recompute(ws, target, actor="李组长")

    code, out, err = audit_verify(ws, capsys, monkeypatch)

    assert code == 5 and "审计记录已被改动" in err
    first_line = out.splitlines()[0]
    assert first_line.startswith(f"第 {target} 条记录（") and "李组长" in first_line and "签字时签名锚定的不符" in first_line
    assert f"第 {target + 1} 条" not in out  # the recomputed entries after it are not blamed


def test_a_rewritten_entry_after_the_last_sign_off_is_beyond_the_anchors(ws, capsys, monkeypatch) -> None:
    """Until the next sign-off the newest entries have only the chain; the anchors still hold."""
    (_, _), (_, second_seq) = anchors(ws)
    rewrite_and_recompute(ws, second_seq + 1, actor="李组长")
    assert audit_verify(ws, capsys, monkeypatch)[0] == 0


def test_an_older_manifest_anchors_the_head_only_and_names_the_span(ws, capsys, monkeypatch) -> None:
    """Format 2 signed the head alone: a recomputed chain is still caught, the first suspect entry is
    the first one after the last anchor that holds."""
    with ws.session() as session:
        row = session.scalars(select(Signoff).where(Signoff.version == 2)).one()
        old = Manifest.from_bytes(row.manifest)
        old = Manifest(**{**old.__dict__, "format_version": 2})
        assert b'"rows"' not in old.to_bytes()
        user = session.scalars(select(User).where(User.name == LEADER)).one()
        private = unlock(key_of(session, user), PASSWORDS[LEADER], LEADER)
        row.manifest, row.signature = old.to_bytes(), private.sign(old.to_bytes())
    (_, first_seq), (_, second_seq) = anchors(ws)
    rewrite_and_recompute(ws, second_seq - 1, actor="李组长")
    code, out, _ = audit_verify(ws, capsys, monkeypatch)
    assert code == 5
    assert out.splitlines()[0].startswith(f"第 {first_seq + 1}–{second_seq} 条记录中有记录在工作组 XC 第 2 版签字后被改写")


def test_a_sign_off_whose_signature_fails_is_reported(ws, capsys, monkeypatch) -> None:
    db = sqlite3.connect(ws.paths.db_file)
    manifest = db.execute("SELECT manifest FROM signoffs WHERE version = 1").fetchone()[0]
    db.execute("UPDATE signoffs SET manifest = ? WHERE version = 1", (manifest.replace(b'"seq":', b'"seq":1', 1),))
    db.commit()
    db.close()
    code, out, _ = audit_verify(ws, capsys, monkeypatch)
    assert code == 5 and "工作组 XC 第 1 版签字无法用来核对审计记录：签名与签字清单不符" in out


def test_the_anchor_reaches_the_read_model_the_package_and_the_office(ws, tmp_path) -> None:
    with ws.session() as session:
        signed = Manifest.from_bytes(session.scalars(select(Signoff).where(Signoff.version == 2)).one().manifest)
    anchor = signed.audit_head
    short = anchor.hash[:16].upper()
    expected = " ".join(short[i:i + 4] for i in range(0, 16, 4))
    state = group_state(ws, "XC")
    assert state.signoff.audit_anchor is not None and state.signoff.audit_anchor.short == expected
    assert state.to_json()["signoff"]["audit_anchor"] == {"seq": anchor.seq, "hash": anchor.hash, "short": expected}
    local = next(g for g in consolidated_view(ws).groups if g.code == "XC")
    assert (local.audit_anchor, local.audit_anchor_seq) == (expected, anchor.seq)

    clerk = login(ws, "王材料员", PASSWORDS["王材料员"])
    package = export_package(ws, clerk, "XC", tmp_path / "usb" / "XC.mrpkg")
    office = make_workspace(tmp_path / "office")
    try:
        export_public_key(ws, login(ws, LEADER, PASSWORDS[LEADER]), PASSWORDS[LEADER], tmp_path / "usb" / "key.json")
        with office.session() as session:
            register_key(session, read_key_file(tmp_path / "usb" / "key.json"), "文明办")
        import_package(office, login(office, "文明办", PASSWORDS["文明办"]), package)
        view = next(g for g in consolidated_view(office).groups if g.code == "XC")
        assert view.source == "package" and (view.audit_anchor, view.audit_anchor_seq) == (expected, anchor.seq)
        assert view.to_json()["audit_anchor"] == expected
    finally:
        office.close()
