"""Realistic Chinese official-document prose (公文) for the demo and the benchmark corpus.

`make_document` writes one document of a given kind about one campaign area: a 红头文件 notice
(通知) that issues a 工作方案, a 工作方案 itself, a 情况说明 with measures, results and data, a
台账 with dated rows, or a 会议记录. The same random generator state gives the same document.
Writers (docx_writer, pdf_writer, sheets) lay an `OfficialDoc` out; they never invent text.
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from demo.vocabulary import AREAS, DEFAULT_AREA, DISTRICTS, GIVEN, SURNAMES, Area

KINDS = ("通知", "工作方案", "情况说明", "台账", "会议记录")

# What each kind of material named in the manual is written as.
MANUAL_KIND_TO_DOC = {"正式发文": "通知", "工作方案": "工作方案", "情况说明": "情况说明", "台账": "台账",
                      "统计表": "台账", "会议记录": "会议记录", "宣传资料": "情况说明", "其他": "情况说明"}

_CN_DIGIT = "〇一二三四五六七八九"
_SECTION_NUMBERS = "一二三四五六七八九十"


@dataclass
class Paragraph:
    text: str
    role: str = "body"  # body | h1 (一、) | h2 （一）| field (会议记录 时间/地点…) | annex (附件 title, new page)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]


@dataclass
class OfficialDoc:
    """One generated document, independent of the file format it is written in."""

    kind: str
    area: str
    city: str
    title: str
    issuer: str  # 发文机关 / 落款
    date: date
    docno: str | None = None  # 文号, e.g. 北湖文明办〔2026〕12号
    masthead: str | None = None  # 发文机关标志 of a 红头文件, e.g. 北湖市精神文明建设委员会办公室文件
    recipients: str | None = None  # 主送
    body: list[Paragraph] = field(default_factory=list)
    table: Table | None = None
    seed: int = 0  # lets writers continue the prose deterministically (see more_paragraphs)

    @property
    def date_text(self) -> str:
        return chinese_date(self.date)

    def lines(self) -> list[str]:
        """Every line of the document in reading order (what a text extractor should find)."""
        out = [self.masthead] if self.masthead else []
        if self.docno:
            out.append(self.docno)
        out.append(self.title)
        if self.recipients:
            out.append(self.recipients)
        out.extend(p.text for p in self.body)
        if self.table:
            out.append("  ".join(self.table.columns))
            out.extend("  ".join(row) for row in self.table.rows)
        out.extend([self.issuer, self.date_text])
        return out

    def text(self) -> str:
        return "\n".join(self.lines())

    def replace_text(self, old: str, new: str) -> OfficialDoc:
        """A copy with `old` replaced everywhere (title, 文号, body, table)."""
        return replace(
            self,
            title=self.title.replace(old, new),
            docno=self.docno.replace(old, new) if self.docno else None,
            body=[Paragraph(p.text.replace(old, new), p.role) for p in self.body],
            table=Table(self.table.columns, [[c.replace(old, new) for c in r] for r in self.table.rows])
            if self.table else None,
        )


def chinese_date(day: date) -> str:
    """2026-03-15 → 二〇二六年三月十五日, as 公文 write dates."""
    year = "".join(_CN_DIGIT[int(d)] for d in str(day.year))
    return f"{year}年{_chinese_number(day.month)}月{_chinese_number(day.day)}日"


def _chinese_number(n: int) -> str:
    if n < 10:
        return _CN_DIGIT[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else _CN_DIGIT[tens] + "十") + (_CN_DIGIT[ones] if ones else "")


def city_stem(city: str) -> str:
    """北湖市 → 北湖 (文号 and abbreviations drop the 市)."""
    return city[:-1] if city.endswith("市") and len(city) > 2 else city


def make_docno(city: str, issuer_short: str, year: int, number: int) -> str:
    """A 文号 in the GB/T 9704 form: 北湖文明办〔2026〕12号."""
    return f"{city_stem(city)}{issuer_short}〔{year}〕{number}号"


def area_of(name: str) -> Area:
    return AREAS.get(name, AREAS[DEFAULT_AREA])


def guess_area(text: str, default: str = DEFAULT_AREA) -> str:
    """The campaign area whose keywords best match a manual title; `default` when none does."""
    best, score = default, 0
    for area in AREAS.values():
        hits = sum(len(k) for k in area.keywords if k in text)
        if hits > score:
            best, score = area.name, hits
    return best


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class _Filler:
    """Fills the placeholders of vocabulary templates with plausible numbers and places."""

    def __init__(self, rng: random.Random, city: str) -> None:
        self.rng = rng
        self.city = city

    def __call__(self, template: str) -> str:
        """Each placeholder gets its own value, so "{m}个…{m}个" reads as two different counts."""
        rng = self.rng
        makers = {
            "city": lambda: self.city, "n": lambda: rng.randint(12, 360), "m": lambda: rng.randint(3, 48),
            "p": lambda: rng.randint(1200, 96000), "pct": lambda: f"{rng.randint(860, 995) / 10:g}",
            "pct0": lambda: rng.randint(62, 80), "pct10": lambda: rng.randint(5, 25),
            "district": lambda: rng.choice(DISTRICTS),
        }
        return re.sub(r"\{(\w+)\}", lambda m: str(makers[m.group(1)]()) if m.group(1) in makers else m.group(0),
                      template)


def make_document(rng: random.Random, kind: str, area: str, city: str, date: date, docno: str | None,
                  *, since: date | None = None, subject: str | None = None, focus: str | None = None,
                  keywords: Sequence[str] = ()) -> OfficialDoc:
    """One document of `kind` (see KINDS) about `area`, dated `date`.

    `docno` is the 文号 (None for documents without one); `since` bounds the dates of 台账 rows
    (default: half a year before `date`). `subject` replaces the area's campaign name in titles,
    `focus` (a 测评标准's wording) and `keywords` are woven into the text so that the document
    visibly answers that standard.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {KINDS}")
    seed = rng.getrandbits(32)
    local = random.Random(seed)
    vocab = area_of(area)
    if subject:
        vocab = replace(vocab, topic=subject)
    fill = _Filler(local, city)
    since = since or date - timedelta(days=182)
    builder = {"通知": _notice, "工作方案": _plan, "情况说明": _report, "台账": _ledger, "会议记录": _minutes}[kind]
    doc = builder(local, fill, vocab, city, date, since)
    if focus or keywords:
        first = next((i for i, p in enumerate(doc.body) if p.role == "body"), len(doc.body) - 1)
        doc.body.insert(first + 1, _focus_paragraph(kind, city, vocab, focus, keywords))
    doc.docno = docno
    doc.seed = seed
    return doc


def _focus_paragraph(kind: str, city: str, vocab: Area, focus: str | None, keywords: Sequence[str]) -> Paragraph:
    if kind == "台账":
        return Paragraph(f"对应测评标准：{focus or vocab.topic}（{'、'.join(keywords) or vocab.topic}）", "field")
    standard = f"对照测评标准“{focus}”的要求，" if focus else ""
    return Paragraph(f"{standard}{city}把{'、'.join(keywords) or vocab.topic}作为重点，逐项明确责任单位、完成时限和佐证材料，"
                     "做到底数清、台账全、资料实。")


def _issuer(vocab: Area, city: str) -> str:
    return vocab.issuer_full.format(city=city, stem=city_stem(city))


def _numbered(items: list[str]) -> list[str]:
    return [f"（{_SECTION_NUMBERS[i]}）{text}" for i, text in enumerate(items)]


def _plan_sections(rng: random.Random, fill: _Filler, vocab: Area, city: str, day: date) -> list[Paragraph]:
    measures = rng.sample(vocab.measures, k=min(3, len(vocab.measures)))
    aims = "，".join(vocab.aims)
    body = [
        Paragraph("一、指导思想", "h1"),
        Paragraph(f"深入贯彻落实全国文明城市测评体系要求，坚持以人民为中心，围绕{vocab.topic}，{aims}，"
                  f"为{city}创建全国文明城市提供有力支撑。"),
        Paragraph("二、工作目标", "h1"),
        Paragraph(f"到{day.year}年底，{fill(rng.choice(vocab.results))}；{fill(rng.choice(vocab.results))}，"
                  f"相关测评指标达到全国文明城市测评体系要求。"),
        Paragraph("三、主要任务", "h1"),
    ]
    for heading, measure in zip(_numbered(["健全工作机制", "突出工作重点", "加强督导检查"]), measures, strict=False):
        body.append(Paragraph(heading, "h2"))
        body.append(Paragraph(f"{fill(measure)}。由{vocab.lead_unit}牵头，各区（县）和有关部门按职责分工抓好落实，"
                              "做到有计划、有措施、有台账、有成效。"))
    phase_end = day + timedelta(days=rng.randint(30, 60))
    body += [
        Paragraph("四、实施步骤", "h1"),
        Paragraph(f"（一）动员部署阶段（{day:%Y年%-m月}）。制定方案，召开动员会，明确责任分工。", "body"),
        Paragraph(f"（二）集中推进阶段（{phase_end:%Y年%-m月}至{day.year}年12月）。对照测评标准逐项推进，"
                  "每月通报工作进展。", "body"),
        Paragraph("（三）巩固提升阶段（长期坚持）。总结经验做法，建立长效机制，防止问题反弹。", "body"),
        Paragraph("五、保障措施", "h1"),
        Paragraph("各责任单位要把此项工作列入重要议事日程，主要负责同志亲自抓，分管负责同志具体抓，"
                  f"明确一名联络员负责材料收集报送。市创建办将定期督查，督查结果纳入{city}文明单位考核。"),
    ]
    return body


def _notice(rng: random.Random, fill: _Filler, vocab: Area, city: str, day: date, _since: date) -> OfficialDoc:
    plan_title = f"{city}{day.year}年{vocab.topic}工作方案"
    body = [
        Paragraph(f"为深入推进全国文明城市创建工作，扎实做好{vocab.topic}，经研究，现将《{plan_title}》"
                  "印发给你们，请结合实际认真抓好贯彻落实，工作中遇到的问题请及时报告。"),
        Paragraph(f"附件：{plan_title}"),
        Paragraph(plan_title, "annex"),
        *_plan_sections(rng, fill, vocab, city, day),
    ]
    issuer = _issuer(vocab, city)
    return OfficialDoc(
        kind="通知", area=vocab.name, city=city, title=f"关于印发《{plan_title}》的通知", issuer=issuer, date=day,
        masthead=f"{issuer}文件", recipients="各区（县）创建办，市创建工作各工作组，市直各有关单位：", body=body,
    )


def _plan(rng: random.Random, fill: _Filler, vocab: Area, city: str, day: date, _since: date) -> OfficialDoc:
    return OfficialDoc(
        kind="工作方案", area=vocab.name, city=city, title=f"{city}{day.year}年{vocab.topic}工作方案",
        issuer=_issuer(vocab, city), date=day, body=_plan_sections(rng, fill, vocab, city, day),
    )


def _report(rng: random.Random, fill: _Filler, vocab: Area, city: str, day: date, since: date) -> OfficialDoc:
    measures = rng.sample(vocab.measures, k=min(3, len(vocab.measures)))
    results = rng.sample(vocab.results, k=min(3, len(vocab.results)))
    body = [
        Paragraph("一、基本情况", "h1"),
        Paragraph(f"{since:%Y年%-m月}以来，{city}按照全国文明城市测评体系要求，把{vocab.topic}作为创建工作的重要内容，"
                  f"成立了由分管副市长任组长的工作专班，{vocab.lead_unit}牵头，各区（县）和有关部门协同推进。"),
        Paragraph("二、主要措施", "h1"),
    ]
    for heading, measure in zip(_numbered(["强化组织领导", "狠抓工作落实", "注重宣传引导"]), measures, strict=False):
        body.append(Paragraph(f"{heading}。{fill(measure)}。", "h2"))
    body.append(Paragraph("三、工作成效", "h1"))
    body.append(Paragraph("；".join(fill(r) for r in results) + "。"))
    body.append(Paragraph(f"如在{fill(rng.choice(vocab.places))}等点位，通过{rng.choice(vocab.activities)}，"
                          "群众反映的突出问题得到有效解决，获得感明显增强。"))
    body += [
        Paragraph("四、存在问题和下一步工作", "h1"),
        Paragraph("对照测评标准，工作中仍存在部分区域发展不平衡、长效机制有待健全等问题。下一步，"
                  f"我们将坚持问题导向，持续深化{vocab.topic}，确保各项指标稳定达标。"),
        Paragraph("特此说明。"),
    ]
    return OfficialDoc(
        kind="情况说明", area=vocab.name, city=city, title=f"关于{city}{vocab.topic}工作开展情况的说明",
        issuer=_issuer(vocab, city), date=day, body=body,
    )


def _ledger(rng: random.Random, fill: _Filler, vocab: Area, city: str, day: date, since: date) -> OfficialDoc:
    span = max((day - since).days, 1)
    days = sorted(since + timedelta(days=rng.randint(0, span)) for _ in range(rng.randint(6, 10)))
    rows = []
    for index, when in enumerate(days, start=1):
        cells = [str(index), when.isoformat()]
        for column in vocab.ledger_columns:
            cells.append(_ledger_cell(rng, fill, vocab, column))
        rows.append(cells)
    body = [Paragraph(f"填报单位：{_issuer(vocab, city)}    统计时段：{since:%Y年%-m月%-d日}至{day:%Y年%-m月%-d日}", "field")]
    return OfficialDoc(
        kind="台账", area=vocab.name, city=city, title=f"{city}{vocab.topic}工作台账", issuer=_issuer(vocab, city),
        date=day, body=body, table=Table(["序号", "日期", *vocab.ledger_columns], rows),
    )


def _ledger_cell(rng: random.Random, fill: _Filler, vocab: Area, column: str) -> str:
    if "人数" in column or "人次" in column or "户数" in column:
        return str(rng.randint(8, 260))
    if "时长" in column or "（起）" in column or "（处）" in column:
        return str(rng.randint(2, 120))
    if any(word in column for word in ("负责", "领学", "民警", "督导员", "经办", "教师")):
        return person_name(rng)
    if any(word in column for word in ("地点", "名称", "路段", "巷道", "小区", "市场", "学校", "主体")):
        return fill(rng.choice(vocab.places)) if "活动" not in column else rng.choice(vocab.activities)
    if "时限" in column:
        return f"{rng.randint(3, 15)}个工作日"
    return fill(rng.choice(vocab.measures))[:24]


def _minutes(rng: random.Random, fill: _Filler, vocab: Area, city: str, day: date, _since: date) -> OfficialDoc:
    host, recorder = person_name(rng), person_name(rng)
    attendees = "、".join(person_name(rng) for _ in range(rng.randint(5, 8)))
    place = fill(rng.choice(vocab.places))
    speakers = [person_name(rng) for _ in range(3)]
    body = [
        Paragraph(f"时间：{day:%Y年%-m月%-d日} 上午9:00", "field"),
        Paragraph(f"地点：{city}{place}" if not place.startswith(city) else f"地点：{place}", "field"),
        Paragraph(f"主持人：{host}", "field"),
        Paragraph(f"参会人员：{attendees}，各区（县）创建办负责同志", "field"),
        Paragraph(f"记录人：{recorder}", "field"),
        Paragraph("一、会议议程", "h1"),
        Paragraph(f"通报近期{vocab.topic}工作进展；对照测评体系查找短板；研究部署下一阶段重点任务。"),
        Paragraph("二、会议内容", "h1"),
        Paragraph(f"{speakers[0]}通报了工作进展：{fill(rng.choice(vocab.results))}。"),
        Paragraph(f"{speakers[1]}指出，{fill(rng.choice(vocab.measures))}，但个别单位台账不规范、图片缺少说明，要立即整改。"),
        Paragraph(f"{host}强调，要紧盯测评标准，{rng.choice(vocab.aims)}，确保申报材料不失分。"),
        Paragraph("三、会议议定事项", "h1"),
        Paragraph(f"（一）各责任单位于{(day + timedelta(days=10)):%-m月%-d日}前报送整改清单。"),
        Paragraph(f"（二）{vocab.lead_unit}每月组织一次交叉检查，结果在全市通报。"),
    ]
    return OfficialDoc(
        kind="会议记录", area=vocab.name, city=city, title=f"{city}{vocab.topic}专题推进会会议记录",
        issuer=_issuer(vocab, city), date=day, body=body,
    )


def more_paragraphs(doc: OfficialDoc, count: int) -> list[Paragraph]:
    """Further prose in the document's voice, the same every time for the same document.

    Used to fill multi-page PDFs (the benchmark corpus asks for N pages of text).
    """
    rng = random.Random(doc.seed ^ 0x5EED)
    vocab = area_of(doc.area)
    fill = _Filler(rng, doc.city)
    out = []
    for index in range(count):
        if index % 4 == 0:
            out.append(Paragraph(f"（{_SECTION_NUMBERS[(index // 4) % 10]}）{rng.choice(vocab.activities)}开展情况", "h2"))
        out.append(Paragraph(
            f"{fill(rng.choice(vocab.measures))}。{fill(rng.choice(vocab.results))}。在{fill(rng.choice(vocab.places))}，"
            f"{person_name(rng)}等同志带队开展{rng.choice(vocab.activities)}，{rng.choice(vocab.aims)}，"
            "群众反映良好，相关图片和台账已归档备查。"))
    return out
