"""What the install tests share: the repository root and the bare environment of an office PC."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def clean_env(home: Path) -> dict[str, str]:
    """No venv, no PYTHONPATH: only the system's PATH, a home of its own and offscreen Qt."""
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
