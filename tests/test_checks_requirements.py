"""Kinds of material and the requirement-level rules: completeness, formats, own window, keywords,
captions, and 总结式 reports."""
from __future__ import annotations

from index.document import Page, TextBlock
from review.checking.rules import RuleConfig, check_standard
from review.checking.rules.runner import recognise_kinds
from review.manual.model import KindRequirement, MaterialRequirement, Standard
from tests.checks_support import extraction, facts_for, of_rule, pdf_page, rules, run, settings

OFFICIAL = ("焦文明办〔2026〕5号", "关于印发《焦作市志愿服务工作方案》的通知", "各县区文明办：现将方案印发给你们，请认真贯彻落实。",
            "焦作市精神文明建设委员会办公室", "2026年3月15日")
PLAN = ("焦作市志愿服务工作方案", "一、工作目标", "开展志愿服务活动，注册志愿者达到12万人。")
REPORT = ("关于志愿服务开展情况的说明", "今年以来，我市积极开展志愿服务，取得了一定成效。")


def standard(*kinds: tuple[str, int], **requirement: object) -> Standard:
    req = MaterialRequirement(kinds=[KindRequirement(k, n) for k, n in kinds], **requirement)  # type: ignore[arg-type]
    return Standard("Ⅲ-1-1)", "制定志愿服务工作方案", ["材料审核"], "", req)


def check(std: Standard, *materials: tuple[object, str], cfg=None) -> list:
    cfg = cfg or settings()
    pairs = [(facts_for(ex, name, items=(std.code,)), ex) for ex, name in materials]
    return check_standard(std, pairs, cfg, RuleConfig.from_settings(cfg))


def kinds_of(ex, name="材料.docx") -> dict[str, str]:
    return {k.kind: k.reason for k in recognise_kinds(facts_for(ex, name), ex, settings())}


# -- kinds -----------------------------------------------------------------------------------------

def test_official_document_by_docno_and_signature() -> None:
    found = kinds_of(extraction(*OFFICIAL))
    assert "正式发文" in found and "焦文明办〔2026〕5号" in found["正式发文"]
    assert "焦作市精神文明建设委员会办公室 2026年3月15日" in found["正式发文"]
    assert "工作方案" in found  # it issues a 方案


def test_docno_without_signature_is_not_an_official_document() -> None:
    assert "正式发文" not in kinds_of(extraction(*OFFICIAL[:3]))


def test_kinds_by_title_and_structure() -> None:
    assert "工作方案" in kinds_of(extraction(*PLAN))
    assert "情况说明" in kinds_of(extraction(*REPORT))
    meeting = extraction("志愿服务推进会", "时间：2026年3月1日", "地点：市政府3楼会议室", "参会人员：各成员单位")
    assert "开头有会议记录的栏目" in kinds_of(meeting)["会议记录"]


def test_ledger_is_mostly_dated_table_rows() -> None:
    cells = []
    for row in range(1, 6):
        cells += [TextBlock(f"2026年{row}月{row}日", location=f"表格1 第{row}行第1列", source="table"),
                  TextBlock("清理小广告", location=f"表格1 第{row}行第2列", source="table")]
    ledger = extraction(pages=[Page(1, text="", blocks=[TextBlock("背街小巷整治工作", location="第1段"), *cells])])
    assert "带日期的记录" in kinds_of(ledger)["台账"]
    undated = extraction(pages=[Page(1, blocks=[TextBlock("说明", location="第1段"),
                                                 TextBlock("甲", location="表格1 第1行第1列", source="table")])])
    assert "台账" not in kinds_of(undated)


def test_pictures_by_file_type_or_image_pages() -> None:
    photo = extraction(fmt="jpeg", pages=[pdf_page(1, "", images=1, text_layer=False)])
    assert kinds_of(photo, "a.jpg")["图片"] == "文件类型为图片（JPEG）"
    album = extraction(fmt="pdf", pages=[pdf_page(1, "2026年5月12日 人民公园", images=1), pdf_page(2, "", images=1)])
    assert "以整幅图片为主" in kinds_of(album, "a.pdf")["图片"]
    assert "图片" not in kinds_of(extraction(fmt="pdf", pages=[pdf_page(1, "正文" * 200, images=1)]), "a.pdf")


def test_unrecognised_material_says_so() -> None:
    assert list(kinds_of(extraction("一些文字"), "x.docx")) == ["其他"]


# -- completeness ----------------------------------------------------------------------------------

def test_complete_requirement_has_no_completeness_finding() -> None:
    std = standard(("正式发文", 1), ("工作方案", 1))
    assert of_rule(check(std, (extraction(*OFFICIAL), "通知.docx"), (extraction(*PLAN), "方案.docx")), "MR-REQ-001") == []


def test_missing_kind_explains_how_each_material_was_recognised() -> None:
    std = standard(("正式发文", 1), ("工作方案", 1))
    found = of_rule(check(std, (extraction(*REPORT), "情况.docx")), "MR-REQ-001")
    assert {f.text for f in found} == {"正式发文", "工作方案"}
    message = next(f.message for f in found if f.text == "正式发文")
    assert "要求至少 1 份“正式发文”，识别出 0 份" in message and "情况.docx：情况说明（标题或文件名含“说明”）" in message
    assert all(f.file == "" and f.item_code == "Ⅲ-1-1)" and f.severity_label == "必须修改" for f in found)


def test_min_count_and_empty_requirement() -> None:
    std = standard(("图片", 3))
    photos = [(extraction(fmt="jpeg", pages=[pdf_page(1, images=1)], seed=str(i)), f"{i}.jpg") for i in range(2)]
    found = of_rule(check(std, *photos), "MR-REQ-001")
    assert len(found) == 1 and "要求至少 3 张“图片”，识别出 2 张" in found[0].message
    assert "还没有归入任何材料" in of_rule(check(std), "MR-REQ-001")[0].message


def test_photos_are_counted_per_photo_inside_albums_and_documents() -> None:
    std = standard(("图片", 3))
    captions = ["2026年5月12日 人民公园 志愿者清理垃圾", "2026年5月13日 火车站广场 文明引导", "2026年5月14日 社区 宣讲"]
    album = extraction(fmt="pdf", pages=[pdf_page(n, text, images=1) for n, text in enumerate(captions, start=1)])
    assert of_rule(check(std, (album, "志愿服务活动图片.pdf")), "MR-REQ-001") == []  # three photos, one file
    blocks = [TextBlock(text, location=f"第{n}段", source="caption") for n, text in enumerate(captions, start=1)]
    document = extraction(pages=[Page(1, text="\n".join(captions), image_count=3, blocks=blocks)],
                          facts={"image_count": 3})
    assert of_rule(check(std, (document, "活动图片说明.docx")), "MR-REQ-001") == []
    report = extraction("关于志愿服务活动的情况说明", "今年共开展活动12场，参与群众860人次。", "焦作市文明办", "2026年5月20日")
    [found] = of_rule(check(std, (report, "情况说明.docx")), "MR-REQ-001")  # a report is no photo
    assert "识别出 0 张" in found.message


def test_standards_without_material_review_are_skipped() -> None:
    survey = Standard("Ⅲ-2-1)", "市民满意", ["问卷调查"])
    assert check(survey) == []


# -- formats, window, keywords ---------------------------------------------------------------------

def test_requirement_formats() -> None:
    std = standard(("工作方案", 1), formats=["pdf"])
    found = of_rule(check(std, (extraction(*PLAN), "方案.docx")), "MR-FILE-016")
    assert len(found) == 1 and found[0].file.endswith("方案.docx") and found[0].item_code == "Ⅲ-1-1)"
    assert of_rule(check(std, (extraction(*PLAN, fmt="pdf"), "方案.pdf")), "MR-FILE-016") == []


def test_requirement_own_window() -> None:
    old = extraction("工作方案", "焦作市文明办", "2024年3月1日")
    narrow = standard(("工作方案", 1), window="测评开始前1月上溯一个年度")
    wide = standard(("工作方案", 1), window="测评开始前1月上溯三个年度")
    found = of_rule(check(narrow, (old, "a.docx")), "MR-DATE-003")
    assert len(found) == 1 and "测评开始前1月上溯一个年度" in found[0].message
    assert of_rule(check(wide, (old, "a.docx")), "MR-DATE-003") == []
    assert of_rule(check(standard(("工作方案", 1)), (old, "a.docx")), "MR-DATE-003") == []


def test_own_window_supersedes_the_workspace_window_for_files_mapped_only_there() -> None:
    from review.checking.rules.runner import without_superseded
    old = extraction("工作方案", "焦作市文明办", "2024年3月1日")
    file_findings = run(old, "a.docx")
    assert "MR-DATE-001" in rules(file_findings)
    wide = standard(("工作方案", 1), window="测评开始前1月上溯三个年度")
    assert "MR-DATE-001" not in rules(without_superseded(file_findings, [wide]))
    assert "MR-DATE-001" in rules(without_superseded(file_findings, [wide, standard(("工作方案", 1))]))
    assert "MR-DATE-001" in rules(without_superseded(file_findings, []))


def test_keywords_any_material_any_keyword() -> None:
    std = standard(("工作方案", 1), keywords=["志愿服务", "学雷锋"])
    assert of_rule(check(std, (extraction(*PLAN), "a.docx")), "MR-KEY-001") == []
    spaced = extraction("工作方案", "开展 志 愿 服 务 活动")  # PDF/OCR spacing
    assert of_rule(check(std, (spaced, "a.docx")), "MR-KEY-001") == []
    found = of_rule(check(std, (extraction("背街小巷整治方案"), "a.docx")), "MR-KEY-001")
    assert len(found) == 1 and "“志愿服务”、“学雷锋”" in found[0].message and found[0].severity_label == "建议修改"


# -- captions --------------------------------------------------------------------------------------

def _photo(seed: str):
    return extraction(fmt="jpeg", pages=[pdf_page(1, images=1, text_layer=False)], seed=seed)


def test_photo_captions_required() -> None:
    std = standard(("图片", 1), captions_required=True)
    bare = of_rule(check(std, (_photo("a"), "IMG_0001.jpg")), "MR-CAP-001")
    assert len(bare) == 1 and bare[0].item_code == "Ⅲ-1-1)"
    named = check(std, (_photo("b"), "2026年5月12日 人民公园 志愿者清理垃圾.jpg"))
    assert of_rule(named, "MR-CAP-001") == []
    no_need = standard(("图片", 1))
    assert of_rule(check(no_need, (_photo("a"), "IMG_0001.jpg")), "MR-CAP-001") == []


def test_captions_in_documents() -> None:
    std = standard(("图片", 1), captions_required=True)
    good = [TextBlock("2026年5月12日，人民公园，志愿者清理垃圾", location="第1段", source="caption"),
            TextBlock("时间：2026年5月20日 地点：火车站广场", location="第2段", source="caption")]
    docx_ok = extraction(pages=[Page(1, text="x", image_count=2, blocks=good)], facts={"image_count": 2})
    assert of_rule(check(std, (docx_ok, "图片.docx")), "MR-CAP-001") == []
    vague = [good[0], TextBlock("活动现场", location="第2段", source="caption")]
    docx_bad = extraction(pages=[Page(1, text="x", image_count=3, blocks=vague)], facts={"image_count": 3})
    found = of_rule(check(std, (docx_bad, "图片.docx")), "MR-CAP-001")
    assert len(found) == 1 and "3 张图片，只有 1 条" in found[0].message and found[0].location == "第2段"
    album = extraction(fmt="pdf", pages=[pdf_page(1, "2026年5月12日 人民公园", images=1), pdf_page(2, "", images=1)])
    found = of_rule(check(std, (album, "图片.pdf")), "MR-CAP-001")
    assert len(found) == 1 and found[0].location == "第2页"


# -- 总结式 reports ----------------------------------------------------------------------------------

def test_summary_report_without_measures_results_or_data() -> None:
    vague = extraction("关于文明创建工作情况的汇报", "我市高度重视文明创建工作，认真贯彻上级要求，思想认识不断深化，"
                       "氛围日益浓厚，群众认同感持续增强，各方面工作有序推进。" * 3, "焦作市文明办", "2026年3月1日")
    found = of_rule(run(vague), "MR-RPT-001")
    assert len(found) == 1 and found[0].severity_label == "建议修改" and "数据" in found[0].message
    assert "根据用语判断" in found[0].message
    concrete = extraction("关于文明创建工作情况的汇报", "一是建立例会制度，二是开展志愿服务126场，覆盖群众3.2万人，"
                          "群众满意度提升到95%。" * 3, "焦作市文明办", "2026年3月1日")
    assert of_rule(run(concrete), "MR-RPT-001") == []
    plan = extraction("焦作市志愿服务工作方案", "高度重视，认真贯彻。" * 30)
    assert "MR-RPT-001" not in rules(run(plan))


def test_a_report_of_stock_phrases_is_summary_style_even_with_the_words_of_measures_and_results() -> None:
    stock = extraction("关于文化惠民工作开展情况的汇报",
                       "今年以来，我单位高度重视文化惠民工作，认真贯彻落实上级决策部署，坚持高位推动，各项工作扎实有序推进，"
                       "取得了明显成效。一是提高思想认识；二是加强组织领导，层层压实工作责任；三是狠抓工作落实，确保落地见效。",
                       "下一步，我们将坚持问题导向、精准施策，坚持示范引领、以点带面，进一步健全完善工作机制，强化部门协作，"
                       "形成上下联动、齐抓共管的工作格局，推动文化惠民工作不断取得新进展、新突破。",
                       "焦作市文化广电和旅游局", "2026年5月12日")
    [found] = of_rule(run(stock), "MR-RPT-001")
    assert "高度重视" in found.message and found.severity_label == "建议修改"
    measured = extraction("关于文化惠民工作开展情况的汇报",
                          "今年以来，我局高度重视文化惠民工作，认真贯彻落实上级部署，扎实有序推进：在解放区、山阳区开展"
                          "送戏下乡48场，观众2.6万人次；图书馆延长开放至每晚9时。", "焦作市文化广电和旅游局", "2026年5月12日")
    assert of_rule(run(measured), "MR-RPT-001") == []  # figures and places: a report one can check
