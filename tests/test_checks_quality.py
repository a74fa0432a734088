"""File quality: extraction problems, blank and unreadable pages, resolution, platform limits."""
from __future__ import annotations

import pytest

from index.document import Problem
from tests.checks_support import extraction, of_rule, pdf_page, rules, run, settings


@pytest.mark.parametrize(("code", "rule_id"), [
    ("encrypted", "MR-FILE-001"), ("corrupt", "MR-FILE-002"), ("truncated", "MR-FILE-002"),
    ("empty", "MR-FILE-003"), ("legacy_format", "MR-FILE-011"), ("wrong_extension", "MR-FILE-012"),
    ("repaired", "MR-FILE-013"), ("ocr_unavailable", "MR-FILE-014"), ("too_many_pages", "MR-FILE-015"),
])
def test_extraction_problems_become_findings_with_their_message(code: str, rule_id: str) -> None:
    ex = extraction(fmt="pdf", pages=[pdf_page(1, "2026年3月1日 通知")], problems=[Problem(code, "请重新导出后再提交。")])
    found = of_rule(run(ex, "通知.pdf"), rule_id)
    assert len(found) == 1 and found[0].message == "通知.pdf：请重新导出后再提交。"


def test_converted_legacy_file_is_not_reported_twice() -> None:
    ex = extraction("2026年3月1日 通知", problems=[Problem("legacy_format", "旧版"), Problem("converted", "已转换")])
    assert [f.rule_id for f in run(ex, "a.doc") if f.rule_id.startswith("MR-FILE")] == ["MR-FILE-011"]


def test_encrypted_file_gets_no_content_findings() -> None:
    ex = extraction(fmt="pdf", pages=[], problems=[Problem("encrypted", "有密码")])
    assert rules(run(ex, "a.pdf")) == {"MR-FILE-001"}


def test_zero_pages_and_no_content_are_empty() -> None:
    assert "MR-FILE-003" in rules(run(extraction(fmt="pdf", pages=[]), "a.pdf"))
    assert "MR-FILE-003" in rules(run(extraction(fmt="pdf", pages=[pdf_page(1, "")]), "a.pdf"))
    assert "MR-FILE-003" not in rules(run(extraction(fmt="pdf", pages=[pdf_page(1, "", images=1, text_layer=False)],
                                                     facts={"needs_ocr_pages": [1]}), "a.pdf"))


def test_blank_pages_are_listed() -> None:
    pages = [pdf_page(1, "2026年3月1日 通知"), pdf_page(2, ""), pdf_page(3, "正文"), pdf_page(4, "")]
    found = of_rule(run(extraction(fmt="pdf", pages=pages), "a.pdf"), "MR-FILE-004")
    assert len(found) == 1 and found[0].location == "第2、4页" and found[0].page == 2
    assert of_rule(run(extraction(fmt="pdf", pages=pages[:1]), "a.pdf"), "MR-FILE-004") == []


def test_scanned_pages_that_ocr_could_not_read() -> None:
    scan = pdf_page(2, "", images=1, text_layer=False, ocr=True)
    read = pdf_page(3, "二〇二六年三月一日 焦作市文明办", images=1, text_layer=False, ocr=True)
    pages = [pdf_page(1, "2026年3月1日 通知"), scan, read]
    found = of_rule(run(extraction(fmt="pdf", pages=pages, facts={"ocr_pages": [2, 3]}), "a.pdf"), "MR-FILE-005")
    assert len(found) == 1 and found[0].location == "第2页"
    # Pages still waiting for OCR are not judged yet.
    waiting = extraction(fmt="pdf", pages=[pages[0], pdf_page(2, "", images=1, text_layer=False)],
                         facts={"needs_ocr_pages": [2]})
    assert of_rule(run(waiting, "a.pdf"), "MR-FILE-005") == []


@pytest.mark.parametrize(("size", "camera", "flagged"), [
    ((640, 480), True, True),          # small photo
    ((480, 640), True, True),          # small, portrait
    ((1600, 1200), True, False),       # good photo
    ((827, 1169), False, True),        # an A4 page scanned at 100 dpi
    ((1240, 1754), False, False),      # an A4 page scanned at 150 dpi
    ((1024, 1448), True, False),       # page-shaped but from a camera: not a scan
    ((1600, 1200), False, False),      # a 4:3 photo whose EXIF was stripped: not a scan
])
def test_image_resolution(size: tuple[int, int], camera: bool, flagged: bool) -> None:
    facts = {"width": size[0], "height": size[1]} | ({"camera_make": "Canon"} if camera else {})
    ex = extraction(fmt="jpeg", pages=[pdf_page(1, "", images=1, text_layer=False)], facts=facts)
    found = of_rule(run(ex, "照片.jpg"), "MR-FILE-006")
    assert bool(found) is flagged
    if flagged:
        assert found[0].text == f"{size[0]}×{size[1]}"


def test_resolution_threshold_is_configurable() -> None:
    ex = extraction(fmt="jpeg", pages=[pdf_page(1, "", images=1)], facts={"width": 640, "height": 480, "camera_make": "x"})
    cfg = settings(rules={"MR-FILE-006": {"min_width": 600, "min_height": 400}})
    assert of_rule(run(ex, "a.jpg", cfg=cfg), "MR-FILE-006") == []


def test_platform_limits() -> None:
    ex = extraction("2026年3月1日 通知")
    assert "MR-FILE-007" in rules(run(ex, size=51 * 1024 * 1024))
    assert "MR-FILE-007" not in rules(run(ex, size=49 * 1024 * 1024))
    assert "MR-FILE-007" not in rules(run(ex, size=51 * 1024 * 1024, cfg=settings(max_file_mb=100)))
    assert "MR-FILE-008" in rules(run(ex, "通知.pages"))
    assert "MR-FILE-008" in rules(run(ex, "通知"))
    assert "MR-FILE-008" not in rules(run(ex, "通知.DOCX"))
    long_name = "关于" + "开展志愿服务" * 15 + ".docx"
    found = of_rule(run(ex, long_name), "MR-FILE-009")
    assert len(found) == 1 and f"{len(long_name)} 个字符" in found[0].message
    assert "MR-FILE-009" not in rules(run(ex, long_name, cfg=settings(max_filename_length=200)))


@pytest.mark.parametrize(("name", "problem"), [
    ("通知:终稿.docx", ":"), ("通知?.docx", "?"), ("通知|a.docx", "|"), ("通知\t.docx", "控制字符"),
    (" 通知.docx", "首尾有空格"), ("通知 .docx", "首尾有空格"), ("通知..docx", "句点"), (".通知.docx", "句点"),
])
def test_file_names_platforms_reject(name: str, problem: str) -> None:
    found = of_rule(run(extraction("2026年3月1日 通知"), name), "MR-FILE-010")
    assert len(found) == 1 and problem in found[0].message


def test_ordinary_file_name_passes() -> None:
    findings = run(extraction("2026年3月1日 通知"), "Ⅱ-1-1)-① 志愿服务工作方案（2026年）.docx")
    assert not rules(findings) & {"MR-FILE-008", "MR-FILE-009", "MR-FILE-010"}


def test_odd_extractions_never_raise() -> None:
    from index.document import Page, TextBlock
    from review.checking.rules import RuleConfig, check_standard
    from review.manual.model import KindRequirement, MaterialRequirement, Standard
    from tests.checks_support import facts_for
    odd = [
        extraction(fmt="unknown", pages=[]),
        extraction(fmt="pdf", pages=[Page(1), Page(2, text="   ")]),
        extraction(pages=[Page(1, blocks=[TextBlock(""), TextBlock("〔2026〕"), TextBlock("二〇二六年十九月三十九日")])]),
        extraction("9" * 5000, "〔〔2026〕〕号号", "X" * 300, facts={"width": "abc", "height": None, "created": "昨天",
                                                                  "taken": 12, "image_count": "3"}),
        extraction(fmt="jpeg", pages=[Page(1, image_count=1, has_text_layer=False)], facts={"width": -5, "dpi": "x"}),
    ]
    std = Standard("Ⅲ-1-2)", "图片", ["材料审核"], "", MaterialRequirement(
        kinds=[KindRequirement("图片", 2)], captions_required=True, keywords=["志愿"], formats=["jpg"], window="测评开始前1月上溯两个年度"))
    cfg = settings()
    for ex in odd:
        assert isinstance(run(ex, "x.bin"), list)
    findings = check_standard(std, [(facts_for(ex, "x.bin"), ex) for ex in odd], cfg, RuleConfig.from_settings(cfg))
    assert "MR-REQ-001" in {f.rule_id for f in findings}
