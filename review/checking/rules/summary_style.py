"""总结式 reports: a 情况说明 that only generalises, with no measures, results or data.

Data are numbers other than dates and 文号 (arabic digits, or Chinese numbers with a counting
word such as 三十余场); measures and results are recognised by their usual words. A report is
flagged when it has no data and either lacks measures or results too, or is made of stock phrases
(高度重视、精心组织、扎实推进、取得明显成效 …): the words of measures and results are there, but
nothing a reviewer could check — no figure, place or date of a thing done. The judgement rests on
wording, so the finding says so and is 建议修改, never 必须修改.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.checking.rules.dates import DATE_PATTERN
from review.checking.rules.docno import DOCNO_PATTERN
from review.checking.rules.finding import Finding

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

_REPORT_KINDS = frozenset({"情况说明"})
_DATA = re.compile(r"\d|[一二两三四五六七八九十百千万]{2,}(?:余|多)?[个人次家项场户名件处条所支期批]"
                   r"|[一二两三四五六七八九十百千万]+(?:余|多)[个人次家项场户名件处条所支期批]")
_MEASURES = re.compile(r"措施|举措|做法|一是|二是|首先|其次|制定|建立|健全|组织|开展|实施|落实")
# 套话: phrases that say a thing was done well without saying what was done.
_STOCK = re.compile(
    r"高度重视|认真贯彻|贯彻落实|高位推动|精心组织|周密部署|扎实(?:有序)?推进|有序推进|稳步推进|取得(?:了)?(?:明显|显著|阶段性)?(?:成效|成果)"
    r"|摆在突出位置|齐抓共管|上下联动|形成合力|压实(?:工作)?责任|狠抓(?:工作)?落实|落地见效|落到实处|营造(?:了)?浓厚氛围"
    r"|统筹谋划|问题导向|精准施策|示范引领|以点带面|新进展|新突破|高标准、?严要求|做细做实|工作格局|提高(?:思想)?认识"
    r"|加强组织领导|责任感和使命感|思想认识到位|常态长效|务求实效|良好局面|坚强领导")
_MIN_STOCK = 3
_RESULTS = re.compile(r"成效|成果|效果|取得|实现|提升|提高|下降|减少|增加|增长|完成|覆盖|达到|获评|获得|改善")


def check(ctx: FileContext) -> list[Finding]:
    if not ctx.config.is_enabled("MR-RPT-001") or not _REPORT_KINDS & {k.kind for k in ctx.kinds}:
        return []
    # the main text: a footer's page number ("— 1 —") or a header is no datum of the report
    text = "\n".join(ctx.doc.text[s.start:s.end] for s in ctx.doc.body)
    if len(text) < ctx.config.threshold("MR-RPT-001", "min_chars"):
        return []
    plain = DOCNO_PATTERN.sub("", DATE_PATTERN.sub("", text))
    if _DATA.search(plain):
        return []
    missing = ["数据（除日期外没有任何数字）"]
    if not _MEASURES.search(text):
        missing.append("具体措施")
    if not _RESULTS.search(text):
        missing.append("成效")
    stock = list(dict.fromkeys(m[0] for m in _STOCK.finditer(text)))
    if len(missing) < 2 and len(stock) < _MIN_STOCK:
        return []
    said = f"，通篇是“{'”“'.join(stock[:3])}”一类概括性表述" if len(stock) >= _MIN_STOCK else ""
    return [ctx.finding("MR-RPT-001", f"{ctx.facts.display_name}：这是一份说明或总结材料，但缺少{'、'.join(missing)}{said}，"
                                      "属于评审常扣分的“总结式”材料（根据用语判断，请核对）。")]
