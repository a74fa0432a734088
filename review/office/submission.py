"""The final submission (最终申报材料): one folder tree in manual order, optionally zipped.

Layout::

    OUT/
      manifest.json                       every file with size and SHA-256, groups, sign-off versions
      申报材料清单.docx  审核签字表.docx  问题清单.docx
      01 Ⅰ-1 思想道德建设/
        01 Ⅲ-1 健全学习制度/
          01 Ⅲ-1-1) 制定具体学习计划及实施方案/
            Ⅲ-1-1)-宣传组-01-学习计划.docx   (the workspace's `submission_name_pattern`)

Folders carry their position in the manual first, so every file manager lists them in manual
order. Names follow `review.workspace.submission_names` (forbidden characters, reserved names, length,
collisions); folder names are kept to 40 characters for Windows' path limit.

Which material goes in — the rule: only groups whose signature is 有效 are copied, and every byte
is checked against the signed SHA-256 while copying. If any group that supplies files is
未签字, 已失效 or 签名无效, the export is refused with the list of those groups; with
`allow_stale=True` it goes ahead without them and lists them in the manifest and the report.

All or nothing: everything is written into a hidden temporary folder (and zip) next to OUT and
renamed at the end; a refusal, an error or a cancel leaves nothing behind.

Files this PC never read (e.g. from imported packages) are read first, for their pages and dates in
the material list, through the scan's worker pool: a file that hangs or crashes its reader is
listed in the report's `unreadable` and the export goes on without its pages and date.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from index.pool import WORKER_FAILURES
from index.scanner import sha256_file
from review.errors import UserError
from review.intake.scan import extraction_cache, extraction_pool
from review.manual.model import Manual
from review.manual.store import current_manual
from review.office.consolidation import (
    ConsolidatedView,
    CoveredFile,
    GroupView,
    consolidated_view,
    with_page_counts,
)
from review.office.reports.issues_list import write_issues_list
from review.office.reports.material_list import write_material_list
from review.office.reports.signoff_sheet import write_signoff_sheet
from review.progress import CancelToken, Progress, ProgressMeter
from review.workspace.audit import record
from review.workspace.db.base import utcnow
from review.workspace.folder import Workspace
from review.workspace.permissions import Actor, require
from review.workspace.settings import WorkspaceSettings
from review.workspace.submission_names import check_pattern, file_name, folder_name, unique_name

SUBMISSION_FORMAT = "materials-review-submission"
SUBMISSION_VERSION = 1
MANIFEST_NAME = "manifest.json"
MATERIAL_LIST, SIGNOFF_SHEET, ISSUES_LIST = "申报材料清单.docx", "审核签字表.docx", "问题清单.docx"
REPORT_FILES = (MATERIAL_LIST, SIGNOFF_SHEET, ISSUES_LIST)
CHUNK = 1024 * 1024
# Folder names are cut shorter than file names so that three folders and a file stay well inside
# Windows' 260-character path limit on the evaluators' PCs (3 × 40 + 80 + a short target folder).
MAX_FOLDER_NAME = 40


@dataclass(frozen=True)
class PlannedFile:
    """One file of the submission: where it comes from and its name in the tree."""

    path: str  # posix, relative to the submission folder
    item: str
    file: CoveredFile

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.file.size, "sha256": self.file.sha256, "item": self.item,
                "group": self.file.group, "source": self.file.path, "pages": self.file.pages, "date": self.file.date}


@dataclass
class SubmissionReport:
    folder: Path
    zip_path: Path | None
    files: list[PlannedFile]
    groups: list[str]
    skipped: list[dict[str, str]] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    covered_twice: list[str] = field(default_factory=list)
    # Files whose reading failed in its worker (hung, crashed, out of memory): group, path, code, message.
    unreadable: list[dict[str, str]] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(f.file.size for f in self.files)

    def summary(self) -> str:
        text = (f"已导出最终申报材料到 {self.folder}：{len(self.files)} 个文件，"
                f"{len(self.groups)} 个工作组，共 {self.total_bytes} 字节。")
        if self.zip_path is not None:
            text += f"压缩包：{self.zip_path}。"
        return text

    def to_json(self) -> dict[str, Any]:
        return {"folder": str(self.folder), "zip": str(self.zip_path) if self.zip_path else None,
                "files": [f.to_json() for f in self.files], "groups": self.groups, "skipped": self.skipped,
                "uncovered": self.uncovered, "covered_twice": self.covered_twice, "unreadable": self.unreadable,
                "total_bytes": self.total_bytes}


def blocked_groups(view: ConsolidatedView) -> list[GroupView]:
    """Groups that supply files without a valid signature (未签字, 已失效, 签名无效)."""
    return [g for g in view.groups if g.files and g.state != "valid"]


def included_groups(view: ConsolidatedView, allow_stale: bool) -> tuple[list[GroupView], list[dict[str, str]]]:
    """The groups whose files go in, and those left out (or UserError when any is not signed and valid)."""
    blocked = blocked_groups(view)
    if blocked and not allow_stale:
        listed = "；".join(f"{g.code} {g.name}（{g.state_name}{'：' + g.problem if g.problem else ''}）"
                          for g in blocked)
        raise UserError(f"以下工作组的材料未签字或签字已失效，不能导出最终申报材料：{listed}。"
                        "请相关组长重新审核签字（或重新导入材料包）后再导出；"
                        "如确需先导出其余工作组，请加 --allow-stale，这些工作组将不被纳入并在清单中注明。")
    skipped = [{"group": g.code, "name": g.name, "state": g.state, "state_name": g.state_name, "problem": g.problem}
               for g in blocked]
    included = [g for g in view.groups if g.files and g.state == "valid"]
    if not included:
        raise UserError("没有任何工作组有已签字且有效的材料，无可导出。请先让各组组长签字，或导入各组的材料包。")
    return included, skipped


def plan_files(view: ConsolidatedView, manual: Manual, groups: list[GroupView],
               settings: WorkspaceSettings) -> list[PlannedFile]:
    """Every file's place in the tree, in manual order, with names that are safe and unique."""
    pattern = check_pattern(settings.submission_name_pattern)
    limit = settings.max_filename_length
    folder_limit = min(limit, MAX_FOLDER_NAME)
    chosen = {g.code for g in groups}
    names = {g.code: g.name for g in groups}
    items = {i.code: i for i in view.items}
    planned: list[PlannedFile] = []
    width = max(2, len(str(max((len(p.indicators) for p in manual.projects), default=0))),
                len(str(len(manual.projects))))
    for p_index, project in enumerate(manual.projects, start=1):
        contents = [c for i in project.indicators for c in i.contents]
        for c_index, content in enumerate(contents, start=1):
            for s_index, standard in enumerate(content.standards, start=1):
                item = items.get(standard.code)
                files = sorted((f for f in (item.files if item else []) if f.group in chosen),
                               key=lambda f: (f.group, f.path))
                if not files:
                    continue
                folder = "/".join((folder_name(p_index, width, project.code, project.title, folder_limit),
                                   folder_name(c_index, max(width, len(str(len(contents)))), content.code,
                                               content.title, folder_limit),
                                   folder_name(s_index, max(width, len(str(len(content.standards)))), standard.code,
                                               standard.title, folder_limit)))
                taken: set[str] = set()
                for seq, file in enumerate(files, start=1):
                    original = PurePosixPath(file.path)
                    fields = {"code": standard.code, "item": standard.title, "group": names[file.group],
                              "group_code": file.group, "seq": f"{seq:0{max(2, len(str(len(files))))}d}",
                              "title": original.stem, "ext": original.suffix.lower()}
                    name = unique_name(file_name(pattern, fields, limit), taken, limit)
                    planned.append(PlannedFile(f"{folder}/{name}", standard.code, file))
    return planned


def platform_problems(planned: list[PlannedFile], settings: WorkspaceSettings) -> list[str]:
    """The platform's limits the planned files break: size and format (names are made to fit by
    `plan_files`). Each problem names the group and the file and says what to do."""
    limit_mb = settings.max_file_mb
    allowed = {f.lower().lstrip(".") for f in settings.allowed_formats}
    problems = []
    for entry in planned:
        file = entry.file
        where = f"工作组 {file.group} 的 {file.path}"
        if file.size > limit_mb * 1024 * 1024:
            problems.append(f"{where}：文件大小 {file.size / 1024 / 1024:.1f} MB，超过平台限制 {limit_mb} MB。"
                            "请压缩或拆分后由组长重新签字。")
        extension = PurePosixPath(file.path).suffix.lower().lstrip(".")
        if extension not in allowed:
            shown = f".{extension}" if extension else "（无扩展名）"
            problems.append(f"{where}：格式 {shown} 平台不接受（允许 {'、'.join(sorted(allowed))}）。"
                            "请另存为允许的格式后由组长重新签字。")
    return problems


@dataclass
class SubmissionCheck:
    """What an export would hold now, and what stops it; nothing is read or written but the database."""

    blockers: list[str]  # one line each: what blocks the export and what to do
    left_out: list[dict[str, str]]  # groups not signed and valid, left out because the office chose so
    groups: list[str]
    files: int
    total_bytes: int
    uncovered: list[str]
    covered_twice: list[str]

    @property
    def ready(self) -> bool:
        return not self.blockers


def check_submission(workspace: Workspace, actor: Actor, *, allow_stale: bool = False) -> SubmissionCheck:
    """The rules `export_submission` enforces, checked before it runs, every problem listed: groups
    whose signature is not valid (unless `allow_stale` leaves them out) and files the platform
    would not accept."""
    require(actor, "submission.export")
    view = consolidated_view(workspace)
    with workspace.session() as session:
        manual = current_manual(session)
    if manual is None:
        raise UserError("工作区还没有载入操作手册，无法导出。")
    blocked = blocked_groups(view)
    blockers = [] if allow_stale else [
        f"工作组 {g.code} {g.name}：{g.state_name}{'（' + g.problem + '）' if g.problem else ''}。"
        "请组长审核并签字，或导入该组最新的材料包。" for g in blocked]
    included = [g for g in view.groups if g.files and g.state == "valid"]
    if not included:
        blockers.append("没有任何工作组有已签字且有效的材料。请先让各组组长签字，或导入各组的材料包。")
    settings = workspace.settings()
    planned = plan_files(view, manual, included, settings)
    blockers += platform_problems(planned, settings)
    left_out = [{"group": g.code, "name": g.name, "state_name": g.state_name, "problem": g.problem}
                for g in blocked] if allow_stale else []
    return SubmissionCheck(blockers, left_out, [g.code for g in included], len(planned),
                           sum(p.file.size for p in planned), [i.code for i in view.uncovered],
                           [i.code for i in view.covered_twice])


def export_submission(workspace: Workspace, actor: Actor, out: Path, *, zip: bool = False,
                      allow_stale: bool = False, progress: Progress | None = None,
                      cancel: CancelToken | None = None) -> SubmissionReport:
    """Build the submission folder OUT (and OUT.zip); see the module docstring for the rules."""
    require(actor, "submission.export")
    out = Path(out)
    if out.suffix.lower() == ".zip":  # “submission export E:/申报材料.zip”: the folder beside it, and the zip
        out, zip = out.with_suffix(""), True
    zip_path = out.with_name(out.name + ".zip") if zip else None
    for target in (out, zip_path):
        if target is not None and target.exists():
            raise UserError(f"{target} 已存在。请换一个名字，或先把原有的移走，以免覆盖。")
    view = consolidated_view(workspace)
    with workspace.session() as session:
        manual = current_manual(session)
    if manual is None:
        raise UserError("工作区还没有载入操作手册，无法导出。")
    groups, skipped = included_groups(view, allow_stale)
    looked_at, unreadable = _extract_uncached(workspace, groups, progress, cancel)
    if looked_at:
        view = consolidated_view(workspace)
        groups, skipped = included_groups(view, allow_stale)
    settings = workspace.settings()
    planned = plan_files(view, manual, groups, settings)
    problems = platform_problems(planned, settings)
    if problems:
        raise UserError("以下文件不符合平台规则，不能导出最终申报材料：" + "；".join(problems))
    report = SubmissionReport(out, zip_path, planned, [g.code for g in groups], skipped,
                              [i.code for i in view.uncovered], [i.code for i in view.covered_twice], unreadable)
    created = _missing_ancestors(out.parent)
    staging: Path | None = None
    finished: Path | None = None
    zip_part = zip_path.with_name(f".{zip_path.name}.part") if zip_path else None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
        meter = ProgressMeter(progress, "export", len(planned) + len(REPORT_FILES) + (1 if zip_path else 0))
        for entry in planned:
            if cancel is not None and cancel.cancelled:
                raise UserError("已取消导出最终申报材料，没有留下任何文件。")
            _copy_checked(entry, staging / entry.path)
            meter.step(entry.path)
        reports = _write_reports(with_page_counts(view, workspace), staging, {g.code for g in groups}, planned)
        meter.step("报表", count=len(REPORT_FILES))
        _write_manifest(staging, view, actor, groups, skipped, planned, reports)
        if zip_path is not None and zip_part is not None:
            _zip_folder(staging, zip_part, out.name)
            meter.step(zip_path.name)
        staging.rename(out)
        staging, finished = None, out
        if zip_path is not None and zip_part is not None:
            os.replace(zip_part, zip_path)
    except OSError as exc:
        _discard(staging or finished, zip_part, created)
        raise UserError(f"无法写入最终申报材料 {out}：{exc.strerror}。请检查目标磁盘是否可写、空间是否足够。") from exc
    except BaseException:
        _discard(staging or finished, zip_part, created)
        raise
    with workspace.session() as session:
        record(session, actor=actor.name, action="submission.export", target=str(out),
               details={"files": len(planned), "groups": report.groups, "skipped": [s["group"] for s in skipped],
                        "zip": str(zip_path) if zip_path else None})
    return report


def _extract_uncached(workspace: Workspace, groups: list[GroupView], progress: Progress | None,
                      cancel: CancelToken | None) -> tuple[bool, list[dict[str, str]]]:
    """Extract (without OCR) the files this PC never read, e.g. from imported packages, so that the
    material list can give their pages and dates: in the scan's worker pool, whose workers write
    the results into the extraction cache. Files whose bytes are not the signed ones are left
    alone: the copy refuses them later. Returns whether anything was looked at (the cache may have
    changed), and the files whose reading failed in the pool (hung, crashed, out of memory)."""
    cache = extraction_cache(workspace)
    todo = [f for g in groups for f in g.files if f.pages is None and f.sha256 not in cache]
    meter = ProgressMeter(progress, "extract", len(todo))
    signed: dict[str, list[CoveredFile]] = {}  # by SHA-256: the same bytes are read once
    for file in todo:
        _stop_if_cancelled(cancel)
        if file.source.is_file() and sha256_file(file.source) == file.sha256:
            signed.setdefault(file.sha256, []).append(file)
        else:
            meter.step(file.path)
    unreadable: list[dict[str, str]] = []
    if signed:
        pool = extraction_pool(cache)
        jobs = ((files[0].source, sha) for sha, files in signed.items())
        with closing(pool.submit_many(jobs)) as results:
            for (_source, sha), extraction in results:
                failures = [p for p in extraction.problems if p.code in WORKER_FAILURES]
                for file in signed[sha]:
                    unreadable.extend({"group": file.group, "path": file.path, "code": p.code, "message": p.message}
                                      for p in failures)
                    meter.step(file.path)
                if cancel is not None and cancel.cancelled:
                    break
    _stop_if_cancelled(cancel)
    return bool(todo), sorted(unreadable, key=lambda u: (u["group"], u["path"]))


def _stop_if_cancelled(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise UserError("已取消导出最终申报材料，没有留下任何文件。")


def _copy_checked(entry: PlannedFile, target: Path) -> None:
    """Copy while hashing; the bytes must be exactly the signed ones."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    try:
        with entry.file.source.open("rb") as src, target.open("xb") as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
    except FileNotFoundError as exc:
        raise UserError(f"找不到工作组 {entry.file.group} 已签字的文件 {entry.file.source}。"
                        "请重新扫描或重新导入该组材料包，组长重新签字后再导出。") from exc
    if digest.hexdigest() != entry.file.sha256:
        raise UserError(f"工作组 {entry.file.group} 的文件 {entry.file.source} 在签字后被改动过（SHA-256 与签字清单不符）。"
                        "请重新扫描，组长重新审核签字后再导出。")


def _write_reports(view: ConsolidatedView, folder: Path, groups: set[str],
                   planned: list[PlannedFile]) -> list[dict[str, Any]]:
    names = {(p.file.group, p.item, p.file.path): PurePosixPath(p.path).name for p in planned}
    paths = (write_material_list(view, folder / MATERIAL_LIST, groups=groups, names=names),
             write_signoff_sheet(view, folder / SIGNOFF_SHEET, groups=groups),
             write_issues_list(view, folder / ISSUES_LIST, groups=groups))
    out = []
    for path in paths:
        data = path.read_bytes()
        out.append({"path": path.name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    return out


def _write_manifest(folder: Path, view: ConsolidatedView, actor: Actor, groups: list[GroupView],
                    skipped: list[dict[str, str]], planned: list[PlannedFile], reports: list[dict[str, Any]]) -> None:
    document = {
        "format": SUBMISSION_FORMAT, "format_version": SUBMISSION_VERSION, "city": view.city,
        "manual": {"title": view.manual_title, "edition": view.manual_edition},
        "created_at": utcnow().isoformat(timespec="seconds"), "created_by": actor.name,
        "groups": [{"code": g.code, "name": g.name, "source": g.source, "version": g.version,
                    "signed_at": g.signed_at, "leader": g.leader, "fingerprint": g.fingerprint,
                    "package_sha256": g.package_sha256} for g in groups],
        "skipped": skipped,
        "uncovered": [i.code for i in view.uncovered],
        "covered_twice": [{"code": i.code, "groups": i.groups} for i in view.covered_twice],
        "files": [p.to_json() for p in planned],
        "reports": reports,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def _zip_folder(folder: Path, target: Path, top: str) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(folder).as_posix()}")


def _missing_ancestors(folder: Path) -> Path | None:
    """The outermost folder of `folder`'s chain that does not exist yet (to remove on failure)."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing = candidate
    return missing


def _discard(folder: Path | None, zip_part: Path | None, created: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    if zip_part is not None:
        zip_part.unlink(missing_ok=True)
    if created is not None:
        shutil.rmtree(created, ignore_errors=True)
