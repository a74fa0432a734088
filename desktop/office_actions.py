"""The hand-over in the app: the office's 汇总报送 menu (register a leader's key, import packages,
export the final submission, write the reports) and the leader's 报送 menu (export the signed
package to a USB folder, export the public key).

Every step calls the service the command line calls (review.signing.keys, review.handover.package,
review.office.submission, review.office.reports) in a background worker; the window only asks
where and shows what came back.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import show_error, show_exception
from desktop.package_import_dialog import PackageImportDialog
from desktop.reports_dialog import ReportsDialog
from desktop.submission_dialog import SubmissionDialog
from desktop.workers import Job
from review.errors import UserError
from review.handover.package import export_package, planned_package_path
from review.signing.keys import (
    KeyFile,
    export_public_key,
    format_fingerprint,
    import_public_key,
    key_group_exists,
    read_key_file,
)
from review.workspace.accounts import login
from review.workspace.locking import waiting_with
from review.workspace.permissions import allowed

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

@dataclass(frozen=True)
class KeyToRegister:
    path: Path
    key: KeyFile
    group_exists: bool


class KeyConfirmDialog(QDialog):
    """What a key file says, with its fingerprint large enough to read aloud on the phone."""

    def __init__(self, found: KeyToRegister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        key = found.key
        self.setWindowTitle(self.tr("登记组长公钥"))
        group = f"{key.group_code}（{key.group_name}）" if key.group_name else key.group_code
        intro = QLabel(self.tr("公钥文件 {0}：工作组 {1}，组长“{2}”。\n请打电话给该组长，请他念出本人的公钥指纹，"
                               "与下面的指纹逐组核对；一致后再登记。").format(found.path.name, group, key.owner))
        intro.setWordWrap(True)
        self.fingerprint = QLabel(format_fingerprint(key.fingerprint))
        self.fingerprint.setWordWrap(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fingerprint)
        if not found.group_exists:
            note = QLabel(self.tr("本工作区还没有工作组 {0}。登记时将按公钥文件新建该工作组。").format(group))
            note.setWordWrap(True)
            note.setStyleSheet("color: #8e24aa")
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("指纹一致，登记"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMaximumWidth(640)


class HandoverActions(QObject):
    """The two menus and what their actions do; built by the main window, which it works in."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        actor = window.actor
        self.office = allowed(actor, "package.import")
        self.leader_side = actor.role in ("leader", "clerk") and not actor.single_user
        self.act_register_key = self._action(self.tr("登记组长公钥…"), self.register_key,
                                             self.tr("登记组长交来的公钥文件（电话核对指纹）"))
        self.act_import = self._action(self.tr("导入材料包…"), self.import_packages,
                                       self.tr("核验并导入各组交来的材料包（.mrpkg 文件或 U 盘文件夹）"))
        self.act_submission = self._action(self.tr("导出最终申报材料…"), self.export_submission,
                                           self.tr("按平台规则检查后导出最终申报材料（文件夹或压缩包）"))
        self.act_reports = self._action(self.tr("生成报表…"), self.write_reports,
                                        self.tr("生成材料清单、审核签字表、问题清单（Word 文档）"))
        self.act_export_package = self._action(self.tr("导出签字包…"), self.export_package,
                                               self.tr("把本组已签字的材料导出为材料包，拷到 U 盘交文明办"))
        self.act_export_key = self._action(self.tr("导出公钥…"), self.export_key,
                                           self.tr("导出本人的公钥文件交文明办登记"))
        if actor.role != "leader":
            self.act_export_key.setEnabled(False)
            self.act_export_key.setToolTip(self.tr("只有组长有签名密钥；请用组长账户登录后导出公钥。"))

    def _action(self, text: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def add_menus(self, menu_bar: QMenuBar) -> list[QMenu]:
        """汇总报送 for the office, 报送 for a group's leader and clerk."""
        menus = []
        if self.office:
            office = QMenu(self.tr("汇总报送(&S)"), menu_bar)
            for action in (self.act_register_key, self.act_import, None, self.act_submission, self.act_reports):
                office.addSeparator() if action is None else office.addAction(action)
            menus.append(office)
        if self.leader_side:
            leader = QMenu(self.tr("报送(&S)"), menu_bar)
            for action in (self.act_export_package, self.act_export_key, None, self.act_reports):
                leader.addSeparator() if action is None else leader.addAction(action)
            menus.append(leader)
        for menu in menus:
            menu_bar.addMenu(menu)
        return menus

    # -- office ------------------------------------------------------------------------------------
    def register_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("选择组长交来的公钥文件"), "", self.tr("公钥文件 (*.json);;所有文件 (*)"))
        if not path:
            return
        workspace = self.window.workspace

        def read(_job: Job) -> KeyToRegister:
            key = read_key_file(Path(path))
            return KeyToRegister(Path(path), key, key_group_exists(workspace, key))

        self.window.pool.submit(read, on_result=self._confirm_key, name="读取公钥文件")

    def _confirm_key(self, found: KeyToRegister) -> None:
        if KeyConfirmDialog(found, self.window).exec() != QDialog.DialogCode.Accepted:
            return
        workspace, actor, key = self.window.workspace, self.window.actor, found.key

        def done(added: bool) -> None:
            text = (self.tr("已登记 {0} 组长“{1}”的公钥。") if added else self.tr("{0} 组长“{1}”的公钥此前已登记。"))
            self.window.statusBar().showMessage(text.format(key.group_code, key.owner), 10_000)
            self.window.load_groups()

        self.window.pool.submit(lambda _job: import_public_key(workspace, actor, key,
                                                               create_group=not found.group_exists),
                                on_result=done, name="登记公钥")

    def import_packages(self, paths: list[Path] | None = None) -> None:
        """The import dialog; with `paths` (a package opened from the file manager) it starts on them."""
        dialog = PackageImportDialog(self.window.workspace, self.window.actor, self.window.pool, self.window)
        dialog.imported.connect(self.window.show_dashboard)
        if paths:
            dialog.start(paths)
        dialog.exec()

    def offer_package(self, path: Path) -> None:
        """A package opened with the program (`gui FILE.mrpkg`, a double-click): the office verifies and
        imports it; anyone else is told who imports packages."""
        if self.office:
            self.import_packages([path])
            return
        QMessageBox(QMessageBox.Icon.Information, self.tr("导入材料包"), self.tr(
            "材料包 {0} 由文明办核验和导入。请把它交给文明办，或用文明办账户登录本工作区后再打开它。").format(path.name),
                    QMessageBox.StandardButton.Ok, self.window).exec()

    def export_submission(self) -> None:
        SubmissionDialog(self.window.workspace, self.window.actor, self.window.pool, self.window).exec()

    def write_reports(self) -> None:
        ReportsDialog(self.window.workspace, self.window.actor, self.window.pool, self.window).exec()

    # -- leader ------------------------------------------------------------------------------------
    def export_package(self) -> None:
        window = self.window
        group = window.actor.group_code or window.group_code
        if not group:
            show_error(window, self.tr("请先在工具栏选择要导出的工作组。"))
            return
        folder = QFileDialog.getExistingDirectory(window, self.tr("选择导出材料包的文件夹（如 U 盘）"))
        if not folder:
            return
        workspace = window.workspace
        window.pool.submit(lambda _job: planned_package_path(workspace, group, folder),
                           on_result=lambda target: self._export_package_to(group, folder, target),
                           name="材料包文件名")

    def _export_package_to(self, group: str, folder: str, target: Path | None) -> None:
        window = self.window
        if target is None:
            show_error(window, self.tr("工作组 {0} 尚未签字，不能导出材料包。请组长审核后签字确认（“审核”菜单 › 签字确认）。")
                       .format(group))
            return
        force = target.exists()
        if force and QMessageBox.question(window, self.tr("覆盖材料包"), self.tr("{0} 已存在。要覆盖它吗？")
                                          .format(target)) != QMessageBox.StandardButton.Yes:
            return
        workspace, actor = window.workspace, window.actor

        def done(written: Path) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("已导出材料包"),
                              self.tr("已导出工作组 {0} 的材料包：\n{1}\n请把它交给文明办导入。").format(group, written),
                              QMessageBox.StandardButton.Ok, window)
            open_button = box.addButton(self.tr("打开文件夹"), QMessageBox.ButtonRole.ActionRole)
            box.exec()
            if box.clickedButton() is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(written.parent)))

        try:
            window.runner.run(self.tr("导出材料包 {0}").format(target.name),
                              lambda job: export_package(workspace, actor, group, folder, force=force,
                                                         wait=waiting_with(job.report, job.cancel)),
                              on_result=done)
        except UserError as exc:
            show_exception(window, exc)

    def export_key(self) -> None:
        window = self.window
        actor = window.actor
        suggested = str(Path.home() / self.tr("{0}的公钥.json").format(actor.name))
        out, _ = QFileDialog.getSaveFileName(window, self.tr("导出公钥"), suggested, self.tr("公钥文件 (*.json);;所有文件 (*)"))
        if not out:
            return
        if not out.lower().endswith(".json"):
            out += ".json"
        password, ok = QInputDialog.getText(window, self.tr("导出公钥"),
                                            self.tr("请输入组长“{0}”的密码（第一次导出时用它生成签名密钥）：")
                                            .format(actor.name), QLineEdit.EchoMode.Password)
        if not ok:
            return
        workspace = window.workspace

        def run(_job: Job) -> KeyFile:
            login(workspace, actor.name, password)
            return export_public_key(workspace, actor, password, Path(out))

        def done(key: KeyFile) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("已导出公钥"),
                              self.tr("已导出“{0}”的公钥到 {1}。\n\n公钥指纹：\n{2}\n\n请把公钥文件交给文明办，"
                                      "并在文明办登记时电话念出这个指纹供核对。")
                              .format(actor.name, out, format_fingerprint(key.fingerprint)),
                              QMessageBox.StandardButton.Ok, window)
            box.exec()

        window.pool.submit(run, on_result=done, name="导出公钥")
