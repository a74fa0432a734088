"""Dialog sizes that fit the screen: office PCs are often 1366×768 at 150 % (910×512 logical pixels)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

MARGIN_W, MARGIN_H = 20, 60  # window frame, title bar and task bar
HAN = "字"  # measures a Chinese character: a CJK font's average character width says little about it


def han_width(metrics: QFontMetrics, count: int = 1) -> int:
    """The width of `count` Chinese characters in `metrics`' font."""
    return metrics.horizontalAdvance(HAN) * count


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


def fit_columns(view: QAbstractItemView, header: QHeaderView, main: int, optional: Sequence[int],
                min_chars: int, reserved: int = 0, widths: Mapping[int, int] | None = None) -> None:
    """Hide the `optional` columns (the first given first) while column `main` would otherwise get
    less than `min_chars` Chinese characters; show them again when there is room. `reserved` is
    what the main column needs besides its text (indentation, icons); `widths` the fixed widths of
    columns that do not size to their contents. The hidden values are in the
    rows' tooltips, so nothing is lost on a narrow pane (1366×768 at 150 %)."""
    wanted = han_width(view.fontMetrics(), min_chars) + reserved
    room = view.viewport().width()
    shown = [c for c in range(header.count()) if c != main and c not in optional]
    fixed = widths or {}
    left = room - sum(fixed.get(c, view.sizeHintForColumn(c)) for c in shown)
    keep: list[int] = []
    for column in reversed(optional):  # the last given is the last to go
        width = fixed.get(column, view.sizeHintForColumn(column))
        if left - width >= wanted:
            keep.append(column)
            left -= width
    for column in optional:
        if header.isSectionHidden(column) == (column in keep):
            header.setSectionHidden(column, column not in keep)
            if column in keep and column in fixed:
                header.resizeSection(column, fixed[column])
