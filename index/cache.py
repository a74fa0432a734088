"""Extraction results kept per SHA-256 on disk, so the same bytes are never extracted twice.

Layout: `<folder>/ab/abcdef….v<EXTRACTOR_VERSION>.json.gz` for extractions (the version in the
name makes `sha in cache` a single `stat`, and entries of older extractors are simply not found) and `<folder>/ocr/ab/<image-hash>.json.gz`
for OCR results of one rendered page image; other measurements of a file's bytes (the red seals on
its pages) go in `<folder>/<kind>/ab/<sha>.json.gz` the same way. Writes are atomic (temp file + os.replace), so a
crash never leaves a half-written entry, and several processes may share one folder.

The cache is derived data: an entry found damaged (truncated, bytes changed on disk) is removed
when read, so that it is a plain miss from then on and the next scan extracts the file again.
"""
from __future__ import annotations

import gzip
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

import orjson

from index.document import EXTRACTOR_VERSION, Extraction, stored_page_text

_COMPRESS_LEVEL = 1  # twice as fast as level 4 for 10% more bytes; entries are written by the thousand


class ExtractionCache:
    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def get(self, sha256: str) -> Extraction | None:
        """The cached extraction, or None if absent, unreadable, or made by an older extractor."""
        data = self._read(self._path(sha256))
        if data is None or data.get("extractor_version") != EXTRACTOR_VERSION:
            return None
        return Extraction.from_json(data)

    def put(self, extraction: Extraction) -> None:
        self._write(self._path(extraction.sha256), extraction.to_json())

    def __contains__(self, sha256: str) -> bool:
        """Cheap: one `stat`, no decompression (a damaged entry shows up as a miss in `get`, which
        removes it)."""
        return self._path(sha256).is_file()

    def get_page_texts(self, sha256: str) -> list[str] | None:
        """Page texts only (for snippets and index rebuilds), without building the dataclasses."""
        data = self._read(self._path(sha256))
        if data is None or data.get("extractor_version") != EXTRACTOR_VERSION:
            return None
        return [stored_page_text(p) for p in data.get("pages", [])]

    def get_ocr(self, image_sha256: str) -> list[dict[str, Any]] | None:
        """OCR lines stored for a page image (see index.ocr.OcrResult.to_json)."""
        data = self._read(self._path(image_sha256, "ocr"))
        return None if data is None else data.get("lines")

    def put_ocr(self, image_sha256: str, lines: list[dict[str, Any]]) -> None:
        self._write(self._path(image_sha256, "ocr"), {"lines": lines})

    def get_entry(self, kind: str, sha256: str) -> dict[str, Any] | None:
        """A measurement of a file's bytes stored under `kind` (e.g. the red seals on its pages)."""
        return self._read(self._path(sha256, kind))

    def put_entry(self, kind: str, sha256: str, data: dict[str, Any]) -> None:
        self._write(self._path(sha256, kind), data)

    def _path(self, key: str, kind: str = "") -> Path:
        key = key.lower()
        if len(key) < 8 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError(f"not a hex digest: {key!r}")
        if kind:
            return self.folder / kind / key[:2] / f"{key}.json.gz"
        return self.folder / key[:2] / f"{key}.v{EXTRACTOR_VERSION}.json.gz"

    @staticmethod
    def _read(path: Path) -> dict[str, Any] | None:
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError:
            return None
        try:
            return orjson.loads(gzip.decompress(raw))
        except (EOFError, zlib.error, gzip.BadGzipFile, ValueError):  # orjson.JSONDecodeError is a ValueError
            # Damaged: drop it, so that `in` misses too and the next scan extracts the file again.
            path.unlink(missing_ok=True)
            return None

    @staticmethod
    def _write(path: Path, data: dict[str, Any]) -> None:
        payload = gzip.compress(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS),
                                compresslevel=_COMPRESS_LEVEL, mtime=0)
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".gz")
        except FileNotFoundError:  # the shard's first entry (not asked every time: a mkdir per write costs)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".gz")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
