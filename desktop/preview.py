"""The right pane: a preview of one material with highlights.

- PDF: pages rendered by PyMuPDF at screen resolution, with highlight rectangles (PDF points,
  e.g. a search hit or a finding's location) painted on the page; zoom and page navigation.
- DOCX: the text and tables as formatted HTML, with the highlighted terms marked.
- Images: the picture (EXIF orientation applied) and its EXIF facts (date taken, camera, size).
- Spreadsheets (XLSX, XLS, CSV): the sheets as tables with tabs (desktop.sheet_view).

Rendering and reading run in background workers; a newer request supersedes an older one.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import describe_exception
from desktop.human_dates import exif_date_text
from desktop.sheet_view import SHEET_SUFFIXES, SheetView, Workbook, read_workbook
from desktop.workers import WorkerPool
from review.errors import UserError

Rect = tuple[float, float, float, float]
ZOOMS = [0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0]
HIGHLIGHT = QColor(255, 213, 0, 110)
HIGHLIGHT_EDGE = QColor(230, 120, 0)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


@dataclass
class PreviewRequest:
    path: Path
    page: int = 0  # 0-based
    rects: Sequence[Rect] = ()  # highlight rectangles on `page`, in PDF points
    terms: Sequence[str] = ()  # text to mark (DOCX, and a hint for everything else)
    location: str = ""  # the extractor's place of a finding ("工作表X 第3行第2列"): the cell to select


@dataclass
class RenderedPdf:
    image: QImage
    page: int
    page_count: int
    scale: float


@dataclass
class ImageFacts:
    image: QImage
    facts: list[tuple[str, str]] = field(default_factory=list)


def render_pdf_page(path: Path, page: int, scale: float, rects: Sequence[Rect], terms: Sequence[str] = (),
                    fit_width_px: int = 0) -> RenderedPdf:
    """Render one page at `scale` pixels per PDF point (or, with `fit_width_px`, as wide as that)
    and paint the highlight rectangles; without rectangles, the places where `terms` occur on the
    page (a search hit) are highlighted."""
    import pymupdf as fitz  # imported on first preview: the window opens without it

    try:
        document = fitz.open(path)
    except (fitz.FileDataError, RuntimeError) as exc:
        raise UserError(QCoreApplication.translate(
            "PreviewPane", "无法打开 PDF 文件 {0}：文件已损坏或不是 PDF。请用系统程序打开检查，必要时重新导出。").format(path.name)) from exc
    with document:
        if document.needs_pass:
            raise UserError(QCoreApplication.translate(
                "PreviewPane", "{0} 设置了打开密码，无法预览。请提交未加密的版本。").format(path.name))
        if document.page_count == 0:
            raise UserError(QCoreApplication.translate(
                "PreviewPane", "{0} 没有任何页面。请检查该文件是否导出完整。").format(path.name))
        page = max(0, min(page, document.page_count - 1))
        if fit_width_px > 0:
            scale = fit_width_px / document[page].rect.width
        if not rects and terms:
            rects = [tuple(r) for term in terms if term for r in document[page].search_for(term)]
        pixmap = document[page].get_pixmap(matrix=fitz.Matrix(scale, scale), alpha=False)
        image = QImage(pixmap.samples, pixmap.width, pixmap.height, pixmap.stride,
                       QImage.Format.Format_RGB888).copy()
        count = document.page_count
    if rects:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(HIGHLIGHT_EDGE)
        painter.setBrush(HIGHLIGHT)
        for x0, y0, x1, y1 in rects:
            painter.drawRect(QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale))
        painter.end()
    return RenderedPdf(image, page, count, scale)


def docx_html(path: Path, terms: Sequence[str] = ()) -> str:
    """The document's paragraphs and tables, in order, as HTML with `terms` marked."""
    import docx  # imported on first preview of a DOCX: the window opens without it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise UserError(QCoreApplication.translate(
            "PreviewPane", "无法读取 Word 文件 {0}：文件已损坏或不是 DOCX。请用 Word 或 WPS 打开另存为 DOCX 后重新扫描。").format(path.name)) from exc

    def mark(text: str) -> str:
        out = html.escape(text)
        for term in terms:
            if term:
                escaped = html.escape(term)
                out = out.replace(escaped, f'<span style="background:#ffd500">{escaped}</span>')
        return out

    def paragraph(p: Paragraph) -> str:
        runs = []
        for run in p.runs:
            text = mark(run.text)
            if run.bold:
                text = f"<b>{text}</b>"
            if run.italic:
                text = f"<i>{text}</i>"
            if run.underline:
                text = f"<u>{text}</u>"
            runs.append(text)
        body = "".join(runs) or "&nbsp;"
        style = (p.style.name if p.style is not None else "") or ""
        if style.startswith("Heading") or style == "Title":
            return f"<h3>{body}</h3>"
        align = {1: "center", 2: "right"}.get(int(p.alignment) if p.alignment is not None else 0, "left")
        return f'<p align="{align}">{body}</p>'

    parts = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            parts.append(paragraph(block))
        elif isinstance(block, Table):
            rows = "".join(
                "<tr>" + "".join(f"<td>{mark(cell.text)}</td>" for cell in row.cells) + "</tr>" for row in block.rows
            )
            parts.append(f'<table border="1" cellspacing="0" cellpadding="4">{rows}</table>')
    return "<html><body>" + "".join(parts) + "</body></html>"


def read_image(path: Path) -> ImageFacts:
    """The picture (EXIF rotation applied) and the facts an auditor checks."""
    from PIL import ExifTags, Image, UnidentifiedImageError  # imported on first preview of a picture

    try:
        with Image.open(path) as picture:
            exif = picture.getexif()
            size = picture.size
            dpi = picture.info.get("dpi")
    except (UnidentifiedImageError, OSError) as exc:
        raise UserError(QCoreApplication.translate(
            "PreviewPane", "无法读取图片 {0}：文件已损坏或格式不对。请重新导出该图片后再扫描。").format(path.name)) from exc
    facts = [(QCoreApplication.translate("PreviewPane", "尺寸"),
              QCoreApplication.translate("PreviewPane", "{0} × {1} 像素").format(size[0], size[1]))]
    if dpi:
        facts.append((QCoreApplication.translate("PreviewPane", "分辨率"), f"{round(float(dpi[0]))} dpi"))
    detail = exif.get_ifd(ExifTags.IFD.Exif)
    taken = detail.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    facts.append((QCoreApplication.translate("PreviewPane", "拍摄时间"),
                  exif_date_text(str(taken)) if taken else QCoreApplication.translate("PreviewPane", "无（照片没有记录拍摄时间）")))
    camera = " ".join(str(exif.get(tag, "")).strip() for tag in (ExifTags.Base.Make, ExifTags.Base.Model)).strip()
    if camera:
        facts.append((QCoreApplication.translate("PreviewPane", "相机"), camera))
    description = exif.get(ExifTags.Base.ImageDescription)
    if description:
        facts.append((QCoreApplication.translate("PreviewPane", "说明"), str(description)))
    image = QImage(str(path))
    if image.isNull():
        raise UserError(QCoreApplication.translate(
            "PreviewPane", "无法显示图片 {0}。请用系统程序打开检查该文件。").format(path.name))
    orientation = exif.get(ExifTags.Base.Orientation, 1)
    rotation = {3: 180, 6: 90, 8: 270}.get(int(orientation), 0)
    if rotation:
        from PySide6.QtGui import QTransform  # rarely needed: only rotated photos

        image = image.transformed(QTransform().rotate(rotation))
    return ImageFacts(image, facts)


class ElidedLabel(QLabel):
    """One line that never widens its pane: a long path loses its middle, so the file name stays
    visible; the whole text is in the tooltip."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, max(self.width(), 80)))


class PreviewPane(QWidget):
    """Shows one file; `show_file` switches to it. Emits `page_shown(page)` (0-based) for PDFs."""

    page_shown = Signal(int)

    def __init__(self, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.request: PreviewRequest | None = None
        self.page_count = 0
        self.zoom_index = ZOOMS.index(1.0)
        self.fit_width = True  # until the user zooms: pages and pictures as wide as the pane
        self.page_image: QImage | None = None
        self._generation = 0

        self.title = ElidedLabel(self.tr("预览"))
        self.previous_button = self._button("◀", self.tr("上一页 (PgUp)"), lambda: self.go_to_page(self.page - 1))
        self.next_button = self._button("▶", self.tr("下一页 (PgDown)"), lambda: self.go_to_page(self.page + 1))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_total = QLabel()
        self.zoom_out_button = self._button("－", self.tr("缩小 (Ctrl+-)"), lambda: self.zoom(-1))
        self.zoom_label = QLabel()
        self.zoom_in_button = self._button("＋", self.tr("放大 (Ctrl++)"), lambda: self.zoom(+1))
        self.fit_button = self._button(self.tr("适合宽度"), self.tr("按窗格宽度显示"), self.fit_to_width)
        self.open_button = self._button(self.tr("用系统程序打开"), self.tr("用本机默认程序打开此文件"), self.open_external)

        # Two rows, so that at 150 % scaling no button is squeezed: the file and 用系统程序打开, then
        # the page and zoom controls.
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.open_button)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.page_box, self.page_total, self.next_button,
                       self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.message = QLabel(self.tr("在中间选择一份材料，或在搜索结果中点一条，即可在此预览。"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidget(self.page_label)
        self.page_scroll.setWidgetResizable(True)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        image_page = QWidget()
        image_layout = QVBoxLayout(image_page)
        image_scroll = QScrollArea()
        image_scroll.setWidget(self.image_label)
        image_scroll.setWidgetResizable(True)
        image_layout.addWidget(image_scroll, 1)
        image_layout.addWidget(self.facts)

        self.sheets = SheetView()
        self.stack = QStackedWidget()
        for widget in (self.message, self.page_scroll, self.text, image_page, self.sheets):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._last_scale = 0.0
        self._set_controls(pdf=False)

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    @property
    def page(self) -> int:
        return self.request.page if self.request else 0

    # -- public --------------------------------------------------------------------------------
    def show_file(self, path: Path | str, page: int = 0, rects: Sequence[Rect] = (), terms: Sequence[str] = (),
                  location: str = "") -> None:
        self.request = PreviewRequest(Path(path), page, list(rects), list(terms), location)
        self.title.set_full_text(str(self.request.path))
        self._load()

    def clear(self) -> None:
        self.request = None
        self.title.set_full_text(self.tr("预览"))
        self._show_message(self.tr("在中间选择一份材料，或在搜索结果中点一条，即可在此预览。"))

    def go_to_page(self, page: int) -> None:
        if self.request is None or not self.page_count or page == self.page:
            return
        page = max(0, min(page, self.page_count - 1))
        if page != self.request.page:
            self.request.page = page
            self.request.rects = []  # rectangles belong to the page they were given for; terms stay
            self._load()

    def zoom(self, step: int) -> None:
        if self.fit_width:  # continue from the zoom the page is shown at
            self.fit_width = False
            shown = self._shown_zoom()
            self.zoom_index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - shown))
        self.zoom_index = max(0, min(self.zoom_index + step, len(ZOOMS) - 1))
        if self.request is not None:
            self._load()

    def fit_to_width(self) -> None:
        self.fit_width = True
        if self.request is not None:
            self._load()

    def _screen_scale(self) -> float:
        """Pixels per PDF point at 100 %: the screen's resolution and the device pixel ratio."""
        return self.logicalDpiX() / 72 * self.devicePixelRatioF()

    def _pane_width(self) -> int:
        """The width a page can take without a horizontal scroll bar (the pane may be hidden now)."""
        return max(100, self.stack.width() - self.page_scroll.verticalScrollBar().sizeHint().width() - 8)

    def _shown_zoom(self) -> float:
        return self._last_scale / self._screen_scale() if self._last_scale else 1.0

    def open_external(self) -> None:
        if self.request is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.request.path)))

    # -- loading -------------------------------------------------------------------------------
    def _load(self) -> None:
        request = self.request
        if request is None:
            return
        self._generation += 1
        generation = self._generation
        suffix = request.path.suffix.lower()
        self.zoom_label.setText(f"{round(ZOOMS[self.zoom_index] * 100)}%" if not self.fit_width else "")
        if not request.path.exists():
            self._show_message(self.tr("找不到文件 {0}。它可能已被移动或删除；请重新扫描本组材料。").format(request.path))
            return
        if suffix == ".pdf":
            scale = ZOOMS[self.zoom_index] * self._screen_scale()
            fit = int(self._pane_width() * self.devicePixelRatioF()) if self.fit_width else 0
            page, rects, terms = request.page, list(request.rects), list(request.terms)
            self.pool.submit(lambda _job: render_pdf_page(request.path, page, scale, rects, terms, fit),
                             on_result=lambda r: self._pdf_ready(generation, r),
                             on_error=lambda e: self._failed(generation, e), name="预览 PDF")
        elif suffix == ".docx":
            terms = list(request.terms)
            self.pool.submit(lambda _job: docx_html(request.path, terms),
                             on_result=lambda r: self._docx_ready(generation, r),
                             on_error=lambda e: self._failed(generation, e), name="预览 DOCX")
        elif suffix in SHEET_SUFFIXES:
            page, location, terms = request.page, request.location, list(request.terms)
            self.pool.submit(lambda _job: read_workbook(request.path, page, location, terms),
                             on_result=lambda r: self._sheets_ready(generation, r),
                             on_error=lambda e: self._failed(generation, e), name="预览表格")
        elif suffix in IMAGE_SUFFIXES:
            self.pool.submit(lambda _job: read_image(request.path),
                             on_result=lambda r: self._image_ready(generation, r),
                             on_error=lambda e: self._failed(generation, e), name="预览图片")
        else:
            self._show_message(self.tr("{0} 格式的文件暂不能在此预览，请点“用系统程序打开”查看。")
                               .format(suffix.lstrip(".").upper() or self.tr("无扩展名")))

    def _current(self, generation: int) -> bool:
        """Whether a background result is still wanted: the pane lives (a closed window's pane is
        deleted before its last job ends) and shows the request the result was made for."""
        return isValid(self) and generation == self._generation

    def _pdf_ready(self, generation: int, rendered: RenderedPdf) -> None:
        if not self._current(generation) or self.request is None:
            return
        self.page_count = rendered.page_count
        self.request.page = rendered.page
        self.page_image = rendered.image
        self._last_scale = rendered.scale
        self.zoom_label.setText(f"{round(self._shown_zoom() * 100)}%")
        pixmap = QPixmap.fromImage(rendered.image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.page_label.setPixmap(pixmap)
        self._set_controls(pdf=True)
        self.stack.setCurrentWidget(self.page_scroll)
        if self.request.rects:
            top = self.request.rects[0][1] * rendered.scale / self.devicePixelRatioF()
            self.page_scroll.verticalScrollBar().setValue(max(0, int(top) - 60))
        self.page_shown.emit(rendered.page)

    def _docx_ready(self, generation: int, body: str) -> None:
        if not self._current(generation):
            return
        self._set_controls(pdf=False, zoom=False)
        self.text.setHtml(body)
        self.stack.setCurrentWidget(self.text)
        if self.request and self.request.terms:
            self.text.find(self.request.terms[0])

    def _image_ready(self, generation: int, result: ImageFacts) -> None:
        if not self._current(generation):
            return
        self._set_controls(pdf=False, zoom=True)
        target = min(result.image.width(), self._pane_width()) if self.fit_width else result.image.width() * ZOOMS[self.zoom_index]
        pixmap = QPixmap.fromImage(result.image).scaledToWidth(max(1, int(target)),
                                                                Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(pixmap)
        self.facts.setText("<br>".join(f"<b>{html.escape(k)}</b>：{html.escape(v)}" for k, v in result.facts))
        self.stack.setCurrentIndex(3)

    def _sheets_ready(self, generation: int, book: Workbook) -> None:
        if not self._current(generation):
            return
        self._set_controls(pdf=False, zoom=False)
        self.sheets.show_workbook(book)
        self.stack.setCurrentWidget(self.sheets)
        if book.note:
            self.title.set_full_text(f"{self.request.path if self.request else ''}（{book.note}）")

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._current(generation):
            self._show_message(describe_exception(exc))

    def _show_message(self, text: str) -> None:
        self._set_controls(pdf=False)
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _set_controls(self, *, pdf: bool, zoom: bool | None = None) -> None:
        for widget in (self.previous_button, self.next_button, self.page_box, self.page_total):
            widget.setVisible(pdf)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            widget.setVisible(pdf if zoom is None else zoom)
        self.open_button.setEnabled(self.request is not None)
        if pdf:
            self.page_box.blockSignals(True)
            self.page_box.setMaximum(max(1, self.page_count))
            self.page_box.setValue(self.page + 1)
            self.page_box.blockSignals(False)
            self.page_total.setText(f"/ {self.page_count}")
            self.previous_button.setEnabled(self.page > 0)
            self.next_button.setEnabled(self.page < self.page_count - 1)
