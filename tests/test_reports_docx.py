"""The three printed reports, opened again with python-docx: rows, totals, fonts, page setup, repeated headers."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from review.cli.main import run
from review.errors import PermissionDenied, UserError
from review.office.consolidation import consolidated_view
from review.office.reports import write_report
from review.office.reports.docx_style import BODY_FONT, HEADER_FONT, TITLE_FONT
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


def test_material_list_lists_every_item_with_files_pages_dates_groups_and_totals(city, office, tmp_path):
    document = docx.Document(str(write_report(city.office, office, "list", tmp_path / "清单.docx")))
    assert document.paragraphs[0].text == "北湖市全国文明城市创建申报材料清单"
    [table] = document.tables
    rows = cells(table)
    assert rows[0] == ["序号", "测评标准", "材料文件", "页数", "材料日期", "工作组"]
    assert rows[1] == ["1", "Ⅲ-1-1)\n制定具体学习计划及实施方案", XC_PLAN, "—", "—", "宣传组"]
    assert rows[2] == ["2", "Ⅲ-1-2)\n开展专题学习", CG_PDF, "2", "2026年3月5日", "城管组"]
    assert rows[3] == ["3", "Ⅲ-1-2)\n开展专题学习", XC_REPORT, "—", "—", "宣传组"]  # one merged cell
    assert rows[4][1:3] == ["Ⅲ-2-1)\n背街小巷整治方案", "（无材料）缺材料"] and rows[4][5] == "城管组"
    assert rows[5] == ["合计", "3 条测评标准", "3 个文件", "2\n（2 个未计）", "", "2 个工作组"]
    assert len(rows) == 6


def test_every_run_carries_its_east_asian_font_and_the_page_is_a4_with_page_numbers(city, office, tmp_path):
    for kind in ("list", "signoff", "issues"):
        document = docx.Document(str(write_report(city.office, office, kind, tmp_path / f"{kind}.docx")))
        runs = list(all_runs(document))
        assert runs and all(east_asian(r) in (TITLE_FONT, BODY_FONT, HEADER_FONT) for r in runs), kind
        assert east_asian(document.paragraphs[0].runs[0]) == TITLE_FONT
        assert {east_asian(r) for c in document.tables[0].rows[0].cells for p in c.paragraphs for r in p.runs} \
            == {HEADER_FONT}
        assert document.tables[0].rows[1].cells[1].paragraphs[0].runs[0].font.name == "Times New Roman"
        normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        assert normal.get(qn("w:eastAsia")) == BODY_FONT
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # stored in twips
        assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                      section.right_margin)] == [37, 35, 28, 26]
        footer = section.footer.paragraphs[0]._p
        assert [i.text for i in footer.iter(qn("w:instrText"))] == [" PAGE "]
        assert [f.get(qn("w:fldCharType")) for f in footer.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
        for table in document.tables:
            flags = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                     for row in table.rows]
            assert flags == [True] + [False] * (len(table.rows) - 1)
        fallbacks = _font_table(tmp_path / f"{kind}.docx")
        assert fallbacks[TITLE_FONT] == "宋体" and fallbacks[BODY_FONT] == "仿宋" and fallbacks[HEADER_FONT] == "SimHei"


def _font_table(path) -> dict[str, str]:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/fontTable.xml"))
    return {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val"))
            for f in root.iter(qn("w:font")) if f.find(qn("w:altName")) is not None}


def test_signoff_sheet_has_a_row_per_group_with_fingerprint_version_state_and_room_to_sign(city, office, tmp_path):
    document = docx.Document(str(write_report(city.office, office, "signoff", tmp_path / "签字表.docx")))
    [table] = document.tables
    rows = cells(table)
    assert rows[0] == ["工作组", "组长", "签字版本及时间", "状态", "签名密钥指纹", "组长签名", "日期"]
    view = consolidated_view(city.office)
    for row, group in zip(rows[1:], view.groups, strict=True):
        assert row[0] == f"{group.code}\n{group.name}" and row[1] == group.leader
        assert row[2].startswith(group.version_text()) and row[3].startswith("有效")
        lines = row[4].split("\n")
        assert [len(line.split()) for line in lines] == [4, 4, 4, 4]
        assert " ".join(lines) == format_fingerprint(group.fingerprint)
        assert row[5:] == ["", ""]  # signed by hand
    assert [r[2].split("\n")[0] for r in rows[1:]] == ["本地第 1 版", "材料包第 1 版"]
    assert all(row.height >= Mm(20) for row in table.rows[1:])
    assert document.paragraphs[-1].text.startswith("文明办负责人签字：")


def test_issues_list_shows_open_findings_with_hints_and_the_waivers_with_reasons(city, office, tmp_path):
    document = docx.Document(str(write_report(city.office, office, "issues", tmp_path / "问题清单.docx")))
    open_table, waiver_table = document.tables
    issues = cells(open_table)[1:]
    # a file's problem is listed under the standard it is filed for, with its path in the group's folder
    assert [(r[1], r[2], r[3], r[4]) for r in issues] == [
        ("城管组", "Ⅲ-2-1)", "MR-REQ-001", "必须修改"),  # the standard the leader signed as an exception
        ("城管组", "Ⅲ-1-2)", "MR-CITY-002", "建议修改"), ("宣传组", "Ⅲ-1-1)", "MR-DATE-002", "建议修改"),
        ("宣传组", "Ⅲ-1-2)", "MR-CITY-002", "建议修改")]
    assert issues[1][5] == f"{CG_PDF}\n第 2 页"
    assert issues[3][5] == f"{XC_REPORT}\n第 1 段"
    assert "杭州市" in issues[3][6] and "修改建议：" in issues[3][6]
    assert not any("PII" in r[3] for r in issues)  # waived
    waivers = cells(waiver_table)[1:]
    assert [(r[1], r[2], r[3], r[5], r[6]) for r in waivers] == [
        ("城管组", "Ⅲ-1-2)", "豁免", WAIVER_REASONS["MR-FILE-010"], "李组长"),
        ("城管组", "Ⅲ-1-2)", "豁免", WAIVER_REASONS["MR-PII-002"], "李组长"),
        ("城管组", "Ⅲ-2-1)", "例外", "本市无背街小巷整治任务", "李组长"),
        ("宣传组", "Ⅲ-1-2)", "豁免", WAIVER_REASONS["MR-PII-002"], "张组长")]  # from the signed package
    assert waivers[1][4] == f"MR-PII-002\n{CG_PDF}"
    assert all(r[7] for r in waivers)  # when each was waived
    headings = [p.text for p in document.paragraphs if p.text.startswith(("一、", "二、"))]
    assert headings == ["一、未解决的问题（4 条）", "二、豁免与例外（4 条）"]


def test_reports_inside_the_submission_name_the_submitted_files_and_count_package_pages(tmp_path):
    city = build_city(tmp_path)  # its own: the export fills the extraction cache
    try:
        out = tmp_path / "提交"
        export_submission(city.office, login(city.office, "文明办", PASSWORDS["文明办"]), out)
    finally:
        city.close()
    rows = cells(docx.Document(str(out / "申报材料清单.docx")).tables[0])
    assert [(r[2], r[3], r[4]) for r in rows[1:-1]] == [
        ("Ⅲ-1-1)-宣传组-01-学习计划.pdf", "1", "—"),  # extracted from the imported package during the export
        ("Ⅲ-1-2)-城管组-01-配合_会议纪要_.pdf", "2", "2026年3月5日"),
        # Word lays out its own pages: not counted; the date is the one in its 落款
        ("Ⅲ-1-2)-宣传组-02-专题学习情况说明.docx", "—", "2026年3月5日")]
    assert rows[-1][:4] == ["合计", "2 条测评标准", "3 个文件", "3\n（1 个未计）"]  # the uncovered item is not listed


def test_leader_gets_only_the_own_group_and_a_stale_group_shows_as_stale(tmp_path):
    city = build_city(tmp_path)
    try:
        leader = login(city.office, "李组长", PASSWORDS["李组长"])
        rewrite_file(city.office, "CG", CG_PDF, pdf_bytes(["签字后改动的纪要"]))
        document = docx.Document(str(write_report(city.office, leader, "signoff", tmp_path / "s.docx")))
        [row] = cells(document.tables[0])[1:]
        assert row[0] == "CG\n城管组" and row[3].startswith("已失效")
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
