"""Which 测评标准 a material proves: by naming convention, by explicit assignment.

Cities write item codes at the start of folder or file names in several styles: "Ⅱ-1-1)-①",
"Ⅲ-1-1）", "2.3.1", "2-3-1", "2.3.1-1". Codes from names and from the manual are normalised
the same way (full-width forms, Roman numerals typed as Latin letters, "." versus "-"), and a name
maps to the longest manual code it starts with.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from review.errors import UserError
from review.manual.model import Manual

_SEPARATORS = str.maketrans({".": "-", "－": "-", "—": "-", "–": "-", "_": "-", "(": "", ")": "", "（": "", "）": "",
                             " ": ""})


def normalize_code(code: str) -> str:
    """A canonical spelling: NFKC (Ⅲ → III, full-width → ASCII), upper case, '-' as the only separator
    and no brackets, so "Ⅲ-1-1）", "III-1-1)" and "Ⅲ-1-1" compare equal."""
    text = unicodedata.normalize("NFKC", code).upper().translate(_SEPARATORS)
    return re.sub(r"-+", "-", text).strip("-")


@dataclass(frozen=True)
class CodeMatch:
    code: str
    component: str  # the folder or file name the code was read from


class CodeMatcher:
    """Finds the manual's standard code at the start of a file's name or of one of its folders."""

    def __init__(self, manual: Manual, patterns: Sequence[str]) -> None:
        self._codes = {normalize_code(s.code): s.code for s in manual.material_standards()}
        self._longest_first = sorted(self._codes, key=len, reverse=True)
        self._patterns = []
        for pattern in patterns:
            try:
                self._patterns.append(re.compile(pattern))
            except re.error as exc:
                raise UserError(f"条目编号命名规则“{pattern}”不是有效的正则表达式：{exc}。请在设置中修改。") from exc

    def code_of_name(self, name: str) -> str | None:
        for pattern in self._patterns:
            found = pattern.match(name.strip())
            if not found:
                continue
            candidate = normalize_code(found.groupdict().get("code") or found.group(0))
            code = self._longest_prefix(candidate)
            if code:
                return code
        return None

    def _longest_prefix(self, candidate: str) -> str | None:
        for normalized in self._longest_first:
            if candidate == normalized:
                return self._codes[normalized]
            if candidate.startswith(normalized) and not candidate[len(normalized)].isdigit():
                return self._codes[normalized]
        return None

    def match(self, rel_path: str) -> CodeMatch | None:
        """The file name first, then its folders from the nearest upwards."""
        parts = PurePosixPath(rel_path).parts
        for component in reversed(parts):
            stem = component if component is not parts[-1] else PurePosixPath(component).stem
            code = self.code_of_name(stem)
            if code:
                return CodeMatch(code, component)
        return None
