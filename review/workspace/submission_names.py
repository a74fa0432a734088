"""Names inside the final submission tree: the configurable file-name pattern and platform rules.

Names must survive Windows (the offices' PCs and, often, the evaluators'): no \\ / : * ? " < > |
or control characters, no trailing dot or space, no reserved device names (CON, NUL, COM1 …),
at most `limit` characters, and unique within a folder regardless of letter case.
"""
from __future__ import annotations

import re
import string

from review.errors import UserError

DEFAULT_NAME_PATTERN = "{code}-{group}-{seq}-{title}{ext}"
PATTERN_FIELDS = {
    "code": "测评标准编号", "item": "测评标准名称", "group": "工作组名称", "group_code": "工作组编号",
    "seq": "本条目内的序号（01、02…）", "title": "原文件名（不含扩展名）", "ext": "扩展名（含点，如 .pdf）",
}
REPLACEMENT = "_"

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def check_pattern(pattern: str) -> str:
    """The pattern if usable; UserError naming the unknown field or the missing {ext}."""
    fields = []
    try:
        for _, name, spec, conversion in string.Formatter().parse(pattern):
            if name is None:
                continue
            if name not in PATTERN_FIELDS or spec or conversion:
                raise UserError(f"文件命名规则“{pattern}”中的“{{{name}}}”无法识别。可用的字段："
                                + "、".join(f"{{{k}}}（{v}）" for k, v in PATTERN_FIELDS.items()) + "。")
            fields.append(name)
    except ValueError as exc:
        raise UserError(f"文件命名规则“{pattern}”的花括号不配对。示例：{DEFAULT_NAME_PATTERN}") from exc
    if "ext" not in fields:
        raise UserError(f"文件命名规则“{pattern}”必须包含 {{ext}}，否则文件会丢失扩展名。示例：{DEFAULT_NAME_PATTERN}")
    return pattern


def sanitize(name: str) -> str:
    """Replace characters platforms reject and keep the name off reserved device names."""
    name = _FORBIDDEN.sub(REPLACEMENT, name).strip(" ").rstrip(". ")
    if not name:
        return REPLACEMENT
    if name.split(".")[0].rstrip(" ").upper() in _RESERVED:
        name = REPLACEMENT + name
    return name


def shorten(stem: str, ext: str, limit: int) -> str:
    """`stem + ext` cut to `limit` characters, keeping the extension."""
    room = max(limit - len(ext), 1)
    return sanitize(stem[:room].rstrip(". ") + ext)


def folder_name(position: int, width: int, code: str, title: str, limit: int) -> str:
    """“03 Ⅲ-1 健全学习制度”: the manual position first, so every file manager keeps the manual order."""
    return shorten(sanitize(f"{position:0{width}d} {code} {title}".strip()), "", limit)


def file_name(pattern: str, fields: dict[str, str], limit: int) -> str:
    """The pattern filled in; when too long the original title is cut first, then the whole stem."""
    ext = sanitize(fields["ext"]) if fields["ext"] else ""
    name = sanitize(pattern.format(**fields))
    if len(name) <= limit:
        return name
    room = limit - len(sanitize(pattern.format(**{**fields, "title": ""})))
    if room > 0:
        name = sanitize(pattern.format(**{**fields, "title": fields["title"][:room].rstrip(". ")}))
    if len(name) > limit:
        has_ext = bool(ext) and name.endswith(ext)
        name = shorten(name[: len(name) - len(ext)] if has_ext else name, ext if has_ext else "", limit)
    return name


def unique_name(name: str, taken: set[str], limit: int) -> str:
    """`name`, or “name (2).pdf”, “name (3).pdf” … not yet in `taken` (compared case-insensitively); adds it."""
    stem, dot, suffix = name.rpartition(".")
    stem, ext = (stem, dot + suffix) if dot and stem else (name, "")
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        mark = f" ({number})"
        candidate = shorten(stem[: max(limit - len(ext) - len(mark), 1)] + mark, ext, limit)
    taken.add(candidate.casefold())
    return candidate
