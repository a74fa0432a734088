"""People's spellings work: item codes as typed, the short finding id `check` prints, a package written
into a folder, and one description of a finding's place on the command line, the desk and in reports."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from review.checking.findings import FindingView, list_findings, waive
from review.checking.rules.place import describe_place, format_of
from review.cli.main import run
from review.errors import UserError
from review.handover.package import export_package
from review.handover.signoff import sign_off
from review.intake.mapping import assign, find_material, unassign
from review.intake.scan import scan
from review.manual.assignment import assign_items
from review.manual.codes import normalize_code, require_code
from review.manual.model import Content, Indicator, Manual, Project, Standard
from review.manual.store import store_manual
from review.office.reports.issues_list import place_of, shown_path
from review.workspace.accounts import login
from review.workspace.db.models import FindingRecord
from review.workspace.folder import Workspace
from review.workspace.groups import add_group, get_group, summaries
from review.workspace.permissions import LOCAL_USER
from tests.conftest import default_settings
from tests.files import make_docx, make_xlsx
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace

LEADER = "张组长"


def spelling_manual() -> Manual:
    """Ⅲ-2-2) among its neighbours, so near misses have something to be near."""
    return Manual("测试用测评体系", "2026", [Project("Ⅰ-1", "公共文明", [Indicator("Ⅱ-1", "志愿服务", [
        Content("Ⅲ-1", "健全志愿服务制度", [
            Standard("Ⅲ-1-1)", "制定志愿服务工作方案", ["材料审核"]),
            Standard("Ⅲ-1-2)", "开展志愿服务活动", ["材料审核"]),
        ]),
        Content("Ⅲ-2", "志愿者管理", [
            Standard("Ⅲ-2-1)", "建立志愿者名册", ["材料审核"]),
            Standard("Ⅲ-2-2)", "志愿者信息保护", ["材料审核"]),
            Standard("Ⅲ-2-3)", "市民对志愿服务满意", ["问卷调查"]),
        ]),
    ])])])


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """Single-user workspace: group XC owns Ⅲ-1 and Ⅲ-2; scanned files 名册.xlsx (two mobile numbers on
    one sheet, one on another), 方案.docx (a mobile number in its second paragraph), 照片说明.docx."""
    workspace = Workspace.create(tmp_path / "ws", default_settings())
    with workspace.session() as session:
        store_manual(session, spelling_manual(), "tests")
        add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-1", "Ⅲ-2"])
    root = tmp_path / "材料"
    root.mkdir()
    make_xlsx(root / "名册.xlsx", {"名单": [["姓名", "电话"], ["张三", "13812345678"], ["李四", "13987654321"]],
                                  "备用": [["王五", "13700001111"]]})
    make_docx(root / "方案.docx", ["北湖市志愿服务工作方案", "联系人电话 13612345678"])
    make_docx(root / "照片说明.docx", ["志愿服务活动照片说明"])
    scan(workspace, LOCAL_USER, "XC", [root], check=False)
    yield workspace
    workspace.close()


@pytest.fixture
def cli(ws: Workspace, monkeypatch, capsys):
    def invoke(*argv: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = run(["-w", str(ws.root), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def mappings(ws: Workspace, name: str) -> list[str]:
    with ws.session() as session:
        return sorted(m.item_code for m in find_material(session, name).mappings)


# -- 1. item codes as typed -----------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["Ⅲ-2-2)", "Ⅲ-2-2", "III-2-2)", "Ⅲ-2-2）", "iii-2-2", " Ⅲ－2－2 ", "ⅲ-2-2)"])
def test_every_spelling_of_a_standard_resolves_to_the_manuals(typed: str) -> None:
    assert spelling_manual().resolve_code(typed) == "Ⅲ-2-2)"
    assert spelling_manual().resolve_code(typed, ("standard",)) == "Ⅲ-2-2)"


def test_content_codes_resolve_and_levels_are_kept_apart() -> None:
    manual = spelling_manual()
    assert manual.resolve_code("III-1") == manual.resolve_code("Ⅲ-1") == "Ⅲ-1"
    assert manual.resolve_code("III-1", ("standard",)) is None
    assert manual.resolve_code("Ⅲ-9-9)") is None
    assert normalize_code("Ⅲ-2-2)") == normalize_code("iii-2-2") == "III-2-2"  # one normaliser for all


def test_an_unknown_code_is_refused_in_chinese_with_close_codes() -> None:
    manual = spelling_manual()
    with pytest.raises(UserError) as refused:
        require_code(manual, "Ⅲ-2-9)", ("standard",))
    assert "没有编号为 Ⅲ-2-9) 的测评标准" in refused.value.message and "相近的编号" in refused.value.message
    assert "Ⅲ-2-1)" in refused.value.message and "manual show" in refused.value.message
    with pytest.raises(UserError) as refused:
        require_code(manual, "III-2", ("standard",))  # a 测评内容 where a standard is wanted
    assert "测评内容 Ⅲ-2" in refused.value.message
    assert "Ⅲ-2-1)、Ⅲ-2-2)、Ⅲ-2-3)" in refused.value.message


def test_services_take_codes_as_typed(ws: Workspace) -> None:
    [mapped] = assign(ws, LOCAL_USER, ["方案.docx"], "iii-1-1")
    assert (mapped.item_code, mapped.changed) == ("Ⅲ-1-1)", True)
    [again] = assign(ws, LOCAL_USER, ["方案.docx"], "Ⅲ-1-1）")  # the same mapping, not a second one
    assert (again.item_code, again.changed) == ("Ⅲ-1-1)", False)
    with ws.session() as session:
        assert [m.item_code for m in find_material(session, "方案.docx").mappings] == ["Ⅲ-1-1)"]
    assert [m.item_code for m in unassign(ws, LOCAL_USER, ["方案.docx"], "III-1-1")] == ["Ⅲ-1-1)"]
    with ws.session() as session:
        add_group(session, "CG", "城管组")
        assert assign_items(session, "CG", ["III-1", "Ⅲ-2-2", "Ⅲ-1"]) == ["Ⅲ-1", "Ⅲ-2-2)"]
        with pytest.raises(UserError, match="没有这些条目：Ⅲ-7（相近的编号"):
            assign_items(session, "CG", ["Ⅲ-7"])
    assert [s.lead_items for s in summaries_of(ws) if s.code == "CG"] == [["Ⅲ-1", "Ⅲ-2-2)"]]


def summaries_of(ws: Workspace):
    with ws.session() as session:
        return summaries(session)


def test_map_unmap_and_group_assign_on_the_command_line(cli, ws: Workspace) -> None:
    code, out, _ = cli("map", "名册.xlsx", "III-2-1)")
    assert code == 0 and "归到 Ⅲ-2-1)" in out
    assert mappings(ws, "名册.xlsx") == ["Ⅲ-2-1)"]
    code, out, _ = cli("map", "名册.xlsx", "Ⅲ-2-2）")
    assert code == 0 and mappings(ws, "名册.xlsx") == ["Ⅲ-2-1)", "Ⅲ-2-2)"]
    code, out, _ = cli("unmap", "名册.xlsx", "iii-2-1")
    assert code == 0 and "Ⅲ-2-1) 下的归类" in out and mappings(ws, "名册.xlsx") == ["Ⅲ-2-2)"]

    code, _, err = cli("map", "名册.xlsx", "Ⅲ-2-9)")
    assert code != 0 and err.count("\n") == 1 and "没有编号为 Ⅲ-2-9) 的测评标准" in err and "Ⅲ-2-1)" in err
    code, _, err = cli("map", "名册.xlsx", "Ⅲ-2-3")  # known, but a survey standard without materials
    assert code != 0 and "不是操作手册中需要材料审核的测评标准" in err

    assert cli("group", "add", "CG", "城管组")[0] == 0
    code, out, _ = cli("group", "assign", "CG", "iii-1", "III-2-2")
    assert code == 0 and "新增 2 个" in out
    code, out, _ = cli("group", "list", "--json")
    assert next(g for g in json.loads(out)["groups"] if g["code"] == "CG")["lead_items"] == ["Ⅲ-1", "Ⅲ-2-2)"]


def test_manual_show_review_waive_and_search_take_codes_as_typed(cli, ws: Workspace) -> None:
    code, out, _ = cli("manual", "show", "III-2")
    assert code == 0 and out.splitlines()[0].strip().startswith("Ⅲ-2 志愿者管理") and "Ⅲ-2-2)" in out
    code, _, err = cli("manual", "show", "Ⅲ-20")
    assert code != 0 and "相近的编号" in err

    assert cli("map", "方案.docx", "Ⅲ-1-1)")[0] == 0
    code, out, _ = cli("review", "return", "iii-1-1", "--group", "XC", "--comment", "电话未打码")
    assert code == 0 and "XC Ⅲ-1-1)：退回" in out
    code, out, _ = cli("review", "history", "III-1-1）", "--group", "XC", "--json")
    assert code == 0 and json.loads(out)["item"] == "Ⅲ-1-1)" and len(json.loads(out)["decisions"]) == 1
    code, _, err = cli("review", "approve", "Ⅲ-1-9)", "--group", "XC")
    assert code != 0 and "Ⅲ-1-1)" in err

    code, out, _ = cli("waive", "XC", "III-1-2", "--item", "--reason", "本市不适用")
    assert code == 0 and "已豁免测评标准 Ⅲ-1-2)" in out

    code, out, _ = cli("search", "志愿服务", "--item", "iii-1-1", "--json")
    assert code == 0 and [Path(h["path"]).name for h in json.loads(out)["hits"]] == ["方案.docx"]


def test_signoff_exceptions_take_codes_as_typed(tmp_path: Path, monkeypatch, capsys) -> None:
    workspace = make_workspace(tmp_path / "ws")
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)"])
    add_file(workspace, "XC", "Ⅲ-1-2)/专题学习.pdf", b"study", ["Ⅲ-1-2)"])
    try:
        monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS[LEADER])
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert run(["-w", str(workspace.root), "--user", LEADER, "review", "approve", "III-1-1"]) == 0
        base = ["-w", str(workspace.root), "--user", LEADER, "signoff", "XC"]
        assert run([*base, "--exception", "Ⅲ-1-9=下周补"]) != 0
        assert "Ⅲ-1-1)" in capsys.readouterr().err
        assert run([*base, "--exception", "III-1-2=下周补"]) == 0
        out = capsys.readouterr().out
        assert re.search(r"Ⅲ-1-2\)[^\n]*下周补", out) and "III-1-2" not in out
    finally:
        workspace.close()


# -- 2. the short id `check` prints is what `waive` takes ---------------------------------------
def checked(cli) -> list[dict[str, object]]:
    code, out, _ = cli("check", "--group", "XC", "--json")
    assert code == 0
    return json.loads(out)["findings"]


def test_check_prints_a_short_id_per_finding_and_waive_takes_it(cli, ws: Workspace) -> None:
    findings = checked(cli)
    phones = [f for f in findings if f["rule_id"] == "MR-PII-002"]
    assert len(phones) == 4 and all(f["short_id"] == f["fingerprint"][:8] for f in findings)
    code, out, _ = cli("check", "--group", "XC")
    assert code == 0
    for finding in findings:
        assert f"编号 {finding['short_id']}" in out
    assert "waive 工作组 编号 --reason" in out

    target = next(f for f in phones if f["file"].endswith("方案.docx"))
    code, out, _ = cli("waive", "XC", str(target["short_id"]), "--reason", "单位公开的服务热线")
    assert code == 0 and f"已豁免问题 {target['short_id']} MR-PII-002" in out
    code, out, _ = cli("check", "--group", "XC", "--all")
    assert "（已豁免：单位公开的服务热线）" in out
    code, _, err = cli("waive", "XC", str(target["short_id"]), "--reason", "再来一次")
    assert code != 0 and "已经豁免过了" in err and str(target["short_id"]) in err


def test_waive_by_rule_and_file_and_refusals_list_short_ids(cli, ws: Workspace) -> None:
    findings = checked(cli)
    in_roster = [f for f in findings if f["rule_id"] == "MR-PII-002" and f["file"].endswith("名册.xlsx")]
    assert len(in_roster) == 3

    code, _, err = cli("waive", "XC", "MR-PII-002", "--file", "名册.xlsx", "--reason", "已征得本人同意")
    assert code != 0 and err.count("\n") == 1 and "规则 MR-PII-002 在文件 名册.xlsx 中有 3 个问题" in err
    assert all(str(f["short_id"]) in err for f in in_roster)
    assert "工作表 名单 第 2 行第 2 列" in err  # each named with its place

    code, _, err = cli("waive", "XC", "MR-PII-002", "--reason", "已征得本人同意")  # four, in two files
    assert code != 0 and "加 --file" in err

    code, out, _ = cli("waive", "XC", "MR-PII-002", "--file", "方案.docx", "--reason", "单位公开的服务热线")
    assert code == 0 and "MR-PII-002" in out and "方案.docx" in out
    code, _, err = cli("waive", "XC", "MR-PII-001", "--file", "方案.docx", "--reason", "无")
    assert code != 0 and "没有规则 MR-PII-001 的问题" in err

    code, _, err = cli("waive", "XC", "zzzzzzzz", "--reason", "无")
    assert code != 0 and "没有编号为 zzzzzzzz 的问题" in err and str(in_roster[0]["short_id"]) in err


def test_an_ambiguous_prefix_is_refused_listing_the_candidates(ws: Workspace, cli) -> None:
    with ws.session() as session:
        group = get_group(session, "XC")
        material = find_material(session, "照片说明.docx")
        for n, fingerprint in enumerate(("abcd1234" + "0" * 16, "abcd5678" + "0" * 16)):
            session.add(FindingRecord(group_id=group.id, material_id=material.id, scope="file", rule_id="MR-TPL-001",
                                      severity="must", title="模板占位符未替换", message="", hint="",
                                      file=material.path, page=1, location=f"第{n + 1}段", fingerprint=fingerprint))
    code, _, err = cli("waive", "XC", "abcd", "--reason", "引用原文")
    assert code != 0 and "编号 abcd 对应 2 个问题" in err
    assert "abcd1234（MR-TPL-001，照片说明.docx 第 1 段）" in err and "abcd5678" in err
    with ws.session() as session:
        assert waive(ws, LOCAL_USER, "XC", "ABCD5678", "引用原文").waiver.fingerprint.startswith("abcd5678")


def test_the_desk_shows_the_same_short_id_and_place(qtbot, ws: Workspace, cli) -> None:
    from desktop.desk_data import standard_details
    from desktop.standard_view import StandardView
    from review.manual.store import current_manual

    assert cli("map", "方案.docx", "Ⅲ-1-1)")[0] == 0
    phone = next(f for f in checked(cli) if f["rule_id"] == "MR-PII-002" and f["file"].endswith("方案.docx"))
    out = cli("check", "--group", "XC")[1]
    assert f"位置：{Path(phone['file']).name}，第 2 段" in out
    with ws.session() as session:
        manual = current_manual(session)
    details = standard_details(ws, "XC", manual, "Ⅲ-1-1)")
    view = StandardView()
    qtbot.addWidget(view)
    view.show_details(details)
    row = next(i for i, f in enumerate(details.findings) if f.fingerprint == phone["fingerprint"])
    assert view.findings.item(row, 2).text() == "第 2 段 · 方案.docx"
    assert view.findings.item(row, 3).text() == phone["short_id"]


# -- 3. package export into a folder ------------------------------------------------------------
@pytest.fixture
def signed(tmp_path: Path, monkeypatch) -> Workspace:
    workspace = make_workspace(tmp_path / "leader")
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS[LEADER])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)"])
    add_file(workspace, "XC", "Ⅲ-1-2)/专题学习.pdf", b"study", ["Ⅲ-1-2)"])
    leader = login(workspace, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        assert run(["-w", str(workspace.root), "--user", LEADER, "review", "approve", code]) == 0
    sign_off(workspace, leader, PASSWORDS[LEADER], "XC")
    yield workspace
    workspace.close()


def test_package_export_names_the_file_inside_a_folder_and_refuses_to_overwrite(signed: Workspace, tmp_path: Path,
                                                                                  monkeypatch, capsys) -> None:
    def export(*argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS["王材料员"])
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = run(["-w", str(signed.root), "--user", "王材料员", "package", "export", "XC", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = export(str(usb))
    named = usb / "XC-宣传组-第1版.mrpkg"
    assert code == 0 and named.is_file() and str(named) in out
    assert sorted(p.name for p in usb.iterdir()) == [named.name]

    before = named.stat().st_mtime_ns
    code, _, err = export(str(usb))
    assert code != 0 and err.count("\n") == 1 and str(named) in err and "--force" in err
    assert named.stat().st_mtime_ns == before
    assert export(str(usb), "--force")[0] == 0

    code, _, err = export(str(named))  # the file by its own name, existing
    assert code != 0 and "--force" in err

    code, out, _ = export(str(tmp_path / "新U盘") + "/")  # not there yet, but written as a folder
    assert code == 0 and (tmp_path / "新U盘" / "XC-宣传组-第1版.mrpkg").is_file()

    code, out, _ = export(str(usb / "宣传组材料"))  # a file name: .mrpkg added
    assert code == 0 and (usb / "宣传组材料.mrpkg").is_file()


def test_export_package_service_takes_a_folder(signed: Workspace, tmp_path: Path) -> None:
    clerk = login(signed, "王材料员", PASSWORDS["王材料员"])
    out = export_package(signed, clerk, "XC", tmp_path)
    assert out == tmp_path / "XC-宣传组-第1版.mrpkg" and out.is_file()
    with pytest.raises(UserError, match=r"已存在.*--force"):
        export_package(signed, clerk, "XC", tmp_path)
    assert export_package(signed, clerk, "XC", tmp_path, force=True) == out


# -- 4. one description of a place --------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "page", "location", "shown"),
    [
        ("pdf", 2, "第2页", "第 2 页"),
        ("pdf", 1, "第1页", "第 1 页"),  # never "第 1 页、第 1 页"
        ("pdf", 3, "", "第 3 页"),
        ("pdf", 2, "第 1 行", "第 2 页 第 1 行"),
        ("ofd", 4, "第4页", "第 4 页"),
        ("jpg", 1, "第1页（识别）", "第 1 页（识别）"),
        ("png", 1, "", "第 1 页"),
        ("pdf", 1, "第1、3页", "第 1、3 页"),
        ("docx", 1, "第5段", "第 5 段"),  # a DOCX's "page" is not a printed page
        ("docx", 1, "第5段（文本框）", "第 5 段（文本框）"),
        ("docx", 1, "表格1 第3行第2列", "表格 1 第 3 行第 2 列"),
        ("docx", 1, "页眉", "页眉"),
        ("xlsx", 1, "工作表Sheet1 第3行第2列", "工作表 Sheet1 第 3 行第 2 列"),
        ("xlsx", 2, "第2页 工作表Sheet2 第3行第1列", "工作表 Sheet2 第 3 行第 1 列"),
        ("pdf", None, "文件名", "文件名"),
        ("", None, "", ""),
    ],
)
def test_describe_place(fmt: str, page: int | None, location: str, shown: str) -> None:
    assert describe_place(fmt, page, location) == shown


def test_format_of_reads_formats_extensions_and_paths() -> None:
    assert [format_of(x) for x in ("pdf", ".JPG", "jpg", "/材料/名册.xlsx", "C:\\材料\\方案.docx", "a.csv", "")] == [
        "pdf", "jpeg", "jpeg", "xlsx", "docx", "csv", ""]


def test_the_issues_list_and_the_command_line_print_a_place_alike(cli, ws: Workspace) -> None:
    phones = [f for f in checked(cli) if f["rule_id"] == "MR-PII-002"]
    out = cli("check", "--group", "XC")[1]
    with ws.session() as session:
        views = {v.fingerprint: v for v in list_findings(session, "XC")}
    for phone in phones:
        view: FindingView = views[phone["fingerprint"]]
        place = describe_place(view.file, view.page, view.location)
        assert place and f"位置：{Path(view.file).name}，{place}" in out
        # the 问题清单's columns: the file as the reader finds it (folder and name, never this PC's path), the place
        assert (shown_path(view.file), place_of(view)) == ("/".join(Path(view.file).parts[-2:]), place)
    roster = next(f for f in phones if f["file"].endswith("名册.xlsx") and "备用" in f["location"])
    assert "工作表 备用 第 1 行第 2 列" in out and roster["page"] == 2
    assert "第 2 页" not in describe_place(roster["file"], roster["page"], roster["location"])
