"""Sign-off from the desk: exceptions need reasons, the password is checked, a later file change
shows the sign-off as stale with exactly what changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.desk_data import load_group_desk
from desktop.main_window import MainWindow
from desktop.signoff_dialog import SignoffChangesDialog, SignoffDialog
from review.assessment.approval import decide
from review.checking.findings import list_findings, waive
from review.workspace.accounts import create_first_admin, create_user, login
from review.workspace.db.models import Material
from tests.desktop_helpers import (  # noqa: F401
    OFFICIAL_PLAN,
    add_groups,
    add_material,
    pool_fixture,
    settings_sandbox_fixture,
    write_pdf,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def leader(workspace, tmp_path: Path):
    add_groups(workspace)
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    add_material(workspace, "XC", write_pdf(tmp_path / "图片说明.pdf"), "Ⅲ-1-2)")
    office = create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    office_actor = login(workspace, office.name, "office-pass")
    create_user(workspace, office_actor, "张组长", "leader", "leader-pass", "XC")
    actor = login(workspace, "张组长", "leader-pass")
    decide(workspace, actor, "XC", "Ⅲ-1-1)", "approve")
    return actor


def test_a_must_fix_blocks_the_signature_until_waived_then_sign_with_an_exception(qtbot, workspace, pool, leader,
                                                                                 tmp_path: Path):
    dialog = SignoffDialog(workspace, leader, load_group_desk(workspace, "XC", leader), pool)
    qtbot.addWidget(dialog)
    assert dialog.open_codes == ["Ⅲ-1-2)"]
    # one picture where three are asked for: a must-fix the leader has to see, and fix or waive
    assert dialog.blockers and "材料数量或种类不足：图片" in dialog.blockers[0]  # names what to add
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.exceptions_list.item(0).text().startswith("须先处理：") and "材料数量或种类不足" in dialog.exceptions_list.item(0).text()
    with workspace.session() as session:
        [finding] = [f for f in list_findings(session, "XC", item_code="Ⅲ-1-2)") if f.rule_id == "MR-REQ-001"]
        waive(workspace, leader, "XC", finding.fingerprint, "其余照片在拍摄中，下周补齐")

    dialog = SignoffDialog(workspace, leader, load_group_desk(workspace, "XC", leader), pool)
    qtbot.addWidget(dialog)
    assert dialog.blockers == []
    listed = [dialog.exceptions_list.item(i).text() for i in range(dialog.exceptions_list.count())]
    assert any("其余照片在拍摄中" in line for line in listed)  # the waiver is signed with it, and shown
    dialog.sign()
    assert "Ⅲ-1-2)" in dialog.message.text() and "例外原因" in dialog.message.text()

    dialog.table.item(1, 2).setText("照片将于下周补拍")
    dialog.password.setText("wrong-pass")
    dialog.sign()
    qtbot.waitUntil(lambda: "密码不正确" in dialog.message.text(), timeout=10_000)
    dialog.password.setText("leader-pass")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign()
    assert dialog.signed_version == 1

    window = MainWindow(workspace, leader, pool)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=5000)
    assert window.act_signoff.isEnabled()
    qtbot.waitUntil(lambda: "有效" in window.signoff_button.text(), timeout=5000)

    changed = tmp_path / "方案.pdf"
    write_pdf(changed, pages=3)  # the clerk replaced the file; the next scan records the new bytes
    with workspace.session() as session:
        material = session.scalars(select(Material).where(Material.path == str(changed))).one()
        material.sha256 = hashlib.sha256(changed.read_bytes()).hexdigest()
        material.size = changed.stat().st_size
    window.refresh()
    qtbot.waitUntil(lambda: "已失效" in window.signoff_button.text(), timeout=5000)
    changes = SignoffChangesDialog(window.desk.signoff)
    qtbot.addWidget(changes)
    assert changes.table.rowCount() == 1
    assert changes.table.item(0, 0).text() == "方案.pdf" and changes.table.item(0, 1).text() == "内容已改动"
    assert window.tree.state_of("Ⅲ-1-1)") == "changed"
