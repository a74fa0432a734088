"""A realistic corpus of declaration materials with a truth file: what is wrong where, and what only looks wrong.

    python -m tests.corpus.realistic OUT [--seed 2026]

writes, into OUT (empty or new):

- ``materials/<组名>/<条目编号 标题>/<file>``: about eighty files of four task groups of 焦作市 (测评开始
  2026-08-01, window 测评开始前1月上溯一个年度 = 2025-08-01 … 2026-07-31), filed under the sample
  manual's standards the way clerks name folders ("Ⅲ-11-2) 背街小巷整治台账"), plus a 待归类 folder:
  红头文件 as text PDF, DOCX and sealed or unsealed scans, 工作方案, 情况说明 with figures and 总结式
  ones without, 台账 and 统计表 as XLSX with a date per row, photos with and without EXIF, blurred
  and small ones, 图片说明 documents and a PDF of captioned photos, and broken files;
- ``truth.json``: every planted mistake (file, the rule id expected to report it, the offending
  text) and every clean look-alike (file, the rule that must not fire there, the text), the
  workspace settings and group assignments to load the corpus with, and the rule ids proposed
  for mistakes no current rule covers (see PROPOSED_RULES).

The prose comes from tests/corpus/prose.py and varies with the seed; the mistakes and look-alikes
are the same for every seed (their figures, names and numbers vary). Files are written by the
demo's writers (demo.docx_writer, demo.pdf_writer, demo.sheets, demo.images). No network, no models.
The same seed gives byte-identical files, except the encrypted PDF (AES draws a random IV).
`tests/corpus/realistic-truth.json` is the truth of the default seed, for reading and review
(`python -m tests.corpus.realistic --truth-only tests/corpus/realistic-truth.json` rewrites it).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pymupdf
from docx import Document
from docx.shared import Cm, Pt
from PIL import Image, ImageFilter

from demo.archive import restamp_archive
from demo.docx_writer import set_east_asian_font, write_official_docx
from demo.images import write_photo
from demo.mistakes import id_number, mask_mobile, mobile_number
from demo.pdf_writer import (
    FONT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SCAN_DPI,
    render_pdf,
    write_official_pdf,
    write_scanned_pdf,
)
from demo.sheets import write_ledger_xlsx
from demo.texts import OfficialDoc, Paragraph
from tests.corpus import prose
from tests.corpus.prose import CITY, TOPICS, docno, person_name
from tests.seals import place_seal_on_pdf, seal_image, stamp

TRUTH_FILE = "truth.json"
MATERIALS = "materials"
START = date(2026, 8, 1)
YEAR = 2026
WINDOW_RULE = "测评开始前1月上溯一个年度"
WINDOW = (date(2025, 8, 1), date(2026, 7, 31))
MANUAL = "sample"  # resources/manuals/sample-manual.yaml
UNSORTED = "待归类"

GROUPS = (("XC", "宣传组"), ("CG", "城管组"), ("WH", "文化组"), ("JY", "教育组"))
# Folder names as clerks write them: the standard's code, then a short title.
ITEMS = {
    "Ⅲ-1-1)": ("XC", "年度理论学习计划及实施方案"),
    "Ⅲ-2-1)": ("XC", "三级宣讲队伍"),
    "Ⅲ-2-2)": ("XC", "宣讲进社区农村企业学校"),
    "Ⅲ-3-1)": ("XC", "核心价值观融入法治建设制度文件"),
    "Ⅲ-4-1)": ("XC", "道德模范评选表彰"),
    "Ⅲ-4-2)": ("XC", "礼遇帮扶道德模范"),
    "Ⅲ-18-1)": ("XC", "公益广告刊播管理办法"),
    "Ⅲ-18-2)": ("XC", "主要媒体刊播公益广告"),
    "Ⅲ-11-1)": ("CG", "背街小巷环境整治方案"),
    "Ⅲ-11-2)": ("CG", "背街小巷整治台账"),
    "Ⅲ-12-1)": ("CG", "生活垃圾分类管理办法"),
    "Ⅲ-12-2)": ("CG", "小区垃圾分类设施覆盖率"),
    "Ⅲ-13-1)": ("CG", "老旧小区改造年度计划"),
    "Ⅲ-13-2)": ("CG", "老旧小区物业管理全覆盖"),
    "Ⅲ-8-1)": ("WH", "注册志愿者比例"),
    "Ⅲ-8-2)": ("WH", "志愿服务激励回馈制度"),
    "Ⅲ-8-3)": ("WH", "文明实践站点常态化志愿服务"),
    "Ⅲ-9-1)": ("WH", "关爱空巢老人留守儿童"),
    "Ⅲ-19-1)": ("WH", "公共文化场馆免费开放"),
    "Ⅲ-6-1)": ("JY", "未成年人思想道德建设领导小组和工作要点"),
    "Ⅲ-6-2)": ("JY", "乡村学校少年宫"),
    "Ⅲ-6-3)": ("JY", "校园周边环境专项整治"),
    "Ⅲ-7-1)": ("JY", "德育课程及实践活动"),
    "Ⅲ-7-2)": ("JY", "心理健康教育"),
}

# Mistakes that offices lose points for and that no rule of the catalogue covers yet: the ids
# proposed for them, so that the measurement lists them as misses.
PROPOSED_RULES = {
    "MR-CITY-003": "照搬外市材料只替换了市名：正文残留外市的区县、道路等地名",
    "MR-DUP-003": "结构和行文相同、只换了地名和数字的近似材料（一稿多用），文字相似度低于 MR-DUP-002 的阈值",
    "MR-SEAL-001": "正式发文的扫描件上没有公章（落款处没有红色圆形印章）",
    "MR-DATE-004": "材料内容所属时段不在时间范围内（标题或正文写“2024年度”“截至2024年底”），落款日期却在范围内",
    "MR-DATE-005": "台账或统计表中有记录行的日期不在时间范围内",
    "MR-DOCNO-003": "文号年份与成文日期的年份不一致",
    "MR-DOCNO-004": "带文号的公文，成文日期用汉字书写（GB/T 9704—2012 要求用阿拉伯数字，如“2026年3月5日”）",
    "MR-IMG-001": "照片模糊（失焦或抖动），看不清现场",
    "MR-FILE-017": "扫描件（扫描 PDF 的页面图像）分辨率低于 150 dpi",
}
NOTES = [
    "总结式材料（只有“高度重视……取得明显成效”一类套话、没有数据）按已有规则 MR-RPT-001 计量；"
    "任务书中提议的 MR-SUM-001 与它含义相同，不另设。",
    "文件的 file 是相对于本文件所在文件夹的路径；条目级问题（MR-REQ-001、MR-KEY-001）没有 file，只有 item。",
    "also：在该处同样可以接受的其他规则（例如 MR-CITY-001 期望处报了 MR-CITY-002），报出时既不算命中也不算误报。",
    "look-alike（clean）：不应报出 rule 的正当写法；在该文件以该文字报出即为误报。",
    "MR-DOCNO-004 只针对带文号的公文；不带文号的情况说明、方案用汉字日期不计。",
]

Writer = Callable[[Path], None]


@dataclass
class Mistake:
    rule: str
    text: str
    note: str
    also: tuple[str, ...] = ()


@dataclass
class Clean:
    rule: str
    text: str
    note: str


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
# How each group's clerk writes the standard's code in front of a file name (besides the folder):
# 文化组 "Ⅲ-8-1)-① …", 教育组 "Ⅲ-6-1）…"; the other groups rely on the folder's name alone.
PREFIXES: dict[str, Callable[[str, int], str]] = {
    "WH": lambda code, n: f"{code}-{_CIRCLED[n - 1]} ",
    "JY": lambda code, n: code.replace(")", "）"),
}


@dataclass
class Planned:
    group: str
    item: str | None  # None: the group's 待归类 folder
    name: str  # as the clerk named it, before any code prefix
    kind: str
    write: Writer
    day: date
    mistakes: list[Mistake] = field(default_factory=list)
    clean: list[Clean] = field(default_factory=list)
    number: int = 0  # its place among the item's prefixed files (1, 2 …); 0: no prefix

    @property
    def folder(self) -> str:
        group_name = dict(GROUPS)[self.group]
        sub = f"{self.item} {ITEMS[self.item][1]}" if self.item else UNSORTED
        return f"{MATERIALS}/{group_name}/{sub}"

    @property
    def file_name(self) -> str:
        prefix = PREFIXES.get(self.group)
        return prefix(self.item, self.number) + self.name if prefix and self.item and self.number else self.name

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.file_name}"


@dataclass
class ItemMistake:
    item: str
    rule: str
    text: str
    note: str


def cn(day: date) -> str:
    return prose.chinese_date(day)


def ar(day: date) -> str:
    return prose.arabic_date(day)


# -- writers ---------------------------------------------------------------------------------------

def docx(doc: OfficialDoc) -> Writer:
    return lambda path: write_official_docx(path, doc) and None


def pdf(doc: OfficialDoc, *, password: str | None = None, blank_page: bool = False) -> Writer:
    def write(path: Path) -> None:
        write_official_pdf(path, doc, password=password)
        if blank_page:  # a duplex scanner's or a careless export's empty last page
            with pymupdf.open(path) as document:
                document.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
                data = document.tobytes(garbage=3, deflate=True, no_new_id=True)
            path.write_bytes(data)
    return write


def scan(doc: OfficialDoc, *, seal: bool = True, dpi: int = SCAN_DPI) -> Writer:
    """A scanned paper document (image-only PDF), sealed or not, at the given resolution."""
    def write(path: Path) -> None:
        write_scanned_pdf(path, doc, seal=seal, dpi=dpi)
    return write


_TEXT_COLUMNS = ("身份证", "电话", "编号")


def xlsx(doc: OfficialDoc) -> Writer:
    """The demo's 台账 writer; identity numbers, phone numbers and certificate numbers are then kept
    as text cells, as clerks type them (a number cell would show 4.11302E+17 and lose digits)."""
    def write(path: Path) -> None:
        write_ledger_xlsx(path, doc)
        assert doc.table is not None
        columns = [i for i, name in enumerate(doc.table.columns, start=1) if any(w in name for w in _TEXT_COLUMNS)]
        if not columns:
            return
        book = openpyxl.load_workbook(path)
        sheet = book.active
        for row, values in enumerate(doc.table.rows, start=4):  # title, 填报单位, header, then the rows
            for column in columns:
                cell = sheet.cell(row=row, column=column)
                cell.value, cell.number_format = values[column - 1], "@"
        book.save(path)
        restamp_archive(path, datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0))
    return write


@dataclass
class Shot:
    """One photo: the scene's area, the burnt-in caption (or none), EXIF time (or none)."""

    seed: int
    scene: str
    caption: str | None
    taken: datetime | None
    size: tuple[int, int] = (1280, 960)
    blur: float = 0.0


def _shot_bytes(shot: Shot) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.jpg"
        _write_shot(path, shot)
        return path.read_bytes()


def _write_shot(path: Path, shot: Shot) -> None:
    write_photo(path, rng=random.Random(shot.seed), area=shot.scene, caption=shot.caption, taken=shot.taken,
                size=shot.size)
    if shot.blur:
        with Image.open(path) as image:
            exif = image.info.get("exif")
            blurred = image.filter(ImageFilter.GaussianBlur(shot.blur))
        options: dict[str, object] = {"format": "JPEG", "quality": 80}
        if exif:
            options["exif"] = exif
        blurred.save(path, **options)


def photo(shot: Shot) -> Writer:
    return lambda path: _write_shot(path, shot)


def photo_docx(title: str, shots: Sequence[tuple[Shot, str]], day: date, author: str) -> Writer:
    """A 图片说明 document: a title, then each photo with its caption paragraph under it."""
    def write(path: Path) -> None:
        document = Document()
        stamp = datetime(day.year, day.month, day.day, 10, 0, 0)
        props = document.core_properties
        props.author = props.last_modified_by = author
        props.title = title
        props.created = props.modified = props.last_printed = stamp
        heading = document.add_paragraph()
        run = heading.add_run(title)
        run.font.size = Pt(18)
        set_east_asian_font(run._r, "方正小标宋简体")
        for shot, text in shots:
            document.add_picture(io.BytesIO(_shot_bytes(shot)), width=Cm(14))
            line = document.add_paragraph()
            run = line.add_run(text)
            set_east_asian_font(run._r, "仿宋_GB2312")
        document.save(str(path))
        restamp_archive(path, stamp)
    return write


def photo_pdf(title: str, shots: Sequence[tuple[Shot, str]]) -> Writer:
    """One A4 page: a title line, then three photos, each with a one-line caption under it."""
    def write(path: Path) -> None:
        out = pymupdf.open()
        page = out.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        page.insert_text((80, 60), title, fontname=FONT, fontsize=16)
        y = 80.0
        for shot, text in shots:
            rect = pymupdf.Rect(150, y, 445, y + 220)
            page.insert_image(rect, stream=_shot_bytes(shot))
            page.insert_text((80, y + 238), text, fontname=FONT, fontsize=9.5)
            y += 252
        out.save(str(path), garbage=3, deflate=True, no_new_id=True)
        out.close()
    return write


def empty(path: Path) -> None:
    path.write_bytes(b"")


def truncated(doc: OfficialDoc) -> Writer:
    def write(path: Path) -> None:
        write_official_docx(path, doc)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    return write


def garbage_pdf(seed: int) -> Writer:
    """A PDF whose body was lost in transfer: the header, then noise."""
    def write(path: Path) -> None:
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + random.Random(seed).randbytes(20_000))
    return write


def photo_zip(shots: Sequence[tuple[str, Shot]], day: date) -> Writer:
    """Photos sent as a ZIP archive (what a chat app or a clerk's "send folder" produces)."""
    def write(path: Path) -> None:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
            for name, shot in shots:
                archive.writestr(zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 12, 0, 0)),
                                 _shot_bytes(shot))
    return write


# -- the plan --------------------------------------------------------------------------------------

class CorpusPlan:
    """Everything to write and everything the truth says, decided before anything is written."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.files: list[Planned] = []
        self.item_mistakes: list[ItemMistake] = []

    def rng(self, label: str) -> random.Random:
        """A generator of its own per file: adding a file never changes the others."""
        return random.Random(f"{self.seed}:{label}")

    def day(self, rng: random.Random, first: date, last: date) -> date:
        return first + timedelta(days=rng.randint(0, (last - first).days))

    def add(self, group: str, item: str | None, name: str, kind: str, write: Writer, day: date, *,
            mistakes: Sequence[Mistake] = (), clean: Sequence[Clean] = (), prefix: bool = True) -> Planned:
        number = 0
        if prefix and item and group in PREFIXES:
            number = 1 + sum(1 for f in self.files if f.group == group and f.item == item and f.number)
        planned = Planned(group, item, name, kind, write, day, list(mistakes), list(clean), number)
        self.files.append(planned)
        return planned


def _shot(rng: random.Random, topic: str, day: date, *, caption: bool = True, exif: bool = True,
          size: tuple[int, int] = (1280, 960), blur: float = 0.0, place: str | None = None) -> tuple[Shot, str]:
    """A photo of `topic` work on `day`; returns it and its place (for the file name)."""
    t = TOPICS[topic]
    where, text = prose.caption(rng, t, day, place)
    taken = datetime(day.year, day.month, day.day, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59))
    return Shot(rng.getrandbits(32), t.scene, text if caption else None, taken if exif else None, size, blur), where


def _short_place(where: str) -> str:
    """What a clerk keeps of a place for a file name: the district or county and the street or town."""
    m = re.match(r"(\S{1,3}?[区县])(\S{2,4}?(?:街道|镇))?", where)
    return "".join(filter(None, m.groups())) if m else re.sub(r"[（）()“”]", "", where)[:10]


def _stamp(rng: random.Random, day: date) -> str:
    """A phone camera's file name: IMG_20260415_093512."""
    return f"IMG_{day:%Y%m%d}_{rng.randint(8, 17):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}.jpg"


def _masked_clean(names: Sequence[str], what: str) -> list[Clean]:
    """A look-alike for every masked name the placeholder rule could mistake (王××, 张某某, 欧阳××)."""
    return [Clean("MR-TPL-001", name, f"{what}姓名按要求打码") for name in dict.fromkeys(names)
            if name.endswith(("××", "某某"))]


def _mask_id(number: str, rng: random.Random) -> str:
    """How offices mask a 身份证号: 4108**********1234 or 410802********1234."""
    keep = rng.choice((4, 6))
    return number[:keep] + "*" * (14 - keep) + number[-4:]


def _relocate(doc: OfficialDoc, places: dict[str, str], rng: random.Random) -> OfficialDoc:
    """The same document told of another place: names swapped, every figure changed (dates kept)."""
    def swap(text: str) -> str:
        for old, new in sorted(places.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(old, new)
        return re.sub(r"(?<![\d年月.])\d+(?![\d年月日号.])",
                      lambda m: str(max(1, int(m[0]) + rng.randint(1, 9) * (1 if rng.random() < 0.5 else -1))), text)
    return replace(doc, title=swap(doc.title), body=[Paragraph(swap(p.text), p.role) for p in doc.body])


def plan_corpus(seed: int = 2026) -> CorpusPlan:
    plan = CorpusPlan(seed)
    _propaganda(plan)
    _city_management(plan)
    _volunteers(plan)
    _education(plan)
    _requirement_cases(plan)
    _seal_cases(plan)
    _copies_cases(plan)
    _period_cases(plan)
    _image_quality_cases(plan)
    _mark_unsealed(plan)
    return plan


def _propaganda(plan: CorpusPlan) -> None:
    """宣传组: 理论学习, 宣讲, 核心价值观, 道德模范, 公益广告."""
    g = "XC"
    # Ⅲ-1-1): a 红头 notice that issues the plan (正式发文 + 工作方案), the plan's own unsigned file
    # citing a central document, and an unsealed scan of a 会议记录.
    rng = plan.rng("1-1 notice")
    day = plan.day(rng, date(2026, 2, 10), date(2026, 2, 28))
    number = docno("宣", 2026, 3)
    doc = prose.notice(rng, TOPICS["学习"], "关于印发《2026年全市党员干部理论学习计划》的通知", number, day,
                       issued="2026年全市党员干部理论学习计划", recipients="各县（市、区）委宣传部，市直各单位党组（党委）：")
    plan.add(g, "Ⅲ-1-1)", f"{number} 关于印发《2026年全市理论学习计划》的通知.pdf", "正式发文", pdf(doc), day,
             clean=[Clean("MR-DOCNO-001", number, "文号用六角括号〔〕，写法正确"),
                    Clean("MR-DATE-001", ar(day), "成文日期在时间范围内（阿拉伯数字）")])

    rng = plan.rng("1-1 plan")
    day = plan.day(rng, date(2026, 1, 5), date(2026, 1, 25))
    cited = "中办发〔2016〕89号"
    doc = prose.plan(rng, TOPICS["学习"], "焦作市2026年市委理论学习中心组学习计划", day, signed=False,
                     cite=f"中共中央办公厅有关党委（党组）理论学习中心组学习的规定（{cited}）")
    plan.add(g, "Ⅲ-1-1)", "焦作市2026年理论学习中心组学习计划.docx", "工作方案", docx(doc), day,
             clean=[Clean("MR-DATE-001", cited, "正文引用的上级文号年份（2016）不是本材料的日期；计划是 2026 年的"),
                    Clean("MR-DOCNO-001", cited, "引用的中央文号写法正确"),
                    Clean("MR-DOCNO-002", cited, "引用的中央文号要素齐全")])

    rng = plan.rng("1-1 minutes")
    day = plan.day(rng, date(2026, 3, 10), date(2026, 3, 28))
    doc = prose.minutes(rng, TOPICS["学习"], "市委理论学习中心组2026年第一次集体学习会议记录", day)
    plan.add(g, "Ⅲ-1-1)", "理论学习中心组第一次集体学习会议记录.pdf", "会议记录", scan(doc, seal=False), day,
             clean=[Clean("MR-SEAL-001", "会议记录", "会议记录不是正式发文，扫描件不盖章是正常的")])

    # Ⅲ-2-1): the team's founding notice as a sealed scan with a date in Chinese numerals; the roster.
    rng = plan.rng("2-1 notice")
    day = plan.day(rng, date(2025, 9, 8), date(2025, 9, 26))
    number = docno("文明办", 2025, 17)
    doc = prose.notice(rng, TOPICS["宣讲"], "关于成立焦作市基层理论宣讲团的通知", number, day, date_style="chinese")
    plan.add(g, "Ⅲ-2-1)", f"{number} 关于成立焦作市基层理论宣讲团的通知.pdf", "正式发文", scan(doc), day,
             mistakes=[Mistake("MR-DOCNO-004", cn(day), "成文日期用汉字书写")],
             clean=[Clean("MR-DATE-001", cn(day), "汉字成文日期在时间范围内（扫描件，经文字识别）")])

    rng = plan.rng("2-1 roster")
    day = plan.day(rng, date(2026, 3, 1), date(2026, 3, 20))
    rows, phones = [], []
    for index in range(1, 11):
        when = plan.day(rng, date(2025, 9, 15), date(2026, 2, 28))
        phone = mask_mobile(mobile_number(rng))
        phones.append(phone)
        rows.append([str(index), when.isoformat(), person_name(rng),
                     rng.choice(("市委党校", "焦作大学", "解放区委宣传部", "修武县融媒体中心", "市老干部局", "山阳区教育局")),
                     rng.choice(("党的创新理论", "乡村振兴政策", "法治宣传", "文明新风")), phone])
    doc = prose.ledger(rng, TOPICS["宣讲"], "焦作市基层理论宣讲员名册", day,
                       ["序号", "登记日期", "姓名", "工作单位", "宣讲方向", "联系电话"], sorted(rows, key=lambda r: r[1]))
    plan.add(g, "Ⅲ-2-1)", "焦作市基层宣讲员名册.xlsx", "台账", xlsx(doc), day,
             clean=[Clean("MR-PII-002", phones[0], "手机号已打码")])

    # Ⅲ-2-2): a report with a legitimate mention of 郑州 (the provincial capital), four photos, and
    # two county reports that are one text with the places and figures changed.
    rng = plan.rng("2-2 report")
    day = plan.day(rng, date(2026, 5, 6), date(2026, 5, 28))
    meeting = plan.day(rng, date(2026, 3, 2), date(2026, 3, 27))
    zheng = (f"{meeting.month}月{meeting.day}日，省文明办在郑州召开全省基层理论宣讲工作推进会，"
             "我市“百姓宣讲团”作典型发言，相关做法在全省推广。")
    doc = prose.report(rng, TOPICS["宣讲"], "关于焦作市基层宣讲“四进”活动开展情况的说明", day,
                       since=date(2025, 9, 1), extra=[zheng], date_style="chinese")
    plan.add(g, "Ⅲ-2-2)", "关于焦作市基层宣讲“四进”活动开展情况的说明.docx", "情况说明", docx(doc), day,
             clean=[Clean("MR-CITY-002", "郑州", "河南省的城市材料提到省会郑州召开的全省会议，属正当提及"),
                    Clean("MR-DATE-001", cn(day), "汉字落款日期在时间范围内（不带文号的说明）")])
    scenes = (("宣讲进社区", date(2026, 3, 12), "山阳区光亚街道光亚社区"), ("宣讲进农村", date(2026, 3, 26), "武陟县詹店镇东唐郭村"),
              ("宣讲进企业", date(2026, 4, 15), "示范区科技产业园"), ("宣讲进学校", date(2026, 4, 22), "修武县第一实验中学"))
    for index, (what, day, place) in enumerate(scenes, start=1):
        rng = plan.rng(f"2-2 photo {index}")
        if index == 3:  # a phone's own name; the caption is burnt in by a 水印相机 app
            shot, where = _shot(rng, "宣讲", day, place=place)
            plan.add(g, "Ⅲ-2-2)", _stamp(rng, day), "图片", photo(shot), day,
                     clean=[Clean("MR-CAP-001", "时间：", "照片上有水印说明（时间、地点、人物、事由），文件名虽是相机编号")])
        elif index == 4:
            shot, where = _shot(rng, "宣讲", day, blur=4.5, place=place)
            plan.add(g, "Ⅲ-2-2)", f"图片{index} {ar(day)} {_short_place(where)} {what}.jpg", "图片", photo(shot), day,
                     mistakes=[Mistake("MR-IMG-001", "模糊", "照片严重失焦")])
        else:
            shot, where = _shot(rng, "宣讲", day, exif=index == 1, place=place)
            plan.add(g, "Ⅲ-2-2)", f"图片{index} {ar(day)} {_short_place(where)} {what}.jpg", "图片", photo(shot), day)
    rng = plan.rng("2-2 county")
    day = plan.day(rng, date(2026, 4, 8), date(2026, 4, 28))
    first = prose.report(rng, TOPICS["宣讲"], "关于修武县基层理论宣讲工作开展情况的说明", day, since=date(2025, 10, 1),
                         organ="中共修武县委宣传部",
                         places={"county": ["修武县"], "district": ["修武县"], "street": ["城关镇", "郇封镇", "周庄镇"],
                                 "community": ["东关村", "北关社区", "七贤村"], "school": ["修武县第一实验中学"]})
    second = _relocate(first, {"修武县": "博爱县", "城关镇": "清化镇", "郇封镇": "月山镇", "周庄镇": "许良镇",
                               "东关村": "西关村", "北关社区": "南关社区", "七贤村": "寨卜昌村",
                               "修武县第一实验中学": "博爱县第一中学"}, rng)
    second = replace(second, issuer="中共博爱县委宣传部")
    for doc, county in ((first, "修武县"), (second, "博爱县")):
        other = "博爱县" if county == "修武县" else "修武县"
        plan.add(g, "Ⅲ-2-2)", f"关于{county}基层宣讲工作情况的说明.docx", "情况说明", docx(doc), day,
                 mistakes=[Mistake("MR-DUP-003", f"关于{other}基层宣讲工作情况的说明.docx",
                                   "两县的说明是同一篇稿子，只换了乡镇村名和数字", also=("MR-DUP-002",))])

    # Ⅲ-3-1) (own window: two years back, 2024-08-01 … 2026-07-31): two documents older than the
    # workspace window but inside the standard's, one older than both.
    rng = plan.rng("3-1 a")
    day = plan.day(rng, date(2024, 10, 8), date(2024, 11, 20))
    number = docno("政办", 2024, 36)
    doc = prose.notice(rng, TOPICS["价值观"], "关于将社会主义核心价值观融入法治建设的实施意见", number, day)
    plan.add(g, "Ⅲ-3-1)", f"{number} 关于将社会主义核心价值观融入法治建设的实施意见.docx", "正式发文", docx(doc), day,
             clean=[Clean("MR-DATE-001", ar(day), "早于工作区时间范围，但本条目要求上溯两个年度，在条目时间范围内"),
                    Clean("MR-DATE-003", ar(day), "在本条目的时间范围（上溯两个年度）内")])
    rng = plan.rng("3-1 b")
    day = plan.day(rng, date(2025, 3, 3), date(2025, 3, 28))
    number = docno("文明委", 2025, 2)
    doc = prose.notice(rng, TOPICS["价值观"], "关于修订《焦作市市民公约》的通知", number, day,
                       organ="焦作市精神文明建设委员会")
    plan.add(g, "Ⅲ-3-1)", f"{number} 关于修订《焦作市市民公约》的通知.pdf", "正式发文", pdf(doc), day,
             clean=[Clean("MR-DATE-001", ar(day), "在本条目的时间范围（上溯两个年度）内"),
                    Clean("MR-DATE-003", ar(day), "在本条目的时间范围内")])
    rng = plan.rng("3-1 c")
    day = plan.day(rng, date(2023, 5, 8), date(2023, 6, 28))
    number = docno("文明委", 2023, 8)
    doc = prose.notice(rng, TOPICS["价值观"], "关于印发焦作市文明行为倡导清单的通知", number, day,
                       issued="焦作市文明行为倡导清单", organ="焦作市精神文明建设委员会")
    plan.add(g, "Ⅲ-3-1)", f"{number} 关于印发焦作市文明行为倡导清单的通知.pdf", "正式发文", pdf(doc), day,
             mistakes=[Mistake("MR-DATE-003", ar(day), "早于本条目的时间范围（2024-08-01 起）")])

    # Ⅲ-4-1): the honours decision as an unsealed scan with 金华 (a person) in the list; the report.
    rng = plan.rng("4-1 decision")
    day = plan.day(rng, date(2026, 1, 12), date(2026, 1, 30))
    number = docno("文明委", 2026, 4)
    names = [person_name(rng) for _ in range(9)]
    names.insert(3, "金华")
    doc = prose.decision(rng, TOPICS["模范"], "关于表彰第八届焦作市道德模范的决定", number, day, names)
    plan.add(g, "Ⅲ-4-1)", f"{number} 关于表彰第八届焦作市道德模范的决定.pdf", "正式发文", scan(doc, seal=False), day,
             mistakes=[Mistake("MR-SEAL-001", doc.issuer, "表彰决定的扫描件落款处没有盖章")],
             clean=[Clean("MR-CITY-002", "金华", "道德模范名单中的人名“金华”（扫描件，经文字识别）")])
    rng = plan.rng("4-1 report")
    day = plan.day(rng, date(2026, 2, 2), date(2026, 2, 26))
    listed = [person_name(rng) for _ in range(5)]
    listed.insert(2, "金华")
    doc = prose.report(rng, TOPICS["模范"], "关于第八届焦作市道德模范评选表彰工作情况的说明", day,
                       since=date(2025, 9, 1), organ="焦作市精神文明建设委员会办公室",
                       extra=[f"经评审，{'、'.join(listed)}等10名同志当选第八届{CITY}道德模范，另有12名同志获提名奖。"])
    plan.add(g, "Ⅲ-4-1)", "关于第八届焦作市道德模范评选表彰工作情况的说明.docx", "情况说明", docx(doc), day,
             clean=[Clean("MR-CITY-002", "金华", "当选名单（顿号分隔的人名）中的人名“金华”")])

    # Ⅲ-4-2): the materials filed here do not speak to 礼遇帮扶 at all (wrong files).
    rng = plan.rng("4-2 notice")
    day = plan.day(rng, date(2025, 12, 1), date(2025, 12, 20))
    number = f"焦文明委（2025）{rng.randint(9, 19)}号"
    doc = prose.notice(rng, TOPICS["模范"], "关于开展2025年度道德模范走访慰问活动的通知", number, day,
                       organ="焦作市精神文明建设委员会",
                       extra=["各地要把走访慰问与日常关心结合起来，如第七届道德模范、武陟县人民医院医生金华扎根基层三十年，"
                              "要重点了解其工作生活中的实际困难。"])
    plan.add(g, "Ⅲ-4-2)", f"{number} 关于开展2025年度道德模范走访慰问活动的通知.pdf", "正式发文", pdf(doc), day,
             mistakes=[Mistake("MR-DOCNO-001", number, "文号用了全角圆括号（）")],
             clean=[Clean("MR-CITY-002", "医生金华", "“医生金华扎根基层”中的“金华”是人名")])
    rng = plan.rng("4-2 ledger")
    day = plan.day(rng, date(2026, 1, 20), date(2026, 1, 30))
    rows = [[str(i), plan.day(rng, date(2025, 12, 22), date(2026, 1, 18)).isoformat(), person_name(rng),
             rng.choice(("第六届道德模范", "第七届道德模范", "焦作好人")), rng.choice(("慰问金", "慰问品", "健康体检")),
             str(rng.randint(5, 20) * 100)] for i in range(1, 9)]
    doc = prose.ledger(rng, TOPICS["模范"], "焦作市道德模范走访慰问台账", day,
                       ["序号", "走访日期", "走访对象", "荣誉称号", "慰问内容", "金额（元）"], sorted(rows, key=lambda r: r[1]))
    plan.add(g, "Ⅲ-4-2)", "焦作市道德模范走访慰问台账.xlsx", "台账", xlsx(doc), day)
    plan.item_mistakes.append(ItemMistake("Ⅲ-4-2)", "MR-KEY-001", "礼遇帮扶",
                                          "归入的通知和台账讲的是走访慰问，没有礼遇帮扶制度（标准要求的关键词没有出现）"))

    # Ⅲ-18-1): a notice whose 文号 uses square brackets. Ⅲ-18-2): assigned, nothing filed yet.
    rng = plan.rng("18-1")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 16))
    number = docno("文明办", 2026, 5, "[]")
    doc = prose.notice(rng, TOPICS["公益广告"], "关于印发焦作市公益广告刊播管理办法的通知", number, day,
                       issued="焦作市公益广告刊播管理办法")
    plan.add(g, "Ⅲ-18-1)", f"{number} 关于印发焦作市公益广告刊播管理办法的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-001", number, "文号年份用了方括号[]")])
    for kind in ("台账", "图片"):
        plan.item_mistakes.append(ItemMistake("Ⅲ-18-2)", "MR-REQ-001", kind, f"已分工的条目还没有任何材料（缺{kind}）"))

    # 待归类: a notice with a padded 文号 (第6号) not yet filed under any standard.
    rng = plan.rng("unsorted")
    day = plan.day(rng, date(2026, 1, 6), date(2026, 1, 20))
    number = "焦文明办〔2026〕第6号"
    doc = prose.notice(rng, TOPICS["志愿服务"], "关于开展2026年“我们的节日·春节”主题活动的通知", number, day)
    plan.add(g, None, f"{number} 关于开展“我们的节日·春节”主题活动的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-002", number, "序号前多了“第”字")])


def _city_management(plan: CorpusPlan) -> None:
    """城管组: 背街小巷, 垃圾分类, 老旧小区."""
    g = "CG"
    rng = plan.rng("11-1 notice")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 13))
    number = docno("城管", 2026, 9)
    doc = prose.notice(rng, TOPICS["背街"], "关于印发焦作市背街小巷环境整治提升工作方案的通知", number, day,
                       issued="焦作市背街小巷环境整治提升工作方案")
    plan.add(g, "Ⅲ-11-1)", f"{number} 关于印发焦作市背街小巷环境整治提升工作方案的通知.pdf", "正式发文", pdf(doc), day,
             clean=[Clean("MR-DOCNO-001", number, "文号括号正确")])

    rng = plan.rng("11-1 round brackets")
    day = plan.day(rng, date(2025, 10, 8), date(2025, 10, 24))
    number = docno("城管", 2025, 21, "()")
    doc = prose.notice(rng, TOPICS["背街"], "关于印发背街小巷“街长制”实施办法的通知", number, day,
                       issued="焦作市背街小巷“街长制”实施办法", date_style="chinese")
    plan.add(g, "Ⅲ-11-1)", f"{number} 关于印发背街小巷“街长制”实施办法的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-001", number, "文号年份用了半角圆括号()"),
                       Mistake("MR-DOCNO-004", cn(day), "成文日期用汉字书写")],
             clean=[Clean("MR-DATE-001", cn(day), "汉字成文日期在时间范围内")])

    rng = plan.rng("11-1 leftovers")
    day = plan.day(rng, date(2026, 3, 16), date(2026, 3, 31))
    doc = prose.plan(rng, TOPICS["背街"], "焦作市2026年背街小巷整治工作方案", day, extra=[
        "成立背街小巷整治工作专班，由XX同志任专班组长，市城市管理局分管负责同志任副组长。",
        "力争在全省城市管理月度考核中进入第X名，城区背街小巷整治完成率达到100%。",
        "各区责任单位：（此处填写牵头科室及联系人）。"])
    plan.add(g, "Ⅲ-11-1)", "焦作市2026年背街小巷整治工作方案（报送稿）.docx", "工作方案", docx(doc), day,
             mistakes=[Mistake("MR-TPL-001", "XX同志", "模板中的“XX同志”未替换"),
                       Mistake("MR-TPL-001", "第X名", "模板中的“第X名”未替换"),
                       Mistake("MR-TPL-002", "此处填写", "填写提示未删除")])

    rng = plan.rng("11-1 old plan")
    day = plan.day(rng, date(2025, 3, 20), date(2025, 4, 25))
    doc = prose.plan(rng, TOPICS["背街"], "焦作市2025年背街小巷整治工作方案", day)
    plan.add(g, "Ⅲ-11-1)", "焦作市2025年背街小巷整治工作方案.docx", "工作方案", docx(doc), day,
             mistakes=[Mistake("MR-DATE-001", ar(day), "落款日期早于时间范围（2025-08-01 起）")])

    rng = plan.rng("11-1 year mismatch")
    day = plan.day(rng, date(2026, 1, 8), date(2026, 1, 22))
    number = docno("城管", 2025, 3)
    doc = prose.notice(rng, TOPICS["背街"], "关于开展背街小巷“月评比”活动的通知", number, day)
    plan.add(g, "Ⅲ-11-1)", f"{number} 关于开展背街小巷“月评比”活动的通知.pdf", "正式发文", pdf(doc), day,
             mistakes=[Mistake("MR-DOCNO-003", number, f"文号年份 2025 与成文日期 {ar(day)} 不一致（沿用了上年文号）")])

    rng = plan.rng("11-1 copied")
    day = plan.day(rng, date(2026, 4, 7), date(2026, 4, 24))
    n = rng.randint(120, 260)
    doc = prose.report(rng, TOPICS["背街"], "关于焦作市背街小巷整治工作开展情况的说明", day, since=date(2025, 9, 1),
                       extra=[f"截至目前，新乡市已累计整治背街小巷{n}条，打通断头路{rng.randint(8, 30)}条，"
                              "形成了可复制、可推广的经验。"])
    plan.add(g, "Ⅲ-11-1)", "关于焦作市背街小巷整治工作开展情况的说明.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-CITY-002", "新乡市", "照抄外市材料，残留“新乡市”及其数据")])

    rng = plan.rng("cg unsorted")
    day = plan.day(rng, date(2026, 4, 13), date(2026, 4, 24))
    number = "焦城管〔2026〕06号"
    doc = prose.notice(rng, TOPICS["背街"], "关于开展城市家具清洗维护专项行动的通知", number, day)
    plan.add(g, None, f"{number} 关于开展城市家具清洗维护专项行动的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-002", number, "序号编了虚位（06）")])

    # Ⅲ-11-2): the 销号台账: residents' names masked, three rows from before the window.
    rng = plan.rng("11-2 ledger")
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 15))
    rows, masked = [], []
    old = [date(2025, 5, rng.randint(6, 28)), date(2025, 6, rng.randint(3, 27)), date(2025, 7, rng.randint(1, 20))]
    recent = sorted(plan.day(rng, date(2025, 9, 1), date(2026, 5, 30)) for _ in range(9))
    for when in old + recent:
        resident = prose.masked_name(rng)
        masked.append(resident)
        rows.append(["", when.isoformat(), f"{rng.choice(prose.DISTRICTS)}{rng.choice(prose.ROADS)}{rng.randint(1, 6)}巷",
                     rng.choice(("路面破损", "私搭乱建", "垃圾积存", "线缆乱拉", "占道经营")),
                     rng.choice(("已修复", "已拆除", "已清运", "已规整")), person_name(rng), resident, "已销号"])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, TOPICS["背街"], "焦作市背街小巷整治销号台账", day,
                       ["序号", "发现日期", "巷道名称", "发现问题", "整改情况", "责任人", "反映群众", "销号情况"], rows)
    plan.add(g, "Ⅲ-11-2)", "焦作市背街小巷整治销号台账.xlsx", "台账", xlsx(doc), day,
             mistakes=[Mistake("MR-DATE-005", old[0].isoformat(), "台账中有 3 行记录早于时间范围（2025年5—7月）")],
             clean=_masked_clean(masked, "反映群众"))

    # Ⅲ-12-1) (own window: three years back): the 2023 管理办法 as a sealed scan.
    rng = plan.rng("12-1")
    day = plan.day(rng, date(2023, 9, 4), date(2023, 9, 28))
    number = docno("政", 2023, 15)
    doc = prose.notice(rng, TOPICS["垃圾分类"], "焦作市人民政府关于施行焦作市生活垃圾分类管理办法的通知", number, day)
    plan.add(g, "Ⅲ-12-1)", f"{number} 焦作市生活垃圾分类管理办法.pdf", "正式发文", scan(doc), day,
             clean=[Clean("MR-DATE-001", ar(day), "本条目要求上溯三个年度，2023 年的管理办法在条目时间范围内"),
                    Clean("MR-DATE-003", ar(day), "在本条目的时间范围（上溯三个年度）内")])

    # Ⅲ-12-2): photos only (the 统计表 is missing), one too small, two without any caption, one a
    # JPEG saved with the .png extension.
    day = date(2026, 5, 12)
    rng = plan.rng("12-2 photo 1")
    shot, where = _shot(rng, "垃圾分类", day)
    plan.add(g, "Ⅲ-12-2)", f"{day.isoformat()} {_short_place(where)} 垃圾分类督导.jpg", "图片", photo(shot), day)
    rng = plan.rng("12-2 photo 2")
    day = date(2026, 5, 18)
    shot, where = _shot(rng, "垃圾分类", day, size=(320, 240))
    plan.add(g, "Ⅲ-12-2)", f"图片2 {ar(day)} {_short_place(where)} 桶边督导.jpg", "图片", photo(shot), day,
             mistakes=[Mistake("MR-FILE-006", "320×240", "图片只有 320×240 像素")])
    rng = plan.rng("12-2 photo 3")
    day = date(2026, 5, 20)
    shot, _ = _shot(rng, "垃圾分类", day, caption=False)
    plan.add(g, "Ⅲ-12-2)", "现场照片3.jpg", "图片", photo(shot), day,
             mistakes=[Mistake("MR-CAP-001", "现场照片3.jpg", "照片上和文件名中都没有时间、地点、事由")])
    rng = plan.rng("12-2 photo 4")
    shot, _ = _shot(rng, "垃圾分类", day, caption=False, exif=False)
    plan.add(g, "Ⅲ-12-2)", "现场照片4.jpg", "图片", photo(shot), day,
             mistakes=[Mistake("MR-CAP-001", "现场照片4.jpg", "照片没有说明"),
                       Mistake("MR-DATE-002", "现场照片4.jpg", "照片没有拍摄时间（无 EXIF），说明和文件名也没有日期")])
    rng = plan.rng("12-2 photo 5")
    day = date(2026, 5, 26)
    shot, where = _shot(rng, "垃圾分类", day)
    plan.add(g, "Ⅲ-12-2)", f"图片5 {ar(day)} {_short_place(where)} 垃圾分类宣传.png", "图片", photo(shot), day,
             mistakes=[Mistake("MR-FILE-012", ".png", "JPEG 照片被改成了 .png 扩展名")])
    plan.item_mistakes.append(ItemMistake("Ⅲ-12-2)", "MR-REQ-001", "统计表", "只有照片，缺少设施覆盖情况统计表"))

    # Ⅲ-13-1): a plan copied from 新乡市 with only the city's name replaced; the project table.
    rng = plan.rng("13-1 plan")
    day = plan.day(rng, date(2026, 2, 2), date(2026, 2, 27))
    district = rng.choice(prose.FOREIGN_DISTRICTS)
    doc = prose.plan(rng, TOPICS["老旧小区"], "焦作市2026年老旧小区改造计划", day,
                     places={"district": prose.FOREIGN_DISTRICTS, "road": prose.FOREIGN_ROADS,
                             "street": ("平原路",)},
                     extra=[f"重点推进{district}、{rng.choice([d for d in prose.FOREIGN_DISTRICTS if d != district])}"
                            f"{rng.randint(12, 40)}个老旧小区改造，{rng.choice(prose.FOREIGN_ROADS)}沿线小区同步实施外立面整治。"])
    plan.add(g, "Ⅲ-13-1)", "焦作市2026年老旧小区改造计划.docx", "工作方案", docx(doc), day,
             mistakes=[Mistake("MR-CITY-003", district, "抄自新乡市的计划只改了市名，区名（红旗区、卫滨区等）和道路仍是新乡的")])
    rng = plan.rng("13-1 table")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 12))
    rows, phones = [], []
    for index in range(1, 9):
        phone = mask_mobile(mobile_number(rng))
        phones.append(phone)
        rows.append([str(index), plan.day(rng, date(2026, 1, 5), date(2026, 2, 27)).isoformat(),
                     f"{rng.choice(prose.DISTRICTS)}{rng.choice(prose.ROADS)}{rng.choice(('家属院', '小区', '宿舍'))}",
                     str(rng.randint(80, 640)), str(rng.randint(120, 980)), person_name(rng), phone])
    doc = prose.ledger(rng, TOPICS["老旧小区"], "焦作市2026年老旧小区改造项目统计表", day,
                       ["序号", "统计日期", "小区名称", "户数", "投资（万元）", "联系人", "联系电话"], rows)
    plan.add(g, "Ⅲ-13-1)", "焦作市老旧小区改造项目统计表.xlsx", "统计表", xlsx(doc), day,
             clean=[Clean("MR-PII-002", phones[0], "手机号已打码")])

    # Ⅲ-13-2): two district reports that are one text with the district's name changed.
    rng = plan.rng("13-2")
    day = plan.day(rng, date(2026, 4, 13), date(2026, 4, 29))
    base = prose.report(rng, TOPICS["老旧小区"], "关于解放区老旧小区物业管理全覆盖工作情况的说明", day,
                        since=date(2025, 9, 1), organ="解放区住房和城乡建设局",
                        places={"district": ["解放区"]}, date_style="chinese")
    for district in ("解放区", "山阳区"):
        doc = base.replace_text("解放区", district)
        doc = replace(doc, issuer=f"{district}住房和城乡建设局")
        other = "山阳区" if district == "解放区" else "解放区"
        plan.add(g, "Ⅲ-13-2)", f"关于{district}老旧小区物业管理全覆盖工作情况的说明.docx", "情况说明", docx(doc), day,
                 mistakes=[Mistake("MR-DUP-003", f"关于{other}老旧小区物业管理全覆盖工作情况的说明.docx",
                                   "两区的说明除区名外完全相同（一稿多用）", also=("MR-DUP-002",))])


    rng = plan.rng("13-2 platitudes")
    day = plan.day(rng, date(2026, 5, 11), date(2026, 5, 26))
    doc = prose.platitudes(rng, TOPICS["老旧小区"], "关于老旧小区物业管理工作情况的汇报", day, date_style="chinese",
                           organ="焦作市住房和城乡建设局")
    plan.add(g, "Ⅲ-13-2)", "关于老旧小区物业管理工作情况的汇报.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-RPT-001", doc.body[0].text[:16], "总结式汇报：没有一个数字、地点或可核实的成效")])


def _volunteers(plan: CorpusPlan) -> None:
    """文化组: 志愿服务, 关爱, 公共文化."""
    g = "WH"
    # Ⅲ-8-1) (formats xlsx/xls/pdf): the statistics, a report citing a 文号 and a landline, an
    # encrypted PDF.
    rng = plan.rng("8-1 table")
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 10))
    rows = []
    for index, area in enumerate((*prose.DISTRICTS, *prose.COUNTIES), start=1):
        people = rng.randint(18000, 90000)
        rows.append([str(index), date(2026, 5, 31).isoformat(), area, str(people * 100 // rng.randint(12, 16)),
                     str(people), str(rng.randint(40, 260))])
    doc = prose.ledger(rng, TOPICS["志愿服务"], "焦作市实名注册志愿者统计表", day,
                       ["序号", "统计日期", "县（市、区）", "城区常住人口", "实名注册志愿者", "志愿服务队伍"], rows)
    plan.add(g, "Ⅲ-8-1)", "焦作市注册志愿者统计表.xlsx", "统计表", xlsx(doc), day)
    rng = plan.rng("8-1 report")
    day = plan.day(rng, date(2026, 6, 2), date(2026, 6, 12))
    cited = docno("文明办", 2026, 2)
    landline = f"0391-{rng.randint(2000000, 3999999)}"
    doc = prose.report(rng, TOPICS["志愿服务"], "关于焦作市实名注册志愿者情况的说明", day, since=date(2025, 8, 1),
                       extra=[f"按照{cited}文件要求，各县（市、区）每季度核对一次注册信息，联系电话：{landline}。"])
    plan.add(g, "Ⅲ-8-1)", "关于焦作市注册志愿者情况的说明.pdf", "情况说明", pdf(doc), day,
             clean=[Clean("MR-DOCNO-001", cited, "正文引用的文号括号正确"),
                    Clean("MR-PII-002", landline, "单位座机号码不是手机号")])
    rng = plan.rng("8-1 encrypted")
    day = plan.day(rng, date(2026, 5, 10), date(2026, 5, 20))
    doc = prose.report(rng, TOPICS["志愿服务"], "焦作市2026年度星级志愿者评定结果公示", day, since=date(2025, 8, 1))
    plan.add(g, "Ⅲ-8-1)", "焦作市志愿服务星级评定结果公示.pdf", "其他", pdf(doc, password="jz2026"), day,
             mistakes=[Mistake("MR-FILE-001", "加密", "PDF 设置了打开密码")])

    # Ⅲ-8-2) (own window: two years): the 2024 measures as a sealed scan.
    rng = plan.rng("8-2")
    day = plan.day(rng, date(2024, 12, 2), date(2024, 12, 20))
    number = docno("文明委", 2024, 11)
    doc = prose.notice(rng, TOPICS["志愿服务"], "关于建立焦作市志愿服务激励回馈制度的通知", number, day,
                       organ="焦作市精神文明建设委员会")
    plan.add(g, "Ⅲ-8-2)", f"{number} 焦作市志愿服务激励回馈办法.pdf", "正式发文", scan(doc), day,
             clean=[Clean("MR-DATE-001", ar(day), "本条目要求上溯两个年度，在条目时间范围内（扫描件）"),
                    Clean("MR-DATE-003", ar(day), "在本条目的时间范围内")])

    # Ⅲ-8-3): the activity ledger (one volunteer's ID and mobile unmasked), photos, a 图片说明 DOCX
    # and a copy of the 关爱 plan filed here too.
    rng = plan.rng("8-3 ledger")
    day = plan.day(rng, date(2026, 6, 15), date(2026, 6, 25))
    exposed = rng.randint(3, 8)
    rows = []
    exposed_id = exposed_mobile = ""
    masked_id = masked_phone = ""
    served = []
    for index in range(1, 11):
        number, mobile = id_number(rng), mobile_number(rng)
        if index == exposed:
            exposed_id, exposed_mobile = number, mobile
            shown_id, shown_mobile = number, mobile
        else:
            shown_id, shown_mobile = _mask_id(number, rng), mask_mobile(mobile)
            masked_id, masked_phone = masked_id or shown_id, masked_phone or shown_mobile
        who = "欧阳××" if index == 2 else prose.masked_name(rng)
        served.append(who)
        rows.append([str(index), plan.day(rng, date(2025, 9, 1), date(2026, 6, 12)).isoformat(),
                     f"{rng.choice(prose.DISTRICTS)}{rng.choice(('焦北', '光亚', '冯封', '待王'))}新时代文明实践站",
                     rng.choice(TOPICS["志愿服务"].activities), person_name(rng), shown_id, shown_mobile, who,
                     str(rng.randint(2, 8))])
    rows.sort(key=lambda r: r[1])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, TOPICS["志愿服务"], "焦作市新时代文明实践站志愿服务活动台账", day,
                       ["序号", "活动日期", "站点", "活动名称", "志愿者", "身份证号", "联系电话", "服务对象", "服务时长（小时）"],
                       rows)
    plan.add(g, "Ⅲ-8-3)", "焦作市新时代文明实践站志愿服务活动台账.xlsx", "台账", xlsx(doc), day,
             mistakes=[Mistake("MR-PII-001", exposed_id, "志愿者身份证号未打码"),
                       Mistake("MR-PII-002", exposed_mobile, "志愿者手机号未打码")],
             clean=[Clean("MR-PII-001", masked_id, "其他行的身份证号已打码"),
                    Clean("MR-PII-002", masked_phone, "其他行的手机号已打码"),
                    *_masked_clean(served, "服务对象（含复姓欧阳××）")])
    shots = ((date(2025, 6, 10), "old"), (date(2026, 3, 5), "blur"), (date(2026, 4, 2), "ok"), (date(2026, 5, 9), "noexif"))
    for index, (day, how) in enumerate(shots, start=1):
        rng = plan.rng(f"8-3 photo {index}")
        what = re.sub("[“”]", "", TOPICS["志愿服务"].activities[index % 3])
        if how == "old":
            shot, _ = _shot(rng, "志愿服务", day)
            plan.add(g, "Ⅲ-8-3)", _stamp(rng, day), "图片", photo(shot), day,
                     mistakes=[Mistake("MR-DATE-001", ar(day), "去年 6 月的照片（EXIF 与水印均为 2025年6月），早于时间范围")],
                     clean=[Clean("MR-CAP-001", "时间：", "照片上有水印说明")])
        elif how == "blur":
            shot, where = _shot(rng, "志愿服务", day, blur=5.0)
            plan.add(g, "Ⅲ-8-3)", f"图片{index} {ar(day)} {what}.jpg", "图片", photo(shot), day,
                     mistakes=[Mistake("MR-IMG-001", "模糊", "照片严重失焦，水印也看不清")])
        else:
            shot, where = _shot(rng, "志愿服务", day, exif=how == "ok")
            plan.add(g, "Ⅲ-8-3)", f"图片{index} {ar(day)} {_short_place(where)} {what}.jpg", "图片", photo(shot), day)
    rng = plan.rng("8-3 photo doc")
    day = plan.day(rng, date(2026, 5, 11), date(2026, 5, 29))
    pictures = []
    for index in range(3):
        when = day - timedelta(days=7 * index)
        shot, where = _shot(rng, "志愿服务", when, caption=False)
        t = TOPICS["志愿服务"]
        pictures.append((shot, f"图{index + 1}  时间：{ar(when)}  地点：{CITY}{where}  人物：{person_name(rng)}等志愿者  "
                               f"事由：{rng.choice(t.activities)}"))
    plan.add(g, "Ⅲ-8-3)", "图片说明 新时代文明实践站志愿服务活动.docx", "图片", photo_docx("新时代文明实践站志愿服务活动图片", pictures, day, "焦作市文明办"), day,
             clean=[Clean("MR-CAP-001", "时间：", "每张图片下都有时间、地点、人物、事由")])

    # Ⅲ-9-1): the 关爱 plan (also filed under Ⅲ-8-3), the ledger of those served (masked names),
    # a PDF page of three captioned photos and a photo named by its caption.
    rng = plan.rng("9-1 plan")
    day = plan.day(rng, date(2026, 2, 9), date(2026, 2, 27))
    doc = prose.plan(rng, TOPICS["关爱"], "焦作市关爱空巢老人和留守儿童志愿服务工作方案", day, extra=[
        "联合市第二人民医院组织医疗志愿者下乡，为行动不便的老人免费开展X光胸透检查和慢病随访。"])
    name = "焦作市关爱空巢老人留守儿童志愿服务工作方案.docx"
    for item, other in (("Ⅲ-9-1)", "Ⅲ-8-3)"), ("Ⅲ-8-3)", "Ⅲ-9-1)")):
        plan.add(g, item, name, "工作方案", docx(doc), day, prefix=False,
                 mistakes=[Mistake("MR-DUP-001", other, f"同一文件又放在 {other} 下")],
                 clean=[Clean("MR-TPL-001", "X光", "“X光胸透”不是占位符")])
    rng = plan.rng("9-1 ledger")
    day = plan.day(rng, date(2026, 6, 8), date(2026, 6, 19))
    rows, served = [], []
    for index in range(1, 13):
        who = prose.masked_name(rng)
        served.append(who)
        rows.append([str(index), plan.day(rng, date(2025, 10, 1), date(2026, 6, 5)).isoformat(), who,
                     rng.choice(("空巢老人", "留守儿童", "独居老人")), f"{rng.choice(prose.COUNTIES)}{rng.choice(('东关', '西街', '南王庄'))}村",
                     rng.choice(("上门探访", "课业辅导", "义诊", "代购药品")), person_name(rng)])
    rows.sort(key=lambda r: r[1])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, TOPICS["关爱"], "焦作市关爱空巢老人留守儿童志愿服务台账", day,
                       ["序号", "服务日期", "服务对象", "类别", "所在村（社区）", "服务内容", "志愿者"], rows)
    plan.add(g, "Ⅲ-9-1)", "焦作市关爱空巢老人志愿服务台账.xlsx", "台账", xlsx(doc), day,
             clean=_masked_clean(served, "服务对象"))
    rng = plan.rng("9-1 photo pdf")
    day = plan.day(rng, date(2026, 4, 6), date(2026, 4, 24))
    pictures = []
    for index in range(3):
        when = day + timedelta(days=2 * index)
        shot, where = _shot(rng, "关爱", when, caption=False)
        pictures.append((shot, f"图{index + 1} 时间：{ar(when)} 地点：{where} 事由：{rng.choice(TOPICS['关爱'].activities)}"))
    plan.add(g, "Ⅲ-9-1)", "关爱留守儿童活动照片.pdf", "图片", photo_pdf("关爱留守儿童志愿服务活动图片", pictures), day,
             clean=[Clean("MR-CAP-001", "时间：", "三张照片各有时间、地点、事由说明")])
    rng = plan.rng("9-1 report")
    day = plan.day(rng, date(2026, 5, 18), date(2026, 5, 29))
    doc = prose.report(rng, TOPICS["关爱"], "关于焦作市关爱空巢老人和留守儿童志愿服务开展情况的说明", day,
                       since=date(2025, 9, 1),
                       extra=["新乡市文明办牵头建立“关爱空巢老人”志愿服务联席会议制度，每季度召开一次会议，"
                              "研究解决服务中的困难和问题。"])
    plan.add(g, "Ⅲ-9-1)", "关于焦作市关爱空巢老人和留守儿童志愿服务开展情况的说明.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-CITY-001", "新乡市文明办", "照抄新乡市材料，以“新乡市文明办”的名义表述")])
    rng = plan.rng("9-1 photo")
    day = date(2026, 1, 18)
    shot, _ = _shot(rng, "关爱", day, caption=False)
    plan.add(g, "Ⅲ-9-1)", f"{ar(day)} 马村区 敬老院志愿服务.jpg", "图片", photo(shot), day,
             clean=[Clean("MR-CAP-001", "马村区 敬老院志愿服务", "文件名写明了时间、地点和事由")])

    # Ⅲ-19-1): a 2024年度 summary signed in 2026, the statistics, a 总结式 汇报, a name with a trailing space.
    rng = plan.rng("19-1 old year")
    day = plan.day(rng, date(2026, 1, 12), date(2026, 1, 28))
    doc = prose.report(rng, TOPICS["免费开放"], "关于焦作市公共文化场馆2024年度免费开放工作的总结", day,
                       since=date(2024, 1, 1),
                       extra=["2024年度，全市公共文化场馆全部实现免费开放，全年无一例安全责任事故。"])
    plan.add(g, "Ⅲ-19-1)", "关于焦作市公共文化场馆2024年度免费开放工作的总结.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-DATE-004", "2024年度", "总结的是 2024 年度的工作，早于时间范围；落款却是 2026 年")])
    rng = plan.rng("19-1 table")
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 12))
    rows = []
    for venue in prose.VENUES[:4]:
        for month in (1, 3, 5):
            rows.append([str(len(rows) + 1), date(2026, month, 28).isoformat(), venue, str(rng.randint(26, 31)),
                         str(rng.randint(8000, 60000)), str(rng.randint(4, 30))])
    doc = prose.ledger(rng, TOPICS["免费开放"], "焦作市公共文化场馆免费开放情况统计表", day,
                       ["序号", "统计日期", "场馆", "开放天数", "接待人次", "公益活动场次"], rows)
    plan.add(g, "Ⅲ-19-1)", "焦作市公共文化场馆免费开放统计表.xlsx", "统计表", xlsx(doc), day)
    rng = plan.rng("19-1 platitudes")
    day = plan.day(rng, date(2026, 5, 5), date(2026, 5, 20))
    doc = prose.platitudes(rng, TOPICS["免费开放"], "关于焦作市文化惠民和免费开放工作开展情况的汇报", day)
    plan.add(g, "Ⅲ-19-1)", "关于焦作市文化惠民工作开展情况的汇报.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-RPT-001", doc.body[0].text[:16], "只有“高度重视……取得明显成效”一类套话，没有措施细节和任何数据")])
    rng = plan.rng("19-1 space")
    day = plan.day(rng, date(2026, 4, 1), date(2026, 4, 20))
    doc = prose.report(rng, TOPICS["免费开放"], "焦作市公共文化服务工作情况说明", day, since=date(2025, 9, 1))
    planned = plan.add(g, "Ⅲ-19-1)", "焦作市公共文化服务工作情况说明 .docx", "情况说明", docx(doc), day,
                       clean=[Clean("MR-RPT-001", "工作成效", "有措施、成效和数据的情况说明")])
    planned.mistakes.append(Mistake("MR-FILE-010", planned.file_name, "文件名在扩展名前有空格"))


def _education(plan: CorpusPlan) -> None:
    """教育组: 未成年人, 少年宫, 校园周边, 德育, 心理健康."""
    g = "JY"
    rng = plan.rng("6-1 scan")
    day = plan.day(rng, date(2026, 2, 16), date(2026, 2, 27))
    number = docno("教", 2026, 12)
    doc = prose.notice(rng, TOPICS["未成年人"], "关于印发2026年全市未成年人思想道德建设工作要点的通知", number, day,
                       issued="2026年全市未成年人思想道德建设工作要点")
    plan.add(g, "Ⅲ-6-1)", f"{number} 关于印发2026年全市未成年人思想道德建设工作要点的通知.pdf", "正式发文", scan(doc), day,
             clean=[Clean("MR-DOCNO-001", number, "文号括号正确（扫描件，经文字识别）"),
                    Clean("MR-SEAL-001", doc.issuer, "落款处盖有公章")])
    rng = plan.rng("6-1 small brackets")
    day = plan.day(rng, date(2026, 1, 12), date(2026, 1, 23))
    number = docno("教", 2026, 7, "﹝﹞")
    doc = prose.notice(rng, TOPICS["未成年人"], "关于调整焦作市未成年人思想道德建设工作领导小组成员的通知", number, day,
                       date_style="chinese",
                       extra=[f"组长：{person_name(rng)}（市政府副市长）；副组长：{person_name(rng)}（市教育局局长）、"
                              f"{person_name(rng)}（市委宣传部副部长）。领导小组办公室设在市教育局德育科。"])
    plan.add(g, "Ⅲ-6-1)", f"{number} 关于调整未成年人思想道德建设工作领导小组成员的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-001", number, "文号用了小括号﹝﹞（形似六角括号）"),
                       Mistake("MR-DOCNO-004", cn(day), "成文日期用汉字书写")],
             clean=[Clean("MR-DATE-001", cn(day), "汉字成文日期在时间范围内")])
    rng = plan.rng("6-1 old notice")
    day = plan.day(rng, date(2025, 3, 3), date(2025, 3, 21))
    number = docno("教", 2025, 9)
    doc = prose.notice(rng, TOPICS["未成年人"], "关于做好2025年春季学期未成年人思想道德建设工作的通知", number, day,
                       date_style="chinese")
    plan.add(g, "Ⅲ-6-1)", f"{number} 关于做好2025年春季学期未成年人思想道德建设工作的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DATE-001", cn(day), "上学期的通知，汉字成文日期早于时间范围"),
                       Mistake("MR-DOCNO-004", cn(day), "成文日期用汉字书写")])
    rng = plan.rng("6-1 blank page")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 20))
    number = docno("教", 2026, 15)
    doc = prose.notice(rng, TOPICS["未成年人"], "关于开展“新时代好少年”学习宣传活动的通知", number, day)
    plan.add(g, "Ⅲ-6-1)", f"{number} 关于开展“新时代好少年”学习宣传活动的通知.pdf", "正式发文", pdf(doc, blank_page=True), day,
             mistakes=[Mistake("MR-FILE-004", "空白页", "最后一页是空白页")])
    rng = plan.rng("6-1 long name")
    day = plan.day(rng, date(2026, 3, 23), date(2026, 4, 3))
    doc = prose.report(rng, TOPICS["未成年人"], "关于未成年人思想道德建设工作领导小组调整和工作要点落实情况的报告", day,
                       since=date(2025, 9, 1))
    long_name = ("关于报送焦作市未成年人思想道德建设工作领导小组调整情况及2026年度工作要点贯彻落实情况的报告"
                 "（市教育局德育科报送，已经分管局领导审核同意，请市创建办审核）.docx")
    planned = plan.add(g, "Ⅲ-6-1)", long_name, "情况说明", docx(doc), day)
    planned.mistakes.append(Mistake("MR-FILE-009", planned.file_name, f"文件名有 {len(planned.file_name)} 个字符"))

    # Ⅲ-6-2): the 少年宫 ledger (pupils' names masked), photos (one small, one blurred), a 图片说明
    # whose captions say neither when nor where, a truncated DOCX, photos sent as a ZIP.
    rng = plan.rng("6-2 ledger")
    day = plan.day(rng, date(2026, 6, 8), date(2026, 6, 19))
    rows, pupils = [], []
    for index in range(1, 13):
        pupil = prose.masked_name(rng)
        pupils.append(pupil)
        rows.append([str(index), plan.day(rng, date(2025, 9, 8), date(2026, 6, 5)).isoformat(),
                     rng.choice(("修武县城关镇第一小学少年宫", "博爱县月山镇中心小学少年宫", "温县祥云镇中心校少年宫",
                                 "孟州市西虢镇中学少年宫")),
                     rng.choice(("书法", "舞蹈", "科技制作", "足球", "合唱")), str(rng.randint(18, 60)), person_name(rng),
                     pupil])
    rows.sort(key=lambda r: r[1])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, TOPICS["少年宫"], "焦作市乡村学校少年宫活动台账", day,
                       ["序号", "活动日期", "少年宫", "活动项目", "参加人数", "辅导教师", "优秀学员"], rows)
    plan.add(g, "Ⅲ-6-2)", "焦作市乡村学校少年宫活动台账.xlsx", "台账", xlsx(doc), day,
             clean=_masked_clean(pupils, "未成年人"))
    for index, (day, place, what, how) in enumerate((
            (date(2026, 4, 9), "修武县", "少年宫书法课", "ok"), (date(2026, 4, 16), "博爱县", "少年宫科技小组", "small"),
            (date(2026, 4, 23), "温县", "少年宫舞蹈课", "blur")), start=1):
        rng = plan.rng(f"6-2 photo {index}")
        shot, _ = _shot(rng, "少年宫", day, size=(640, 480) if how == "small" else (1280, 960),
                        blur=4.0 if how == "blur" else 0.0)
        mistakes = {"small": [Mistake("MR-FILE-006", "640×480", "图片只有 640×480 像素")],
                    "blur": [Mistake("MR-IMG-001", "模糊", "照片失焦")]}.get(how, [])
        plan.add(g, "Ⅲ-6-2)", f"图片{index} {ar(day)} {place} {what}.jpg", "图片", photo(shot), day, mistakes=mistakes)
    rng = plan.rng("6-2 vague captions")
    day = plan.day(rng, date(2026, 5, 6), date(2026, 5, 15))
    pictures = [(_shot(rng, "少年宫", day, caption=False)[0], "图1 同学们在认真练习书法"),
                (_shot(rng, "少年宫", day, caption=False)[0], "图2 辅导老师耐心指导学生")]
    plan.add(g, "Ⅲ-6-2)", "少年宫活动图片说明.docx", "图片", photo_docx("乡村学校少年宫活动图片", pictures, day, "修武县教育局"), day,
             mistakes=[Mistake("MR-CAP-001", "同学们在认真练习书法", "图片说明只写了事由，没有时间和地点")])
    rng = plan.rng("6-2 truncated")
    day = plan.day(rng, date(2026, 3, 9), date(2026, 3, 20))
    doc = prose.minutes(rng, TOPICS["少年宫"], "全市乡村学校少年宫辅导员培训会签到及记录", day)
    plan.add(g, "Ⅲ-6-2)", "焦作市少年宫辅导员培训签到表.docx", "会议记录", truncated(doc), day,
             mistakes=[Mistake("MR-FILE-002", "损坏", "DOCX 只传了一半（截断）")])
    rng = plan.rng("6-2 zip")
    day = date(2026, 4, 30)
    plan.add(g, "Ⅲ-6-2)", "少年宫活动现场照片打包.zip", "图片",
             photo_zip([(f"照片{i}.jpg", _shot(rng, "少年宫", day)[0]) for i in range(1, 3)], day), day,
             mistakes=[Mistake("MR-FILE-008", ".zip", "压缩包不是平台接受的格式")])

    # Ⅲ-6-3): a plan with leftovers, a report with a masked name, the ledger with one shop owner's
    # mobile unmasked, a low-resolution scan, an empty file.
    rng = plan.rng("6-3 plan")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 13))
    doc = prose.plan(rng, TOPICS["校园周边"], "焦作市2026年校园周边环境专项整治工作方案", day, extra=[
        "各县（市、区）教育局于X月X日前将排查整治情况报送市教育局某某科，联系人：×××。",
        "报送邮箱：【 】。"])
    plan.add(g, "Ⅲ-6-3)", "焦作市校园周边环境专项整治工作方案.docx", "工作方案", docx(doc), day,
             mistakes=[Mistake("MR-TPL-001", "X月X日", "日期占位未替换"),
                       Mistake("MR-TPL-001", "某某科", "“某某”用在科室名上，是未替换的占位"),
                       Mistake("MR-TPL-001", "×××", "联系人姓名占位未替换"),
                       Mistake("MR-TPL-002", "【 】", "待填写的空括号未删除")])
    rng = plan.rng("6-3 report")
    day = plan.day(rng, date(2026, 5, 11), date(2026, 5, 22))
    posts = rng.randint(60, 140)
    doc = prose.report(rng, TOPICS["校园周边"], "关于焦作市校园周边环境整治情况的说明", day, since=date(2025, 9, 1),
                       extra=["对违规接纳未成年人的网吧经营者张某某依法立案查处，并在全市通报。",
                              f"目前，许昌城区中小学已全部设立“护学岗”{posts}个，实现上下学高峰时段全覆盖。"])
    plan.add(g, "Ⅲ-6-3)", "关于焦作市校园周边环境整治情况的说明.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-CITY-002", "许昌", "抄来的句子残留外市简称“许昌”及其数据")],
             clean=[Clean("MR-TPL-001", "张某某", "当事人姓名按要求打码")])
    rng = plan.rng("6-3 ledger")
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 12))
    exposed = rng.randint(2, 6)
    rows = []
    exposed_mobile = masked = ""
    parties: list[str] = []
    for index in range(1, 10):
        parties.append(prose.masked_name(rng) if rng.random() < 0.5 else rng.choice(prose.SURNAMES[:30]) + "某")
        mobile = mobile_number(rng)
        shown = mobile if index == exposed else mask_mobile(mobile)
        if index == exposed:
            exposed_mobile = mobile
        else:
            masked = masked or shown
        rows.append([str(index), plan.day(rng, date(2025, 9, 10), date(2026, 5, 29)).isoformat(),
                     f"{rng.choice(prose.SCHOOLS)}周边", rng.choice(("网吧", "文具店", "小吃摊点", "游戏厅")),
                     rng.choice(("接纳未成年人", "无证经营", "占道经营", "销售三无食品")),
                     rng.choice(("责令整改", "立案查处", "取缔", "警告")), parties[-1], shown])
    rows.sort(key=lambda r: r[1])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, TOPICS["校园周边"], "焦作市校园周边环境整治台账", day,
                       ["序号", "检查日期", "检查地点", "经营场所", "发现问题", "处理结果", "当事人", "联系电话"], rows)
    plan.add(g, "Ⅲ-6-3)", "焦作市校园周边整治台账.xlsx", "台账", xlsx(doc), day,
             mistakes=[Mistake("MR-PII-002", exposed_mobile, "当事人手机号未打码")],
             clean=[Clean("MR-PII-002", masked, "其他行的手机号已打码"), *_masked_clean(parties, "当事人")])
    rng = plan.rng("6-3 low dpi")
    day = plan.day(rng, date(2025, 9, 1), date(2025, 9, 12))
    number = docno("教", 2025, 31)
    doc = prose.notice(rng, TOPICS["校园周边"], "关于开展秋季开学校园周边环境集中整治的通知", number, day)
    plan.add(g, "Ⅲ-6-3)", f"{number} 关于开展校园周边环境集中整治的通知.pdf", "正式发文", scan(doc, dpi=96), day,
             mistakes=[Mistake("MR-FILE-017", "96 dpi", "扫描分辨率只有 96 dpi", also=("MR-FILE-005",))])
    plan.add(g, "Ⅲ-6-3)", "补充材料.docx", "其他", empty, date(2026, 6, 1),
             mistakes=[Mistake("MR-FILE-003", "0 字节", "空文件")])

    # Ⅲ-7-1) (formats pdf/xlsx): the plan as DOCX, the statistics, a PDF damaged in transfer.
    rng = plan.rng("7-1 plan")
    day = plan.day(rng, date(2026, 2, 23), date(2026, 3, 6))
    doc = prose.plan(rng, TOPICS["德育"], "焦作市中小学德育工作实施方案", day)
    plan.add(g, "Ⅲ-7-1)", "焦作市中小学德育工作实施方案.docx", "工作方案", docx(doc), day,
             mistakes=[Mistake("MR-FILE-016", "docx", "本条目只接受 pdf、xlsx")])
    rng = plan.rng("7-1 table")
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 10))
    rows = [[str(i), date(2026, 5, 30).isoformat(), area, str(rng.randint(12, 90)), "100%", str(rng.randint(6, 40))]
            for i, area in enumerate((*prose.DISTRICTS, *prose.COUNTIES), start=1)]
    doc = prose.ledger(rng, TOPICS["德育"], "焦作市中小学德育课程开设情况统计表", day,
                       ["序号", "统计日期", "县（市、区）", "学校数", "开课率", "实践活动场次"], rows)
    plan.add(g, "Ⅲ-7-1)", "焦作市中小学德育课程开设情况统计表.xlsx", "统计表", xlsx(doc), day)
    plan.add(g, "Ⅲ-7-1)", "焦作市中小学德育课程表.pdf", "其他", garbage_pdf(plan.seed), date(2026, 3, 1),
             mistakes=[Mistake("MR-FILE-002", "损坏", "PDF 只有文件头，内容已损坏")])

    # Ⅲ-7-2): a report copied from 金华市, a report re-dated from last year, the teachers' roster
    # with two ID numbers unmasked.
    rng = plan.rng("7-2 copied")
    day = plan.day(rng, date(2026, 4, 13), date(2026, 4, 24))
    doc = prose.report(rng, TOPICS["心理健康"], "关于焦作市中小学心理健康教育工作情况的说明", day, since=date(2025, 9, 1),
                       extra=["近年来，金华市委、市政府高度重视学生心理健康工作，金华市教育局把心理健康教育纳入学校办学质量考核，"
                              "实现心理辅导室全覆盖。"])
    plan.add(g, "Ⅲ-7-2)", "关于焦作市中小学心理健康教育工作情况的说明.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-CITY-001", "金华市委", "照抄金华市材料，以“金华市委、市政府”“金华市教育局”的名义表述",
                               also=("MR-CITY-002",))])
    rng = plan.rng("7-2 redated")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 13))
    doc = prose.report(rng, TOPICS["心理健康"], "关于中小学心理健康教育工作开展情况的报告", day, since=date(2024, 1, 1),
                       extra=[f"截至2024年12月底，全市{rng.randint(300, 420)}所中小学均已建成心理辅导室，"
                              "2024年全年未发生因心理问题引发的极端事件。"])
    plan.add(g, "Ⅲ-7-2)", "关于中小学心理健康教育工作开展情况的报告.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-DATE-004", "截至2024年12月底", "去年的报告只改了落款日期，内容仍是 2024 年的情况")])
    rng = plan.rng("7-2 platitudes")
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 12))
    doc = prose.platitudes(rng, TOPICS["心理健康"], "焦作市中小学心理健康教育工作总结", day)
    plan.add(g, "Ⅲ-7-2)", "焦作市中小学心理健康教育工作总结.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-RPT-001", doc.body[0].text[:16], "总结式材料：只有表态和套话，没有措施细节和数据")])
    rng = plan.rng("7-2 roster")
    day = plan.day(rng, date(2026, 5, 18), date(2026, 5, 29))
    rows, exposed, masked_ids = [], [], []
    certificate = f"2019{rng.randint(41080000000000, 41089999999999)}"  # 18 digits, no valid birth date
    for index in range(1, 10):
        number = id_number(rng)
        shown = number if index in (2, 7) else _mask_id(number, rng)
        (exposed if index in (2, 7) else masked_ids).append(shown)
        rows.append([str(index), plan.day(rng, date(2025, 9, 1), date(2026, 3, 1)).isoformat(), person_name(rng),
                     rng.choice(prose.SCHOOLS), rng.choice(("专职", "兼职")), shown,
                     certificate if index == 4 else f"{rng.randint(2015, 2023)}{rng.randint(41080000000, 41089999999)}"])
    rows.sort(key=lambda r: r[1])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, TOPICS["心理健康"], "焦作市中小学心理健康教育教师配备台账", day,
                       ["序号", "配备日期", "姓名", "学校", "专兼职", "身份证号", "教师资格证书编号"], rows)
    plan.add(g, "Ⅲ-7-2)", "焦作市中小学心理健康教师配备台账.xlsx", "台账", xlsx(doc), day,
             mistakes=[Mistake("MR-PII-001", exposed[0], "教师身份证号未打码"),
                       Mistake("MR-PII-001", exposed[1], "教师身份证号未打码")],
             clean=[Clean("MR-PII-001", masked_ids[0], "身份证号已打码"),
                    Clean("MR-PII-001", certificate, "18 位教师资格证书编号不是身份证号")])


def _requirement_cases(plan: CorpusPlan) -> None:
    """Materials filed under the wrong standard of their group (MR-KEY-002) with correctly filed look-alikes that
    share a neighbour's words, and standards shown only by 制度 where the grading or the manual asks for 落实
    (MR-REQ-002: the sample manual's grading of Ⅲ-8-2) and Ⅲ-18-1) says 落实, Ⅲ-3-1) and Ⅲ-12-1) set
    `implementation`)."""
    rng = random.Random(plan.seed + 1302)

    # Mis-filed: a media ledger of 公益广告 under the 宣讲 teams, in the 宣传组.
    day = plan.day(rng, date(2026, 4, 1), date(2026, 4, 20))
    outlets = ("焦作日报", "焦作晚报", "焦作广播电视台", "“焦作发布”微信公众号", "焦作网")
    rows = [[str(i), plan.day(rng, date(2026, 1, 5), date(2026, 3, 31)).isoformat(), rng.choice(outlets),
             rng.choice(("讲文明树新风", "文明交通 你我同行", "光盘行动", "垃圾分类 从我做起")),
             rng.choice(("整版", "半版", "15秒", "30秒", "头条推送")), str(rng.randint(1, 12))] for i in range(1, 10)]
    doc = prose.ledger(rng, TOPICS["公益广告"], "焦作市主要媒体公益广告刊播台账", day,
                       ["序号", "刊播日期", "媒体名称", "公益广告主题", "版面或时长", "刊播次数"], sorted(rows, key=lambda r: r[1]))
    plan.add("XC", "Ⅲ-2-1)", "主要媒体公益广告刊播情况登记表.xlsx", "台账", xlsx(doc), day,
             mistakes=[Mistake("MR-KEY-002", "公益广告", "媒体刊播公益广告的台账归到了宣讲队伍条目，应归 Ⅲ-18-2)")])

    # Mis-filed: a 垃圾分类 report under 老旧小区物业管理, in the 城管组.
    day = plan.day(rng, date(2026, 5, 6), date(2026, 5, 26))
    doc = prose.report(rng, TOPICS["垃圾分类"], "关于居民小区生活垃圾分类设施配置情况的说明", day,
                       since=date(2025, 9, 1), organ="焦作市城市管理局")
    plan.add("CG", "Ⅲ-13-2)", "关于居民小区生活垃圾分类设施配置情况的说明.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-KEY-002", "垃圾分类", "垃圾分类设施的说明归到了物业管理条目，应归 Ⅲ-12-2)")])

    # Mis-filed: a 关爱留守儿童 report under 公共文化场馆免费开放, in the 文化组 (a text PDF).
    day = plan.day(rng, date(2026, 1, 12), date(2026, 1, 30))
    doc = prose.report(rng, TOPICS["关爱"], "关于开展关爱留守儿童“暖冬行动”志愿服务情况的报告", day,
                       since=date(2025, 11, 1))
    plan.add("WH", "Ⅲ-19-1)", "关爱留守儿童暖冬行动情况报告.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-KEY-002", "关爱", "关爱留守儿童的报告归到了公共文化场馆条目，应归 Ⅲ-9-1)")])

    # Mis-filed: a 心理健康教育 report under 德育课程, in the 教育组.
    day = plan.day(rng, date(2026, 3, 9), date(2026, 3, 27))
    doc = prose.report(rng, TOPICS["心理健康"], "关于全市中小学心理辅导室建设和使用情况的说明", day,
                       since=date(2025, 9, 1))
    plan.add("JY", "Ⅲ-7-1)", "中小学心理辅导室建设使用情况.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-KEY-002", "心理健康", "心理健康教育的说明归到了德育课程条目，应归 Ⅲ-7-2)")])

    # Look-alikes: correctly filed, with a neighbouring standard's words in them.
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 12))
    rows = [[str(i), plan.day(rng, date(2026, 3, 1), date(2026, 5, 31)).isoformat(),
             rng.choice(("解放区焦南街道文明实践站", "山阳区光亚街道文明实践站", "修武县城关镇文明实践所", "温县黄庄镇文明实践站")),
             rng.choice(("新注册志愿者服务", "理论宣讲", "关爱老人", "文明交通劝导")), str(rng.randint(8, 60)),
             str(rng.randint(20, 300))] for i in range(1, 10)]
    doc = prose.ledger(rng, TOPICS["志愿服务"], "新时代文明实践站点注册志愿者参与志愿服务台账", day,
                       ["序号", "活动日期", "站点", "活动内容", "注册志愿者人数", "服务时长（小时）"], sorted(rows, key=lambda r: r[1]))
    plan.add("WH", "Ⅲ-8-3)", "文明实践站点注册志愿者服务台账.xlsx", "台账", xlsx(doc), day,
             clean=[Clean("MR-KEY-002", "注册志愿者", "站点的志愿服务台账也写到注册志愿者（Ⅲ-8-1) 的词），仍属本条目")])
    day = plan.day(rng, date(2026, 4, 7), date(2026, 4, 28))
    doc = prose.report(rng, TOPICS["老旧小区"], "关于老旧小区改造中同步引入物业管理的情况说明", day,
                       since=date(2025, 10, 1))
    plan.add("CG", "Ⅲ-13-1)", "老旧小区改造同步引入物业管理情况说明.docx", "情况说明", docx(doc), day,
             clean=[Clean("MR-KEY-002", "物业管理", "改造计划的落实情况也写到物业管理（Ⅲ-13-2) 的关键词），仍属本条目")])
    day = plan.day(rng, date(2026, 5, 11), date(2026, 5, 29))
    doc = prose.report(rng, TOPICS["宣讲"], "关于百姓宣讲团进社区宣讲文明新风情况的说明", day, since=date(2025, 10, 1),
                       extra=["宣讲现场同步张贴“讲文明树新风”公益广告，社区宣传栏更新公益广告画面。"])
    plan.add("XC", "Ⅲ-2-2)", "百姓宣讲团进社区宣讲情况说明.docx", "情况说明", docx(doc), day,
             clean=[Clean("MR-KEY-002", "公益广告", "宣讲说明提到张贴公益广告（Ⅲ-18-2) 的关键词），仍属本条目")])

    # 落实 asked, only 制度 filed.
    for item, note in (("Ⅲ-18-1)", "评分规则“已出台并落实为A；已出台未落实为B”，只有管理办法的通知，没有落实的佐证"),
                       ("Ⅲ-8-2)", "评分规则“出台制度并落实为A；出台未落实为B”，只有激励回馈办法的扫描件"),
                       ("Ⅲ-3-1)", "手册要求组织实施的佐证（implementation），只有三份制度文件"),
                       ("Ⅲ-12-1)", "手册要求实施情况的佐证（implementation），只有管理办法的扫描件")):
        plan.item_mistakes.append(ItemMistake(item, "MR-REQ-002", "落实", note))
# -- 印章 (MR-SEAL-001, MR-SEAL-002) ---------------------------------------------------------------

def _seal_centre(page: pymupdf.Page, doc: OfficialDoc, where: str) -> tuple[float, float]:
    """Where a clerk's stamp lands, in points: over the 落款 (organ and date), over the date only, or
    to the right of the 落款."""
    organ = page.search_for(doc.issuer)[-1]
    day = page.search_for(doc.date_text)[-1]
    if where == "日期":
        return (day.x0 + day.x1) / 2, (day.y0 + day.y1) / 2
    if where == "右侧":
        return day.x1 + 10, organ.y1
    return (organ.x0 + organ.x1) / 2, (organ.y1 + day.y0) / 2


def _page_image(doc: OfficialDoc, dpi: int, seal: str | None, *, oval: bool = False, broken: bool = False,
                grey: bool = False) -> bytes:
    """One page of `doc` as a scanner's JPEG at `dpi`, stamped `seal` ("落款", "日期", "右侧") or not."""
    with render_pdf(doc, 1) as source:
        page = source[0]
        zoom = dpi / 72
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        if seal:
            x, y = _seal_centre(page, doc, seal)
            stamp(image, (x * zoom, y * zoom), doc.issuer, dpi=dpi, oval=oval, broken=broken)
    image = image.rotate(0.6, resample=Image.Resampling.BILINEAR, fillcolor=(240, 240, 236))
    out = io.BytesIO()
    (image.convert("L") if grey else image).save(out, "JPEG", quality=75)
    return out.getvalue()


def seal_scan(doc: OfficialDoc, *, seal: str | None, dpi: int, oval: bool = False, broken: bool = False,
              grey: bool = False) -> Writer:
    """A one-page scanned PDF of `doc`, stamped or not, in colour or grey."""
    def write(path: Path) -> None:
        out = pymupdf.open()
        page = out.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        page.insert_image(page.rect, stream=_page_image(doc, dpi, seal, oval=oval, broken=broken, grey=grey))
        out.set_metadata({"creator": "Scanner", "producer": "Scanner",
                          "creationDate": f"D:{doc.date:%Y%m%d}150000+08'00'"})
        out.save(str(path), garbage=3, deflate=True, no_new_id=True)
        out.close()
    return write


def seal_jpeg(doc: OfficialDoc, *, seal: str | None, dpi: int = 150) -> Writer:
    """A page photographed or scanned straight to JPEG."""
    return lambda path: path.write_bytes(_page_image(doc, dpi, seal)) and None


def e_sealed_pdf(doc: OfficialDoc, *, oval: bool = False) -> Writer:
    """A one-page PDF exported from the office system with its electronic seal image on the 落款."""
    def write(path: Path) -> None:
        with render_pdf(doc, 1) as out:
            page = out[0]
            place_seal_on_pdf(page, _seal_centre(page, doc, "落款"), doc.issuer, oval=oval)
            out.save(str(path), garbage=3, deflate=True, no_new_id=True)
    return write


def poster_pdf(title: str, slogan: str, logo: str) -> Writer:
    """A 公益广告 poster: big title, a slogan and a red round logo that looks like a stamp."""
    def write(path: Path) -> None:
        out = pymupdf.open()
        page = out.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        page.insert_text((70, 160), title, fontname=FONT, fontsize=30)
        page.insert_text((70, 420), slogan, fontname=FONT, fontsize=20)
        data = io.BytesIO()
        seal_image(logo, 330).save(data, "PNG")
        page.insert_image(pymupdf.Rect(380, 600, 500, 720), stream=data.getvalue())
        out.save(str(path), garbage=3, deflate=True, no_new_id=True)
        out.close()
    return write


# Files planted elsewhere in the plan that these rules see: unsealed exported PDFs and 正式发文 filed
# only as Word documents. (part of the file name, rule, text, note)
_SEAL_EXISTING = (
    ("关于焦作市背街小巷整治工作开展情况的说明.pdf", "MR-SEAL-001", "焦作市城市管理局", "情况说明导出为 PDF，落款处没有盖章"),
    ("焦城管〔2025〕3号", "MR-SEAL-001", "焦作市城市管理局", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦城管〔2026〕9号", "MR-SEAL-001", "焦作市城市管理局", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦宣〔2026〕3号", "MR-SEAL-001", "中共焦作市委宣传部", "红头文件导出为 PDF，红头是红色但落款处没有公章"),
    ("焦文明委〔2023〕8号", "MR-SEAL-001", "焦作市精神文明建设委员会", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦文明委〔2025〕2号", "MR-SEAL-001", "焦作市精神文明建设委员会", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦文明委（2025）13号", "MR-SEAL-001", "焦作市精神文明建设委员会", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦教〔2026〕15号", "MR-SEAL-001", "焦作市教育局", "正式发文导出为 PDF，落款处没有盖章"),
    ("关于焦作市校园周边环境整治情况的说明.pdf", "MR-SEAL-001", "焦作市教育局", "情况说明导出为 PDF，落款处没有盖章"),
    ("焦作市中小学心理健康教育工作总结.pdf", "MR-SEAL-001", "焦作市教育局", "工作总结导出为 PDF，落款处没有盖章"),
    ("关于焦作市注册志愿者情况的说明.pdf", "MR-SEAL-001", "焦作市精神文明建设委员会办公室", "情况说明导出为 PDF，落款处没有盖章"),
    ("焦城管(2025)21号", "MR-SEAL-002", "焦城管(2025)21号", "正式发文只有 Word 文档"),
    ("焦文明办[2026]5号", "MR-SEAL-002", "焦文明办[2026]5号", "正式发文只有 Word 文档"),
    ("焦政办〔2024〕36号", "MR-SEAL-002", "焦政办〔2024〕36号", "正式发文只有 Word 文档"),
    ("焦教〔2025〕9号", "MR-SEAL-002", "焦教〔2025〕9号", "正式发文只有 Word 文档"),
    ("焦教﹝2026﹞7号", "MR-SEAL-002", "焦教﹝2026﹞7号", "正式发文只有 Word 文档"),
    # files of the requirement, period and copy cases
    ("关于背街小巷整治工作情况的汇报.pdf", "MR-SEAL-001", "焦作市城市管理局", "工作汇报导出为 PDF，落款处没有盖章"),
    ("焦城管〔2025〕37号", "MR-SEAL-001", "焦作市城市管理局", "正式发文导出为 PDF，落款处没有盖章"),
    ("中小学心理辅导室建设使用情况.pdf", "MR-SEAL-001", "焦作市教育局", "情况说明导出为 PDF，落款处没有盖章"),
    ("关于沁阳市公共文化场馆免费开放工作情况的说明.pdf", "MR-SEAL-001", "沁阳市文化广电和旅游局", "情况说明导出为 PDF，落款处没有盖章"),
    ("焦作市中小学德育工作报告.pdf", "MR-SEAL-001", "焦作市教育局", "工作报告导出为 PDF，落款处没有盖章"),
    ("关爱留守儿童暖冬行动情况报告.pdf", "MR-SEAL-001", "焦作市精神文明建设委员会办公室", "情况报告导出为 PDF，落款处没有盖章"),
    ("焦文广旅〔2026〕3号", "MR-SEAL-001", "焦作市文化广电和旅游局", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦作市基层理论宣讲2025年上半年工作汇报.pdf", "MR-SEAL-001", "中共焦作市委宣传部", "工作汇报导出为 PDF，落款处没有盖章"),
    ("焦文明委〔2025〕23号", "MR-SEAL-001", "焦作市精神文明建设委员会", "正式发文导出为 PDF，落款处没有盖章"),
    ("焦建〔2026〕9号", "MR-SEAL-002", "焦建〔2026〕9号", "正式发文只有 Word 文档"),
    ("焦教〔2025〕53号", "MR-SEAL-002", "焦教〔2025〕53号", "正式发文只有 Word 文档"),
    ("焦文明办【2026】12号", "MR-SEAL-002", "焦文明办【2026】12号", "正式发文只有 Word 文档"),
    ("焦宣〔2026〕2号", "MR-SEAL-002", "焦宣〔2026〕2号", "正式发文只有 Word 文档"),
)


def _mark_unsealed(plan: CorpusPlan) -> None:
    """The other cases' 正式发文 and signed 情况说明 exported to PDF without a seal (MR-SEAL-001) or
    filed only as Word (MR-SEAL-002) are mistakes too; marked last, once every case has its files."""
    for part, rule, text, note in _SEAL_EXISTING:
        planned = next((f for f in plan.files if part in f.name), None)
        if planned is not None and planned.item is not None:
            planned.mistakes.append(Mistake(rule, text, note))


def _seal_cases(plan: CorpusPlan) -> None:
    """印章: sealed and unsealed scans of different bodies at 150, 200 and 300 dpi, a seal over the
    date and one beside the 落款, an oval seal, an electronic seal on an exported PDF, a grey scan,
    a half-printed stamp, a JPEG of an unsealed 情况说明, a poster with a stamp-like logo; 正式发文
    only in Word, a 令, a Word copy with its sealed scan, and a plan whose title cites a 文号."""
    rng = random.Random(plan.seed + 13)

    def on(first: date, last: date) -> date:
        return first + timedelta(days=rng.randint(0, (last - first).days))

    # 城管组 Ⅲ-13-2): an unsealed 200 dpi scan of a district's 情况说明; a 300 dpi scan of a street
    # office's 情况说明 with an oval seal.
    day = on(date(2026, 4, 6), date(2026, 4, 24))
    doc = prose.report(rng, TOPICS["老旧小区"], "关于中站区老旧小区物业管理工作情况的说明", day, since=date(2025, 10, 1),
                       organ="中站区住房和城乡建设局")
    plan.add("CG", "Ⅲ-13-2)", "关于中站区老旧小区物业管理工作情况的说明.pdf", "情况说明", seal_scan(doc, seal=None, dpi=200), day,
             mistakes=[Mistake("MR-SEAL-001", doc.issuer, "200 dpi 彩色扫描件，落款处没有盖章")])
    day = on(date(2026, 5, 6), date(2026, 5, 22))
    doc = prose.report(rng, TOPICS["老旧小区"], "关于焦东街道老旧小区物业服务覆盖情况的说明", day, since=date(2025, 11, 1),
                       organ="山阳区焦东街道办事处")
    plan.add("CG", "Ⅲ-13-2)", "关于焦东街道老旧小区物业服务覆盖情况的说明.pdf", "情况说明",
             seal_scan(doc, seal="落款", dpi=300, oval=True), day,
             clean=[Clean("MR-SEAL-001", doc.issuer, "300 dpi 扫描件，落款处盖有椭圆形公章")])

    # 教育组 Ⅲ-6-3): a 150 dpi scan with the seal over the date only; a one-page 红头 notice exported
    # to PDF without a seal (the red 红头 and its rule are not a seal).
    day = on(date(2026, 3, 2), date(2026, 3, 20))
    number = docno("教", 2026, 21)
    doc = prose.notice(rng, TOPICS["校园周边"], "关于开展校园周边食品安全专项检查的通知", number, day)
    plan.add("JY", "Ⅲ-6-3)", f"{number} 关于开展校园周边食品安全专项检查的通知.pdf", "正式发文",
             seal_scan(doc, seal="日期", dpi=150), day,
             clean=[Clean("MR-SEAL-001", doc.issuer, "150 dpi 扫描件，公章盖在成文日期上")])
    day = on(date(2026, 4, 1), date(2026, 4, 20))
    number = docno("教", 2026, 26)
    doc = prose.notice(rng, TOPICS["校园周边"], "关于加强校园周边交通秩序管理的通知", number, day)
    plan.add("JY", "Ⅲ-6-3)", f"{number} 关于加强校园周边交通秩序管理的通知.pdf", "正式发文",
             lambda path, doc=doc: write_official_pdf(path, doc, 1) and None, day,
             mistakes=[Mistake("MR-SEAL-001", doc.issuer, "单页红头文件导出为 PDF：红头是红色，但落款处没有公章")])

    # 文化组 Ⅲ-19-1): a sealed notice scanned in grey (the seal cannot be seen as red); an exported
    # PDF with its electronic seal; 宣传组 Ⅲ-4-2): a scan stamped beside the 落款.
    day = on(date(2026, 2, 2), date(2026, 2, 27))
    number = docno("文广旅", 2026, 5)
    doc = prose.notice(rng, TOPICS["免费开放"], "关于延长公共文化场馆夏季开放时间的通知", number, day)
    plan.add("WH", "Ⅲ-19-1)", f"{number} 关于延长公共文化场馆夏季开放时间的通知.pdf", "正式发文",
             seal_scan(doc, seal="落款", dpi=200, grey=True), day,
             mistakes=[Mistake("MR-SEAL-001", doc.issuer, "灰度扫描件，看不出红色公章：应彩色扫描")])
    day = on(date(2026, 3, 2), date(2026, 3, 27))
    number = docno("文广旅", 2026, 9)
    doc = prose.notice(rng, TOPICS["免费开放"], "关于开展公共文化场馆服务质量评估的通知", number, day)
    plan.add("WH", "Ⅲ-19-1)", f"{number} 关于开展公共文化场馆服务质量评估的通知.pdf", "正式发文", e_sealed_pdf(doc), day,
             clean=[Clean("MR-SEAL-001", doc.issuer, "导出的 PDF 带电子公章图片")])
    day = on(date(2025, 11, 3), date(2025, 11, 28))
    number = docno("文明委", 2025, 19)
    doc = prose.notice(rng, TOPICS["模范"], "关于做好道德模范帮扶礼遇工作的通知", number, day)
    plan.add("XC", "Ⅲ-4-2)", f"{number} 关于做好道德模范帮扶礼遇工作的通知.pdf", "正式发文",
             seal_scan(doc, seal="右侧", dpi=200), day,
             clean=[Clean("MR-SEAL-001", doc.issuer, "公章盖在落款右侧，没有居中压字")])

    # 宣传组 Ⅲ-4-1): a stamp pressed at an angle, only an arc of the ring printed.
    day = on(date(2026, 2, 2), date(2026, 2, 20))
    doc = prose.report(rng, TOPICS["模范"], "关于道德模范先进事迹巡回宣讲情况的说明", day, since=date(2025, 10, 1),
                       organ="焦作市精神文明建设委员会办公室")
    plan.add("XC", "Ⅲ-4-1)", "关于道德模范先进事迹巡回宣讲情况的说明.pdf", "情况说明",
             seal_scan(doc, seal="落款", dpi=200, broken=True), day,
             mistakes=[Mistake("MR-SEAL-001", doc.issuer, "印章只盖出一段圆弧，没有完整公章")])

    # 城管组 Ⅲ-13-2): an unsealed 情况说明 photographed to JPEG.
    day = on(date(2026, 5, 11), date(2026, 5, 29))
    doc = prose.report(rng, TOPICS["老旧小区"], "关于马村区老旧小区物业管理情况的说明", day, since=date(2025, 12, 1),
                       organ="马村区住房和城乡建设局")
    plan.add("CG", "Ⅲ-13-2)", "关于马村区老旧小区物业管理情况的说明.jpg", "情况说明", seal_jpeg(doc, seal=None), day,
             mistakes=[Mistake("MR-SEAL-001", doc.issuer, "情况说明拍成图片提交，落款处没有盖章")])

    # 宣传组, not yet filed: a poster with a red round logo (宣传资料, not a 正式发文: no seal asked).
    # (Filed under Ⅲ-18-1) it would be the 落实 that standard's MR-REQ-002 case lacks.)
    day = on(date(2026, 3, 2), date(2026, 3, 20))
    plan.add("XC", None, "“文明焦作 你我同行”公益广告海报.pdf", "宣传资料",
             poster_pdf("文明焦作 你我同行", "讲文明 树新风 2026年3月", "焦作市文明办"), day,
             clean=[Clean("MR-SEAL-001", "焦作市文明办", "海报上的红色圆形标志不是公章，海报也不需盖章")])

    # 城管组 Ⅲ-12-1) (own window: three years): a 令 only in Word; Ⅲ-12-2): a notice in Word with its
    # sealed scan beside it; 宣传组 Ⅲ-1-1): a plan whose title line cites a central 文号 (not a 正式发文).
    day = on(date(2025, 10, 8), date(2025, 10, 30))
    base = prose.notice(rng, TOPICS["垃圾分类"], "焦作市生活垃圾分类管理办法（修订）", "第12号", day, organ="焦作市人民政府")
    order = replace(base, masthead="焦作市人民政府令", recipients=None, issuer=f"市长　{person_name(rng)}")
    plan.add("CG", "Ⅲ-12-1)", "焦作市人民政府令第12号 焦作市生活垃圾分类管理办法（修订）.docx", "正式发文", docx(order), day,
             mistakes=[Mistake("MR-SEAL-002", "焦作市人民政府令 第12号", "政府令只有 Word 文档（令号无年份，也是正式发文）")])
    day = on(date(2026, 3, 9), date(2026, 3, 27))
    number = docno("城管", 2026, 14)
    doc = prose.notice(rng, TOPICS["垃圾分类"], "关于开展生活垃圾分类示范小区创建活动的通知", number, day,
                       organ="焦作市城市管理局")
    plan.add("CG", "Ⅲ-12-2)", f"{number} 关于开展生活垃圾分类示范小区创建活动的通知.docx", "正式发文", docx(doc), day,
             clean=[Clean("MR-SEAL-002", number, "同一文号的盖章扫描件也已归入本条目")])
    plan.add("CG", "Ⅲ-12-2)", f"{number} 关于开展生活垃圾分类示范小区创建活动的通知（盖章件）.pdf", "正式发文",
             seal_scan(doc, seal="落款", dpi=200), day,
             clean=[Clean("MR-SEAL-001", doc.issuer, "盖章扫描件")])
    day = on(date(2026, 1, 12), date(2026, 1, 30))
    cited = "中办发〔2016〕89号"
    doc = prose.plan(rng, TOPICS["学习"], f"焦作市贯彻落实{cited}文件实施方案", day)
    plan.add("XC", "Ⅲ-1-1)", "焦作市贯彻落实理论学习中心组学习规定实施方案.docx", "工作方案", docx(doc), day,
             clean=[Clean("MR-SEAL-002", cited, "标题中引用的中央文号不是本文件的文号，本文件不是正式发文"),
                    Clean("MR-DOCNO-001", cited, "引用的中央文号写法正确"),
                    Clean("MR-DOCNO-002", cited, "引用的中央文号要素齐全")])
def _reencoded(shot: Shot, *, scale: float, crop: float, quality: int) -> Writer:
    """The same photo passed through a chat app or an editor: cropped a little, resized, saved again."""
    def write(path: Path) -> None:
        with Image.open(io.BytesIO(_shot_bytes(shot))) as image:
            width, height = image.size
            dx, dy = int(width * crop), int(height * crop)
            copy = image.convert("RGB").crop((dx, dy, width - dx, height - dy))
            copy = copy.resize((int(copy.width * scale), int(copy.height * scale)))
        copy.save(path, format="JPEG", quality=quality)
    return write


def _copies_cases(plan: CorpusPlan) -> None:
    """一稿多用 and its look-alikes: versions of one plan (MR-DUP-002), one county report reused by
    another group with the places and figures changed (MR-DUP-003) beside two independent reports on
    one topic, plans copied from 许昌 and 杭州 with their districts and roads left (MR-CITY-003) beside
    legitimate mentions, and photos filed twice (MR-DUP-004) beside a photo shown in its own 图片说明."""
    # MR-DUP-002: the 工作要点 and its revised version (one paragraph added).
    rng = plan.rng("copies 6-1 versions")
    day = plan.day(rng, date(2026, 2, 2), date(2026, 2, 20))
    doc = prose.plan(rng, TOPICS["未成年人"], "焦作市2026年未成年人思想道德建设工作要点", day)
    revised = replace(doc, body=[*doc.body, Paragraph("各县（市、区）要结合实际制定本地工作要点，于3月底前报市文明办备案。")])
    for name, version, other in (("焦作市2026年未成年人思想道德建设工作要点.docx", doc, "（修改稿）"),
                                 ("焦作市2026年未成年人思想道德建设工作要点（修改稿）.docx", revised, "")):
        other_name = f"焦作市2026年未成年人思想道德建设工作要点{other}.docx"
        plan.add("JY", "Ⅲ-6-1)", name, "工作方案", docx(version), day,
                 mistakes=[Mistake("MR-DUP-002", other_name, "同一份工作要点的两个版本都提交了", also=("MR-DUP-003",))])

    # MR-DUP-003 across groups: 武陟县's report on free admission, reused by 沁阳市 (文化组 and 教育组).
    rng = plan.rng("copies 19-1 county")
    day = plan.day(rng, date(2026, 4, 6), date(2026, 4, 24))
    first = prose.report(rng, TOPICS["免费开放"], "关于武陟县公共文化场馆免费开放工作情况的说明", day, since=date(2025, 9, 1),
                         organ="武陟县文化广电和旅游局",
                         places={"county": ["武陟县"], "district": ["武陟县"], "street": ["木城街道", "龙源镇", "詹店镇"],
                                 "community": ["东关社区", "大虹桥村"], "venue": ["武陟县图书馆", "武陟县文化馆"]})
    second = _relocate(first, {"武陟县": "沁阳市", "木城街道": "覃怀街道", "龙源镇": "西向镇", "詹店镇": "紫陵镇",
                               "东关社区": "北关社区", "大虹桥村": "西万村", "武陟县图书馆": "沁阳市图书馆",
                               "武陟县文化馆": "沁阳市文化馆"}, rng)
    second = replace(second, issuer="沁阳市文化广电和旅游局")
    pair = (("WH", "Ⅲ-19-1)", "关于武陟县公共文化场馆免费开放工作情况的说明.docx", first),
            ("JY", "Ⅲ-7-1)", "关于沁阳市公共文化场馆免费开放工作情况的说明.pdf", second))
    for (group, item, name, doc), (_g, _i, other, _d) in zip(pair, reversed(pair), strict=True):
        plan.add(group, item, name, "情况说明", docx(doc) if name.endswith(".docx") else pdf(doc), day,
                 mistakes=[Mistake("MR-DUP-003", other, "同一篇说明只换了县名、乡镇名和数字，文化组和教育组各交一份")])
    # Look-alike: two districts' reports on the same topic, each written on its own.
    for district, label in (("中站区", "a"), ("马村区", "b")):
        rng = plan.rng(f"copies 19-1 own {label}")
        day = plan.day(rng, date(2026, 5, 6), date(2026, 5, 22))
        doc = prose.report(rng, TOPICS["免费开放"], f"关于{district}公共文化场馆免费开放情况的说明", day,
                           since=date(2025, 9, 1), organ=f"{district}文化广电和旅游局", places={"district": [district]})
        other = "马村区" if district == "中站区" else "中站区"
        plan.add("WH", "Ⅲ-19-1)", f"关于{district}公共文化场馆免费开放情况的说明.docx", "情况说明", docx(doc), day,
                 clean=[Clean("MR-DUP-003", f"关于{other}公共文化场馆免费开放情况的说明.docx",
                              "同一题目的两份说明各自成文，只是套话相近")])

    # MR-CITY-003: a plan copied from 许昌市 (PDF) and a report copied from 杭州市 (DOCX), city names
    # replaced, districts and roads left; legitimate mentions beside them.
    rng = plan.rng("copies 12-1 xuchang")
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 20))
    doc = prose.plan(rng, TOPICS["垃圾分类"], "焦作市2026年生活垃圾分类工作实施方案", day, extra=[
        f"魏都区、建安区要在{rng.choice(('6月', '9月'))}底前实现城区生活垃圾分类全覆盖，"
        "许继大道、莲城大道沿线公共机构率先实行强制分类。",
        "6月，省住房城乡建设厅在郑州市金水区召开全省生活垃圾分类工作现场会，我市作经验交流。"])
    plan.add("CG", "Ⅲ-12-1)", "焦作市2026年生活垃圾分类工作实施方案.pdf", "工作方案", pdf(doc), day,
             mistakes=[Mistake("MR-CITY-003", "魏都区", "抄自许昌市的方案只改了市名，区名和道路（魏都区、建安区、许继大道）仍是许昌的")],
             clean=[Clean("MR-CITY-003", "金水区", "省里的会议在郑州召开，写明了郑州市，属正当提及")])
    rng = plan.rng("copies 8-2 hangzhou")
    day = plan.day(rng, date(2026, 4, 13), date(2026, 4, 28))
    doc = prose.report(rng, TOPICS["志愿服务"], "关于焦作市志愿服务激励回馈工作情况的说明", day, since=date(2025, 9, 1),
                       extra=["西湖区、拱墅区率先推行“志愿汇”积分兑换，志愿者可凭积分在文三路、莫干山路沿线商户享受优惠。",
                              "去年10月，市文明办组织赴义乌市考察学习志愿服务激励回馈的做法。"])
    # not yet filed: under Ⅲ-8-2) it would be the 落实 that standard's MR-REQ-002 case lacks
    plan.add("WH", None, "关于焦作市志愿服务激励回馈工作情况的说明.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-CITY-003", "西湖区", "抄自杭州市的材料，区名和道路（西湖区、拱墅区、文三路）仍是杭州的")],
             clean=[Clean("MR-CITY-003", "义乌市", "赴外地考察学习，属正当提及")])

    # MR-DUP-004: one photo filed by 文化组 (Ⅲ-8-3)) and again, cropped and resized, by 教育组 (Ⅲ-6-2));
    # one photo in a 图片说明 under Ⅲ-9-1) and as a JPEG under Ⅲ-8-3); a photo shown in its own 图片说明
    # under the same standard (Ⅲ-6-2)) is no reuse.
    day = date(2026, 4, 18)
    shot, where = _shot(plan.rng("copies photo shared"), "少年宫", day)
    first = f"图片 {ar(day)} {_short_place(where)} 志愿者进少年宫.jpg"
    second = f"图片4 {ar(day)} {_short_place(where)} 少年宫志愿辅导.jpg"
    plan.add("WH", "Ⅲ-8-3)", first, "图片", photo(shot), day,
             mistakes=[Mistake("MR-DUP-004", second, "同一张照片又被教育组用在 Ⅲ-6-2)")])
    plan.add("JY", "Ⅲ-6-2)", second, "图片", _reencoded(shot, scale=0.85, crop=0.02, quality=70), day,
             mistakes=[Mistake("MR-DUP-004", first, "文化组 Ⅲ-8-3) 的照片裁边、缩小后又用在这里")])
    day = date(2026, 3, 28)
    rng = plan.rng("copies photo album")
    shots = [_shot(rng, "关爱", day) for _ in range(2)]
    album = "关爱留守儿童活动图片说明.docx"
    single = f"图片 {ar(day)} {_short_place(shots[1][1])} 关爱留守儿童.jpg"
    plan.add("WH", "Ⅲ-9-1)", album, "图片",
             photo_docx("关爱留守儿童活动图片", [(s, f"图{i} {ar(day)}，{w}，志愿者陪伴留守儿童开展课外活动")
                                                 for i, (s, w) in enumerate(shots, start=1)], day, "焦作市文明办"), day,
             mistakes=[Mistake("MR-DUP-004", single, "图片说明中的第二张照片又作为 Ⅲ-8-3) 的图片提交")])
    plan.add("WH", "Ⅲ-8-3)", single, "图片", photo(shots[1][0]), day,
             mistakes=[Mistake("MR-DUP-004", album, "这张照片已用在 Ⅲ-9-1) 的图片说明中")])
    day = date(2026, 5, 8)
    rng = plan.rng("copies photo own album")
    shot, where = _shot(rng, "少年宫", day)
    own_single = f"图片5 {ar(day)} {_short_place(where)} 少年宫合唱课.jpg"
    plan.add("JY", "Ⅲ-6-2)", own_single, "图片", photo(shot), day)
    plan.add("JY", "Ⅲ-6-2)", "少年宫合唱课图片说明.docx", "图片",
             photo_docx("乡村学校少年宫合唱课", [(shot, f"图1 {ar(day)}，{where}，少年宫合唱课")], day, "焦作市教育局"), day,
             clean=[Clean("MR-DUP-004", own_single, "同一条目下的照片和展示它的图片说明，不是重复使用")])
def _period_cases(plan: CorpusPlan) -> None:
    """Content periods, 台账 rows, 文号 years and 汉字 成文日期 (issue 13): planted across groups,
    organs and formats, each next to a clean look-alike a rule tuned to one sentence would flag."""
    rng = random.Random(plan.seed + 13)
    t = TOPICS

    # MR-DATE-004 in the title: a half-year report (text PDF), a 二〇二四年度 summary (DOCX), a
    # 学年 summary (DOCX) and a 2024年度 report (PDF whose file name has no year).
    day = plan.day(rng, date(2025, 9, 2), date(2025, 9, 26))
    doc = prose.report(rng, t["宣讲"], "焦作市基层理论宣讲2025年上半年工作汇报", day, since=date(2025, 1, 1),
                       organ="中共焦作市委宣传部")
    plan.add("XC", "Ⅲ-2-2)", "焦作市基层理论宣讲2025年上半年工作汇报.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-DATE-004", "2025年上半年", "上半年的汇报，所述时段在时间范围之前；落款在范围内")])
    day = plan.day(rng, date(2026, 2, 2), date(2026, 2, 27))
    doc = prose.report(rng, t["志愿服务"], "山阳区二〇二四年度新时代文明实践志愿服务工作总结", day,
                       since=date(2024, 1, 1), organ="山阳区精神文明建设委员会办公室")
    plan.add("WH", "Ⅲ-8-3)", "山阳区志愿服务工作总结.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-DATE-004", "二〇二四年度", "标题用汉字写明 2024 年度，文件名却没有年份")])
    day = plan.day(rng, date(2025, 10, 9), date(2025, 10, 30))
    doc = prose.report(rng, t["少年宫"], "博爱县乡村学校少年宫2024—2025学年活动开展情况总结", day,
                       since=date(2024, 9, 1), organ="博爱县教育局")
    plan.add("JY", "Ⅲ-6-2)", "博爱县乡村学校少年宫2024—2025学年活动开展情况总结.docx", "情况说明", docx(doc), day,
             mistakes=[Mistake("MR-DATE-004", "2024—2025学年", "上一学年（2024年9月—2025年8月）的总结")])
    day = plan.day(rng, date(2026, 3, 2), date(2026, 3, 20))
    doc = prose.report(rng, t["德育"], "焦作市2024年度中小学德育工作报告", day, since=date(2024, 1, 1))
    plan.add("JY", "Ⅲ-7-1)", "焦作市中小学德育工作报告.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-DATE-004", "2024年度", "标题写明 2024 年度，文件名却没有年份")])

    # MR-DATE-004 in the body only: a re-dated report whose content is all from before the window.
    day = plan.day(rng, date(2025, 11, 3), date(2025, 11, 21))
    roads = rng.randint(160, 240)
    doc = prose.report(rng, t["背街"], "关于背街小巷整治工作情况的汇报", day, since=date(2025, 1, 1),
                       organ="焦作市城市管理局",
                       extra=[f"2025年上半年，全市累计整治背街小巷{roads}条，群众满意率达到{rng.randint(90, 97)}%。"])
    plan.add("CG", "Ⅲ-11-1)", "关于背街小巷整治工作情况的汇报.pdf", "情况说明", pdf(doc), day,
             mistakes=[Mistake("MR-DATE-004", "2025年上半年", "正文只写 2025 年上半年的情况，没有时间范围内的内容")])

    # Clean: periods of the window, comparisons, history next to current work, honours.
    day = plan.day(rng, date(2026, 1, 12), date(2026, 2, 6))
    doc = prose.plan(rng, t["老旧小区"], "焦作市2026年度老旧小区改造计划", day)
    plan.add("CG", "Ⅲ-13-1)", "焦作市2026年度老旧小区改造计划.docx", "工作方案", docx(doc), day,
             clean=[Clean("MR-DATE-004", "2026年度", "计划所属年度在时间范围内")])
    day = plan.day(rng, date(2025, 12, 1), date(2025, 12, 19))
    doc = prose.plan(rng, t["老旧小区"], "焦作市城镇老旧小区改造三年行动计划（2024—2026年）", day)
    plan.add("CG", "Ⅲ-13-1)", "焦作市城镇老旧小区改造三年行动计划（2024—2026年）.pdf", "工作方案", pdf(doc), day,
             clean=[Clean("MR-DATE-004", "2024—2026年", "三年计划覆盖时间范围")])
    day = plan.day(rng, date(2026, 4, 6), date(2026, 4, 24))
    doc = prose.report(rng, t["关爱"], "关于武陟县关爱空巢老人和留守儿童工作开展情况的说明", day,
                       since=date(2025, 9, 1), organ="武陟县精神文明建设委员会办公室",
                       extra=[f"全县结对帮扶留守儿童{rng.randint(800, 1500)}名，较2024年同期增长{rng.randint(8, 20)}%。",
                              f"截至2024年底，全县已建成关爱服务站{rng.randint(40, 60)}个；2025年10月以来又新建"
                              f"{rng.randint(8, 20)}个。"])
    plan.add("WH", "Ⅲ-9-1)", "关于武陟县关爱空巢老人和留守儿童工作开展情况的说明.docx", "情况说明", docx(doc), day,
             clean=[Clean("MR-DATE-004", "2024年", "与上年同期比较，不是材料所属时段"),
                    Clean("MR-DATE-004", "截至2024年底", "回顾往年基数，正文有时间范围内的工作")])
    day = plan.day(rng, date(2025, 9, 15), date(2025, 10, 10))
    number = docno("文明委", 2025, rng.randint(14, 30))
    doc = prose.notice(rng, t["模范"], "关于表彰2024年度焦作市道德模范的决定", number, day)
    plan.add("XC", "Ⅲ-4-1)", f"{number} 关于表彰2024年度焦作市道德模范的决定.pdf", "正式发文", pdf(doc), day,
             clean=[Clean("MR-DATE-004", "2024年度", "表彰决定在时间范围内作出，年度是被表彰的事迹")])

    # MR-DATE-005: a 关爱 走访台账 with two rows from before the window (and a 备注 that recalls
    # 2024); a DOCX 台账 of 文明劝导 with one old row; clean: a 台账 whose 备注 names 2024.
    day = plan.day(rng, date(2026, 5, 4), date(2026, 5, 22))
    old = [date(2025, 6, rng.randint(2, 27)), date(2025, 7, rng.randint(1, 28))]
    recent = sorted(plan.day(rng, date(2025, 8, 5), date(2026, 4, 30)) for _ in range(8))
    rows, masked = [], []
    for when in old + recent:
        who = prose.masked_name(rng)
        masked.append(who)
        note = rng.choice(("", "", "2024年已建立帮扶档案", "2024年3月起结对"))
        rows.append(["", when.isoformat(), rng.choice(prose.COUNTIES), who,
                     rng.choice(("生活照料", "学业辅导", "心理疏导", "节日慰问")), note])
    for index, row in enumerate(rows, start=1):
        row[0] = str(index)
    doc = prose.ledger(rng, t["关爱"], "武陟县关爱空巢老人和留守儿童走访台账", day,
                       ["序号", "走访日期", "县（市、区）", "走访对象", "服务内容", "备注"], rows,
                       organ="武陟县精神文明建设委员会办公室")
    plan.add("WH", "Ⅲ-9-1)", "武陟县关爱空巢老人和留守儿童走访台账.xlsx", "台账", xlsx(doc), day,
             mistakes=[Mistake("MR-DATE-005", old[0].isoformat(), "台账前 2 行记录是 2025 年 6、7 月的，早于时间范围")],
             clean=_masked_clean(masked, "走访对象"))
    day = plan.day(rng, date(2026, 4, 13), date(2026, 4, 30))
    first = date(2025, 7, rng.randint(8, 28))
    dates = [first, *sorted(plan.day(rng, date(2025, 9, 1), date(2026, 4, 10)) for _ in range(6))]
    rows = [[str(i), ar(when), rng.choice(prose.SCHOOLS), rng.choice(("校门口交通秩序劝导", "上下学护导", "周边摊点清理")),
             str(rng.randint(4, 15))] for i, when in enumerate(dates, start=1)]
    doc = prose.ledger(rng, t["校园周边"], "焦作市校园周边文明劝导活动台账", day,
                       ["序号", "活动日期", "学校", "劝导内容", "参与人数"], rows)
    plan.add("JY", "Ⅲ-6-3)", "焦作市校园周边文明劝导活动台账.docx", "台账", docx(doc), day,
             mistakes=[Mistake("MR-DATE-005", ar(first), "表格第 1 条记录早于时间范围")])
    day = plan.day(rng, date(2026, 6, 1), date(2026, 6, 19))
    rows = []
    for index in range(1, 9):
        when = plan.day(rng, date(2025, 9, 1), date(2026, 5, 29))
        rows.append([str(index), when.isoformat(), f"{rng.choice(prose.COMMUNITIES)}{rng.randint(1, 12)}号院",
                     rng.choice(("专业物业", "准物业", "社区托管")),
                     rng.choice(("2024年完成改造", "2024年10月完成改造", "原单位自管", ""))])
    doc = prose.ledger(rng, t["老旧小区"], "焦作市老旧小区物业管理覆盖情况台账", day,
                       ["序号", "接管日期", "小区名称", "管理方式", "备注"], rows)
    plan.add("CG", "Ⅲ-13-2)", "焦作市老旧小区物业管理覆盖情况台账.xlsx", "台账", xlsx(doc), day,
             clean=[Clean("MR-DATE-005", "2024年", "备注写的是往年改造情况，不是记录日期")])

    # MR-DOCNO-003: last year's number into January; a number of the next year on a December
    # date (PDF). Clean: an early-January notice numbered with the new year, citing last year's.
    day = plan.day(rng, date(2026, 1, 5), date(2026, 1, 16))
    number = docno("教", 2025, rng.randint(40, 60))
    doc = prose.notice(rng, t["心理健康"], "关于开展中小学生心理健康月活动的通知", number, day)
    plan.add("JY", "Ⅲ-7-2)", f"{number} 关于开展中小学生心理健康月活动的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-003", number, f"文号年份 2025 与成文日期 {ar(day)} 不一致")])
    day = plan.day(rng, date(2025, 12, 22), date(2025, 12, 30))
    number = docno("文广旅", 2026, rng.randint(1, 5))
    doc = prose.notice(rng, t["免费开放"], "关于做好元旦春节期间公共文化场馆免费开放工作的通知", number, day)
    plan.add("WH", "Ⅲ-19-1)", f"{number} 关于做好元旦春节期间公共文化场馆免费开放工作的通知.pdf", "正式发文",
             pdf(doc), day,
             mistakes=[Mistake("MR-DOCNO-003", number, f"文号年份 2026 与成文日期 {ar(day)} 不一致（提前用了下年文号）")])
    day = plan.day(rng, date(2026, 1, 4), date(2026, 1, 9))
    number = docno("宣", 2026, rng.randint(1, 3))
    cited = "豫宣〔2025〕41号"
    doc = prose.notice(rng, t["学习"], "关于做好2026年度理论学习中心组学习安排的通知", number, day,
                       extra=[f"根据《关于进一步加强理论学习中心组学习的通知》（{cited}）要求，结合我市实际，现将有关事项通知如下。"])
    plan.add("XC", "Ⅲ-1-1)", f"{number} 关于做好2026年度理论学习中心组学习安排的通知.docx", "正式发文", docx(doc), day,
             clean=[Clean("MR-DOCNO-003", number, "一月初发文，文号年份与成文日期同为 2026 年"),
                    Clean("MR-DOCNO-003", cited, "正文引用的上级文号年份不是本文的文号"),
                    Clean("MR-DATE-004", "2026年度", "所属年度在时间范围内")])

    # MR-DOCNO-001: 【】 for 〔〕, typed from an input method's bracket list.
    day = plan.day(rng, date(2026, 3, 16), date(2026, 4, 3))
    number = docno("文明办", 2026, rng.randint(8, 16), "【】")
    doc = prose.notice(rng, t["志愿服务"], "关于开展“学雷锋”志愿服务月活动的通知", number, day)
    plan.add("WH", "Ⅲ-8-3)", f"{number} 关于开展“学雷锋”志愿服务月活动的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-001", number, "文号年份用了方头括号【】")],
             clean=[Clean("MR-DOCNO-003", number, "文号年份与成文日期同年")])

    # MR-DOCNO-004: 汉字 成文日期 on a 建设局 notice (DOCX) and a 城管 notice (text PDF); clean: a
    # 情况说明 without 文号 signed in 汉字, which GB/T 9704 does not govern.
    day = plan.day(rng, date(2026, 2, 23), date(2026, 3, 13))
    number = docno("建", 2026, rng.randint(6, 20))
    doc = prose.notice(rng, t["老旧小区"], "关于加快推进2026年老旧小区改造项目开工的通知", number, day, date_style="chinese")
    plan.add("CG", "Ⅲ-13-1)", f"{number} 关于加快推进2026年老旧小区改造项目开工的通知.docx", "正式发文", docx(doc), day,
             mistakes=[Mistake("MR-DOCNO-004", cn(day), "成文日期用汉字书写")])
    day = plan.day(rng, date(2025, 11, 10), date(2025, 11, 28))
    number = docno("城管", 2025, rng.randint(30, 45))
    doc = prose.notice(rng, t["背街"], "关于开展冬季背街小巷环境卫生集中整治的通知", number, day, date_style="chinese")
    plan.add("CG", "Ⅲ-11-1)", f"{number} 关于开展冬季背街小巷环境卫生集中整治的通知.pdf", "正式发文", pdf(doc), day,
             mistakes=[Mistake("MR-DOCNO-004", cn(day), "成文日期用汉字书写")],
             clean=[Clean("MR-DATE-001", cn(day), "汉字成文日期在时间范围内")])
    day = plan.day(rng, date(2026, 5, 11), date(2026, 5, 29))
    doc = prose.report(rng, t["老旧小区"], "关于焦作市老旧小区物业管理工作开展情况的说明", day, since=date(2025, 9, 1),
                       date_style="chinese")
    plan.add("CG", "Ⅲ-13-2)", "关于焦作市老旧小区物业管理工作开展情况的说明.docx", "情况说明", docx(doc), day,
             clean=[Clean("MR-DOCNO-004", cn(day), "不带文号的情况说明，汉字落款日期不计")])
def _image_quality_cases(plan: CorpusPlan) -> None:
    """Blurred photos and coarse scans, and the sharp or fine ones that only look like them: a night
    street, a plain wall and a poster (sharp, little texture or dark), a shaken night photo and a
    shaken crowd, a defocused photo inside a 图片说明 DOCX, a shaken one in an album PDF with a cover,
    and 正式发文 scanned at 200, 300 and 100 dpi."""
    from tests.corpus import scenes as camera

    rng = random.Random(plan.seed + 13)

    def shot(make: Callable[[random.Random], Image.Image], day: date, spoil: Callable[[Image.Image], Image.Image] | None = None,
             exif: bool = True) -> bytes:
        image = make(random.Random(rng.getrandbits(32)))
        taken = datetime(day.year, day.month, day.day, rng.randint(8, 21), rng.randint(0, 59)) if exif else None
        return camera.jpeg(spoil(image) if spoil else image, taken=taken)

    def photo_file(data: bytes) -> Writer:
        return lambda path: path.write_bytes(data) and None

    def shake(length: int, vertical: bool = False) -> Callable[[Image.Image], Image.Image]:
        return lambda image: camera.shake(image, length, vertical=vertical)

    def defocus(radius: float) -> Callable[[Image.Image], Image.Image]:
        return lambda image: camera.defocus(image, radius)

    # 文化组 Ⅲ-8-3): a sharp night photo, and one shaken in the dark.
    day = date(2026, 6, 8)
    plan.add("WH", "Ⅲ-8-3)", f"{ar(day)} 解放区民主街道 夜间文明交通劝导.jpg", "图片", photo_file(shot(camera.night, day)), day,
             clean=[Clean("MR-IMG-001", "照片模糊", "夜景照片：画面暗，但灯光和楼宇轮廓清晰")])
    day = date(2026, 6, 20)
    plan.add("WH", "Ⅲ-8-3)", f"{ar(day)} 山阳区太行路 夜市文明劝导志愿服务.jpg", "图片",
             photo_file(shot(camera.night, day, shake(16))), day,
             mistakes=[Mistake("MR-IMG-001", "照片模糊", "夜间拍摄手抖，整张照片拖影")])
    # 文化组 Ⅲ-9-1): a 图片说明 DOCX whose second photo is out of focus (with the unit's emblem on top).
    day = date(2026, 5, 16)
    captions = (f"{ar(day)}，马村区待王街道敬老院，志愿者为老人理发", f"{ar(day)}，马村区待王街道敬老院，志愿者陪老人聊天",
                f"{ar(day)}，马村区待王街道敬老院，志愿者打扫院落")
    pictures = [(shot(camera.street, day), captions[0]), (shot(camera.crowd, day, defocus(4.0)), captions[1]),
                (shot(camera.poster, day), captions[2])]
    plan.add("WH", "Ⅲ-9-1)", "敬老院志愿服务图片说明.docx", "图片",
             lambda path: camera.picture_docx(path, "马村区敬老院志愿服务活动图片", pictures) and None, day,
             mistakes=[Mistake("MR-IMG-001", "第2张图片模糊", "第二张照片失焦")],
             clean=[Clean("MR-CAP-001", "志愿者为老人理发", "每张图片下都有时间、地点、事由；文首的单位徽标不是照片")])
    # 城管组 Ⅲ-12-2): a sharp photo of a freshly painted wall (almost no texture), a crowd shaken upward.
    day = date(2026, 6, 3)
    plan.add("CG", "Ⅲ-12-2)", f"{ar(day)} 山阳区焦东街道 垃圾分类亭外墙清洗后.jpg", "图片", photo_file(shot(camera.wall, day)), day,
             clean=[Clean("MR-IMG-001", "照片模糊", "刷新后的白墙几乎没有纹理，照片本身清晰")])
    day = date(2026, 6, 10)
    plan.add("CG", "Ⅲ-12-2)", f"{ar(day)} 解放区七百间社区 垃圾分类宣传活动.jpg", "图片",
             photo_file(shot(camera.crowd, day, shake(20, vertical=True))), day,
             mistakes=[Mistake("MR-IMG-001", "照片模糊", "抓拍时相机上下晃动，人群拖影")])
    # 宣传组 Ⅲ-2-2): a sharp poster photo; an album PDF (cover, emblem on every page) whose last photo is shaken.
    day = date(2026, 5, 6)
    plan.add("XC", "Ⅲ-2-2)", f"图片5 {ar(day)} 中站区 宣讲活动海报.jpg", "图片", photo_file(shot(camera.poster, day)), day,
             clean=[Clean("MR-IMG-001", "照片模糊", "海报照片：大块色块和标语，清晰")])
    day = date(2026, 5, 20)
    album = [(shot(camera.street, day, exif=False), f"{ar(day)} 示范区文昌街道 宣讲进社区"),
             (shot(camera.crowd, day, exif=False), f"{ar(day)} 示范区文昌街道 宣讲进广场"),
             (shot(camera.street, day, shake(18), exif=False), f"{ar(day)} 示范区文昌街道 宣讲进商户")]
    plan.add("XC", "Ⅲ-2-2)", "示范区宣讲活动照片汇编.pdf", "图片",
             lambda path: camera.album_pdf(path, "示范区基层宣讲活动照片汇编", album) and None, day,
             mistakes=[Mistake("MR-IMG-001", "第4页第1张图片模糊", "第4页的照片拍摄时抖动")],
             clean=[Clean("MR-CAP-001", "宣讲进社区", "封面不是照片；每张照片下都有时间、地点、事由")])
    # Scans: 200 and 300 dpi are fine, 100 dpi is too coarse.
    for group, item, key, organ, number, title, dpi, day in (
            ("XC", "Ⅲ-4-1)", "模范", "文明委", 9, "关于推荐第九届焦作市道德模范候选人的通知", 200, date(2026, 3, 18)),
            ("CG", "Ⅲ-11-1)", "背街", "城管", 14, "关于开展背街小巷“净街行动”的通知", 300, date(2026, 4, 7)),
            ("WH", "Ⅲ-8-2)", "志愿服务", "文明办", 8, "关于开展星级志愿者评定工作的通知", 100, date(2026, 4, 21))):
        number_text = docno(organ, 2026, number)
        doc = prose.notice(plan.rng(f"scan {dpi}"), TOPICS[key], title, number_text, day)
        name = f"{number_text} {title}.pdf"
        if dpi < 150:
            plan.add(group, item, name, "正式发文", scan(doc, dpi=dpi), day,
                     mistakes=[Mistake("MR-FILE-017", f"{dpi} dpi", f"扫描分辨率只有 {dpi} dpi", also=("MR-FILE-005",))])
        else:
            plan.add(group, item, name, "正式发文", scan(doc, dpi=dpi), day,
                     clean=[Clean("MR-FILE-017", f"{dpi} dpi", f"以 {dpi} dpi 扫描，清晰")])


# -- writing ---------------------------------------------------------------------------------------

def truth_of(plan: CorpusPlan) -> dict[str, object]:
    mistakes, clean, files = [], [], []
    for f in plan.files:
        files.append({"file": f.path, "group": f.group, "item": f.item, "kind": f.kind,
                      "format": Path(f.name).suffix.lstrip(".").lower()})
        for m in f.mistakes:
            mistakes.append({"file": f.path, "item": f.item, "rule": m.rule, "covered": m.rule not in PROPOSED_RULES,
                             "text": m.text, "note": m.note, "also": list(m.also)})
        for c in f.clean:
            clean.append({"file": f.path, "item": f.item, "rule": c.rule, "text": c.text, "note": c.note})
    for m in plan.item_mistakes:
        mistakes.append({"file": None, "item": m.item, "rule": m.rule, "covered": m.rule not in PROPOSED_RULES,
                         "text": m.text, "note": m.note, "also": []})
    for index, entry in enumerate(mistakes, start=1):
        entry["id"] = f"M{index:03d}"
    for index, entry in enumerate(clean, start=1):
        entry["id"] = f"C{index:03d}"
    items: dict[str, list[str]] = {code: [] for code, _ in GROUPS}
    for item, (group, _) in ITEMS.items():
        items[group].append(item)
    return {
        "corpus": "realistic", "seed": plan.seed,
        "workspace": {"city": CITY, "year": YEAR, "start_date": START.isoformat(), "window": WINDOW_RULE,
                      "window_dates": [WINDOW[0].isoformat(), WINDOW[1].isoformat()], "manual": MANUAL},
        "groups": [{"code": code, "name": name, "folder": f"{MATERIALS}/{name}", "items": items[code]}
                   for code, name in GROUPS],
        "proposed_rules": PROPOSED_RULES,
        "notes": NOTES,
        "files": files,
        "mistakes": mistakes,
        "lookalikes": clean,
    }


def build_corpus(out: Path, seed: int = 2026) -> dict[str, object]:
    """Write the corpus and its truth file into `out` (created; must be empty if it exists)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty")
    plan = plan_corpus(seed)
    for f in plan.files:
        path = out / f.path
        path.parent.mkdir(parents=True, exist_ok=True)
        f.write(path)
        stamp = datetime(f.day.year, f.day.month, f.day.day, 17, 30).timestamp()
        os.utime(path, (stamp, stamp))
    for item, (group, title) in ITEMS.items():  # assigned standards without material still get a folder
        (out / MATERIALS / dict(GROUPS)[group] / f"{item} {title}").mkdir(parents=True, exist_ok=True)
    truth = truth_of(plan)
    (out / TRUTH_FILE).write_text(truth_json(truth), encoding="utf-8")
    return truth


SNAPSHOT = Path(__file__).with_name("realistic-truth.json")  # the truth of the default seed, for reading


def truth_json(truth: dict[str, object]) -> str:
    return json.dumps(truth, ensure_ascii=False, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the realistic corpus and its truth file.")
    parser.add_argument("out", type=Path, help="folder to write (new or empty); with --truth-only, the JSON file")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--truth-only", action="store_true", help="write only the truth file (no materials)")
    args = parser.parse_args(argv)
    if args.truth_only:
        args.out.write_text(truth_json(truth_of(plan_corpus(args.seed))), encoding="utf-8")
        return 0
    truth = build_corpus(args.out, args.seed)
    print(f"{len(truth['files'])} files, {len(truth['mistakes'])} planted mistakes, "  # type: ignore[arg-type]
          f"{len(truth['lookalikes'])} look-alikes in {args.out}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())

