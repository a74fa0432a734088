"""Running the rule catalogue over a workspace and keeping the findings, incrementally.

Every subject's findings are stored with a key of everything they were computed from — the
file's bytes, name and mapping, the rule configuration and the settings the rules read (for a
requirement: the standard's text and each mapped file). A subject whose key is unchanged is
skipped, so after a scan only new or changed files, the requirements they touch and changed
settings cost anything. Duplicates are found city-wide from the signatures kept per file (MinHash of
the text and of the text with place names masked, perceptual hashes of the photos).
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.orm import Session

from index.cache import ExtractionCache
from index.document import Extraction
from review.checking.rules.config import RuleConfig
from review.checking.rules.finding import Finding
from review.checking.rules.material import FileFacts
from review.checking.rules.misfiled import Vocabulary
from review.checking.rules.signature import FileSignature
from review.errors import UserError
from review.manual.assignment import group_standard_codes
from review.manual.model import Manual, Standard, manual_from_document, standard_body
from review.manual.store import current_edition
from review.progress import CancelToken, Progress, ProgressMeter
from review.workspace.db.models import CheckState, FindingRecord, Group, GroupItem, Mapping, Material
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings

if TYPE_CHECKING:
    from review.checking.rules.runner import FileResult

# The rules themselves (`runner`, `duplicates`: PyMuPDF, numpy) are imported where work is found:
# the read model brings findings up to date on every view, and most of the time nothing changed.


@dataclass
class CheckReport:
    files_checked: int = 0
    files_unchanged: int = 0
    files_not_extracted: int = 0
    standards_checked: int = 0
    standards_unchanged: int = 0
    elapsed_s: float = 0.0
    cancelled: bool = False
    not_extracted: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"检查文件 {self.files_checked} 个（{self.files_unchanged} 个未变，跳过），"
                f"检查测评标准 {self.standards_checked} 条（{self.standards_unchanged} 条未变，跳过），"
                f"用时 {self.elapsed_s:.1f} 秒。")
        if self.files_not_extracted:
            text += f"{self.files_not_extracted} 个文件尚未提取文字，请重新扫描后再检查。"
        return text


def _key(*parts: object) -> str:
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def facts_of(material: Material, group_code: str, items: Sequence[str]) -> FileFacts:
    return FileFacts.of(material.path, material.rel_path, material.size, material.sha256 or "",
                        material.format or "", group_code, sorted(items))


def _row(finding: Finding, group_id: int, material_id: int | None, scope: str) -> dict[str, Any]:
    """A finding as a row of the findings table (written in bulk, without ORM objects)."""
    return {
        "group_id": group_id, "material_id": material_id, "scope": scope, "item_code": finding.item_code,
        "rule_id": finding.rule_id, "severity": finding.severity.value, "title": finding.title,
        "message": finding.message, "hint": finding.hint, "file": finding.file, "page": finding.page,
        "location": finding.location, "text": finding.text,
        "bbox": list(finding.bbox) if finding.bbox else None, "fingerprint": finding.fingerprint,
    }


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(FindingRecord), rows)


class _States:
    """The CheckState rows, by (group, scope, subject): their keys read once, the files' signatures
    (large) only when the duplicates are checked again; written back in bulk by `flush`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[tuple[int, str, str], tuple[str, Any]] = {
            (g, scope, subject): (key, None) for g, scope, subject, key in session.execute(
                select(CheckState.group_id, CheckState.scope, CheckState.subject, CheckState.key))}
        self.changed: set[tuple[int, str, str]] = set()
        self._signatures_read = False

    def known(self, group_id: int, scope: str, subject: str) -> bool:
        return (group_id, scope, subject) in self.rows

    def key(self, group_id: int, scope: str, subject: str) -> str | None:
        row = self.rows.get((group_id, scope, subject))
        return row[0] if row else None

    def signature(self, group_id: int, scope: str, subject: str) -> Any:
        if not self._signatures_read:
            self._signatures_read = True
            for g, scope_, subject_, signature in self.session.execute(
                    select(CheckState.group_id, CheckState.scope, CheckState.subject, CheckState.signature)
                    .where(CheckState.scope == "file")):
                row = self.rows.get((g, scope_, subject_))
                if row is not None and (g, scope_, subject_) not in self.changed:
                    self.rows[(g, scope_, subject_)] = (row[0], signature)
        row = self.rows.get((group_id, scope, subject))
        return row[1] if row else None

    def checked(self) -> dict[int, list[tuple[str, str, str]]]:
        """Per group, the keys of its files' and standards' findings (what the inputs digest covers)."""
        out: dict[int, list[tuple[str, str, str]]] = {}
        for (g, scope, subject), (key, _signature) in self.rows.items():
            if scope in ("file", "requirement"):
                out.setdefault(g, []).append((scope, subject, key))
        return {g: sorted(rows) for g, rows in out.items()}

    def put(self, group_id: int, scope: str, subject: str, key: str, signature: Any = None) -> None:
        self.rows[(group_id, scope, subject)] = (key, signature)
        self.changed.add((group_id, scope, subject))

    def flush(self) -> None:
        """Replace the changed rows: one DELETE and one INSERT, each for all of them."""
        if not self.changed:
            return
        connection = self.session.connection()  # plain statements, no ORM objects
        ids = [{"g": g, "sc": scope, "su": subject} for g, scope, subject in self.changed]
        connection.execute(delete(CheckState).where(
            CheckState.group_id == bindparam("g"), CheckState.scope == bindparam("sc"),
            CheckState.subject == bindparam("su")), ids)
        connection.execute(insert(CheckState), [
            {"group_id": g, "scope": scope, "subject": subject, "key": self.rows[(g, scope, subject)][0],
             "signature": self.rows[(g, scope, subject)][1]} for g, scope, subject in self.changed])
        self.changed.clear()


def run_checks(
    workspace: Workspace,
    *,
    group_code: str | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> CheckReport:
    """Bring the stored findings up to date (for one group, or all); returns what was done."""
    started = time.monotonic()
    cancel = cancel or CancelToken()
    report = CheckReport()
    settings = workspace.settings()
    config = RuleConfig.from_settings(settings)
    basis = config.config_fingerprint()
    cache = ExtractionCache(workspace.paths.cache)
    with workspace.session() as session:
        edition = current_edition(session)
        groups = list(session.scalars(select(Group).order_by(Group.code)))
        if group_code:
            groups = [g for g in groups if g.code == group_code]
        states = _States(session)
        items = _items_by_material(session)
        inputs = _Inputs(session, [g.id for g in groups], items, basis, edition.id if edition else None)
        # Groups whose files, filing, standards, manual and rules are as when their checks last
        # completed are not looked at file by file: a read of an unchanged city costs a few queries.
        checked = states.checked()
        stale = [g for g in groups if states.key(g.id, "inputs", "*") != inputs.digest(g, checked)]
        for group in groups:
            if group not in stale:
                report.files_unchanged += inputs.present(group)
                report.standards_unchanged += sum(1 for scope, _, _ in checked.get(group.id, [])
                                                  if scope == "requirement")
        manual = manual_from_document(edition.document) if edition is not None and stale else None
        materials = {g.id: list(session.scalars(select(Material).where(Material.group_id == g.id)
                                                .order_by(Material.rel_path))) for g in stale}
        total = sum(len(ms) for ms in materials.values())
        meter = ProgressMeter(progress, "check", total)
        extractions: dict[str, Extraction] = {}
        standards = {s.code: s for s in manual.standards()} if manual else {}
        jobs: list[_FileJob] = []
        incomplete: set[int] = set()  # groups with a file not extracted yet: checked again next time
        batch = _FileBatch(session)
        with session.no_autoflush:
            for group in stale:
                for material in materials[group.id]:
                    job = _plan_file(batch, group, material, items.get(material.id, []), standards, basis, states,
                                     report)
                    if job is not None:
                        jobs.append(job)
                    else:
                        meter.step(material.path)
            for job, result in _run_file_jobs(jobs, cache, settings, config, cancel):
                if result is None:
                    incomplete.add(job.group_id)
                _apply_file(batch, job, result, states, report)
                meter.step(job.facts.path)
            report.cancelled = cancel.cancelled
            batch.flush()
        if edition is not None and not report.cancelled:
            with session.no_autoflush:
                if manual is not None:
                    for group in stale:
                        _check_standards(session, group, manual, materials[group.id], items, settings, config,
                                         basis, cache, states, extractions, report)
                _check_duplicates(session, config, basis, states, items, report)
            checked = states.checked()
            for group in stale:
                if group.id not in incomplete:
                    states.put(group.id, "inputs", "*", inputs.digest(group, checked))
        states.flush()
        meter.step(force=True, count=0)
    report.elapsed_s = time.monotonic() - started
    return report


def group_up_to_date(workspace: Workspace, group_code: str) -> bool:
    """Whether the group's check inputs are as when its checks last completed (see `_Inputs`): a scan
    that changed nothing then need not check again."""
    basis = RuleConfig.from_settings(workspace.settings()).config_fingerprint()
    with workspace.session() as session:
        group = session.scalar(select(Group).where(Group.code == group_code))
        if group is None:
            return False
        edition = current_edition(session)
        states = _States(session)
        inputs = _Inputs(session, [group.id], _items_by_material(session), basis, edition.id if edition else None)
        return states.key(group.id, "inputs", "*") == inputs.digest(group, states.checked())


class _Inputs:
    """A digest per group of what its file and standard checks read, from a few column queries: its
    files (path, size, bytes, format, presence) and their filing, the standards it owns, the manual
    edition, the rule basis, and the keys of its stored findings (OCR and a from-scratch check
    clear those)."""

    def __init__(self, session: Session, group_ids: list[int], items: dict[int, list[str]], basis: str,
                 edition: int | None) -> None:
        self.basis, self.edition = basis, edition
        self.files: dict[int, list[tuple[Any, ...]]] = {}
        for gid, *row in session.execute(
                select(Material.group_id, Material.id, Material.path, Material.rel_path, Material.size,
                       Material.sha256, Material.format, Material.status)
                .where(Material.group_id.in_(group_ids)).order_by(Material.id)):
            self.files.setdefault(gid, []).append((*row, sorted(items.get(row[0], []))))
        self.owned: dict[int, list[tuple[str, str]]] = {}
        for gid, code, role in session.execute(select(GroupItem.group_id, GroupItem.item_code, GroupItem.role)
                                               .order_by(GroupItem.id)):
            self.owned.setdefault(gid, []).append((code, role))

    def present(self, group: Group) -> int:
        """How many of the group's files are there to check."""
        return sum(1 for _id, _path, _rel, _size, sha, _fmt, status, _items in self.files.get(group.id, [])
                   if status == "present" and sha)

    def digest(self, group: Group, checked: dict[int, list[tuple[str, str, str]]]) -> str:
        return _key(self.basis, self.edition, group.code, self.owned.get(group.id, []), self.files.get(group.id, []),
                    checked.get(group.id, []))


def _items_by_material(session: Session) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for mid, code in session.execute(select(Mapping.material_id, Mapping.item_code)):
        out.setdefault(mid, []).append(code)
    return out


def _load(cache: ExtractionCache, sha: str, extractions: dict[str, Extraction]) -> Extraction | None:
    if sha not in extractions:
        extraction = cache.get(sha)
        if extraction is None:
            return None
        extractions[sha] = extraction
    return extractions[sha]


class _FileBatch:
    """File findings to replace, written a few hundred files at a time (one DELETE, one INSERT)."""

    SIZE = 300

    def __init__(self, session: Session) -> None:
        self.session = session
        self.material_ids: list[int] = []
        self.rows: list[dict[str, Any]] = []

    def replace(self, material_id: int, rows: list[dict[str, Any]]) -> None:
        self.material_ids.append(material_id)
        self.rows.extend(rows)
        if len(self.material_ids) >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        if self.material_ids:
            self.session.execute(delete(FindingRecord).where(FindingRecord.material_id.in_(self.material_ids),
                                                             FindingRecord.scope == "file"))
            _insert(self.session, self.rows)
        self.material_ids, self.rows = [], []


@dataclass(frozen=True)
class _FileJob:
    group_id: int
    material_id: int
    facts: FileFacts
    standards: tuple[Standard, ...]
    key: str


PARALLEL_FROM = 200  # files; below this, starting worker processes costs more than it saves


def _plan_file(
    batch: _FileBatch, group: Group, material: Material, items: list[str], standards_by_code: dict[str, Standard],
    basis: str, states: _States, report: CheckReport,
) -> _FileJob | None:
    """What to do for one file: nothing (unchanged), clear its findings (gone), or check it."""
    subject = str(material.id)
    if material.status != "present" or not material.sha256:
        if states.known(group.id, "file", subject):
            batch.replace(material.id, [])
            states.put(group.id, "file", subject, "", None)
        return None
    facts = facts_of(material, group.code, items)
    standards = tuple(standards_by_code[code] for code in items if code in standards_by_code)
    windows = [s.requirement.window if s.requirement else None for s in standards]
    key = _key(basis, facts.sha256, facts.rel_path, facts.size, facts.format, facts.item_codes, windows)
    if states.key(group.id, "file", subject) == key:
        report.files_unchanged += 1
        return None
    return _FileJob(group.id, material.id, facts, standards, key)


def _run_file_jobs(
    jobs: list[_FileJob], cache: ExtractionCache, settings: WorkspaceSettings, config: RuleConfig,
    cancel: CancelToken,
) -> Iterator[tuple[_FileJob, FileResult]]:
    if not jobs:
        return
    from review.checking.rules.runner import check_cached_file

    cache_dir = str(cache.folder)
    workers = min(2, os.cpu_count() or 1)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for job in jobs:
            if cancel.cancelled:
                return
            yield job, check_cached_file(cache_dir, settings, config, job.facts, job.standards)
        return
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            try:  # the workers start here
                results = pool.map(check_cached_file, repeat(cache_dir), repeat(settings), repeat(config),
                                   [j.facts for j in jobs], [j.standards for j in jobs], chunksize=25)
            except OSError as exc:
                raise BrokenProcessPool(str(exc)) from exc
            for job, result in zip(jobs, results, strict=True):
                if cancel.cancelled:
                    pool.shutdown(cancel_futures=True)
                    return
                yield job, result
    except BrokenProcessPool as exc:
        raise UserError("无法启动或维持检查用的后台进程（内存或进程数不足，或程序安装不完整）。"
                        "请关闭其他程序释放内存后重试；已完成的检查已保存，再次运行 check 即可继续。") from exc


def _apply_file(batch: _FileBatch, job: _FileJob, result: FileResult, states: _States, report: CheckReport) -> None:
    if result is None:
        report.files_not_extracted += 1
        report.not_extracted.append(job.facts.path)
        return
    findings, signature = result
    batch.replace(job.material_id, [_row(f, job.group_id, job.material_id, "file") for f in findings])
    states.put(job.group_id, "file", str(job.material_id), job.key, signature)
    report.files_checked += 1


def _check_standards(
    session: Session, group: Group, manual: Manual, materials: list[Material], items: dict[int, list[str]],
    settings: WorkspaceSettings, config: RuleConfig, basis: str, cache: ExtractionCache, states: _States,
    extractions: dict[str, Extraction], report: CheckReport,
) -> None:
    present = [m for m in materials if m.status == "present" and m.sha256]
    by_code: dict[str, list[Material]] = {}
    for material in present:
        for code in items.get(material.id, []):
            by_code.setdefault(code, []).append(material)
    owned = [s for s in (manual.standard(c) for c in group_standard_codes(session, group, manual)) if s is not None]
    # The group's standards are an input of each one's check: a file is judged against them (MR-KEY-002).
    vocabulary = Vocabulary(owned)
    for standard in owned:
        code = standard.code
        mapped = by_code.get(code, [])
        facts = [facts_of(m, group.code, items.get(m.id, [])) for m in mapped]
        # Whether each file's text is available is an input too: a file extracted later is counted then.
        key = _key(basis, code, standard_body(standard), vocabulary.key,
                   [(f.sha256, f.rel_path, f.format, f.item_codes, f.sha256 in cache) for f in facts])
        if states.key(group.id, "requirement", code) == key:
            report.standards_unchanged += 1
            continue
        from review.checking.rules.runner import check_standard

        pairs = []
        for f in facts:
            extraction = _load(cache, f.sha256, extractions)
            if extraction is not None:
                pairs.append((f, extraction))
        findings = check_standard(standard, pairs, settings, config, vocabulary)
        session.execute(delete(FindingRecord).where(FindingRecord.group_id == group.id,
                                                    FindingRecord.scope == "requirement",
                                                    FindingRecord.item_code == code))
        by_path = {m.path: m.id for m in mapped}
        _insert(session, [_row(f, group.id, by_path.get(f.file), "requirement") for f in findings])
        states.put(group.id, "requirement", code, key)
        report.standards_checked += 1


def _check_duplicates(
    session: Session, config: RuleConfig, basis: str, states: _States, items: dict[int, list[str]],
    report: CheckReport,
) -> None:
    """City-wide: identical bytes and near-identical text across every group's present files.

    Whether anything changed is told from columns and the files' check keys (a file's signatures
    follow from what its key covers); the files' facts and signatures are read only when it did."""
    rows = session.execute(
        select(Material.id, Material.path, Material.rel_path, Material.size, Material.sha256, Material.format,
               Group.id, Group.code).join(Group, Material.group_id == Group.id)
        .where(Material.status == "present", Material.sha256.is_not(None)).order_by(Material.id)
    ).all()
    if not rows:
        return
    anchor = rows[0][6]
    key = _key(basis, [(path, sha, code, sorted(items.get(mid, [])), states.key(gid, "file", str(mid)))
                       for mid, path, _rel, _size, sha, _fmt, gid, code in rows])
    if states.key(anchor, "duplicates", "*") == key:
        return
    docs = []
    for mid, path, rel, size, sha, fmt, gid, code in rows:
        signature = FileSignature.from_json(states.signature(gid, "file", str(mid)))
        facts = FileFacts.of(path, rel, size, sha, fmt or "", code, sorted(items.get(mid, [])))
        docs.append((facts, signature, gid, mid))
    from review.checking.rules.duplicates import find_duplicates_by_signature

    findings = find_duplicates_by_signature([(f, s) for f, s, _, _ in docs], config)
    where = {f.path: (gid, mid) for f, _, gid, mid in docs}
    session.execute(delete(FindingRecord).where(FindingRecord.scope == "duplicate"))
    _insert(session, [_row(f, *where[f.file], "duplicate") for f in findings])
    states.put(anchor, "duplicates", "*", key)
