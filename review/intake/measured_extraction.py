"""What the scan's worker processes run on each file: its extraction, then the measurements the
checks will ask of the same bytes, while the file is at hand in a worker.

The red seal on the 落款 page of a 正式发文 or 情况说明 is the one costly measurement (the page is
rendered). Taken here, in parallel with the reading of other files and again when OCR has read a
scan, it is in the cache (by SHA-256) before the checks run, and MR-SEAL-001 reads it instead of
rendering. The file is judged here without its place in the workspace (its standards, its folder):
where the check later sees it otherwise, it measures the page itself, so nothing depends on this
guess being right.
"""
from __future__ import annotations

import logging
import os

from index.cache import ExtractionCache
from index.document import Extraction
from index.extract import extract_file as read_file
from index.limits import Limits
from review.checking.rules import seal
from review.checking.rules.config import RuleConfig
from review.checking.rules.context import FileContext
from review.checking.rules.material import FileFacts
from review.workspace.settings import WorkspaceSettings

log = logging.getLogger(__name__)

def extract_file(path: str | os.PathLike[str], sha256: str, *, ocr: bool = False, limits: Limits | None = None,
                 cache: ExtractionCache | None = None) -> Extraction:
    """`index.extract.extract_file`, then the seal of the file's 落款 measured into `cache`."""
    extraction = read_file(path, sha256, ocr=ocr, limits=limits, cache=cache)
    if cache is not None and sha256 and extraction.pages:
        facts = FileFacts.of(str(path), "", extraction.size, sha256, extraction.format)
        try:
            seal.measure_ahead(FileContext(facts, extraction, WorkspaceSettings(), RuleConfig(), cache))
        except Exception:  # a measurement ahead is an optimisation: the check measures again and reports
            log.warning("could not measure the seal of %s ahead of the checks", path, exc_info=True)
    return extraction
