"""What the checks know of a file besides its content, built in one place for the engine, the
office's consolidated view and files on disk."""
from __future__ import annotations

import hashlib

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


def test_a_file_on_disk_has_the_facts_its_stored_paths_give(tmp_path):
    path = tmp_path / "Ⅲ-1-1)" / "活动照片.JPG"
    path.parent.mkdir()
    path.write_bytes(b"\xff\xd8 photo")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert FileFacts.of_file(path, tmp_path, sha, "jpeg", "XC", ("Ⅲ-1-1)",)) == FileFacts.of(
        str(path), "Ⅲ-1-1)/活动照片.JPG", path.stat().st_size, sha, "jpeg", "XC", ("Ⅲ-1-1)",))
    outside = FileFacts.of_file(path, tmp_path / "其他", sha, "jpeg")
    assert (outside.rel_path, outside.name, outside.extension) == ("活动照片.JPG", "活动照片.JPG", "jpg")
