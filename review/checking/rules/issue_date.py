"""The 成文日期 of a document with a 文号, against GB/T 9704—2012.

- MR-DOCNO-003: the 文号's year is the year of issue; "焦文明办〔2025〕12号" signed 2026年1月5日
  reuses last year's number (or the date is wrong). 建议修改: the clerk checks which is right.
- MR-DOCNO-004: the 成文日期 is written with Arabic numerals (2026年3月5日), not 二〇二六年三月五日.

Only a document's own 文号 counts (on its line near the top), never one it cites; documents without
a 文号 (情况说明, 方案) may write their date as they like.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from review.checking.rules.dates import CN_YEAR_DIGITS, signature_date
from review.checking.rules.docno import head_docno
from review.checking.rules.finding import Finding

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext


def check(ctx: FileContext) -> list[Finding]:
    if not ctx.enabled("MR-DOCNO-003", "MR-DOCNO-004"):
        return []
    number = head_docno(ctx.doc, ctx.docnos)
    signed = signature_date(ctx.doc) if number is not None else None
    if number is None or signed is None:
        return []
    name = ctx.facts.display_name
    out: list[Finding] = []
    if ctx.config.is_enabled("MR-DOCNO-003") and number.year != signed.first.year:
        message = (f"{name}：文号“{number.text}”的年份是 {number.year} 年，成文日期“{signed.text}”"
                   f"却是 {signed.first.year} 年。")
        out.append(ctx.finding_at("MR-DOCNO-003", message, number.start, number.end,
                                  hint=f"核对文号和成文日期：文号中的年份应为成文日期所在年份"
                                       f"（成文日期无误时，文号应为“{number.org}〔{signed.first.year}〕N号”）。"))
    if ctx.config.is_enabled("MR-DOCNO-004") and signed.text[:1] in CN_YEAR_DIGITS:
        message = f"{name}：成文日期“{signed.text}”用汉字书写，公文的成文日期应使用阿拉伯数字。"
        day = signed.first
        out.append(ctx.finding_at("MR-DOCNO-004", message, signed.start, signed.end,
                                  hint=f"改为“{day.year}年{day.month}月{day.day}日”（GB/T 9704—2012：成文日期用阿拉伯数字"
                                       "将年、月、日标全，年份应标全称，月、日不编虚位）。"))
    return out
