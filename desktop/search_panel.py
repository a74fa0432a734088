"""One search box over all materials, the current group or the current item; results with snippets
and page numbers; a click opens the preview on that page with the hit highlighted.

The panel takes the search as a function (query, scope) → hits, run in a background worker, so it
does not depend on the search engine. Hits are read by attribute, in the shape of index.search:
`hit.path`, `hit.title`, `hit.pages[].page` (1-based), `.snippet`, `.highlights` (spans in the
snippet) and `hit.matched_terms`.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import describe_exception
from desktop.workers import WorkerPool


class PageHitLike(Protocol):
    page: int
    snippet: str
    highlights: Sequence[tuple[int, int]]
    place: str  # set for a sheet ("工作表 名单 第 3 行第 2 列"); "" for a page


class HitLike(Protocol):
    path: str
    title: str
    pages: Sequence[PageHitLike]
    matched_terms: Sequence[str]


SCOPES = [("all", QT_TRANSLATE_NOOP("SearchPanel", "全部材料")), ("group", QT_TRANSLATE_NOOP("SearchPanel", "本组")),
          ("item", QT_TRANSLATE_NOOP("SearchPanel", "当前条目"))]
SearchFunction = Callable[[str, str], Sequence[HitLike]]  # (query, scope key) → hits

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3


def snippet_html(snippet: str, highlights: Sequence[tuple[int, int]], lead: int = 12) -> str:
    """The snippet with its highlight spans marked, HTML-escaped; at most `lead` characters are kept
    before the first hit so that the hit shows even in a narrow pane."""
    spans = sorted(highlights)
    if spans and spans[0][0] > lead:
        cut = spans[0][0] - lead
        snippet = "…" + snippet[cut:]
        spans = [(start - cut + 1, end - cut + 1) for start, end in spans]
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out.append(html.escape(snippet[position:start]))
        out.append(f'<span style="background:#ffd500">{html.escape(snippet[start:end])}</span>')
        position = end
    out.append(html.escape(snippet[position:]))
    return "".join(out)


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE text (snippets with marked hits)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(text)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(HTML_ROLE):
            size.setHeight(max(size.height(), option.fontMetrics.height() + 8))
        return size


class SearchPanel(QWidget):
    """Emits `open_requested(path, page (0-based), terms)` when a result is clicked."""

    open_requested = Signal(str, int, list)

    def __init__(self, pool: WorkerPool, search: SearchFunction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.search_function = search
        self.hits: list[HitLike] = []
        self._generation = 0
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("搜索材料全文（Ctrl+F），例如：背街小巷"))
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.run)
        self.scope = QComboBox()
        for key, label in SCOPES:
            self.scope.addItem(self.tr(label), key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.results = QTreeWidget()
        self.results.setHeaderHidden(True)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.itemClicked.connect(self._clicked)
        self.results.itemActivated.connect(self._clicked)
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.set_search(search)

    def set_search(self, search: SearchFunction | None) -> None:
        self.search_function = search
        self.box.setEnabled(search is not None)
        self.status.setText("" if search is not None else self.tr("全文搜索尚未就绪：请先扫描材料，建立索引后即可搜索。"))

    def run(self) -> None:
        query = self.box.text().strip()
        if not query or self.search_function is None:
            return
        self._generation += 1
        generation = self._generation
        scope = self.scope.currentData()
        search = self.search_function
        self.status.setText(self.tr("正在搜索“{0}”…").format(query))
        self.pool.submit(lambda _job: list(search(query, scope)),
                         on_result=lambda hits: self._show(generation, query, hits),
                         on_error=lambda exc: self._failed(generation, exc), name="搜索")

    def _failed(self, generation: int, exc: BaseException) -> None:

        if generation == self._generation:
            self.status.setText(describe_exception(exc))

    def _show(self, generation: int, query: str, hits: list[HitLike]) -> None:
        if generation != self._generation:
            return
        self.hits = hits
        self.results.clear()
        pages = sum(len(h.pages) for h in hits)
        self.status.setText(self.tr("“{0}”：{1} 份材料，{2} 处。点击结果在右侧预览。").format(query, len(hits), pages)
                            if hits else self.tr("没有找到包含“{0}”的材料。请换个说法，或检查范围是否太小。").format(query))
        for number, hit in enumerate(hits):
            top = QTreeWidgetItem([f"{hit.title or hit.path}"])
            top.setToolTip(0, hit.path)
            top.setData(0, HIT_ROLE, number)
            top.setData(0, PAGE_ROLE, hit.pages[0].page if hit.pages else 1)
            for page in hit.pages:
                child = QTreeWidgetItem([page.snippet])
                child.setData(0, HIT_ROLE, number)
                child.setData(0, PAGE_ROLE, page.page)
                where = page.place or self.tr("第 {0} 页").format(page.page)  # a sheet: its name and row
                child.setData(0, HTML_ROLE, self.tr("{0}：").format(html.escape(where)) +
                              snippet_html(page.snippet, page.highlights))
                child.setToolTip(0, page.snippet)
                top.addChild(child)
            self.results.addTopLevelItem(top)
            top.setExpanded(True)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        number: Any = item.data(0, HIT_ROLE)
        if number is None or not (0 <= int(number) < len(self.hits)):
            return
        hit = self.hits[int(number)]
        terms = list(hit.matched_terms) or [self.box.text().strip()]
        self.open_requested.emit(hit.path, int(item.data(0, PAGE_ROLE)) - 1, terms)
