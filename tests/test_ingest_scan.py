"""Scanning a group's folder: incremental, moves and deletions, bad files, cancel and resume, search."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from index.search import SearchQuery
from review.errors import PermissionDenied, UserError
from review.intake.scan import ocr_pending, ocr_queue, scan
from review.intake.search import SearchService
from review.manual.assignment import assign_items
from review.progress import CancelToken, ProgressEvent
from review.workspace.db.models import CheckState, Mapping, Material, OcrQueueEntry
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER, Actor
from tests.files import (
    make_docx,
    make_encrypted_pdf,
    make_photo,
    make_text_pdf,
    make_zip_bomb_docx,
    truncate,
)


@pytest.fixture
def group_ws(workspace: Workspace) -> Workspace:
    with workspace.session() as session:
        add_group(session, "CG", "城管组")
        assign_items(session, "CG", ["Ⅲ-1", "Ⅲ-3"])
    return workspace


def at(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "城管组材料"
    make_docx(at(root / "Ⅲ-3-1) 台账" / "背街小巷整治台账说明.docx"), ["北湖市背街小巷整治工作台账", "二〇二六年三月一日"])
    make_text_pdf(at(root / "Ⅲ-1-1) 方案" / "志愿服务方案.pdf"), ["北湖市志愿服务工作方案", "第二页 志愿者招募"])
    make_photo(at(root / "待归类" / "现场照片.jpg"), exif=True)
    return root


def materials(ws: Workspace) -> dict[str, Material]:
    with ws.session() as session:
        return {Path(m.path).name: m for m in session.scalars(select(Material))}


def search_names(ws: Workspace, text: str) -> set[str]:
    with SearchService.open(ws) as service:
        return {h.title for h in service.search(SearchQuery(text, limit=0)).hits}


def test_first_scan_records_extracts_maps_and_indexes(group_ws: Workspace, folder: Path) -> None:
    events: list[ProgressEvent] = []
    report = scan(group_ws, LOCAL_USER, "CG", [folder], progress=events.append)
    assert (report.found, report.new, report.extracted) == (3, 3, 3)
    assert report.mapped_by_name == 2
    assert {e.phase for e in events} >= {"hash", "extract"}
    assert events[-1].done == events[-1].total
    found = materials(group_ws)
    assert found["志愿服务方案.pdf"].format == "pdf"
    with group_ws.session() as session:
        codes = {Path(m.path).name: [x.item_code for x in m.mappings] for m in session.scalars(select(Material))}
    assert codes == {"背街小巷整治台账说明.docx": ["Ⅲ-3-1)"], "志愿服务方案.pdf": ["Ⅲ-1-1)"], "现场照片.jpg": []}
    assert search_names(group_ws, "背街小巷") == {"背街小巷整治台账说明.docx"}
    assert search_names(group_ws, "志愿者招募") == {"志愿服务方案.pdf"}


def test_unchanged_rescan_only_stats(group_ws: Workspace, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan(group_ws, LOCAL_USER, "CG", [folder])
    import review.intake.scan

    def no_hashing(_path: object) -> str:
        raise AssertionError("an unchanged file was hashed again")

    monkeypatch.setattr(review.intake.scan, "sha256_file", no_hashing)
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert (report.unchanged, report.new, report.changed, report.extracted) == (3, 0, 0, 0)


def test_unchanged_rescan_keeps_the_findings_without_checking(group_ws: Workspace, folder: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing changed and the rules are the same: no rule runs and the report says so; changed rules or
    a changed file are checked again."""
    import review.checking.engine
    import review.intake.scan

    first = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert first.checks is not None and first.checks.files_checked == 3
    real_run_checks = review.checking.engine.run_checks
    runs: list[str | None] = []

    def counted(workspace: Workspace, **kwargs: object) -> object:
        runs.append(kwargs.get("group_code"))  # type: ignore[arg-type]
        return real_run_checks(workspace, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review.intake.scan, "run_checks", counted)
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert runs == [] and report.checks is None and report.checks_skipped
    assert "文件无变化" in report.summary() and report.to_json()["checks_skipped"] is True

    group_ws.save_settings(group_ws.settings().with_value("max_file_mb", "1"))
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert runs == ["CG"] and report.checks is not None and report.checks.files_checked == 3

    target = folder / "Ⅲ-3-1) 台账" / "背街小巷整治台账说明.docx"
    make_docx(target, ["北湖市农贸市场提升改造台账"])
    os.utime(target, ns=(1, 1))
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert runs == ["CG", "CG"] and report.checks is not None and report.checks.files_checked == 1


def test_changed_file_is_rehashed_reextracted_and_searchable(group_ws: Workspace, folder: Path) -> None:
    scan(group_ws, LOCAL_USER, "CG", [folder])
    target = folder / "Ⅲ-3-1) 台账" / "背街小巷整治台账说明.docx"
    make_docx(target, ["北湖市农贸市场提升改造台账"])
    os.utime(target, ns=(1, 1))
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert (report.changed, report.extracted, report.unchanged) == (1, 1, 2)
    assert search_names(group_ws, "农贸市场") == {"背街小巷整治台账说明.docx"}
    assert search_names(group_ws, "整治工作台账") == set()  # old text gone (the name still says 背街小巷)


def test_moved_file_keeps_its_mapping(group_ws: Workspace, folder: Path) -> None:
    scan(group_ws, LOCAL_USER, "CG", [folder])
    before = materials(group_ws)["现场照片.jpg"]
    with group_ws.session() as session:
        photo = session.get(Material, before.id)
        photo.mappings.append(Mapping(item_code="Ⅲ-1-2)", source="manual"))
    (folder / "Ⅲ-1-2) 照片").mkdir()
    shutil.move(folder / "待归类" / "现场照片.jpg", folder / "Ⅲ-1-2) 照片" / "活动现场.jpg")
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert (report.moved, report.new, report.missing, report.extracted) == (1, 0, 0, 0)
    after = materials(group_ws)["活动现场.jpg"]
    assert after.id == before.id
    with group_ws.session() as session:
        assert [m.item_code for m in session.get(Material, after.id).mappings] == ["Ⅲ-1-2)"]


def test_deleted_file_is_marked_missing_not_forgotten(group_ws: Workspace, folder: Path) -> None:
    scan(group_ws, LOCAL_USER, "CG", [folder])
    (folder / "Ⅲ-1-1) 方案" / "志愿服务方案.pdf").unlink()
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert report.missing == 1
    assert "志愿服务方案.pdf" in report.problems[0].message
    gone = materials(group_ws)["志愿服务方案.pdf"]
    assert gone.status == "missing"
    assert search_names(group_ws, "志愿者招募") == set()


def test_scanning_one_folder_does_not_mark_another_missing(group_ws: Workspace, folder: Path,
                                                          tmp_path: Path) -> None:
    other = tmp_path / "第二批"
    make_docx(at(other / "补充说明.docx"), ["补充材料"])
    scan(group_ws, LOCAL_USER, "CG", [folder])
    report = scan(group_ws, LOCAL_USER, "CG", [other])
    assert report.missing == 0
    assert all(m.status == "present" for m in materials(group_ws).values())


def test_bad_files_become_problems_and_the_scan_goes_on(group_ws: Workspace, tmp_path: Path) -> None:
    root = tmp_path / "问题文件"
    make_docx(at(root / "好文件.docx"), ["北湖市文明交通劝导工作情况说明"])
    make_encrypted_pdf(at(root / "加密.pdf"))
    truncate(make_docx(at(root / "损坏.docx"), ["内容"]))
    (root / "空文件.pdf").write_bytes(b"")
    make_zip_bomb_docx(at(root / "炸弹.docx"), member_mb=30)
    shutil.copy(make_photo(tmp_path / "p.jpg"), root / "其实是图片.pdf")
    make_docx(at(root / ("很长的文件名" * 13 + ".docx")), ["长文件名"])
    report = scan(group_ws, LOCAL_USER, "CG", [root])
    assert report.found == 7 and report.extracted == 7
    found = materials(group_ws)
    assert found["其实是图片.pdf"].format == "jpeg"
    assert search_names(group_ws, "文明交通劝导") == {"好文件.docx"}
    from index.cache import ExtractionCache

    cache = ExtractionCache(group_ws.paths.cache)
    problems = {name: {p.code for p in cache.get(m.sha256).problems} for name, m in found.items()}
    assert "encrypted" in problems["加密.pdf"]
    assert problems["空文件.pdf"] == {"empty"}
    assert "zip_bomb" in problems["炸弹.docx"]
    assert "wrong_extension" in problems["其实是图片.pdf"]
    assert problems["损坏.docx"] & {"corrupt", "truncated"}


@pytest.mark.skipif(os.name != "posix", reason="undecodable names exist on POSIX file systems only")
def test_undecodable_file_name_is_kept_and_extracted(group_ws: Workspace, tmp_path: Path) -> None:
    root = tmp_path / "乱码"
    root.mkdir()
    raw = os.fsencode(root) + b"/\xb1\xa8\xb8\xe6.docx"  # "报告" in GBK: not valid UTF-8
    make_docx(Path(os.fsdecode(raw)), ["北湖市未成年人思想道德建设情况"])
    report = scan(group_ws, LOCAL_USER, "CG", [root])
    assert report.new == 1 and report.extracted == 1
    assert search_names(group_ws, "未成年人思想道德") == {"\\xb1\\xa8\\xb8\\xe6.docx"}


def test_cancel_then_resume_completes(group_ws: Workspace, folder: Path) -> None:
    token = CancelToken()

    def cancel_at_extract(event: ProgressEvent) -> None:
        if event.phase == "extract":
            token.cancel()

    first = scan(group_ws, LOCAL_USER, "CG", [folder], progress=cancel_at_extract, cancel=token)
    assert first.cancelled
    second = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert not second.cancelled
    assert search_names(group_ws, "背街小巷") == {"背街小巷整治台账说明.docx"}
    assert search_names(group_ws, "志愿者招募") == {"志愿服务方案.pdf"}


def test_broken_search_index_is_rebuilt_on_open(group_ws: Workspace, folder: Path) -> None:
    scan(group_ws, LOCAL_USER, "CG", [folder])
    for file in group_ws.paths.search_index.iterdir():
        if file.is_file():
            file.write_bytes(b"garbage" * 100)
    assert search_names(group_ws, "背街小巷") == {"背街小巷整治台账说明.docx"}


def test_scan_refusals(group_ws: Workspace, folder: Path) -> None:
    with pytest.raises(UserError, match="找不到要扫描"):
        scan(group_ws, LOCAL_USER, "CG", [folder / "不存在"])
    with pytest.raises(UserError, match="没有编号为“JT”的工作组"):
        scan(group_ws, LOCAL_USER, "JT", [folder])
    clerk = Actor("小王", "clerk", "XC")
    with pytest.raises(PermissionDenied, match="只能对本组"):
        scan(group_ws, clerk, "CG", [folder])


def test_database_is_consistent_after_interrupted_scan(group_ws: Workspace, folder: Path) -> None:
    """A scan killed after recording files but before indexing leaves rows the next scan completes."""
    token = CancelToken()
    scan(group_ws, LOCAL_USER, "CG", [folder], progress=lambda e: e.phase == "extract" and token.cancel(),
         cancel=token)
    con = sqlite3.connect(group_ws.paths.db_file)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    report = scan(group_ws, LOCAL_USER, "CG", [folder])
    assert report.indexed >= 1
    with group_ws.session() as session:
        assert all(m.indexed_sha256 == m.sha256 for m in session.scalars(select(Material)))


def test_pages_without_text_wait_in_the_ocr_queue(group_ws: Workspace, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan queues a file whose pages have no text, with the bytes and the number of pages that
    wait; without the OCR engine it stays queued, and bytes that have text take it off."""
    from tests.files import make_scanned_pdf

    root = tmp_path / "扫描件"
    pdf = make_scanned_pdf(at(root / "红头文件扫描.pdf"), ["北湖市志愿服务工作方案", "第二页"], height=200)
    scan(group_ws, LOCAL_USER, "CG", [root], ocr=False, check=False)
    with group_ws.session() as session:
        [entry] = session.scalars(select(OcrQueueEntry)).all()
        material = session.get(Material, entry.material_id)
        assert (material.rel_path, entry.sha256, entry.pages) == ("红头文件扫描.pdf", material.sha256, 2)
        assert entry.queued_at is not None
        assert session.scalars(select(CheckState).where(CheckState.scope == "ocr")).first() is None

    import index.ocr
    monkeypatch.setattr(index.ocr, "ocr_available", lambda: False)
    monkeypatch.setattr("review.intake.scan.ocr_available", lambda: False, raising=False)
    report = ocr_pending(group_ws, LOCAL_USER, "CG")
    assert [p.code for p in report.problems] == ["ocr_unavailable"] and "有 1 个文件" in report.problems[0].message
    with group_ws.session() as session:
        assert len(session.scalars(select(OcrQueueEntry)).all()) == 1

    make_text_pdf(pdf, ["北湖市志愿服务工作方案（电子版）"])
    scan(group_ws, LOCAL_USER, "CG", [root], ocr=False, check=False)
    with group_ws.session() as session:
        assert session.scalars(select(OcrQueueEntry)).first() is None


def test_ocr_reads_a_formal_document_first_then_files_filed_under_a_standard(group_ws: Workspace, tmp_path: Path) -> None:
    """A sealed 正式发文 arriving as a scan is what most often costs points: it is read first."""
    from tests.files import make_scanned_pdf

    root = tmp_path / "扫描件"
    for rel in ("1 活动现场.pdf", "Ⅲ-1-1) 方案/2 志愿服务方案扫描.pdf", "3 北湖文明办〔2026〕12号关于开展志愿服务的通知.pdf"):
        make_scanned_pdf(at(root / rel), ["北湖市志愿服务工作方案"], height=200)
    scan(group_ws, LOCAL_USER, "CG", [root], ocr=False, check=False)
    assert [m.rel_path for m in ocr_queue(group_ws, "CG")] == [
        "3 北湖文明办〔2026〕12号关于开展志愿服务的通知.pdf", "Ⅲ-1-1) 方案/2 志愿服务方案扫描.pdf", "1 活动现场.pdf"]


def _ocr_installed() -> bool:
    from index.ocr import ocr_available

    return ocr_available()


@pytest.mark.ocr
@pytest.mark.skipif(not _ocr_installed(), reason="the optional OCR engine is not installed")
def test_scanned_pages_are_read_by_ocr_later_and_become_searchable(group_ws: Workspace, tmp_path: Path) -> None:
    from tests.files import make_scanned_pdf

    root = tmp_path / "扫描件"
    make_scanned_pdf(at(root / "Ⅲ-1-1) 红头文件扫描.pdf"), ["北湖市志愿服务工作方案"])
    first = scan(group_ws, LOCAL_USER, "CG", [root], ocr=False)
    assert first.ocr_files == 0
    assert search_names(group_ws, "志愿服务工作方案") == set()
    events: list[ProgressEvent] = []
    second = scan(group_ws, LOCAL_USER, "CG", [root], ocr=True, progress=events.append)
    assert second.ocr_files == 1 and any(e.phase == "ocr" for e in events)
    assert search_names(group_ws, "志愿服务工作方案") == {"Ⅲ-1-1) 红头文件扫描.pdf"}
    third = scan(group_ws, LOCAL_USER, "CG", [root], ocr=True)
    assert third.ocr_files == 0  # nothing left to read; pages are never read twice
