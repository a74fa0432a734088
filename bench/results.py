"""Where a bench puts its figures: a JSON file under bench/out/, and the same on standard output."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_results(results: dict[str, Any], out: Path, *, show: bool = True) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, ensure_ascii=False, indent=2)
    out.write_text(text, encoding="utf-8")
    if show:
        print(text, flush=True)
