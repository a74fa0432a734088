"""Data shipped with the application: manuals, city names, demo material, translations."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled resource file."""
    return ROOT.joinpath(*parts)
