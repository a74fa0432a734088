"""Offer to restore a backup when a workspace's database is missing, empty or damaged.

Opening such a workspace is refused (review.workspace.backups.DatabaseUnusable); instead of a dead
end the clerk sees the message, the backups to choose from (newest first) and a 从备份恢复 button.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from desktop.errors import show_exception
from review.workspace import backups
from review.workspace.folder import WorkspacePaths
from review.workspace.restoring import restore_workspace


def offer_restore(parent: QWidget | None, refusal: backups.DatabaseUnusable) -> bool:
    """Show why the workspace cannot open and let the clerk restore a backup; True once restored."""
    paths = WorkspacePaths(refusal.root)
    found = backups.restorable(paths.backups)
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("restore", "工作区数据库无法使用"), refusal.message, parent=parent)
    restore = box.addButton(QCoreApplication.translate("restore", "从备份恢复…"), QMessageBox.ButtonRole.AcceptRole) if found else None
    box.addButton(QCoreApplication.translate("restore", "关闭") if found else QCoreApplication.translate("restore", "确定"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    choices = [b.describe() for b in found]
    chosen, ok = QInputDialog.getItem(parent, QCoreApplication.translate("restore", "从备份恢复"), QCoreApplication.translate("restore", "选择要恢复的备份（最上面是最近的一份）："),
                                      choices, 0, False)
    if not ok:
        return False
    backup = found[choices.index(chosen)]
    try:
        used, kept = restore_workspace(paths.root, backup.path)
    except Exception as exc:
        show_exception(parent, exc)
        return False
    note = QCoreApplication.translate("restore", "已用备份 {0} 恢复数据库。").format(used.describe())
    if kept is not None:
        note += QCoreApplication.translate("restore", "原数据库保留为 {0}。").format(kept.name)
    QMessageBox.information(parent, QCoreApplication.translate("restore", "已恢复"), note + QCoreApplication.translate("restore", "备份之后所做的操作需要重新做；文件本身不受影响，重新扫描即可找回。"))
    return True
