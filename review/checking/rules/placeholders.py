"""Template leftovers: placeholders (XX, ×××, 某某, X月X日, 第X名, X%) and filling instructions.

Legitimate text that looks similar is left alone: X光 / X射线 (a single X before anything but a
counting word), XXL and other Latin words (an X run touching Latin letters or digits), model
numbers such as X5 or iPhone X, and the Roman numeral Ⅹ (a different character). 某某 quoted as an
example (如“某某同志”) is not a leftover either, nor a name masked for privacy: a surname followed by
×× or 某某 (王××, 张某某 — masking minors' and residents' names is required in published lists).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.checking.rules.finding import Finding

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

_X = r"[XxＸｘ×]"
_NOT_LATIN_BEFORE = r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９\-_./])"
_NOT_LATIN_AFTER = r"(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９\-_])"
# Words that follow a number; a lone X before one of them stands for a number to fill in.
_COUNTERS = "年月日号时点分秒名次届期个人位户家所座处项件条场批元万亿千百%％倍岁天周辆台套份本篇"

# Each pattern starts with a lookahead on its possible first characters: the engine then skips
# every other position without entering the pattern (several times faster on long texts).
PLACEHOLDER_PATTERN = re.compile(
    r"(?=[XxＸｘ×第某])(?:"
    # dates to fill in: X年X月X日, X月X日, X年X月
    rf"{_NOT_LATIN_BEFORE}(?P<date>(?:{_X}年)?{_X}月(?:{_X}日)?)(?![A-Za-z0-9])"
    # X runs: XX, XXX, ×××, xx (not inside a Latin word or model number)
    rf"|{_NOT_LATIN_BEFORE}(?P<run>{_X}{{2,}}){_NOT_LATIN_AFTER}"
    # a single X standing for a number: 第X名, X%, X人
    rf"|(?P<single>(?:第|{_NOT_LATIN_BEFORE}){_X}[{_COUNTERS}])"
    r"|(?P<mou>某某+|某年某?月?某?日?|某月某日)"
    r")"
)
INSTRUCTION_PATTERN = re.compile(
    r"(?=[此请（(【［\[填])(?:"
    r"此处(?:填写|填入|插入|输入|粘贴|添加)[^\n。；]{0,20}"
    r"|请(?:填写|填入|输入|补充|插入)(?:[^\n。；]{0,12})"
    r"|[（(]\s*此处[^）)\n]{0,30}[）)]"
    r"|【\s*】|［\s*］|\[\s+\]"
    r"|(?:填写说明|填表说明)[:：]"
    r")"
)
# 某某 quoted as an example is explanation, not a leftover: 如“某某同志”, 例如：某某.
_EXAMPLE_BEFORE = re.compile(r"(?:如|例如|比如|示例|范例|格式为|写作|写成)[:：]?\s*[“\"「『]?$")
_LOOKBACK = 8
# Common single-character surnames; those that also start counting or placing words (于 万 向 共 …)
# are left out, so "向XX同志学习" and "共XX人" are still leftovers.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕于"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯", "长孙")
_COUNTER_AFTER = frozenset(_COUNTERS)


def _masked_name(text: str, m: re.Match[str]) -> bool:
    """王××, 张某某, 欧阳××: a surname then a masking run, not a placeholder left in a template
    (one followed by a counting word, 于XX日, stands for a number)."""
    if not (m["run"] or m["mou"]) or len(m[0]) > 3 or text[m.end():m.end() + 1] in _COUNTER_AFTER - {""}:
        return False
    before = text[max(0, m.start() - 2):m.start()]
    if before.endswith(COMPOUND_SURNAMES):
        return True
    if before[-1:] == "于":  # 由于 关于 对于 …: a surname only at the start of a name entry (、于某某)
        return len(before) < 2 or not "\u4e00" <= before[0] <= "\u9fff"
    return before[-1:] in SURNAMES and before[-1:] != ""


def check(ctx: FileContext) -> list[Finding]:
    out: list[Finding] = []
    text = ctx.doc.text
    name = ctx.facts.display_name
    if ctx.config.is_enabled("MR-TPL-001"):
        for m in PLACEHOLDER_PATTERN.finditer(text):
            if m["mou"] and _EXAMPLE_BEFORE.search(text, max(0, m.start() - _LOOKBACK), m.start()):
                continue
            if _masked_name(text, m):
                continue
            message = f"{name}：“{ctx.doc.excerpt(m.start(), m.end())}”中的“{m[0]}”是未替换的模板占位内容。"
            out.append(ctx.finding_at("MR-TPL-001", message, m.start(), m.end()))
    if ctx.config.is_enabled("MR-TPL-002"):
        for m in INSTRUCTION_PATTERN.finditer(text):
            message = f"{name}：“{ctx.doc.excerpt(m.start(), m.end())}”是模板中的填写提示，尚未删除或填写。"
            out.append(ctx.finding_at("MR-TPL-002", message, m.start(), m.end()))
    return out
