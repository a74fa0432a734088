"""Content periods, 台账 rows, 文号 year and 汉字 成文日期 on real DOCX, PDF, XLSX and CSV files.

Window of every test: 2025-08-01 … 2026-07-31 (evaluation starts 2026-08-01).
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from index.extract import extract_file
from index.ocr import ocr_available
from review.checking.rules import FileFacts, Finding, RuleConfig, check_file
from review.checking.rules.finding import Severity
from review.checking.rules.periods import find_periods
from review.checking.rules.runner import without_superseded
from review.manual.model import MaterialRequirement, Standard
from tests.checks_support import of_rule, settings
from tests.files import make_csv, make_docx, make_scanned_pdf, make_text_pdf, make_xlsx

CFG = settings()
SIGNED = ["焦作市精神文明建设委员会办公室", "2026年3月5日"]


def check(path: Path, *, ocr: bool = False) -> list[Finding]:
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    ex = extract_file(path, sha, ocr=ocr)
    facts = FileFacts.of(str(path), path.name, path.stat().st_size, sha, ex.format, "XC", ("Ⅲ-1-1)",))
    return check_file(facts, ex, CFG, RuleConfig.from_settings(CFG))


def report(*body: str) -> list[str]:
    """A 情况说明's paragraphs with enough text around `body` to read like one."""
    return ["关于全市志愿服务工作开展情况的说明", "按照市创建办统一部署，市文明办牵头推进志愿服务工作。现将有关情况说明如下。",
            *body, "下一步，我们将持续深化志愿服务，完善激励机制。", *SIGNED]


# -- MR-DATE-004: the period a document covers -------------------------------------------------------

@pytest.mark.parametrize(("written", "first", "last"), [
    ("2024年度", date(2024, 1, 1), date(2024, 12, 31)),
    ("二〇二四年度", date(2024, 1, 1), date(2024, 12, 31)),
    ("2 0 2 4 年度", date(2024, 1, 1), date(2024, 12, 31)),  # as OCR reads a scan
    ("2025年上半年", date(2025, 1, 1), date(2025, 6, 30)),
    ("2024年第四季度", date(2024, 10, 1), date(2024, 12, 31)),
    ("2025年二季度", date(2025, 4, 1), date(2025, 6, 30)),
    ("截至2024年底", date(2024, 12, 31), date(2024, 12, 31)),
    ("截至2024年12月底", date(2024, 12, 31), date(2024, 12, 31)),
    ("2024—2025学年", date(2024, 9, 1), date(2025, 7, 31)),
    ("2025年春季学期", date(2025, 2, 1), date(2025, 7, 31)),
    ("2024-2026年", date(2024, 1, 1), date(2026, 12, 31)),
])
def test_periods_as_written(written: str, first: date, last: date) -> None:
    found = list(find_periods(f"关于{written}工作的总结"))
    assert [(p.first, p.last, p.framed) for p in found] == [(first, last, True)]


def test_title_period_before_the_window_is_must_even_when_signed_inside(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "总结.docx", ["关于焦作市2024年度志愿服务工作的总结",
                                            "全年开展志愿服务活动1200场，参与志愿者3.2万人次。", *SIGNED])
    found = of_rule(check(path), "MR-DATE-004")
    assert len(found) == 1
    assert found[0].severity is Severity.MUST and found[0].text == "2024年度" and found[0].location == "第1段"
    assert "2026年3月5日" in found[0].message and "2025年08月01日至2026年07月31日" in found[0].message
    assert not of_rule(check(path), "MR-DATE-001")


def test_title_half_year_in_a_text_pdf_names_the_page(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "汇报.pdf", [
        "孟州市文明办2025年上半年新时代文明实践工作汇报\n\n全市建成新时代文明实践站186个，开展活动940场。\n\n"
        "孟州市精神文明建设委员会办公室\n2025年9月12日"])
    found = of_rule(check(path), "MR-DATE-004")
    assert len(found) == 1 and found[0].page == 1 and found[0].text == "2025年上半年"


def test_old_body_with_nothing_of_the_window_is_should(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "报告.docx", report(
        "截至2024年12月底，全市注册志愿者达到42万人，志愿服务组织1300个。",
        "2024年全年开展志愿服务活动1.2万场次。"))
    found = of_rule(check(path), "MR-DATE-004")
    assert len(found) == 1
    assert found[0].severity is Severity.SHOULD and found[0].text == "截至2024年12月底"
    assert "截至2024年12月底" in found[0].message and "往年材料" in found[0].message


@pytest.mark.parametrize("body", [
    ("全市注册志愿者42万人，较2024年同期增长12%。", "2025年9月以来开展活动860场。"),
    ("截至2024年底，全市已建成服务站120个；2025年10月以来又新建36个。",),
    ("我市2024年度荣获全省志愿服务工作先进市称号。", "今年以来开展活动860场，参与群众5.6万人次。"),
    ("全市注册志愿者人数较2024年度增长15%，志愿服务时长明显增加。",),
])
def test_history_and_comparison_in_the_body_are_not_findings(tmp_path: Path, body: tuple[str, ...]) -> None:
    assert not of_rule(check(make_docx(tmp_path / "说明.docx", report(*body))), "MR-DATE-004")


@pytest.mark.parametrize("title", [
    "焦作市2026年度志愿服务工作计划",
    "焦作市创建全国文明城市三年行动计划（2024—2026年）",
    "关于表彰2024年度优秀志愿者的决定",
    "焦作市2025年度志愿服务工作总结",  # 2025 reaches into the window
])
def test_titles_of_the_window_or_about_honours_are_not_findings(tmp_path: Path, title: str) -> None:
    path = make_docx(tmp_path / "文件.docx", [title, "全年开展志愿服务活动1200场。", *SIGNED])
    assert not of_rule(check(path), "MR-DATE-004")


def test_a_document_signed_before_the_window_is_left_to_the_date_rule(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "总结.docx", ["2024年度工作总结", "全年开展活动1200场。", "焦作市文明办", "2025年1月10日"])
    findings = check(path)
    assert of_rule(findings, "MR-DATE-001") and not of_rule(findings, "MR-DATE-004")


def test_standards_with_their_own_window_judge_the_period_themselves(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "总结.docx", ["关于2024年度文明行为促进工作的总结", "全年开展活动1200场。", *SIGNED])
    own = Standard(code="Ⅲ-3-1)", title="制度文件", methods=["材料审核"], requirement=MaterialRequirement(window="测评开始前1月上溯两个年度"))
    assert of_rule(check(path), "MR-DATE-004")
    assert not of_rule(without_superseded(check(path), [own]), "MR-DATE-004")


# -- MR-DATE-005: 台账 rows ------------------------------------------------------------------------------

LEDGER_HEADER = ["序号", "活动日期", "活动地点", "活动内容", "参与人数", "备注"]


def ledger_rows(dates: list[object], note: dict[int, str] | None = None) -> list[list[object]]:
    rows: list[list[object]] = [["温县新时代文明实践站志愿服务活动台账"], ["填报单位：温县文明办"], LEDGER_HEADER]
    for index, day in enumerate(dates, start=1):
        rows.append([index, day, "温县黄庄镇", "政策宣讲", 30 + index, (note or {}).get(index, "")])
    return rows


def test_xlsx_rows_before_the_window_are_listed_once_with_sheet_and_rows(tmp_path: Path) -> None:
    days: list[object] = [date(2025, 6, 12), "2025-07-03", date(2025, 9, 2), date(2025, 11, 20), date(2026, 3, 8),
                          date(2026, 5, 16)]
    path = make_xlsx(tmp_path / "台账.xlsx", {"活动台账": ledger_rows(days, {5: "2024年曾开展同类活动"})})
    found = of_rule(check(path), "MR-DATE-005")
    assert len(found) == 1
    finding = found[0]
    assert finding.severity is Severity.SHOULD and finding.text == "2025-06-12"
    assert finding.location == "工作表活动台账 第4行"
    assert "有 2 行" in finding.message and "第4行（2025-06-12）" in finding.message and "第5行（2025-07-03）" in finding.message
    assert "第8行" not in finding.message  # its 备注 recalls 2024; its date is in the window


def test_xlsx_rows_inside_the_window_and_historical_columns_are_fine(tmp_path: Path) -> None:
    rows: list[list[object]] = [["志愿者花名册"], ["序号", "姓名", "出生日期", "注册时间", "服务日期"]]
    for index in range(1, 7):
        rows.append([index, f"王{index}", date(1980 + index, 3, 1), date(2019 + index % 3, 5, 1), date(2025, 9, index)])
    path = make_xlsx(tmp_path / "花名册.xlsx", {"Sheet1": rows, "说明": [["统计口径：2024年12月31日前注册的志愿者"]]})
    assert not of_rule(check(path), "MR-DATE-005")


def test_many_old_rows_are_capped_in_the_message(tmp_path: Path) -> None:
    days: list[object] = [date(2024, 1 + i % 12, 1 + i) for i in range(25)] + [date(2026, 1, 5)]
    path = make_xlsx(tmp_path / "台账.xlsx", {"2024": ledger_rows(days)})
    found = of_rule(check(path), "MR-DATE-005")
    assert len(found) == 1 and "共 25 行" in found[0].message and found[0].message.count("行（") == 10


def test_csv_ledger_with_old_rows(tmp_path: Path) -> None:
    rows = [["序号", "检查日期", "点位", "问题"]] + [
        [str(i), d, "解放路", "占道经营"] for i, d in enumerate(("2025/7/28", "2025/8/15", "2025/10/9", "2026/1/6"), 1)]
    found = of_rule(check(make_csv(tmp_path / "巡查台账.csv", rows)), "MR-DATE-005")
    assert len(found) == 1 and "第2行（2025/7/28）" in found[0].message and "有 1 行" in found[0].message


def test_docx_ledger_table_rows_are_checked(tmp_path: Path) -> None:
    table = [["序号", "日期", "地点", "内容"], ["1", "2025年5月6日", "山阳区", "文明劝导"],
             ["2", "2025年10月9日", "山阳区", "文明劝导"], ["3", "2026年3月2日", "解放区", "垃圾分类宣传"]]
    path = make_docx(tmp_path / "文明劝导台账.docx", ["山阳区文明劝导活动台账"], table=table)
    found = of_rule(check(path), "MR-DATE-005")
    assert len(found) == 1 and found[0].location == "表格1 第2行" and found[0].text == "2025年5月6日"


# -- MR-DOCNO-003 and MR-DOCNO-004: 文号 year and 汉字 成文日期 ------------------------------------------

def notice(number: str, signed: str, *, body: str = "请各单位认真组织实施。") -> list[str]:
    return ["焦作市精神文明建设委员会办公室文件", number, "关于开展志愿服务月活动的通知",
            "各县（市、区）文明办，市直各有关单位：", body, "焦作市精神文明建设委员会办公室", signed]


def test_docno_year_differs_from_the_signature_year(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "通知.docx", notice("焦文明办〔2025〕12号", "2026年1月5日"))
    found = of_rule(check(path), "MR-DOCNO-003")
    assert len(found) == 1
    assert found[0].severity is Severity.SHOULD and found[0].text == "焦文明办〔2025〕12号" and found[0].location == "第2段"
    assert "2026年1月5日" in found[0].message and "焦文明办〔2026〕N号" in found[0].hint


def test_docno_year_equal_to_signature_year_and_cited_numbers_are_fine(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "通知.docx", notice(
        "焦文明办〔2026〕3号", "2026年1月5日", body="根据豫文明办〔2025〕21号文件精神，现就有关事项通知如下。"))
    assert not of_rule(check(path), "MR-DOCNO-003")


def test_docno_year_in_a_pdf(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "通知.pdf", ["\n\n".join(notice("沁文明〔2024〕8号", "2025年9月3日"))])
    found = of_rule(check(path), "MR-DOCNO-003")
    assert len(found) == 1 and found[0].page == 1 and found[0].text == "沁文明〔2024〕8号"


def test_chinese_numeral_signature_on_a_document_with_a_docno(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "通知.docx", notice("焦文明办〔2026〕5号", "二〇二六年三月五日"))
    findings = check(path)
    found = of_rule(findings, "MR-DOCNO-004")
    assert len(found) == 1
    assert found[0].severity is Severity.SHOULD and found[0].text == "二〇二六年三月五日" and found[0].location == "第7段"
    assert "“2026年3月5日”" in found[0].hint and "GB/T 9704" in found[0].hint
    assert not of_rule(findings, "MR-DOCNO-003")


def test_chinese_numeral_date_without_a_docno_is_not_reported(tmp_path: Path) -> None:
    paragraphs = [*report("全年开展志愿服务活动1200场。")[:-1], "二〇二六年三月五日"]
    assert not of_rule(check(make_docx(tmp_path / "情况说明.docx", paragraphs)), "MR-DOCNO-004")


@pytest.mark.parametrize("number", ["焦文明办﹝2026﹞5号", "焦文明办[2026]5号", "焦文明办(2026)5号", "焦文明办【2026】5号",
                                    "焦文明办（2026）5号"])
def test_look_alike_brackets_are_must_on_an_editable_file(tmp_path: Path, number: str) -> None:
    found = of_rule(check(make_docx(tmp_path / "通知.docx", notice(number, "2026年3月5日"))), "MR-DOCNO-001")
    assert len(found) == 1 and found[0].severity is Severity.MUST and found[0].text == number
    assert "焦文明办〔2026〕5号" in found[0].hint


@pytest.mark.skipif(not ocr_available(), reason="OCR engine not installed")
def test_scanned_notice_with_chinese_date_is_should_with_the_ocr_note(tmp_path: Path) -> None:
    path = make_scanned_pdf(tmp_path / "通知.pdf", ["\n".join(notice("焦文明办〔2025〕17号", "二〇二六年一月九日"))])
    findings = check(path, ocr=True)
    chinese = of_rule(findings, "MR-DOCNO-004")
    assert len(chinese) == 1 and chinese[0].severity is Severity.SHOULD and "请对照原件核实" in chinese[0].message
    year = of_rule(findings, "MR-DOCNO-003")
    assert len(year) == 1 and "请对照原件核实" in year[0].message
    assert not of_rule(findings, "MR-DOCNO-001")  # a scan's brackets are the issuing office's print
