"""Template leftovers, personal data and 文号: positive cases and the false positives offices hit."""
from __future__ import annotations

import pytest

from tests.checks_support import extraction, of_rule, pdf_page, rules, run


def texts(findings, rule_id):
    return [f.text for f in of_rule(findings, rule_id)]


@pytest.mark.parametrize(("line", "leftover"), [
    ("XX同志在会上讲话", "XX"),
    ("负责人：×××", "×××"),
    ("于X月X日召开动员会", "X月X日"),
    ("本市在全省排名第X名", "第X名"),
    ("志愿者注册率达到X%", "X%"),
    ("共有X人参加", "X人"),
    ("某某社区开展活动", "某某"),
    ("联系人：xxx", "xxx"),
    ("XX路公交站台整治", "XX"),
])
def test_placeholders_are_reported_with_their_text(line: str, leftover: str) -> None:
    findings = run(extraction("关于志愿服务的情况说明", line))
    assert texts(findings, "MR-TPL-001") == [leftover]
    finding = of_rule(findings, "MR-TPL-001")[0]
    assert finding.location == "第2段" and finding.severity_label == "必须修改"
    assert "材料.docx" in finding.message and finding.hint


@pytest.mark.parametrize("line", [
    "组织X光体检和X射线检查",
    "文化衫尺码为XXL",
    "第Ⅹ类标准",          # the Roman numeral, not a letter X
    "配备宝马X5执法车一辆",
    "用iPhone X拍摄",
    "型号X-12的设备",
    "3×4米的宣传栏",
    "如“某某同志”这样的称呼不得出现在材料中",
    "填写示例：某某",
])
def test_legitimate_text_is_not_a_placeholder(line: str) -> None:
    assert of_rule(run(extraction("情况说明", line)), "MR-TPL-001") == []


@pytest.mark.parametrize(("line", "instruction"), [
    ("单位名称：此处填写单位全称", "此处填写单位全称"),
    ("（此处插入活动照片）", "（此处插入活动照片）"),
    ("负责人【】", "【】"),
    ("请填写联系电话", "请填写联系电话"),
])
def test_filling_instructions_are_reported(line: str, instruction: str) -> None:
    assert texts(run(extraction("表格", line)), "MR-TPL-002") == [instruction]


def test_filled_in_template_has_no_leftovers() -> None:
    findings = run(extraction("焦作市志愿服务工作方案", "2026年3月5日，王明同志在会上讲话，全市排名第2名，注册率达到15%。"))
    assert not rules(findings) & {"MR-TPL-001", "MR-TPL-002"}


# -- personal data ---------------------------------------------------------------------------------

ID_VALID = "11010519491231002X"      # the standard's own example: checksum X
ID_BAD_CHECKSUM = "110105194912310021"
ID_BAD_DATE = "110105194913310025"   # month 13


def _checksum_ok(number: str) -> bool:
    from review.checking.rules.personal_data import id_checksum_ok
    return id_checksum_ok(number)


def test_id_number_with_valid_checksum_and_date_is_must_fix_and_masked_in_the_finding() -> None:
    assert _checksum_ok(ID_VALID)
    findings = run(extraction("志愿者名单", f"张三 身份证号：{ID_VALID} 住址略"))
    found = of_rule(findings, "MR-PII-001")
    assert len(found) == 1
    assert found[0].text == "1101**********002X" and ID_VALID not in found[0].message
    assert found[0].severity_label == "必须修改" and found[0].location == "第2段"


def test_id_like_numbers_that_fail_checksum_or_date_or_are_masked_are_fine() -> None:
    lines = [f"编号 {ID_BAD_CHECKSUM}", f"编号 {ID_BAD_DATE}", "身份证号 1101**********002X", f"订单号 9{ID_VALID}"]
    findings = run(extraction("名单", *lines))
    assert of_rule(findings, "MR-PII-001") == []


@pytest.mark.parametrize(("line", "count"), [
    ("联系电话：13812345678", 1),
    ("联系电话：138-1234-5678", 1),
    ("联系电话：138****5678", 0),
    ("监督电话：0391-12345678", 0),
    ("合同编号 2013812345678901", 0),   # inside a longer digit run
    ("座机 12345", 0),
])
def test_mobile_numbers(line: str, count: int) -> None:
    found = of_rule(run(extraction("通讯录", line)), "MR-PII-002")
    assert len(found) == count
    if count:
        assert found[0].text == "138****5678" and "13812345678" not in found[0].message


def test_personal_data_rules_can_be_switched_off() -> None:
    from tests.checks_support import settings
    cfg = settings(rules={"MR-PII-002": {"enabled": False}})
    assert of_rule(run(extraction("联系电话：13812345678"), cfg=cfg), "MR-PII-002") == []


# -- 文号 --------------------------------------------------------------------------------------------

def test_correct_docno_passes() -> None:
    findings = run(extraction("焦文明办〔2026〕12号", "关于开展志愿服务的通知"))
    assert not rules(findings) & {"MR-DOCNO-001", "MR-DOCNO-002"}


@pytest.mark.parametrize("written", ["焦文明办[2026]12号", "焦文明办(2026)12号", "焦文明办（2026）12号",
                                     "焦文明办【2026】12号", "焦文明办［2026］12号"])
def test_wrong_brackets_are_must_fix_with_the_corrected_text(written: str) -> None:
    found = of_rule(run(extraction(written, "关于开展志愿服务的通知")), "MR-DOCNO-001")
    assert len(found) == 1
    assert found[0].text == written and "焦文明办〔2026〕12号" in found[0].hint


@pytest.mark.parametrize(("written", "defect", "corrected"), [
    ("〔2026〕12号", "缺少发文机关代字", "〔2026〕12号"),
    ("焦文明办〔2026〕号", "缺少发文序号", "焦文明办〔2026〕N号"),
    ("焦文明办〔2026〕012号", "虚位", "焦文明办〔2026〕12号"),
    ("焦文明办〔2026〕第12号", "第", "焦文明办〔2026〕12号"),
    ("焦文明办〔2026〕12", "缺少“号”字", "焦文明办〔2026〕12号"),
])
def test_incomplete_docnos_are_should_fix(written: str, defect: str, corrected: str) -> None:
    found = of_rule(run(extraction(written, "关于开展志愿服务的通知")), "MR-DOCNO-002")
    assert len(found) == 1
    assert defect in found[0].message and f"“{corrected}”" in found[0].hint
    assert found[0].severity_label == "建议修改"


@pytest.mark.parametrize("line", ["《焦作市志（2026）》已出版", "见统计年鉴（2026）12页", "（2026）豫0802民初123号判决"])
def test_bracketed_years_that_are_not_docnos_are_ignored(line: str) -> None:
    assert not rules(run(extraction(line))) & {"MR-DOCNO-001", "MR-DOCNO-002"}


def test_finding_in_a_pdf_carries_page_and_box() -> None:
    ex = extraction(fmt="pdf", pages=[pdf_page(1, "通知"), pdf_page(2, "依据焦文明办[2026]3号文件")])
    found = of_rule(run(ex, "通知.pdf"), "MR-DOCNO-001")[0]
    assert found.page == 2 and found.location == "第2页" and found.bbox is not None
    assert found.text == "焦文明办[2026]3号"


def test_pages_without_blocks_are_read_from_their_text() -> None:
    from index.document import Page
    ex = extraction(fmt="pdf", pages=[Page(1, text="封面"), Page(2, text="负责人：×××")])
    found = of_rule(run(ex, "a.pdf"), "MR-TPL-001")
    assert [(f.page, f.location, f.text) for f in found] == [(2, "第2页", "×××")]


@pytest.mark.parametrize("line", [
    "王××，男，12岁，某小学五年级学生",
    "受助学生：李××、刘××、陈××",
    "由张某某负责对接",
])
def test_names_masked_for_privacy_are_not_template_leftovers(line: str) -> None:
    assert texts(run(extraction("关于关爱未成年人活动的台账", line)), "MR-TPL-001") == []


@pytest.mark.parametrize(("line", "leftover"), [("向XX同志学习", "XX"), ("共XX人参加", "XX"), ("某某同志发言", "某某")])
def test_unmasked_placeholders_next_to_counting_words_are_still_reported(line: str, leftover: str) -> None:
    assert texts(run(extraction("情况说明", line)), "MR-TPL-001") == [leftover]


def test_lookalike_small_brackets_in_a_docno_are_wrong_brackets() -> None:
    findings = of_rule(run(extraction("通知", "焦文明办﹝2025﹞3号")), "MR-DOCNO-001")
    assert [f.text for f in findings] == ["焦文明办﹝2025﹞3号"] and "〔2025〕" in findings[0].hint


def test_a_finding_on_text_read_by_ocr_says_so_and_is_not_must_fix() -> None:
    from index.document import Page, TextBlock

    read = [TextBlock(text="联系电话13812345678", location="第1页", source="ocr", confidence=0.83)]
    ex = extraction(pages=[Page(1, text=read[0].text, blocks=read, ocr=True, ocr_confidence=0.83)], fmt="pdf")
    [finding] = of_rule(run(ex, "通知.pdf"), "MR-PII-002")
    assert finding.severity_label == "建议修改"  # the recognition may have misread a digit
    assert "识别结果，识别置信度 83%，请对照原件核实" in finding.message and "对照扫描原件" in finding.hint


def test_a_docno_read_by_ocr_is_not_reported_for_its_brackets() -> None:
    from index.document import Page, TextBlock

    read = [TextBlock(text="焦文明办[2 0 2 5] 3 号", location="第1页", source="ocr", confidence=0.91)]
    ex = extraction(pages=[Page(1, text=read[0].text, blocks=read, ocr=True, ocr_confidence=0.91)], fmt="pdf")
    findings = run(ex, "通知.pdf")
    # a printed 文号 no group can re-bracket, and OCR reads 〔〕 as [] as often as not
    assert of_rule(findings, "MR-DOCNO-001") == [] and of_rule(findings, "MR-DOCNO-002") == []


def test_a_docno_cited_in_the_body_does_not_date_the_document() -> None:
    body = "为贯彻落实中办发〔2016〕89号文件精神，结合我市实际，制定本计划。" * 3
    findings = run(extraction("焦作市2026年理论学习中心组学习计划", body))
    assert of_rule(findings, "MR-DATE-001") == []
