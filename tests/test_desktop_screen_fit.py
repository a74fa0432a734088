"""1366×768 at 150 % leaves 911×512 logical pixels: the desk stays usable there (several findings in
sight, the tree's codes whole with the titles in tooltips, no squeezed button) and every dialog,
buttons included, fits on that screen."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QWidget

from desktop.main_window import MainWindow
from desktop.manual_tree import CODE_ROLE
from desktop.screen_fit import MARGIN_H, MARGIN_W, fit_main_window, han_width
from review.workspace.permissions import LOCAL_USER, Actor
from tests.desktop_helpers import (  # noqa: F401 - fixtures
    OFFICIAL_PLAN,
    add_groups,
    add_material,
    dialogs_fixture,
    pool_fixture,
    settings_sandbox_fixture,
    write_pages,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox", "small_screen"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]
SMALL = QRect(0, 0, 911, 512)


@pytest.fixture
def small_screen(monkeypatch):
    """Every size the program takes from the screen says 911×512."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(SMALL))


def fits(widget: QWidget, title_bar: bool = False) -> None:
    """Inside the screen; a dialog also leaves room for its title bar and the task bar, which the
    offscreen test platform does not draw."""
    frame = QRect(widget.pos(), widget.size()) if title_bar else widget.frameGeometry()
    room_w, room_h = (SMALL.width() - MARGIN_W, SMALL.height() - MARGIN_H) if title_bar else (SMALL.width(), SMALL.height())
    assert frame.width() <= room_w and frame.height() <= room_h, (type(widget).__name__, frame)
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and isinstance(button.parent(), QDialogButtonBox):
            place = QRect(button.mapTo(widget, button.rect().topLeft()), button.size())
            assert widget.rect().contains(place), (type(widget).__name__, button.text(), place, widget.rect())


def test_the_desk_at_150_percent_shows_three_findings_whole_codes_and_unsqueezed_buttons(
        qtbot, workspace, pool, tmp_path: Path):
    add_groups(workspace)
    pdf = write_pages(tmp_path / "方案.pdf", [OFFICIAL_PLAN, "本项工作由XX同志负责落实。", "学习借鉴南京市的经验做法。",
                                              "联系人手机13812345678"])
    add_material(workspace, "XC", pdf, "Ⅲ-1-1)")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    fit_main_window(window)  # what the program does with a window restored from a bigger screen
    window.open_group("XC")
    view = window.standard_pane
    qtbot.waitUntil(lambda: view.findings.rowCount() >= 3, timeout=10_000)
    view.next_finding()  # one finding selected, as while reviewing
    qtbot.wait(100)
    fits(window)

    table = view.findings
    third = table.rowViewportPosition(2) + table.rowHeight(2)
    assert 0 < third <= table.viewport().height(), (third, table.viewport().height())
    assert table.columnWidth(0) >= han_width(table.fontMetrics(), 10)  # ten characters a line

    tree = window.tree.view
    index = window.tree.proxy.match(window.tree.proxy.index(0, 0), CODE_ROLE, "Ⅲ-1-1)", 1,
                                    Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    text_room = tree.visualRect(index).width() - tree.iconSize().width()
    title = window.desk.manual.standard("Ⅲ-1-1)").title
    assert text_room >= tree.fontMetrics().horizontalAdvance("Ⅲ-1-1) " + "字" * 4)  # the code and a start of the title
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Ⅲ-1-1) {title}") and "有问题" in tip

    preview = window.preview
    qtbot.waitUntil(lambda: preview.request is not None, timeout=5000)
    for button in (preview.fit_button, preview.open_button):
        assert button.width() >= button.sizeHint().width(), button.text()


def test_every_dialog_fits_a_911x512_screen_with_its_buttons(qtbot, workspace, pool, tmp_path: Path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.desk_data import load_group_desk
    from desktop.groups_dialog import GroupsDialog
    from desktop.login_dialog import LoginDialog
    from desktop.office_actions import KeyConfirmDialog, KeyToRegister
    from desktop.package_import_dialog import PackageImportDialog
    from desktop.reason_dialog import ReasonDialog
    from desktop.reports_dialog import ReportsDialog
    from desktop.setup_wizard import ManualDialog, SetupWizard
    from desktop.signoff_dialog import SignoffChangesDialog, SignoffDialog
    from desktop.start_dialog import StartDialog
    from desktop.submission_dialog import SubmissionDialog
    from desktop.users_dialog import EditUserDialog, NewUserDialog, PasswordDialog, UsersDialog
    from review.signing.keys import KeyFile, fingerprint, public_pem

    add_groups(workspace)
    office, leader = Actor("李华", "office"), Actor("张明", "leader", "XC")
    groups = [("XC", "宣传组"), ("CG", "城管组")]
    desk = load_group_desk(workspace, "XC", LOCAL_USER)
    public = Ed25519PrivateKey.generate().public_key()
    key = KeyFile("张组长", "XC", fingerprint(public), public_pem(public), "宣传组")
    long_finding = "材料数量或种类不足：" + "Ⅲ-1-1) 制定年度理论学习计划及实施方案，明确学习专题和时间安排" * 4
    dialogs: list[QDialog] = [
        StartDialog(pool), LoginDialog(workspace, pool), SetupWizard(pool), ManualDialog(workspace, office, pool),
        GroupsDialog(workspace, office, pool), UsersDialog(workspace, office, pool),
        NewUserDialog(workspace, office, pool, groups), EditUserDialog(workspace, office, pool, groups, "王", "clerk", "XC"),
        PasswordDialog(workspace, leader, pool), PackageImportDialog(workspace, office, pool),
        SubmissionDialog(workspace, office, pool), ReportsDialog(workspace, office, pool),
        SignoffDialog(workspace, LOCAL_USER, desk, pool), SignoffChangesDialog(desk.signoff),
        KeyConfirmDialog(KeyToRegister(tmp_path / "张组长的公钥.json", key, group_exists=False)),
        ReasonDialog("豁免问题", f"豁免“{long_finding}”的理由（会记录在签字材料中，文明办可见）："),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    qtbot.wait(300)  # their first look-ups fill them
    for dialog in dialogs:
        fits(dialog, title_bar=True)
