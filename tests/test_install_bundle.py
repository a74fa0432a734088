"""The one-folder application and its .deb, built as `make bundle` / `make deb` do and run the way an
office PC would: copied elsewhere, with no venv, no PYTHONPATH and no network (about 4 minutes)."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.accounts import DEMO_PASSWORD
from review.workspace.accounts import PASSWORD_ENV
from tests.bundle_helpers import REPO, clean_env
from tests.files import make_scanned_pdf

pytestmark = [pytest.mark.slow, pytest.mark.bundle]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    started = time.monotonic()
    subprocess.run(["bash", str(REPO / "scripts/build-bundle.sh"), sys.executable, str(dist)], check=True)
    folder = dist / "materials-review"
    print(f"\nbundle: built in {time.monotonic() - started:.0f} s, {du_mb(folder)} MB")
    return folder


def run(args: list[str], env: dict[str, str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=900, **kw)  # type: ignore[call-overload]


def test_the_folder_runs_without_python(bundle: Path, tmp_path: Path) -> None:
    app = tmp_path / "办公 电脑" / "materials-review"  # moved elsewhere; a path with a space
    shutil.copytree(bundle, app, symlinks=True)
    exe = str(app / "materials-review")
    env = clean_env(tmp_path / "home")

    assert run([exe, "--version"], env).stdout.strip() == "materials-review 0.1.0"

    demo = tmp_path / "demo"
    run([exe, "demo", "--quick", str(demo)], env)  # its OCR: the scan below
    office = {**env, PASSWORD_ENV: DEMO_PASSWORD}
    status = json.loads(run([exe, "-w", str(demo), "--user", "李华", "status", "--json"], office).stdout)
    assert status["city"] and status["groups"], status

    ws = tmp_path / "ws"
    run([exe, "init", str(ws), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01"], env)
    run([exe, "-w", str(ws), "group", "add", "XC", "宣传组"], env)
    scans = tmp_path / "扫描件"
    scans.mkdir()
    make_scanned_pdf(scans / "工作方案.pdf", ["北湖市志愿服务工作方案 为深入推进志愿服务制度化"], height=300)
    run([exe, "-w", str(ws), "scan", "XC", str(scans)], env)
    found = json.loads(run([exe, "-w", str(ws), "search", "制度化", "--json"], env).stdout)
    assert [hit["file"] for hit in found["hits"]] == ["工作方案.pdf"]  # words only OCR could read

    started = time.monotonic()
    shown = run([exe, "gui", str(ws)], {**env, "MATERIALS_REVIEW_EXIT_AFTER_SHOW": "1"})
    seconds = time.monotonic() - started
    assert shown.returncode == 0
    assert "main window shown: 申报材料审核台" in (ws / "logs" / "materials-review.log").read_text(encoding="utf-8")
    print(f"\nbundle: main window shown and closed in {seconds:.1f} s (load {os.getloadavg()[0]:.1f})")


def du_mb(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) // 2**20


@pytest.fixture
def installed_deb(bundle: Path, tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        pytest.skip("installing a .deb needs root and dpkg")
    started = time.monotonic()
    deb = Path(subprocess.run(["bash", str(REPO / "scripts/build-deb.sh"), str(bundle), str(tmp_path)],
                              check=True, capture_output=True, text=True).stdout.strip())
    built = time.monotonic()
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    print(f"\ndeb: built in {built - started:.0f} s, {deb.stat().st_size // 2**20} MB; "
          f"dpkg -i in {time.monotonic() - built:.0f} s")
    try:
        yield deb
    finally:  # purged: not even dpkg's record of the package is left on the test machine
        subprocess.run(["dpkg", "--purge", "materials-review"], check=True, capture_output=True)


def test_the_deb_installs_runs_and_removes_cleanly(installed_deb: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path / "home")
    assert run(["materials-review", "--version"], env).stdout.startswith("materials-review ")
    entry = Path("/usr/share/applications/materials-review.desktop").read_text(encoding="utf-8")
    assert "Name=申报材料审核台" in entry
    exec_line = next(line.split("=", 1)[1] for line in entry.splitlines() if line.startswith("Exec="))
    command = [part for part in shlex.split(exec_line) if not part.startswith("%")]
    assert command == ["materials-review", "gui"]
    assert "materials-review " in run([*command[:1], "--version"], env).stdout
    mime = Path("/usr/share/mime/packages/materials-review.xml").read_text(encoding="utf-8")
    assert 'pattern="*.mrpkg"' in mime and "application/x-materials-review-package" in entry
    assert Path("/usr/share/icons/hicolor/256x256/apps/materials-review.png").is_file()

    subprocess.run(["dpkg", "-r", "materials-review"], check=True, capture_output=True)
    assert not Path("/opt/materials-review").exists()
    assert not Path("/usr/bin/materials-review").exists()
    assert not Path("/usr/share/applications/materials-review.desktop").exists()
    subprocess.run(["dpkg", "-i", str(installed_deb)], check=True, capture_output=True)  # for the fixture's removal
