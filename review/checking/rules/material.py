"""What the checks know about a material besides its extracted content."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from index.scanner import file_name

IMAGE_FORMATS = frozenset({"jpeg", "png", "bmp", "tiff", "heic", "gif"})  # sniffed formats of pictures


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
    def of(cls, path: str, rel_path: str, size: int, sha256: str, fmt: str, group: str = "",
           item_codes: Iterable[str] = ()) -> FileFacts:
        """Facts of a file from what is known of it: `path` where its bytes are, `rel_path` its path
        relative to the folder it was scanned from ("" when unknown). The name comes from `rel_path`
        (else `path`), the extension from the name."""
        name = file_name(path, rel_path)
        return cls(path=path, rel_path=rel_path, name=name, size=size, sha256=sha256, format=fmt,
                   extension=PurePosixPath(name).suffix.lstrip(".").lower(), group=group,
                   item_codes=tuple(item_codes))


def placement(facts: FileFacts) -> str:
    """A file as findings across materials name it: its name, its standards and its group."""
    items = "、".join(facts.item_codes) if facts.item_codes else "未归入条目"
    group = f"，工作组 {facts.group}" if facts.group else ""
    return f"{facts.display_name}（{items}{group}）"
