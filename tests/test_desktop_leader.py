"""The leader's side: the demo's two roles on the start screen, logging in as the demo's leader,
and 签字确认 that says why it is disabled (wrong role, open must-fix) until it can be used."""
from __future__ import annotations

from pathlib import Path

import pytest

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, add_demo_accounts
from desktop.login_dialog import LoginDialog
from desktop.main_window import MainWindow
from desktop.start_dialog import StartDialog
from review.checking.findings import list_findings, waive
from review.workspace.accounts import login
from tests.desktop_helpers import (  # noqa: F401 - fixtures
    OFFICIAL_PLAN,
    add_groups,
    add_material,
    dialogs_fixture,
    pool_fixture,
    settings_sandbox_fixture,
    write_pdf,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_the_start_screen_names_the_demo_roles_and_password(qtbot, pool):
    dialog = StartDialog(pool)
    qtbot.addWidget(dialog)
    text = dialog.demo_accounts.text()
    assert not dialog.demo_accounts.isHidden()
    assert "组长 <b>张明</b>（宣传组）" in text and "文明办 <b>李华</b>" in text and DEMO_PASSWORD in text
    assert {a.role for a in DEMO_ACCOUNTS} == {"leader", "office"}


@pytest.fixture
def demo_like(workspace, tmp_path: Path):
    """XC with an approved plan and one photo where three are asked for (a must-fix), and the demo's accounts."""
    add_groups(workspace)
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    add_material(workspace, "XC", write_pdf(tmp_path / "图片说明.pdf"), "Ⅲ-1-2)")
    add_demo_accounts(workspace)
    return workspace


def test_the_office_is_told_why_it_cannot_sign(qtbot, pool, demo_like):
    office = login(demo_like, "李华", DEMO_PASSWORD)
    window = MainWindow(demo_like, office, pool)
    qtbot.addWidget(window)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    assert not window.act_signoff.isEnabled()
    assert "无权签字确认" in window.act_signoff.toolTip() and "组长" in window.act_signoff.statusTip()
    assert window.act_signoff_why.isVisible()  # 审核 › 为什么不能签字？


def test_the_demo_leader_logs_in_and_signing_opens_once_the_must_fix_is_dealt_with(qtbot, pool, dialogs, demo_like):
    login_dialog = LoginDialog(demo_like, pool)
    qtbot.addWidget(login_dialog)
    qtbot.waitUntil(lambda: login_dialog.name.count() == 2, timeout=5000)
    login_dialog.name.setCurrentIndex(login_dialog.name.findData("张明"))
    login_dialog.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(login_dialog.accepted, timeout=10_000):
        login_dialog.try_login()
    leader = login_dialog.actor
    assert (leader.role, leader.group_code) == ("leader", "XC")

    window = MainWindow(demo_like, leader, pool)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    assert not window.act_signoff.isEnabled()
    assert "材料数量或种类不足：图片" in window.act_signoff.toolTip()  # the must-fix, listed
    assert window.act_signoff_why.isVisible()
    window.explain_signoff()
    assert dialogs and "现在还不能签字确认" in dialogs[-1]

    with demo_like.session() as session:
        [finding] = [f for f in list_findings(session, "XC", item_code="Ⅲ-1-2)") if f.rule_id == "MR-REQ-001"]
    changes = waive(demo_like, leader, "XC", finding.fingerprint, "其余照片在拍摄中，下周补齐").changes
    window.apply_changes(changes)
    qtbot.waitUntil(window.act_signoff.isEnabled, timeout=10_000)
    assert window.act_signoff.toolTip() == "组长对本组材料签字确认" and not window.act_signoff_why.isVisible()
