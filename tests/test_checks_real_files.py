"""The rules on real files: DOCX, text PDF, scanned PDF after OCR, photos with and without EXIF,
made by the test builders and read by the real extractors."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from index.extract import extract_file
from index.ocr import ocr_available
from review.checking.rules import FileFacts, RuleConfig, check_file, check_standard
from review.checking.rules.runner import document_date, recognise_kinds
from review.manual.model import KindRequirement, MaterialRequirement, Standard
from tests.checks_support import of_rule, rules, settings
from tests.files import make_docx, make_photo, make_scanned_pdf, make_text_pdf

CFG = settings()


def read(path: Path, *, ocr: bool = False, item: str = "Ⅲ-1-1)"):
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    ex = extract_file(path, sha, ocr=ocr)
    return FileFacts.of(str(path), path.name, path.stat().st_size, sha, ex.format, "XC", (item,)), ex


def check(path: Path, **kwargs) -> list:
    facts, ex = read(path, **kwargs)
    return check_file(facts, ex, CFG, RuleConfig.from_settings(CFG))


def test_docx_with_leftovers_personal_data_and_wrong_docno(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "通知.docx", [
        "焦文明办[2026]7号", "关于开展志愿服务活动的通知", "XX同志负责，联系电话13812345678。",
        "焦作市精神文明建设委员会办公室", "2026年3月15日"])
    findings = check(path)
    assert {"MR-DOCNO-001", "MR-TPL-001", "MR-PII-002"} <= rules(findings)
    leftover = of_rule(findings, "MR-TPL-001")[0]
    assert leftover.file == str(path) and leftover.location == "第3段" and leftover.text == "XX"
    assert "MR-DATE-001" not in rules(findings) and "MR-DATE-002" not in rules(findings)
    facts, ex = read(path)
    assert "正式发文" in {k.kind for k in recognise_kinds(facts, ex, CFG)}


def test_clean_docx_has_no_content_findings(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "方案.docx", [
        "焦作市志愿服务工作方案", "一、工作目标：全年开展志愿服务活动200场。", "焦作市文明办", "2026年3月15日"])
    assert rules(check(path)) == set()


def test_text_pdf_finding_has_page_and_box(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "说明.pdf", ["情况说明\n2026年3月1日", "郑州市文明办牵头开展活动。"])
    found = of_rule(check(path), "MR-CITY-001")
    assert len(found) == 1 and found[0].page == 2 and found[0].location == "第2页" and found[0].bbox


def test_old_pdf_is_outside_the_window_by_its_signature_date(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "旧.pdf", ["关于开展活动的通知\n请认真落实。\n焦作市文明办\n2023年5月6日"],
                         created="D:20260301093000+08'00'")
    found = of_rule(check(path), "MR-DATE-001")
    assert len(found) == 1 and "落款日期“2023年5月6日”" in found[0].message


def test_photo_dates_from_exif_and_missing(tmp_path: Path) -> None:
    with_exif = make_photo(tmp_path / "现场.jpg", exif=True, taken="2026:05:01 09:30:00", size=(1600, 1200))
    facts, ex = read(with_exif)
    dated = document_date(facts, ex, CFG)
    assert dated is not None and dated.source == "照片拍摄时间（EXIF）" and dated.found.first == dt.date(2026, 5, 1)
    old = make_photo(tmp_path / "旧照.jpg", exif=True, taken="2020:05:01 09:30:00", size=(1600, 1200))
    assert "MR-DATE-001" in rules(check(old))
    bare = make_photo(tmp_path / "IMG_0001.jpg", size=(1600, 1200))
    findings = check(bare)
    assert "MR-DATE-002" in rules(findings) and "MR-FILE-006" not in rules(findings)
    small = make_photo(tmp_path / "小图.jpg", size=(320, 240))
    assert "MR-FILE-006" in rules(check(small))


def test_photos_under_a_caption_requirement(tmp_path: Path) -> None:
    std = Standard("Ⅲ-1-2)", "开展志愿服务活动并留存图片", ["材料审核"], "",
                   MaterialRequirement(kinds=[KindRequirement("图片", 2)], captions_required=True))
    named = make_photo(tmp_path / "2026年5月1日 人民公园 志愿者清理垃圾.jpg", exif=True, size=(1600, 1200))
    bare = make_photo(tmp_path / "IMG_0002.jpg", size=(1600, 1200), fmt="JPEG")
    materials = [read(named, item=std.code), read(bare, item=std.code)]
    findings = check_standard(std, materials, CFG, RuleConfig.from_settings(CFG))
    assert of_rule(findings, "MR-REQ-001") == []
    assert [f.file for f in of_rule(findings, "MR-CAP-001")] == [str(bare)]


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(not ocr_available(), reason="OCR engine not installed")
def test_scanned_pdf_after_ocr_is_checked_like_text(tmp_path: Path) -> None:
    path = make_scanned_pdf(tmp_path / "扫描.pdf", ["负责人XXX\n焦作市文明办\n2026年3月15日"])
    findings = check(path, ocr=True)
    assert "MR-TPL-001" in rules(findings) and "MR-FILE-005" not in rules(findings)


def test_scanned_pdf_without_ocr_is_not_judged_as_unreadable(tmp_path: Path) -> None:
    path = make_scanned_pdf(tmp_path / "扫描.pdf", ["焦作市文明办 2026年3月15日"])
    findings = check(path, ocr=False)
    assert "MR-FILE-005" not in rules(findings) and "MR-FILE-003" not in rules(findings)


def test_docx_honour_list_with_names_like_cities_is_not_flagged(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "表彰决定.docx", [
        "关于表彰2025年度优秀志愿者的决定",
        "经研究，决定对李明、金华、王芳、赵小燕等同志予以表彰。",
        "向丽江同志学习；张抚顺同志在表彰会上介绍经验。",
        "焦作市文明办", "2026年3月15日"])
    assert not rules(check(path)) & {"MR-CITY-001", "MR-CITY-002"}


def test_pdf_copied_from_another_city_is_still_flagged(tmp_path: Path) -> None:
    mention = make_text_pdf(tmp_path / "经验材料.pdf", [
        "志愿服务经验材料\n李明、王芳、金华等同志参加交流。\n2026年3月1日", "来自金华的经验值得学习。"])
    found = of_rule(check(mention), "MR-CITY-002")
    # the city on page 2 is reported; the person on page 1 is not counted
    assert [(f.text, f.page) for f in found] == [("金华", 2)] and "共 1 处" in found[0].message
    copied = make_text_pdf(tmp_path / "工作方案.pdf", ["工作方案\n金华市文明办牵头，金华等同志负责。\n2026年3月1日"])
    assert [f.text for f in of_rule(check(copied), "MR-CITY-001")] == ["金华市"]


def test_photos_without_exif_are_dated_by_their_name(tmp_path: Path) -> None:
    recent = make_photo(tmp_path / "2026-05-12 志愿服务.jpg", size=(1600, 1200))
    facts, ex = read(recent)
    dated = document_date(facts, ex, CFG)
    assert dated is not None and dated.source == "文件名中的日期" and dated.found.first == dt.date(2026, 5, 12)
    assert not rules(check(recent)) & {"MR-DATE-001", "MR-DATE-002"}
    old = of_rule(check(make_photo(tmp_path / "20240512_街道巡查.jpg", size=(1600, 1200))), "MR-DATE-001")
    assert len(old) == 1 and "按文件名中的日期“20240512”判断" in old[0].message and old[0].location == "文件名"
    png = make_photo(tmp_path / "2024年5月12日活动照片.png", size=(1600, 1200), fmt="PNG")
    assert "MR-DATE-001" in rules(check(png)) and "MR-DATE-002" not in rules(check(png))
    serial = check(make_photo(tmp_path / "IMG_4032.jpg", size=(1600, 1200)))
    assert "MR-DATE-002" in rules(serial) and "MR-DATE-001" not in rules(serial)


def test_exif_date_wins_over_the_name(tmp_path: Path) -> None:
    path = make_photo(tmp_path / "2024-05-12 志愿服务.jpg", exif=True, taken="2026:05:01 09:30:00", size=(1600, 1200))
    facts, ex = read(path)
    dated = document_date(facts, ex, CFG)
    assert dated is not None and dated.source == "照片拍摄时间（EXIF）" and dated.found.first == dt.date(2026, 5, 1)
    assert "MR-DATE-001" not in rules(check(path))
