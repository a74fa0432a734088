"""Scanning a group's materials into the workspace: walk, fingerprint, extract, index, map by name.

The scan is incremental and safe to interrupt:

1. walk the given folders and files (only `stat`);
2. hash what is new or whose size or modification time changed;
3. record every file in one transaction: new files, changed files, files that moved (same
   SHA-256, old path gone — they keep their mappings and decisions) and files that disappeared
   (marked missing, never forgotten); new files are mapped by the naming convention;
4. extract the bytes not yet in the extraction cache, in worker processes, streaming each result
   into the cache and the full-text index while the next files are still being extracted;
5. commit the index, then record which SHA-256 each material has in the index.

A crash or a cancel between steps leaves a consistent workspace: the next scan finds the cache
and index entries that are missing and completes them. The same holds when `cache/` or
`search-index/` are lost or damaged: the index is rebuilt from what the cache still has, and the
files the cache or the index lack are extracted again.
"""
from __future__ import annotations

import atexit
import logging
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Row, delete, select
from sqlalchemy.orm import Session

from index.cache import ExtractionCache
from index.document import Extraction
from index.limits import Limits
from index.scanner import FileStat, Skipped, file_name, sha256_file, stat_file, walk
from review.changes import Changes
from review.checking.engine import group_up_to_date, run_checks
from review.errors import UserError
from review.intake.mapping import CodeMatcher
from review.intake.search import SearchService, search_doc
from review.manual.store import current_manual
from review.progress import CancelToken, Progress, ProgressMeter
from review.workspace.audit import record
from review.workspace.db.base import utcnow
from review.workspace.db.models import CheckState, Group, Mapping, Material, OcrQueueEntry
from review.workspace.folder import Workspace
from review.workspace.groups import get_group
from review.workspace.locking import Waiting, group_scope, operation_lock
from review.workspace.permissions import Actor, require

if TYPE_CHECKING:
    from index.pool import ExtractorPool
    from review.checking.engine import CheckReport

# The worker pool (psutil) and OCR (PyMuPDF, Pillow) are imported where files are read: an unchanged
# re-scan reads none and should start as fast as the command line does.

log = logging.getLogger(__name__)

BATCH = 200


@dataclass
class ScanProblem:
    path: str
    code: str
    message: str


@dataclass
class ScanReport:
    group: str
    roots: list[str]
    found: int = 0
    unchanged: int = 0
    new: int = 0
    changed: int = 0
    moved: int = 0
    missing: int = 0
    extracted: int = 0
    from_cache: int = 0
    indexed: int = 0
    ocr_files: int = 0
    ocr_waiting: int = 0  # files of the group outside this scan whose pages still wait for OCR
    checks: CheckReport | None = None
    checks_skipped: bool = False  # nothing changed and the rules are the same: the findings stand
    mapped_by_name: int = 0
    cancelled: bool = False
    elapsed_s: float = 0.0
    problems: list[ScanProblem] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"工作组 {self.group}：共 {self.found} 个文件，新增 {self.new}、已变更 {self.changed}、"
                f"移动或改名 {self.moved}、未变 {self.unchanged}、找不到 {self.missing}；提取 {self.extracted} 个"
                f"（另有 {self.from_cache} 个取自缓存），按文件名归类 {self.mapped_by_name} 个；"
                f"{f'文字识别 {self.ocr_files} 个；' if self.ocr_files else ''}用时 {self.elapsed_s:.1f} 秒。")
        if self.ocr_waiting:
            text += f"本组另有 {self.ocr_waiting} 个以前扫描的文件等待文字识别，将单独进行。"
        if self.checks is not None:
            text += self.checks.summary()
        elif self.checks_skipped:
            text += "文件无变化，规则和设置也未变，沿用上次的检查结果。"
        if self.cancelled:
            text += "扫描已取消，已完成的部分已保存，再次扫描即可继续。"
        return text

    @property
    def changed_nothing(self) -> bool:
        """Whether the scan changed no input of the checks: no file added, changed, moved or gone, no text
        extracted, indexed or read by OCR."""
        return not (self.new or self.changed or self.moved or self.missing or self.extracted or self.indexed
                    or self.ocr_files)

    @property
    def changes(self) -> Changes:
        """A scan may change any of the group's files, and so any of its standards and its sign-off."""
        return Changes(self.group, every_standard=True, files=True, signoff=True)

    def to_json(self) -> dict[str, object]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("problems", "checks")}
        data["checks"] = self.checks.summary() if self.checks else None
        data["problems"] = [{"path": p.path, "code": p.code, "message": p.message} for p in self.problems]
        return data


def extraction_cache(workspace: Workspace) -> ExtractionCache:
    return ExtractionCache(workspace.paths.cache)


# What the workers of `extraction_pool` and of the OCR pass run on each file: the extraction and the
# measurements the checks will need (review.intake.measured_extraction), within these budgets
# (tests plug in a misbehaving extractor and shorter limits here).
MEASURED_EXTRACTOR = "review.intake.measured_extraction:extract_file"
EXTRACTOR: str | None = MEASURED_EXTRACTOR
EXTRACTION_LIMITS = Limits()
_shared: ExtractorPool | None = None
_shared_lock = threading.Lock()


def shared_pool(workers: int, limits: Limits, cache: ExtractionCache,
                extractor: str | None = None) -> ExtractorPool:
    """One long-lived pool per process, so a re-scan does not pay for starting worker processes.

    Its workers write what they extract into the workspace's cache themselves."""
    from index.pool import DEFAULT_EXTRACTOR, ExtractorPool

    global _shared
    extractor = extractor or DEFAULT_EXTRACTOR
    with _shared_lock:
        if _shared is not None and (_shared.size != workers or _shared.limits != limits
                                    or _shared.cache_dir != str(cache.folder) or _shared.extractor != extractor):
            _shared.close()
            _shared = None
        if _shared is None:
            _shared = ExtractorPool(workers=workers, limits=limits, cache_dir=cache.folder, store=True,
                                    extractor=extractor)
            atexit.register(_shared.close)
        return _shared


def extraction_pool(cache: ExtractionCache, workers: int | None = None) -> ExtractorPool:
    """The one way users' files are read (a scan, a re-scan, the office's submission export): in the
    shared worker processes, each file within a time and memory limit, so that a file that hangs or
    crashes its reader becomes a problem and the run goes on. Results go into `cache`."""
    return shared_pool(workers or max(1, min(2, os.cpu_count() or 1)), EXTRACTION_LIMITS, cache, EXTRACTOR)


def close_shared_pool() -> None:
    global _shared
    with _shared_lock:
        if _shared is not None:
            _shared.close()
            _shared = None


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def scan(
    workspace: Workspace,
    actor: Actor,
    group_code: str,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
    ocr: bool | None = None,
    check: bool = True,
    rehash: bool = False,
    wait: Waiting | None = None,
) -> ScanReport:
    """Scan folders and files for a group; see the module docstring for the steps.

    `ocr` (default: the workspace setting) runs offline OCR on pages without text; `check` then
    brings the group's findings up to date (only what changed is checked again); `rehash` hashes
    every file again instead of trusting an unchanged size and modification time, and reads every
    cache entry instead of trusting that it exists. Another scan or sign-off of the group running at
    the same time is refused (`WorkspaceBusy`), or waited for with `wait`.
    """
    require(actor, "scan", group_code)
    with operation_lock(workspace, group_scope(group_code), f"扫描工作组 {group_code}", actor.name, wait), \
            _worker_failure_told():
        return _scan(workspace, actor, group_code, paths, progress, cancel, workers, ocr, check, rehash)


def _scan(workspace: Workspace, actor: Actor, group_code: str, paths: Sequence[Path], progress: Progress | None,
          cancel: CancelToken | None, workers: int | None, ocr: bool | None, check: bool,
          rehash: bool) -> ScanReport:
    cancel = cancel or CancelToken()
    started = time.monotonic()
    missing_inputs = [str(p) for p in paths if not Path(p).exists()]
    if missing_inputs:
        raise UserError(f"找不到要扫描的文件或文件夹：{'、'.join(missing_inputs)}。请检查路径是否正确、U 盘是否已插好。")
    roots = [os.path.abspath(p) for p in paths]
    report = ScanReport(group=group_code, roots=roots)
    cache = extraction_cache(workspace)
    settings = workspace.settings()

    walk_meter = ProgressMeter(progress, "walk", 0)
    stats: list[FileStat] = []
    for st in walk((Path(p) for p in paths), lambda s: report.problems.append(_skipped_problem(s))):
        stats.append(st)
        walk_meter.step(st.path)
        if cancel.cancelled:
            report.cancelled = True
            return _finish(report, started)
    report.found = len(stats)

    with workspace.session() as session:
        group = get_group(session, group_code)
        existing: dict[str, _Stored] = {row.path: row for row in session.execute(
            select(Material.path, Material.status, Material.sha256, Material.size, Material.mtime_ns,
                   Material.indexed_sha256).where(Material.group_id == group.id))}
        to_hash = [
            st for st in stats
            if rehash or not _unchanged(existing.get(st.path), st, cache)
        ]
    report.unchanged = len(stats) - len(to_hash)
    seen = {st.path for st in stats}
    anything_to_record = bool(to_hash) or any(_gone(row, seen, roots) for row in existing.values())

    hashes = _hash_all(to_hash, report, progress, cancel)
    if cancel.cancelled:
        report.cancelled = True
        return _finish(report, started)

    with workspace.session() as session:
        if anything_to_record:  # an unchanged re-scan records only that it ran
            group = get_group(session, group_code)
            manual = current_manual(session)
            matcher = CodeMatcher(manual, settings.code_patterns) if manual else None
            _record_files(session, group, stats, to_hash, hashes, roots, matcher, report)
        record(session, actor=actor.name, action="scan", target=group_code,
               details={"roots": roots, "new": report.new, "changed": report.changed, "moved": report.moved,
                        "missing": report.missing})

    real_paths = {st.path: st.real for st in stats}
    _extract_and_index(workspace, group_code, cache, real_paths, report, progress, cancel, workers,
                       verify_cache=rehash)
    if (settings.ocr_enabled if ocr is None else ocr) and not cancel.cancelled:
        run_ocr(workspace, group_code, cache, real_paths, report, progress, cancel, only=set(real_paths))
    report.ocr_waiting = len(ocr_queue(workspace, group_code, exclude=set(real_paths)))
    if check and not cancel.cancelled:
        if report.changed_nothing and group_up_to_date(workspace, group_code):
            report.checks_skipped = True
        else:
            report.checks = run_checks(workspace, group_code=group_code, progress=progress, cancel=cancel)
    return _finish(report, started)


def rescan_known(
    workspace: Workspace,
    actor: Actor,
    group_code: str,
    *,
    rehash: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    wait: Waiting | None = None,
) -> ScanReport:
    """Look again at the files the group already has, without walking folders or running OCR.

    Every file is hashed again when `rehash` is set (what a sign-off, its verification and a
    package export need: the bytes, not the modification time); otherwise only files whose size or
    modification time changed. Changed files are extracted and indexed again, vanished ones are
    marked missing, and the group's findings are brought up to date. The caller checks who may read
    the group; nothing is added, so no permission to scan is needed. Like `scan`, it holds the
    group's lock.
    """
    with operation_lock(workspace, group_scope(group_code), f"核对工作组 {group_code} 的文件", actor.name, wait), \
            _worker_failure_told():
        return _rescan_known(workspace, actor, group_code, rehash, progress, cancel)


def _rescan_known(workspace: Workspace, actor: Actor, group_code: str, rehash: bool, progress: Progress | None,
                  cancel: CancelToken | None) -> ScanReport:
    cancel = cancel or CancelToken()
    started = time.monotonic()
    cache = extraction_cache(workspace)
    report = ScanReport(group=group_code, roots=[])
    with workspace.session() as session:
        group = get_group(session, group_code)
        known = list(session.scalars(select(Material).where(Material.group_id == group.id,
                                                            Material.status == "present")))
        stats: list[FileStat] = []
        for material in known:
            path = Path(material.path)
            stats.extend(stat_file(path, Path(material.root) if material.root else path.parent))
        by_path = {m.path: m for m in known}
        to_hash = [st for st in stats if rehash or not _unchanged(by_path.get(st.path), st, cache)]
    report.found, report.unchanged = len(stats), len(stats) - len(to_hash)
    hashes = _hash_all(to_hash, report, progress, cancel)
    if cancel.cancelled:
        report.cancelled = True
        return _finish(report, started)
    with workspace.session() as session:
        group = get_group(session, group_code)
        _record_files(session, group, stats, to_hash, hashes, [], None, report)
        seen = {st.path for st in stats}
        for material in session.scalars(select(Material).where(Material.group_id == group.id,
                                                               Material.status == "present")):
            if material.path not in seen:
                material.status = "missing"
                report.missing += 1
                report.problems.append(ScanProblem(material.path, "missing", f"文件 {material.path} 已找不到。"
                                                   "如是误删或 U 盘未插好，请放回原处后重新扫描。"))
        if report.changed or report.missing:
            record(session, actor=actor.name, action="scan.verify", target=group_code,
                   details={"changed": report.changed, "missing": report.missing})
    _extract_and_index(workspace, group_code, cache, {st.path: st.real for st in stats}, report, progress, cancel,
                       None, verify_cache=rehash)
    if not cancel.cancelled:

        report.checks = run_checks(workspace, group_code=group_code, progress=progress, cancel=cancel)
    return _finish(report, started)


@contextmanager
def _worker_failure_told() -> Iterator[None]:
    """Worker processes that cannot start end the scan with their Chinese message, not an internal error."""
    try:
        yield
    except RuntimeError as exc:
        from index.pool import WorkerStartError

        if isinstance(exc, WorkerStartError):
            raise UserError(f"{exc}已完成的部分已保存，重新扫描即可继续。") from exc
        raise


def _skipped_problem(skipped: Skipped) -> ScanProblem:
    """A scan note for what the walk left out, naming it and saying what to do."""
    path, target = skipped.path, skipped.target
    message = {
        "unreadable": f"文件夹 {path} 无法读取（权限不足或已损坏），其中的文件未扫描。请检查该文件夹的访问权限后重新扫描。",
        "loop": f"快捷方式（符号链接）{path} 指向自身形成循环，已跳过。请删除该链接。",
        "outside": f"快捷方式（符号链接）{path} 指向扫描文件夹之外的 {target or '不存在的位置'}，已跳过。"
                   "如需报送该材料，请把实际文件复制到材料文件夹中。",
        "link": f"快捷方式（符号链接）{path} 指向 {target}，链接本身不扫描（实际文件在扫描文件夹内时照常扫描）。",
    }[skipped.kind]
    return ScanProblem(path, f"skipped-{skipped.kind}", message)


def _finish(report: ScanReport, started: float) -> ScanReport:
    report.elapsed_s = time.monotonic() - started
    return report


class _Stored(Protocol):
    """What a scan compares a file with: a material, or just those columns of it."""

    path: str
    status: str
    sha256: str | None
    size: int | None
    mtime_ns: int | None
    indexed_sha256: str | None


def _gone(material: _Stored, seen: set[str], roots: Sequence[str]) -> bool:
    """A file that was here before, under the scanned roots, and is not now: moved or missing."""
    return (material.path not in seen and _under(material.path, roots) and material.status != "missing"
            and bool(material.sha256))


def _unchanged(material: _Stored | None, st: FileStat, cache: ExtractionCache) -> bool:
    return (
        material is not None
        and material.status == "present"
        and material.sha256 is not None
        and material.size == st.size
        and material.mtime_ns == st.mtime_ns
        and material.indexed_sha256 == material.sha256
        and material.sha256 in cache
    )


def _hash_all(
    stats: list[FileStat], report: ScanReport, progress: Progress | None, cancel: CancelToken
) -> dict[str, str]:
    """SHA-256 of each file, two threads at a time (hashlib releases the GIL)."""
    meter = ProgressMeter(progress, "hash", len(stats))
    hashes: dict[str, str] = {}

    def one(st: FileStat) -> tuple[FileStat, str | None, str]:
        if cancel.cancelled:
            return st, None, "cancelled"
        try:
            return st, sha256_file(st.real), ""
        except FileNotFoundError:
            return st, None, "vanished"
        except OSError as exc:
            return st, None, exc.strerror or exc.__class__.__name__

    with ThreadPoolExecutor(max_workers=2) as pool:
        for st, digest, error in pool.map(one, stats):
            meter.step(st.path)
            if digest is not None:
                hashes[st.path] = digest
            elif error == "vanished":
                report.problems.append(ScanProblem(st.path, "vanished", f"扫描期间文件 {st.path} 被删除或移走，已跳过。"))
            elif error != "cancelled":
                report.problems.append(ScanProblem(
                    st.path, "unreadable", f"无法读取文件 {st.path}（{error}）。请检查文件权限或是否被其他程序占用。"))
    return hashes


def _record_files(
    session: Session,
    group: Group,
    stats: list[FileStat],
    to_hash: list[FileStat],
    hashes: dict[str, str],
    roots: list[str],
    matcher: CodeMatcher | None,
    report: ScanReport,
) -> None:
    now = utcnow()
    materials = list(session.scalars(select(Material).where(Material.group_id == group.id)))
    by_path = {m.path: m for m in materials}
    seen = {st.path for st in stats}
    gone: dict[str, list[Material]] = {}
    for m in materials:
        if m.sha256 and _gone(m, seen, roots):
            gone.setdefault(m.sha256, []).append(m)

    for st in to_hash:
        digest = hashes.get(st.path)
        if digest is None:
            continue
        material = by_path.get(st.path)
        if material is not None:
            if material.sha256 != digest:
                report.changed += 1
            material.sha256 = digest
        elif gone.get(digest):
            material = gone[digest].pop()
            report.moved += 1
            material.path = st.path
        else:
            material = Material(group_id=group.id, path=st.path, sha256=digest, first_seen=now)
            session.add(material)
            report.new += 1
            if matcher is not None:
                match = matcher.match(st.rel_path)
                if match is not None:
                    material.mappings.append(Mapping(item_code=match.code, source="convention", created_by="命名规则"))
                    report.mapped_by_name += 1
        material.root = st.root
        material.rel_path = st.rel_path
        material.size = st.size
        material.mtime_ns = st.mtime_ns
        material.status = "present"
        material.last_seen = now

    for leftovers in gone.values():
        for material in leftovers:
            material.status = "missing"
            report.missing += 1
            report.problems.append(ScanProblem(
                material.path, "missing", f"文件 {material.path} 已找不到（被删除或移出了扫描的文件夹）。"
                "如是误删，请放回原处后重新扫描；如确需删除，其归类和审核记录会保留供核对。"))
    session.flush()


def _extract_and_index(
    workspace: Workspace,
    group_code: str,
    cache: ExtractionCache,
    real_paths: dict[str, str],
    report: ScanReport,
    progress: Progress | None,
    cancel: CancelToken,
    workers: int | None,
    *,
    verify_cache: bool = False,
) -> None:
    """Extract what the cache lacks and bring the search index up to date, pipelined.

    Both are derived data and may have been lost or damaged since the last scan: a missing or
    broken index is rebuilt from the cache on opening (with progress), and then every present file
    the index lacks, or whose cache entry is gone, is extracted again from the file itself.
    `verify_cache` reads every cache entry of the group (not just `stat`s it), so that a damaged
    one is found and replaced too.
    """
    service = SearchService.open(workspace, progress)
    try:
        with workspace.session() as session:
            group = get_group(session, group_code)
            present = session.execute(  # columns, not objects: on a re-scan there are thousands, nearly all unchanged
                select(Material.id, Material.path, Material.sha256, Material.rel_path, Material.indexed_sha256)
                .where(Material.group_id == group.id, Material.status == "present", Material.sha256.is_not(None))).all()
            in_index = service.index.doc_ids(group_code)
            pending = [m for m in present if _needs_indexing(m, in_index, cache, verify_cache)]
            stale = [str(mid) for mid in session.scalars(
                select(Material.id).where(Material.group_id == group.id, Material.status == "missing",
                                          Material.indexed_sha256.is_not(None)))]
            items = _mapped_codes(session, [m.id for m in pending])
            pending_info = [(m.id, m.path, m.sha256 or "", m.rel_path) for m in pending]
        if not pending_info and not stale:
            return
        _index_pending(workspace, service, group_code, cache, pending_info, items, stale, real_paths, report,
                       progress, cancel, workers)
    finally:
        service.close()


def _needs_indexing(material: Row[tuple[int, str, str | None, str, str | None]], in_index: set[str],
                    cache: ExtractionCache, verify_cache: bool) -> bool:
    sha = material.sha256 or ""
    if material.indexed_sha256 != sha or str(material.id) not in in_index:
        return True
    return cache.get(sha) is None if verify_cache else sha not in cache


def _index_pending(
    workspace: Workspace,
    service: SearchService,
    group_code: str,
    cache: ExtractionCache,
    pending_info: list[tuple[int, str, str, str]],
    items: dict[int, list[str]],
    stale: list[str],
    real_paths: dict[str, str],
    report: ScanReport,
    progress: Progress | None,
    cancel: CancelToken,
    workers: int | None,
) -> None:
    by_sha: dict[str, list[tuple[int, str, str]]] = {}
    for mid, path, sha, rel in pending_info:
        by_sha.setdefault(sha, []).append((mid, path, rel))
    meter = ProgressMeter(progress, "extract", len(pending_info))
    indexed: list[tuple[int, str, str, int]] = []  # (material id, sha, format, pages waiting for OCR)
    to_extract: dict[str, str] = {}
    with service.bulk() as writer:
        if stale:
            writer.remove(stale)

        def index_one(extraction: Extraction) -> None:
            for mid, path, rel in by_sha.get(extraction.sha256, []):
                writer.add(search_doc(mid, path, rel, group_code, items.get(mid, []), extraction))
                indexed.append((mid, extraction.sha256, extraction.format, _ocr_pages(extraction)))
                meter.step(path)

        for sha, holders in by_sha.items():
            cached = cache.get(sha)  # None also when the entry is damaged (it is removed then)
            if cached is not None:
                report.from_cache += 1
                index_one(cached)
            else:
                # Only files this scan looked at: bytes elsewhere may have changed since they were hashed.
                source = next((real_paths[path] for _mid, path, _rel in holders if path in real_paths), None)
                if source is not None:
                    to_extract[sha] = source
            if cancel.cancelled:
                break
        if to_extract and not cancel.cancelled:
            pool = extraction_pool(cache, workers)
            for (_path, _sha), extraction in pool.submit_many((p, s) for s, p in to_extract.items()):
                report.extracted += 1
                index_one(extraction)
                if cancel.cancelled:
                    pool.cancel()
                    break
        meter.step(force=True, count=0)
    report.indexed = len(indexed)
    if cancel.cancelled:
        report.cancelled = True
    _store_index_state(workspace, indexed, stale)


def _mapped_codes(session: Session, material_ids: Iterable[int]) -> dict[int, list[str]]:
    ids = list(material_ids)
    out: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for mid, code in session.execute(select(Mapping.material_id, Mapping.item_code)
                                         .where(Mapping.material_id.in_(chunk))):
            out.setdefault(mid, []).append(code)
    return out


def _store_index_state(workspace: Workspace, indexed: list[tuple[int, str, str, int]], removed: list[str]) -> None:
    """After the index committed: remember which bytes each material has in it, and what awaits OCR."""
    with workspace.session() as session:
        for mid, sha, fmt, ocr_pages in indexed:
            material = session.get(Material, mid)
            if material is not None and material.sha256 == sha:
                material.indexed_sha256 = sha
                material.format = fmt
                _queue_ocr(session, material, ocr_pages)
        for doc_id in removed:
            material = session.get(Material, int(doc_id))
            if material is not None:
                material.indexed_sha256 = None


def ocr_pending(
    workspace: Workspace, actor: Actor, group_code: str, *, formats: set[str] | None = None,
    progress: Progress | None = None, cancel: CancelToken | None = None, check: bool = False,
    wait: Waiting | None = None,
) -> ScanReport:
    """Run OCR on what a group's earlier scans left waiting (optionally only some formats); with
    `check`, the group's findings are then brought up to date, holding the group's lock as a scan does."""
    require(actor, "scan", group_code)
    started = time.monotonic()
    report = ScanReport(group=group_code, roots=[])
    cancel = cancel or CancelToken()
    if not check:
        run_ocr(workspace, group_code, extraction_cache(workspace), {}, report, progress, cancel, formats)
        return _finish(report, started)
    with operation_lock(workspace, group_scope(group_code), f"文字识别工作组 {group_code} 的材料", actor.name, wait), \
            _worker_failure_told():
        run_ocr(workspace, group_code, extraction_cache(workspace), {}, report, progress, cancel, formats)
        if report.ocr_files and not cancel.cancelled:
            report.checks = run_checks(workspace, group_code=group_code, progress=progress, cancel=cancel)
    return _finish(report, started)


OCR_LIMITS = Limits(timeout_s=900)  # a dense page takes about 3 s of CPU; a long scan, minutes


def ocr_queue(workspace: Workspace, group_code: str, exclude: set[str] = frozenset()) -> list[Material]:
    """The group's present files whose current bytes wait for OCR (detached copies), except `exclude`,
    in the order OCR reads them (`ocr_priority`)."""
    with workspace.session() as session:
        group = get_group(session, group_code)
        rows = session.execute(
            select(Material).join(OcrQueueEntry, OcrQueueEntry.material_id == Material.id)
            .where(Material.group_id == group.id, Material.status == "present",
                   Material.sha256 == OcrQueueEntry.sha256).order_by(Material.path)
        ).scalars().all()
        mapped = set(_mapped_codes(session, [m.id for m in rows]))
        session.expunge_all()
    return sorted((m for m in rows if m.path not in exclude), key=lambda m: ocr_priority(m.rel_path, m.id in mapped))


# A 文号 (〔2026〕, [2026], 3号) or the words of a 正式发文's title in a file name.
_OFFICIAL_NAME = re.compile(r"[〔\[［【（(]\s*(?:19|20)\d\d\s*[〕\]］】）)]|\d+\s*号|文件|通知|决定|意见|批复|通报")


def ocr_priority(rel_path: str, mapped: bool) -> tuple[int, int]:
    """Scans likeliest to cost points are read first: a 正式发文 (known by its file name, as a scan
    has no text yet), then files filed under a 测评标准, then the rest (each in path order)."""
    return (0 if _OFFICIAL_NAME.search(file_name("", rel_path)) else 1, 0 if mapped else 1)


def _ocr_pages(extraction: Extraction | None) -> int:
    """How many of the extracted file's pages have no text and wait for OCR."""
    return len(extraction.facts.get("needs_ocr_pages") or []) if extraction is not None else 0


def _queue_ocr(session: Session, material: Material, pages: int) -> None:
    """Put the material's current bytes on the OCR queue with the pages that wait, or take it off (0)."""
    entry = session.get(OcrQueueEntry, material.id)
    sha = material.sha256 or ""
    if pages and entry is None:
        session.add(OcrQueueEntry(material_id=material.id, sha256=sha, pages=pages, queued_at=utcnow()))
    elif pages and entry is not None:
        if entry.sha256 != sha:
            entry.sha256, entry.queued_at = sha, utcnow()
        entry.pages = pages
    elif entry is not None:
        session.delete(entry)


def run_ocr(
    workspace: Workspace,
    group_code: str,
    cache: ExtractionCache,
    real_paths: dict[str, str],
    report: ScanReport,
    progress: Progress | None,
    cancel: CancelToken,
    formats: set[str] | None = None,
    only: set[str] | None = None,
) -> None:
    """Read the pages without text (scans, photos) by OCR, then update cache, index and checks.

    `only` limits it to those paths: a scan reads what it was asked to scan; what earlier scans
    left waiting runs separately (`ocr_pending`), where the user sees and can cancel it.

    Each page image's result is cached by its SHA-256, so no page is ever read twice; a cancelled
    run resumes with the next scan. Without the OCR engine the pages stay listed as pending.
    """

    rows = [m for m in ocr_queue(workspace, group_code)
            if (formats is None or m.format in formats) and (only is None or m.path in only)]
    todo = [(m.id, m.path, m.rel_path, m.sha256 or "") for m in rows]
    with workspace.session() as session:
        items = _mapped_codes(session, [m[0] for m in todo])
    if not todo:
        return
    from index.ocr import ocr_available
    from index.pool import ExtractorPool

    if not ocr_available():
        report.problems.append(ScanProblem(
            "", "ocr_unavailable", f"有 {len(todo)} 个文件含扫描页或图片，本机未安装文字识别（OCR）组件，其中文字暂未读取。"
            "请安装 OCR 组件（materials-review[ocr]）后重新扫描。"))
        return
    meter = ProgressMeter(progress, "ocr", len(todo))
    done: list[tuple[int, str, str]] = []
    close_shared_pool()  # OCR workers are big; the idle extraction workers need not wait beside them
    with ExtractorPool(workers=max(1, min(2, os.cpu_count() or 1, len(todo))), limits=OCR_LIMITS, ocr=True,
                       cache_dir=cache.folder, store=True, extractor=MEASURED_EXTRACTOR) as pool, \
            SearchService.open(workspace) as service, service.bulk() as writer:
        jobs = [(real_paths.get(path, path), sha, mid, path, rel) for mid, path, rel, sha in todo]
        for (_real, sha, mid, path, rel), extraction in pool.submit_many(jobs):
            writer.add(search_doc(mid, path, rel, group_code, items.get(mid, []), extraction))
            done.append((mid, sha, extraction.format))
            report.ocr_files += 1
            meter.step(path)
            if cancel.cancelled:
                pool.cancel()
                break
    with workspace.session() as session:
        for mid, sha, _fmt in done:
            material = session.get(Material, mid)
            if material is None or material.sha256 != sha:
                continue
            _queue_ocr(session, material, _ocr_pages(cache.get(sha)))
            # The text changed: let the checks look at this file and its requirements again.
            session.execute(delete(CheckState).where(
                CheckState.group_id == material.group_id,
                ((CheckState.scope == "file") & (CheckState.subject == str(mid))) | (CheckState.scope == "requirement")))
    if cancel.cancelled:
        report.cancelled = True
