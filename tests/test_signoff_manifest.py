"""Group sign-off: when it is allowed, what it covers, and how changes and tampering are detected."""
from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from review.assessment.approval import decide
from review.checking.findings import waive_requirement
from review.errors import PermissionDenied, UserError
from review.handover.signoff import sign_off
from review.signing.keys import fingerprint, public_pem
from review.signing.manifest import canonical_bytes, verify_manifest
from review.signing.verification import signoff_status
from review.workspace.accounts import login
from review.workspace.db.models import Mapping, Material
from review.workspace.permissions import LOCAL_USER
from tests.review_signoff_helpers import (
    PASSWORDS,
    add_file,
    lose_file,
    make_workspace,
    real_file,
    rewrite_file,
    unmap_file,
)

LEADER = "张组长"


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path / "ws")
    add_file(workspace, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan", ["Ⅲ-1-1)"])
    add_file(workspace, "XC", "Ⅲ-1-2)/专题学习.pdf", b"study", ["Ⅲ-1-2)", "Ⅲ-1-1)"])
    yield workspace
    workspace.close()


def approve_all(ws):
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(ws, leader, "XC", code, "approve", "")
    return leader


def sign(ws, **kwargs):
    return sign_off(ws, login(ws, LEADER, PASSWORDS[LEADER]), PASSWORDS[LEADER], "XC", **kwargs)


def test_signed_manifest_lists_exact_bytes_decisions_and_audit_head(ws):
    approve_all(ws)
    row = sign(ws)
    manifest = json.loads(row.manifest)
    assert row.manifest == canonical_bytes(manifest)
    assert manifest["group"] == {"code": "XC", "name": "宣传组"}
    assert manifest["manual"] == {"title": "测试操作手册", "edition": "2026版"}
    assert manifest["city"] == "北湖市" and manifest["leader"] == LEADER and manifest["version"] == 1
    assert manifest["files"] == [
        {"path": "Ⅲ-1-1)/学习计划.docx", "size": len(real_file("a.docx", b"plan")),
         "sha256": hashlib.sha256(real_file("a.docx", b"plan")).hexdigest(), "requirements": ["Ⅲ-1-1)"]},
        {"path": "Ⅲ-1-2)/专题学习.pdf", "size": len(real_file("a.pdf", b"study")),
         "sha256": hashlib.sha256(real_file("a.pdf", b"study")).hexdigest(), "requirements": ["Ⅲ-1-1)", "Ⅲ-1-2)"]},
    ]
    assert [(d["code"], d["verdict"], d["by"]) for d in manifest["decisions"]] == [
        ("Ⅲ-1-1)", "approve", LEADER), ("Ⅲ-1-2)", "approve", LEADER)]
    assert manifest["audit_head"]["seq"] > 0 and len(manifest["audit_head"]["hash"]) == 64
    assert verify_manifest(row.manifest, row.signature, row.public_key)
    status = signoff_status(ws, "XC")
    assert (status.state, status.version, status.leader, status.differences) == ("valid", 1, LEADER, [])


def test_refused_until_every_requirement_is_approved_or_listed_as_exception(ws):
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    decide(ws, leader, "XC", "Ⅲ-1-1)", "approve", "")
    with pytest.raises(UserError, match=r"Ⅲ-1-2\)（待审核）尚未审核通过"):
        sign(ws)
    with pytest.raises(UserError, match="必须写明原因"):
        sign(ws, exceptions={"Ⅲ-1-2)": " "})
    with pytest.raises(UserError, match="不属于本组"):
        sign(ws, exceptions={"Ⅲ-2-1)": "别组的"})
    assert signoff_status(ws, "XC").state == "none"
    row = sign(ws, exceptions={"Ⅲ-1-2)": "照片下周补齐"})
    assert json.loads(row.manifest)["exceptions"] == [{"code": "Ⅲ-1-2)", "reason": "照片下周补齐"}]


def test_waivers_and_open_suggestions_are_signed_from_the_workspace(ws):
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    decide(ws, leader, "XC", "Ⅲ-1-1)", "approve", "")
    waive_requirement(ws, leader, "XC", "Ⅲ-1-2)", "省里统一口径")
    row = sign_off(ws, leader, PASSWORDS[LEADER], "XC")
    manifest = json.loads(row.manifest)
    assert manifest["waivers"] == [{"code": "Ⅲ-1-2)", "reason": "省里统一口径"}]
    by_code = {s["code"]: s for s in manifest["standards"]}
    assert by_code["Ⅲ-1-2)"]["status"] == "waived" and by_code["Ⅲ-1-1)"]["review"]["state"] == "approved"
    # every finding the manifest records is one the workspace has, with a path relative to the group's folder
    assert all(not f["file"].startswith("/") for f in manifest["findings"])


def test_clerk_office_other_leader_and_single_user_cannot_sign(ws):
    approve_all(ws)
    for name, message in (("王材料员", "材料员“王材料员”无权签字确认"), ("文明办", "无权签字确认"),
                          ("李组长", "只能对本组（CG）签字确认")):
        with pytest.raises(PermissionDenied, match=message):
            sign_off(ws, login(ws, name, PASSWORDS[name]), PASSWORDS[name], "XC")
    with pytest.raises(PermissionDenied, match="签字确认需要本组的组长账户"):
        sign_off(ws, LOCAL_USER, "", "XC")
    assert signoff_status(ws, "XC").state == "none"


def test_wrong_password_cannot_sign(ws):
    leader = approve_all(ws)
    with pytest.raises(UserError, match="密码不正确"):
        sign_off(ws, leader, "not-the-password", "XC")
    assert signoff_status(ws, "XC").state == "none"


@pytest.mark.parametrize(("change", "kind", "path"), [
    (lambda ws: rewrite_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan, edited"), "changed", "Ⅲ-1-1)/学习计划.docx"),
    (lambda ws: lose_file(ws, "XC", "Ⅲ-1-2)/专题学习.pdf"), "missing", "Ⅲ-1-2)/专题学习.pdf"),
    (lambda ws: unmap_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx"), "removed", "Ⅲ-1-1)/学习计划.docx"),
    (lambda ws: add_file(ws, "XC", "Ⅲ-1-2)/新照片.jpg", b"jpg", ["Ⅲ-1-2)"]), "added", "Ⅲ-1-2)/新照片.jpg"),
])
def test_any_change_after_signing_makes_it_stale_with_the_file_named(ws, change, kind, path):
    approve_all(ws)
    sign(ws)
    change(ws)
    status = signoff_status(ws, "XC")
    assert status.state == "stale" and status.state_name == "已失效"
    assert [(d.kind, d.path) for d in status.differences] == [(kind, path)]


def test_remapping_a_signed_file_is_a_difference(ws):
    approve_all(ws)
    sign(ws)
    unmap_file(ws, "XC", "Ⅲ-1-2)/专题学习.pdf")
    add_file(ws, "XC", "Ⅲ-1-2)/替换.pdf", b"x", ["Ⅲ-1-2)"])
    with ws.session() as session:
        material = session.query(Material).filter_by(rel_path="Ⅲ-1-1)/学习计划.docx").one()
        session.add(Mapping(material_id=material.id, item_code="Ⅲ-1-2)"))
    kinds = {(d.kind, d.path) for d in signoff_status(ws, "XC").differences}
    assert ("remapped", "Ⅲ-1-1)/学习计划.docx") in kinds
    assert ("removed", "Ⅲ-1-2)/专题学习.pdf") in kinds and ("added", "Ⅲ-1-2)/替换.pdf") in kinds


def test_manifest_altered_by_one_byte_is_invalid(ws):
    approve_all(ws)
    row = sign(ws)
    tampered = bytearray(row.manifest)
    index = tampered.index(f'"size":{len(real_file("a.docx", b"plan"))}'.encode())
    tampered[index + 7] = ord("5")
    db = sqlite3.connect(ws.paths.db_file)
    db.execute("UPDATE signoffs SET manifest = ? WHERE id = ?", (bytes(tampered), row.id))
    db.commit()
    db.close()
    status = signoff_status(ws, "XC")
    assert status.state == "invalid" and "被改动" in status.problem
    assert not verify_manifest(bytes(tampered), row.signature, row.public_key)


def test_signature_by_an_unknown_key_is_invalid(ws):
    approve_all(ws)
    row = sign(ws)
    intruder = Ed25519PrivateKey.generate()
    db = sqlite3.connect(ws.paths.db_file)
    db.execute("UPDATE signoffs SET signature = ?, public_key = ?, fingerprint = ? WHERE id = ?",
               (intruder.sign(row.manifest), public_pem(intruder.public_key()),
                fingerprint(intruder.public_key()), row.id))
    db.commit()
    db.close()
    status = signoff_status(ws, "XC")
    assert status.state == "invalid" and "不是本工作区任何组长的密钥" in status.problem
    assert not verify_manifest(row.manifest, row.signature, intruder.public_key())


def test_resigning_makes_version_two_and_version_one_still_verifies(ws):
    approve_all(ws)
    first = sign(ws)
    rewrite_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v2")
    assert signoff_status(ws, "XC").state == "stale"
    with pytest.raises(UserError, match="已变更"):
        sign(ws)
    approve_all(ws)
    second = sign(ws)
    assert second.version == 2 and second.fingerprint == first.fingerprint
    latest = signoff_status(ws, "XC")
    assert (latest.state, latest.version, latest.latest_version) == ("valid", 2, 2)
    old = signoff_status(ws, "XC", version=1)
    assert old.version == 1 and old.state == "stale"
    assert [d.kind for d in old.differences] == ["changed"]
    assert verify_manifest(first.manifest, first.signature, first.public_key)
    with pytest.raises(UserError, match="没有第 3 版"):
        signoff_status(ws, "XC", version=3)
