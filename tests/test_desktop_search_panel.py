"""Search panel: results with snippets and pages; a click opens the preview on that page."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.preview import PreviewPane
from desktop.search_panel import SearchPanel, snippet_html
from index.search.model import Hit, PageHit
from tests.desktop_helpers import pool_fixture, write_pdf  # noqa: F401 - fixtures

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_click_on_a_page_hit_opens_the_preview_on_that_page(qtbot, pool, tmp_path: Path):
    pdf = write_pdf(tmp_path / "背街小巷台账.pdf", pages=3)
    asked: list[tuple[str, str]] = []

    def search(query: str, scope: str) -> list[Hit]:
        asked.append((query, scope))
        pages = [PageHit(2, "背街小巷整治台账 第2页", [(0, 4)]), PageHit(3, "背街小巷整治台账 第3页", [(0, 4)])]
        return [Hit("1", "背街小巷台账", str(pdf), "XC", 1.0, pages, ["背街小巷"])]

    panel = SearchPanel(pool, search)
    preview = PreviewPane(pool)
    qtbot.addWidget(panel)
    qtbot.addWidget(preview)
    panel.open_requested.connect(lambda path, page, terms: preview.show_file(path, page, terms=terms))
    panel.scope.setCurrentIndex(panel.scope.findData("group"))
    panel.box.setText("背街小巷")
    panel.run()
    qtbot.waitUntil(lambda: panel.results.topLevelItemCount() == 1, timeout=5000)
    assert asked == [("背街小巷", "group")]
    assert "1 份材料，2 处" in panel.status.text()
    top = panel.results.topLevelItem(0)
    assert top.text(0) == "背街小巷台账" and top.childCount() == 2

    third = top.child(1)
    with qtbot.waitSignal(preview.page_shown, timeout=5000) as shown:
        panel.results.itemClicked.emit(third, 0)
    assert shown.args == [2]  # 第 3 页 is page index 2
    assert preview.request.terms == ["背街小巷"]


def test_no_hits_and_no_engine_are_explained(qtbot, pool):
    panel = SearchPanel(pool, None)
    qtbot.addWidget(panel)
    assert not panel.box.isEnabled() and "扫描" in panel.status.text()
    panel.set_search(lambda query, scope: [])
    panel.box.setText("不存在的词")
    panel.run()
    qtbot.waitUntil(lambda: "没有找到" in panel.status.text(), timeout=5000)
    assert "不存在的词" in panel.status.text()


def test_snippet_marks_highlights_and_escapes_html():
    assert snippet_html("a<b>背街小巷", [(4, 8)]) == 'a&lt;b&gt;<span style="background:#ffd500">背街小巷</span>'


def test_snippet_keeps_the_hit_near_the_start():
    text = "关于印发理论学习计划的通知第一页第一行深入开展背街小巷整治"
    start = text.index("背街小巷")
    marked = snippet_html(text, [(start, start + 4)], lead=4)
    assert marked == '…深入开展<span style="background:#ffd500">背街小巷</span>整治'
