"""The workspace's tables.

Links to the manual (group assignments, mappings, decisions) refer to an item by its code, not by
a row id, so that loading a new edition of the manual keeps every link whose code still exists.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from review.workspace.db.base import Base, utcnow


class Setting(Base):
    """One workspace setting; values are JSON so a setting can be a number, text or a list."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class ManualEdition(Base):
    """One loaded edition of the operation manual; exactly one is current."""

    __tablename__ = "manual_editions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    edition: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)


class Group(Base):
    """A 创建工作组."""

    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    items: Mapped[list[GroupItem]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupItem.item_code"
    )


class GroupItem(Base):
    """A 测评内容 or 测评标准 assigned to a group as 牵头 (lead) or 配合 (support)."""

    __tablename__ = "group_items"
    __table_args__ = (UniqueConstraint("group_id", "item_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10), default="lead")
    group: Mapped[Group] = relationship(back_populates="items")


class User(Base):
    """A person: 文明办 (office), 组长 (leader) or 材料员 (clerk)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"), nullable=True)
    password_hash: Mapped[str | None] = mapped_column(String(300), nullable=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Material(Base):
    """A file a group submitted, as last seen by a scan.

    `sha256` identifies the bytes; a file that moves keeps its row (and so its mappings and
    decisions) because the scan recognises the hash. A file that disappears is kept with
    status `missing`, never silently forgotten.
    """

    __tablename__ = "materials"
    __table_args__ = (UniqueConstraint("group_id", "path"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    root: Mapped[str] = mapped_column(Text, default="")
    rel_path: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    mtime_ns: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    format: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="present")
    # The SHA-256 whose text is in the search index; differs from `sha256` until indexed.
    indexed_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    mappings: Mapped[list[Mapping]] = relationship(back_populates="material", cascade="all, delete-orphan")


class Mapping(Base):
    """A material assigned to a 测评标准 (by naming convention, by hand, or an accepted suggestion)."""

    __tablename__ = "mappings"
    __table_args__ = (UniqueConstraint("material_id", "item_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(100), index=True)
    source: Mapped[str] = mapped_column(String(20), default="manual")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    material: Mapped[Material] = relationship(back_populates="mappings")


class AuditEntry(Base):
    """One action in the append-only, hash-chained audit trail (see review.workspace.audit)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50), index=True)
    target: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Decision(Base):
    """A leader's 通过 or 退回 on one 测评标准 of a group.

    Rows are only ever added, so the table is the history; the files a decision covered are kept
    with their SHA-256 so that a later change to any of them is noticed (see review.assessment.decisions).
    """

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(100), index=True)
    verdict: Mapped[str] = mapped_column(String(10))
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    files: Mapped[list[DecisionFile]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionFile.id"
    )


class DecisionFile(Base):
    """One file as it was when a decision was made."""

    __tablename__ = "decision_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    material_id: Mapped[int | None] = mapped_column(
        ForeignKey("materials.id", ondelete="SET NULL"), nullable=True, index=True
    )
    rel_path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    decision: Mapped[Decision] = relationship(back_populates="files")


class SigningKey(Base):
    """A leader's Ed25519 key pair; the private half sealed with the leader's password (review.workspace.sealed_keys)."""

    __tablename__ = "signing_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    public_key: Mapped[str] = mapped_column(Text)
    private_key: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Signoff(Base):
    """One version of a group's sign-off: the exact manifest bytes, their signature and the key used."""

    __tablename__ = "signoffs"
    __table_args__ = (UniqueConstraint("group_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    leader: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(Text)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class RegisteredKey(Base):
    """A leader's public key that the office registered from the key file the leader exported."""

    __tablename__ = "registered_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    owner: Mapped[str] = mapped_column(String(100))
    group_code: Mapped[str] = mapped_column(String(50))
    public_key: Mapped[str] = mapped_column(Text)
    registered_by: Mapped[str] = mapped_column(String(100))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ImportedPackage(Base):
    """A group package the office verified and imported; the newest per group is current."""

    __tablename__ = "imported_packages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_code: Mapped[str] = mapped_column(String(50), index=True)
    group_name: Mapped[str] = mapped_column(String(100))
    signoff_version: Mapped[int] = mapped_column(Integer)
    leader: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[str] = mapped_column(String(40))
    package_sha256: Mapped[str] = mapped_column(String(64))
    folder: Mapped[str] = mapped_column(Text)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FindingRecord(Base):
    """A stored finding (see review.checking.rules.finding.Finding), replaced whenever its inputs change."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    material_id: Mapped[int | None] = mapped_column(
        ForeignKey("materials.id", ondelete="CASCADE"), nullable=True, index=True
    )
    scope: Mapped[str] = mapped_column(String(20))  # file | requirement | duplicate
    item_code: Mapped[str] = mapped_column(String(100), default="", index=True)
    rule_id: Mapped[str] = mapped_column(String(30), index=True)
    severity: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text)
    file: Mapped[str] = mapped_column(Text, default="")
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    location: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    bbox: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)


class Waiver(Base):
    """A finding the leader accepted with a reason (豁免); kept even when revoked, for the record."""

    __tablename__ = "waivers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    rule_id: Mapped[str] = mapped_column(String(30))
    item_code: Mapped[str] = mapped_column(String(100), default="")
    file: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    waived_by: Mapped[str] = mapped_column(String(100))
    waived_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CheckState(Base):
    """The inputs stored findings were computed from, so unchanged subjects are not checked again.

    `subject` is a material id (scope file), an item code (scope requirement) or "*" (duplicates).
    (Before migration 0302 rows of scope "ocr" held the OCR queue; it has its own table now.)
    """

    __tablename__ = "check_states"
    __table_args__ = (UniqueConstraint("group_id", "scope", "subject"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(64))
    # A file's signatures for the duplicate checks (review.checking.rules.duplicates.FileSignature
    # as JSON; a bare list of integers in rows written before CHECKS_VERSION 3).
    signature: Mapped[dict[str, Any] | list[int] | None] = mapped_column(JSON, nullable=True)


class OcrQueueEntry(Base):
    """A material whose pages have no text (scans, photos) and wait for OCR (see review.intake.scan).

    The scan that extracts a file's bytes queues it; OCR takes it off once its pages are read, and
    a later extraction of the file takes it off when nothing waits any more. `sha256` is the bytes
    that were queued: a row whose material has other bytes by now is passed over until the scan
    that extracts them replaces it. `pages` is how many pages wait; None for a row queued before
    this table existed (those rows did not count them, migration 0302). The group is the material's.
    """

    __tablename__ = "ocr_queue"
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
