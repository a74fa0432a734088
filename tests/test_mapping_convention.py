"""Mapping by naming convention: item codes at the start of folder or file names, in several styles."""
from __future__ import annotations

import pytest

from review.errors import UserError
from review.intake.mapping import CodeMatcher, normalize_code
from review.manual.model import Content, Indicator, Manual, Project, Standard
from review.workspace.settings import DEFAULT_CODE_PATTERNS
from tests.conftest import small_manual


def numeric_manual() -> Manual:
    return Manual("数字编号手册", "1", [Project("2", "城市管理", [Indicator("2.3", "市容", [Content("2.3.1", "整治", [
        Standard("2.3.1-1", "方案", ["材料审核"]), Standard("2.3.1-2", "台账", ["材料审核"]),
    ])])])])


@pytest.mark.parametrize(
    ("rel_path", "code"),
    [
        ("Ⅲ-1-1) 工作方案/关于印发方案的通知.docx", "Ⅲ-1-1)"),
        ("III-1-1）通知.pdf", "Ⅲ-1-1)"),  # Latin letters and a full-width bracket
        ("Ⅲ-1-2)-① 活动照片.jpg", "Ⅲ-1-2)"),
        ("Ⅲ-1-1) 方案/Ⅲ-1-2) 照片.jpg", "Ⅲ-1-2)"),  # the file name wins over its folder
        ("宣传组/Ⅲ-3-1)台账/2026年台账.xlsx", "Ⅲ-3-1)"),
        ("Ⅲ-1-10) 其他.pdf", None),  # Ⅲ-1-1) must not match Ⅲ-1-10)
        ("Ⅲ-1 制度汇编/说明.pdf", None),  # a 测评内容 code is not a standard
        ("待归类/2026年工作总结.docx", None),
    ],
)
def test_roman_style_codes(rel_path: str, code: str | None) -> None:
    match = CodeMatcher(small_manual(), DEFAULT_CODE_PATTERNS).match(rel_path)
    assert (match.code if match else None) == code


@pytest.mark.parametrize(
    ("rel_path", "code"),
    [("2.3.1-1 方案.pdf", "2.3.1-1"), ("2-3-1-2 台账.xlsx", "2.3.1-2"), ("2.3.1-2-1 照片.jpg", "2.3.1-2"),
     ("2.3.1-10 x.pdf", None)],
)
def test_numeric_style_codes(rel_path: str, code: str | None) -> None:
    match = CodeMatcher(numeric_manual(), DEFAULT_CODE_PATTERNS).match(rel_path)
    assert (match.code if match else None) == code


def test_custom_pattern_from_settings() -> None:
    matcher = CodeMatcher(numeric_manual(), [r"^第(?P<code>[\d.\-]+)项"])
    assert matcher.match("第2.3.1-2项 台账.xlsx").code == "2.3.1-2"
    assert matcher.match("2.3.1-2 台账.xlsx") is None


def test_bad_pattern_is_explained() -> None:
    with pytest.raises(UserError, match="不是有效的正则表达式"):
        CodeMatcher(numeric_manual(), ["^(unclosed"])


def test_normalize_code_equates_styles() -> None:
    assert normalize_code("Ⅲ-1-1）") == normalize_code("III-1-1") == normalize_code("iii－1－1)")
    assert normalize_code("2.3.1") == normalize_code("2-3-1")
