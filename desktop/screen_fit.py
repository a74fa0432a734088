"""Dialog sizes that fit the screen: office PCs are often 1366×768 at 150 % (910×512 logical pixels)."""
from __future__ import annotations

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
