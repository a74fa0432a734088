"""The offline wheel folder: built from the project and its dependencies, installed into a fresh venv
with no index, and the installed command runs (minutes: it builds every wheel and installs Qt)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.bundle_helpers import REPO, clean_env

pytestmark = [pytest.mark.slow, pytest.mark.bundle]


def test_wheel_folder_installs_without_network(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(["bash", str(REPO / "scripts/build-wheels.sh"), sys.executable, str(wheels)], check=True)
    names = sorted(p.name for p in wheels.glob("*.whl"))
    assert any(n.startswith("materials_review-") for n in names), names
    assert any(n.startswith("rapidocr_onnxruntime-") for n in names), names

    target = tmp_path / "目标 环境"  # an office path: Chinese and a space
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    # As on the office PC: no PYTHONPATH (this checkout's egg-info on it would make pip skip the project).
    pip_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels),
                    "materials-review[ocr]"], check=True, env={**pip_env, "PIP_CONFIG_FILE": os.devnull})

    command = str(target / "bin" / "materials-review")
    env = clean_env(tmp_path / "home")
    version = subprocess.run([command, "--version"], env=env, capture_output=True, text=True, check=True)
    assert "0.1.0" in version.stdout
    workspace = tmp_path / "ws"
    subprocess.run([command, "init", str(workspace), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01"],
                   env=env, capture_output=True, text=True, check=True)
    status = subprocess.run([command, "-w", str(workspace), "status", "--json"], env=env,
                            capture_output=True, text=True, check=True)
    assert json.loads(status.stdout)["city"] == "北湖市"
