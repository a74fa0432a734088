"""What kind of material a file is, and why we think so (the reason is shown to the user).

- 正式发文: by its shape: its own 文号 on a line of its own near the top (or, for a 令, the
  "XX市人民政府令" mark with "第N号" under it) and a 落款 (issuing body and date) at the end; the
  发文机关标志 (红头) is named in the reason when present. A 文号 the text only cites does not count.
- 工作方案 / 情况说明 / 会议记录 / 统计表 / 宣传资料: words in the title (first lines, document
  title property, file name); 会议记录 also by its fixed fields (时间：地点：参会人员 …).
- 台账: title words, or mostly tables with dated rows.
- 图片: an image file, or pages that are one big image with little text. Photos are counted per
  photo (张): a picture inside a PDF or DOCX counts when it is photo-sized and not decoration (a
  logo, a line, a seal or QR code, the same picture on every page, a cover's background under its
  title); a text-only title page before the photos does not stop an album being one.

A file may be several kinds (a 正式发文 that issues a 工作方案); each kind comes with its reason.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from index.document import Extraction, Page
from index.pictures import is_photo_sized, is_scan
from review.checking.rules.dates import find_dates, signature_date
from review.checking.rules.docno import DocNo, order_number
from review.checking.rules.docno import head_docno as own_docno
from review.checking.rules.material import IMAGE_FORMATS, FileFacts
from review.checking.rules.text import DocText

SHEET_FORMATS = frozenset({"xlsx", "xls", "et", "csv"})

_TITLE_WORDS = (
    ("工作方案", re.compile(r"方案|实施意见|工作计划|工作要点|行动计划|计划|规划|工作安排")),
    ("情况说明", re.compile(r"情况说明|说明|汇报|总结|报告|自查|自评|情况介绍")),
    ("会议记录", re.compile(r"会议记录|会议纪要|纪要|记录")),
    ("台账", re.compile(r"台账|登记表|登记簿|花名册|明细表")),
    ("统计表", re.compile(r"统计表|统计|汇总表|一览表|情况表")),
    ("宣传资料", re.compile(r"倡议书|宣传|海报|简报|专刊|手册|折页|公益广告")),
)
_MEETING_FIELDS = re.compile(r"(?:会议)?(?:时间|地点|参会人员|出席人员|参加人员|主持人|记录人|缺席)[:：]")
_ORG_LINE = re.compile(r"(?:委员会|办公室|人民政府|政府|局|委|办|中心|公司|学校|医院|院|所|站|队|部|厅|处|街道|社区|协会|联合会)$")
# 发文机关标志: "焦作市教育局文件", or the issuing body's name alone on the first line.
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff（）()]{4,40}(?:文件|委员会|办公室|人民政府|政府|局|委|办|部)$")
_ROW_KEY = re.compile(r"^(.*第\d+行)")
_TITLE_LINES = 3
_TITLE_CHARS = 80
_PHOTO_PAGE_CHARS = 60  # a page with images and less text than this is a photo page
_ALBUM_TITLE = re.compile(r"图片|照片|图集|影像|剪影|掠影|实景")
_TITLE_PAGE_CHARS = 100  # a cover before the photos: a title, an organ, a date
_DECORATION_REPEATS = 3  # the same picture this often in one file is a letterhead, logo or watermark
_TEXT_OVER_PICTURE = 8  # characters of real text drawn over a picture make it a background
_LEDGER_TABLE_SHARE = 0.6
_LEDGER_DATED_ROWS = 3


@dataclass(frozen=True)
class KindMatch:
    kind: str
    reason: str
    count: int = 1  # how many of the kind the file holds: photos are counted per photo (张数)


def title_of(facts: FileFacts, extraction: Extraction, doc: DocText) -> str:
    """The first lines of the text, the title property and the file name, for title words."""
    lines = [doc.segment_text(s) for s in doc.head(_TITLE_LINES)]
    head = " ".join(lines)[:_TITLE_CHARS]
    return " ".join(filter(None, (head, str(extraction.facts.get("title") or ""), PurePath(facts.name).stem)))


def signature_line(doc: DocText) -> tuple[str, str] | None:
    """(issuing body or "", date text) of the 落款, when the document ends with a dated short line."""
    signed = signature_date(doc)
    if signed is None:
        return None
    segment = doc.at(signed.start)
    body = ""
    if segment is not None:
        before = doc.text[segment.start:signed.start].strip()
        if _ORG_LINE.search(before):
            body = before
        else:
            index = doc.index_of(segment.start)
            if index > 0:
                previous = doc.segment_text(doc.segment(index - 1)).strip()
                if len(previous) <= 40 and _ORG_LINE.search(previous):
                    body = previous
    return body, signed.text


def official_reason(doc: DocText, docnos: Sequence[DocNo]) -> str | None:
    """Why the document is a 正式发文 (its own 文号 or 令 number, and a dated 落款), or None."""
    own = own_docno(doc, list(docnos))
    number = f"文号“{own.text}”" if own is not None else None
    if number is None:
        order = order_number(doc)
        number = f"令号“{order.text}”" if order is not None else None
    signature = signature_line(doc) if number is not None else None
    if signature is None:
        return None
    body, day = signature
    signed = f"{body} {day}" if body else day
    head = [doc.segment_text(s).strip() for s in doc.head(2)]
    mark = next((line for line in head if _MASTHEAD.match(line)), None)
    flag = f"、发文机关标志“{mark}”" if mark and mark not in (number or "") else ""
    return f"有{number}{flag}，文末有落款“{signed}”"


def photo_pictures(extraction: Extraction) -> list[dict[str, Any]] | None:
    """The pictures of the extraction's picture list (index.pictures) that are photos, each image
    once, in page order; None when the extraction has no picture list (made without one)."""
    pictures = extraction.facts.get("pictures")
    if not isinstance(pictures, list):
        return None
    pages = {p.number: p for p in extraction.pages}
    uses = Counter(p["key"] for p in pictures)
    counted: set[str] = set()
    out = []
    for picture in pictures:
        page = pages.get(picture["page"])
        if (picture["key"] in counted or uses[picture["key"]] >= _DECORATION_REPEATS or page is None
                or not is_photo_sized(picture["box"], picture["size"])
                or is_scan(picture["box"], picture["size"], page.width, page.height)
                or _text_over(page, picture["box"])):
            continue
        counted.add(picture["key"])
        out.append(picture)
    return out


def photos_per_page(extraction: Extraction) -> dict[int, int]:
    """How many photos each page shows (pages without any left out); without a picture list, every
    image counts."""
    photos = photo_pictures(extraction)
    if photos is None:
        return {p.number: p.image_count for p in extraction.pages if p.image_count}
    return dict(Counter(p["page"] for p in photos))


def _text_over(page: Page, box: Sequence[float]) -> bool:
    """Whether the page's own text (not OCR of the picture) is drawn over the picture: a background."""
    x0, y0, x1, y1 = box
    inside = sum(len(b.text) for b in page.blocks if b.bbox and b.source != "ocr"
                 and x0 <= (b.bbox[0] + b.bbox[2]) / 2 <= x1 and y0 <= (b.bbox[1] + b.bbox[3]) / 2 <= y1)
    return inside >= _TEXT_OVER_PICTURE


def _photo_pages(extraction: Extraction, photos: dict[int, int]) -> list[int]:
    texts = {p.number: p.text for p in extraction.pages}
    return [n for n, count in photos.items() if len(texts[n].strip()) < _PHOTO_PAGE_CHARS * count]


def _is_album(extraction: Extraction, photo_pages: list[int]) -> bool:
    """Every page shows photos, but for a short title page before them."""
    rest = [p for p in extraction.pages if p.number not in photo_pages]
    return bool(photo_pages) and (not rest or (rest == extraction.pages[:1] and len(rest[0].text.strip()) <= _TITLE_PAGE_CHARS))


def _ledger_reason(doc: DocText, fmt: str) -> str | None:
    if fmt not in SHEET_FORMATS and not doc.has_source("table"):
        return None
    body = doc.body
    cells = [s for s in body if s.source == "table" or fmt in SHEET_FORMATS]
    if not body or len(cells) < _LEDGER_TABLE_SHARE * len(body):
        return None
    rows: set[str] = set()
    for segment in cells:
        key = _ROW_KEY.match(segment.location)
        if key and next(find_dates(doc.text, segment.start, segment.end), None) is not None:
            rows.add(key[1])
    if len(rows) < _LEDGER_DATED_ROWS:
        return None
    return f"内容以表格为主，且有 {len(rows)} 行带日期的记录"


def recognise(facts: FileFacts, extraction: Extraction, doc: DocText, docnos: Sequence[DocNo]) -> list[KindMatch]:
    out: list[KindMatch] = []
    fmt = extraction.format or facts.format
    if fmt in IMAGE_FORMATS:
        out.append(KindMatch("图片", f"文件类型为图片（{fmt.upper()}）"))
    else:
        per_page = photos_per_page(extraction)
        photos = _photo_pages(extraction, per_page)
        pictures = sum(per_page[n] for n in photos)
        embedded = sum(per_page.values())
        album = _ALBUM_TITLE.search(title_of(facts, extraction, doc))
        if photos and (_is_album(extraction, photos) or album):
            pages = "、".join(map(str, photos[:5])) + ("等" if len(photos) > 5 else "")
            out.append(KindMatch("图片", f"第{pages}页以整幅图片为主，共 {pictures} 张", max(pictures, 1)))
        elif fmt == "docx" and embedded and (album or doc.has_source("caption")):
            out.append(KindMatch("图片", f"文档中有 {embedded} 张图片及其说明", embedded))
    official = official_reason(doc, docnos)
    if official is not None:
        out.append(KindMatch("正式发文", official))
    title = title_of(facts, extraction, doc)
    for kind, words in _TITLE_WORDS:
        m = words.search(title)
        if m:
            out.append(KindMatch(kind, f"标题或文件名含“{m[0]}”"))
    kinds_found = {k.kind for k in out}
    if "会议记录" not in kinds_found:
        fields = {m[0] for m in _MEETING_FIELDS.finditer(doc.text, 0, min(len(doc.text), 400))}
        if len(fields) >= 2:
            out.append(KindMatch("会议记录", f"开头有会议记录的栏目（{'、'.join(sorted(fields))}）"))
    if "台账" not in kinds_found:
        ledger = _ledger_reason(doc, fmt)
        if ledger:
            out.append(KindMatch("台账", ledger))
    if fmt in SHEET_FORMATS and "统计表" not in kinds_found and "台账" not in {k.kind for k in out}:
        out.append(KindMatch("统计表", f"文件是电子表格（{fmt.upper()}）"))
    return out or [KindMatch("其他", "未能从文号、落款、标题、结构或文件类型判断材料种类")]


def describe(matches: Sequence[KindMatch]) -> str:
    return "；".join(f"{m.kind}（{m.reason}）" for m in matches)
