"""Importing a manual from a Word table: merged cells, numbered sub-standards, header variants."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from review.errors import UserError
from review.manual.docx_import import import_manual_docx, parse_requirement, split_numbered
from review.manual.loader import check_manual_document

Merge = tuple[int, int, int, int]  # first row, column, last row, column


def table_docx(path: Path, rows: list[list[str]], merges: list[Merge] = (), title: str = "") -> Path:
    """A Word file with one table; merged ranges keep the text of their first cell."""
    document = Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        text = rows[r0][c0]
        merged = table.cell(r0, c0).merge(table.cell(r1, c1))
        merged.text = text
    document.save(str(path))
    return path


STANDARD_HEADER = ["测评项目", "测评指标", "测评内容", "测评标准", "测评方法", "申报材料要求"]


def test_vertical_merges_and_numbered_standards(tmp_path: Path) -> None:
    rows = [
        STANDARD_HEADER,
        ["Ⅰ-1 公共文明", "Ⅱ-1 志愿服务", "Ⅲ-1 健全志愿服务制度",
         "1) 制定志愿服务工作方案；2) 建立志愿者激励回馈制度；3) 开展志愿服务活动",
         "1) 材料审核 2) 材料审核 3) 材料审核、实地考察",
         "1) 正式发文1份和工作方案 2) 激励办法文件 3) 活动照片不少于3张，照片须注明时间、地点"],
        ["", "", "", "4) 市民对志愿服务满意", "问卷调查", "—"],
        ["", "Ⅱ-2 市容环境", "Ⅲ-2 背街小巷整治", "1．建立整治台账\n2．背街小巷路面整洁", "网上申报、实地考察",
         "整治台账至少2份；情况说明"],
        ["Ⅰ-2 交通秩序", "Ⅱ-3 文明交通", "Ⅲ-3 文明交通行动", "制定文明交通行动计划", "材料审核", "行动计划正式发文"],
    ]
    path = table_docx(tmp_path / "手册.docx", rows, [(1, 0, 3, 0), (1, 1, 2, 1), (1, 2, 2, 2)],
                      title="北湖市测评体系（2026年版）")
    reread = Document(str(path)).tables[0]
    assert reread.cell(3, 0)._tc is reread.cell(1, 0)._tc  # a real vertical merge

    result = import_manual_docx(path)
    manual = result.manual
    assert result.skipped == []
    assert (manual.title, manual.edition) == ("北湖市测评体系（2026年版）", "2026")
    assert [(p.code, p.title) for p in manual.projects] == [("Ⅰ-1", "公共文明"), ("Ⅰ-2", "交通秩序")]
    assert [i.code for i in manual.projects[0].indicators] == ["Ⅱ-1", "Ⅱ-2"]
    first = manual.standard("Ⅲ-1-1)")
    assert first is not None and first.title == "制定志愿服务工作方案" and first.methods == ["材料审核"]
    assert {k.kind: k.min_count for k in first.requirement.kinds} == {"正式发文": 1, "工作方案": 1}
    photos = manual.standard("Ⅲ-1-3)")
    assert photos.methods == ["材料审核", "实地考察"]
    assert {k.kind: k.min_count for k in photos.requirement.kinds} == {"图片": 3}
    assert photos.requirement.captions_required
    survey = manual.standard("Ⅲ-1-4)")
    assert survey.methods == ["问卷调查"] and survey.requirement is None
    assert [s.code for s in manual.contents().__next__().standards] == ["Ⅲ-1-1)", "Ⅲ-1-2)", "Ⅲ-1-3)", "Ⅲ-1-4)"]
    ledger = manual.standard("Ⅲ-2-1)")
    assert ledger.title == "建立整治台账" and ledger.methods == ["材料审核", "实地考察"]
    assert {k.kind: k.min_count for k in ledger.requirement.kinds} == {"台账": 2, "情况说明": 1}
    assert ledger.requirement.notes == "整治台账至少2份；情况说明"
    single = manual.standard("Ⅲ-3-1)")
    assert single.title == "制定文明交通行动计划"
    check_manual_document(manual.to_document(), str(path))  # a valid manual in the project format


def test_header_variants_unmerged_cells_and_combined_column(tmp_path: Path) -> None:
    rows = [
        ["序号", "一级指标", "指标名称", "测评内容及标准", "考核方式", "网上申报材料", "评分标准"],
        ["1", "一、思想道德建设", "未成年人思想道德建设",
         "学校德育：（1）开设德育课程（2）开展心理健康教育", "材料审核", "统计表（PDF或Excel格式）", "符合2项为A；其余为C#"],
        ["2", "", "", "校外活动：①少年宫常态运行", "实地考察", "", ""],
        ["3", "", "诚信建设", "诚信宣传：1、开展诚信主题活动", "材料审核",
         "情况说明；材料时间为测评开始前1月上溯两个年度", "符合为A"],
    ]
    manual = import_manual_docx(table_docx(tmp_path / "变体.docx", rows)).manual
    (project,) = manual.projects
    assert (project.code, project.title) == ("Ⅰ-1", "思想道德建设")
    assert [(i.code, i.title) for i in project.indicators] == [("Ⅱ-1", "未成年人思想道德建设"), ("Ⅱ-2", "诚信建设")]
    contents = list(manual.contents())
    assert [(c.code, c.title) for c in contents] == [("Ⅲ-1", "学校德育"), ("Ⅲ-2", "校外活动"), ("Ⅲ-3", "诚信宣传")]
    assert [s.title for s in contents[0].standards] == ["开设德育课程", "开展心理健康教育"]
    course = manual.standard("Ⅲ-1-1)")
    assert course.grading == "符合2项为A；其余为C#"
    assert course.requirement.formats == ["pdf", "xlsx"] and course.requirement.kinds[0].kind == "统计表"
    assert manual.standard("Ⅲ-2-1)").methods == ["实地考察"]
    assert manual.standard("Ⅲ-3-1)").requirement.window == "测评开始前1月上溯两个年度"


def test_numeric_codes_and_section_heading_rows(tmp_path: Path) -> None:
    rows = [
        ["测评指标", "测评内容", "测评标准", "测评方法", "申报材料要求"],
        ["2 生态环境", "2 生态环境", "2 生态环境", "2 生态环境", "2 生态环境"],
        ["2.3 空气质量", "2.3.1 优良天数", "1）优良天数比例提高 2）发布空气质量信息", "材料审核", "统计表"],
    ]
    manual = import_manual_docx(table_docx(tmp_path / "数字编号.docx", rows, [(1, 0, 1, 4)])).manual
    assert [n.code for n in manual.nodes()] == ["2", "2.3", "2.3.1", "2.3.1-1", "2.3.1-2"]
    assert manual.projects[0].title == "生态环境"


def test_unreadable_rows_are_listed_with_their_numbers(tmp_path: Path) -> None:
    rows = [
        STANDARD_HEADER,
        ["Ⅰ-1 公共文明", "Ⅱ-1 志愿服务", "", "制定工作方案", "材料审核", "工作方案"],
        ["", "", "Ⅲ-1 志愿服务制度", "制定志愿服务工作方案", "材料审核", "工作方案"],
        ["", "", "", "", "材料审核", "台账"],
        ["", "", "", "开展志愿服务", "", ""],
        ["", "", "", "", "", ""],
    ]
    result = import_manual_docx(table_docx(tmp_path / "残缺.docx", rows))
    assert [(row.row_no, row.reason[:6]) for row in result.skipped] == [
        (2, "无法确定所属"), (4, "测评标准一栏"), (5, "未写测评方法")]
    assert "制定工作方案" in result.skipped[0].text
    assert "第1张表第4行" in result.skipped[1].describe()
    assert [s.code for s in result.manual.standards()] == ["Ⅲ-1-1)"]


def test_files_without_a_manual_table_are_refused(tmp_path: Path) -> None:
    plain = Document()
    plain.add_paragraph("只有文字，没有表格")
    plain.save(str(tmp_path / "无表格.docx"))
    with pytest.raises(UserError, match="没有找到测评体系表格"):
        import_manual_docx(tmp_path / "无表格.docx")
    (tmp_path / "坏.docx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="已损坏"):
        import_manual_docx(tmp_path / "坏.docx")
    with pytest.raises(UserError, match=r"另存为 \.docx"):
        import_manual_docx(tmp_path / "手册.doc")
    with pytest.raises(UserError, match="找不到文件"):
        import_manual_docx(tmp_path / "没有.docx")


def test_requirement_prose_is_read_into_kinds_and_counts() -> None:
    requirement = parse_requirement("红头文件1份，工作方案；活动照片不少于5张，照片须注明时间、地点；会议纪要至少两份")
    assert {k.kind: k.min_count for k in requirement.kinds} == {"正式发文": 1, "工作方案": 1, "图片": 5, "会议记录": 2}
    assert requirement.captions_required
    assert requirement.notes.startswith("红头文件1份")
    assert parse_requirement("提供相关材料").kinds[0].kind == "其他"
    uncaptioned = parse_requirement("工作总结报告；实景图片3张")
    assert {k.kind for k in uncaptioned.kinds} == {"情况说明", "图片"} and not uncaptioned.captions_required


def test_numbered_items_ignore_other_digits() -> None:
    assert split_numbered("1) 注册志愿者达到13.5%以上 2) 每年开展2次培训") == [
        (1, "注册志愿者达到13.5%以上"), (2, "每年开展2次培训")]
    assert split_numbered("建立3个以上站点") == [(None, "建立3个以上站点")]


def test_table_continued_without_header_after_a_break(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("附件1")
    document.add_paragraph("南川市测评体系操作手册")
    parts = [
        [STANDARD_HEADER, ["Ⅰ-3", "Ⅱ-4 食品安全", "Ⅲ-7 食品抽检", "1) 开展抽检 2) 公开结果", "材料审核", "统计表"]],
        [["", "", "", "3) 市民满意", "问卷调查", ""], ["", "", "Ⅲ-8 明厨亮灶", "推行明厨亮灶", "实地考察", ""]],
    ]
    for rows in parts:
        table = document.add_table(rows=len(rows), cols=len(STANDARD_HEADER))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_page_break()
    document.add_table(rows=1, cols=2).cell(0, 0).text = "签字栏"  # a different table is not read
    path = tmp_path / "续表.docx"
    document.save(str(path))

    result = import_manual_docx(path)
    manual = result.manual
    assert manual.title == "南川市测评体系操作手册" and result.skipped == []
    assert [(p.code, p.title) for p in manual.projects] == [("Ⅰ-3", "Ⅰ-3")]
    assert [s.code for s in manual.standards()] == ["Ⅲ-7-1)", "Ⅲ-7-2)", "Ⅲ-7-3)", "Ⅲ-8-1)"]
    assert manual.standard("Ⅲ-7-3)").methods == ["问卷调查"]


def test_one_numbered_standard_per_row_under_a_merged_content(tmp_path: Path) -> None:
    rows = [
        ["测评内容", "测评标准", "测评方法", "申报材料要求"],
        ["Ⅲ-5 公益广告", "1) 制定刊播管理办法", "材料审核", "正式发文"],
        ["", "2) 主要媒体刊播公益广告", "材料审核", "刊播截图不少于4张"],
        ["", "3、围挡设置公益广告", "实地考察", ""],
    ]
    manual = import_manual_docx(table_docx(tmp_path / "逐行.docx", rows, [(1, 0, 3, 0)])).manual
    assert [(s.code, s.title) for s in manual.standards()] == [
        ("Ⅲ-5-1)", "制定刊播管理办法"), ("Ⅲ-5-2)", "主要媒体刊播公益广告"), ("Ⅲ-5-3)", "围挡设置公益广告")]
    assert manual.standard("Ⅲ-5-2)").requirement.kinds[0].min_count == 4
