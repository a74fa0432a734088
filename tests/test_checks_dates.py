"""Document dates: every written format, which date wins, and the window verdict."""
from __future__ import annotations

from datetime import date

import pytest

from index.document import Extraction
from review.checks.dates import find_dates
from review.checks.material import FileFacts
from review.checks.runner import document_date
from tests.checks_support import extraction, facts_for, of_rule, rules, run, settings


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
])
def test_formats(written: str, first: date, precision: str) -> None:
    found = list(find_dates(f"日期：{written}。"))
    assert [(d.first, d.precision) for d in found] == [(first, precision)]


@pytest.mark.parametrize("text", ["2019年2月30日", "2019.13.1", "版本 12019.3.1", "电话 2019-0315", "共2019人"])
def test_impossible_or_partial_dates_are_not_dates(text: str) -> None:
    assert list(find_dates(text)) == []


def test_month_precision_is_inside_when_any_day_of_the_month_is() -> None:
    # window 2025-08-01 … 2026-07-31
    assert "MR-DATE-001" not in rules(run(extraction("情况说明", "2025年8月")))
    assert "MR-DATE-001" not in rules(run(extraction("情况说明", "2026年7月")))
    assert "MR-DATE-001" in rules(run(extraction("情况说明", "2025年7月")))


def _dated(ex: Extraction) -> tuple[str, date]:
    dated = document_date(facts_for(ex), ex, settings())
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
    from review.dates import parse_window_rule
    wide = settings(window=parse_window_rule("测评开始前1月上溯三个年度"))
    assert "MR-DATE-001" not in rules(run(ex, cfg=wide))


def test_unreadable_file_is_not_reported_as_undated() -> None:
    from index.document import Problem
    ex = extraction(fmt="pdf", pages=[], problems=[Problem("encrypted", "PDF 文件设有打开密码。")])
    assert "MR-DATE-002" not in rules(run(ex, "a.pdf"))


def test_file_facts_is_a_plain_value() -> None:
    facts = FileFacts("/a/b.pdf", "b.pdf", "b.pdf", 1, "0" * 64, "pdf", "pdf")
    assert facts.display_name == "b.pdf" and facts.item_codes == ()
