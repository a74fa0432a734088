"""The hand-over through the app's widgets: the leader exports the public key and the signed package
to a USB folder; the office registers the key, imports the package (a tampered copy is refused with
its reason), sees the group signed on the dashboard, exports the final submission after its rules
are checked, and writes the reports that then open in Word/WPS."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox

from desktop.main_window import MainWindow
from desktop.office_actions import KeyConfirmDialog
from desktop.package_import_dialog import PackageImportDialog
from desktop.reports_dialog import ReportsDialog
from desktop.submission_dialog import SubmissionDialog
from review.assessment.approval import decide
from review.handover.signoff import sign_off
from review.workspace.accounts import login
from tests.desktop_helpers import dialogs_fixture, pool_fixture, settings_sandbox_fixture  # noqa: F401
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, rewrite_file
from tests.submission_helpers import (
    CG_PDF,
    XC_PLAN,
    XC_REPORT,
    build_city,
    pdf_bytes,
    real_file,
    waive_must_fix,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_window(qtbot, workspace, actor, pool) -> MainWindow:
    window = MainWindow(workspace, actor, pool)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.group_box.count() > 0, timeout=5000)
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.fixture
def leader_pc(tmp_path: Path):
    """宣传组's PC: two real files, approved and signed by 张组长."""
    workspace = make_workspace(tmp_path / "xc-pc")
    add_file(workspace, "XC", XC_PLAN, pdf_bytes(["宣传组2026年理论学习计划。"]), ["Ⅲ-1-1)"])
    add_file(workspace, "XC", XC_REPORT, real_file(XC_REPORT, "专题学习情况说明。北湖市委宣传部".encode()), ["Ⅲ-1-2)"])
    zhang = login(workspace, "张组长", PASSWORDS["张组长"])
    waive_must_fix(workspace, zhang, "XC")
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(workspace, zhang, "XC", code, "approve")
    sign_off(workspace, zhang, PASSWORDS["张组长"], "XC")
    yield workspace, zhang
    workspace.close()


def tampered_copy(package: Path, out: Path) -> Path:
    """The same package with one byte of one signed file changed (same size: only the hash tells)."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == f"files/{XC_PLAN}":
                data = data[:-10] + bytes([data[-10] ^ 1]) + data[-9:]
            target.writestr(info, data)
    return out


def test_leader_exports_key_and_package_office_registers_imports_and_sees_the_group_signed(
        qtbot, pool, dialogs, leader_pc, tmp_path, monkeypatch):
    leader_ws, zhang = leader_pc
    usb = tmp_path / "usb"
    usb.mkdir()
    key_path = usb / "张组长的公钥.json"

    window = open_window(qtbot, leader_ws, zhang, pool)
    assert "报送(&S)" in menu_titles(window) and "汇总报送(&S)" not in menu_titles(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(key_path), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSWORDS["张组长"], True))
    window.handover.act_export_key.trigger()
    qtbot.waitUntil(lambda: any("公钥指纹" in text for text in dialogs), timeout=10_000)
    assert key_path.is_file()
    fingerprint_shown = next(t for t in dialogs if "公钥指纹" in t).split("公钥指纹：\n")[1].split("\n")[0]

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))
    window.handover.act_export_package.trigger()
    qtbot.waitUntil(lambda: any("已导出工作组 XC 的材料包" in text for text in dialogs), timeout=20_000)
    [package] = usb.glob("*.mrpkg")
    assert package.name == "XC-宣传组-第1版.mrpkg"
    window.close()

    office_ws = make_workspace(tmp_path / "office")
    office = login(office_ws, "文明办", PASSWORDS["文明办"])
    try:
        window = open_window(qtbot, office_ws, office, pool)
        assert "汇总报送(&S)" in menu_titles(window) and "报送(&S)" not in menu_titles(window)
        assert window.pages.currentWidget() is window.dashboard  # the office's home
        confirmed: list[str] = []

        def confirm(dialog: KeyConfirmDialog) -> int:
            confirmed.append(dialog.fingerprint.text())
            return QDialog.DialogCode.Accepted.value

        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(key_path), ""))
        monkeypatch.setattr(KeyConfirmDialog, "exec", confirm)
        window.handover.act_register_key.trigger()
        qtbot.waitUntil(lambda: "已登记 XC 组长“张组长”的公钥" in window.statusBar().currentMessage(), timeout=10_000)
        assert confirmed == [fingerprint_shown]  # the fingerprint read out on the phone is the one shown

        bad = tampered_copy(package, usb / "XC-改过.mrpkg")
        dialog = PackageImportDialog(office_ws, office, pool, window)
        qtbot.addWidget(dialog)
        imported = []
        dialog.imported.connect(lambda: imported.append(True))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(bad), str(package)], ""))
        dialog.choose_files.click()
        qtbot.waitUntil(lambda: "共 2 个材料包" in dialog.summary.text(), timeout=30_000)
        (bad_name, bad_result, bad_reason), (good_name, good_result, good_detail) = dialog.results()
        assert (bad_name, bad_result) == ("XC-改过.mrpkg", "被拒绝")
        assert f"{XC_PLAN} 与签字时的内容不符" in bad_reason
        assert (good_name, good_result) == (package.name, "已接收") and "第 1 版签字，组长 张组长" in good_detail
        assert "已接收 1 个，被拒绝 1 个" in dialog.summary.text() and imported == [True]

        window.show_dashboard()
        qtbot.waitUntil(lambda: window.dashboard.figures().get("XC", {}).get("签字") == "有效", timeout=10_000)
        assert window.dashboard.figures()["XC"]["材料包"].startswith("第 1 版")
        with qtbot.waitSignal(window.dashboard.group_activated):
            window.dashboard.table.cellDoubleClicked.emit(1, 0)  # the rows are sorted by code: CG, XC
        qtbot.waitUntil(lambda: window.desk is not None and window.desk.group_code == "XC", timeout=10_000)
        assert "（只读）" in window.group_label.text()
        assert window.desk.state is not None and window.desk.state.source == "package"
    finally:
        office_ws.close()


def test_submission_lists_what_blocks_it_then_exports_without_the_stale_group(qtbot, pool, tmp_path, monkeypatch):
    city = build_city(tmp_path)
    try:
        rewrite_file(city.office, "CG", CG_PDF, pdf_bytes(["改过的会议纪要"]))  # CG's signature is now stale
        office = login(city.office, "文明办", PASSWORDS["文明办"])
        dialog = SubmissionDialog(city.office, office, pool)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.check is not None, timeout=20_000)
        assert dialog.blockers() == ["✗ 工作组 CG 城管组：已失效。请组长审核并签字，或导入该组最新的材料包。"]
        assert "有 1 个问题" in dialog.verdict.text()
        target = tmp_path / "提交"
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(target))
        dialog.pick_folder()
        assert not dialog.export_button.isEnabled()

        dialog.allow_stale.setChecked(True)  # leave 城管组 out, as the check offers
        qtbot.waitUntil(lambda: dialog.check is not None and dialog.check.ready, timeout=20_000)
        assert "检查通过" in dialog.verdict.text() and dialog.blockers() == []
        assert any(dialog.problems.item(i).text().startswith("不纳入：工作组 CG 城管组") for i in range(dialog.problems.count()))
        dialog.zip.setChecked(True)
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        out = target / "最终申报材料"
        assert (out / "申报材料清单.docx").is_file() and (target / "最终申报材料.zip").is_file()
        assert dialog.report.groups == ["XC"] and "已导出最终申报材料" in dialog.verdict.text()
        assert not dialog.open_button.isHidden()  # 打开文件夹 is offered
    finally:
        city.close()


def test_reports_are_written_to_the_chosen_folder_and_opened(qtbot, pool, tmp_path, monkeypatch, dialogs):
    city = build_city(tmp_path)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    try:
        office = login(city.office, "文明办", PASSWORDS["文明办"])
        dialog = ReportsDialog(city.office, office, pool)
        qtbot.addWidget(dialog)
        folder = tmp_path / "报表"
        dialog.folder.setText(str(folder))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: len(dialog.written) == 3, timeout=30_000)
        names = ["申报材料清单.docx", "审核签字表.docx", "问题清单.docx"]
        assert sorted(p.name for p in folder.iterdir()) == sorted(names)
        assert [Path(url.toLocalFile()).name for url in opened] == names

        # again: the user is asked before the files are overwritten, and saying no writes nothing
        monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
        dialog.written = []
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.written == [] and not dialog.runner.busy and len(opened) == 3
    finally:
        city.close()


def test_a_package_opened_with_the_program_is_verified_and_imported_for_the_office(
        qtbot, qapp, pool, dialogs, leader_pc, tmp_path, monkeypatch):
    """`materials-review gui XC.mrpkg` (a double-click on the package): the office opens its workspace
    and the import dialog starts on that package; a leader is told that the office imports packages."""
    from desktop.app import AppController
    from desktop.entry import main
    from desktop.login_dialog import LoginDialog
    from desktop.start_dialog import StartDialog
    from review.handover.package import export_package
    from review.signing.keys import KeyFile, register_key
    from review.workspace.db.models import SigningKey

    leader_ws, zhang = leader_pc
    package = export_package(leader_ws, zhang, "XC", tmp_path / "usb" / "XC-宣传组-第1版.mrpkg")
    with leader_ws.session() as session:
        key = session.query(SigningKey).one()
        key_file = KeyFile("张组长", "XC", key.fingerprint, key.public_key)

    started: list[tuple[object, object]] = []
    monkeypatch.setattr("desktop.app.run_app", lambda folder, package=None: started.append((folder, package)) or 0)
    with pytest.raises(SystemExit):
        main(["gui", str(package)])
    assert started == [(None, str(package))]  # the package is not taken for a workspace folder

    office_ws = make_workspace(tmp_path / "office")
    with office_ws.session() as session:
        register_key(session, key_file, "文明办")
    office_root = office_ws.root
    office_ws.close()

    def open_office(dialog: StartDialog) -> int:
        dialog.open_path(office_root)
        qtbot.waitUntil(lambda: dialog.opened is not None, timeout=10_000)
        return QDialog.DialogCode.Accepted

    def log_in_as_office(dialog: LoginDialog) -> int:
        dialog.actor = login(dialog.workspace, "文明办", PASSWORDS["文明办"])
        return QDialog.DialogCode.Accepted

    shown: list[PackageImportDialog] = []

    def watch(dialog: PackageImportDialog) -> int:
        shown.append(dialog)
        qtbot.waitUntil(lambda: "共 1 个材料包" in dialog.summary.text(), timeout=30_000)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(StartDialog, "exec", open_office)
    monkeypatch.setattr(LoginDialog, "exec", log_in_as_office)
    monkeypatch.setattr(PackageImportDialog, "exec", watch)
    controller = AppController(qapp)
    try:
        assert controller.choose(package=package)
        window = controller.window
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert shown[0].results()[0][:2] == (package.name, "已接收")
        window.show_dashboard()
        qtbot.waitUntil(lambda: window.dashboard.figures().get("XC", {}).get("签字") == "有效", timeout=10_000)
        window.close()
    finally:
        controller.pool.wait()
        if controller.workspace is not None:
            controller.workspace.close()

    leader_window = open_window(qtbot, leader_ws, zhang, pool)
    leader_window.handover.offer_package(package)
    assert len(shown) == 1 and any("由文明办核验和导入" in text for text in dialogs)
