"""Two real processes on one workspace at once: imports, scans of one group and sign-offs are
serialised by the workspace lock, on SQLite and on a PostgreSQL server.

Each pair is run twice. First held: the first process is frozen (SIGSTOP) right after it took the
lock, so the second one certainly meets it and must be refused with the lock message naming the
first; the first then finishes. Then at once with --wait: both start together and both finish in
turn. A holder killed with kill -9 blocks nobody.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from review.assessment.approval import decide
from review.handover.package import export_package
from review.signing.keys import export_public_key
from review.workspace.accounts import login
from review.workspace.audit import verify
from review.workspace.db.models import ImportedPackage, Material, Signoff
from review.workspace.folder import Workspace
from review.workspace.locking import IMPORT_SCOPE, group_scope, holder
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, material_root

pytestmark = pytest.mark.skipif(os.name != "posix", reason="freezes processes with SIGSTOP")

LEADER, OFFICE = "张组长", "文明办"
REPO = Path(__file__).resolve().parents[1]
BUSY = "另一个操作正在进行"


def start(ws: Workspace, user: str, *argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "MATERIALS_REVIEW_PASSWORD": PASSWORDS[user], "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "review", "-w", str(ws.root), "--user", user, *argv],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def wait_until_holding(ws: Workspace, scope: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while (holder(ws, scope) or {}).get("pid") != process.pid:
        assert process.poll() is None, finish(process)
        assert time.monotonic() < deadline, "the first process never took the lock"
        time.sleep(0.01)


def refused_while_held(ws: Workspace, scope: str, first: subprocess.Popen[str], second: tuple[str, ...],
                       second_user: str, operation: str) -> None:
    """Freeze `first` once it holds `scope`; `second` must be refused naming it; `first` then succeeds."""
    wait_until_holding(ws, scope, first)
    os.kill(first.pid, signal.SIGSTOP)
    try:
        code, output = finish(start(ws, second_user, *second))
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert code == 5, output
    assert BUSY in output and operation in output and f"进程 {first.pid}" in output and "--wait" in output
    assert "内部错误" not in output
    code, output = finish(first)
    assert code == 0, output


def both_at_once(ws: Workspace, first: tuple[str, tuple[str, ...]], second: tuple[str, tuple[str, ...]]
                 ) -> list[tuple[int, str]]:
    processes = [start(ws, user, *argv, "--wait") for user, argv in (first, second)]
    results = [finish(p) for p in processes]
    for _code, output in results:
        assert "内部错误" not in output, output
    return results


@pytest.fixture
def leader_ws(tmp_path, db_url):
    ws = make_workspace(tmp_path / "leader", db_url)
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/照片/活动.jpg", b"photo", ["Ⅲ-1-2)"])
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(ws, leader, "XC", code, "approve", "")
    yield ws
    ws.close()


def audit_intact(ws: Workspace) -> None:
    with ws.session() as session:
        count, problems = verify(session)
    assert count and not problems, [p.message for p in problems]


def test_two_imports_of_one_package(leader_ws, tmp_path, db_url, request):
    from review.handover.signoff import sign_off
    from review.signing.keys import register_key

    leader = login(leader_ws, LEADER, PASSWORDS[LEADER])
    sign_off(leader_ws, leader, PASSWORDS[LEADER], "XC")
    package = export_package(leader_ws, leader, "XC", tmp_path / "usb" / "宣传组.mrpkg")
    key_file = export_public_key(leader_ws, leader, PASSWORDS[LEADER], tmp_path / "usb" / "张组长.json")
    office_url = None if db_url is None else request.getfixturevalue("postgres_cluster").new_database()
    office = make_workspace(tmp_path / "office", office_url)
    with office.session() as session:
        register_key(session, key_file, OFFICE)
    (office.root / ".import-left-by-a-killed-import").mkdir()

    first = start(office, OFFICE, "package", "import", str(package))
    refused_while_held(office, IMPORT_SCOPE, first, ("package", "import", str(package)), OFFICE, "导入材料包")
    results = both_at_once(office, (OFFICE, ("package", "import", str(package))),
                           (OFFICE, ("package", "import", str(package))))
    assert [code for code, _ in results] == [2, 2] and all("已经导入过" in out for _, out in results)

    with office.session() as session:
        rows = session.scalars(select(ImportedPackage)).all()
    assert [(r.group_code, r.is_current) for r in rows] == [("XC", True)]
    folder = office.root / rows[0].folder
    assert (folder / "files" / "Ⅲ-1-1)" / "学习计划.docx").is_file()  # a refused import deletes nothing
    assert not list(office.root.glob(".import-*"))  # the killed import's leftovers are gone
    audit_intact(office)
    office.close()


def test_two_scans_of_one_group(leader_ws, db_url):
    root = str(material_root(leader_ws, "XC"))
    first = start(leader_ws, LEADER, "scan", "XC", root)
    refused_while_held(leader_ws, group_scope("XC"), first, ("scan", "XC", root), LEADER, "扫描工作组 XC")
    (material_root(leader_ws, "XC") / "Ⅲ-1-2)" / "新增说明.txt").write_text("北湖市开展专题学习。", encoding="utf-8")
    results = both_at_once(leader_ws, (LEADER, ("scan", "XC", root)), (LEADER, ("scan", "XC", root)))
    assert [code for code, _ in results] == [0, 0], results
    with leader_ws.session() as session:
        paths = session.scalars(select(Material.rel_path).where(Material.status == "present")).all()
    assert sorted(paths) == ["Ⅲ-1-1)/学习计划.docx", "Ⅲ-1-2)/新增说明.txt", "Ⅲ-1-2)/照片/活动.jpg"]
    audit_intact(leader_ws)


def test_two_signoffs_of_one_group(leader_ws, db_url):
    first = start(leader_ws, LEADER, "signoff", "XC")
    refused_while_held(leader_ws, group_scope("XC"), first, ("signoff", "XC"), LEADER, "签字确认工作组 XC")
    results = both_at_once(leader_ws, (LEADER, ("signoff", "XC")), (LEADER, ("signoff", "XC")))
    assert [code for code, _ in results] == [0, 0], results
    with leader_ws.session() as session:
        versions = sorted(session.scalars(select(Signoff.version)).all())
    assert versions == [1, 2, 3]
    audit_intact(leader_ws)


def test_a_scan_and_a_signoff_of_one_group(leader_ws, db_url):
    root = str(material_root(leader_ws, "XC"))
    first = start(leader_ws, LEADER, "scan", "XC", root)
    refused_while_held(leader_ws, group_scope("XC"), first, ("signoff", "XC"), LEADER, "扫描工作组 XC")
    first = start(leader_ws, LEADER, "signoff", "XC")
    refused_while_held(leader_ws, group_scope("XC"), first, ("scan", "XC", root), LEADER, "签字确认工作组 XC")
    results = both_at_once(leader_ws, (LEADER, ("scan", "XC", root)), (LEADER, ("signoff", "XC")))
    assert [code for code, _ in results] == [0, 0], results
    with leader_ws.session() as session:
        assert sorted(session.scalars(select(Signoff.version)).all()) == [1, 2]
    audit_intact(leader_ws)


def test_a_killed_holder_blocks_nobody(leader_ws, db_url):
    root = str(material_root(leader_ws, "XC"))
    first = start(leader_ws, LEADER, "scan", "XC", root)
    wait_until_holding(leader_ws, group_scope("XC"), first)
    first.kill()
    first.wait()
    code, output = finish(start(leader_ws, LEADER, "scan", "XC", root))
    assert code == 0, output


def test_the_app_waits_showing_who_it_waits_for_and_can_stop_waiting(leader_ws):
    """The app passes `waiting_with(progress, cancel)`: the wait shows as progress, 取消 ends it."""
    import threading

    from review.progress import Cancelled, CancelToken
    from review.workspace.locking import operation_lock, waiting_with

    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with operation_lock(leader_ws, group_scope("XC"), "扫描工作组 XC", "王材料员"):
            taken.set()
            release.wait(30)

    holder_thread = threading.Thread(target=hold)
    holder_thread.start()
    assert taken.wait(30)
    events, token, outcome = [], CancelToken(), []

    def sign() -> None:
        try:
            with operation_lock(leader_ws, group_scope("XC"), "签字确认工作组 XC", LEADER, waiting_with(events.append, token)):
                outcome.append("ran")
        except Cancelled:
            outcome.append("cancelled")

    waiter = threading.Thread(target=sign)
    waiter.start()
    deadline = time.monotonic() + 30
    while not events and time.monotonic() < deadline:
        time.sleep(0.05)
    token.cancel()
    waiter.join(30)
    assert outcome == ["cancelled"]
    assert events[0].phase_name == "等待" and "王材料员" in events[0].current and "扫描工作组 XC" in events[0].current

    token = CancelToken()  # a new wait, not cancelled this time
    events.clear()
    waiter = threading.Thread(target=sign)
    waiter.start()
    while not events and time.monotonic() < deadline:
        time.sleep(0.05)
    release.set()  # the scan ends: the waiting sign-off goes on
    holder_thread.join(30)
    waiter.join(30)
    assert outcome == ["cancelled", "ran"] and events


def test_the_group_view_opens_while_another_process_scans_the_group(leader_ws):
    """Looking at a group never fails because someone is scanning it: the view shows the state as it
    is, and the running scan brings it up to date."""
    from desktop.desk_data import load_group_desk

    root = str(material_root(leader_ws, "XC"))
    scanning = start(leader_ws, LEADER, "scan", "XC", root)
    wait_until_holding(leader_ws, group_scope("XC"), scanning)
    os.kill(scanning.pid, signal.SIGSTOP)
    try:
        desk = load_group_desk(leader_ws, "XC", login(leader_ws, LEADER, PASSWORDS[LEADER]))
    finally:
        os.kill(scanning.pid, signal.SIGCONT)
    assert desk.codes and finish(scanning)[0] == 0
