"""Helpers for the desktop tests (import the fixtures as `*_fixture`; they register under the short name): isolated QSettings, captured error dialogs, a workspace with
groups and real mapped files (the rows a scan would write, with the files' real SHA-256)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from desktop.workers import WorkerPool
from review.manual.assignment import assign_items
from review.workspace.db.models import Mapping, Material
from review.workspace.folder import Workspace
from review.workspace.groups import add_group, get_group


@pytest.fixture(name="settings_sandbox")
def settings_sandbox_fixture(tmp_path: Path, qapp: object) -> Iterator[Path]:
    """QSettings written to a temporary INI folder, so tests never touch the user's settings."""
    folder = tmp_path / "qsettings"
    QCoreApplication.setOrganizationName("materials-review-tests")
    QCoreApplication.setApplicationName("desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()


@pytest.fixture(name="dialogs")
def dialogs_fixture(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the message boxes that would have been shown (none is actually opened)."""
    shown: list[str] = []

    def capture(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    return shown


@pytest.fixture(name="pool")
def pool_fixture(qapp: object) -> Iterator[WorkerPool]:
    workers = WorkerPool()
    yield workers
    workers.cancel_all()
    workers.wait(10_000)


def add_groups(workspace: Workspace) -> None:
    """XC 宣传组 owns Ⅲ-1 (two 材料审核 standards), CG 城管组 owns Ⅲ-3 (one)."""
    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-1"])
        add_group(session, "CG", "城管组")
        assign_items(session, "CG", ["Ⅲ-3"])


def add_material(workspace: Workspace, group_code: str, path: Path, code: str) -> None:
    data = path.read_bytes()
    with workspace.session() as session:
        group = get_group(session, group_code)
        material = Material(group_id=group.id, path=str(path), root=str(path.parent), rel_path=path.name,
                            size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                            format=path.suffix.lstrip(".").lower(), status="present")
        session.add(material)
        session.flush()
        session.add(Mapping(material_id=material.id, item_code=code, source="manual", created_by="tests"))


# A 正式发文 the small manual's Ⅲ-1-1) asks for: 文号 and the standard's keyword 志愿服务.
# A 正式发文 as it is laid out: the 文号 on its own line, then the title.
OFFICIAL_PLAN = "北文明〔2026〕5号\n关于印发志愿服务工作方案的通知"


def write_pdf(path: Path, pages: int = 2, text: str = "背街小巷整治台账") -> Path:
    """`pages` pages of `text`, each numbered."""
    return write_pages(path, [f"{text} 第{number + 1}页" for number in range(pages)])


def write_pages(path: Path, texts: list[str]) -> Path:
    """A sealed PDF, one text per page, each page dated inside the window and stamped."""
    import pymupdf

    from tests.seals import place_seal_on_pdf

    document = pymupdf.open()
    for text in texts:
        page = document.new_page()
        lines = text.split("\n")
        for row, line in enumerate(lines):  # lines set apart as in a 红头文件 (文号, then the title)
            page.insert_text((72, 100 + 40 * row), line, fontname="china-s", fontsize=14)
        signed_at = 130 + 40 * len(lines)
        page.insert_text((72, signed_at), "北湖市文明办 2026年3月5日", fontname="china-s", fontsize=14)
        place_seal_on_pdf(page, (150, signed_at - 5), "北湖市精神文明建设委员会办公室")  # sealed, as filed
    document.save(path)
    return path
