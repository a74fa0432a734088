"""Suggested mappings in the unmapped list: shown with their reasons, applied only when accepted."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.main_window import MainWindow
from review.workspace.db.models import AuditEntry, Mapping, Material
from review.workspace.folder import Workspace
from review.workspace.permissions import LOCAL_USER
from tests.desktop_helpers import pool_fixture, settings_sandbox_fixture  # noqa: F401 - fixtures

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_desk(qtbot, workspace: Workspace, pool) -> MainWindow:
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.group_box.count() > 0, timeout=10_000)  # else the dashboard comes on top
    window.open_group("XC")
    qtbot.waitUntil(lambda: window.unmapped.count() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: window.unmapped.suggestions_known, timeout=30_000)
    return window


def select_file(window: MainWindow, name: str) -> None:
    row = next(r for r in range(window.unmapped.count()) if Path(window.unmapped.path_at(r)).name == name)
    window.unmapped.files.setCurrentIndex(window.unmapped.model.index(row))


def mappings(workspace: Workspace) -> list[tuple[str, str, str]]:
    with workspace.session() as session:
        rows = session.execute(select(Material.path, Mapping.item_code, Mapping.source).join(Mapping.material))
        return [(Path(path).name, code, source) for path, code, source in rows]


def test_suggestions_show_with_their_reasons_and_nothing_is_mapped(qtbot, unmapped_workspace, pool):
    window = open_desk(qtbot, unmapped_workspace, pool)
    select_file(window, "整治记录.docx")
    panel = window.unmapped.panel
    assert panel.isVisible() and "整治记录.docx" in panel.heading.text()
    labels = [panel.rows.itemAtPosition(r, 0).widget().text() for r in range(len(panel.buttons))]
    assert "Ⅲ-3-1)" in labels[0] and "背街小巷" in labels[0] and "理由" in labels[0]
    assert all(button.text() == "采纳" and button.isEnabled() for button in panel.buttons)
    shown = [window.unmapped.model.index(r).data() for r in range(3)]
    assert any("整治记录.docx" in text and "建议 Ⅲ-3-1)" in text for text in shown)

    select_file(window, "杂项.docx")
    assert not panel.buttons and "人工归类" in panel.heading.text()
    assert mappings(unmapped_workspace) == []  # shown, never applied


def test_accepting_a_suggestion_maps_the_file_as_a_suggestion(qtbot, unmapped_workspace, pool):
    window = open_desk(qtbot, unmapped_workspace, pool)
    select_file(window, "整治记录.docx")
    assert mappings(unmapped_workspace) == []
    window.unmapped.panel.buttons[0].click()
    qtbot.waitUntil(lambda: window.unmapped.count() == 2, timeout=10_000)
    assert mappings(unmapped_workspace) == [("整治记录.docx", "Ⅲ-3-1)", "suggestion")]
    with unmapped_workspace.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "map")).one()
    assert entry.details == {"item": "Ⅲ-3-1)", "source": "suggestion"}
    qtbot.waitUntil(lambda: window.tree.state_of("Ⅲ-3-1)") in ("pending", "problem"), timeout=5000)
    # the remaining files keep their suggestions without a second computation
    assert window.unmapped.suggestions_for(window.unmapped.path_at(0)) is not None
    qtbot.waitUntil(lambda: not pool.active, timeout=10_000)


def test_the_context_menu_offers_the_same_suggestions(qtbot, unmapped_workspace, pool):
    window = open_desk(qtbot, unmapped_workspace, pool)
    path = next(window.unmapped.path_at(r) for r in range(3) if window.unmapped.path_at(r).endswith("招募.docx"))
    menu = window.unmapped._suggestion_menu(path)
    actions = [a for a in menu.actions() if a.isEnabled()]
    assert actions and all(a.text().startswith("采纳建议：归到 Ⅲ-1-") for a in actions)
    actions[0].trigger()
    qtbot.waitUntil(lambda: window.unmapped.count() == 2, timeout=10_000)
    assert [(name, source) for name, _code, source in mappings(unmapped_workspace)] == [("招募.docx", "suggestion")]
    qtbot.waitUntil(lambda: not pool.active, timeout=10_000)
