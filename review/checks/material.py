"""What the checks know about a material besides its extracted content."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileFacts:
    """One scanned file: where it is, its bytes' identity and where it is filed.

    `format` is sniffed from the bytes (index.sniff names: pdf, docx, jpeg …); `extension` is the
    name's suffix without the dot, lower case. `item_codes` are the 测评标准 it is mapped to.
    """

    path: str
    rel_path: str
    name: str
    size: int
    sha256: str
    format: str
    extension: str
    group: str = ""
    item_codes: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        return self.rel_path or self.name
