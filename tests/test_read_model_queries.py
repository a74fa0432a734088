"""The group read model, `status` and the dashboard read a group in a fixed number of SQL statements,
however many files it has: a regression to one query per file (N+1) makes a city-sized workspace slow
(bench/scale_bench.py measures 20 groups × 500 files)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from review.assessment.approval import decide
from review.assessment.group_state import group_state
from review.assessment.overview import workspace_status
from review.checking.findings import list_findings, waive
from review.intake.scan import scan
from review.manual.assignment import assign_items
from review.manual.store import store_manual
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER
from tests.conftest import default_settings, small_manual

PLAN = "北湖市志愿服务工作方案\n志愿服务队伍招募与培训，2026年3月1日印发。\n联系人身份证号 110101199003071234\n"
LEDGER = "北湖市背街小巷整治台账\n2026年4月1日 完成背街小巷整治3条，南湖市参观学习。\n"


def _city(root: Path, files: int) -> Workspace:
    """Two groups; XC with `files` text files: filed by name under two standards, a few unfiled,
    with findings (an ID number, another city), one standard approved and one finding waived."""
    ws = Workspace.create(root / "ws", default_settings())
    with ws.session() as session:
        store_manual(session, small_manual(), "tests")
        add_group(session, "XC", "宣传组")
        add_group(session, "CG", "城管组")
        assign_items(session, "XC", ["Ⅲ-1", "Ⅲ-3"])
        assign_items(session, "CG", ["Ⅲ-3"])
    folder = root / "材料"
    folder.mkdir()
    for i in range(files):
        if i % 10 == 9:  # not filed: its findings are listed apart
            (folder / f"杂项{i:03d}.txt").write_text(LEDGER + f"第{i}份\n", encoding="utf-8")
        elif i % 2:
            (folder / f"Ⅲ-3-1) 整治台账{i:03d}.txt").write_text(LEDGER + f"第{i}份\n", encoding="utf-8")
        else:
            (folder / f"Ⅲ-1-1) 工作方案{i:03d}.txt").write_text(PLAN + f"第{i}份\n", encoding="utf-8")
    scan(ws, LOCAL_USER, "XC", [folder])
    decide(ws, LOCAL_USER, "XC", "Ⅲ-3-1)", "return", "请补充照片")
    with ws.session() as session:
        finding = next(f for f in list_findings(session, "XC") if f.file)
    waive(ws, LOCAL_USER, "XC", finding.fingerprint, "已核实，属正当引用")
    return ws


@contextmanager
def _statements(ws: Workspace) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(ws.engine, "before_cursor_execute", count)


def _reads(ws: Workspace) -> dict[str, int]:
    """Statements each read runs, the findings already up to date (the usual case on every view)."""
    counts = {}
    for name, read in (("group", lambda: group_state(ws, "XC")), ("status", lambda: workspace_status(ws))):
        read()
        with _statements(ws) as seen:
            state = read()
        counts[name] = len(seen)
        if name == "group":
            counts["files"] = len(state.files)
            counts["findings"] = len(state.open_findings) + len(state.waived_findings) + len(state.unfiled)
    return counts


@pytest.mark.parametrize("small, large", [(40, 160)])
def test_reading_a_group_costs_the_same_statements_for_four_times_the_files(tmp_path: Path, small: int,
                                                                            large: int) -> None:
    few = _city(tmp_path / "few", small)
    many = _city(tmp_path / "many", large)
    try:
        a, b = _reads(few), _reads(many)
    finally:
        few.close()
        many.close()
    assert b["files"] >= 4 * a["files"] > 0  # the larger city really has more to read …
    assert b["findings"] > a["findings"] > 0
    assert (b["group"], b["status"]) == (a["group"], a["status"])  # … in as many statements
