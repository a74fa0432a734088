"""The demo's window comes up as soon as its files' text layers are read; the OCR of its scanned
documents and the checks then run in the window's progress strip, and what they find shows when they
are done (about a minute on 2 cores: a demo build and the OCR of its two scans)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.accounts import DEMO_PASSWORD
from demo.build import CITY, START, YEAR, unfinished
from demo.command import register as register_demo
from demo.plan import DemoFile, plan_demo
from desktop.app import EXIT_AFTER_SHOW, AppController
from desktop.main_window import MainWindow
from review.cli.main import run
from review.manual.service import read_manual
from review.workspace.accounts import login
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings
from tests.desktop_helpers import settings_sandbox_fixture  # noqa: F401 - fixture

pytestmark = [pytest.mark.usefixtures("settings_sandbox"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def xc_scan() -> DemoFile:
    """宣传组's scanned 通知: image-only pages, its words readable only by OCR."""
    window = WorkspaceSettings(city=CITY, year=YEAR, start_date=START).date_window()
    plan = plan_demo(read_manual("sample").manual, window, CITY)
    return next(f for f in plan.files if f.variant == "scan" and f.group == "XC")


def found(window: MainWindow, query: str) -> set[str]:
    return {Path(hit.path).name for hit in window.run_search(query, "all")}


@pytest.fixture
def office_window(qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> Iterator[MainWindow]:
    """The main window on a demo built as `make run` builds it (`demo --quick`), the office logged in."""
    monkeypatch.delenv(EXIT_AFTER_SHOW, raising=False)
    root = tmp_path / "示例工作区"
    assert run(["demo", "--quick", str(root)], extra=[register_demo]) == 0
    assert "扫描件的文字识别和全部检查尚未进行" in capsys.readouterr().out
    workspace = Workspace.open(root)
    controller = AppController(qapp)
    controller.show_main(workspace, login(workspace, "李华", DEMO_PASSWORD))
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    yield window
    controller.pool.cancel_all()
    controller.pool.wait(30_000)
    workspace.close()


def test_the_window_is_up_while_the_ocr_waits_then_the_findings_show(qtbot, office_window: MainWindow) -> None:
    window, root = office_window, office_window.workspace.root
    scan = xc_scan()
    issuer = scan.doc.issuer if scan.doc else ""

    assert window.isVisible()
    assert window.runner.busy and window.runner.title.text() == "示例工作区：文字识别和检查"
    assert unfinished(root)
    assert Path(scan.path).name not in found(window, issuer)  # the scan's words wait for OCR
    progress: list[str] = []
    assert window.runner.worker is not None
    window.runner.worker.signals.progress.connect(lambda _done, _total, current, _eta: progress.append(current))

    qtbot.waitUntil(lambda: not window.runner.busy, timeout=600_000)
    assert any(p.startswith("文字识别：") for p in progress) and any(p.startswith("检查") for p in progress)
    assert not unfinished(root)
    assert window.statusBar().currentMessage().startswith("示例工作区的文字识别和检查已完成。检查文件")
    assert Path(scan.path).name in found(window, issuer)

    def must_fix() -> dict[str, int]:  # the office's overview, loaded again after the checks
        return {code: int(row["必须修改"]) for code, row in window.dashboard.figures().items()}

    # 城管组: a plan dated before the window and an empty file; 交通组: a damaged file
    qtbot.waitUntil(lambda: must_fix().get("CG", 0) > 0 and must_fix().get("JT", 0) > 0, timeout=120_000)
