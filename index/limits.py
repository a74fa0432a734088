"""How much one file may cost before it becomes a finding instead of a result."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Per-file budgets for extraction.

    `timeout_s` and `memory_mb` are enforced by the worker pool (index.pool); the others are
    checked by the extractors themselves before they do the expensive part.
    """

    timeout_s: float = 60.0
    memory_mb: int = 1024  # extra memory one extraction may take on top of the worker's baseline
    max_pages: int = 2000
    max_cells: int = 200_000  # non-empty spreadsheet cells read per file (each becomes a TextBlock)
    max_uncompressed_mb: int = 500  # sum of a zip container's members (DOCX, XLSX, OFD)
    max_ratio: int = 200  # uncompressed / compressed size of a single large zip member
    max_file_mb: int = 1024  # files over this are not opened at all

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def max_uncompressed_bytes(self) -> int:
        return self.max_uncompressed_mb * 1024 * 1024
