"""The three printed reports, opened again with python-docx: tables, totals, marks, exceptions, fonts, page setup."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from review.cli.main import run
from review.errors import PermissionDenied, UserError
from review.handover.signoff import signed_exception_list, signed_notes
from review.office.consolidation import consolidated_view
from review.office.reports import write_report
from review.office.reports.docx_style import BODY_FONT, HEADER_FONT, TITLE_FONT
from review.office.reports.material_list import file_size
from review.office.reports.signoff_sheet import short_hash
from review.office.submission import export_submission
from review.signing.keys import format_fingerprint
from review.workspace.accounts import login
from tests.review_signoff_helpers import PASSWORDS, rewrite_file
from tests.submission_helpers import CG_PDF, WAIVER_REASONS, XC_PLAN, XC_REPORT, build_city, pdf_bytes


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    built = build_city(tmp_path_factory.mktemp("city"))
    yield built
    built.close()


@pytest.fixture(scope="module")
def office(city):
    return login(city.office, "文明办", PASSWORDS["文明办"])


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_runs(document):
    for paragraph in document.paragraphs:
        yield from paragraph.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield from paragraph.runs


def east_asian(run) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_material_list_lists_each_group_by_standard_with_pages_format_size_marks_and_totals(city, office, tmp_path):
    document = docx.Document(str(write_report(city.office, office, "list", tmp_path / "清单.docx")))
    assert document.paragraphs[0].text == "北湖市全国文明城市创建申报材料清单"
    cg, xc, totals, missing = (cells(t) for t in document.tables)
    assert cg[0] == ["序号", "测评标准", "材料文件", "格式", "页数", "大小", "材料日期", "备注"]
    sizes = {f.path: file_size(f.size) for g in consolidated_view(city.office).groups for f in g.files}
    # CG's PDF: two pages from the extraction, its must-fix problems waived
    assert cg[1:] == [["1", "Ⅲ-1-2)\n开展专题学习", CG_PDF, "PDF", "2", sizes[CG_PDF], "2026年3月5日", "豁免"],
                      ["小计", "1 条测评标准", "1 个文件", "", "2", sizes[CG_PDF], "", ""]]
    # XC's files come from its imported package; the DOCX is laid out to count its page
    assert [r[:6] for r in xc[1:3]] == [["1", "Ⅲ-1-1)\n制定具体学习计划及实施方案", XC_PLAN, "PDF", "1", sizes[XC_PLAN]],
                                        ["2", "Ⅲ-1-2)\n开展专题学习", XC_REPORT, "DOCX", "1", sizes[XC_REPORT]]]
    assert xc[2][7] == "豁免" and xc[3][:5] == ["小计", "2 条测评标准", "2 个文件", "", "2"]
    assert [r[:4] for r in totals[1:]] == [["城管组（CG）", "1 条", "1 个", "2 页"], ["宣传组（XC）", "2 条", "2 个", "2 页"],
                                           ["合计", "3 条", "3 个", "4 页"]]
    # the standard nobody filed for, once, with the leader's note
    assert missing[1:] == [["Ⅲ-2-1)\n背街小巷整治方案", "城管组", "缺材料", "例外：本市无背街小巷整治任务（李组长）"]]
    headings = [p.text for p in document.paragraphs if p.text[:2] in ("一、", "二、", "三、", "四、")]
    assert headings == ["一、城管组（CG）：1 条测评标准，1 个文件，2 页", "二、宣传组（XC）：2 条测评标准，2 个文件，2 页",
                        "三、合计", "四、未提交材料的测评标准（1 条）"]


def test_every_run_carries_its_east_asian_font_and_the_page_is_a4_with_page_numbers(city, office, tmp_path):
    for kind, landscape in (("list", True), ("signoff", False), ("issues", True)):
        document = docx.Document(str(write_report(city.office, office, kind, tmp_path / f"{kind}.docx")))
        runs = list(all_runs(document))
        assert runs and all(east_asian(r) in (TITLE_FONT, BODY_FONT, HEADER_FONT) for r in runs), kind
        assert east_asian(document.paragraphs[0].runs[0]) == TITLE_FONT
        table = document.tables[-1]  # every report ends with a table that has a header row
        assert {east_asian(r) for c in table.rows[0].cells for p in c.paragraphs for r in p.runs} == {HEADER_FONT}
        assert table.rows[1].cells[1].paragraphs[0].runs[0].font.name == "Times New Roman"
        normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        assert normal.get(qn("w:eastAsia")) == BODY_FONT
        section = document.sections[0]
        size = (round(section.page_width.mm), round(section.page_height.mm))  # stored in twips
        assert size == ((297, 210) if landscape else (210, 297)), kind
        margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                         section.right_margin)]
        assert margins == ([28, 26, 35, 37] if landscape else [37, 35, 28, 26])  # GB/T 9704, turned with the page
        footer = section.footer.paragraphs[0]
        assert footer.text == "第 1 页 共 1 页"  # the fields' placeholders; Word and WPS fill them in
        assert [i.text for i in footer._p.iter(qn("w:instrText"))] == [" PAGE ", " NUMPAGES "]
        assert [f.get(qn("w:fldCharType")) for f in footer._p.iter(qn("w:fldChar"))] == ["begin", "separate", "end"] * 2
        for table in document.tables:
            flags = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                     for row in table.rows]
            assert flags in ([True] + [False] * (len(table.rows) - 1), [False] * len(table.rows))
        fallbacks = _font_table(tmp_path / f"{kind}.docx")
        assert fallbacks[TITLE_FONT] == "宋体" and fallbacks[BODY_FONT] == "仿宋" and fallbacks[HEADER_FONT] == "SimHei"


def _font_table(path) -> dict[str, str]:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/fontTable.xml"))
    return {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val"))
            for f in root.iter(qn("w:font")) if f.find(qn("w:altName")) is not None}


def test_signoff_sheet_has_a_sheet_per_group_with_hashes_exceptions_and_lines_to_sign(city, office, tmp_path):
    document = docx.Document(str(write_report(city.office, office, "signoff", tmp_path / "签字表.docx")))
    view = consolidated_view(city.office)
    assert len(document.tables) == 2 * len(view.groups)  # per group: the facts, the exceptions
    for index, group in enumerate(view.groups):
        info, exceptions = (cells(t) for t in document.tables[2 * index:2 * index + 2])
        signoff = group.state_model.signoff
        assert info[0] == ["工作组", f"{group.name}（{group.code}）", "组长", group.leader]
        assert info[1][:3] == ["签字版本", group.version_text(), "签字时间"] and info[2][:2] == ["签字状态", "有效"]
        assert info[3] == ["签字清单摘要", short_hash(signoff.manifest_sha256), "审计锚点",
                           f"第 {signoff.audit_anchor.seq} 条记录\n{short_hash(signoff.audit_anchor.hash)}"]
        assert info[4][:2] == ["签名密钥指纹", format_fingerprint(group.fingerprint)]
        listed = signed_exception_list(group.state_model, signed_notes(group.state_model))
        assert [r[1] for r in exceptions[1:]] == [e.kind_name for e in listed]
    cg = cells(document.tables[1])[1:]
    assert [(r[1], r[2].split("\n")[0], r[4]) for r in cg] == [
        ("例外", "Ⅲ-2-1)", "本市无背街小巷整治任务"),
        ("豁免问题", "Ⅲ-1-2)", f"{WAIVER_REASONS['MR-FILE-010']}（李组长）"),
        ("豁免问题", "Ⅲ-1-2)", f"{WAIVER_REASONS['MR-PII-002']}（李组长）"),
        ("保留的建议修改", "Ⅲ-1-2)", "组长审核后保留，不影响签字")]
    assert cg[2][3].split("\n")[:2] == ["手机号未打码（必须修改）", f"{CG_PDF} 第 1 页"]
    texts = [p.text for p in document.paragraphs]
    assert sum(t.startswith("组长（签字）：") for t in texts) == len(view.groups)
    assert sum(t.startswith("文明办经办人（签字）：") for t in texts) == len(view.groups)


def test_issues_list_shows_open_problems_per_group_and_standard_then_the_waived_ones(city, office, tmp_path):
    document = docx.Document(str(write_report(city.office, office, "issues", tmp_path / "问题清单.docx")))
    cg_open, xc_open, cg_waived, xc_waived, rules = (cells(t) for t in document.tables)
    assert cg_open[0] == ["序号", "测评标准", "文件", "位置", "问题", "修改建议", "严重程度"]
    # by standard in the manual's order; a file's problem under the standard it is filed for
    assert [(r[1].split("\n")[0], r[2], r[3], r[4].split("\n")[0], r[6]) for r in cg_open[1:]] == [
        ("Ⅲ-1-2)", CG_PDF, "第 2 页", "材料中出现其他城市名称", "建议修改"),
        ("Ⅲ-2-1)", "（本条测评标准）", "—", "材料数量或种类不足", "必须修改")]
    assert [(r[1].split("\n")[0], r[2], r[3], r[6]) for r in xc_open[1:]] == [
        ("Ⅲ-1-1)", XC_PLAN, "—", "建议修改"), ("Ⅲ-1-2)", XC_REPORT, "第 1 段", "建议修改")]
    fault = xc_open[2][4].split("\n")[1]
    assert "杭州市" in fault and not fault.startswith(XC_REPORT)  # the fault, not the file's name again
    assert cg_open[1][1] == "Ⅲ-1-2)\n开展专题学习" and xc_open[2][5].startswith("核对是否照搬")
    assert not any("MR-" in c for r in cg_open + xc_open + cg_waived + xc_waived for c in r)  # codes: appendix
    assert [(r[1].split("\n")[0], r[4].split("\n")[0], r[5], r[6].split("\n")[0]) for r in cg_waived[1:]] == [
        ("Ⅲ-1-2)", "文件名含平台不接受的字符（必须修改，已豁免）", WAIVER_REASONS["MR-FILE-010"], "李组长"),
        ("Ⅲ-1-2)", "手机号未打码（必须修改，已豁免）", WAIVER_REASONS["MR-PII-002"], "李组长"),
        ("Ⅲ-2-1)", "签字时列为例外", "本市无背街小巷整治任务", "李组长")]
    assert cg_waived[3][4] == "签字时列为例外\n状态：缺失（没有材料）"
    assert [(r[4].split("\n")[0], r[5], r[6].split("\n")[0]) for r in xc_waived[1:]] == [
        ("手机号未打码（必须修改，已豁免）", WAIVER_REASONS["MR-PII-002"], "张组长")]  # from the signed package
    assert all(len(r[6].split("\n")) == 3 for r in cg_waived[1:])  # who, the day, the time
    assert rules[0] == ["规则名称", "编号", "严重程度", "条数"]
    assert rules[1:] == [["文件名含平台不接受的字符", "MR-FILE-010", "必须修改", "1"],
                         ["手机号未打码", "MR-PII-002", "必须修改", "2"],
                         ["材料数量或种类不足", "MR-REQ-001", "必须修改", "1"],
                         ["材料中出现其他城市名称", "MR-CITY-002", "建议修改", "2"],
                         ["未找到材料日期", "MR-DATE-002", "建议修改", "1"]]
    headings = [p.text for p in document.paragraphs if p.text.startswith(("一、", "二、", "（"))]
    assert headings == ["一、未解决的问题（4 条）", "（一）城管组（CG）：2 条", "（二）宣传组（XC）：2 条",
                        "二、已豁免的问题与例外（4 条）", "（一）城管组（CG）：3 条", "（二）宣传组（XC）：1 条"]


def test_reports_inside_the_submission_name_the_submitted_files_and_count_package_pages(tmp_path):
    city = build_city(tmp_path)  # its own: the export fills the extraction cache
    try:
        out = tmp_path / "提交"
        export_submission(city.office, login(city.office, "文明办", PASSWORDS["文明办"]), out)
    finally:
        city.close()
    cg, xc, totals, missing = (cells(t) for t in docx.Document(str(out / "申报材料清单.docx")).tables)
    assert [(r[2], r[4], r[6]) for r in cg[1:-1] + xc[1:-1]] == [
        ("Ⅲ-1-2)-城管组-01-配合_会议纪要_.pdf", "2", "2026年3月5日"),
        ("Ⅲ-1-1)-宣传组-01-学习计划.pdf", "1", "—"),  # extracted from the imported package during the export
        # Word's page laid out by LibreOffice; the date is the one in its 落款
        ("Ⅲ-1-2)-宣传组-02-专题学习情况说明.docx", "1", "2026年3月5日")]
    assert totals[-1][:4] == ["合计", "3 条", "3 个", "4 页"]
    assert [r[0].split("\n")[0] for r in missing[1:]] == ["Ⅲ-2-1)"]


def test_leader_gets_only_the_own_group_and_a_stale_group_shows_as_stale(tmp_path):
    city = build_city(tmp_path)
    try:
        leader = login(city.office, "李组长", PASSWORDS["李组长"])
        rewrite_file(city.office, "CG", CG_PDF, pdf_bytes(["签字后改动的纪要"]))
        document = docx.Document(str(write_report(city.office, leader, "signoff", tmp_path / "s.docx")))
        info = cells(document.tables[0])
        assert len(document.tables) == 2 and info[0][1] == "城管组（CG）" and info[2][1].startswith("已失效")
        with pytest.raises(PermissionDenied, match="无权生成报表"):
            write_report(city.office, login(city.office, "王材料员", PASSWORDS["王材料员"]), "list", tmp_path / "x.docx")
        with pytest.raises(UserError, match=r"须以 \.docx 结尾"):
            write_report(city.office, leader, "list", tmp_path / "x.pdf")
    finally:
        city.close()


def test_report_command_line(city, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS["文明办"])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    base = ["-w", str(city.office.root), "--user", "文明办", "report"]
    for kind, name in (("list", "申报材料清单"), ("signoff", "审核签字表"), ("issues", "问题清单")):
        assert run([*base, kind, str(tmp_path / f"{kind}.docx")]) == 0
        assert name in capsys.readouterr().out and (tmp_path / f"{kind}.docx").is_file()
    (tmp_path / "locked.docx").mkdir()  # a folder in the way, like a file held open by Word
    assert run([*base, "list", str(tmp_path / "locked.docx")]) != 0
    err = capsys.readouterr().err
    assert err.startswith("错误：无法写入报表") and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
