"""Legacy Word-family files (DOC, WPS): converted to DOCX by LibreOffice when it is installed."""
from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

from index.document import Extraction, Problem
from index.extractors import docx as docx_extractor
from index.limits import Limits

_NAMES = {"doc": "Word 97-2003（DOC）", "wps": "WPS 文字"}


def libreoffice_command() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def extract(path: Path, ex: Extraction, limits: Limits) -> None:
    kind = _NAMES.get(ex.format, "旧版 Office")
    soffice = libreoffice_command()
    if soffice is None:
        ex.problems.append(Problem(
            "legacy_format",
            f"这是旧版{kind}文档，本机未安装 LibreOffice，无法自动转换和读取内容。请用 Word 或 WPS 另存为 DOCX 后重新提交。"))
        ex.facts["needs_ocr_pages"] = []
        return
    ex.problems.append(Problem("legacy_format", f"这是旧版{kind}文档。请另存为 DOCX 后重新提交。"))
    with tempfile.TemporaryDirectory(prefix="materials-convert-") as tmp:
        converted = _convert(soffice, path, Path(tmp), limits.timeout_s * 0.8)
        if converted is None:
            ex.problems.append(Problem(
                "corrupt", f"旧版{kind}文档无法用 LibreOffice 转换，可能已损坏。请用 Word 或 WPS 另存为 DOCX 后重新提交。"))
            ex.facts["needs_ocr_pages"] = []
            return
        docx_extractor.extract(converted, ex, limits)
    ex.facts["converted_from"] = ex.format
    ex.problems.append(Problem("converted", "已用 LibreOffice 自动转换为 DOCX 后读取，排版细节可能与原件不同。"))


@functools.cache
def _profile_dir() -> Path:
    """One LibreOffice profile per process: creating a profile costs seconds, and a private one
    lets several worker processes convert at the same time."""
    folder = Path(tempfile.mkdtemp(prefix="materials-soffice-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _convert(soffice: str, path: Path, tmp: Path, timeout_s: float) -> Path | None:
    # A plain ASCII copy: LibreOffice stumbles on some long or non-UTF-8 names.
    source = tmp / "source.doc"
    shutil.copyfile(path, source)
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={_profile_dir().as_uri()}",
               "--convert-to", "docx", "--outdir", str(tmp), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
    except (subprocess.TimeoutExpired, OSError):
        return None
    result = tmp / "source.docx"
    return result if result.is_file() and result.stat().st_size else None
