"""总结式 reports: a 情况说明 that only generalises, with no measures, results or data.

Data are numbers other than dates and 文号 (arabic digits, or Chinese numbers with a counting
word such as 三十余场); measures and results are recognised by their usual words. A report is
flagged when it has no data and lacks measures or results too.
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
_RESULTS = re.compile(r"成效|成果|效果|取得|实现|提升|提高|下降|减少|增加|增长|完成|覆盖|达到|获评|获得|改善")


def check(ctx: FileContext) -> list[Finding]:
    if not ctx.config.is_enabled("MR-RPT-001") or not _REPORT_KINDS & {k.kind for k in ctx.kinds}:
        return []
    text = ctx.doc.text
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
    if len(missing) < 2:
        return []
    return [ctx.finding("MR-RPT-001", f"{ctx.facts.display_name}：这是一份说明或总结材料，但缺少{'、'.join(missing)}，"
                                      "属于评审常扣分的“总结式”材料。")]
