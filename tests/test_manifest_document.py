"""The signed manifest as a typed document: one parser, one writer, the bytes a leader signed read and
written back unchanged, format 1 still read, and every malformed manifest refused with its reason."""
from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

import pytest

from review.assessment.approval import decide
from review.assessment.group_state import group_state
from review.checking.findings import FindingView, list_findings, waive, waive_requirement
from review.errors import UserError
from review.handover.package import export_package, import_package, verify_package
from review.handover.signoff import sign_off
from review.intake.scan import rescan_known
from review.signing.keys import KeyFile, register_key, unlock
from review.signing.manifest import (
    MANIFEST_VERSION,
    Manifest,
    ManifestAuditHead,
    ManifestDecision,
    ManifestFile,
    ManifestFinding,
    ManifestGroup,
    ManifestManual,
    ManifestNote,
    ManifestReview,
    ManifestStandard,
    canonical_bytes,
    verify_manifest,
)
from review.workspace.accounts import login
from review.workspace.db.models import SigningKey
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace

LEADER = "张组长"
PHONE_FILE = "Ⅲ-1-1)/联系人名单.docx"


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """A leader's workspace signed with every part a manifest has: two standards (one approved, one
    waived and listed as an exception), a file filed under both, open and waived findings."""
    ws = make_workspace(tmp_path_factory.mktemp("leader") / "ws")
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)"])
    add_file(ws, "XC", PHONE_FILE, "联系电话 13800138000".encode(), ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/专题学习.pdf", b"study", ["Ⅲ-1-2)", "Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-1)/活动照片.jpg", b"photo", ["Ⅲ-1-1)"])  # no date: a 建议修改 left open
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    rescan_known(ws, leader, "XC")  # extracted and checked, as a scan leaves them
    with ws.session() as session:
        for finding in list_findings(session, "XC", severities=("must",)):
            waive(ws, leader, "XC", finding.fingerprint, "已核实，为单位公开电话")
        waive_requirement(ws, leader, "XC", "Ⅲ-1-2)", "省里统一口径")
    decide(ws, leader, "XC", "Ⅲ-1-1)", "approve", "看过了")
    row = sign_off(ws, leader, PASSWORDS[LEADER], "XC", exceptions={"Ⅲ-1-2)": "照片下周补齐"})
    yield ws, row
    ws.close()


def document(row) -> dict:
    return json.loads(row.manifest)


# -- the writer and the parser ---------------------------------------------------------------------
def test_signed_bytes_read_into_the_typed_document_and_write_back_unchanged(signed):
    _ws, row = signed
    manifest = Manifest.from_bytes(row.manifest)
    assert manifest.to_bytes() == row.manifest
    assert verify_manifest(manifest.to_bytes(), row.signature, row.public_key)
    assert Manifest.from_bytes(manifest.to_bytes()) == manifest
    assert manifest.format_version == MANIFEST_VERSION == 3
    assert (manifest.group, manifest.manual, manifest.city, manifest.leader, manifest.version) == (
        ManifestGroup("XC", "宣传组"), ManifestManual("测试操作手册", "2026版"), "北湖市", LEADER, 1)
    assert manifest.requirements == ("Ⅲ-1-1)", "Ⅲ-1-2)")
    assert [(f.path, f.requirements) for f in manifest.files] == [
        ("Ⅲ-1-1)/学习计划.docx", ("Ⅲ-1-1)",)), ("Ⅲ-1-1)/活动照片.jpg", ("Ⅲ-1-1)",)), (PHONE_FILE, ("Ⅲ-1-1)",)),
        ("Ⅲ-1-2)/专题学习.pdf", ("Ⅲ-1-1)", "Ⅲ-1-2)"))]
    assert [(s.code, s.status, s.review.state if s.review else None) for s in manifest.standards] == [
        ("Ⅲ-1-1)", "approved", "approved"), ("Ⅲ-1-2)", "waived", "pending")]
    assert [(d.code, d.verdict, d.by, d.comment) for d in manifest.decisions] == [
        ("Ⅲ-1-1)", "approve", LEADER, "看过了")]
    assert manifest.exceptions == (ManifestNote("Ⅲ-1-2)", "照片下周补齐"),)
    assert manifest.waivers == (ManifestNote("Ⅲ-1-2)", "省里统一口径"),)
    waived = [f for f in manifest.findings if f.waived]
    assert any(not f.waived for f in manifest.findings)
    assert waived and all(f.waived_by == LEADER and f.waiver_reason == "已核实，为单位公开电话" and f.waived_at
                          for f in waived)
    assert manifest.audit_head.seq > 0 and len(manifest.audit_head.hash) == 64
    # format 3: the first sign-off anchors every entry so far by its short hash
    head = manifest.audit_head
    assert head.since == 0 and len(head.rows) == head.seq and head.rows[-1] == head.hash[:16]
    assert manifest.covered_paths() == {"Ⅲ-1-1)": [f.path for f in manifest.files],
                                        "Ⅲ-1-2)": ["Ⅲ-1-2)/专题学习.pdf"]}


# The shape the dict-based writer signed before the manifest was typed (format 2, abridged): its bytes
# must come out of the typed document unchanged, or those signatures would no longer match.
PREVIOUS_WRITER = {
    "audit_head": {"hash": "68bfc02dfaa413c0e0cdeff1c7d0c66bcd094aaaaab0a676a09f758993319b6d", "seq": 8},
    "city": "北湖市",
    "decisions": [{"at": "2026-03-07T20:50:53.044264", "by": "张组长", "code": "Ⅲ-1-1)", "comment": "看过了",
                   "verdict": "approve", "verdict_name": "通过"}],
    "exceptions": [{"code": "Ⅲ-1-2)", "reason": "照片下周补齐"}],
    "files": [{"path": "Ⅲ-1-1)/名单.docx", "requirements": ["Ⅲ-1-1)"], "sha256": "b3" * 32, "size": 53},
              {"path": "Ⅲ-1-2)/专题学习.pdf", "requirements": ["Ⅲ-1-1)", "Ⅲ-1-2)"], "sha256": "2f" * 32,
               "size": 1255}],
    "findings": [
        {"file": "Ⅲ-1-1)/名单.docx", "fingerprint": "93f80a4d06c4a312dbfb689a", "hint": "在落款处写明成文日期。",
         "item_code": "", "location": "", "message": "没有找到日期。", "page": None, "rule_id": "MR-DATE-002",
         "severity": "should", "text": "", "title": "未找到材料日期", "waived": False, "waived_at": None,
         "waived_by": None, "waiver_reason": None},
        {"file": "Ⅲ-1-1)/名单.docx", "fingerprint": "3b35a97571e29d98f12d0c91", "hint": "改为打码形式后重新导出。",
         "item_code": "", "location": "第1行", "message": "有未打码的手机号。", "page": 1, "rule_id": "MR-PII-002",
         "severity": "must", "text": "138****8000", "title": "手机号未打码", "waived": True,
         "waived_at": "2026-03-07T20:50:52", "waived_by": "张组长", "waiver_reason": "已核实"}],
    "format": "materials-review-signoff",
    "format_version": 2,
    "group": {"code": "XC", "name": "宣传组"},
    "leader": "张组长",
    "manual": {"edition": "2026版", "title": "测试操作手册"},
    "requirements": ["Ⅲ-1-1)", "Ⅲ-1-2)"],
    "signed_at": "2026-03-07T20:50:53+00:00",
    "standards": [
        {"code": "Ⅲ-1-1)", "review": {"at": "2026-03-07T20:50:53", "by": "张组长", "changed_files": [],
                                       "comment": "看过了", "state": "approved", "state_name": "通过"},
         "status": "approved", "title": "制定具体学习计划及实施方案"},
        {"code": "Ⅲ-1-2)", "review": {"at": "", "by": "", "changed_files": ["Ⅲ-1-2)/旧.pdf（已移出）"],
                                       "comment": "", "state": "changed", "state_name": "已变更"},
         "status": "waived", "title": "开展专题学习"}],
    "version": 1,
    "waivers": [{"code": "Ⅲ-1-2)", "reason": "省里统一口径"}],
}


def test_bytes_the_previous_writer_signed_are_written_back_unchanged():
    data = canonical_bytes(PREVIOUS_WRITER)
    manifest = Manifest.from_bytes(data)
    assert manifest.to_bytes() == data
    assert manifest.findings[1] == ManifestFinding(
        rule_id="MR-PII-002", severity="must", title="手机号未打码", message="有未打码的手机号。",
        hint="改为打码形式后重新导出。", item_code="", file="Ⅲ-1-1)/名单.docx", page=1, location="第1行",
        text="138****8000", fingerprint="3b35a97571e29d98f12d0c91", waived=True, waived_by="张组长",
        waiver_reason="已核实", waived_at="2026-03-07T20:50:52")
    assert manifest.standards[1] == ManifestStandard("Ⅲ-1-2)", "开展专题学习", "waived", ManifestReview(
        "changed", "已变更", "", "", "", ("Ⅲ-1-2)/旧.pdf（已移出）",)))
    assert manifest.decisions == (ManifestDecision("Ⅲ-1-1)", "approve", "通过", "张组长", "2026-03-07T20:50:53.044264",
                                                   "看过了"),)
    assert manifest.audit_head == ManifestAuditHead(8, "68bfc02dfaa413c0e0cdeff1c7d0c66bcd094aaaaab0a676a09f758993319b6d")


def test_a_document_written_then_read_is_equal():
    manifest = Manifest(
        group=ManifestGroup("CG", "城管组"), manual=ManifestManual("测试操作手册", "2026版"), leader="李组长",
        signed_at="2026-05-01T08:00:00+00:00", version=3, requirements=("Ⅲ-2-1)",),
        files=(ManifestFile("方案.pdf", 10, "a" * 64, ("Ⅲ-2-1)",)),), city="北湖市",
        standards=(ManifestStandard("Ⅲ-2-1)", "背街小巷整治方案", "approved",
                                    ManifestReview("approved", "通过", "李组长", "2026-04-30T09:00:00")),),
        decisions=(ManifestDecision("Ⅲ-2-1)", "approve", "通过", "李组长", "2026-04-30T09:00:00.5"),),
        findings=(ManifestFinding("MR-DATE-002", "should", "未找到材料日期", "", "", "", "方案.pdf", None, "", "",
                                  "f" * 24),),
        audit_head=ManifestAuditHead(12, "b" * 64),
    )
    assert Manifest.from_bytes(manifest.to_bytes()) == manifest
    assert manifest.to_bytes() == canonical_bytes(json.loads(manifest.to_bytes()))  # sorted keys, no spaces


def test_one_conversion_between_a_finding_and_what_the_manifest_records(signed):
    ws, _row = signed
    with ws.session() as session:
        views = [v for v in list_findings(session, "XC") if v.severity in ("must", "should")]
    assert any(v.waived for v in views) and any(not v.waived for v in views)
    for view in views:
        recorded = ManifestFinding.of(view)
        back = recorded.to_view("XC")
        assert back == FindingView(**{**view.__dict__, "id": None, "bbox": None, "scope": "", "material_id": None})


# -- format 1 --------------------------------------------------------------------------------------
def format_1(data: dict) -> dict:
    """A format 2 manifest as the first writer made it: no per-standard state, findings without waived_at."""
    old = copy.deepcopy(data)
    old["format_version"] = 1
    del old["standards"]
    for finding in old["findings"]:
        del finding["waived_at"]
    return old


def test_format_1_is_read():
    manifest = Manifest.from_bytes(canonical_bytes(format_1(PREVIOUS_WRITER)))
    assert manifest.format_version == 1 and manifest.standards == ()
    assert [f.waived_at for f in manifest.findings] == [None, None]
    assert manifest.findings[1].to_view("XC").waived_at == ""  # waived, the time not recorded
    assert manifest.decisions[0].verdict == "approve" and manifest.exceptions[0].reason == "照片下周补齐"
    assert Manifest.from_bytes(canonical_bytes({**PREVIOUS_WRITER, "format_version": 0})).format_version == 0


def test_format_1_package_is_imported_and_the_office_reads_its_decisions(signed, tmp_path):
    leader_ws, _row = signed
    package = export_package(leader_ws, login(leader_ws, LEADER, PASSWORDS[LEADER]), "XC", tmp_path / "宣传组.mrpkg")
    with zipfile.ZipFile(package) as archive:
        data = canonical_bytes(format_1(json.loads(archive.read("manifest.json"))))
    with leader_ws.session() as session:
        key = session.query(SigningKey).one()
        key_file = KeyFile(LEADER, "XC", key.fingerprint, key.public_key)
        private = unlock(key, PASSWORDS[LEADER], LEADER)
    old = rebuild(package, tmp_path / "第一版格式.mrpkg", {"manifest.json": data, "signature.sig": private.sign(data)})
    office = make_workspace(tmp_path / "office")
    try:
        with office.session() as session:
            register_key(session, key_file, "文明办")
        assert verify_package(office, old).manifest.format_version == 1
        import_package(office, login(office, "文明办", PASSWORDS["文明办"]), old)
        state = group_state(office, "XC")
        assert (state.source, state.signoff.state) == ("package", "valid")
        approved, waived = state.standards
        assert (approved.code, approved.review.state, approved.review.by, approved.review.comment) == (
            "Ⅲ-1-1)", "approved", LEADER, "看过了")  # from the decisions: format 1 has no per-standard state
        assert (waived.code, waived.status, waived.review.state) == ("Ⅲ-1-2)", "waived", "pending")
        assert waived.exception is not None and waived.exception.reason == "照片下周补齐"
        assert waived.waiver is not None and waived.waiver.reason == "省里统一口径"
        assert state.waived_findings and all(f.waived_at == "" and f.waived_by == LEADER
                                             for f in state.waived_findings)
    finally:
        office.close()


def rebuild(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info)))
    return dst


# -- refusals --------------------------------------------------------------------------------------
def _drop(key):
    return lambda m: m.pop(key)


def _set(key, value):
    return lambda m: m.update({key: value})


def _first_file(**changes):
    return lambda m: m["files"][0].update(changes)


MALFORMED = {
    "newer format version": (_set("format_version", MANIFEST_VERSION + 1), "由更新版本的软件生成，请先升级本软件"),
    "format version not a number": (_set("format_version", "二"), "格式不对，不是申报材料审核台生成的"),
    "another format": (_set("format", "something-else"), "格式不对，不是申报材料审核台生成的"),
    "no format": (_drop("format"), "格式不对，不是申报材料审核台生成的"),
    "no files": (_drop("files"), r"文件列表格式不对（每个文件须有 path、size、sha256、requirements）"),
    "files not a list": (_set("files", {"path": "a.pdf"}), "文件列表格式不对"),
    "file not an object": (lambda m: m["files"].append("a.pdf"), "文件列表格式不对"),
    "file without sha256": (lambda m: m["files"][0].pop("sha256"), "文件列表格式不对"),
    "file path not text": (_first_file(path=7), "文件列表格式不对"),
    "file size not a number": (_first_file(size="36682"), "文件列表格式不对"),
    "file requirements not a list": (_first_file(requirements="Ⅲ-1-1)"), "文件列表格式不对"),
    "file requirement not text": (_first_file(requirements=[1]), "文件列表格式不对"),
    **{f"no {key}": (_drop(key), f"缺少必需的字段“{key}”")
       for key in ("group", "manual", "leader", "signed_at", "version", "requirements")},
    "group not an object": (_set("group", "XC"), "工作组、手册、版本、条目或签字时间的格式不对"),
    "group without code": (_set("group", {"name": "宣传组"}), "工作组、手册、版本、条目或签字时间的格式不对"),
    "manual not an object": (_set("manual", "测试操作手册"), "工作组、手册、版本、条目或签字时间的格式不对"),
    "version not a number": (_set("version", "1"), "工作组、手册、版本、条目或签字时间的格式不对"),
    "requirements not a list": (_set("requirements", "Ⅲ-1-1)"), "工作组、手册、版本、条目或签字时间的格式不对"),
    "signed_at not text": (_set("signed_at", 20260307), "工作组、手册、版本、条目或签字时间的格式不对"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_manifest_is_refused_with_its_reason(signed, case):
    change, message = MALFORMED[case]
    data = document(signed[1])
    change(data)
    with pytest.raises(UserError, match=message):
        Manifest.from_bytes(canonical_bytes(data))


@pytest.mark.parametrize(("data", "message"), [
    (b"\xff\xfe not utf-8", "签字清单（manifest）已损坏，无法读取。"),
    (b'{"format": "materials-review-signoff"', "签字清单（manifest）已损坏，无法读取。"),
    (b"[]", "签字清单（manifest）格式不对，不是申报材料审核台生成的。"),
])
def test_unreadable_manifest_is_refused(data, message):
    with pytest.raises(UserError, match=message):
        Manifest.from_bytes(data)


def test_parts_nobody_checks_are_read_leniently(signed):
    """Entries that are not objects are passed over and text that is not text is read as text, as the
    readers always did; the parts the program relies on are the ones refused above."""
    data = document(signed[1])
    data["exceptions"].append("Ⅲ-1-1)")
    data["waivers"] = {"code": "Ⅲ-1-1)"}
    data["findings"].append(["MR-PII-002"])
    data["decisions"].append({"verdict": "approve"})  # no code: names no standard
    data["standards"][0]["title"] = 42
    data["requirements"].append(7)
    manifest = Manifest.from_bytes(canonical_bytes(data))
    signed_manifest = Manifest.from_bytes(signed[1].manifest)
    assert manifest.exceptions == signed_manifest.exceptions and manifest.waivers == ()
    assert manifest.findings == signed_manifest.findings and manifest.decisions == signed_manifest.decisions
    assert manifest.standards[0].title == "42" and manifest.requirements == signed_manifest.requirements
