"""What the checks know of a file besides its content, built in one place for the engine, the
office's consolidated view and files on disk."""
from __future__ import annotations

from review.checking.rules.material import FileFacts

SHA = "0" * 64


def test_name_and_extension_come_from_the_relative_path():
    facts = FileFacts.of("/材料/XC/Ⅲ-1-1)/方案.PDF", "Ⅲ-1-1)/方案.PDF", 10, SHA, "pdf", "XC", ["Ⅲ-1-1)", "Ⅲ-1-2)"])
    assert (facts.path, facts.rel_path, facts.name, facts.extension, facts.display_name) == (
        "/材料/XC/Ⅲ-1-1)/方案.PDF", "Ⅲ-1-1)/方案.PDF", "方案.PDF", "pdf", "Ⅲ-1-1)/方案.PDF")
    assert (facts.size, facts.sha256, facts.format, facts.group, facts.item_codes) == (
        10, SHA, "pdf", "XC", ("Ⅲ-1-1)", "Ⅲ-1-2)"))


def test_without_a_relative_path_the_name_comes_from_the_path():
    facts = FileFacts.of("/材料/XC/工作报告.docx", "", 10, SHA, "docx")
    assert (facts.name, facts.extension, facts.display_name, facts.group, facts.item_codes) == (
        "工作报告.docx", "docx", "工作报告.docx", "", ())
