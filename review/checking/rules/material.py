"""What the checks know about a material besides its extracted content."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


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

    @classmethod
    def of_file(cls, path: str | os.PathLike[str], root: str | os.PathLike[str], sha256: str, fmt: str,
                group: str = "", item_codes: tuple[str, ...] = ()) -> FileFacts:
        """Facts of a file on disk under `root` (the folder it was scanned from); stats the file."""
        path = Path(path)
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = path.name
        return cls(path=str(path), rel_path=rel, name=path.name, size=path.stat().st_size, sha256=sha256,
                   format=fmt, extension=path.suffix.lower().lstrip("."), group=group, item_codes=item_codes)
