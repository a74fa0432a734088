"""Workspace database: pragmas, migrations with backup, refusal of newer databases, settings."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from review.errors import UserError
from review.workspace.db.base import make_engine
from review.workspace.db.migrate import SCHEMA_HEAD, head_revisions, upgrade
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings
from tests.conftest import default_settings


def test_sqlite_runs_in_wal_mode_with_foreign_keys(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_new_workspace_is_at_head_and_keeps_settings(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        revisions = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    assert revisions == head_revisions()
    settings = workspace.settings()
    assert settings.city == "北湖市"
    assert settings.date_window().describe() == "2025年08月01日至2026年07月31日"


def test_the_schema_head_the_fast_open_trusts_is_alembics_head() -> None:
    """Opening a workspace skips Alembic when the stored revision is SCHEMA_HEAD; a new migration
    must move it, or workspaces would stay on the old schema."""
    assert head_revisions() == {SCHEMA_HEAD}


def test_upgrade_from_previous_revision_keeps_data_and_backs_up(tmp_path: Path) -> None:
    db = tmp_path / "workspace.db"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine, db_file=db, backup_dir=tmp_path / "backups", target="0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO groups (code, name, created_at) VALUES ('XC', '宣传组', '2026-01-01')"))
    applied = upgrade(engine, db_file=db, backup_dir=tmp_path / "backups")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM groups WHERE code='XC'")).scalar() == "宣传组"
    engine.dispose()
    backups = list((tmp_path / "backups").glob("*.db"))
    if applied:
        assert len(backups) == 1
        copy = sqlite3.connect(backups[0])
        assert copy.execute("SELECT count(*) FROM groups").fetchone()[0] == 1
        copy.close()


def test_a_workspace_of_the_previous_schema_opens_backed_up_with_its_ocr_queue_moved(tmp_path: Path) -> None:
    """Revision 0302 gives the OCR queue its own table: the "ocr" rows of check_states move there."""
    from alembic import command

    from review.workspace.db.migrate import alembic_config

    ws = Workspace.create(tmp_path / "ws", default_settings())
    ws.close()
    db = tmp_path / "ws" / "workspace.db"
    engine = make_engine(f"sqlite:///{db}")
    cfg = alembic_config()
    with engine.begin() as conn:  # back to the schema the previous version wrote
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0301")
    engine.dispose()
    con = sqlite3.connect(db)
    assert "ocr_queue" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.execute("INSERT INTO groups (id, code, name, created_at) VALUES (1, 'XC', '宣传组', '2026-01-01')")
    for mid, sha in ((7, "a" * 64), (8, "b" * 64)):
        con.execute("INSERT INTO materials (id, group_id, path, root, rel_path, size, mtime_ns, sha256, format, status,"
                    " first_seen, last_seen) VALUES (?, 1, ?, '', ?, 1, 1, ?, 'pdf', 'present', '2026-01-01',"
                    " '2026-01-01')", (mid, f"/m/{mid}.pdf", f"{mid}.pdf", sha))
    con.executemany("INSERT INTO check_states (group_id, scope, subject, key) VALUES (1, ?, ?, ?)",
                    [("ocr", "7", "a" * 64), ("ocr", "99", "c" * 64), ("file", "7", "k7"), ("requirement", "Ⅲ-1-1)", "r")])
    con.commit()
    con.close()

    reopened = Workspace.open(tmp_path / "ws")
    with reopened.engine.connect() as conn:
        assert {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))} == head_revisions()
        assert conn.execute(text("SELECT material_id, sha256, pages FROM ocr_queue")).all() == [(7, "a" * 64, None)]
        assert conn.execute(text("SELECT queued_at FROM ocr_queue")).scalar() is not None
        assert sorted(conn.execute(text("SELECT scope, subject FROM check_states")).all()) == [
            ("file", "7"), ("requirement", "Ⅲ-1-1)")]  # the queue's rows are gone, the checks' kept
    reopened.close()
    [backup] = (tmp_path / "ws" / "backups").glob("*.db")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT count(*) FROM check_states WHERE scope = 'ocr'").fetchone()[0] == 2
    copy.close()


def test_a_workspace_with_the_unread_manual_nodes_table_opens_without_it_and_keeps_its_manual(
        tmp_path: Path) -> None:
    """Revision 0303 drops manual_nodes (written with every edition, never read)."""
    from alembic import command

    from review.manual.store import current_manual, store_manual
    from review.workspace.db.migrate import alembic_config
    from tests.conftest import small_manual

    ws = Workspace.create(tmp_path / "ws", default_settings())
    with ws.session() as session:
        store_manual(session, small_manual(), "tests")
    ws.close()
    engine = make_engine(f"sqlite:///{tmp_path / 'ws' / 'workspace.db'}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0302")
        assert "manual_nodes" in {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    engine.dispose()
    reopened = Workspace.open(tmp_path / "ws")
    with reopened.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert "manual_nodes" not in tables
    with reopened.session() as session:
        assert current_manual(session) == small_manual()
    reopened.close()


def test_database_from_newer_version_is_refused(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", default_settings())
    ws.close()
    con = sqlite3.connect(tmp_path / "ws" / "workspace.db")
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="更新版本"):
        Workspace.open(tmp_path / "ws")


def test_create_refuses_non_empty_folder_and_open_refuses_non_workspace(tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "材料.docx").write_bytes(b"x")
    with pytest.raises(UserError, match="不是空的"):
        Workspace.create(tmp_path / "busy", default_settings())
    with pytest.raises(UserError, match="不是申报材料审核台的工作区"):
        Workspace.open(tmp_path / "busy")
    assert (tmp_path / "busy" / "材料.docx").read_bytes() == b"x"


def test_settings_round_trip_and_validation(workspace: Workspace) -> None:
    settings = workspace.settings().with_value("window", "测评开始前2月上溯一个年度")
    settings = settings.with_value("allowed_formats", "PDF, .docx，jpg")
    settings = settings.with_value("max_file_mb", "20")
    workspace.save_settings(settings)
    again = workspace.settings()
    assert again.allowed_formats == ["pdf", "docx", "jpg"]
    assert again.max_file_mb == 20
    assert again.date_window().end == date(2026, 6, 30)
    with pytest.raises(UserError, match="没有名为"):
        again.with_value("colour", "red")
    with pytest.raises(UserError, match="无效"):
        again.with_value("max_file_mb", "-3")


def test_database_url_override_is_used(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.db"
    ws = Workspace.create(tmp_path / "ws", default_settings(), db_url=f"sqlite:///{other}")
    ws.close()
    assert other.exists()
    assert not (tmp_path / "ws" / "workspace.db").exists()
    reopened = Workspace.open(tmp_path / "ws")
    assert reopened.settings().city == "北湖市"
    reopened.close()


def test_models_use_only_portable_types() -> None:
    """A PostgreSQL URL must be accepted: the schema compiles for PostgreSQL."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    from review.workspace.db.base import Base

    for table in Base.metadata.sorted_tables:
        CreateTable(table).compile(dialect=postgresql.dialect())
    assert isinstance(WorkspaceSettings().allowed_formats, list)
