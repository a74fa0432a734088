"""Misbehaving extractors for the worker-pool tests, chosen by the file's name.

Loaded by name in the pool's worker processes (ExtractorPool(extractor="tests.extract_hooks:…")).
"""
from __future__ import annotations

import ctypes
import os
import time
from pathlib import Path
from typing import Any

from index.document import Extraction
from index.extract import extract_file


def misbehaving_extract(path: str, sha256: str, **kwargs: Any) -> Extraction:
    """hang* sleeps forever, crash* segfaults, exit* leaves with os._exit, hog* allocates far
    beyond any limit; every other file is extracted normally."""
    name = Path(path).name
    if name.startswith("hang"):
        time.sleep(3600)
    elif name.startswith("crash"):
        ctypes.string_at(0)  # reading address 0: a segmentation fault, as a parser bug would
    elif name.startswith("exit"):
        os._exit(3)
    elif name.startswith("hog"):
        blocks = []
        for _ in range(64):  # up to 4 GB, 64 MB at a time, each page touched
            blocks.append(bytearray(64 * 1024 * 1024))
    return extract_file(path, sha256, **kwargs)


def pid_extract(path: str, sha256: str, **kwargs: Any) -> Extraction:
    """The normal extraction, noting which worker process read the file."""
    extraction = extract_file(path, sha256, **kwargs)
    extraction.facts["worker_pid"] = os.getpid()
    return extraction
