"""Photos too blurred to show the scene (MR-IMG-001) and scanned PDF pages scanned too coarsely
(MR-FILE-017).

Both read numbers measured once per file's bytes at extraction (index.pictures) and kept in the
cached extraction, so a check decodes nothing. Sharpness is an estimate from the picture's fine
detail: a finding says so and asks the reviewer to look at the photo. A picture with too little
structure to judge (a plain wall, the sky) has no sharpness and is never reported.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from index.pictures import is_scan, scan_dpi
from review.checking.rules.finding import Finding
from review.checking.rules.kinds import IMAGE_FORMATS, photo_pictures

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

_ESTIMATE = "（按图像细节估算的结果，请打开原图核实；确实清晰的可写明理由豁免）"
_WORST_SHOWN = 3


def _blur_message(name: str, where: str, value: float, limit: float) -> str:
    return (f"{name}：{where}看起来模糊（失焦或抖动），看不清现场；清晰度估值 {value:.2f}，"
            f"低于 {limit:.2f}{_ESTIMATE}。")


def _blurred(ctx: FileContext) -> list[Finding]:
    ex = ctx.extraction
    limit = ctx.config.threshold("MR-IMG-001", "min_sharpness")
    name = ctx.facts.display_name
    if ex.format in IMAGE_FORMATS:
        value = ex.facts.get("sharpness")
        if isinstance(value, (int, float)) and value < limit:
            return [ctx.finding("MR-IMG-001", _blur_message(name, "照片", value, limit), text="照片模糊")]
        return []
    out = []
    on_page: Counter[int] = Counter()
    for number, picture in enumerate(photo_pictures(ex) or [], start=1):
        on_page[picture["page"]] += 1
        value = picture.get("sharpness")
        if not isinstance(value, (int, float)) or value >= limit:
            continue
        page = picture["page"] if ex.format == "pdf" else None
        where = f"第{page}页第{on_page[picture['page']]}张图片" if page else f"第{number}张图片"
        out.append(ctx.finding("MR-IMG-001", _blur_message(name, where, value, limit), page=page,
                               location=where, text=f"{where}模糊"))
    return out


def _coarse_scans(ctx: FileContext) -> list[Finding]:
    ex = ctx.extraction
    pictures = ex.facts.get("pictures")
    if ex.format != "pdf" or not isinstance(pictures, list):
        return []
    limit = ctx.config.threshold("MR-FILE-006", "min_dpi")
    pages = {p.number: p for p in ex.pages}
    dpi: dict[int, int] = {}
    for picture in pictures:
        page = pages.get(picture["page"])
        if page is not None and is_scan(picture["box"], picture["size"], page.width, page.height):
            dpi[page.number] = min(dpi.get(page.number, 10_000), scan_dpi(picture))
    coarse = sorted((value, number) for number, value in dpi.items() if value < limit)
    if not coarse:
        return []
    worst_dpi, worst_page = coarse[0]
    shown = "、".join(f"第{n}页约 {v} dpi" for v, n in coarse[:_WORST_SHOWN]) + ("等" if len(coarse) > _WORST_SHOWN else "")
    numbers = sorted(n for _v, n in coarse)
    where = "第" + "、".join(map(str, numbers[:8])) + ("等" if len(numbers) > 8 else "") + "页"
    scope = "全部扫描页" if len(coarse) == len(dpi) else f"{len(coarse)} 页扫描页"
    return [ctx.finding(
        "MR-FILE-017",
        f"{ctx.facts.display_name}：{scope}的分辨率低于 {limit} dpi（{shown}），文字和印章可能看不清。",
        page=worst_page, location=where, text=f"{worst_dpi} dpi",
        hint=f"以不低于 {max(limit, 200)} dpi 重新扫描（彩色，保留印章颜色）后再提交。")]


def check(ctx: FileContext) -> list[Finding]:
    out = []
    if ctx.config.is_enabled("MR-IMG-001"):
        out += _blurred(ctx)
    if ctx.config.is_enabled("MR-FILE-017"):
        out += _coarse_scans(ctx)
    return out
