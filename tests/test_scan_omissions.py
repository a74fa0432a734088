"""Nothing is skipped silently: links the scan does not follow and folders it cannot read are named
in the scan's notes, and empty files are each reported as empty, not as copies of each other."""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from review.checking.findings import list_findings
from review.intake.scan import scan
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER
from tests.files import make_docx


@pytest.fixture
def group_folder(workspace, tmp_path) -> Path:
    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
    folder = tmp_path / "材料"
    folder.mkdir()
    make_docx(folder / "方案.docx", ["北湖市志愿服务工作方案"])
    return folder


def test_empty_files_are_each_empty_not_duplicates(workspace, group_folder):
    for name in ("空白一.docx", "空白二.pdf", "空白三.txt"):
        (group_folder / name).write_bytes(b"")
    scan(workspace, LOCAL_USER, "XC", [group_folder], ocr=False)
    with workspace.session() as session:
        rules = Counter((f.rule_id, Path(f.file).name) for f in list_findings(session, "XC")
                        if f.rule_id in ("MR-FILE-003", "MR-DUP-001"))
    assert rules == Counter({("MR-FILE-003", "空白一.docx"): 1, ("MR-FILE-003", "空白二.pdf"): 1,
                             ("MR-FILE-003", "空白三.txt"): 1})


def test_links_that_are_not_followed_are_named(workspace, group_folder, tmp_path):
    outside = tmp_path / "别处" / "私人.docx"
    outside.parent.mkdir()
    make_docx(outside, ["不属于报送材料"])
    (group_folder / "循环").symlink_to(group_folder / "循环")
    (group_folder / "外部.docx").symlink_to(outside)
    (group_folder / "上级").symlink_to(tmp_path, target_is_directory=True)
    (group_folder / "同一方案.docx").symlink_to(group_folder / "方案.docx")
    report = scan(workspace, LOCAL_USER, "XC", [group_folder], ocr=False, check=False)
    notes = {Path(p.path).name: p.message for p in report.problems}
    assert "循环" in notes["循环"] and "删除该链接" in notes["循环"]
    assert "扫描文件夹之外" in notes["外部.docx"] and str(outside) in notes["外部.docx"]
    assert "扫描文件夹之外" in notes["上级"]
    assert "链接本身不扫描" in notes["同一方案.docx"]
    assert report.found == 1  # only the real file; nothing reached through a link


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_named(workspace, group_folder):
    locked = group_folder / "机密"
    locked.mkdir()
    make_docx(locked / "内部.docx", ["内部材料"])
    locked.chmod(0)
    try:
        report = scan(workspace, LOCAL_USER, "XC", [group_folder], ocr=False, check=False)
    finally:
        locked.chmod(0o755)
    assert any(p.path == str(locked) and "无法读取" in p.message for p in report.problems)
