"""Dialog sizes that fit the screen: office PCs are often 1366×768 at 150 % (910×512 logical pixels)."""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN_W, MARGIN_H = 20, 60  # window frame, title bar and task bar


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width`×`height` or the screen's free area, whichever is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    free = screen.availableGeometry()
    widget.resize(min(width, free.width() - MARGIN_W), min(height, free.height() - MARGIN_H))


def fit_main_window(window: QWidget, free: QRect | None = None) -> None:
    """Keep a main window inside the screen's free area `free` (default: its screen's): a restored
    geometry from a bigger screen is shrunk and moved back; a first start takes the whole area."""
    if free is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), free.width() - extra_w)
    height = min(window.height(), free.height() - extra_h)
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    x = min(max(frame.x(), free.x()), free.right() + 1 - window.frameGeometry().width())
    y = min(max(frame.y(), free.y()), free.bottom() + 1 - window.frameGeometry().height())
    window.move(max(x, free.x()), max(y, free.y()))
