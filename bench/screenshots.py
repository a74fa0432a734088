"""Render the main screens into bench/out/*.png so that a person can look at them.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/screenshots.py [WORKSPACE]

Without WORKSPACE a small workspace is built in a temporary folder (the demo workspace when the
demo builder is installed). The 150 % screens are rendered by a second run of this script with
QT_SCALE_FACTOR=1.5. Needs a CJK font (Debian: fonts-noto-cjk), else Chinese shows as boxes.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

if TYPE_CHECKING:  # Qt is imported inside the functions, after the workspace is built
    from PySide6.QtWidgets import QWidget

    from desktop.workers import WorkerPool
SIZE = (1366, 768)


def sample_files(folder: Path) -> None:
    """A text PDF, a DOCX with a table and a photo with EXIF, named by the item-code convention."""
    import docx
    import pymupdf
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    pdf = pymupdf.open()
    for number in range(3):
        page = pdf.new_page()
        page.insert_text((72, 90), "北湖市文明办关于印发理论学习计划的通知", fontname="china-s", fontsize=16)
        for line in range(12):
            page.insert_text((72, 130 + line * 22), f"第{number + 1}页 第{line + 1}行：深入开展背街小巷环境整治和理论学习。",
                             fontname="china-s", fontsize=11)
    pdf.save(folder / "Ⅲ-1-1) 北湖文明办〔2026〕3号 关于印发理论学习计划的通知.pdf")
    document = docx.Document()
    document.add_heading("市委理论学习中心组学习记录", 1)
    document.add_paragraph("2026年3月15日，市委理论学习中心组围绕社会主义核心价值观开展集体学习。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("日期", "主题", "参加人数"), ("3月15日", "核心价值观", "23"), ("4月12日", "诚信建设", "21")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(folder / "Ⅲ-1-2) 中心组学习记录.docx")
    photo = Image.new("RGB", (1200, 800), (118, 160, 196))
    exif = Image.Exif()
    exif[0x0132] = "2026:03:15 10:00:00"
    exif[0x010F] = "Canon"
    photo.save(folder / "Ⅲ-2-2) 宣讲进社区.jpg", exif=exif)
    import openpyxl

    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["月份", "宣讲场次", "参加人数"])
    for month in range(3, 9):
        summary.append([f"2026年{month}月", month + 2, 40 * month])
    people = book.create_sheet("宣讲员名单")
    people.append(["姓名", "单位", "宣讲主题"])
    for number in range(1, 25):
        people.append([f"宣讲员{number}", "北湖区文明办", "背街小巷环境整治" if number == 17 else "核心价值观"])
    book.save(folder / "Ⅲ-1-2) 宣讲活动台账.xlsx")
    for name, lines in (("身边好人评选通知.docx", ["关于开展2026年道德模范和身边好人评选表彰活动的通知",
                                                  "各区在公共场所设置好人榜、善行义举榜。"]),
                        ("诚信宣传月总结.docx", ["北湖市诚信主题宣传月活动总结", "开展诚信宣传教育，通报失信案例。"])):
        unmapped = docx.Document()  # no item code in the name: left for the suggestions
        for line in lines:
            unmapped.add_paragraph(line)
        unmapped.save(folder / name)


def build_workspace(target: Path) -> Path:
    from review.manual.assignment import assign_items
    from review.manual.service import load_manual_into
    from review.workspace.folder import Workspace
    from review.workspace.groups import add_group
    from review.workspace.settings import WorkspaceSettings

    workspace = Workspace.create(target, WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1)))
    load_manual_into(workspace, "sample")
    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-1", "Ⅲ-2", "Ⅲ-4", "Ⅲ-5"])
        add_group(session, "CG", "城管组")
        assign_items(session, "CG", ["Ⅲ-6"])
    sample_files(target.parent / "materials" / "XC")
    try:
        from review.intake.scan import scan
        from review.workspace.permissions import LOCAL_USER

        scan(workspace, LOCAL_USER, "XC", [target.parent / "materials" / "XC"])
    except Exception as exc:  # the scanner is optional here: screens still render without materials
        print(f"扫描示例材料失败（{exc.__class__.__name__}：{exc}），截图中将没有材料。", file=sys.stderr)
    workspace.close()
    return target


def settle(pool: WorkerPool, seconds: float = 1.5) -> None:
    """Let background workers finish and their results reach the widgets."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        pool.pool.waitForDone(50)
        QApplication.processEvents()


def shoot(widget: QWidget, name: str, suffix: str) -> Path:
    path = OUT / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    too_big = frame.width() > screen.width() or frame.height() > screen.height()
    print(path, f"{frame.width()}×{frame.height()} / 屏幕 {screen.width()}×{screen.height()}",
          "超出屏幕！" if too_big else "")
    return path


def word_manual(path: Path) -> Path:
    """A small Word manual with one row the importer cannot read, for the wizard's preview."""
    import docx

    rows = [["测评项目", "测评指标", "测评内容", "测评标准", "测评方法", "申报材料要求"],
            ["Ⅰ-1 公共文明", "Ⅱ-1 志愿服务", "Ⅲ-1 志愿服务制度", "1）制定志愿服务工作方案；2）建立志愿者招募制度", "材料审核",
             "正式发文1份，工作方案1份"],
            ["", "", "Ⅲ-2 志愿服务活动", "开展志愿服务活动并留存图片", "材料审核、实地考察", "活动图片不少于3张"],
            ["", "", "", "", "材料审核", "台账"]]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def render_setup(workspace_dir: Path, pool: WorkerPool, suffix: str) -> None:
    """The set-up screens: the new-workspace wizard, groups and assignments, accounts, password."""
    from PySide6.QtCore import QDate

    from desktop.groups_dialog import GroupsDialog
    from desktop.setup_wizard import ManualDialog, SetupWizard
    from desktop.users_dialog import EditUserDialog, NewUserDialog, PasswordDialog, UsersDialog
    from review.workspace.folder import Workspace
    from review.workspace.permissions import LOCAL_USER, Actor

    wizard = SetupWizard(pool)
    wizard.show()
    wizard.place.folder.setText(str(Path(tempfile.mkdtemp()) / "南江市工作区"))
    wizard.place.city.setText("南江市")
    settle(pool, 0.3)
    shoot(wizard, "10-wizard-place", suffix)
    wizard.next()
    wizard.window_page.start.setDate(QDate(2026, 8, 1))
    settle(pool, 0.3)
    shoot(wizard, "11-wizard-window", suffix)
    wizard.next()
    wizard.manual.preview(str(word_manual(Path(tempfile.mkdtemp()) / "操作手册.docx")))
    settle(pool, 2.0)
    shoot(wizard, "12-wizard-manual", suffix)
    wizard.close()

    workspace = Workspace.open(workspace_dir)
    office = Actor("李华", "office")  # shown as the office would see them; nothing is saved
    groups = GroupsDialog(workspace, LOCAL_USER, pool)
    groups.show()
    settle(pool, 1.0)
    shoot(groups, "13-groups", suffix)
    groups.close()
    users = UsersDialog(workspace, office, pool)
    users.show()
    settle(pool, 0.5)
    shoot(users, "14-users", suffix)
    new_user = NewUserDialog(workspace, office, pool, users.groups, "leader", "XC", users)
    new_user.show()
    settle(pool, 0.3)
    shoot(new_user, "15-new-user", suffix)
    new_user.close()
    edit_user = EditUserDialog(workspace, office, pool, users.groups, "王材料员", "clerk", "XC", users)
    edit_user.show()
    settle(pool, 0.3)
    shoot(edit_user, "15b-edit-user", suffix)
    edit_user.close()
    users.close()
    password = PasswordDialog(workspace, Actor("张明", "leader", "XC"), pool)
    password.show()
    settle(pool, 0.3)
    shoot(password, "16-password", suffix)
    password.close()
    manual = ManualDialog(workspace, office, pool)
    manual.show()
    settle(pool, 0.3)
    shoot(manual, "17-load-manual", suffix)
    manual.close()
    workspace.close()


def render(workspace_dir: Path, suffix: str) -> None:
    from PySide6.QtCore import QSettings

    from desktop.app import make_application
    from desktop.i18n import install_translators
    from desktop.login_dialog import LoginDialog
    from desktop.main_window import MainWindow
    from desktop.reason_dialog import ReasonDialog
    from desktop.signoff_dialog import SignoffChangesDialog, SignoffDialog
    from desktop.start_dialog import StartDialog, remember_workspace
    from desktop.workers import Job, WorkerPool
    from review.workspace.folder import Workspace
    from review.workspace.permissions import LOCAL_USER

    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    translators = install_translators(app)
    pool = WorkerPool()

    start = StartDialog(pool)
    start.show()
    settle(pool, 0.3)
    shoot(start, "01-start-first-time", suffix)
    start.close()
    remember_workspace(workspace_dir)
    start = StartDialog(pool)
    start.show()
    settle(pool, 0.3)
    shoot(start, "02-start-recent", suffix)
    start.close()
    login_workspace = Workspace.open(workspace_dir)
    login = LoginDialog(login_workspace, pool)
    login.show()
    settle(pool, 0.3)
    shoot(login, "02b-login", suffix)
    login.close()
    login_workspace.close()

    render_setup(workspace_dir, pool, suffix)
    workspace = Workspace.open(workspace_dir)
    window = MainWindow(workspace, LOCAL_USER, pool)
    window.showMaximized()  # as on a first start: the screen's free area (911×512 at 150 % of 1366×768)
    deadline = time.monotonic() + 20
    while window.dashboard.dashboard is None and time.monotonic() < deadline:
        settle(pool, 0.2)
    settle(pool, 0.3)
    shoot(window, "03-dashboard", suffix)
    window.open_group(window.group_box.itemData(window.group_box.count() - 1) or "XC")
    settle(pool)
    window.tree.select(window.tree.visible_codes()[0]) if window.tree.visible_codes() else None
    settle(pool)
    shoot(window, "04-desk-pdf", suffix)
    window.tree.step(+1)
    settle(pool)
    shoot(window, "05-desk-docx", suffix)
    window.tree.filter_box.setCurrentIndex(1)  # 缺失
    settle(pool, 0.5)
    shoot(window, "06-desk-filter-missing", suffix)
    window.tree.filter_box.setCurrentIndex(window.tree.filter_box.findData("problem"))  # 有问题
    settle(pool, 0.5)
    if window.tree.visible_codes():
        window.tree.select(window.tree.visible_codes()[0])
        settle(pool, 1.0)
        window.next_finding()
        settle(pool, 1.0)
    shoot(window, "06b-desk-findings", suffix)
    finding = window.standard_pane.selected_finding()
    if finding is not None:  # the 豁免 dialog quotes the finding: long, wrapped
        reason = ReasonDialog(window.tr("豁免问题"), window.tr("豁免“{0}”的理由（会记录在签字材料中，文明办可见）：")
                              .format(finding.message), window)
        reason.show()
        settle(pool, 0.3)
        shoot(reason, "06d-waive-reason", suffix)
        reason.close()
    window.tree.filter_box.setCurrentIndex(0)
    if window.unmapped.count():
        window.items_splitter.setSizes([window.items_splitter.height() // 2] * 2)
        window.unmapped.files.setCurrentIndex(window.unmapped.model.index(0))
        deadline = time.monotonic() + 30  # suggestions come from a child process
        while not window.unmapped.suggestions_known and time.monotonic() < deadline:
            settle(pool, 0.2)
        window.unmapped.files.setCurrentIndex(window.unmapped.model.index(0))
        settle(pool, 0.3)
        shoot(window, "06c-desk-suggestions", suffix)
    window.tree.filter_box.setCurrentIndex(0)
    window.focus_search()
    window.search.box.setText("背街小巷")
    window.search.run()
    deadline = time.monotonic() + 30  # the first search may rebuild the index
    while window.search.status.text().startswith("正在搜索") and time.monotonic() < deadline:
        settle(pool, 0.2)
    hits = window.search.results.topLevelItem(0)
    if hits is not None and hits.childCount():
        window.search.results.itemClicked.emit(hits.child(hits.childCount() - 1), 0)  # its last page with a hit
        settle(pool, 1.5)
    shoot(window, "07-search", suffix)
    for number in range(window.search.results.topLevelItemCount()):  # the workbook's hit: its sheet and row
        top = window.search.results.topLevelItem(number)
        if top.text(0).endswith(".xlsx") and top.childCount():
            window.search.results.itemClicked.emit(top.child(0), 0)
            settle(pool, 2.0)
            shoot(window, "07b-search-xlsx", suffix)
            break
    def pretend_scan(job: Job) -> None:
        for done in range(1, 400):
            if job.cancel.cancelled:
                return
            job.progress(min(done, 28), 40, f"材料/宣传组/Ⅲ-1-1) 学习计划/文件{done}.pdf")
            time.sleep(0.01)

    window.runner.run("扫描 宣传组", pretend_scan)
    settle(pool, 0.8)
    shoot(window, "08-scan-progress", suffix)
    window.runner.cancel()
    settle(pool, 0.5)
    if window.desk is not None:
        signoff = SignoffDialog(workspace, window.actor, window.desk, pool, window)
        signoff.show()
        settle(pool, 0.3)
        shoot(signoff, "09-signoff", suffix)
        signoff.close()
        changes = SignoffChangesDialog(window.desk.signoff, window)
        changes.show()
        settle(pool, 0.3)
        shoot(changes, "09b-signoff-changes", suffix)
        changes.close()
    shoot_handover(window, pool, suffix)
    window.close()
    workspace.close()
    del translators


def shoot_handover(window: QWidget, pool: WorkerPool, suffix: str) -> None:
    """The office's hand-over dialogs: a key to confirm, a package import with a refusal, the
    submission's check with what blocks it, the reports."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.office_actions import KeyConfirmDialog, KeyToRegister
    from desktop.package_import_dialog import PackageImportDialog
    from desktop.reports_dialog import ReportsDialog
    from desktop.submission_dialog import SubmissionDialog
    from review.signing.keys import KeyFile, fingerprint, public_pem

    public = Ed25519PrivateKey.generate().public_key()
    key = KeyFile("张组长", "XC", fingerprint(public), public_pem(public), "宣传组")
    confirm = KeyConfirmDialog(KeyToRegister(Path("E:/张组长的公钥.json"), key, group_exists=False), window)
    confirm.show()
    settle(pool, 0.3)
    shoot(confirm, "20-key-confirm", suffix)
    confirm.close()
    usb = Path(tempfile.mkdtemp())
    (usb / "CG-城管组-第1版.mrpkg").write_bytes(b"PK\x03\x04 copied only in part")
    importer = PackageImportDialog(window.workspace, window.actor, pool, window)
    importer.show()
    importer.start(sorted(usb.glob("*.mrpkg")))
    deadline = time.monotonic() + 10
    while importer.runner.busy and time.monotonic() < deadline:
        settle(pool, 0.2)
    settle(pool, 0.3)
    shoot(importer, "21-package-import", suffix)
    importer.close()
    submission = SubmissionDialog(window.workspace, window.actor, pool, window)
    submission.show()
    submission.folder.setText(str(usb))
    settle(pool, 2.0)
    shoot(submission, "22-submission-check", suffix)
    submission.close()
    reports = ReportsDialog(window.workspace, window.actor, pool, window)
    reports.show()
    settle(pool, 0.3)
    shoot(reports, "23-reports", suffix)
    reports.close()


def main() -> int:
    parser = argparse.ArgumentParser(description="把主要界面渲染为 bench/out/*.png")
    parser.add_argument("workspace", nargs="?", help="要截图的工作区（省略则临时新建一个）")
    parser.add_argument("--only-this-scale", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.workspace:
        workspace_dir = Path(args.workspace)
    else:
        workspace_dir = build_workspace(Path(tempfile.mkdtemp()) / "北湖市工作区")
    scale = os.environ.get("QT_SCALE_FACTOR", "")
    render(workspace_dir, f"@{scale}x" if scale else "")
    if not args.only_this_scale and not scale:
        env = dict(os.environ, QT_SCALE_FACTOR="1.5")
        subprocess.run([sys.executable, __file__, str(workspace_dir), "--only-this-scale"], env=env, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
