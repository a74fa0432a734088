"""Translations: Chinese by default (with Qt's own buttons in Chinese), English from the .qm file,
which holds a translation of every string of the desktop code."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from desktop.i18n import TRANSLATIONS, install_translators, remove_translators
from desktop.main_window import MainWindow
from review.workspace.permissions import LOCAL_USER
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
    assert menu_titles(window) == ["文件(&F)", "视图(&V)", "审核(&R)", "管理(&M)", "汇总报送(&S)", "帮助(&H)"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_build_from_the_shipped_translation(qtbot, workspace, pool, language):
    language("en")
    window = MainWindow(workspace, LOCAL_USER, pool)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["&File", "&View", "&Review", "&Manage", "&Submission", "&Help"]
    assert window.act_approve.text() == "Approve" and window.act_next_finding.text() == "Next finding"
    assert window.tree.filter_box.itemText(0) == "All states"


# -- every string translated -------------------------------------------------------------------
DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
SHIPPED_TS = TRANSLATIONS / "materials_review_en.ts"
# Chinese literals that are not shown in the window: the settings/organisation name, the CLI's
# argparse help, the child process's message (no translators there), the sample folder's name.
NOT_UI_TEXT = {("app.py", "申报材料审核台"), ("entry.py", "启动桌面程序"), ("entry.py", "要打开的工作区，或要导入的材料包（.mrpkg，打开工作区后由文明办核验导入）（可省略）"),
               ("entry.py", "启动申报材料审核台桌面程序，直到窗口关闭。"), ("screen_fit.py", "字"), ("start_dialog.py", "示例工作区"),
               ("process_ops.py", "后台处理进程意外退出（可能内存不足），已完成的部分已保存。请关闭其他程序后重试。"),
               # Qt's own zh_CN catalogue lacks these two; they are Qt's strings, given in Chinese
               ("i18n.py", "查找范围(&L)："), ("i18n.py", "文件类型(&T)："),
               # reads the place review/ writes for a cell ("第3行第2列"), not text for the user
               ("sheet_view.py", r"第(\d+)行第(\d+)列\s*$")}
_HAN = re.compile(r"[\u4e00-\u9fff]")


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of the current (not vanished) messages."""
    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in ("vanished", "obsolete"):
                out.append((context.findtext("name") or "", message.findtext("source") or "", translation))
    return out


def test_every_source_string_has_an_english_translation(tmp_path: Path):
    """lupdate over today's sources, merged into the shipped .ts: nothing may come out unfinished."""
    merged = tmp_path / SHIPPED_TS.name
    shutil.copy(SHIPPED_TS, merged)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", *map(str, sorted(DESKTOP.glob("*.py"))), "-ts", str(merged)],
                   check=True, capture_output=True)
    found = messages(merged)
    assert len(found) > 200
    untranslated = [(c, s) for c, s, t in found if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert untranslated == [], "translate these in resources/translations/materials_review_en.ts, then lrelease"


def test_the_shipped_qm_holds_every_translation_of_the_ts(qapp):
    translator = QTranslator()
    assert translator.load("materials_review_en", str(TRANSLATIONS))
    stale = [(c, s) for c, s, t in messages(SHIPPED_TS) if translator.translate(c, s) != (t.text or "")]
    assert stale == [], "run pyside6-lrelease resources/translations/materials_review_en.ts"


def test_no_chinese_text_bypasses_translation():
    """A Chinese literal in the desktop code must go through tr/translate (docstrings and the log
    names of background operations excepted)."""
    bypassing = []
    for path in sorted(DESKTOP.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exempt: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                arguments = node.args if name in ("tr", "translate", "QT_TRANSLATE_NOOP") else []
                arguments += [k.value for k in node.keywords if k.arg == "name"]
                exempt |= {id(sub) for argument in arguments for sub in ast.walk(argument)}
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                exempt.add(id(body[0].value))  # a docstring
        bypassing += [(path.name, node.lineno, node.value) for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and isinstance(node.value, str) and _HAN.search(node.value)
                      and id(node) not in exempt and (path.name, node.value) not in NOT_UI_TEXT]
    assert bypassing == []


def test_the_suggestion_panel_speaks_english(qtbot, workspace, pool, language):
    from desktop.unmapped_list import UnmappedList
    from review.intake.mapping import UnmappedFile
    from review.intake.suggestions import Suggestion

    language("en")
    unmapped = UnmappedList()
    qtbot.addWidget(unmapped)
    unmapped.show_files([UnmappedFile(1, "XC", "/材料/整治记录.docx", "整治记录.docx")])
    unmapped.show_suggestions({"/材料/整治记录.docx": [Suggestion("Ⅲ-3-1)", "背街小巷整治", 3.0, ["背街小巷"])]})
    unmapped.files.setCurrentIndex(unmapped.model.index(0))
    assert unmapped.label.text().startswith("Unmapped files (1)")
    assert unmapped.model.index(0).data() == "整治记录.docx → suggested Ⅲ-3-1)"
    assert [b.text() for b in unmapped.panel.buttons] == ["Accept"]


def test_qt_file_dialog_speaks_chinese(qtbot, language):
    """Qt's own file dialog ("Look in", "Files of type") in Chinese, from Qt's zh_CN catalogue."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    language("zh_CN")
    dialog = QFileDialog(None, "选择材料文件夹")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"].startswith("查找范围"), labels
    assert "文件类型" in labels["fileTypeLabel"], labels
    assert "文件名" in labels["fileNameLabel"], labels
    box = QMessageBox(QMessageBox.Icon.Question, "问", "要继续吗？", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.No).text().startswith("否")
    # where the system speaks another language, its native dialog is not used
    native_english = QLocale.system().language() != QLocale.Language.Chinese
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) == native_english
