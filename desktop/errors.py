"""Errors as the user sees them: one Chinese dialog that names the file and says what to do.

`UserError` messages from the services are already written for the user and are shown as they
are. Operating-system errors are translated here (they carry the file name). Anything else is a
bug: it is logged with its traceback and the dialog points to the log file.
"""
from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from review.errors import UserError
from review.workspace.logs import user_log_file

log = logging.getLogger(__name__)

_current_log_file: Path | None = None


def set_log_file(path: Path) -> None:
    """The log file named in dialogs about unexpected errors (the open workspace's log)."""
    global _current_log_file
    _current_log_file = path


def log_file() -> Path:
    return _current_log_file or user_log_file()


def describe_os_error(exc: OSError) -> str:
    name = exc.filename or QCoreApplication.translate("errors", "（未知文件）")
    if exc.errno in (errno.ENOENT,):
        return QCoreApplication.translate("errors", "找不到文件 {0}。请确认它没有被移动或删除，然后重试。").format(name)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return QCoreApplication.translate("errors", "没有权限访问 {0}。请关闭正在使用它的程序，或检查文件夹的访问权限后重试。").format(name)
    if exc.errno == errno.ENOSPC:
        return QCoreApplication.translate("errors", "磁盘空间不足，无法写入 {0}。请清理磁盘空间后重试。").format(name)
    if exc.errno in (errno.EROFS,):
        return QCoreApplication.translate("errors", "{0} 所在的磁盘是只读的。请换一个可写的位置后重试。").format(name)
    reason = exc.strerror or exc.__class__.__name__
    return QCoreApplication.translate("errors", "读写 {0} 时出错：{1}。请检查该文件和所在磁盘后重试。").format(name, reason)


def describe_exception(exc: BaseException) -> str:
    """The Chinese message for any exception; unexpected ones are logged with their traceback."""
    if isinstance(exc, UserError):
        return exc.message
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("errors", "内存不足，操作未完成。请关闭其他程序后重试。")
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate("errors", "程序遇到意外错误（{0}），操作未完成，已完成的部分已保存。详细信息已记入日志文件 {1}，"
               "请重试；如果反复出现，请把该日志文件发给技术支持。").format(exc.__class__.__name__, log_file())


def show_error(parent: QWidget | None, message: str, *, title: str | None = None) -> None:
    """A modal error dialog with `message` (already Chinese, naming the file and what to do)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title or QCoreApplication.translate("errors", "出错了"), message, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # so it can be copied
    box.exec()


def show_exception(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    show_error(parent, describe_exception(exc), title=title)
