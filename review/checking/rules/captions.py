"""Photos without captions, where the requirement asks for them (图片须注明时间、地点、人物、事由).

A caption counts when it says when or where: a date, or the words 时间 / 地点 / 摄于. A bare photo
file counts as captioned when its name does (e.g. "2026年5月12日 人民公园 志愿服务.jpg"), or when
a caption is burnt into the picture itself and OCR reads one there. In
documents, each image needs its own informative caption; photo pages of a PDF need one on the page.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from review.checking.rules.context import FileContext
from review.checking.rules.dates import DATE_PATTERN
from review.checking.rules.finding import Finding
from review.checking.rules.kinds import IMAGE_FORMATS, photos_per_page

_PLACE_OR_TIME = re.compile(r"时间|地点|日期|摄于|拍摄")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIN_NAME_WORDS = 4
_PHOTO_PAGE_CHARS = 60
_MIN_IMAGES_IN_DOCUMENT = 2


def is_informative(text: str) -> bool:
    return bool(DATE_PATTERN.search(text) or _PLACE_OR_TIME.search(text))


def _name_is_caption(name: str) -> bool:
    stem = PurePath(name).stem
    words = DATE_PATTERN.sub("", stem)
    return DATE_PATTERN.search(stem) is not None and len(_CJK.findall(words)) >= _MIN_NAME_WORDS


def check(ctx: FileContext, item_code: str) -> list[Finding]:
    name = ctx.facts.display_name
    ex = ctx.extraction
    if ex.format in IMAGE_FORMATS:
        if _name_is_caption(ctx.facts.name) or is_informative(ctx.doc.text):
            return []
        return [ctx.finding("MR-CAP-001", f"{name}：本条目要求图片配说明，这张图片没有说明文字"
                                          "（文件名也没有写明时间和事由）。", item_code=item_code,
                            hint="把图片放进文档并配上说明，或把文件名改为“时间+地点+事由”，"
                                 "例如“2026年5月12日 人民公园 志愿者清理垃圾.jpg”。")]
    photos = photos_per_page(ex)  # logos, seals, lines and repeated letterheads need no caption
    images = sum(photos.values())
    if ex.format == "docx" and images >= _MIN_IMAGES_IN_DOCUMENT:
        captions = [s for s in ctx.doc.segments if s.source == "caption"]
        good = sum(1 for s in captions if is_informative(ctx.doc.segment_text(s)))
        if good >= images:
            return []
        vague = next((s for s in captions if not is_informative(ctx.doc.segment_text(s))), None)
        place = {"location": vague.location, "text": ctx.doc.segment_text(vague)} if vague else {}
        return [ctx.finding("MR-CAP-001", f"{name}：文档中有 {images} 张图片，只有 {good} 条说明写明了时间或地点。",
                            item_code=item_code, **place)]
    bare = [p.number for p in ex.pages if photos.get(p.number) and len(p.text.strip()) < _PHOTO_PAGE_CHARS * photos[p.number]
            and not is_informative(p.text)]
    if not bare or ex.format == "docx":
        return []
    pages = "、".join(map(str, bare[:8])) + ("等" if len(bare) > 8 else "")
    return [ctx.finding("MR-CAP-001", f"{name}：第{pages}页的图片没有写明时间或地点的说明。",
                        item_code=item_code, page=bare[0], location=f"第{pages}页")]
