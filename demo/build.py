"""`build_demo`: a complete demo workspace for 北湖市, with materials generated at run time.

The sample manual, six task groups with 牵头/配合
assignments that leave a couple of 材料审核 standards uncovered, about a hundred files of every
format under DIR/materials/<组名>/<条目编号 标题>/, the typical mistakes planted on purpose (listed in
`DemoSummary.mistakes`), a scan of each group's folder and a run of the checks, and finally two accounts
to log in with (demo.accounts): the leader of 宣传组 and the office.

Most of the time goes into reading the scanned documents by OCR and checking the photos. Built with
`finish=False`, the demo stops once every file's text layer is read (seconds) and leaves a marker;
`finish_demo` then does the OCR and the checks, which the desktop program runs in the background
after its window is up.
"""
from __future__ import annotations

import os
import random
import shutil
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, add_demo_accounts
from demo.docx_writer import write_official_docx
from demo.images import write_photo
from demo.pdf_writer import write_official_pdf, write_scanned_pdf
from demo.plan import GROUPS, Assignments, DemoFile, PlantedMistake, plan_demo
from demo.sheets import write_ledger_csv, write_ledger_xlsx
from review.checking.engine import run_checks
from review.errors import UserError
from review.intake.scan import ocr_pending, scan
from review.manual.assignment import assign_items
from review.manual.service import load_manual_into
from review.manual.store import current_manual
from review.progress import CancelToken, Progress, ProgressMeter
from review.workspace.audit import record
from review.workspace.date_window import DateWindow
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.locking import Waiting
from review.workspace.permissions import LOCAL_USER
from review.workspace.settings import WorkspaceSettings

CITY = "北湖市"
YEAR = 2026
START = date(2026, 8, 1)
MATERIALS = "materials"
PDF_PASSWORD = "bh2026"
PHASE = "生成演示材料"
# In the workspace folder while the demo's OCR and checks wait for `finish_demo`.
UNFINISHED = "示例工作区尚未完成文字识别和检查.txt"


@dataclass
class DemoSummary:
    root: Path
    city: str
    window: DateWindow
    groups: dict[str, str]  # code → name
    assignments: Assignments
    files: list[DemoFile]
    mistakes: list[PlantedMistake]
    scans: list[str]  # one summary per scanned group, then (finished) the OCR's and the checks' summaries
    elapsed_s: float
    finished: bool = True

    @property
    def materials(self) -> Path:
        return self.root / MATERIALS

    def path(self, demo_file: DemoFile) -> Path:
        return self.root / demo_file.path

    def lines(self) -> list[str]:
        """The summary a person reads after `materials-review demo DIR`."""
        by_format: dict[str, int] = {}
        for f in self.files:
            by_format[f.format] = by_format.get(f.format, 0) + 1
        formats = "、".join(f"{ext.upper()} {n} 个" for ext, n in sorted(by_format.items()))
        out = [
            f"已生成演示工作区 {self.root}：{self.city} {YEAR} 年，测评开始 {START}，材料时间范围 {self.window.describe()}。",
            f"工作组 {len(self.groups)} 个：" + "、".join(f"{code} {name}" for code, name in self.groups.items()) + "。",
            f"材料 {len(self.files)} 个（{formats}），在 {self.materials}。",
        ]
        if self.assignments.uncovered:
            out.append(f"未分工的测评标准（供文明办查看缺口）：{'、'.join(self.assignments.uncovered)}。")
        out.append(f"有意埋设的常见问题 {len(self.mistakes)} 处：")
        for mistake in self.mistakes:
            where = mistake.path or mistake.item or ""
            out.append(f"  · {mistake.name}：{where}（{mistake.detail}）")
        out.extend(self.scans)
        if not self.finished:
            out.append("扫描件的文字识别和全部检查尚未进行：用桌面程序打开本工作区时会在后台完成，窗口中可看到进度。")
        accounts = "、".join(f"{a.name}（{a.group_name}组长）" if a.group else f"{a.name}（文明办）" for a in DEMO_ACCOUNTS)
        out.append(f"试用账户（密码均为 {DEMO_PASSWORD}）：{accounts}。")
        out.append(f"用时 {self.elapsed_s:.1f} 秒。打开方式：materials-review gui {self.root}")
        return out


def build_demo(target: Path, *, seed: int = 7, progress: Progress | None = None, finish: bool = True) -> DemoSummary:
    """Create the demo workspace in `target`, which must be empty or not exist yet; with `finish=False`
    the OCR and the checks are left to `finish_demo`."""
    started = time.monotonic()
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(f"{target} 已存在且不是空文件夹。演示工作区要建在空文件夹或尚不存在的文件夹中，"
                        "以免与已有文件混在一起；请换一个文件夹，例如 build/demo-workspace。")
    settings = WorkspaceSettings(city=CITY, year=YEAR, start_date=START)
    workspace = Workspace.create(target, settings)
    try:
        load_manual_into(workspace, "sample")
        with workspace.session() as session:
            manual = current_manual(session)
        assert manual is not None
        window = settings.date_window()
        plan = plan_demo(manual, window, CITY, seed)
        _create_groups(workspace, plan.assignments)
        meter = ProgressMeter(progress, PHASE, len(plan.files))
        for demo_file in sorted(plan.files, key=lambda f: f.variant == "copy"):
            write_demo_file(workspace.root, demo_file)
            meter.step(demo_file.path)
        scans = _scan(workspace, progress)
        (workspace.root / UNFINISHED).write_text(
            "用桌面程序打开本工作区时，会在后台对扫描件做文字识别并运行全部检查，完成后本文件自动删除。\n", encoding="utf-8")
        if finish:
            scans += finish_demo(workspace, progress=progress)
        add_demo_accounts(workspace)
    finally:
        workspace.close()
    return DemoSummary(workspace.root, CITY, window, dict(GROUPS), plan.assignments, plan.files, plan.mistakes,
                       scans, time.monotonic() - started, finished=finish)


def unfinished(root: Path) -> bool:
    """Whether the demo workspace in `root` still waits for `finish_demo`."""
    return (Path(root) / UNFINISHED).exists()


def _create_groups(workspace: Workspace, assignments: Assignments) -> None:
    with workspace.session() as session:
        for code, name in GROUPS:
            add_group(session, code, name)
            record(session, actor=LOCAL_USER.name, action="group.add", target=code, details={"name": name})
            for role, items in (("lead", assignments.lead[code]), ("support", assignments.support[code])):
                if items:
                    assign_items(session, code, items, role)
                    record(session, actor=LOCAL_USER.name, action="group.assign", target=code,
                           details={"items": items, "role": role})


def write_demo_file(root: Path, demo_file: DemoFile) -> Path:
    """Write one planned file under `root` and date it like its content."""
    path = root / demo_file.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if demo_file.variant == "copy":
        assert demo_file.source is not None
        shutil.copy2(root / demo_file.source, path)
        return path
    if demo_file.variant == "empty":
        path.write_bytes(b"")
    elif demo_file.photo is not None:
        photo = demo_file.photo
        write_photo(path, rng=random.Random(photo.seed), area=photo.area, caption=photo.caption, taken=photo.taken,
                    size=photo.size)
    else:
        _write_document(path, demo_file)
    stamp = datetime(demo_file.day.year, demo_file.day.month, demo_file.day.day, 17, 30).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def _write_document(path: Path, demo_file: DemoFile) -> None:
    doc = demo_file.doc
    assert doc is not None
    if demo_file.format == "docx":
        write_official_docx(path, doc)
        if demo_file.variant == "truncated":
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])
    elif demo_file.format == "pdf":
        if demo_file.variant == "scan":
            write_scanned_pdf(path, doc)
        else:
            write_official_pdf(path, doc, password=PDF_PASSWORD if demo_file.variant == "encrypted" else None)
    elif demo_file.format == "xlsx":
        write_ledger_xlsx(path, doc)
    elif demo_file.format == "csv":
        write_ledger_csv(path, doc)
    else:
        raise ValueError(f"no writer for {demo_file.format}")


def _scan(workspace: Workspace, progress: Progress | None) -> list[str]:
    """Scan each group's folder for the text the files carry; OCR and checks come in `finish_demo`."""
    summaries = []
    for code, name in GROUPS:
        folder = workspace.root / MATERIALS / name
        if folder.is_dir():
            summaries.append(scan(workspace, LOCAL_USER, code, [folder], progress=progress, ocr=False,
                                  check=False).summary())
    return summaries


def finish_demo(workspace: Workspace, *, progress: Progress | None = None, cancel: CancelToken | None = None,
                wait: Waiting | None = None) -> list[str]:
    """Read the demo's scanned documents by OCR, then run every check (photos, seals, duplicates across
    groups); removes the marker unless cancelled, so that a cancelled run continues on the next call.

    The photos stay waiting for OCR, as after a scan without it: the next scan of their group reads them.
    Each group's OCR holds the group's lock as a scan does (`wait` says what to do while another holds it)."""
    cancel = cancel or CancelToken()
    summaries = []
    for code, _name in GROUPS:
        report = ocr_pending(workspace, LOCAL_USER, code, formats={"pdf"}, progress=progress, cancel=cancel,
                             check=True, wait=wait)
        if report.ocr_files:
            summaries.append(f"工作组 {code}：文字识别扫描件 {report.ocr_files} 个，用时 {report.elapsed_s:.1f} 秒。")
        if cancel.cancelled:
            return summaries
    checks = run_checks(workspace, progress=progress, cancel=cancel)
    summaries.append(checks.summary())
    if not checks.cancelled:
        (workspace.root / UNFINISHED).unlink(missing_ok=True)
    return summaries
