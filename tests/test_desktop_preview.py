"""The preview: PDF pages with highlight rectangles, page navigation, DOCX as HTML, image EXIF."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PIL import Image
from PySide6.QtGui import QColor

from desktop.preview import PreviewPane, docx_html
from tests.desktop_helpers import pool_fixture, write_pdf  # noqa: F401 - fixtures

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def pixel(pane: PreviewPane, x_pt: float, y_pt: float) -> QColor:
    image = pane.page_image
    scale = image.width() / 595  # A4 width in points
    return image.pixelColor(int(x_pt * scale), int(y_pt * scale))


def is_highlight(color: QColor) -> bool:
    return color.red() > 200 and color.green() > 150 and color.blue() < 150


def test_pdf_page_rendered_with_highlight_rect(qtbot, pool, tmp_path: Path):
    pdf = write_pdf(tmp_path / "台账.pdf", pages=3)
    pane = PreviewPane(pool)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.page_shown, timeout=5000) as shown:
        pane.show_file(pdf, page=1, rects=[(300, 400, 500, 500)])
    assert shown.args == [1]
    assert pane.page_count == 3 and pane.page_box.value() == 2 and pane.page_total.text() == "/ 3"
    assert is_highlight(pixel(pane, 400, 450))  # inside the rectangle
    assert pixel(pane, 400, 600).name() == "#ffffff"  # below it the page is white
    assert pane.previous_button.isEnabled() and pane.next_button.isEnabled()

    with qtbot.waitSignal(pane.page_shown, timeout=5000) as shown:
        pane.go_to_page(2)
    assert shown.args == [2] and not pane.next_button.isEnabled()
    assert not is_highlight(pixel(pane, 400, 450))  # the rectangle belonged to page 2 only

    width = pane.page_image.width()
    with qtbot.waitSignal(pane.page_shown, timeout=5000):
        pane.zoom(+1)
    assert pane.page_image.width() > width


def test_pdf_search_terms_are_found_and_highlighted_on_the_page(qtbot, pool, tmp_path: Path):
    pdf = write_pdf(tmp_path / "方案.pdf", pages=1, text="背街小巷整治台账")
    pane = PreviewPane(pool)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.page_shown, timeout=5000):
        pane.show_file(pdf, terms=["背街小巷"])
    image = pane.page_image
    scale = image.width() / 595
    row = int(95 * scale)  # the text baseline is at y=100 pt
    assert any(is_highlight(image.pixelColor(x, row)) for x in range(int(72 * scale), int(140 * scale)))


def test_broken_pdf_and_missing_file_say_what_to_do(qtbot, pool, tmp_path: Path):
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.7 truncated")
    pane = PreviewPane(pool)
    qtbot.addWidget(pane)
    pane.show_file(broken)
    qtbot.waitUntil(lambda: "坏文件.pdf" in pane.message.text(), timeout=5000)
    assert "损坏" in pane.message.text()
    pane.show_file(tmp_path / "不存在.pdf")
    assert "找不到文件" in pane.message.text() and "重新扫描" in pane.message.text()


def test_docx_shown_as_text_and_tables_with_marked_terms(tmp_path: Path):
    path = tmp_path / "记录.docx"
    document = docx.Document()
    document.add_heading("中心组学习记录", 1)
    document.add_paragraph("开展背街小巷整治专题学习。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "日期", "主题"
    table.cell(1, 0).text, table.cell(1, 1).text = "3月15日", "背街小巷"
    document.save(path)
    body = docx_html(path, ["背街小巷"])
    assert "<h3>中心组学习记录</h3>" in body
    assert "<table" in body and "<td>3月15日</td>" in body
    assert body.count('background:#ffd500">背街小巷') == 2


def test_image_with_exif_facts(qtbot, pool, tmp_path: Path):
    photo = tmp_path / "宣讲.jpg"
    exif = Image.Exif()
    exif[0x0132] = "2026:03:15 10:00:00"
    Image.new("RGB", (640, 480), (120, 160, 200)).save(photo, exif=exif)
    bare = tmp_path / "无信息.png"
    Image.new("RGB", (320, 200), (0, 0, 0)).save(bare)
    pane = PreviewPane(pool)
    qtbot.addWidget(pane)
    pane.show_file(photo)
    qtbot.waitUntil(lambda: "拍摄时间" in pane.facts.text(), timeout=5000)
    # the time as people write it, not EXIF's "2026:03:15 10:00:00"
    assert "2026年3月15日 10:00" in pane.facts.text() and "2026:03:15" not in pane.facts.text()
    assert "640 × 480" in pane.facts.text()
    pane.show_file(bare)
    qtbot.waitUntil(lambda: "320 × 200" in pane.facts.text(), timeout=5000)
    assert "没有记录拍摄时间" in pane.facts.text()


def write_workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "汇总"
    first.append(["项目", "次数"])
    first.append(["理论学习", 12])
    names = book.create_sheet("志愿者名单")
    names.append(["姓名", "服务时长", "社区"])
    for number in range(1, 40):
        names.append([f"志愿者{number}", number, "北湖社区"])
    names.append(["张三", 8, "背街小巷服务队"])
    book.save(path)
    return path


def test_spreadsheet_shown_as_tables_with_sheet_tabs_and_the_cell_selected(qtbot, pool, tmp_path: Path):
    workbook = write_workbook(tmp_path / "台账.xlsx")
    pane = PreviewPane(pool)
    qtbot.addWidget(pane)
    pane.show_file(workbook, 1, terms=["背街小巷"])  # a search hit on the second sheet
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.sheets, timeout=5000)
    assert [pane.sheets.tabText(i) for i in range(pane.sheets.count())] == ["汇总", "志愿者名单"]
    assert pane.sheets.currentIndex() == 1
    table = pane.sheets.table(1)
    assert (table.currentRow(), table.currentColumn()) == (40, 2)  # row 41, column C
    assert table.currentItem().text() == "背街小巷服务队"
    assert pane.sheets.table(0).item(1, 1).text() == "12"
    # a finding's stored place selects its cell
    pane.show_file(workbook, 0, location="工作表汇总 第2行第1列")
    qtbot.waitUntil(lambda: pane.sheets.currentIndex() == 0 and pane.sheets.table(0) is not None
                    and pane.sheets.table(0).currentRow() == 1, timeout=5000)
    assert pane.sheets.table(0).currentItem().text() == "理论学习"


def test_search_hits_in_a_sheet_name_the_sheet_and_row(workspace, tmp_path: Path):
    from review.intake.scan import scan
    from review.intake.search import search
    from review.workspace.permissions import LOCAL_USER
    from tests.desktop_helpers import add_groups

    add_groups(workspace)
    folder = tmp_path / "材料"
    folder.mkdir()
    write_workbook(folder / "志愿服务台账.xlsx")
    scan(workspace, LOCAL_USER, "XC", [folder], ocr=False, check=False)
    hits = search(workspace, "背街小巷").hits
    assert len(hits) == 1 and hits[0].pages[0].page == 2
    assert hits[0].pages[0].place == "工作表 志愿者名单 第 41 行第 3 列"
