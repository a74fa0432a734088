"""The office's consolidated view and the final submission, on a city built through the real services
(one group's signed package imported, one group signing in the office workspace itself)."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

import review.intake.scan as scan_module
from index.cache import ExtractionCache
from index.limits import Limits
from review.assessment.approval import decide
from review.cli.main import run
from review.errors import PermissionDenied, UserError
from review.handover.signoff import sign_off
from review.intake.scan import close_shared_pool
from review.manual.assignment import assign_items
from review.manual.store import current_manual
from review.office.consolidation import consolidated_view
from review.office.submission import (
    MAX_FOLDER_NAME,
    check_submission,
    export_submission,
    included_groups,
    plan_files,
)
from review.progress import CancelToken
from review.workspace.accounts import login
from review.workspace.db.models import ImportedPackage
from review.workspace.settings import WorkspaceSettings
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, rewrite_file
from tests.submission_helpers import (
    CG_PDF,
    XC_PLAN,
    XC_REPORT,
    build_city,
    pdf_bytes,
    sign_cg,
    tree,
    waive_must_fix,
)

ITEM_FOLDER = "01 Ⅰ-1 思想道德建设/01 Ⅲ-1 健全学习制度"


@pytest.fixture
def city(tmp_path):
    built = build_city(tmp_path)
    yield built
    built.close()


def office_user(city):
    return login(city.office, "文明办", PASSWORDS["文明办"])


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_view_shows_sources_signatures_coverage_gaps_and_doubles(city):
    view = consolidated_view(city.office)
    cg, xc = view.group("CG"), view.group("XC")
    assert (cg.source, cg.state, cg.version, cg.leader) == ("local", "valid", 1, "李组长")
    assert (xc.source, xc.state, xc.version, xc.leader) == ("package", "valid", 1, "张组长")
    assert xc.package_sha256 == sha(city.package.read_bytes())
    assert xc.fingerprint_display.count(" ") == 15 and len(xc.fingerprint_display.split()[0]) == 4
    assert [f.path for f in xc.files] == [XC_PLAN, XC_REPORT]
    assert all(f.source.is_file() and sha(f.source.read_bytes()) == f.sha256 for f in xc.files)
    [pdf] = cg.files
    assert (pdf.path, pdf.pages, pdf.date) == (CG_PDF, 2, "2026-03-05")  # from the extraction cache
    items = {i.code: i for i in view.items}
    assert list(items) == ["Ⅲ-1-1)", "Ⅲ-1-2)", "Ⅲ-2-1)"]  # 材料审核 standards only, manual order
    assert (items["Ⅲ-1-1)"].groups, items["Ⅲ-1-1)"].status) == (["XC"], "signed")
    assert [f.path for f in items["Ⅲ-1-2)"].files] == [CG_PDF, XC_REPORT]
    assert items["Ⅲ-1-2)"].groups == ["CG", "XC"]
    assert [i.code for i in view.covered_twice] == ["Ⅲ-1-2)"]
    assert [(i.code, i.responsible) for i in view.uncovered] == [("Ⅲ-2-1)", ["CG"])]
    assert view.counts() == {"items": 3, "signed": 2, "unsigned": 0, "stale": 0, "invalid": 0, "waived": 0,
                             "missing": 1, "covered_twice": 1, "files": 3}


def test_a_file_changed_after_signing_makes_the_group_and_its_items_stale(city):
    rewrite_file(city.office, "CG", CG_PDF, pdf_bytes(["改过的会议纪要"]))
    view = consolidated_view(city.office)
    cg = view.group("CG")
    assert cg.state == "stale" and any(CG_PDF in change for change in cg.changes)
    assert {i.code: i.status for i in view.items} == {"Ⅲ-1-1)": "signed", "Ⅲ-1-2)": "stale", "Ⅲ-2-1)": "missing"}


def test_a_tampered_package_folder_makes_the_group_invalid(city):
    with city.office.session() as session:
        folder = city.office.root / session.query(ImportedPackage).one().folder
    (folder / "files" / XC_PLAN).write_bytes(b"swapped after import")
    xc = consolidated_view(city.office).group("XC")
    assert xc.state == "invalid" and XC_PLAN in xc.problem


def test_export_builds_the_tree_in_manual_order_with_a_manifest_that_matches_every_file(city, tmp_path):
    out = tmp_path / "export" / "北湖市申报材料"
    events = []
    report = export_submission(city.office, office_user(city), out, zip=True, progress=events.append)
    assert tree(out) == [
        f"{ITEM_FOLDER}/01 Ⅲ-1-1) 制定具体学习计划及实施方案/Ⅲ-1-1)-宣传组-01-学习计划.pdf",
        f"{ITEM_FOLDER}/02 Ⅲ-1-2) 开展专题学习/Ⅲ-1-2)-城管组-01-配合_会议纪要_.pdf",
        f"{ITEM_FOLDER}/02 Ⅲ-1-2) 开展专题学习/Ⅲ-1-2)-宣传组-02-专题学习情况说明.docx",
        "manifest.json", "审核签字表.docx", "申报材料清单.docx", "问题清单.docx",
    ]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [(g["code"], g["source"], g["version"]) for g in manifest["groups"]] == [("CG", "local", 1),
                                                                                  ("XC", "package", 1)]
    assert manifest["uncovered"] == ["Ⅲ-2-1)"] and manifest["skipped"] == []
    for entry in manifest["files"] + manifest["reports"]:
        data = (out / entry["path"]).read_bytes()
        assert (len(data), sha(data)) == (entry["size"], entry["sha256"])
    assert {f["source"] for f in manifest["files"]} == {XC_PLAN, XC_REPORT, CG_PDF}
    with zipfile.ZipFile(report.zip_path) as archive:
        assert sorted(archive.namelist()) == sorted(f"北湖市申报材料/{p}" for p in tree(out))
    assert sorted(p.name for p in out.parent.iterdir()) == ["北湖市申报材料", "北湖市申报材料.zip"]
    assert events and events[-1].done == events[-1].total


def test_pattern_limit_and_collisions_from_the_workspace_settings(city, tmp_path):
    settings = city.office.settings().with_value("submission_name_pattern", "{title}{ext}")
    city.office.save_settings(settings.with_value("max_filename_length", "24"))
    long_name = "关于开展二〇二六年度背街小巷环境整治专题学习活动的情况报告"
    sign_cg_again(city, {f"Ⅲ-1-2)/甲/{long_name}.pdf": b"long", "Ⅲ-1-2)/乙/CON.pdf": b"con",
                         "Ⅲ-1-2)/丙/con.PDF": b"con2"})
    out = tmp_path / "提交"
    export_submission(city.office, office_user(city), out)
    names = [p.split("/")[-1] for p in tree(out) if p.startswith(f"{ITEM_FOLDER}/02 Ⅲ-1-2)")]
    assert names == ["_CON (2).pdf", "_con.pdf", "专题学习情况说明.docx", long_name[:20] + ".pdf", "配合_会议纪要_.pdf"]
    assert all(len(part) <= 24 for p in tree(out) for part in p.split("/"))


def sign_cg_again(city, files):
    """Add files to CG's Ⅲ-1-2), approve and sign again."""
    for rel_path, content in files.items():
        add_file(city.office, "CG", rel_path, content, ["Ⅲ-1-2)"])
    li = login(city.office, "李组长", PASSWORDS["李组长"])
    waive_must_fix(city.office, li, "CG")
    decide(city.office, li, "CG", "Ⅲ-1-2)", "approve")
    sign_off(city.office, li, PASSWORDS["李组长"], "CG", exceptions={"Ⅲ-2-1)": "本市无此项"})


def test_a_file_that_hangs_or_crashes_the_reader_is_reported_and_the_export_goes_on(city, tmp_path, monkeypatch):
    """Files this PC never read are read in the scan's worker pool, so a bad one cannot stop the export."""
    hang, crash = pdf_bytes(["背街小巷整治台账"]), pdf_bytes(["背街小巷整治记录"])
    sign_cg_again(city, {"Ⅲ-1-2)/hang-台账.pdf": hang, "Ⅲ-1-2)/crash-记录.pdf": crash})
    cache = ExtractionCache(city.office.paths.cache)
    for data in (hang, crash):  # as if the files had come in a package: this PC never read them
        for entry in cache.folder.glob(f"*/{sha(data)}.*"):
            entry.unlink()
    monkeypatch.setattr(scan_module, "EXTRACTOR", "tests.extract_hooks:misbehaving_extract")
    monkeypatch.setattr(scan_module, "EXTRACTION_LIMITS", Limits(timeout_s=4))
    try:
        report = export_submission(city.office, office_user(city), tmp_path / "提交")
    finally:
        close_shared_pool()  # its workers run the misbehaving extractor
    assert [(u["group"], u["path"], u["code"]) for u in report.unreadable] == [
        ("CG", "Ⅲ-1-2)/crash-记录.pdf", "crashed"), ("CG", "Ⅲ-1-2)/hang-台账.pdf", "timeout")]
    assert "4 秒" in report.unreadable[1]["message"]
    names = [p.split("/")[-1] for p in tree(tmp_path / "提交")]
    assert {"Ⅲ-1-2)-城管组-01-crash-记录.pdf", "Ⅲ-1-2)-城管组-02-hang-台账.pdf", "manifest.json",
            "申报材料清单.docx"} <= set(names)
    pages = {p.file.path: p.file.pages for p in report.files}
    assert pages[XC_PLAN] == 1  # the package's files were read by the same pool, into the cache
    assert cache.get(sha((city.office.root / "材料" / "CG" / "Ⅲ-1-2)" / "hang-台账.pdf").read_bytes())) is not None
    assert pages["Ⅲ-1-2)/hang-台账.pdf"] is None and pages["Ⅲ-1-2)/crash-记录.pdf"] is None
    assert report.to_json()["unreadable"] == report.unreadable


def test_stale_group_refused_with_its_name_and_nothing_left_behind(city, tmp_path):
    rewrite_file(city.office, "CG", CG_PDF, pdf_bytes(["改过的会议纪要"]))
    out = tmp_path / "new" / "deeper" / "提交"
    with pytest.raises(UserError, match=r"CG 城管组（已失效.*--allow-stale"):
        export_submission(city.office, office_user(city), out, zip=True)
    assert not (tmp_path / "new").exists()

    report = export_submission(city.office, office_user(city), out, allow_stale=True)
    assert report.groups == ["XC"] and [s["group"] for s in report.skipped] == ["CG"]
    assert not any("城管组" in p for p in tree(out))
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["skipped"][0]["state"] == "stale"


def test_the_check_lists_every_blocker_that_the_export_then_enforces(city, tmp_path):
    office = office_user(city)
    check = check_submission(city.office, office)
    assert check.ready and check.groups == ["CG", "XC"] and check.files == 3
    assert check.uncovered == ["Ⅲ-2-1)"] and check.covered_twice == ["Ⅲ-1-2)"]

    rewrite_file(city.office, "CG", CG_PDF, pdf_bytes(["改过的会议纪要"]))
    city.office.save_settings(city.office.settings().with_value("allowed_formats", "docx,jpg"))  # no more PDF
    check = check_submission(city.office, office)
    assert not check.ready and len(check.blockers) == 2
    assert check.blockers[0].startswith("工作组 CG 城管组：已失效")
    assert f"工作组 XC 的 {XC_PLAN}：格式 .pdf 平台不接受" in check.blockers[1]
    check = check_submission(city.office, office, allow_stale=True)
    assert [g["group"] for g in check.left_out] == ["CG"] and len(check.blockers) == 1
    with pytest.raises(UserError, match=r"不符合平台规则.*格式 \.pdf 平台不接受"):
        export_submission(city.office, office, tmp_path / "提交", allow_stale=True)
    assert not (tmp_path / "提交").exists()


def test_bytes_changed_on_disk_after_signing_abort_the_copy_and_leave_nothing(city, tmp_path):
    pdf = city.office.root / "材料" / "CG" / CG_PDF
    pdf.write_bytes(pdf.read_bytes()[::-1])  # same size, not rescanned: only the copy can notice
    with pytest.raises(UserError, match="签字后被改动过"):
        export_submission(city.office, office_user(city), tmp_path / "提交", zip=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office", "usb", "xc-pc"]


def test_cancel_and_existing_target_and_roles_are_refused(city, tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(UserError, match="已取消"):
        export_submission(city.office, office_user(city), tmp_path / "out" / "提交", cancel=token)
    assert not (tmp_path / "out").exists()
    with pytest.raises(UserError, match="已存在"):
        export_submission(city.office, office_user(city), tmp_path / "usb")
    with pytest.raises(PermissionDenied, match="无权导出最终申报材料"):
        export_submission(city.office, login(city.office, "李组长", PASSWORDS["李组长"]), tmp_path / "x")


def test_unsigned_group_blocks_until_signed(tmp_path):
    office = make_workspace(tmp_path / "office")
    with office.session() as session:
        assign_items(session, "CG", ["Ⅲ-1-2)"], "support")
    try:
        add_file(office, "CG", "Ⅲ-2-1)/方案.pdf", b"plan", ["Ⅲ-2-1)"])
        with pytest.raises(UserError, match="CG 城管组（未签字"):
            export_submission(office, login(office, "文明办", PASSWORDS["文明办"]), tmp_path / "提交")
        sign_cg(office)
        report = export_submission(office, login(office, "文明办", PASSWORDS["文明办"]), tmp_path / "提交")
        assert report.groups == ["CG"] and len(report.files) == 2
    finally:
        office.close()


def test_command_line_export_and_overview(city, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS["文明办"])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    base = ["-w", str(city.office.root), "--user", "文明办"]
    assert run([*base, "submission", "overview", "--json"]) == 0
    overview = json.loads(capsys.readouterr().out)
    assert (overview["uncovered"], overview["covered_twice"]) == (["Ⅲ-2-1)"], ["Ⅲ-1-2)"])
    assert run([*base, "submission", "export", str(tmp_path / "提交.zip")]) == 0  # a .zip name implies --zip
    out = capsys.readouterr().out
    assert "3 个文件" in out and "无材料的测评标准 1 条：Ⅲ-2-1)" in out and (tmp_path / "提交.zip").is_file() and (tmp_path / "提交").is_dir()
    rewrite_file(city.office, "CG", CG_PDF, b"changed")
    assert run([*base, "submission", "export", str(tmp_path / "再次")]) != 0
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "城管组" in err and "Traceback" not in err
    assert not (tmp_path / "再次").exists()


def test_long_manual_titles_keep_folder_names_short_for_windows_paths(city):
    view = consolidated_view(city.office)
    with city.office.session() as session:
        manual = current_manual(session)
    manual.projects[0].indicators[0].contents[0].standards[1].title = "组织开展专题学习" * 20
    groups, _ = included_groups(view, allow_stale=False)
    planned = plan_files(view, manual, groups, WorkspaceSettings(max_filename_length=80))
    folders = {p.path.rsplit("/", 1)[0] for p in planned if p.item == "Ⅲ-1-2)"}
    [folder] = folders
    last = folder.split("/")[-1]
    assert len(last) == MAX_FOLDER_NAME == 40 and last.startswith("02 Ⅲ-1-2) 组织开展专题学习")
    assert max(len(p.path) for p in planned) <= 3 * MAX_FOLDER_NAME + 3 + 80


def test_a_group_signing_in_the_office_after_its_package_counts_from_its_local_sign_off(city):
    add_file(city.office, "XC", "Ⅲ-1-1)/学习计划（修订）.pdf", pdf_bytes(["修订后的学习计划"]), ["Ⅲ-1-1)"])
    add_file(city.office, "XC", "Ⅲ-1-2)/情况说明.pdf", pdf_bytes(["情况说明"]), ["Ⅲ-1-2)"])
    zhang = login(city.office, "张组长", PASSWORDS["张组长"])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(city.office, zhang, "XC", code, "approve")
    sign_off(city.office, zhang, PASSWORDS["张组长"], "XC")
    xc = consolidated_view(city.office).group("XC")
    assert (xc.source, xc.state, xc.package_sha256) == ("local", "valid", None)
    assert [f.path for f in xc.files] == ["Ⅲ-1-1)/学习计划（修订）.pdf", "Ⅲ-1-2)/情况说明.pdf"]
