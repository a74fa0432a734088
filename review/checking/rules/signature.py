"""What the duplicate checks keep of one file, in a module of its own: the check engine reads the
stored signatures on every run to see whether anything changed, without loading the duplicate
checks themselves (numpy) unless it did."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.fingerprint import Signature
    from review.checking.rules.photo_reuse import Photo


@dataclass(frozen=True)
class FileSignature:
    """A file's text signature, the same with place names and figures masked (None for
    spreadsheets), and its photos' hashes."""

    text: Signature | None = None
    masked: Signature | None = None
    photos: tuple[Photo, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"text": list(self.text) if self.text else None, "masked": list(self.masked) if self.masked else None,
                "photos": [list(photo) for photo in self.photos]}

    @classmethod
    def from_json(cls, value: Any) -> FileSignature | None:
        """A stored signature; a bare list is the text signature stored before masked signatures were."""
        if isinstance(value, list):
            return cls(text=tuple(value)) if value else None
        if not isinstance(value, dict):
            return None
        return cls(text=tuple(value["text"]) if value.get("text") else None,
                   masked=tuple(value["masked"]) if value.get("masked") else None,
                   photos=tuple((str(h), int(page)) for h, page in value.get("photos") or ()))
