"""Document dates: every written format, which date wins, and the window verdict."""
from __future__ import annotations

from datetime import date

import pytest

from index.document import Extraction, Page
from review.checking.rules.dates import find_dates, name_date
from review.checking.rules.material import FileFacts
from review.checking.rules.runner import document_date
from tests.checks_support import START, extraction, facts_for, of_rule, rules, run, settings


@pytest.mark.parametrize(("written", "first", "precision"), [
    ("2019年3月15日", date(2019, 3, 15), "day"),
    ("2019 年 3 月 15 日", date(2019, 3, 15), "day"),
    ("二〇一九年三月十五日", date(2019, 3, 15), "day"),
    ("二零一九年十二月三十一日", date(2019, 12, 31), "day"),
    ("二〇二〇年十月二十日", date(2020, 10, 20), "day"),
    ("2019.3.15", date(2019, 3, 15), "day"),
    ("2019-03-15", date(2019, 3, 15), "day"),
    ("2019/3/15", date(2019, 3, 15), "day"),
    ("2019年3月", date(2019, 3, 1), "month"),
    ("2 0 1 9 年 3 月 1 5 日", date(2019, 3, 15), "day"),  # as OCR reads a scanned date
    ("2 0 1 9 年 1 2 月", date(2019, 12, 1), "month"),
])
def test_formats(written: str, first: date, precision: str) -> None:
    found = list(find_dates(f"日期：{written}。"))
    assert [(d.first, d.precision) for d in found] == [(first, precision)]


@pytest.mark.parametrize("text", ["2019年2月30日", "2019.13.1", "版本 12019.3.1", "电话 2019-0315", "共2019人",
                                  "北湖市2 0 2 6 年公共文化惠民工作方案", "编号 1 2 3 4 年 5 月", "2 0 1 9年1 3 月"])
def test_impossible_or_partial_dates_are_not_dates(text: str) -> None:
    assert list(find_dates(text)) == []


def test_month_precision_is_inside_when_any_day_of_the_month_is() -> None:
    # window 2025-08-01 … 2026-07-31
    assert "MR-DATE-001" not in rules(run(extraction("情况说明", "2025年8月")))
    assert "MR-DATE-001" not in rules(run(extraction("情况说明", "2026年7月")))
    assert "MR-DATE-001" in rules(run(extraction("情况说明", "2025年7月")))


def _dated(ex: Extraction, name: str = "材料.docx") -> tuple[str, date]:
    dated = document_date(facts_for(ex, name), ex, settings())
    assert dated is not None
    return dated.source, dated.found.first


def test_signature_date_wins_over_dates_in_the_text() -> None:
    ex = extraction("焦文明办〔2024〕3号", "关于开展活动的通知", "2026年3月1日前完成。", "焦作市文明办", "2025年9月1日")
    assert _dated(ex) == ("落款日期", date(2025, 9, 1))


def test_docno_year_when_there_is_no_signature_date() -> None:
    ex = extraction("焦文明办〔2024〕3号", "关于开展活动的通知，" * 5 + "于2026年3月1日前完成，请各单位认真落实。")
    assert _dated(ex) == ("文号年份", date(2024, 1, 1))


def test_latest_text_date_not_after_the_start_when_no_signature_or_docno() -> None:
    body = "2024年5月召开动员会，2025年10月8日开展检查，力争2030年12月31日前全面完成。" * 2
    assert _dated(extraction("情况说明", body)) == ("正文日期", date(2025, 10, 8))


def test_metadata_then_exif() -> None:
    ex = extraction("没有任何日期的说明", facts={"created": "2025-09-02T10:00:00+08:00", "taken": "2020-01-01T00:00:00"})
    assert _dated(ex) == ("文件创建时间", date(2025, 9, 2))
    photo = extraction(fmt="jpeg", pages=[], facts={"taken": "2026-05-12T09:30:00"})
    assert _dated(photo) == ("照片拍摄时间（EXIF）", date(2026, 5, 12))


def test_outside_window_names_the_date_and_its_source() -> None:
    findings = run(extraction("关于志愿服务的通知", "请各单位落实。", "焦作市文明办", "2024年3月15日"))
    found = of_rule(findings, "MR-DATE-001")
    assert len(found) == 1
    assert "落款日期“2024年3月15日”" in found[0].message and "2025年08月01日至2026年07月31日" in found[0].message
    assert found[0].location == "第4段" and found[0].text == "2024年3月15日"


def test_inside_window_passes_and_undated_is_a_warning() -> None:
    assert not rules(run(extraction("通知", "焦作市文明办", "二〇二六年三月十五日"))) & {"MR-DATE-001", "MR-DATE-002"}
    undated = of_rule(run(extraction("没有日期的说明")), "MR-DATE-002")
    assert len(undated) == 1 and undated[0].severity_label == "建议修改"


def test_window_follows_the_settings() -> None:
    ex = extraction("通知", "焦作市文明办", "2024年3月15日")
    from review.workspace.date_window import parse_window_rule
    wide = settings(window=parse_window_rule("测评开始前1月上溯三个年度"))
    assert "MR-DATE-001" not in rules(run(ex, cfg=wide))


def test_unreadable_file_is_not_reported_as_undated() -> None:
    from index.document import Problem
    ex = extraction(fmt="pdf", pages=[], problems=[Problem("encrypted", "PDF 文件设有打开密码。")])
    assert "MR-DATE-002" not in rules(run(ex, "a.pdf"))


def test_file_facts_is_a_plain_value() -> None:
    facts = FileFacts("/a/b.pdf", "b.pdf", "b.pdf", 1, "0" * 64, "pdf", "pdf")
    assert facts.display_name == "b.pdf" and facts.item_codes == ()


@pytest.mark.parametrize(("name", "first", "text"), [
    ("2024-05-12 志愿服务.jpg", date(2024, 5, 12), "2024-05-12"),
    ("20240512_街道巡查.jpg", date(2024, 5, 12), "20240512"),
    ("2024年5月12日活动照片.png", date(2024, 5, 12), "2024年5月12日"),
    ("2024_05_12 巡查.jpg", date(2024, 5, 12), "2024_05_12"),
    ("2024.05.12.jpg", date(2024, 5, 12), "2024.05.12"),
    ("IMG_20240512_093015.jpg", date(2024, 5, 12), "20240512"),
    ("微信图片_20240512093015.jpg", date(2024, 5, 12), "20240512093015"),
    ("二〇二四年五月十二日 表彰大会.jpg", date(2024, 5, 12), "二〇二四年五月十二日"),
    ("2024.5.1-2024.5.3 文明交通劝导.jpg", date(2024, 5, 3), "2024.5.3"),
])
def test_dates_in_file_names(name: str, first: date, text: str) -> None:
    found = name_date(name, START)
    assert found is not None and (found.first, found.text) == (first, text)


@pytest.mark.parametrize("name", [
    "IMG_4032.jpg",                     # camera serial number
    "DSC_0512.jpg",
    "现场照片 1920x1080 3.2MB.jpg",     # sizes
    "焦文明办〔2024〕3号.pdf",           # 文号
    "焦文明办20240512号.pdf",
    "13812345678 联系人.jpg",           # phone number
    "20241332.jpg",                     # no 13th month
    "微信图片_20240512993015.jpg",      # no 99th hour: a serial number, not a time stamp
    "1999-05-12 老照片.jpg",            # year outside 2000–2099
    "120240512.jpg",                    # part of a longer number
])
def test_numbers_in_file_names_that_are_not_dates(name: str) -> None:
    assert name_date(name, START) is None


def test_file_name_is_the_last_source() -> None:
    photo = extraction(fmt="jpeg", pages=[])
    assert _dated(photo, "2026-05-12 志愿服务.jpg") == ("文件名中的日期", date(2026, 5, 12))
    with_exif = extraction(fmt="jpeg", pages=[], facts={"taken": "2026-03-01T09:30:00"})
    assert _dated(with_exif, "2024-05-12 志愿服务.jpg") == ("照片拍摄时间（EXIF）", date(2026, 3, 1))
    text = extraction("情况说明", "2025年10月8日开展检查，" + "发现问题当场整改。" * 5)
    assert _dated(text, "2024-05-12 检查情况.docx") == ("正文日期", date(2025, 10, 8))


def test_photo_dated_by_its_name_is_judged_and_says_so() -> None:
    photo = extraction(fmt="jpeg", pages=[Page(1, width=1600, height=1200, has_text_layer=False, image_count=1)])
    inside = run(photo, "2026-05-12 志愿服务.jpg")
    assert not rules(inside) & {"MR-DATE-001", "MR-DATE-002"}
    old = of_rule(run(photo, "20240512_街道巡查.jpg"), "MR-DATE-001")
    assert len(old) == 1 and "文件名中的日期“20240512”" in old[0].message
    assert old[0].location == "文件名" and old[0].text == "20240512"
    undated = of_rule(run(photo, "IMG_4032.jpg"), "MR-DATE-002")
    assert len(undated) == 1 and "文件名" in undated[0].message


def _read_by_ocr(line: str, fmt: str, *, facts: dict[str, str] | None = None) -> Extraction:
    from index.document import TextBlock

    block = TextBlock(text=line, location="第1页", source="ocr", confidence=0.78)
    return extraction(pages=[Page(1, text=line, blocks=[block], ocr=True, ocr_confidence=0.78)], fmt=fmt,
                      facts=facts)


def test_a_date_among_the_words_of_a_photo_does_not_outweigh_when_it_was_taken() -> None:
    # the caption printed on the photo, its 2026 read by OCR as 2028
    caption = "时间：2028年5月1日 地点：马村区苏蔺社区 事由：桶边督导"
    photo = _read_by_ocr(caption, "jpeg", facts={"taken": "2026-05-18T09:30:00"})
    assert of_rule(run(photo, "图片2 桶边督导.jpg"), "MR-DATE-001") == []
    assert of_rule(run(_read_by_ocr(caption, "jpeg"), "2026年5月18日 桶边督导.jpg"), "MR-DATE-001") == []
    # with nothing else to go by, the words in the picture date it, as a finding to verify
    [alone] = of_rule(run(_read_by_ocr(caption, "jpeg"), "桶边督导.jpg"), "MR-DATE-001")
    assert alone.severity_label == "建议修改" and "请对照原件核实" in alone.message


def test_a_date_only_ocr_read_asks_to_verify_instead_of_must_fix() -> None:
    scan = _read_by_ocr("关于2024年春季爱国卫生运动开展情况的报告 2024年4月10日在各社区开展活动", "pdf")
    [finding] = of_rule(run(scan, "情况报告.pdf"), "MR-DATE-001")
    assert finding.severity_label == "建议修改"
    assert "识别结果，识别置信度 78%，请对照原件核实" in finding.message
