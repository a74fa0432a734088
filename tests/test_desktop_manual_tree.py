"""The manual tree: only the group's standards, badges from a provider, filter by status, stepping."""
from __future__ import annotations

import pytest

from desktop.manual_tree import ManualTree
from desktop.standard_status import StandardStatus
from tests.conftest import small_manual

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

def fake_provider(codes):
    states = {"Ⅲ-1-1)": StandardStatus("ok", 2), "Ⅲ-1-2)": StandardStatus("missing"), "Ⅲ-3-1)": StandardStatus("problem", 1, "已退回：缺台账")}
    return {c: states[c] for c in codes if c in states}

def test_tree_shows_only_the_groups_standards_with_badges(qtbot):
    tree = ManualTree()
    qtbot.addWidget(tree)
    manual = small_manual()
    codes = ["Ⅲ-1-1)", "Ⅲ-1-2)"]  # the group owns Ⅲ-1 only
    tree.show_group(manual, codes, fake_provider(codes))
    assert tree.visible_codes() == codes
    assert tree.state_of("Ⅲ-1-1)") == "ok" and tree.state_of("Ⅲ-1-2)") == "missing"
    assert tree.state_of("Ⅲ-3-1)") is None  # another group's standard is not in the tree
    top = tree.model.item(0, 0)
    assert top.text().startswith("Ⅰ-1") and tree.model.rowCount() == 1  # Ⅰ-2 has nothing of this group
    assert tree.model.item(0, 1).text() == "缺失"  # a parent shows its worst child
    assert tree.model.item(0, 2).text() == "1/2 合格"
    assert "缺失 1" in tree.model.item(0, 2).toolTip()
    assert tree.summary.text() == "合格 1/2 · 缺失 1"

def test_status_filter_and_navigation(qtbot):
    tree = ManualTree()
    qtbot.addWidget(tree)
    codes = ["Ⅲ-1-1)", "Ⅲ-1-2)", "Ⅲ-3-1)"]
    tree.show_group(small_manual(), codes, fake_provider(codes))
    selected = []
    tree.standard_selected.connect(selected.append)
    assert tree.step(+1) == "Ⅲ-1-1)"
    assert tree.step(+1) == "Ⅲ-1-2)"
    assert tree.step(+1) == "Ⅲ-3-1)"
    assert tree.step(+1) == "Ⅲ-3-1)"  # stays on the last one
    assert tree.step(-1) == "Ⅲ-1-2)"
    assert selected == ["Ⅲ-1-1)", "Ⅲ-1-2)", "Ⅲ-3-1)", "Ⅲ-1-2)"]

    tree.filter_box.setCurrentIndex(tree.filter_box.findData("problem"))
    assert tree.visible_codes() == ["Ⅲ-3-1)"]
    tree.filter_box.setCurrentIndex(tree.filter_box.findData("missing"))
    assert tree.visible_codes() == ["Ⅲ-1-2)"]
    tree.filter_box.setCurrentIndex(tree.filter_box.findData("changed"))
    assert tree.visible_codes() == []
    tree.filter_box.setCurrentIndex(0)
    assert tree.visible_codes() == codes

def test_group_without_items_says_what_to_do(qtbot):
    tree = ManualTree()
    qtbot.addWidget(tree)
    tree.show()
    tree.show_group(small_manual(), [], {})
    assert tree.visible_codes() == []
    assert tree.empty.isVisible() and "分配" in tree.empty.text()
