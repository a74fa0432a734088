"""A small city for the consolidation, submission and report tests, built through the real services.

- 宣传组 (XC) works on its own PC: two real files, approved, signed by 张组长 (with one open finding
  recorded in the manifest), exported as a package, and imported into the office workspace.
- 城管组 (CG) works in the office workspace itself: the office also assigned it Ⅲ-1-2) as 配合, so
  that standard is covered twice; CG files a two-page PDF for Ⅲ-1-2) (extracted into the cache, so
  pages and the date are known), approves it and signs with Ⅲ-2-1) listed as an exception, so
  Ⅲ-2-1) is covered by nobody. CG has an open finding and a waived one.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from index.cache import ExtractionCache
from index.extract import extract_file
from review.assessment.approval import decide
from review.assessment.group_state import group_state
from review.checking.findings import waive
from review.handover.package import export_package, import_package
from review.handover.signoff import sign_off
from review.intake.scan import rescan_known
from review.manual.assignment import assign_items
from review.signing.keys import KeyFile, register_key
from review.workspace.accounts import login
from review.workspace.folder import Workspace
from tests.files import make_docx
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, material_root, real_file

CG_PDF = "Ⅲ-1-2)/配合:会议纪要?.pdf"
CG_PDF_TEXT = ["城管组配合开展专题学习会议纪要。联系人手机13912345678。",
               "会议于2026年3月5日召开，参会人员32人，会上介绍了南京市的经验。\n北湖市城市管理局\n2026年3月5日"]
XC_PLAN = "Ⅲ-1-1)/学习计划.pdf"
XC_REPORT = "Ⅲ-1-2)/专题学习情况说明.docx"
XC_REPORT_TEXT = ["专题学习情况说明。本单位组织干部赴杭州市学习考察。", "联系电话13812345678。",
                  "北湖市委宣传部\n2026年3月5日"]
# Why the leaders waived the must-fix findings their files really raise, per rule.
WAIVER_REASONS = {"MR-PII-002": "该号码为单位公开的服务热线，依规可以公开",
                  "MR-FILE-009": "文件名由文明办在最终提交时按平台规则统一改名",
                  "MR-FILE-010": "文件名由文明办在最终提交时按平台规则统一改名"}


def waive_must_fix(workspace: Workspace, leader, group_code: str) -> list[str]:
    """Waive every open 必须修改 finding of the group's filed standards with the reason for its rule (a standard
    without material is left to the leader's exception note); returns their rules."""
    rescan_known(workspace, leader, group_code)  # extracted and checked, as a scan leaves them
    state = group_state(workspace, group_code)
    found = {f.fingerprint: f for s in state.standards if s.status != "missing" for f in s.must_open}
    for finding in found.values():
        waive(workspace, leader, group_code, finding.fingerprint, WAIVER_REASONS[finding.rule_id])
    return sorted({f.rule_id for f in found.values()})


@dataclass
class City:
    office: Workspace
    leader: Workspace
    package: Path

    def close(self) -> None:
        self.office.close()
        self.leader.close()


def pdf_bytes(pages: list[str]) -> bytes:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), text, fontname="china-s", fontsize=12)
    data = doc.tobytes()
    doc.close()
    return data


def docx_bytes(tmp: Path, paragraphs: list[str]) -> bytes:
    return make_docx(tmp, paragraphs).read_bytes()


def build_city(tmp_path: Path) -> City:
    leader = make_workspace(tmp_path / "xc-pc")
    add_file(leader, "XC", XC_PLAN, pdf_bytes(["宣传组2026年理论学习计划。"]), ["Ⅲ-1-1)"])
    add_file(leader, "XC", XC_REPORT, real_file(XC_REPORT, "\n".join(XC_REPORT_TEXT).encode()), ["Ⅲ-1-2)"])
    zhang = login(leader, "张组长", PASSWORDS["张组长"])
    waive_must_fix(leader, zhang, "XC")
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(leader, zhang, "XC", code, "approve")
    signed = sign_off(leader, zhang, PASSWORDS["张组长"], "XC")
    package = export_package(leader, login(leader, "王材料员", PASSWORDS["王材料员"]), "XC", tmp_path / "usb" / "XC.mrpkg")

    office = make_workspace(tmp_path / "office")
    with office.session() as session:
        register_key(session, KeyFile("张组长", "XC", signed.fingerprint, signed.public_key), "文明办")
        assign_items(session, "CG", ["Ⅲ-1-2)"], "support")
    import_package(office, login(office, "文明办", PASSWORDS["文明办"]), package)
    sign_cg(office)
    return City(office, leader, package)


def sign_cg(office: Workspace, extra_files: dict[str, bytes] | None = None) -> None:
    """CG files its PDF (plus `extra_files`) for Ⅲ-1-2), records findings, approves and signs."""
    add_file(office, "CG", CG_PDF, pdf_bytes(CG_PDF_TEXT), ["Ⅲ-1-2)"])
    for rel_path, content in (extra_files or {}).items():
        add_file(office, "CG", rel_path, content, ["Ⅲ-1-2)"])
    path = material_root(office, "CG") / CG_PDF
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    ExtractionCache(office.paths.cache).put(extract_file(path, digest))
    li = login(office, "李组长", PASSWORDS["李组长"])
    waive_must_fix(office, li, "CG")
    decide(office, li, "CG", "Ⅲ-1-2)", "approve")
    sign_off(office, li, PASSWORDS["李组长"], "CG", exceptions={"Ⅲ-2-1)": "本市无背街小巷整治任务"})


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
