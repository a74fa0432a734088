"""Map by drag and drop: a file from the unmapped list, and a new file from the file manager
(scanned first), dropped on a 测评标准 in the tree."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.main_window import MainWindow
from desktop.manual_tree import CODE_ROLE
from review.workspace.db.models import Mapping, Material
from review.workspace.groups import get_group
from review.workspace.permissions import LOCAL_USER
from tests.desktop_helpers import add_groups, pool_fixture, settings_sandbox_fixture, write_pdf  # noqa: F401

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def drop_on(window: MainWindow, code: str, mime: QMimeData) -> None:
    view = window.tree.view
    match = window.tree.proxy.match(window.tree.proxy.index(0, 0), CODE_ROLE, code, 1,
                                    Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    point = QPointF(view.visualRect(match).center())
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert event.isAccepted()


def unmapped_material(workspace, path: Path) -> None:
    with workspace.session() as session:
        group = get_group(session, "XC")
        session.add(Material(group_id=group.id, path=str(path), root=str(path.parent), rel_path=path.name,
                             size=path.stat().st_size, sha256="0" * 64, format="pdf", status="present"))


def mapped_codes(workspace, path: Path) -> list[str]:
    with workspace.session() as session:
        return [m.item_code for m in session.query(Mapping).join(Material).filter(Material.path == str(path))]


def test_drag_from_unmapped_list_onto_a_standard(qtbot, workspace, pool, tmp_path: Path):
    add_groups(workspace)
    loose = write_pdf(tmp_path / "待归类 学习计划.pdf")
    unmapped_material(workspace, loose)
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.unmapped.count() == 1, timeout=5000)
    assert "拖到" in window.unmapped.label.text()
    mime = window.unmapped.model.mimeData([window.unmapped.model.index(0)])
    assert [u.toLocalFile() for u in mime.urls()] == [str(loose)]
    drop_on(window, "Ⅲ-1-2)", mime)
    qtbot.waitUntil(lambda: window.unmapped.count() == 0, timeout=10_000)
    assert mapped_codes(workspace, loose) == ["Ⅲ-1-2)"]
    # no longer 缺失; still 有问题: one document where the standard asks for three pictures
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-2)") == "problem", timeout=5000)


def test_drop_a_new_file_from_the_file_manager_scans_then_maps_it(qtbot, workspace, pool, tmp_path: Path):
    add_groups(workspace)
    (tmp_path / "材料").mkdir()
    new = write_pdf(tmp_path / "材料" / "志愿服务工作方案.pdf")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() is not None, timeout=5000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(new))])
    drop_on(window, "Ⅲ-1-1)", mime)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert mapped_codes(workspace, new) == ["Ⅲ-1-1)"]
    # no longer 缺失: 待审核, or 有问题 when the scan's checks found something in the new file
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-1-1)") in ("pending", "problem"), timeout=5000)


def test_drop_outside_a_standard_is_refused(qtbot, workspace, pool, tmp_path: Path):
    add_groups(workspace)
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.tree.current_code() is not None, timeout=5000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "x.pdf"))])
    view = window.tree.view
    project_row = view.visualRect(window.tree.proxy.index(0, 0)).center()  # 测评项目, not a standard
    event = QDropEvent(QPointF(project_row), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert not event.isAccepted() and not window.runner.busy
