"""Main window: geometry and splitters remembered; the review loop by keyboard; read-only drill-down."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.reason_dialog import ReasonDialog
from review.workspace.permissions import LOCAL_USER, Actor
from tests.desktop_helpers import (  # noqa: F401
    OFFICIAL_PLAN,
    add_groups,
    add_material,
    dialogs_fixture,
    pool_fixture,
    settings_sandbox_fixture,
    write_pages,
    write_pdf,
)

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_window(qtbot, workspace, pool, actor=LOCAL_USER) -> MainWindow:
    window = MainWindow(workspace, actor, pool)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.group_box.count() > 0, timeout=5000)
    return window


def test_geometry_and_splitters_are_restored(qtbot, workspace, pool):
    add_groups(workspace)
    window = open_window(qtbot, workspace, pool)
    window.resize(760, 540)  # restoreGeometry keeps a window on screen; the offscreen screen is 800×600
    window.pages.setCurrentWidget(window.desk_splitter)
    qtbot.waitUntil(lambda: window.desk_splitter.width() > 700, timeout=5000)
    window.desk_splitter.setSizes([200, 300, 250])
    sizes = window.desk_splitter.sizes()
    window.close()

    again = open_window(qtbot, workspace, pool)
    assert (again.size().width(), again.size().height()) == (760, 540)
    again.pages.setCurrentWidget(again.desk_splitter)
    qtbot.waitUntil(lambda: again.desk_splitter.sizes() == sizes, timeout=5000)
    again.close()


def test_review_loop_by_keyboard(qtbot, workspace, pool, dialogs, tmp_path: Path, monkeypatch):
    add_groups(workspace)
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    add_material(workspace, "XC", write_pdf(tmp_path / "图片说明.pdf"), "Ⅲ-1-2)")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    qtbot.waitUntil(lambda: window.standard_pane.details is not None, timeout=5000)
    assert window.standard_pane.materials.rowCount() == 1
    qtbot.waitUntil(lambda: window.preview.request is not None and window.preview.page_count == 2, timeout=5000)
    assert window.tree.state_of("Ⅲ-1-1)") == "pending"

    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 通过, then the next item
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") == "ok", timeout=5000)
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-2)", timeout=5000)

    monkeypatch.setattr(ReasonDialog, "ask", lambda *a, **k: "照片缺少文字说明，请补充。")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # 退回 with a comment
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-2)") == "problem", timeout=5000)
    qtbot.waitUntil(lambda: window.standard_pane.history.rowCount() == 1, timeout=5000)
    assert window.standard_pane.history.item(0, 3).text() == "照片缺少文字说明，请补充。"

    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # previous item
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    qtbot.waitUntil(lambda: window.standard_pane.history.rowCount() == 1
                    and window.standard_pane.history.item(0, 2).text() == "通过", timeout=5000)
    assert dialogs == []


def test_return_without_comment_is_refused(qtbot, workspace, pool, dialogs, tmp_path: Path, monkeypatch):
    add_groups(workspace)
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    monkeypatch.setattr(ReasonDialog, "ask", lambda *a, **k: "  ")
    window.act_return.trigger()
    assert dialogs and "必须写明原因" in dialogs[0] and "Ⅲ-1-1)" in dialogs[0]


def test_leader_of_another_group_sees_it_read_only(qtbot, workspace, pool):
    add_groups(workspace)
    window = open_window(qtbot, workspace, pool, Actor("赵主任", "office", None))
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    assert not window.act_approve.isEnabled() and not window.act_return.isEnabled()
    assert not window.act_scan.isEnabled()
    assert "只读" in window.group_label.text()


def test_scan_from_the_window_maps_files_by_their_names(qtbot, workspace, pool, dialogs, tmp_path: Path):
    add_groups(workspace)
    folder = tmp_path / "宣传组材料"
    folder.mkdir()
    write_pdf(folder / "Ⅲ-1-1) 志愿服务工作方案.pdf")
    write_pdf(folder / "Ⅲ-1-2) 活动图片说明.pdf")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)", timeout=5000)
    assert window.tree.state_of("Ⅲ-1-1)") == "missing"
    from review.intake.scan import scan

    window.start_scan("XC", [folder], scan)
    assert window.runner.busy and not window.runner.isHidden()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    # mapped by name, then checked by the scan: 待审核, or 有问题 when a check found something
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-2)") in ("pending", "problem"), timeout=5000)
    assert window.tree.state_of("Ⅲ-1-1)") in ("pending", "problem")
    assert "共 2 个文件" in window.statusBar().currentMessage()
    assert dialogs == []


def test_review_shortcuts_are_unambiguous(qtbot, workspace, pool):
    from PySide6.QtGui import QAction, QKeySequence

    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    keys = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts() if not s.isEmpty()]
    assert len(keys) == len(set(keys)), keys
    expected = {"Alt+Down": window.act_next, "Alt+Up": window.act_previous, "Ctrl+Return": window.act_approve,
                "Ctrl+R": window.act_return, "F8": window.act_next_finding, "F5": window.act_refresh}
    for key, action in expected.items():
        assert action.shortcut() == QKeySequence(key)


def test_the_desk_refuses_to_approve_a_standard_with_an_open_must_fix(qtbot, workspace, pool, dialogs,
                                                                      tmp_path: Path):
    add_groups(workspace)
    # a 正式发文 with an unmasked mobile number: 必须修改
    plan = write_pdf(tmp_path / "方案.pdf", text=f"{OFFICIAL_PLAN} 联系手机13812345678")
    add_material(workspace, "XC", plan, "Ⅲ-1-1)")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)" and window.desk is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") == "problem", timeout=5000)
    assert not window.act_approve.isEnabled()
    assert "手机号未打码" in window.act_approve.toolTip()
    window.decide("approve")  # even if called, the service refuses and says why
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=10_000)
    assert "不能审核通过" in dialogs[0] and "手机号未打码" in dialogs[0]
    assert window.tree.state_of("Ⅲ-1-1)") == "problem"


def test_a_decision_refreshes_its_standard_without_reloading_the_group(qtbot, workspace, pool, tmp_path: Path,
                                                                       monkeypatch):
    import desktop.main_window as main_window

    add_groups(workspace)
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)" and window.desk is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") == "pending", timeout=5000)
    loads = []
    real = main_window.load_group_desk
    monkeypatch.setattr(main_window, "load_group_desk", lambda *a, **k: loads.append(a) or real(*a, **k))
    window.decide("approve")
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") == "ok", timeout=10_000)
    assert loads == []  # the decision said what it changed: one standard, not the group's files
    assert window.desk.state.standard("Ⅲ-1-1)").status == "approved"


def test_the_window_fits_a_1366x768_screen_at_150_percent(qtbot, workspace, pool, tmp_path: Path):
    """1366×768 at 150 % leaves 911×512 logical pixels: the desk, with a finding, fits in them."""
    from PySide6.QtCore import QRect

    from desktop.screen_fit import fit_main_window

    add_groups(workspace)
    add_material(workspace, "XC", write_pages(tmp_path / "方案.pdf", [OFFICIAL_PLAN, "本项工作由XX同志负责落实。"]),
                 "Ⅲ-1-1)")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.standard_pane.findings.rowCount() > 0, timeout=10000)
    free = QRect(0, 0, 911, 512)
    window.resize(1280, 720)  # what a bigger screen left in the settings
    fit_main_window(window, free)
    qtbot.wait(50)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 911 and minimum.height() <= 512, minimum
    assert free.contains(window.frameGeometry()), window.frameGeometry()
    assert all(size > 100 for size in window.desk_splitter.sizes())  # every pane keeps a usable width


def test_a_scan_reads_by_ocr_only_the_chosen_folder_and_leaves_other_waiting_ocr_to_its_own_operation(
        qtbot, workspace, pool, dialogs, tmp_path: Path):
    from PIL import Image, ImageDraw

    from review.intake.scan import ocr_queue, scan

    add_groups(workspace)
    photos = tmp_path / "照片"
    photos.mkdir()
    photo = Image.new("RGB", (900, 600), (255, 255, 255))
    ImageDraw.Draw(photo).rectangle((100, 100, 800, 500), outline=(0, 0, 0), width=6)
    photo.save(photos / "Ⅲ-1-2) 活动照片.jpg")
    scan(workspace, LOCAL_USER, "XC", [photos], ocr=False, check=False)  # an earlier scan left it for OCR
    assert [Path(m.path).name for m in ocr_queue(workspace, "XC")] == ["Ⅲ-1-2) 活动照片.jpg"]
    chosen = tmp_path / "本次材料"
    chosen.mkdir()
    write_pdf(chosen / "Ⅲ-1-1) 志愿服务工作方案.pdf")

    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.desk is not None, timeout=5000)
    titles: list[str] = []
    window.start_scan("XC", [chosen], scan)
    qtbot.waitUntil(lambda: window.runner.title.text().startswith("文字识别"), timeout=60_000)
    titles.append(window.runner.title.text())
    scanned = window.statusBar().currentMessage()
    assert "共 1 个文件" in scanned and "另有 1 个以前扫描的文件等待文字识别" in scanned
    assert "文字识别 1 个；" not in scanned  # the scan itself did not read the photo
    assert window.runner.busy and not window.runner.isHidden()  # visible in the progress strip
    assert window.runner.cancel_button.isEnabled()  # and cancellable
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    assert titles == ["文字识别 本组以前扫描的 1 个文件"]
    assert dialogs == []


def test_an_approval_waits_for_the_groups_lock_and_says_so(qtbot, workspace, pool, dialogs, tmp_path: Path):
    """While the desk's re-check (or a scan) holds the group's lock, 通过 waits, shown in the progress
    strip, and is recorded once the lock is free, instead of being refused."""
    from review.workspace.locking import group_scope, operation_lock

    add_groups(workspace)
    add_material(workspace, "XC", write_pdf(tmp_path / "方案.pdf", text=OFFICIAL_PLAN), "Ⅲ-1-1)")
    window = open_window(qtbot, workspace, pool)
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() == "Ⅲ-1-1)" and window.desk is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") == "pending" and not window.pool.pool.activeThreadCount(),
                    timeout=10_000)
    with operation_lock(workspace, group_scope("XC"), "核对工作组 XC 的文件", "测试"):
        window.act_approve.trigger()
        qtbot.waitUntil(lambda: "另一个操作正在进行" in window.runner.current.toolTip(), timeout=5000)
        assert window.runner.busy and not window.runner.isHidden()
        assert "Ⅲ-1-1)" in window.runner.title.text()
        qtbot.wait(500)
        assert window.tree.state_of("Ⅲ-1-1)") == "pending"  # still waiting, nothing recorded yet
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") == "ok", timeout=10_000)
    assert dialogs == []
