"""Translations. Source strings are Chinese, so zh_CN (the default) needs only Qt's own catalogue
for the standard buttons and dialogs; another language loads `resources/translations/
materials_review_<lang>.qm`, built from the .ts file with `pyside6-lrelease`.

The language comes from the environment variable MATERIALS_REVIEW_LANG, else the saved setting
`language`, else zh_CN. Refresh the .ts after changing strings::

    .venv/bin/pyside6-lupdate desktop/*.py -ts resources/translations/materials_review_en.ts
    .venv/bin/pyside6-lrelease resources/translations/materials_review_en.ts
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator

log = logging.getLogger(__name__)

LANG_ENV = "MATERIALS_REVIEW_LANG"
DEFAULT_LANGUAGE = "zh_CN"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


class QtCatalogueGaps(QTranslator):
    """Qt 6 strings that Qt's own zh_CN catalogue lacks (it has Qt 5's "Look in:", not Qt 6's
    "&Look in:"), so that its file dialog is Chinese throughout."""

    GAPS: ClassVar[dict[tuple[str, str], str]] = {("QFileDialog", "&Look in:"): "查找范围(&L)：", ("QFileDialog", "Files of &type:"): "文件类型(&T)："}

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.GAPS.get((context, source))  # None: not ours, the next catalogue is asked

    def isEmpty(self) -> bool:
        return False


def chosen_language() -> str:
    return os.environ.get(LANG_ENV) or str(QSettings().value("language", DEFAULT_LANGUAGE)) or DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install Qt's and the app's translators for `language`; returns them (keep them alive)."""
    language = language or chosen_language()
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_catalogue = QTranslator(app)
    if qt_catalogue.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or \
            qt_catalogue.load(f"qt_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_catalogue)
        installed.append(qt_catalogue)
    if language == DEFAULT_LANGUAGE:
        gaps = QtCatalogueGaps(app)
        app.installTranslator(gaps)
        installed.append(gaps)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"materials_review_{language}", str(TRANSLATIONS)):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation for %s in %s; showing Chinese", language, TRANSLATIONS)
    use_qt_dialogs_unless_native_speaks(language)
    return installed


def use_qt_dialogs_unless_native_speaks(language: str) -> None:
    """The system's own file dialog speaks the system's language: on a Windows set to English it would
    say "Look in" and "Files of type" to a Chinese user. Qt's own dialog, translated above, is used
    whenever the system's language is not the one chosen."""
    system = QLocale.system().language()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs,
                                  system != QLocale(language).language())


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
