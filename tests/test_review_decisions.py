"""Decisions per 测评标准: who may decide, what is recorded, and how file changes reopen an item."""
from __future__ import annotations

import hashlib

import pytest

from review.assessment.approval import decide
from review.assessment.decisions import history, standard_reviews
from review.errors import PermissionDenied, UserError
from review.workspace.accounts import login
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


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path / "ws")
    yield workspace
    workspace.close()


def actor(ws, name):
    return login(ws, name, PASSWORDS[name])


def states(ws, group="XC"):
    with ws.session() as session:
        return standard_reviews(session, group)


def test_new_requirements_are_pending_and_only_material_standards_are_listed(ws):
    result = states(ws)
    assert list(result) == ["Ⅲ-1-1)", "Ⅲ-1-2)"]  # Ⅲ-1-3) is 实地考察 only
    assert {s.state_name for s in result.values()} == {"待审核"}


def test_approve_records_who_and_every_file_hash(ws):
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-1)/实施方案.pdf", b"scheme", ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/专题学习.pdf", b"other item", ["Ⅲ-1-2)"])
    decided = decide(ws, actor(ws, "张组长"), "XC", "Ⅲ-1-1)", "approve", "齐全")
    assert decided.changes.standards == {"Ⅲ-1-1)"} and not decided.changes.files  # one standard to refresh
    decision = decided.decision
    assert decision.decided_by == "张组长"
    assert sorted((f.rel_path, f.sha256) for f in decision.files) == [
        ("Ⅲ-1-1)/学习计划.docx", hashlib.sha256(real_file("a.docx", b"plan v1")).hexdigest()),
        ("Ⅲ-1-1)/实施方案.pdf", hashlib.sha256(real_file("a.pdf", b"scheme")).hexdigest()),
    ]
    result = states(ws)
    assert result["Ⅲ-1-1)"].state_name == "通过"
    assert result["Ⅲ-1-2)"].state_name == "待审核"


def test_return_needs_a_comment_and_resubmission_makes_it_pending_again(ws):
    add_file(ws, "XC", "Ⅲ-1-2)/专题学习.pdf", b"draft", ["Ⅲ-1-2)"])
    leader = actor(ws, "张组长")
    with pytest.raises(UserError, match="必须写明原因"):
        decide(ws, leader, "XC", "Ⅲ-1-2)", "return", "  ")
    decide(ws, leader, "XC", "Ⅲ-1-2)", "return", "缺少照片")
    assert states(ws)["Ⅲ-1-2)"].state_name == "退回"
    add_file(ws, "XC", "Ⅲ-1-2)/现场照片.jpg", b"photo", ["Ⅲ-1-2)"])
    state = states(ws)["Ⅲ-1-2)"]
    assert state.state_name == "待审核" and state.resubmitted
    assert [(c.path, c.change) for c in state.changed_files] == [("Ⅲ-1-2)/现场照片.jpg", "added")]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda ws: rewrite_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"edited after approval"), "changed"),
    (lambda ws: lose_file(ws, "XC", "Ⅲ-1-1)/计划.docx"), "missing"),
    (lambda ws: unmap_file(ws, "XC", "Ⅲ-1-1)/计划.docx"), "removed"),
    (lambda ws: add_file(ws, "XC", "Ⅲ-1-1)/补充.pdf", b"late", ["Ⅲ-1-1)"]), "added"),
])
def test_any_file_change_after_approval_reopens_the_item_naming_the_file(ws, change, expected):
    add_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"plan", ["Ⅲ-1-1)"])
    decide(ws, actor(ws, "张组长"), "XC", "Ⅲ-1-1)", "approve", "")
    change(ws)
    state = states(ws)["Ⅲ-1-1)"]
    assert state.state_name == "已变更"
    assert [c.change for c in state.changed_files] == [expected]
    assert state.changed_files[0].path.startswith("Ⅲ-1-1)/")


def test_history_keeps_every_decision_in_order(ws):
    add_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"v1", ["Ⅲ-1-1)"])
    leader = actor(ws, "张组长")
    decide(ws, leader, "XC", "Ⅲ-1-1)", "return", "缺少落款")
    rewrite_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"v2")
    decide(ws, leader, "XC", "Ⅲ-1-1)", "approve", "已补")
    with ws.session() as session:
        rows = history(session, "XC", "Ⅲ-1-1)")
    assert [(d.verdict, d.comment) for d in rows] == [("return", "缺少落款"), ("approve", "已补")]
    assert rows[0].files[0].sha256 == hashlib.sha256(real_file("a.docx", b"v1")).hexdigest()
    assert rows[1].files[0].sha256 == hashlib.sha256(real_file("a.docx", b"v2")).hexdigest()


def test_clerk_and_office_cannot_decide(ws):
    add_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"plan", ["Ⅲ-1-1)"])
    with pytest.raises(PermissionDenied, match="材料员“王材料员”无权审核通过或退回"):
        decide(ws, actor(ws, "王材料员"), "XC", "Ⅲ-1-1)", "approve", "")
    with pytest.raises(PermissionDenied, match="文明办"):
        decide(ws, actor(ws, "文明办"), "XC", "Ⅲ-1-1)", "approve", "")
    assert states(ws)["Ⅲ-1-1)"].decision is None


def test_leader_cannot_decide_for_another_group(ws):
    add_file(ws, "CG", "Ⅲ-2-1)/整治方案.pdf", b"cg plan", ["Ⅲ-2-1)"])
    with pytest.raises(PermissionDenied, match="只能对本组（XC）"):
        decide(ws, actor(ws, "张组长"), "CG", "Ⅲ-2-1)", "approve", "")
    assert states(ws, "CG")["Ⅲ-2-1)"].decision is None


def test_refusals_name_the_item_and_what_to_do(ws):
    leader = actor(ws, "张组长")
    with pytest.raises(UserError, match="还没有归类任何材料"):
        decide(ws, leader, "XC", "Ⅲ-1-1)", "approve", "")
    with pytest.raises(UserError, match=r"Ⅲ-2-1\) 不是工作组 XC"):
        decide(ws, leader, "XC", "Ⅲ-2-1)", "approve", "")
    add_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"plan", ["Ⅲ-1-1)"])
    lose_file(ws, "XC", "Ⅲ-1-1)/计划.docx")
    with pytest.raises(UserError, match=r"材料已找不到：Ⅲ-1-1\)/计划.docx"):
        decide(ws, leader, "XC", "Ⅲ-1-1)", "approve", "")


def test_single_user_workspace_may_decide(ws):
    add_file(ws, "XC", "Ⅲ-1-1)/计划.docx", b"plan", ["Ⅲ-1-1)"])
    decision = decide(ws, LOCAL_USER, "XC", "Ⅲ-1-1)", "approve", "").decision
    assert decision.decided_by == LOCAL_USER.name
