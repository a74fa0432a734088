"""File quality: what the extractor could not read, blank and unreadable pages, low resolution,
and what the submission platform refuses (size, format, file name)."""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING

from review.checking.rules.finding import Finding
from review.checking.rules.kinds import IMAGE_FORMATS

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

# Extraction problem code → rule. "converted" is left out on purpose: a legacy file converted for
# reading is already reported as legacy_format; the conversion itself costs no points.
PROBLEM_RULES = {
    "encrypted": "MR-FILE-001",
    "corrupt": "MR-FILE-002", "truncated": "MR-FILE-002", "unreadable": "MR-FILE-002",
    "crashed": "MR-FILE-002", "timeout": "MR-FILE-002", "memory": "MR-FILE-002",
    "zip_bomb": "MR-FILE-002", "unsupported": "MR-FILE-002",
    "empty": "MR-FILE-003",
    "no_text_layer": "MR-FILE-005", "garbled_text": "MR-FILE-005",
    "legacy_format": "MR-FILE-011",
    "wrong_extension": "MR-FILE-012",
    "repaired": "MR-FILE-013",
    "ocr_unavailable": "MR-FILE-014", "ocr_failed": "MR-FILE-014",
    "too_large": "MR-FILE-015", "too_many_pages": "MR-FILE-015", "too_many_cells": "MR-FILE-015",
}
_UNREADABLE = frozenset(code for code, rule in PROBLEM_RULES.items() if rule in ("MR-FILE-001", "MR-FILE-002", "MR-FILE-003"))
_BAD_NAME_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_A4_SHORT_SIDE_INCHES = 8.27
_PAGE_ASPECTS = (1.37, 1.46)  # A-series pages are 1.414 tall per wide (photos are 4:3 or 3:2)
_MIN_PAGE_TEXT = 10


def _pages_label(numbers: list[int]) -> str:
    shown = "、".join(map(str, numbers[:8])) + ("等" if len(numbers) > 8 else "")
    return f"第{shown}页"


def _problem_findings(ctx: FileContext) -> list[Finding]:
    out = []
    refused_format = ctx.facts.extension.lower() not in {f.lower().lstrip(".") for f in ctx.settings.allowed_formats}
    for problem in ctx.extraction.problems:
        rule_id = PROBLEM_RULES.get(problem.code)
        if problem.code == "unsupported" and refused_format:
            continue  # a ZIP and the like: MR-FILE-008 already says the platform refuses its format
        if rule_id and ctx.config.is_enabled(rule_id):
            place = {"page": problem.page, "location": f"第{problem.page}页"} if problem.page else {}
            out.append(ctx.finding(rule_id, f"{ctx.facts.display_name}：{problem.message}", **place))
    return out


def _content_findings(ctx: FileContext) -> list[Finding]:
    ex = ctx.extraction
    name = ctx.facts.display_name
    if any(ex.problem(code) for code in _UNREADABLE):
        return []
    out = []
    if not any(p.text.strip() or p.image_count for p in ex.pages):
        if ctx.config.is_enabled("MR-FILE-003"):
            what = "没有任何页面" if not ex.pages else "没有任何文字或图片"
            out.append(ctx.finding("MR-FILE-003", f"{name}：文件{what}。"))
        return out
    if len(ex.pages) > 1 and ctx.config.is_enabled("MR-FILE-004"):
        blank = [p.number for p in ex.pages if not p.text.strip() and not p.image_count]
        if blank:
            out.append(ctx.finding("MR-FILE-004", f"{name}：{_pages_label(blank)}是空白页。", page=blank[0],
                                   location=_pages_label(blank)))
    pending = set(ex.facts.get("needs_ocr_pages") or [])
    if ctx.config.is_enabled("MR-FILE-005") and ex.format not in IMAGE_FORMATS and not ex.problem("no_text_layer"):
        unread = [p.number for p in ex.pages if p.image_count and not p.has_text_layer
                  and p.number not in pending and len(p.text.strip()) < _MIN_PAGE_TEXT]
        if unread:
            out.append(ctx.finding(
                "MR-FILE-005", f"{name}：{_pages_label(unread)}是图像，识别不出文字。扫描件请重新清晰扫描；"
                               "如为照片，请配上文字说明。", page=unread[0], location=_pages_label(unread)))
    return out


def _resolution_findings(ctx: FileContext) -> list[Finding]:
    facts = ctx.extraction.facts
    if ctx.extraction.format not in IMAGE_FORMATS or not ctx.config.is_enabled("MR-FILE-006"):
        return []
    width, height = _pixels(facts.get("width")), _pixels(facts.get("height"))
    if not width or not height:
        return []
    name = ctx.facts.display_name
    min_w = ctx.config.threshold("MR-FILE-006", "min_width")
    min_h = ctx.config.threshold("MR-FILE-006", "min_height")
    long_side, short_side = max(width, height), min(width, height)
    if long_side < max(min_w, min_h) or short_side < min(min_w, min_h):
        return [ctx.finding("MR-FILE-006", f"{name}：图片只有 {width}×{height} 像素，低于要求的 "
                                           f"{max(min_w, min_h)}×{min(min_w, min_h)} 像素，上传后会模糊。",
                            text=f"{width}×{height}")]
    is_scan = (not facts.get("camera_make") and not facts.get("camera_model")
               and _PAGE_ASPECTS[0] <= long_side / short_side <= _PAGE_ASPECTS[1])
    min_dpi = ctx.config.threshold("MR-FILE-006", "min_dpi")
    dpi = round(short_side / _A4_SHORT_SIDE_INCHES)
    if is_scan and dpi < min_dpi:
        return [ctx.finding("MR-FILE-006", f"{name}：按 A4 纸计算，这份扫描件约 {dpi} dpi，"
                                           f"低于 {min_dpi} dpi，文字可能看不清。请以 {min_dpi} dpi 以上重新扫描。",
                            text=f"{width}×{height}")]
    return []


def _pixels(value: object) -> int:
    return value if isinstance(value, int) and value > 0 else 0


def _platform_findings(ctx: FileContext) -> list[Finding]:
    facts, settings = ctx.facts, ctx.settings
    name = facts.display_name
    out = []
    limit = settings.max_file_mb * 1024 * 1024
    if facts.size > limit and ctx.config.is_enabled("MR-FILE-007"):
        out.append(ctx.finding("MR-FILE-007", f"{name}：文件大小 {facts.size / 1024 / 1024:.1f} MB，"
                                              f"超过平台限制 {settings.max_file_mb} MB。"))
    allowed = {f.lower().lstrip(".") for f in settings.allowed_formats}
    if facts.extension.lower() not in allowed and ctx.config.is_enabled("MR-FILE-008"):
        shown = f".{facts.extension}" if facts.extension else "（无扩展名）"
        out.append(ctx.finding("MR-FILE-008", f"{name}：扩展名 {shown} 不在平台允许的格式内"
                                              f"（{'、'.join(sorted(allowed))}）。", text=shown))
    if len(facts.name) > settings.max_filename_length and ctx.config.is_enabled("MR-FILE-009"):
        out.append(ctx.finding("MR-FILE-009", f"{name}：文件名有 {len(facts.name)} 个字符，"
                                              f"超过上限 {settings.max_filename_length} 个。", text=facts.name))
    if ctx.config.is_enabled("MR-FILE-010"):
        problems = name_problems(facts.name)
        if problems:
            out.append(ctx.finding("MR-FILE-010", f"{name}：文件名{'，'.join(problems)}。", text=facts.name))
    return out


def name_problems(name: str) -> list[str]:
    """What submission platforms (and Windows) reject in a file name, in Chinese."""
    out = []
    bad = sorted({c if c.isprintable() else f"控制字符 U+{ord(c):04X}" for c in _BAD_NAME_CHARS.findall(name)})
    if bad:
        out.append(f"含有不允许的字符 {' '.join(bad)}")
    stem = PurePath(name).stem if "." in name.strip(". ") else name
    if name != name.strip() or stem != stem.strip():
        out.append("首尾有空格")
    if name.startswith(".") or name.endswith(".") or stem.endswith("."):
        out.append("以句点开头或结尾")
    return out


def check(ctx: FileContext) -> list[Finding]:
    return [*_problem_findings(ctx), *_content_findings(ctx), *_resolution_findings(ctx), *_platform_findings(ctx)]
