"""The demo workspace's OCR and checks, run in the progress strip once its window is up.

`materials-review demo --quick` and the start dialog's 打开示例工作区 stop as soon as every file's text
layer is read, so that the window comes up in seconds; the OCR of the scanned documents and the
checks (photos, seals, duplicates) follow here (demo.build.finish_demo), in a child process like a
scan, cancellable. A cancelled or interrupted run continues the next time the demo is opened.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.process_ops import run_in_process
from desktop.workers import Job
from review.progress import CancelToken, Progress
from review.workspace.locking import waiting_with

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def finish_in_workspace(root: str, db_url: str, *, progress: Progress | None = None,
                        cancel: CancelToken | None = None) -> list[str]:
    """demo.build.finish_demo on the workspace in `root`; runs in the child process."""
    from demo.build import finish_demo
    from review.workspace.folder import Workspace

    with Workspace.open(Path(root), db_url=db_url) as workspace:
        return finish_demo(workspace, progress=progress, cancel=cancel, wait=waiting_with(progress, cancel))


def demo_available() -> bool:
    """The demo generator is optional: a build of the program may leave it out."""
    return importlib.util.find_spec("demo.build") is not None


def demo_waiting(root: Path) -> bool:
    """Whether `root` is a demo workspace whose OCR and checks have not run yet."""
    if not demo_available():
        return False
    from demo.build import unfinished

    return unfinished(root)


def finish_demo_in_background(window: MainWindow) -> bool:
    """Start the demo's OCR and checks in the window's progress strip if they still wait; the view is
    refreshed when they are done, so that the findings appear."""
    if not demo_waiting(window.workspace.root):
        return False
    root, db_url = str(window.workspace.root), window.workspace.db_url

    def run(job: Job) -> Any:
        return run_in_process(finish_in_workspace, root, db_url, progress=job.report, cancel=job.cancel)

    def done(summaries: list[str]) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("demo_finish", "示例工作区的文字识别和检查已完成。{0}").format(summaries[-1]),
            15_000)
        window.refresh()

    window.runner.run(QCoreApplication.translate("demo_finish", "示例工作区：文字识别和检查"), run, on_result=done)
    return True
