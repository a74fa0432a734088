"""A group's signed package travels to the office on a USB stick: export, register key, verify, import,
then a newer package supersedes the older one and the office sees what changed."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from review.assessment.approval import decide
from review.cli.main import run
from review.errors import UserError
from review.handover.package import export_package, import_package
from review.handover.signoff import sign_off
from review.signing.keys import KeyFile, register_key
from review.workspace.accounts import login
from review.workspace.db.models import ImportedPackage
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, real_file, rewrite_file

LEADER = "张组长"


@pytest.fixture
def leader_ws(tmp_path):
    ws = make_workspace(tmp_path / "leader")
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/照片/活动.jpg", b"photo", ["Ⅲ-1-2)"])
    yield ws
    ws.close()


@pytest.fixture
def office(tmp_path):
    ws = make_workspace(tmp_path / "office")
    yield ws
    ws.close()


def approve_and_sign(ws, **kwargs):
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(ws, leader, "XC", code, "approve", "")
    return sign_off(ws, leader, PASSWORDS[LEADER], "XC", **kwargs)


def cli(ws, user, *argv, capsys, monkeypatch):
    monkeypatch.setenv("MATERIALS_REVIEW_PASSWORD", PASSWORDS[user])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = run(["-w", str(ws.root), "--user", user, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_round_trip_on_the_command_line(leader_ws, office, tmp_path, capsys, monkeypatch):
    approve_and_sign(leader_ws)
    usb = tmp_path / "usb"
    assert cli(leader_ws, LEADER, "key", "export", str(usb / "张组长.json"), capsys=capsys, monkeypatch=monkeypatch)[0] == 0
    code, out, _ = cli(leader_ws, "王材料员", "package", "export", "XC", str(usb / "宣传组.mrpkg"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and (usb / "宣传组.mrpkg").exists()
    assert sorted(p.name for p in usb.iterdir()) == ["宣传组.mrpkg", "张组长.json"]  # no temporary left behind
    with zipfile.ZipFile(usb / "宣传组.mrpkg") as archive:
        assert sorted(archive.namelist()) == ["files/Ⅲ-1-1)/学习计划.docx", "files/Ⅲ-1-2)/照片/活动.jpg",
                                              "manifest.json", "package.json", "signature.sig"]
        info = json.loads(archive.read("package.json"))
    assert [d["code"] for d in info["decisions"]] == ["Ⅲ-1-1)", "Ⅲ-1-2)"]

    code, _, err = cli(office, "文明办", "package", "verify", str(usb / "宣传组.mrpkg"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code != 0 and "未登记" in err and "key import" in err
    code, out, _ = cli(office, "文明办", "key", "import", str(usb / "张组长.json"), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and info["fingerprint"][:4].upper() in out
    code, out, _ = cli(office, "文明办", "package", "verify", str(usb / "宣传组.mrpkg"), "--json",
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["files"] == 2
    assert not (office.root / "packages").exists()  # verify only
    code, out, _ = cli(office, "文明办", "package", "import", str(usb / "宣传组.mrpkg"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and "已导入材料包" in out
    code, out, _ = cli(office, "文明办", "package", "list", "--json", capsys=capsys, monkeypatch=monkeypatch)
    [row] = json.loads(out)["packages"]
    assert (row["group"], row["version"], row["current"]) == ("XC", 1, True)
    assert (office.root / row["path"] / "files" / "Ⅲ-1-1)" / "学习计划.docx").read_bytes() == real_file("a.docx", b"plan v1")
    code, _, err = cli(office, "文明办", "package", "import", str(usb / "宣传组.mrpkg"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code != 0 and "已经导入过" in err


def test_export_refused_while_unsigned_or_stale_or_bytes_changed_on_disk(leader_ws, tmp_path):
    clerk = login(leader_ws, "王材料员", PASSWORDS["王材料员"])
    with pytest.raises(UserError, match="尚未签字"):
        export_package(leader_ws, clerk, "XC", tmp_path / "a.mrpkg")
    approve_and_sign(leader_ws)
    (leader_ws.root / "材料" / "XC" / "Ⅲ-1-1)" / "学习计划.docx").write_bytes(b"edited, not rescanned")
    with pytest.raises(UserError, match="已失效"):  # the files are hashed again before anything is written
        export_package(leader_ws, clerk, "XC", tmp_path / "a.mrpkg")
    assert list(tmp_path.glob("*.mrpkg*")) == []
    rewrite_file(leader_ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"rescanned")
    with pytest.raises(UserError, match="已失效"):
        export_package(leader_ws, clerk, "XC", tmp_path / "a.mrpkg")
    with pytest.raises(UserError, match="只能对本组"):
        export_package(leader_ws, login(leader_ws, "李组长", PASSWORDS["李组长"]), "XC", tmp_path / "a.mrpkg")


def test_newer_package_supersedes_and_shows_the_differences(leader_ws, office, tmp_path):
    first = approve_and_sign(leader_ws)
    with office.session() as session:
        register_key(session, KeyFile(LEADER, "XC", first.fingerprint, first.public_key), "文明办")
    clerk = login(leader_ws, "王材料员", PASSWORDS["王材料员"])
    v1 = export_package(leader_ws, clerk, "XC", tmp_path / "v1.mrpkg")
    rewrite_file(leader_ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v2")
    add_file(leader_ws, "XC", "Ⅲ-1-2)/照片/补充.jpg", b"more", ["Ⅲ-1-2)"])
    approve_and_sign(leader_ws)
    v2 = export_package(leader_ws, clerk, "XC", tmp_path / "v2.mrpkg")

    office_user = login(office, "文明办", PASSWORDS["文明办"])
    import_package(office, office_user, v1)
    result = import_package(office, office_user, v2)
    assert result.replaced_version == 1 and result.package.version == 2
    assert sorted((d.kind, d.path) for d in result.differences) == [
        ("added", "Ⅲ-1-2)/照片/补充.jpg"), ("changed", "Ⅲ-1-1)/学习计划.docx")]
    with office.session() as session:
        rows = session.query(ImportedPackage).order_by(ImportedPackage.id).all()
        assert [(r.signoff_version, r.is_current) for r in rows] == [(1, False), (2, True)]
    stored = office.root / rows[1].folder / "files" / "Ⅲ-1-1)" / "学习计划.docx"
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == hashlib.sha256(real_file("a.docx", b"plan v2")).hexdigest()
    with pytest.raises(UserError, match="比已导入的版本旧"):
        import_package(office, office_user, v1)
