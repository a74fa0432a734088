"""A lost, empty or damaged workspace database is never replaced silently: the program refuses,
names the newest backup and how to restore it; backups are taken daily and after every sign-off
and package import, rotated, and a restore brings the workspace back."""
from __future__ import annotations

import io
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from review.cli.main import run
from review.errors import UserError
from review.workspace import backups
from review.workspace.folder import Workspace
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace
from tests.test_package_roundtrip import LEADER, approve_and_sign


def cli(root: Path, *argv: str, user: str = "文明办", capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS[user])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = run(["-w", str(root), "--user", user, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws_root(tmp_path: Path) -> Path:
    ws = make_workspace(tmp_path / "北湖 工作区")
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    ws.close()
    return ws.root


def _groups(db_file: Path) -> list[str]:
    con = sqlite3.connect(db_file)
    try:
        return [row[0] for row in con.execute("SELECT code FROM groups ORDER BY code")]
    finally:
        con.close()


@pytest.mark.parametrize("damage, says", [
    (lambda db: db.unlink(), "不见了"),
    (lambda db: db.write_bytes(b""), "是空文件"),
    (lambda db: db.write_bytes(b"this is not a database at all" * 100), "已损坏"),
])
def test_a_lost_empty_or_foreign_database_is_refused_with_the_newest_backup(
        ws_root: Path, damage, says: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(ws_root).close()  # the first opening of the day leaves a daily backup
    newest = backups.newest(ws_root / "backups")
    assert newest is not None
    db = ws_root / "workspace.db"
    for side in (db.with_name("workspace.db-wal"), db.with_name("workspace.db-shm")):
        side.unlink(missing_ok=True)
    damage(db)
    before = db.read_bytes() if db.exists() else None

    code, out, err = cli(ws_root, "status", capsys=capsys, monkeypatch=monkeypatch)

    assert code != 0 and out == ""
    assert says in err and newest.path.name in err and "workspace restore" in err and "从备份恢复" in err
    assert "内部错误" not in err
    assert (db.read_bytes() if db.exists() else None) == before  # nothing was created in its place
    with pytest.raises(UserError):
        Workspace.open(ws_root)


def test_restore_brings_the_workspace_back_and_keeps_what_it_replaced(
        ws_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(ws_root).close()
    db = ws_root / "workspace.db"
    db.write_bytes(b"")

    code, out, err = cli(ws_root, "workspace", "restore", capsys=capsys, monkeypatch=monkeypatch)

    assert code == 0, err
    assert "已用备份" in out and "重新扫描" in out
    assert _groups(db) == ["CG", "XC"]
    code, out, err = cli(ws_root, "status", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and "XC 宣传组" in out
    code, out, _ = cli(ws_root, "audit", "show", capsys=capsys, monkeypatch=monkeypatch)
    assert "从备份恢复数据库" in out


def test_a_sound_database_is_replaced_only_by_the_office(
        ws_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(ws_root).close()
    code, _, err = cli(ws_root, "workspace", "restore", user=LEADER, capsys=capsys, monkeypatch=monkeypatch)
    assert code != 0 and "需要文明办账户" in err, err
    code, _out, err = cli(ws_root, "workspace", "restore", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0, err
    kept = [b for b in backups.listing(ws_root / "backups") if b.label == backups.BEFORE_RESTORE]
    assert len(kept) == 1 and _groups(kept[0].path) == ["CG", "XC"]  # the replaced database is kept, not deleted


def test_a_damaged_page_met_during_a_command_is_reported_as_damage(
        ws_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = ws_root / "workspace.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    for offset in range(page_size * 2, len(data), page_size):  # every page but the first two: header kept
        data[offset:offset + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))

    code, _, err = cli(ws_root, "status", capsys=capsys, monkeypatch=monkeypatch)

    assert code != 0 and "已损坏" in err and "workspace restore" in err
    assert "内部错误" not in err and "未被破坏" not in err


def test_backups_after_sign_off_and_import_are_rotated(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    leader_ws = make_workspace(tmp_path / "leader")
    add_file(leader_ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    add_file(leader_ws, "XC", "Ⅲ-1-2)/照片/活动.jpg", b"photo", ["Ⅲ-1-2)"])
    approve_and_sign(leader_ws)
    assert [b.label for b in backups.listing(leader_ws.paths.backups)][:1] == [backups.AFTER_SIGNOFF]
    office = make_workspace(tmp_path / "office")
    usb = tmp_path / "usb"
    for root, user, argv in ((leader_ws.root, LEADER, ("key", "export", str(usb / "key.json"))),
                             (leader_ws.root, "王材料员", ("package", "export", "XC", str(usb / "宣传组.mrpkg"))),
                             (office.root, "文明办", ("key", "import", str(usb / "key.json"))),
                             (office.root, "文明办", ("package", "import", str(usb / "宣传组.mrpkg")))):
        code, _, err = cli(root, *argv, user=user, capsys=capsys, monkeypatch=monkeypatch)
        assert code == 0, err
    assert [b.label for b in backups.listing(office.paths.backups)][:1] == [backups.AFTER_IMPORT]

    settings = office.settings()
    settings.backup_keep = 3
    office.save_settings(settings)
    for _ in range(5):
        office.backup("manual")
    rotating = [b for b in backups.listing(office.paths.backups) if b.label in backups.ROTATING]
    assert len(rotating) == 3
    leader_ws.close()
    office.close()


def test_one_daily_backup_per_day(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    folder = ws.paths.backups
    for old in backups.listing(folder):
        old.path.unlink()
    assert backups.take_daily(ws.paths.db_file, folder, keep=5) is not None
    assert backups.take_daily(ws.paths.db_file, folder, keep=5) is None
    tomorrow = datetime.now() + timedelta(days=1)
    assert backups.take_daily(ws.paths.db_file, folder, keep=5, today=tomorrow) is not None
    ws.close()


def test_a_damaged_backup_is_not_restored(ws_root: Path) -> None:
    Workspace.open(ws_root).close()
    newest = backups.newest(ws_root / "backups")
    assert newest is not None
    newest.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    db = ws_root / "workspace.db"
    before = db.read_bytes()
    with pytest.raises(UserError, match="本身已损坏"):
        backups.restore(db, ws_root / "backups")
    assert db.read_bytes() == before


def test_a_copy_left_half_written_by_a_killed_process_is_cleared_and_one_being_written_is_not(
        tmp_path: Path) -> None:
    db = tmp_path / "workspace.db"
    sqlite3.connect(db).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    abandoned = folder / "workspace-20261101-080000-000000-daily.db.part"
    in_progress = folder / "workspace-20261208-080000-000000-manual.db.part"
    for part in (abandoned, in_progress):
        part.write_bytes(b"SQLite format 3\x00half")
    two_hours_ago = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(abandoned, (two_hours_ago, two_hours_ago))
    backups.take_rotating(db, folder, "manual", keep=3)
    assert not abandoned.exists() and in_progress.exists()
    assert [b.label for b in backups.listing(folder)] == ["manual"]
