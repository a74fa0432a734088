"""Background workers: progress, cancel, results on the UI thread, errors as Chinese dialogs."""
from __future__ import annotations

import errno
import logging
import threading
import time

import pytest

from desktop.errors import describe_exception
from desktop.workers import Job, OperationRunner, format_eta
from review.errors import UserError
from review.progress import ProgressEvent
from tests.desktop_helpers import dialogs_fixture, pool_fixture  # noqa: F401 - fixtures

pytestmark = [pytest.mark.usefixtures("qapp"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_result_arrives_on_ui_thread_and_work_runs_elsewhere(qtbot, pool):
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(job: Job) -> str:
        seen["work"] = threading.get_ident()
        return "完成"

    def on_result(value: str) -> None:
        seen["result"] = threading.get_ident()
        seen["value"] = value

    pool.submit(work, on_result=on_result)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == "完成"
    assert seen["result"] == ui_thread
    assert seen["work"] != ui_thread


def test_runner_shows_counts_and_can_be_cancelled(qtbot, pool):
    runner = OperationRunner(pool)
    started = threading.Event()
    outcome: dict[str, object] = {}

    def scan_like(job: Job) -> int:
        done = 0
        while not job.cancel.cancelled:  # the service polls the token between files
            done += 1
            job.report(ProgressEvent("hash", min(done, 99), 100, f"材料/文件{done}.pdf"))
            started.set()
            time.sleep(0.01)
        return done

    runner.run("扫描 宣传组", scan_like, on_result=lambda n: outcome.setdefault("files", n),
               on_cancelled=lambda: outcome.setdefault("cancelled", True))
    assert runner.busy and not runner.isHidden()
    assert started.wait(5)
    qtbot.waitUntil(lambda: runner.bar.maximum() == 100 and runner.bar.value() > 0, timeout=5000)
    assert "计算指纹" in runner.current.toolTip()
    with pytest.raises(UserError, match="正在进行"):
        runner.run("再扫描一次", lambda job: None)
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert outcome["cancelled"] is True
    assert outcome["files"] > 0  # the partial result still reaches the caller
    assert runner.isHidden()


def test_unexpected_exception_becomes_chinese_dialog_and_log_entry(qtbot, pool, dialogs, caplog):
    def broken(job: Job) -> None:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR):
        pool.submit(broken)
        qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert "意外错误" in dialogs[0] and "RuntimeError" in dialogs[0] and "日志" in dialogs[0]
    assert "Traceback" not in dialogs[0]
    assert any("boom" in (r.exc_text or str(r.exc_info)) for r in caplog.records)


def test_user_error_and_os_error_name_the_file(qtbot, pool, dialogs):
    pool.submit(lambda job: (_ for _ in ()).throw(UserError("文件 a.pdf 已加密，请提交未加密的版本。")))
    pool.submit(lambda job: (_ for _ in ()).throw(FileNotFoundError(errno.ENOENT, "No such file", "/u盘/材料.docx")))
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=5000)
    assert "文件 a.pdf 已加密，请提交未加密的版本。" in dialogs
    missing = next(d for d in dialogs if "材料.docx" in d)
    assert "找不到文件 /u盘/材料.docx" in missing and "重试" in missing


def test_permission_error_says_what_to_do():
    text = describe_exception(PermissionError(errno.EACCES, "denied", "C:/材料/台账.xlsx"))
    assert "C:/材料/台账.xlsx" in text and "关闭正在使用它的程序" in text


def test_eta_is_readable_chinese():
    assert format_eta(-1) == "正在估算剩余时间…"
    assert format_eta(42) == "剩余约 42 秒"
    assert format_eta(0.3) == "即将完成"  # never "0 秒" while work remains
    assert format_eta(125) == "剩余约 2 分 05 秒"
    assert format_eta(3 * 3600 + 60) == "剩余约 3 小时 01 分"
