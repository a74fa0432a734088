"""The audit chain anchored in the leaders' signatures.

The chain's algorithm is public, so whoever can write the database can rewrite an entry and
recompute every hash after it and the stored head: the chain alone then still looks whole. Each
sign-off therefore signs an anchor (`ManifestAuditHead`): the head of the chain at that moment and
the short hash of every entry since the previous sign-off's anchor. Without a leader's password no
one can make a new signature, so `verify_anchored` checks the chain against every signed anchor
and names the first entry that differs from what was signed.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.errors import UserError
from review.signing.manifest import ROW_HASH_CHARS, Manifest, ManifestAuditHead
from review.signing.verification import signature_problem
from review.workspace.audit import ACTION_NAMES, AuditProblem, verify
from review.workspace.db.models import AuditEntry, Group, Signoff


def anchor_now(session: Session) -> ManifestAuditHead:
    """The anchor a sign-off signs now: the chain's head and every entry since the last sign-off's anchor."""
    since = 0
    last = session.scalars(select(Signoff).order_by(Signoff.signed_at.desc(), Signoff.id.desc()).limit(1)).first()
    if last is not None:
        try:
            since = Manifest.from_bytes(last.manifest).audit_head.seq
        except UserError:
            since = 0
    rows = dict(session.execute(select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.seq > since)).all())
    if not rows:
        head = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
        return ManifestAuditHead(head[0], head[1], head[0]) if head else ManifestAuditHead()
    seq = max(rows)
    return ManifestAuditHead(seq, rows[seq], since,
                             tuple(rows.get(n, "")[:ROW_HASH_CHARS] for n in range(since + 1, seq + 1)))


@dataclass(frozen=True)
class Anchor:
    """A signed anchor and the sign-off that signed it."""

    group: str
    version: int
    head: ManifestAuditHead

    @property
    def signoff_name(self) -> str:
        return f"工作组 {self.group} 第 {self.version} 版签字"


def verify_anchored(session: Session) -> tuple[int, list[AuditProblem], list[Anchor]]:
    """The chain checked in itself and against every signed anchor: (entries, problems sorted by the
    entry they name, the anchors checked). A sign-off whose signature does not hold is a problem too,
    since its anchor can no longer vouch for anything."""
    count, problems = verify(session)
    entries = {e.seq: e for e in session.scalars(select(AuditEntry))}
    anchors: list[Anchor] = []
    for row, group in session.execute(select(Signoff, Group.code).join(Group, Signoff.group_id == Group.id)
                                      .order_by(Signoff.signed_at, Signoff.id)).all():
        problem = signature_problem(session, row)
        head = None
        if not problem:
            try:
                head = Manifest.from_bytes(row.manifest).audit_head
            except UserError as exc:
                problem = exc.message
        if head is None:
            problems.append(AuditProblem(0, f"工作组 {group} 第 {row.version} 版签字无法用来核对审计记录：{problem}"))
        elif head.seq:
            anchors.append(Anchor(group, row.version, head))
    good = 0  # entries up to here match an anchor whose head matches
    departures: list[AuditProblem] = []
    for anchor in sorted(anchors, key=lambda a: a.head.seq):
        found = _departure(anchor, entries, good)
        if found is None:
            good = max(good, anchor.head.seq)
        else:
            departures.append(found)
    if departures:
        # Every later anchor departs too once the chain was recomputed: name the first entry only.
        first = min(departures, key=lambda p: p.seq)
        others = f"（共 {len(departures)} 次签字的锚点与现在的记录不符）" if len(departures) > 1 else ""
        problems.append(AuditProblem(first.seq, first.message + others))
    return count, sorted(problems, key=lambda p: (p.seq <= 0, p.seq)), anchors


def _departure(anchor: Anchor, entries: dict[int, AuditEntry], good: int) -> AuditProblem | None:
    """The first entry that differs from what `anchor` signed, or None when the chain matches it."""
    head = anchor.head
    for seq in range(head.since + 1, head.seq + 1):
        listed = head.row_hash(seq)
        if not listed:
            continue
        entry = entries.get(seq)
        if entry is None:
            return AuditProblem(seq, f"第 {seq} 条记录缺失：{anchor.signoff_name}时它已存在。")
        if entry.hash[:ROW_HASH_CHARS] != listed:
            return AuditProblem(seq, f"第 {seq} 条记录（{_describe(entry)}）与{anchor.signoff_name}时签名锚定的不符："
                                     "签字后被改写，其后各条的哈希被重新计算过。")
    entry = entries.get(head.seq)
    if entry is not None and entry.hash == head.hash:
        return None
    first = max(good, head.since) + 1
    if entry is None:
        return AuditProblem(head.seq, f"第 {head.seq} 条记录缺失：{anchor.signoff_name}时它已存在。")
    return AuditProblem(first, f"第 {first}–{head.seq} 条记录中有记录在{anchor.signoff_name}后被改写："
                               f"签字时锚定的链头为 {head.short}，现为 {ManifestAuditHead(hash=entry.hash).short}。")


def _describe(entry: AuditEntry) -> str:
    return f"{entry.at} {entry.actor} {ACTION_NAMES.get(entry.action, entry.action)} {entry.target}".strip()

