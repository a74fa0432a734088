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
from review.accounts import login
from review.db.models import FindingRecord
from review.decisions import decide
from review.findings import waive
from review.groups import assign_items, get_group
from review.keys import KeyFile, register_key
from review.package import export_package, import_package
from review.signoff import sign_off
from review.workspace import Workspace
from tests.files import make_docx
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, material_root

CG_PDF = "Ⅲ-1-2)/配合:会议纪要?.pdf"
CG_PDF_TEXT = ["城管组配合开展专题学习会议纪要。", "会议于2026年3月5日召开，参会人员32人。\n北湖市城市管理局\n2026年3月5日"]
XC_PLAN = "Ⅲ-1-1)/学习计划.pdf"
XC_REPORT = "Ⅲ-1-2)/专题学习情况说明.docx"
XC_FINDING = {"rule_id": "TPL-001", "severity": "must", "title": "模板残留", "message": "文中出现“XX同志”",
              "hint": "把“XX同志”改为真实姓名", "file": XC_REPORT, "page": 1, "location": "第 2 段",
              "item_code": "Ⅲ-1-2)", "waived": False}
XC_WAIVED = {**XC_FINDING, "rule_id": "DOC-002", "severity": "should", "title": "文号括号", "waived": True,
             "waived_by": "张组长", "waiver_reason": "引用的是上级原文，保持原样"}


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
    add_file(leader, "XC", XC_REPORT, docx_bytes(tmp_path / "report.docx", ["专题学习情况说明。"]), ["Ⅲ-1-2)"])
    zhang = login(leader, "张组长", PASSWORDS["张组长"])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(leader, zhang, "XC", code, "approve")
    signed = sign_off(leader, zhang, PASSWORDS["张组长"], "XC", findings=[XC_FINDING, XC_WAIVED])
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
    material_id = add_file(office, "CG", CG_PDF, pdf_bytes(CG_PDF_TEXT), ["Ⅲ-1-2)"])
    for rel_path, content in (extra_files or {}).items():
        add_file(office, "CG", rel_path, content, ["Ⅲ-1-2)"])
    path = material_root(office, "CG") / CG_PDF
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    ExtractionCache(office.paths.cache).put(extract_file(path, digest))
    li = login(office, "李组长", PASSWORDS["李组长"])
    with office.session() as session:
        group_id = get_group(session, "CG").id
        for rule, severity, text in (("PII-001", "must", "138****1234"), ("CITY-001", "should", "南湖市")):
            session.add(FindingRecord(group_id=group_id, material_id=material_id, scope="file", item_code="Ⅲ-1-2)",
                                      rule_id=rule, severity=severity, title=f"{rule} 标题", message=f"发现“{text}”",
                                      hint="请修改", file=str(path), page=2, location="第 1 行", text=text,
                                      fingerprint=f"fp-{rule}"))
    with office.session() as session:
        waive(session, li, "CG", "fp-CITY-001", "南湖市为外出学习考察地点，属正当引用")
    decide(office, li, "CG", "Ⅲ-1-2)", "approve")
    sign_off(office, li, PASSWORDS["李组长"], "CG", exceptions={"Ⅲ-2-1)": "本市无背街小巷整治任务"})


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
