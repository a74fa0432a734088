"""The sign-off manifest: a typed document, its canonical bytes, their Ed25519 signature.

The manifest is canonical JSON (sorted keys, no spaces, UTF-8) naming every covered file with its
relative path, size, SHA-256 and the standards it is mapped to, the state of each standard as the
leader saw it (format 2), the decisions, the exceptions the leader listed, waivers and the
findings, and the head of the audit chain with the short hash of every entry since the previous
sign-off's (format 3: the signed anchor `audit verify` checks the chain against). Format 2
manifests (an anchor with the head only) and format 1 (no per-standard state either, findings
without `waived_at`) are still read.

`Manifest.from_bytes` is the one parser and `Manifest.to_bytes` the one writer: what the writer
writes reads back equal, and a manifest of any format this program signed is written back to the
very bytes that were signed. The parser refuses what the program relies on when it is missing or
malformed (a UserError in Chinese) and reads the other parts leniently, as they were always read:
entries that are not objects are passed over, text that is not text is read as text.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from review.checking.findings import FindingView
from review.errors import UserError
from review.signing.keys import verify_signature

MANIFEST_FORMAT = "materials-review-signoff"
MANIFEST_VERSION = 3
ANCHOR_ROWS_FROM = 3  # the first format whose audit anchor lists the entries' short hashes
ROW_HASH_CHARS = 16  # of each entry's SHA-256, in the anchor: enough to name the first entry that differs
REQUIRED_KEYS = ("group", "manual", "leader", "signed_at", "version", "requirements")


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    """JSON as a manifest is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def verify_manifest(manifest_bytes: bytes, signature: bytes, public_key: Any) -> bool:
    """True when `signature` is the Ed25519 signature of exactly these bytes by `public_key`
    (an Ed25519PublicKey, PEM text/bytes or the raw 32 bytes)."""
    return verify_signature(manifest_bytes, signature, public_key)


# -- the parts -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ManifestGroup:
    code: str
    name: str = ""

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True)
class ManifestManual:
    """The edition of the operation manual the group signed against."""

    title: str = ""
    edition: str = ""

    def to_json(self) -> dict[str, object]:
        return {"title": self.title, "edition": self.edition}


@dataclass(frozen=True)
class ManifestFile:
    """One signed file: its path relative to the group's material folder, its bytes' identity, and
    the standards it is signed for."""

    path: str
    size: int
    sha256: str
    requirements: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256, "requirements": list(self.requirements)}


@dataclass(frozen=True)
class ManifestReview:
    """The leader's review of a standard when signing (review.assessment.group_state.ReviewInfo)."""

    state: str  # pending | approved | returned | changed; anything else reads as pending
    state_name: str = ""
    by: str = ""
    at: str = ""
    comment: str = ""
    changed_files: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"state": self.state, "state_name": self.state_name, "by": self.by, "at": self.at,
                "comment": self.comment, "changed_files": list(self.changed_files)}


@dataclass(frozen=True)
class ManifestStandard:
    """A 测评标准 as the leader saw it when signing (format 2)."""

    code: str
    title: str = ""
    status: str = ""
    review: ManifestReview | None = None  # None: not recorded; the decisions tell

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"code": self.code, "title": self.title, "status": self.status}
        if self.review is not None:
            data["review"] = self.review.to_json()
        return data


@dataclass(frozen=True)
class ManifestDecision:
    """The latest decision on a standard (review.assessment.decisions.decision_json without its files)."""

    code: str
    verdict: str  # approve | return
    verdict_name: str = ""
    by: str = ""
    at: str = ""
    comment: str = ""

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "verdict": self.verdict, "verdict_name": self.verdict_name, "by": self.by,
                "at": self.at, "comment": self.comment}


@dataclass(frozen=True)
class ManifestNote:
    """An exception the leader listed, or a whole standard waived: the code and the reason."""

    code: str
    reason: str

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "reason": self.reason}


@dataclass(frozen=True)
class ManifestFinding:
    """A 必须修改 / 建议修改 finding as the manifest records it; the office prints its 问题清单 from these."""

    rule_id: str
    severity: str
    title: str
    message: str
    hint: str
    item_code: str
    file: str
    page: int | None
    location: str
    text: str
    fingerprint: str
    waived: bool = False
    waived_by: str | None = None
    waiver_reason: str | None = None
    waived_at: str | None = None  # absent in format 1

    @classmethod
    def of(cls, view: FindingView) -> ManifestFinding:
        """What a sign-off records of a finding."""
        return cls(rule_id=view.rule_id, severity=view.severity, title=view.title, message=view.message,
                   hint=view.hint, item_code=view.item_code, file=view.file, page=view.page, location=view.location,
                   text=view.text, fingerprint=view.fingerprint, waived=view.waived, waived_by=view.waived_by,
                   waiver_reason=view.waiver_reason, waived_at=view.waived_at)

    def to_view(self, group: str) -> FindingView:
        """The finding as users see it; it has no row in this workspace."""
        def waiver(value: str | None) -> str | None:
            return (value or "") if self.waived else None

        return FindingView(id=None, group=group, item_code=self.item_code, rule_id=self.rule_id,
                           severity=self.severity, title=self.title, message=self.message, hint=self.hint,
                           file=self.file, page=self.page, location=self.location, text=self.text, bbox=None,
                           fingerprint=self.fingerprint, scope="", material_id=None,
                           waived_by=waiver(self.waived_by), waiver_reason=waiver(self.waiver_reason),
                           waived_at=waiver(self.waived_at))

    def to_json(self) -> dict[str, object]:
        return {"rule_id": self.rule_id, "severity": self.severity, "title": self.title, "message": self.message,
                "hint": self.hint, "item_code": self.item_code, "file": self.file, "page": self.page,
                "location": self.location, "text": self.text, "fingerprint": self.fingerprint,
                "waived": self.waived, "waived_by": self.waived_by, "waiver_reason": self.waiver_reason,
                "waived_at": self.waived_at}


@dataclass(frozen=True)
class ManifestAuditHead:
    """The head of the workspace's audit chain when the leader signed: the anchor that the signature
    fixes. From format 3 it also lists the first ROW_HASH_CHARS of the hash of every entry after
    `since` (the previous sign-off's anchor in the workspace) up to `seq`, so that `audit verify` can
    name the first entry rewritten since, even when the whole chain after it was recomputed."""

    seq: int = 0
    hash: str = ""
    since: int = 0
    rows: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """The head's hash as printed (on the 审核签字表): its first 16 hex digits in groups of four."""
        text = self.hash[:16].upper()
        return " ".join(text[i:i + 4] for i in range(0, len(text), 4))

    def row_hash(self, seq: int) -> str | None:
        """The short hash the anchor lists for entry `seq`, or None when it lists none for it."""
        index = seq - self.since - 1
        return self.rows[index] if 0 <= index < len(self.rows) and seq <= self.seq else None

    def to_json(self, *, with_rows: bool = True) -> dict[str, object]:
        if not with_rows:
            return {"seq": self.seq, "hash": self.hash}
        return {"seq": self.seq, "hash": self.hash, "since": self.since, "rows": list(self.rows)}


# -- the document ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Manifest:
    """What a leader signs: the group's files, standards, decisions, notes and findings."""

    group: ManifestGroup
    manual: ManifestManual
    leader: str
    signed_at: str  # ISO time, seconds
    version: int  # the sign-off's version
    requirements: tuple[str, ...]  # the group's standards, in the manual's order
    files: tuple[ManifestFile, ...]
    city: str = ""
    standards: tuple[ManifestStandard, ...] = ()  # empty in format 1
    decisions: tuple[ManifestDecision, ...] = ()
    exceptions: tuple[ManifestNote, ...] = ()
    waivers: tuple[ManifestNote, ...] = ()
    findings: tuple[ManifestFinding, ...] = ()
    audit_head: ManifestAuditHead = field(default_factory=ManifestAuditHead)
    format_version: int = MANIFEST_VERSION

    def covered_paths(self) -> dict[str, list[str]]:
        """Signed standard → the paths of the files signed for it."""
        out: dict[str, list[str]] = {code: [] for code in self.requirements}
        for entry in self.files:
            for code in entry.requirements:
                out.setdefault(code, []).append(entry.path)
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "format": MANIFEST_FORMAT,
            "format_version": self.format_version,
            "city": self.city,
            "group": self.group.to_json(),
            "manual": self.manual.to_json(),
            "leader": self.leader,
            "signed_at": self.signed_at,
            "version": self.version,
            "requirements": list(self.requirements),
            "standards": [s.to_json() for s in self.standards],
            "files": [f.to_json() for f in self.files],
            "decisions": [d.to_json() for d in self.decisions],
            "exceptions": [n.to_json() for n in self.exceptions],
            "waivers": [n.to_json() for n in self.waivers],
            "findings": [f.to_json() for f in self.findings],
            "audit_head": self.audit_head.to_json(with_rows=self.format_version >= ANCHOR_ROWS_FROM),
        }

    def to_bytes(self) -> bytes:
        """The canonical bytes a leader signs."""
        return canonical_bytes(self.to_json())

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """The manifest these bytes hold; UserError when it is not a manifest this program understands."""
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeError, ValueError) as exc:
            raise UserError("签字清单（manifest）已损坏，无法读取。") from exc
        if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
            raise UserError("签字清单（manifest）格式不对，不是申报材料审核台生成的。")
        try:
            format_version = int(document.get("format_version", 0))
        except (TypeError, ValueError) as exc:
            raise UserError("签字清单（manifest）格式不对，不是申报材料审核台生成的。") from exc
        if format_version > MANIFEST_VERSION:
            raise UserError("签字清单由更新版本的软件生成，请先升级本软件。")
        files = document.get("files")
        if not isinstance(files, list) or not all(_is_file(f) for f in files):
            raise UserError("签字清单中的文件列表格式不对（每个文件须有 path、size、sha256、requirements）。")
        for key in REQUIRED_KEYS:
            if key not in document:
                raise UserError(f"签字清单缺少必需的字段“{key}”。")
        group, manual, version = document["group"], document["manual"], document["version"]
        if not isinstance(group, dict) or not isinstance(group.get("code"), str) \
                or not isinstance(manual, dict) or not isinstance(version, int) \
                or not isinstance(document["requirements"], list) or not isinstance(document["signed_at"], str):
            raise UserError("签字清单中工作组、手册、版本、条目或签字时间的格式不对。")
        return cls(
            group=ManifestGroup(group["code"], _text(group.get("name"))),
            manual=ManifestManual(_text(manual.get("title")), _text(manual.get("edition"))),
            leader=_text(document["leader"]),
            signed_at=document["signed_at"],
            version=version,
            requirements=tuple(c for c in document["requirements"] if isinstance(c, str)),
            files=tuple(ManifestFile(f["path"], f["size"], f["sha256"], tuple(f["requirements"])) for f in files),
            city=_text(document.get("city")),
            standards=tuple(_standard(s) for s in _entries(document, "standards") if isinstance(s.get("code"), str)),
            decisions=tuple(_decision(d) for d in _entries(document, "decisions") if isinstance(d.get("code"), str)),
            exceptions=tuple(_note(n) for n in _entries(document, "exceptions") if isinstance(n.get("code"), str)),
            waivers=tuple(_note(n) for n in _entries(document, "waivers") if isinstance(n.get("code"), str)),
            findings=tuple(_finding(f) for f in _entries(document, "findings")),
            audit_head=_audit_head(document.get("audit_head")),
            format_version=format_version,
        )


# -- reading the parts (Manifest.from_bytes) -------------------------------------------------------
def _is_file(entry: object) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("path"), str) and isinstance(entry.get("sha256"), str) \
        and isinstance(entry.get("size"), int) and isinstance(entry.get("requirements"), list) \
        and all(isinstance(code, str) for code in entry["requirements"])


def _entries(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects listed under `key`; anything else there is skipped."""
    value = document.get(key)
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _standard(data: dict[str, Any]) -> ManifestStandard:
    review = data.get("review")
    return ManifestStandard(data["code"], _text(data.get("title")), _text(data.get("status")),
                            _review(review) if isinstance(review, dict) else None)


def _review(data: dict[str, Any]) -> ManifestReview:
    changed = data.get("changed_files")
    return ManifestReview(_text(data.get("state")), _text(data.get("state_name")), _text(data.get("by")),
                          _text(data.get("at")), _text(data.get("comment")),
                          tuple(_text(c) for c in changed) if isinstance(changed, list) else ())


def _decision(data: dict[str, Any]) -> ManifestDecision:
    return ManifestDecision(data["code"], _text(data.get("verdict")), _text(data.get("verdict_name")),
                            _text(data.get("by")), _text(data.get("at")), _text(data.get("comment")))


def _note(data: dict[str, Any]) -> ManifestNote:
    return ManifestNote(data["code"], _text(data.get("reason")))


def _finding(data: dict[str, Any]) -> ManifestFinding:
    page = data.get("page")
    return ManifestFinding(
        rule_id=_text(data.get("rule_id")), severity=_text(data.get("severity")), title=_text(data.get("title")),
        message=_text(data.get("message")), hint=_text(data.get("hint")), item_code=_text(data.get("item_code")),
        file=_text(data.get("file")), page=page if isinstance(page, int) else None,
        location=_text(data.get("location")), text=_text(data.get("text")),
        fingerprint=_text(data.get("fingerprint")), waived=bool(data.get("waived")),
        waived_by=_optional_text(data.get("waived_by")), waiver_reason=_optional_text(data.get("waiver_reason")),
        waived_at=_optional_text(data.get("waived_at")),
    )


def _audit_head(value: object) -> ManifestAuditHead:
    if not isinstance(value, dict):
        return ManifestAuditHead()
    seq, since, rows = value.get("seq"), value.get("since"), value.get("rows")
    return ManifestAuditHead(seq if isinstance(seq, int) else 0, _text(value.get("hash")),
                             since if isinstance(since, int) else 0,
                             tuple(_text(r) for r in rows) if isinstance(rows, list) else ())
