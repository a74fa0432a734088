"""Printed page counts of files, for the 申报材料清单.

A PDF knows its pages and a photo is one page. A word-processor document has no pages until it is
laid out, so its count comes from:

1. the statistics Word or WPS writes into `docProps/app.xml` (`<Pages>`) when it saves a DOCX —
   trusted only when the same statistics count the document's words, since a DOCX made from a
   template by a program (python-docx and the like) carries the template's stale "1 page, 0 words";
2. otherwise by laying the document out: LibreOffice, when installed, converts it to PDF without a
   window and the PDF's pages are counted. Results are kept per SHA-256 in `<cache>/pages.json`,
   so each version of a file is laid out once.

Without LibreOffice such a document's count stays unknown (None) and the report says so.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson
import pymupdf

PDF_FORMATS = frozenset({".pdf"})
IMAGE_FORMATS = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".heic", ".webp"})
TIFF_FORMATS = frozenset({".tif", ".tiff"})
LAID_OUT_FORMATS = frozenset({".docx", ".doc", ".wps", ".rtf", ".odt", ".wpt", ".dotx"})
CACHE_NAME = "pages.json"
RENDER_BATCH = 20  # files per LibreOffice run: one start-up for many files, a bounded wait for each run
RENDER_TIMEOUT_S = 60 + 15 * RENDER_BATCH
_APP_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_WRITERS = re.compile(r"Microsoft|Word|WPS|Kingsoft", re.IGNORECASE)


@dataclass(frozen=True)
class PageSource:
    """A file to count: where its bytes are and their SHA-256 (the cache key)."""

    path: Path
    sha256: str


def renderer() -> str | None:
    """The LibreOffice program on this PC, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def stored_docx_pages(path: Path) -> int | None:
    """Pages Word or WPS recorded in a DOCX's statistics, when they are the real ones."""
    try:
        with zipfile.ZipFile(path) as archive:
            app = archive.read("docProps/app.xml")
            body = archive.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    try:
        root = ElementTree.fromstring(app)
    except ElementTree.ParseError:
        return None
    values = {child.tag.removeprefix(_APP_NS): (child.text or "").strip() for child in root}
    pages, words = _number(values.get("Pages")), _number(values.get("Words"))
    characters = _number(values.get("Characters"))
    if not pages or not _WRITERS.search(values.get("Application", "")):
        return None
    has_text = b"<w:t>" in body or b"<w:t " in body
    if has_text and not (words or characters):
        return None  # a template's statistics, never updated by Word or WPS
    return pages


def count_pages(files: Iterable[PageSource], cache_folder: Path) -> dict[str, int | None]:
    """Pages per SHA-256 of the given files; None where they cannot be known on this PC."""
    out: dict[str, int | None] = {}
    cache_file = cache_folder / CACHE_NAME
    cache = _read_cache(cache_file)
    to_render: dict[str, Path] = {}
    for source in files:
        if source.sha256 in out or source.sha256 in to_render:
            continue
        suffix = source.path.suffix.lower()
        if source.sha256 in cache:
            out[source.sha256] = cache[source.sha256]
        elif suffix in PDF_FORMATS:
            out[source.sha256] = _pdf_pages(source.path)
        elif suffix in IMAGE_FORMATS:
            out[source.sha256] = 1 if source.path.is_file() else None
        elif suffix in TIFF_FORMATS:
            out[source.sha256] = _tiff_frames(source.path)
        elif suffix in LAID_OUT_FORMATS:
            stored = stored_docx_pages(source.path) if suffix == ".docx" else None
            if stored is not None:
                out[source.sha256] = stored
            elif source.path.is_file():
                to_render[source.sha256] = source.path
            else:
                out[source.sha256] = None
        else:
            out[source.sha256] = None
    if to_render:
        rendered = _render(to_render)
        out.update({sha: rendered.get(sha) for sha in to_render})
        known = {sha: pages for sha, pages in rendered.items() if pages is not None}
        if known:
            _write_cache(cache_file, {**_read_cache(cache_file), **known})
    return out


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


def _pdf_pages(path: Path) -> int | None:
    try:
        with pymupdf.open(path) as document:
            return document.page_count
    except (RuntimeError, ValueError, OSError):
        return None


def _tiff_frames(path: Path) -> int | None:
    from PIL import Image

    try:
        with Image.open(path) as image:
            return int(getattr(image, "n_frames", 1))
    except (OSError, ValueError):
        return None


def _render(files: dict[str, Path]) -> dict[str, int | None]:
    """Lay the files out with LibreOffice (a private profile, so a LibreOffice the user has open
    does not swallow the job) and count the PDF pages; {} without LibreOffice."""
    program = renderer()
    if program is None:
        return {}
    out: dict[str, int | None] = {}
    items = list(files.items())
    with tempfile.TemporaryDirectory(prefix="mr-pages-") as tmp:
        work = Path(tmp)
        profile = (work / "profile").as_uri()
        for start in range(0, len(items), RENDER_BATCH):
            batch = items[start:start + RENDER_BATCH]
            inputs = work / f"in{start}"
            outputs = work / f"out{start}"
            inputs.mkdir()
            # by hash: two files of one name, or a name LibreOffice mangles, cannot collide
            for sha, path in batch:
                shutil.copyfile(path, inputs / f"{sha}{path.suffix.lower()}")
            try:
                subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                                "--convert-to", "pdf", "--outdir", str(outputs),
                                *sorted(str(p) for p in inputs.iterdir())],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=RENDER_TIMEOUT_S,
                               check=False)
            except (OSError, subprocess.SubprocessError):
                continue
            for sha, _path in batch:
                pdf = outputs / f"{sha}.pdf"
                out[sha] = _pdf_pages(pdf) if pdf.is_file() else None
    return out


def _read_cache(path: Path) -> dict[str, int]:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}


def _write_cache(path: Path, data: dict[str, int]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pages-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(orjson.dumps(data))
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs a second layout next time
