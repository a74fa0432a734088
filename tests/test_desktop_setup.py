"""Set-up in the app, driven through the widgets: the new-workspace wizard (with a Word manual's
preview), groups and their assignments (ticked, or loaded from a CSV), accounts, password change."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.groups_dialog import LEAD, SUPPORT, GroupsDialog
from desktop.main_window import MainWindow
from desktop.setup_wizard import ManualDialog, SetupWizard
from desktop.start_dialog import StartDialog
from desktop.users_dialog import NewUserDialog, PasswordDialog, UsersDialog
from review.assessment.overview import workspace_status
from review.workspace.accounts import create_first_admin, create_user, list_users, login
from review.workspace.groups import summaries
from tests.desktop_helpers import add_groups, dialogs_fixture, pool_fixture, settings_sandbox_fixture  # noqa: F401
from tests.test_manual_docx_import import STANDARD_HEADER, table_docx

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def groups_of(workspace):
    with workspace.session() as session:
        return {g.code: g for g in summaries(session)}


def test_the_wizard_creates_a_workspace_with_city_window_and_a_word_manual(qtbot, pool, tmp_path: Path):
    manual = table_docx(tmp_path / "操作手册.docx", [
        STANDARD_HEADER,
        ["Ⅰ-1 公共文明", "Ⅱ-1 志愿服务", "Ⅲ-1 志愿服务制度", "制定志愿服务工作方案", "材料审核", "工作方案"],
        ["", "", "", "", "材料审核", "台账"],  # no standard: listed as not read
    ])
    wizard = SetupWizard(pool)
    qtbot.addWidget(wizard)
    wizard.show()
    (tmp_path / "有文件").mkdir()
    (tmp_path / "有文件" / "旧.txt").write_text("x", encoding="utf-8")
    wizard.place.folder.setText(str(tmp_path / "有文件"))
    wizard.place.city.setText("南江市")
    wizard.place.year.setValue(2027)
    wizard.next()
    assert wizard.currentPage() is wizard.place and "不是空的" in wizard.place.message.text()
    wizard.place.folder.setText(str(tmp_path / "南江"))
    wizard.next()
    assert wizard.currentPage() is wizard.window_page
    wizard.window_page.start.setDate(QDate(2027, 9, 1))
    wizard.window_page.explicit.setChecked(True)
    wizard.window_page.begin.setDate(QDate(2026, 9, 1))
    wizard.window_page.end.setDate(QDate(2026, 6, 30))  # before the beginning: refused while typing
    assert not wizard.window_page.isComplete() and "晚于" in wizard.window_page.result.text()
    wizard.window_page.end.setDate(QDate(2027, 8, 31))
    assert wizard.window_page.result.text() == "2026年09月01日至2027年08月31日"
    wizard.next()
    page = wizard.manual
    assert page.isComplete()  # the sample manual needs nothing more
    page.preview(str(manual))
    assert not page.isComplete()  # until the Word file has been read
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert "1 条测评标准" in page.summary.text() and "1 行未能读取" in page.summary.text()
    assert page.tree.topLevelItem(0).text(0) == "Ⅰ-1 公共文明"
    assert "第1张表第3行" in page.skipped.item(1).text()

    start = StartDialog(pool)
    qtbot.addWidget(start)
    with qtbot.waitSignal(start.accepted, timeout=20_000):
        start.create(wizard.folder(), wizard.settings(), wizard.manual_spec())
    workspace = start.opened.workspace
    try:
        settings = workspace.settings()
        assert (settings.city, settings.year, settings.start_date) == ("南江市", 2027, date(2027, 9, 1))
        assert settings.date_window().begin == date(2026, 9, 1) and settings.date_window().end == date(2027, 8, 31)
        assert workspace_status(workspace)["manual"]["standards"] == 1
    finally:
        workspace.close()


def test_groups_are_added_renamed_given_a_leader_and_assigned_by_ticking(qtbot, pool, workspace, monkeypatch):
    create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    office = login(workspace, "文明办", "office-pass")
    dialog = GroupsDialog(workspace, office, pool)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=5000)
    assert "还没有工作组" in dialog.tree_label.text()
    dialog.add_group("XC", "宣传组")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    dialog.add_group("XC", "重复组")
    qtbot.waitUntil(lambda: "已存在" in dialog.status.text(), timeout=5000)
    dialog.rename_group("XC", "宣传文明组")
    qtbot.waitUntil(lambda: dialog.table.item(0, 0).text() == "宣传文明组（XC）", timeout=5000)

    member = NewUserDialog(workspace, office, pool, [("XC", "宣传文明组")], "leader", "XC", dialog)
    qtbot.addWidget(member)
    member.name.setText("张组长")
    member.password.setText("leader-pass")
    member.again.setText("leader-pasX")
    member.save()
    assert "不一致" in member.message.text()
    member.again.setText("leader-pass")
    with qtbot.waitSignal(member.accepted, timeout=10_000):
        member.save()
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.table.item(0, 1).text() == "张组长", timeout=5000)

    tree = dialog.tree
    assert not dialog.save_button.isEnabled()
    tree.tick("Ⅲ-1", "lead")
    assert not tree.rows["Ⅲ-1-1)"].flags() & Qt.ItemFlag.ItemIsEnabled  # goes with its 测评内容
    tree.tick("Ⅲ-3-1)", "lead")
    tree.tick("Ⅲ-3-1)", "support")  # one role per item: 配合 replaces 牵头
    assert tree.rows["Ⅲ-3-1)"].checkState(LEAD) == Qt.CheckState.Unchecked
    assert tree.rows["Ⅲ-3-1)"].checkState(SUPPORT) == Qt.CheckState.Checked
    assert dialog.save_button.isEnabled()
    dialog.save_assignments()
    qtbot.waitUntil(lambda: "已保存 XC 的分工" in dialog.status.text(), timeout=5000)
    group = groups_of(workspace)["XC"]
    assert (group.name, group.leaders, group.lead_items, group.support_items) == (
        "宣传文明组", ["张组长"], ["Ⅲ-1"], ["Ⅲ-3-1)"])

    qtbot.waitUntil(lambda: not dialog.save_button.isEnabled(), timeout=5000)
    tree.tick("Ⅲ-3-1)", None)
    dialog.save_assignments()
    qtbot.waitUntil(lambda: "取消 1 个" in dialog.status.text(), timeout=5000)
    assert groups_of(workspace)["XC"].support_items == []
    assert dialog.changed


def test_assignments_load_from_a_csv_and_a_leader_may_not_edit_them(qtbot, pool, workspace, tmp_path: Path):
    csv = tmp_path / "分工.csv"
    csv.write_bytes("编号,名称,牵头,配合\nXC,宣传组,Ⅲ-1,Ⅲ-3-1)\nCG,城管组,Ⅲ-3,\n".encode("gb18030"))  # Excel on Windows
    create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    office = login(workspace, "文明办", "office-pass")
    dialog = GroupsDialog(workspace, office, pool)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=5000)
    dialog.load_file(csv)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
    assert "载入 2 个工作组" in dialog.status.text()
    dialog.select_group("XC")
    assert dialog.tree.role_of("Ⅲ-1") == "lead" and dialog.tree.role_of("Ⅲ-3-1)") == "support"
    assert "城管组（牵头）" in dialog.tree.rows["Ⅲ-3"].text(3)  # who else owns what

    create_user(workspace, office, "张组长", "leader", "leader-pass", "XC")
    leader = login(workspace, "张组长", "leader-pass")
    window = MainWindow(workspace, leader, pool)
    qtbot.addWidget(window)
    assert not window.admin_menu.groups.isEnabled() and "只有文明办" in window.admin_menu.groups.toolTip()
    refused = GroupsDialog(workspace, leader, pool)
    qtbot.addWidget(refused)
    qtbot.waitUntil(lambda: refused.data is not None, timeout=5000)
    assert not refused.add_button.isEnabled() and not refused.load_button.isEnabled()
    refused.load_file(csv)  # even if asked: the service refuses
    qtbot.waitUntil(lambda: "无权管理工作组" in refused.status.text(), timeout=5000)


def test_the_office_adds_an_account_a_leader_is_refused(qtbot, pool, workspace):
    add_groups(workspace)
    create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    office = login(workspace, "文明办", "office-pass")
    users = UsersDialog(workspace, office, pool)
    qtbot.addWidget(users)
    qtbot.waitUntil(lambda: users.table.rowCount() == 1 and bool(users.groups), timeout=5000)
    assert users.add_button.isEnabled()
    new = NewUserDialog(workspace, office, pool, users.groups, parent=users)
    qtbot.addWidget(new)
    new.name.setText("王材料")
    new.role.setCurrentIndex(new.role.findData("clerk"))
    new.group.setCurrentIndex(new.group.findData("CG"))
    new.password.setText("123")
    new.again.setText("123")
    new.save()
    qtbot.waitUntil(lambda: "密码太短" in new.message.text(), timeout=10_000)
    new.password.setText("clerk-pass")
    new.again.setText("clerk-pass")
    with qtbot.waitSignal(new.accepted, timeout=10_000):
        new.save()
    users.reload()
    qtbot.waitUntil(lambda: users.table.rowCount() == 2, timeout=5000)
    assert {(u["name"], u["role"], u["group"]) for u in list_users(workspace)} >= {("王材料", "clerk", "CG")}

    clerk = login(workspace, "王材料", "clerk-pass")
    theirs = UsersDialog(workspace, clerk, pool)
    qtbot.addWidget(theirs)
    assert not theirs.add_button.isEnabled() and "只有文明办账户可以新建账户" in theirs.note.text()
    forced = NewUserDialog(workspace, clerk, pool, users.groups, parent=theirs)
    qtbot.addWidget(forced)
    forced.name.setText("李四")
    forced.password.setText("other-pass")
    forced.again.setText("other-pass")
    forced.save()
    qtbot.waitUntil(lambda: "无权管理账户" in forced.message.text(), timeout=10_000)
    assert "李四" not in {u["name"] for u in list_users(workspace)}


def test_the_first_account_of_a_workspace_must_be_the_office(qtbot, pool, workspace):
    from review.workspace.permissions import LOCAL_USER

    new = NewUserDialog(workspace, LOCAL_USER, pool, [])
    qtbot.addWidget(new)
    assert [new.role.itemData(i) for i in range(new.role.count())] == ["office"]
    assert not new.group.isEnabled()


def test_a_leader_changes_the_password_and_still_signs_with_the_same_key(qtbot, pool, workspace):
    from review.signing.keys import ensure_key, key_of, unlock
    from review.workspace.db.models import User

    add_groups(workspace)
    create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    create_user(workspace, login(workspace, "文明办", "office-pass"), "张组长", "leader", "leader-pass", "XC")
    leader = login(workspace, "张组长", "leader-pass")
    with workspace.session() as session:
        user = session.query(User).filter_by(name="张组长").one()
        fingerprint = ensure_key(session, user, "leader-pass").fingerprint
    dialog = PasswordDialog(workspace, leader, pool)
    qtbot.addWidget(dialog)
    dialog.old.setText("wrong-pass")
    dialog.new.setText("new-leader-pass")
    dialog.again.setText("new-leader-pass")
    dialog.save()
    qtbot.waitUntil(lambda: "原密码不正确" in dialog.message.text(), timeout=10_000)
    dialog.old.setText("leader-pass")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert login(workspace, "张组长", "new-leader-pass").role == "leader"
    with workspace.session() as session:
        key = key_of(session, session.query(User).filter_by(name="张组长").one())
        assert key.fingerprint == fingerprint
        unlock(key, "new-leader-pass", "张组长")  # the signing key opens with the new password


def test_a_manual_is_loaded_into_an_open_workspace(qtbot, pool, workspace, tmp_path: Path):
    from review.workspace.permissions import LOCAL_USER

    dialog = ManualDialog(workspace, LOCAL_USER, pool)
    qtbot.addWidget(dialog)
    assert dialog.page.isComplete()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "内置示例" in dialog.summary and workspace_status(workspace)["manual"]["standards"] > 5


def test_the_office_changes_an_accounts_role_and_group(qtbot, pool, workspace, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from desktop.users_dialog import EditUserDialog

    add_groups(workspace)
    create_first_admin(workspace, "文明办", ask=lambda _prompt: "office-pass")
    office = login(workspace, "文明办", "office-pass")
    create_user(workspace, office, "王材料", "clerk", "clerk-pass", "XC")
    users = UsersDialog(workspace, office, pool)
    qtbot.addWidget(users)
    qtbot.waitUntil(lambda: users.table.rowCount() == 2 and bool(users.groups), timeout=5000)
    assert not users.edit_button.isEnabled()  # nothing selected yet
    row = next(r for r in range(2) if users.table.item(r, 0).text() == "王材料")
    users.table.selectRow(row)
    assert users.edit_button.isEnabled()

    opened: list[EditUserDialog] = []

    def choose_leader_of_cg(dialog: EditUserDialog) -> int:
        opened.append(dialog)
        assert dialog.fields.role.currentData() == "clerk" and dialog.fields.group.currentData() == "XC"
        dialog.fields.role.setCurrentIndex(dialog.fields.role.findData("leader"))
        dialog.fields.group.setCurrentIndex(dialog.fields.group.findData("CG"))
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.save()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(EditUserDialog, "exec", choose_leader_of_cg)
    users.edit_button.click()
    assert opened
    qtbot.waitUntil(lambda: any(users.table.item(r, 1).text() == "组长" and "CG" in users.table.item(r, 2).text()
                                for r in range(users.table.rowCount())), timeout=5000)
    member = login(workspace, "王材料", "clerk-pass")  # the password is unchanged
    assert (member.role, member.group_code) == ("leader", "CG")

    # the only office account cannot be made a leader: nobody could manage the workspace any more
    last = EditUserDialog(workspace, office, pool, users.groups, "文明办", "office", None, users)
    qtbot.addWidget(last)
    last.fields.role.setCurrentIndex(last.fields.role.findData("leader"))
    last.save()
    qtbot.waitUntil(lambda: "唯一的文明办账户" in last.message.text(), timeout=10_000)
    assert login(workspace, "文明办", "office-pass").role == "office"

    # a leader sees the list but cannot change it, even if the dialog were opened
    theirs = UsersDialog(workspace, member, pool)
    qtbot.addWidget(theirs)
    qtbot.waitUntil(lambda: theirs.table.rowCount() == 2, timeout=5000)
    theirs.table.selectRow(0)
    assert not theirs.edit_button.isEnabled() and not theirs.edit_user()
    forced = EditUserDialog(workspace, member, pool, users.groups, "王材料", "leader", "CG", theirs)
    qtbot.addWidget(forced)
    forced.fields.role.setCurrentIndex(forced.fields.role.findData("office"))
    forced.save()
    qtbot.waitUntil(lambda: "无权管理账户" in forced.message.text(), timeout=10_000)
    assert login(workspace, "王材料", "clerk-pass").role == "leader"
