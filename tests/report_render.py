"""Lay printed reports out with LibreOffice, as an office PC prints them, for the print tests and
bench/render_reports.py."""
from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from index.page_count import renderer


def render_pdfs(documents: Sequence[Path], out: Path) -> list[Path]:
    """One PDF per document in `out`, by one headless LibreOffice run with a private profile."""
    program = renderer()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mr-render-") as profile:
        subprocess.run([program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)],
                       check=True, capture_output=True, timeout=300)
    pdfs = [out / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    return pdfs
