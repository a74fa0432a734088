"""Translations: Chinese by default (with Qt's own buttons in Chinese), English from the .qm file."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from desktop.i18n import install_translators, remove_translators
from desktop.main_window import MainWindow
from review.permissions import LOCAL_USER
from tests.desktop_helpers import pool_fixture, settings_sandbox_fixture  # noqa: F401 - fixtures

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def language(qapp) -> Iterator[object]:
    installed: list = []
    saved = QLocale()

    def use(code: str) -> None:
        installed.extend(install_translators(qapp, code))

    yield use
    remove_translators(qapp, installed)
    QLocale.setDefault(saved)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_chinese_is_the_default_including_qt_buttons(qtbot, workspace, pool, language):
    language("zh_CN")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["文件(&F)", "视图(&V)", "审核(&R)", "帮助(&H)"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_build_from_the_shipped_translation(qtbot, workspace, pool, language):
    language("en")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["&File", "&View", "&Review", "&Help"]
    assert window.act_approve.text() == "Approve" and window.act_next_finding.text() == "Next finding"
    assert window.tree.filter_box.itemText(0) == "All states"
