"""The 印章: a 正式发文 or 情况说明 counts only with the issuing body's red seal on its 落款.

- MR-SEAL-001 (file): a 正式发文, or a 情况说明 signed by a body, submitted as PDF (scanned or
  exported) or as an image, whose 落款 page shows no red seal near the 落款. Only those pages of
  those files are rendered (review.checking.rules.red_seals, cached by the file's SHA-256). An
  exported PDF with the electronic seal's image counts as sealed. A red blob of seal size that is
  not a clear ring, and a grey scan on which red cannot be seen, are reported as what they are
  ("未检出", "请彩色扫描"), never as "no seal". A 令 is signed with the 签发人's 签名章, not a
  公章, and is not asked for one.
- MR-SEAL-002 (requirement): a 正式发文 filed under a 测评标准 only as an editable document
  (DOCX/DOC/WPS) with no PDF or scan of the same document (same 文号, else same title) among the
  standard's materials: the evaluators look for the sealed copy.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from review.checking.rules.context import FileContext
from review.checking.rules.dates import signature_date
from review.checking.rules.docno import head_docno, order_number
from review.checking.rules.finding import Finding, Severity
from review.checking.rules.kinds import IMAGE_FORMATS, signature_line
from review.checking.rules.red_seals import PageSeals, page_seals
from review.checking.rules.text import Segment
from review.manual.model import Standard

SEALED_KINDS = ("正式发文", "情况说明")
_PAGE_FORMATS = frozenset({"pdf", "jpeg", "png", "bmp", "tiff"})
_EDITABLE_FORMATS = frozenset({"docx", "doc", "wps"})
_SEALED_COPY_FORMATS = frozenset({"pdf", "ofd"}) | IMAGE_FORMATS
_NEAR_MM = 70  # a seal this far above or below the 落款 still belongs to it
_GREY_HINT = "请用彩色模式重新扫描盖章后的原件（黑白或灰度扫描看不出红色公章），再提交。"
_MARK_HINT = "核对原件印章是否清晰完整；印章模糊、残缺的请重新盖章后彩色扫描，清晰完整的请写明理由豁免。"


@dataclass(frozen=True)
class _SealPlace:
    """Where a seal is asked for: the 落款's page and text, and what the document is."""

    what: str  # 正式发文 or 情况说明
    segment: Segment
    body: str
    day: str
    fmt: str


def _seal_place(ctx: FileContext) -> _SealPlace | None:
    """The 落款 a seal belongs at, for a 正式发文 or a body's 情况说明 as PDF or image; None otherwise."""
    fmt = ctx.extraction.format or ctx.facts.format
    if fmt not in _PAGE_FORMATS:
        return None
    kinds = {k.kind for k in ctx.kinds}
    if not kinds & set(SEALED_KINDS) or ("正式发文" in kinds and order_number(ctx.doc) is not None):
        return None
    signature, signed = signature_line(ctx.doc), signature_date(ctx.doc)
    if signature is None or signed is None:
        return None
    body, day = signature
    if "正式发文" not in kinds and not body:
        return None  # a 情况说明 no body signed is not one a seal is asked of
    segment = ctx.doc.at(signed.start)
    if segment is None:
        return None
    return _SealPlace("正式发文" if "正式发文" in kinds else "情况说明", segment, body, day, fmt)


def measure_ahead(ctx: FileContext) -> None:
    """Measure the seals of the page MR-SEAL-001 will look at into `ctx.cache`, so that the check
    reads them instead of rendering the page (run where the file is extracted, in parallel)."""
    place = _seal_place(ctx)
    if place is not None and ctx.cache is not None:
        page_seals(ctx.facts.path, ctx.facts.sha256, place.fmt, place.segment.page, ctx.cache)


def check(ctx: FileContext) -> list[Finding]:
    """MR-SEAL-001 on one file."""
    if not ctx.config.is_enabled("MR-SEAL-001"):
        return []
    place = _seal_place(ctx)
    if place is None:
        return []
    segment, body, day = place.segment, place.body, place.day
    measured = page_seals(ctx.facts.path, ctx.facts.sha256, place.fmt, segment.page, ctx.cache)
    if measured is None or _near(measured.seals, segment.bbox, measured):
        return []
    what = place.what
    place = f"第{segment.page}页落款“{body + ' ' if body else ''}{day}”处"
    name = ctx.facts.display_name
    common = {"page": segment.page, "location": f"第{segment.page}页 落款", "text": body or day,
              "bbox": segment.bbox}
    if measured.grey:
        return [ctx.finding("MR-SEAL-001", f"{name}：这份{what}的扫描件是黑白或灰度的，{place}看不出是否盖有红色公章。",
                            hint=_GREY_HINT, **common)]
    if _near(measured.marks, segment.bbox, measured):
        return [ctx.finding("MR-SEAL-001", f"{name}：{place}有红色印迹，但未检出清晰完整的圆形公章，可能盖得不清或不全。",
                            hint=_MARK_HINT, **common)]
    source = "扫描件" if measured.scanned else "PDF"
    return [ctx.finding("MR-SEAL-001", f"{name}：这份{what}的{source}{place}未检出红色公章。", **common)]


def _near(boxes: Sequence[tuple[float, float, float, float]], anchor: tuple[float, float, float, float] | None,
          measured: PageSeals) -> bool:
    """Whether a box lies within reach of the 落款 (anywhere on the page when its place is unknown)."""
    if anchor is None:
        return bool(boxes)
    reach = _NEAR_MM * measured.unit_per_mm
    return any(box[1] - reach <= anchor[3] and anchor[1] <= box[3] + reach for box in boxes)


# -- MR-SEAL-002 -----------------------------------------------------------------------------------

_SPACE_PUNCT = re.compile(r"[\s　《》〈〉“”\"'（）()、，,：:]")
_TITLE_WORDS = re.compile(r"关于|通知|决定|意见|办法|方案|规定|细则|报告|批复|通报|纪要|函$")
_TITLE_SEARCH_CHARS = 600  # where a sealed copy's title stands: its first lines


def check_editable_only(standard: Standard, contexts: Sequence[FileContext]) -> list[Finding]:
    """MR-SEAL-002: each 正式发文 of the standard that has only an editable copy; 必须修改 where the
    manual asks for the sealed original (`sealed`)."""
    required = bool(standard.requirement and standard.requirement.sealed)
    copies = [c for c in contexts if (c.extraction.format or c.facts.format) in _SEALED_COPY_FORMATS]
    out: list[Finding] = []
    for c in contexts:
        if (c.extraction.format or c.facts.format) not in _EDITABLE_FORMATS:
            continue
        if not any(k.kind == "正式发文" for k in c.kinds):
            continue
        number = _number_key(c)
        title = _title_key(c)
        if any(_same_document(number, title, other) for other in copies):
            continue
        label = f"（{number[2]}）" if number else (f"“{title}”" if title else "")
        message = (f"{c.facts.display_name}：这份正式发文{label}在 {standard.code} 下只有可编辑的 "
                   f".{c.facts.extension or c.extraction.format} 文档，没有盖章后的扫描件或 PDF。")
        if required:  # the manual asks for the sealed original: nothing is uncertain about a Word file
            message += "本条目要求提交加盖公章的原件扫描件。"
        out.append(c.finding("MR-SEAL-002", message, item_code=standard.code, text=number[2] if number else title,
                             location="文件", severity=Severity.MUST if required else None))
    return out


def _number_key(ctx: FileContext) -> tuple[int, str, str] | None:
    """(year, number, the 文号 as written) of the document's own 文号, or the 令 number (year 0)."""
    own = head_docno(ctx.doc, ctx.docnos)
    if own is not None and own.number:
        return own.year, str(int(own.number)), own.text
    order = order_number(ctx.doc)
    if order is not None:
        digits = re.sub(r"\D", "", order.number)
        return 0, str(int(digits)) if digits else "", order.text
    return None


def _title_key(ctx: FileContext) -> str:
    """The title line(s) after the 文号, without spaces and quotes, for matching a copy by title."""
    for segment in ctx.doc.head(8):
        line = _SPACE_PUNCT.sub("", ctx.doc.segment_text(segment))
        if len(line) >= 6 and _TITLE_WORDS.search(line) and "〔" not in line and "号" not in line[-2:]:
            return line
    return ""


def _same_document(number: tuple[int, str, str] | None, title: str, other: FileContext) -> bool:
    if number is not None:
        theirs = _number_key(other)
        if theirs is not None and theirs[:2] == number[:2]:
            return True
    if not title:
        return False
    head = _SPACE_PUNCT.sub("", other.doc.text[:_TITLE_SEARCH_CHARS])
    return title in head or title in _SPACE_PUNCT.sub("", other.facts.name)
