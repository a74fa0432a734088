"""File and folder names in the final submission survive Windows: characters, reserved names, length, collisions."""
from __future__ import annotations

import pytest

from review.errors import UserError
from review.workspace.settings import WorkspaceSettings
from review.workspace.submission_names import (
    DEFAULT_NAME_PATTERN,
    check_pattern,
    file_name,
    folder_name,
    sanitize,
    unique_name,
)


def fields(title: str, ext: str = ".pdf") -> dict[str, str]:
    return {"code": "Ⅲ-1-1)", "item": "制定学习计划", "group": "宣传组", "group_code": "XC", "seq": "01",
            "title": title, "ext": ext}


def test_default_pattern_fills_code_group_seq_and_title():
    assert file_name(DEFAULT_NAME_PATTERN, fields("学习计划"), 80) == "Ⅲ-1-1)-宣传组-01-学习计划.pdf"


@pytest.mark.parametrize(("raw", "safe"), [
    ('会议:纪要*"终稿"?.pdf', "会议_纪要__终稿__.pdf"),
    ("a\\b/c<d>e|f.docx", "a_b_c_d_e_f.docx"),
    ("行\t尾\x01.pdf", "行_尾_.pdf"),
    ("结尾有点和空格. . ", "结尾有点和空格"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("Com1.pdf", "_Com1.pdf"), ("LPT9", "_LPT9"),
    ("CONSOLE.pdf", "CONSOLE.pdf"), ("", "_"),
])
def test_characters_and_names_windows_rejects_are_replaced(raw, safe):
    assert sanitize(raw) == safe


def test_long_titles_are_cut_first_and_the_extension_kept():
    long_title = "关于印发北湖市二〇二六年度全国文明城市创建理论学习计划及实施方案的通知" * 3
    name = file_name(DEFAULT_NAME_PATTERN, fields(long_title), 60)
    assert len(name) == 60
    assert name.startswith("Ⅲ-1-1)-宣传组-01-关于印发") and name.endswith(".pdf")
    # a limit smaller than the fixed part still yields a name within the limit with its extension
    tiny = file_name(DEFAULT_NAME_PATTERN, fields(long_title, ".docx"), 12)
    assert len(tiny) <= 12 and tiny.endswith(".docx")


def test_folder_names_lead_with_the_manual_position_and_respect_the_limit():
    assert folder_name(3, 2, "Ⅲ-1", "健全学习制度", 80) == "03 Ⅲ-1 健全学习制度"
    cut = folder_name(12, 2, "Ⅱ-5", "长" * 200, 40)
    assert len(cut) == 40 and cut.startswith("12 Ⅱ-5 长")
    assert folder_name(1, 2, "Ⅰ-1", "城乡/环境：整治?", 80) == "01 Ⅰ-1 城乡_环境：整治_"


def test_collisions_are_numbered_case_insensitively_within_the_limit():
    taken: set[str] = set()
    assert unique_name("照片.jpg", taken, 20) == "照片.jpg"
    assert unique_name("照片.JPG", taken, 20) == "照片 (2).JPG"
    assert unique_name("照片.jpg", taken, 20) == "照片 (3).jpg"
    long_taken: set[str] = set()
    first = unique_name("一" * 16 + ".pdf", long_taken, 20)
    second = unique_name("一" * 16 + ".pdf", long_taken, 20)
    assert first != second and len(second) == 20 and second.endswith(" (2).pdf")


def test_pattern_setting_is_checked_when_set():
    settings = WorkspaceSettings()
    assert settings.submission_name_pattern == DEFAULT_NAME_PATTERN
    changed = settings.with_value("submission_name_pattern", "{seq}_{title}_{group_code}{ext}")
    assert changed.submission_name_pattern == "{seq}_{title}_{group_code}{ext}"
    with pytest.raises(UserError, match=r"\{name\}.*无法识别"):
        settings.with_value("submission_name_pattern", "{name}{ext}")
    with pytest.raises(UserError, match=r"必须包含 \{ext\}"):
        check_pattern("{code}-{title}")
    with pytest.raises(UserError, match="花括号不配对"):
        check_pattern("{code-{title}{ext}")
