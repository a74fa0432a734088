"""Requirement findings name the grade they put at risk; 落实 asked but only 制度 or 方案 filed (MR-REQ-002);
a file whose content belongs to another of the group's standards (MR-KEY-002). Real DOCX, PDF and XLSX files
read by the real extractors, and a real workspace for the engine."""
from __future__ import annotations

import hashlib
from pathlib import Path

from index.extract import extract_file
from review.checking.engine import run_checks
from review.checking.findings import list_findings
from review.checking.rules import RuleConfig, check_standard
from review.checking.rules.grading import implementation_risk, levels, missing_parts_risk, top_at_risk
from review.checking.rules.material import FileFacts
from review.checking.rules.misfiled import Vocabulary
from review.intake.mapping import assign
from review.intake.scan import scan
from review.manual.assignment import assign_items
from review.manual.model import KindRequirement, MaterialRequirement, Standard
from review.manual.service import load_manual_into
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER
from tests.checks_support import of_rule, settings
from tests.files import make_docx, make_text_pdf, make_xlsx

CFG = settings()

AD_RULES = Standard("Ⅲ-18-1)", "制定公益广告刊播管理办法", ["材料审核"], "已出台并落实为A；已出台未落实为B；其余情形为C#",
                    MaterialRequirement([KindRequirement("正式发文", 1)], keywords=["公益广告"]))
AD_MEDIA = Standard("Ⅲ-18-2)", "主要媒体按比例刊播公益广告", ["材料审核"], "符合上述3项标准为A；符合2项标准为B；其余情形为C#",
                    MaterialRequirement([KindRequirement("台账", 1), KindRequirement("图片", 3)], keywords=["公益广告"]))
TEAMS = Standard("Ⅲ-2-1)", "组建市、区、街道三级基层宣讲队伍", ["材料审核"], "三级队伍齐全为A；有两级为B；其余情形为C#",
                 MaterialRequirement([KindRequirement("正式发文", 1), KindRequirement("台账", 1)], keywords=["宣讲"]))
TALKS = Standard("Ⅲ-2-2)", "宣讲活动进社区、进农村、进企业、进学校", ["材料审核"], "符合上述4项为A；符合3项为B；其余情形为C#",
                 MaterialRequirement([KindRequirement("情况说明", 1)], keywords=["宣讲"]))
GARBAGE = Standard("Ⅲ-12-1)", "出台生活垃圾分类管理办法", ["材料审核"], "已出台并实施为A；已起草未出台为B；其余情形为C#",
                   MaterialRequirement([KindRequirement("正式发文", 1)], keywords=["垃圾分类"], implementation=True))
TRAFFIC = Standard("Ⅲ-14-1)", "制定文明交通行动计划并部署实施", ["材料审核"], "计划印发且有部署会议为A；只有计划为B；其余情形为C#",
                   MaterialRequirement([KindRequirement("工作方案", 1)], keywords=["文明交通"], implementation=True))

AD_NOTICE = ["焦文明办〔2026〕5号", "关于印发焦作市公益广告刊播管理办法的通知", "各县（市、区）文明办，市直各单位：",
             "现将《焦作市公益广告刊播管理办法》印发给你们，请认真贯彻执行。公益广告刊播纳入媒体年度考核。",
             "焦作市精神文明建设委员会办公室", "2026年3月5日"]


def read(path: Path, *items: str) -> tuple[FileFacts, object]:
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    ex = extract_file(path, sha)
    return FileFacts.of(str(path), path.name, path.stat().st_size, sha, ex.format, "XC", items), ex


def check(standard: Standard, *paths: Path, vocabulary: Vocabulary | None = None) -> list:
    return check_standard(standard, [read(p, standard.code) for p in paths], CFG, RuleConfig.from_settings(CFG),
                          vocabulary)


def media_ledger(path: Path) -> Path:
    rows = [["序号", "刊播日期", "媒体名称", "公益广告主题", "版面或时长"]]
    rows += [[i, f"2026-0{i}-1{i}", "焦作日报" if i % 2 else "焦作广播电视台", "讲文明树新风公益广告", "整版"] for i in range(1, 6)]
    return make_xlsx(path, {"公益广告刊播台账": [["焦作市主要媒体公益广告刊播台账"], *rows]})


# -- the grading rule ------------------------------------------------------------------------------

def test_grading_levels_in_both_ways_of_writing() -> None:
    assert [(lv.grade, lv.condition) for lv in levels("有制度且帮扶到位为A；有制度未落实为B；其余情形为C#")] == [
        ("A", "有制度且帮扶到位"), ("B", "有制度未落实"), ("C#", "其余情形")]
    assert [lv.grade for lv in levels("A：三级队伍齐全。B：有两级。C：其余情形")] == ["A", "B", "C"]
    assert [lv.grade for lv in levels("达到标准的，评为Ａ；基本达到的，评为Ｂ")] == ["A", "B"]  # full-width letters
    assert top_at_risk("") == "可能失分" and top_at_risk("按实际情况评分") == "可能失分"
    assert missing_parts_risk("有方案、有台账、有图片为A；缺一项为B；其余情形为C#", 1).endswith("评分最高为 B")
    assert missing_parts_risk("有方案、有台账、有图片为A；缺一项为B；其余情形为C#", 2).endswith("可能评不到 A")
    assert implementation_risk("有方案且覆盖率提升为A；有方案无成效数据为B；其余情形为C#").endswith("评分最高为 B")
    assert implementation_risk("符合上述3项标准为A") == "可能失分"


# -- MR-REQ-002 --------------------------------------------------------------------------------------

def test_only_rules_where_the_grading_asks_for_implementation_names_the_capped_grade(tmp_path: Path) -> None:
    notice = make_docx(tmp_path / "焦文明办〔2026〕5号 公益广告刊播管理办法.docx", AD_NOTICE)
    found = of_rule(check(AD_RULES, notice), "MR-REQ-002")
    assert len(found) == 1
    assert found[0].item_code == "Ⅲ-18-1)" and found[0].text == "落实" and found[0].severity.value == "should"
    assert "只有制度文件" in found[0].message and "“已出台未落实为B”，评分最高为 B" in found[0].message
    assert notice.name in found[0].message


def test_a_ledger_or_report_beside_the_rules_is_evidence_enough(tmp_path: Path) -> None:
    notice = make_docx(tmp_path / "管理办法.docx", AD_NOTICE)
    ledger = media_ledger(tmp_path / "公益广告刊播台账.xlsx")
    assert of_rule(check(AD_RULES, notice, ledger), "MR-REQ-002") == []
    report = make_text_pdf(tmp_path / "落实情况.pdf", [
        "关于公益广告刊播管理办法落实情况的说明\n今年以来全市主要媒体刊播公益广告1260条次，"
        "其中焦作日报整版刊发42期。\n焦作市文明办\n2026年6月3日"])
    assert of_rule(check(AD_RULES, notice, report), "MR-REQ-002") == []


def test_only_a_plan_where_the_manual_asks_for_implementation(tmp_path: Path) -> None:
    plan = make_docx(tmp_path / "文明交通行动计划.docx", [
        "焦作市2026年文明交通行动计划", "一、工作目标", "全市主要路口文明交通劝导全覆盖，礼让斑马线率达到95%。",
        "二、重点任务", "开展文明交通宣传进社区、进学校活动。"])
    found = of_rule(check(TRAFFIC, plan), "MR-REQ-002")
    assert len(found) == 1 and "只有制度、方案类文件" in found[0].message
    assert "“只有计划为B”，评分最高为 B" in found[0].message
    decree = make_docx(tmp_path / "垃圾分类管理办法.docx", [
        "焦政〔2025〕3号", "焦作市生活垃圾分类管理办法", "第一条 为推进生活垃圾分类，制定本办法。",
        "焦作市人民政府", "2025年9月1日"])
    found = of_rule(check(GARBAGE, decree), "MR-REQ-002")
    assert len(found) == 1 and "“已出台并实施为A”，本条可能评不到 A" in found[0].message


def test_no_finding_when_nothing_asks_for_implementation_or_the_manual_names_the_evidence(tmp_path: Path) -> None:
    notice = make_docx(tmp_path / "宣讲团通知.docx", [
        "焦文明办〔2025〕17号", "关于成立焦作市基层理论宣讲团的通知", "各县（市、区）文明办：经研究，成立市、区、街道三级宣讲队伍。",
        "焦作市精神文明建设委员会办公室", "2025年9月18日"])
    assert of_rule(check(TEAMS, notice), "MR-REQ-002") == []  # grading asks for no 落实
    asked = Standard("Ⅲ-9-1)", "开展关爱空巢老人志愿服务", ["材料审核"], "有方案且服务落实为A；有方案未落实为B",
                     MaterialRequirement([KindRequirement("工作方案", 1), KindRequirement("台账", 1)]))
    plan = make_docx(tmp_path / "关爱方案.docx", ["焦作市关爱空巢老人志愿服务工作方案", "一、工作目标", "结对服务空巢老人3000名。"])
    findings = check(asked, plan)
    assert of_rule(findings, "MR-REQ-002") == []  # the missing 台账 is MR-REQ-001's, which names the grade
    assert "要求至少 1 份“台账”" in of_rule(findings, "MR-REQ-001")[0].message


# -- grades on the other requirement findings -----------------------------------------------------

def test_missing_kinds_captions_and_keywords_name_the_grade(tmp_path: Path) -> None:
    ledger = media_ledger(tmp_path / "公益广告刊播台账.xlsx")
    findings = check(AD_MEDIA, ledger)
    missing = of_rule(findings, "MR-REQ-001")
    assert len(missing) == 1 and "要求至少 3 张“图片”，识别出 0 张" in missing[0].message
    assert "按评分规则“符合上述3项标准为A”，本条可能评不到 A" in missing[0].message
    one_of_two = Standard("Ⅲ-1-1)", "制定年度理论学习计划及实施方案", ["材料审核"], "计划和方案齐全且按期印发为A；只有其一为B；其余情形为C#",
                          MaterialRequirement([KindRequirement("正式发文", 1), KindRequirement("工作方案", 1)]))
    plan = make_docx(tmp_path / "学习计划.docx", ["焦作市2026年理论学习计划", "一、学习专题", "全年集中学习12次。"])
    assert "“只有其一为B”，评分最高为 B" in of_rule(check(one_of_two, plan), "MR-REQ-001")[0].message
    ungraded = Standard("Ⅲ-1-1)", "制定年度理论学习计划", ["材料审核"], "", MaterialRequirement(
        [KindRequirement("正式发文", 1)], keywords=["中心组"]))
    findings = check(ungraded, plan)
    assert all("可能失分" in f.message for f in findings) and {f.rule_id for f in findings} == {"MR-REQ-001", "MR-KEY-001"}


# -- MR-KEY-002 ---------------------------------------------------------------------------------------

GROUP = [AD_RULES, AD_MEDIA, TEAMS, TALKS]


def test_a_file_that_belongs_to_another_standard_is_named_with_the_better_one(tmp_path: Path) -> None:
    ledger = media_ledger(tmp_path / "刊播登记表.xlsx")
    found = of_rule(check(TEAMS, ledger, vocabulary=Vocabulary(GROUP)), "MR-KEY-002")
    assert len(found) == 1
    assert found[0].file == str(ledger) and found[0].item_code == "Ⅲ-2-1)"
    assert "内容与本条目 Ⅲ-2-1) 不对应，更像 Ⅲ-18-2)《主要媒体按比例刊播公益广告》" in found[0].message
    assert "公益广告" in found[0].text and "按评分规则“三级队伍齐全为A”" in found[0].message


def test_a_correctly_filed_look_alike_is_not_reported(tmp_path: Path) -> None:
    # a 宣讲 report that also speaks of 公益广告 and 媒体: its own standard's keyword is there
    report = make_docx(tmp_path / "宣讲进社区情况说明.docx", [
        "关于百姓宣讲团进社区宣讲情况的说明", "今年以来，百姓宣讲团进社区、进农村、进企业、进学校宣讲126场。",
        "宣讲现场同步张贴公益广告，主要媒体刊播宣讲活动报道18篇，按比例刊播公益广告。", "焦作市文明办", "2026年5月20日"])
    assert of_rule(check(TALKS, report, vocabulary=Vocabulary(GROUP)), "MR-KEY-002") == []
    # the same media ledger filed under both standards is not reported against the one it is also filed under
    ledger = media_ledger(tmp_path / "刊播台账.xlsx")
    both = check_standard(TEAMS, [read(ledger, "Ⅲ-2-1)", "Ⅲ-18-2)")], CFG, RuleConfig.from_settings(CFG),
                          Vocabulary(GROUP))
    assert of_rule(both, "MR-KEY-002") == []
    # without the group's words (a caller that has none) the rule stays silent
    assert of_rule(check(TEAMS, media_ledger(tmp_path / "另一份.xlsx")), "MR-KEY-002") == []


def test_the_engine_reports_a_mis_filed_file_and_the_grade_through_the_workspace(tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "ws", settings())
    try:
        load_manual_into(workspace, "sample")
        with workspace.session() as session:
            add_group(session, "XC", "宣传组")
            assign_items(session, "XC", ["Ⅲ-2-1)", "Ⅲ-18-1)", "Ⅲ-18-2)"], "lead")
        folder = tmp_path / "材料"
        folder.mkdir()
        ledger = media_ledger(folder / "主要媒体公益广告刊播登记表.xlsx")
        notice = make_docx(folder / "焦文明办〔2026〕5号 公益广告刊播管理办法.docx", AD_NOTICE)
        scan(workspace, LOCAL_USER, "XC", [folder], ocr=False, check=False)
        assign(workspace, LOCAL_USER, [str(ledger)], "Ⅲ-2-1)")
        assign(workspace, LOCAL_USER, [str(notice)], "Ⅲ-18-1)")
        run_checks(workspace)
        with workspace.session() as session:
            views = list_findings(session)
        misfiled = [v for v in views if v.rule_id == "MR-KEY-002"]
        assert [(v.item_code, v.file) for v in misfiled] == [("Ⅲ-2-1)", str(ledger))]
        assert "更像 Ⅲ-18-2)" in misfiled[0].message
        implementation = [v for v in views if v.rule_id == "MR-REQ-002"]
        assert [v.item_code for v in implementation] == ["Ⅲ-18-1)"] and "评分最高为 B" in implementation[0].message
        # filed under the right standard too: the finding goes at the next check
        assign(workspace, LOCAL_USER, [str(ledger)], "Ⅲ-18-2)")
        run_checks(workspace)
        with workspace.session() as session:
            assert [v for v in list_findings(session) if v.rule_id == "MR-KEY-002"] == []
    finally:
        workspace.close()
