"""Several PCs on one PostgreSQL workspace at once: two groups scanning, a leader signing off and
the office importing a package, as four real processes started together; nothing is lost and
every status agrees."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from review.assessment.approval import decide
from review.handover.package import export_package
from review.handover.signoff import sign_off
from review.signing.keys import export_public_key, register_key
from review.signing.verification import signoff_status
from review.workspace.accounts import login
from review.workspace.audit import verify
from review.workspace.db.models import AuditEntry, ImportedPackage, Material, Signoff
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, material_root
from tests.test_concurrent_operations import LEADER, OFFICE, finish, start


def test_four_pcs_at_once_on_one_server(tmp_path, postgres_cluster):
    # The package the office imports comes from another campaign's leader, on a PC of its own.
    other = make_workspace(tmp_path / "other-pc")
    add_file(other, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan elsewhere", ["Ⅲ-1-1)"])

    leader = login(other, LEADER, PASSWORDS[LEADER])
    decide(other, leader, "XC", "Ⅲ-1-1)", "approve", "")
    decide(other, leader, "XC", "Ⅲ-1-2)", "return", "缺活动照片")
    sign_off(other, leader, PASSWORDS[LEADER], "XC", exceptions={"Ⅲ-1-2)": "照片下周补交"})
    package = export_package(other, leader, "XC", tmp_path / "usb" / "宣传组.mrpkg")
    key_file = export_public_key(other, leader, PASSWORDS[LEADER], tmp_path / "usb" / "张组长.json")
    other.close()

    ws = make_workspace(tmp_path / "shared", postgres_cluster.new_database())
    with ws.session() as session:
        register_key(session, key_file, OFFICE)
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/照片/活动.jpg", b"photo", ["Ⅲ-1-2)"])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(ws, login(ws, LEADER, PASSWORDS[LEADER]), "XC", code, "approve", "")
    cg_files = [f"Ⅲ-2-1)/整治台账{i}.txt" for i in range(6)]
    for name in cg_files:
        path = material_root(ws, "CG") / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"北湖市背街小巷整治台账第{name[-5]}册。", encoding="utf-8")

    processes = [
        start(ws, LEADER, "scan", "XC", str(material_root(ws, "XC")), "--wait"),
        start(ws, "李组长", "scan", "CG", str(material_root(ws, "CG")), "--wait"),
        start(ws, LEADER, "signoff", "XC", "--wait"),
        start(ws, OFFICE, "package", "import", str(package), "--wait"),
    ]
    results = [finish(p) for p in processes]
    assert [code for code, _ in results] == [0, 0, 0, 0], results

    with ws.session() as session:
        present = Counter(session.scalars(select(Material.rel_path).where(Material.status == "present")))
        assert sorted(present) == sorted(["Ⅲ-1-1)/学习计划.docx", "Ⅲ-1-2)/照片/活动.jpg", *cg_files])
        assert set(present.values()) == {1}
        assert session.scalars(select(Signoff.version)).all() == [1]
        [imported] = session.scalars(select(ImportedPackage)).all()
        assert (imported.group_code, imported.is_current) == ("XC", True)
        actions = Counter(session.scalars(select(AuditEntry.action)))
        count, problems = verify(session)
    assert not problems and count == sum(actions.values()), [p.message for p in problems]
    assert actions["scan"] == 2 and actions["signoff"] == 1 and actions["package.import"] == 1
    assert signoff_status(ws, "XC").state == "valid"  # the scan and the sign-off saw the same bytes
    assert (ws.root / imported.folder / "files" / "Ⅲ-1-1)" / "学习计划.docx").is_file()
    ws.close()
