"""`package verify` / `package import` refuse every kind of damaged or tampered package, and leave
the office's workspace exactly as it was."""
from __future__ import annotations

import json
import sqlite3
import warnings
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from review.assessment.approval import decide
from review.assessment.group_state import group_state
from review.errors import UserError
from review.handover.package import export_package, import_package, verify_package
from review.handover.signoff import sign_off
from review.manual.model import manual_from_document
from review.manual.store import store_manual
from review.office.consolidation import consolidated_view
from review.signing.keys import KeyFile, fingerprint, register_key, unlock
from review.signing.manifest import MANIFEST_VERSION, canonical_bytes
from review.workspace.accounts import login
from review.workspace.db.models import SigningKey
from tests.review_signoff_helpers import MANUAL, PASSWORDS, add_file, make_workspace, real_file

LEADER = "张组长"


@pytest.fixture(scope="module")
def leader_ws(tmp_path_factory):
    ws = make_workspace(tmp_path_factory.mktemp("leader") / "ws")
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan " * 100, ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/照片/活动.jpg", b"\xff\xd8 photo bytes", ["Ⅲ-1-2)"])
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(ws, leader, "XC", code, "approve", "")
    sign_off(ws, leader, PASSWORDS[LEADER], "XC")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def package(leader_ws, tmp_path_factory) -> Path:
    return export_package(leader_ws, login(leader_ws, LEADER, PASSWORDS[LEADER]), "XC",
                          tmp_path_factory.mktemp("usb") / "宣传组.mrpkg")


@pytest.fixture(scope="module")
def office(leader_ws, tmp_path_factory):
    ws = make_workspace(tmp_path_factory.mktemp("office") / "ws")
    with leader_ws.session() as session:
        key = session.query(SigningKey).one()
        key_file = KeyFile(LEADER, "XC", key.fingerprint, key.public_key)
    with ws.session() as session:
        register_key(session, key_file, "文明办")
    yield ws
    ws.close()


def one_byte_flipped(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 0xFF])


def snapshot(ws) -> tuple[list[str], list[str]]:
    files = sorted(str(p.relative_to(ws.root)) for p in ws.root.rglob("*")
                   if "logs" not in p.relative_to(ws.root).parts and not p.name.startswith("workspace.db"))
    db = sqlite3.connect(ws.paths.db_file)
    try:
        return files, list(db.iterdump())
    finally:
        db.close()


def rebuild(src: Path, dst: Path, *, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None,
            extra: list[tuple[zipfile.ZipInfo | str, bytes]] = ()) -> Path:
    """A copy of a package with members dropped, replaced or added, as a tamperer would make it."""
    replace = replace or {}
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one case
        for info in old.infolist():
            if info.filename not in drop:
                new.writestr(info.filename, replace.get(info.filename, old.read(info)))
        for info, data in extra:
            new.writestr(info, data)
    return dst


def symlink_member() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("files/Ⅲ-1-1)/链接.docx")
    info.external_attr = (0o120777 << 16)
    return info


def resigned_manifest(leader_ws, package: Path, change) -> dict[str, bytes]:
    """The manifest changed by `change` and signed again with the leader's real key."""
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    change(manifest)
    data = canonical_bytes(manifest)
    with leader_ws.session() as session:
        private = unlock(session.query(SigningKey).one(), PASSWORDS[LEADER], LEADER)
    return {"manifest.json": data, "signature.sig": private.sign(data)}


def edited_info(package: Path, **changes: object) -> dict[str, bytes]:
    """package.json (which is not signed) edited as anyone with the USB stick can."""
    with zipfile.ZipFile(package) as archive:
        info = json.loads(archive.read("package.json"))
    info.update(changes)
    return {"package.json": json.dumps(info, ensure_ascii=False).encode("utf-8")}


DOCX = "files/Ⅲ-1-1)/学习计划.docx"
CASES = {
    "changed bytes": (lambda pkg, _ws: {"replace": {DOCX: one_byte_flipped(real_file(DOCX, b"plan " * 100))}},
                      "SHA-256 不同"),
    "changed size": (lambda pkg, _ws: {"replace": {DOCX: b"plan"}}, "大小与签字清单不符"),
    "missing file": (lambda pkg, _ws: {"drop": (DOCX,)}, "缺少已签字的文件：Ⅲ-1-1\\)/学习计划.docx"),
    "extra file": (lambda pkg, _ws: {"extra": [("files/Ⅲ-1-1)/夹带.pdf", b"x")]}, "清单之外的文件"),
    "manifest one byte": (lambda pkg, _ws: {"replace": {"manifest.json": zipfile.ZipFile(pkg).read(
        "manifest.json").replace(b'"version":1', b'"version":2')}}, "签名无效"),
    "missing signature": (lambda pkg, _ws: {"drop": ("signature.sig",)}, "缺少 signature.sig"),
    "path traversal": (lambda pkg, _ws: {"extra": [("files/../../evil.bat", b"x")]}, r"含“\.\./”"),
    "absolute path": (lambda pkg, _ws: {"extra": [("/etc/cron.d/evil", b"x")]}, "是绝对路径"),
    "windows drive": (lambda pkg, _ws: {"extra": [("C:/Windows/evil.dll", b"x")]}, "是绝对路径"),
    "backslash": (lambda pkg, _ws: {"extra": [("files\\..\\evil", b"x")]}, "反斜杠"),
    "symlink": (lambda pkg, _ws: {"extra": [(symlink_member(), b"/etc/passwd")]}, "符号链接"),
    "duplicate": (lambda pkg, _ws: {"extra": [(DOCX, b"plan " * 100)]}, "重复出现"),
    "zip bomb": (lambda pkg, _ws: {"extra": [("files/bomb.bin", bytes(64 * 1024 * 1024))]}, "压缩炸弹"),
    "schema": (lambda pkg, ws: {"replace": resigned_manifest(ws, pkg, lambda m: m.pop("files"))},
               "格式不对"),
    "unsafe path in signed manifest": (lambda pkg, ws: {"replace": resigned_manifest(
        ws, pkg, lambda m: m["files"][0].update(path="../outside.docx"))}, r"清单中文件路径.*\.\./"),
    "newer manifest format": (lambda pkg, ws: {"replace": resigned_manifest(
        ws, pkg, lambda m: m.update(format_version=MANIFEST_VERSION + 1))}, "由更新版本的软件生成"),
    "signed manifest without its leader": (lambda pkg, ws: {"replace": resigned_manifest(
        ws, pkg, lambda m: m.pop("leader"))}, "缺少必需的字段“leader”"),
    "signed manifest with a malformed group": (lambda pkg, ws: {"replace": resigned_manifest(
        ws, pkg, lambda m: m.update(group="XC"))}, "工作组、手册、版本、条目或签字时间的格式不对"),
    "package.json names another leader": (lambda pkg, _ws: {"replace": edited_info(pkg, leader="李组长")},
                                          "package.json 中的 leader 与签字清单不符"),
    "package.json names another version": (lambda pkg, _ws: {"replace": edited_info(pkg, version=7)},
                                           "package.json 中的 version 与签字清单不符"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampered_package_is_refused_and_workspace_unchanged(case, package, leader_ws, office, tmp_path):
    mutate, message = CASES[case]
    tampered = rebuild(package, tmp_path / "tampered.mrpkg", **mutate(package, leader_ws))
    before = snapshot(office)
    with pytest.raises(UserError, match=message):
        verify_package(office, tampered)
    with pytest.raises(UserError, match=message):
        import_package(office, login(office, "文明办", PASSWORDS["文明办"]), tampered)
    assert snapshot(office) == before


def test_truncated_zip_is_refused(package, office, tmp_path):
    truncated = tmp_path / "truncated.mrpkg"
    truncated.write_bytes(package.read_bytes()[: package.stat().st_size * 2 // 3])
    before = snapshot(office)
    with pytest.raises(UserError, match="已损坏或不完整"):
        import_package(office, login(office, "文明办", PASSWORDS["文明办"]), truncated)
    assert snapshot(office) == before


def test_package_signed_by_an_unregistered_key_is_refused(package, office, tmp_path):
    intruder = Ed25519PrivateKey.generate()
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read("manifest.json")
        info = json.loads(archive.read("package.json"))
    info["fingerprint"] = fingerprint(intruder.public_key())
    forged = rebuild(package, tmp_path / "forged.mrpkg", replace={
        "signature.sig": intruder.sign(manifest), "package.json": json.dumps(info).encode()})
    before = snapshot(office)
    with pytest.raises(UserError, match="未登记"):
        import_package(office, login(office, "文明办", PASSWORDS["文明办"]), forged)
    assert snapshot(office) == before


def test_package_for_another_manual_edition_is_refused(package, office, leader_ws, tmp_path):
    other = make_workspace(tmp_path / "other-office")
    with leader_ws.session() as session:
        key = session.query(SigningKey).one()
        key_file = KeyFile(LEADER, "XC", key.fingerprint, key.public_key)
    with other.session() as session:
        register_key(session, key_file, "文明办")
        store_manual(session, manual_from_document({**MANUAL, "edition": "2027版"}), "test")
    try:
        with pytest.raises(UserError, match=r"按《测试操作手册》2026版 签字.*2027版"):
            verify_package(other, package)
    finally:
        other.close()


def test_only_the_office_imports(package, office):
    before = snapshot(office)
    with pytest.raises(UserError, match="无权导入材料包"):
        import_package(office, login(office, LEADER, PASSWORDS[LEADER]), package)
    assert snapshot(office) == before


def test_unsigned_facts_in_package_json_are_neither_stored_nor_shown(package, leader_ws, tmp_path):
    """Who exported it and the decision history's comments are not signed: edited, they change nothing
    the office keeps or shows."""
    with zipfile.ZipFile(package) as archive:
        info = json.loads(archive.read("package.json"))
    forged_history = [{**d, "comment": "伪造的审核意见", "decided_by": "冒名者"} for d in info["decisions"]]
    edited = rebuild(package, tmp_path / "edited.mrpkg",
                     **{"replace": edited_info(package, exported_by="冒名者", decisions=forged_history)})
    office = make_workspace(tmp_path / "fresh-office")
    try:
        with leader_ws.session() as session:
            key = session.query(SigningKey).one()
            key_file = KeyFile(LEADER, "XC", key.fingerprint, key.public_key)
        with office.session() as session:
            register_key(session, key_file, "文明办")
        result = import_package(office, login(office, "文明办", PASSWORDS["文明办"]), edited)
        _files, rows = snapshot(office)
        stored = [p for p in office.root.rglob("*") if p.is_file() and not p.name.startswith("workspace.db")]
        shown = json.dumps([result.to_json(), [g.to_json() for g in consolidated_view(office).groups],
                            group_state(office, "XC").to_json()], ensure_ascii=False)
        for forged in ("冒名者", "伪造的审核意见"):
            assert not any(forged in row for row in rows)
            assert not any(forged.encode() in p.read_bytes() for p in stored)
            assert forged not in shown
        kept = json.loads((result.folder / "package.json").read_text(encoding="utf-8"))
        assert kept == {"format": "materials-review-package", "format_version": 1, "group": {"code": "XC", "name": "宣传组"},
                        "version": 1, "leader": LEADER, "fingerprint": key_file.fingerprint}
    finally:
        office.close()
