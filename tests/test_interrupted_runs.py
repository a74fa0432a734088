"""What an interrupted run leaves behind is cleaned up by the next one, and worker processes that
cannot start end a scan with a Chinese message."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from review.assessment.approval import decide
from review.handover.package import export_package
from review.handover.signoff import sign_off
from review.workspace.accounts import login
from tests.review_signoff_helpers import PASSWORDS, add_file, make_workspace, material_root

LEADER = "张组长"
REPO = Path(__file__).resolve().parents[1]


def test_an_interrupted_exports_part_file_is_removed_by_the_next_export(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    add_file(ws, "XC", "Ⅲ-1-2)/照片/活动.jpg", b"photo", ["Ⅲ-1-2)"])
    leader = login(ws, LEADER, PASSWORDS[LEADER])
    for code in ("Ⅲ-1-1)", "Ⅲ-1-2)"):
        decide(ws, leader, "XC", code, "approve", "")
    sign_off(ws, leader, PASSWORDS[LEADER], "XC")
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / ".XC-宣传组-第0版.mrpkg.part").write_bytes(b"PK\x03\x04 half a package")  # pulled out mid-export
    (usb / ".CG-城管组-第1版.mrpkg.part").write_bytes(b"another group's")  # not this export's business
    written = export_package(ws, leader, "XC", usb)
    assert sorted(p.name for p in usb.iterdir()) == [".CG-城管组-第1版.mrpkg.part", written.name]
    ws.close()


def test_worker_processes_that_cannot_start_end_the_scan_with_a_message(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    add_file(ws, "XC", "Ⅲ-1-1)/学习计划.docx", b"plan v1", ["Ⅲ-1-1)"])
    (material_root(ws, "XC") / "新文件.docx").write_bytes((material_root(ws, "XC") / "Ⅲ-1-1)" / "学习计划.docx")
                                                          .read_bytes() + b"\0")
    ws.close()
    # The workers are started from an interpreter that is not there, as after a broken installation.
    script = ("import multiprocessing, sys; multiprocessing.set_executable('/nonexistent/python3');"
              "from review.cli.main import run;"
              f"sys.exit(run(['-w', {str(ws.root)!r}, '--user', {LEADER!r}, 'scan', 'XC', "
              f"{str(material_root(ws, 'XC'))!r}]))")
    env = {**os.environ, "PYTHONPATH": str(REPO), "MATERIALS_REVIEW_PASSWORD": PASSWORDS[LEADER]}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 2, done.stderr
    assert "无法启动读取文件的后台进程" in done.stderr and "重新扫描即可继续" in done.stderr
    assert "内部错误" not in done.stderr and "Traceback" not in done.stderr
