"""The audit trail: every action, append-only and hash-chained.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
reordering any row breaks the chain. The hash of the latest entry is also kept in the settings
table, which catches the deletion of the last rows.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from review.workspace.db.base import utcnow
from review.workspace.db.models import AuditEntry, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit_head"

ACTION_NAMES = {
    "login.failed": "登录失败", "user.add": "新建账户", "password.change": "修改密码", "manual.load": "载入操作手册", "group.add": "新建工作组", "group.rename": "重命名工作组",
    "group.assign": "分配条目", "scan": "扫描材料", "map": "归类材料", "unmap": "取消归类",
    "review.approve": "审核通过", "review.return": "退回", "finding.waive": "豁免问题", "signoff": "签字确认",
    "package.export": "导出材料包", "package.import": "导入材料包", "key.import": "登记公钥", "key.export": "导出公钥",
    "submission.export": "导出申报材料", "settings.edit": "修改设置", "workspace.restore": "从备份恢复数据库",
}


def entry_hash(seq: int, at: str, actor: str, action: str, target: str, details: dict[str, Any], prev: str) -> str:
    payload = json.dumps([seq, at, actor, action, target, details, prev], ensure_ascii=False, sort_keys=True,
                         separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, *, actor: str, action: str, target: str = "", details: dict[str, Any] | None = None) -> AuditEntry:
    """Append an entry in the caller's transaction (so it commits or rolls back with the action)."""
    details = json.loads(json.dumps(details or {}, ensure_ascii=False, default=str))
    # Take the head row's write lock first, so that processes appending at once queue up here instead
    # of both reading the same last entry (SQLite: the database write lock; PostgreSQL: a row lock).
    session.execute(update(Setting).where(Setting.key == HEAD_KEY).values(key=Setting.key))
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = utcnow().isoformat(timespec="microseconds")
    digest = entry_hash(seq, at, actor, action, target, details, prev)
    entry = AuditEntry(seq=seq, at=at, actor=actor, action=action, target=target, details=details,
                       prev_hash=prev, hash=digest)
    session.add(entry)
    head = session.get(Setting, HEAD_KEY)
    value = {"seq": seq, "hash": digest}
    if head is None:
        session.add(Setting(key=HEAD_KEY, value=value))
    else:
        head.value = value
    session.flush()
    return entry


@dataclass
class AuditProblem:
    seq: int
    message: str


def verify(session: Session) -> tuple[int, list[AuditProblem]]:
    """Walk the chain; returns (entries checked, problems). No problems means intact."""
    problems: list[AuditProblem] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.seq != expected_seq:
            problems.append(AuditProblem(entry.seq, f"第 {expected_seq} 条记录缺失或顺序被改动（此处为第 {entry.seq} 条）"))
        if entry.prev_hash != prev:
            problems.append(AuditProblem(entry.seq, f"第 {entry.seq} 条记录与前一条的链接不符（前面的记录被删除、改动或调换）"))
        recomputed = entry_hash(entry.seq, entry.at, entry.actor, entry.action, entry.target, entry.details or {},
                                entry.prev_hash)
        if recomputed != entry.hash:
            problems.append(AuditProblem(entry.seq, f"第 {entry.seq} 条记录的内容被改动（{entry.at} {entry.actor} {entry.action}）"))
        prev = entry.hash
        expected_seq = entry.seq + 1
    head = session.get(Setting, HEAD_KEY)
    if head is not None and head.value:
        if head.value.get("seq") != expected_seq - 1 or head.value.get("hash") != prev:
            problems.append(AuditProblem(int(head.value.get("seq", 0)),
                                         f"审计记录末尾被删除：应有 {head.value.get('seq')} 条，实有 {count} 条"))
    elif count:
        problems.append(AuditProblem(0, "审计记录的链头信息丢失"))
    return count, problems


def entries(session: Session, limit: int | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.seq.desc())
    if limit:
        query = query.limit(limit)
    return list(reversed(session.scalars(query).all()))
