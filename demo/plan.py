"""What the demo contains, decided before anything is written: groups, assignments, files, mistakes.

Planning is pure (a manual, a date window and a seed in; dataclasses out), so it is fast to test
and the same seed always gives the same plan. `demo.build` writes the plan to disk.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from demo import mistakes
from demo.images import LOW_RES_SIZE, PHOTO_SIZE, photo_caption
from demo.texts import (
    MANUAL_KIND_TO_DOC,
    OfficialDoc,
    city_stem,
    guess_area,
    make_docno,
    make_document,
)
from demo.vocabulary import AREAS
from review.manual.model import Content, Manual, Standard
from review.workspace.date_window import DateWindow

GROUPS: tuple[tuple[str, str], ...] = (
    ("XC", "宣传组"), ("CG", "城管组"), ("JT", "交通组"), ("JY", "教育组"), ("SJ", "市场监管组"), ("WH", "文化组"),
)
AREA_GROUP = {"理论学习": "XC", "公益广告": "XC", "道德模范": "XC", "志愿服务": "WH", "文化惠民": "WH",
              "背街小巷": "CG", "垃圾分类": "CG", "文明交通": "JT", "未成年人": "JY", "农贸市场": "SJ",
              "诚信建设": "SJ", "文明餐桌": "SJ"}
SUPPORT_GROUP = "XC"  # 宣传组 supports every standard that is about publicity (宣传)
UNSORTED = "待归类"
UNCOVERED_COUNT = 2
MAX_PHOTOS_PER_STANDARD = 4
LONG_NAME_SUFFIX = ("（{issuer}报送材料，已经分管领导审核同意，请市创建办审核后上传测评系统，"
                    "如有问题请及时联系本组材料员）最终修改版（第三稿）")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


class NoCandidate(LookupError):
    """The manual offers no file that can carry a given mistake."""


@dataclass
class PhotoPlan:
    seed: int
    area: str
    caption: str | None
    taken: datetime | None  # EXIF DateTimeOriginal; None: no EXIF at all
    size: tuple[int, int] = PHOTO_SIZE


@dataclass
class DemoFile:
    """One planned file. `path` is relative to the demo folder, with "/" separators."""

    path: str
    group: str
    item: str | None  # the 测评标准 its folder names; None in 待归类
    kind: str  # the manual's kind of material (正式发文, 图片 …)
    format: str  # the extension it is written with
    day: date  # the date it carries (document date or when the photo was taken)
    doc: OfficialDoc | None = None
    photo: PhotoPlan | None = None
    variant: str = ""  # "" | scan | encrypted | truncated | empty | jpeg (JPEG bytes) | copy
    source: str | None = None  # the original of a copy
    mistakes: list[str] = field(default_factory=list)


@dataclass
class PlantedMistake:
    code: str  # see mistakes.MISTAKE_NAMES
    path: str | None  # None for a missing item
    item: str | None
    detail: str

    @property
    def name(self) -> str:
        return mistakes.MISTAKE_NAMES[self.code]


@dataclass
class Assignments:
    lead: dict[str, list[str]]  # group code → 测评内容 or 测评标准 codes
    support: dict[str, list[str]]
    owner: dict[str, str]  # 材料审核 standard → lead group
    area: dict[str, str]  # 材料审核 standard → campaign area
    uncovered: list[str]  # 材料审核 standards no group leads


@dataclass
class DemoPlan:
    assignments: Assignments
    files: list[DemoFile]
    mistakes: list[PlantedMistake]


def _material_standards(content: Content) -> list[Standard]:
    return [s for s in content.standards if s.needs_materials]


def _area_text(standard: Standard) -> str:
    keywords = standard.requirement.keywords if standard.requirement else []
    return standard.title + " " + " ".join(keywords)


def plan_assignments(manual: Manual) -> Assignments:
    """Each 测评内容 goes to the group of its campaign area; the last two contents with several
    材料审核 standards are assigned standard by standard, leaving their last one to nobody."""
    lead: dict[str, list[str]] = {code: [] for code, _ in GROUPS}
    support: dict[str, list[str]] = {code: [] for code, _ in GROUPS}
    owner: dict[str, str] = {}
    area: dict[str, str] = {}
    contents = [c for c in manual.contents() if _material_standards(c)]
    split = [c.code for c in contents if len(_material_standards(c)) >= 2][-UNCOVERED_COUNT:]
    uncovered: list[str] = []
    for content in contents:
        standards = _material_standards(content)
        content_area = guess_area(content.title + " " + " ".join(_area_text(s) for s in standards))
        group = AREA_GROUP[content_area]
        if content.code in split:
            uncovered.append(standards[-1].code)
            lead[group].extend(s.code for s in standards[:-1])
        else:
            lead[group].append(content.code)
        for standard in standards:
            area[standard.code] = guess_area(_area_text(standard), default=content_area)
            if standard.code in uncovered:
                continue
            owner[standard.code] = group
            if "宣传" in standard.title and group != SUPPORT_GROUP:
                support[SUPPORT_GROUP].append(standard.code)
    return Assignments(lead, support, owner, area, uncovered)


def safe_name(text: str, limit: int | None = None) -> str:
    """A file or folder name from a title: no characters Windows refuses, no line breaks."""
    name = _UNSAFE.sub("", text)
    return name[:limit] if limit else name


def folder_name(standard: Standard) -> str:
    """"Ⅲ-1-1) 制定年度理论学习计划" — the code first, as the naming convention wants."""
    short = re.split(r"[，,；;。]", standard.title)[0]
    return f"{standard.code} {safe_name(short, 24)}"


class _Planner:
    def __init__(self, manual: Manual, assignments: Assignments, window: DateWindow, city: str, seed: int) -> None:
        self.manual = manual
        self.assignments = assignments
        self.window = window
        self.city = city
        self.rng = random.Random(seed)
        self.files: list[DemoFile] = []
        self.planted: list[PlantedMistake] = []
        self.counters: dict[str, int] = {}
        self.docnos: dict[str, int] = {}
        self.group_names = dict(GROUPS)

    # -- dates and numbers ---------------------------------------------------------------------
    def day(self) -> date:
        first = self.window.begin + timedelta(days=12)
        last = self.window.end - timedelta(days=12)
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def docno(self, area: str, year: int) -> str:
        issuer = AREAS[area].issuer_short
        self.docnos[issuer] = self.docnos.get(issuer, self.rng.randint(2, 9)) + self.rng.randint(1, 6)
        return make_docno(self.city, issuer, year, self.docnos[issuer])

    def count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key] - 1

    # -- files ---------------------------------------------------------------------------------
    def unique_path(self, folder: str, name: str, renaming: DemoFile | None = None) -> str:
        """`folder/name`, or `folder/name（2）` and so on when another planned file has that path."""
        taken = {f.path for f in self.files if f is not renaming}
        stem, _, ext = name.rpartition(".")
        path, n = f"{folder}/{name}", 2
        while path in taken:
            path, n = f"{folder}/{stem}（{n}）.{ext}", n + 1
        return path

    def add(self, folder: str, name: str, **fields: object) -> DemoFile:
        demo_file = DemoFile(path=self.unique_path(folder, name), **fields)  # type: ignore[arg-type]
        self.files.append(demo_file)
        return demo_file

    def standard_files(self, group: str, standard: Standard) -> None:
        folder = f"materials/{self.group_names[group]}/{folder_name(standard)}"
        area = self.assignments.area[standard.code]
        requirement = standard.requirement
        keywords = requirement.keywords if requirement else []
        subject = keywords[0] if keywords else AREAS[area].topic
        for need in requirement.kinds if requirement else []:
            count = min(need.min_count, MAX_PHOTOS_PER_STANDARD) if need.kind == "图片" else need.min_count
            for index in range(count):
                if need.kind == "图片":
                    self.photo(folder, group, standard, area, index)
                else:
                    self.document(folder, group, standard, need.kind, area, subject, keywords, index)

    def document(self, folder: str, group: str, standard: Standard, kind: str, area: str, subject: str,
                 keywords: list[str], index: int) -> None:
        day = self.day()
        doc_kind = MANUAL_KIND_TO_DOC.get(kind, "情况说明")
        docno = self.docno(area, day.year) if kind == "正式发文" else None
        doc = make_document(self.rng, doc_kind, area, self.city, day, docno, since=self.window.begin,
                            subject=subject, focus=standard.title, keywords=keywords)
        common = {"group": group, "item": standard.code, "kind": kind, "day": day}
        allowed = [f.lower() for f in standard.requirement.formats] if standard.requirement else []

        def fit(ext: str) -> str:
            """`ext` if the standard accepts it, else the closest format it does accept."""
            if not allowed or ext in allowed:
                return ext
            return next((alt for alt in ("pdf", "docx", "xlsx") if alt in allowed), ext)

        if kind == "正式发文":
            n = self.count("正式发文")
            variant, ext = ("scan", "pdf") if n in (1, 6) else ("", fit("pdf" if n % 3 == 2 else "docx"))
            self.add(folder, f"{docno} {safe_name(doc.title)}.{ext}", format=ext, doc=doc, variant=variant, **common)
        elif kind in ("台账", "统计表"):
            if kind == "统计表":
                doc = replace(doc, title=doc.title.replace("工作台账", "情况统计表"))
            ext = fit("csv" if kind == "台账" and self.count("台账") == 3 else "xlsx")
            self.add(folder, f"{safe_name(doc.title)}.{ext}", format=ext, doc=doc, **common)
        elif kind == "会议记录":
            ext = fit("docx")
            self.add(folder, f"{safe_name(doc.title)}（第{index + 1}次）.{ext}", format=ext, doc=doc, **common)
        elif kind == "宣传资料":
            doc = replace(doc, title=f"{self.city}{subject}宣传资料汇编")
            ext = fit("pdf")
            self.add(folder, f"{safe_name(doc.title)}.{ext}", format=ext, doc=doc, **common)
        else:
            ext = fit("pdf" if kind == "情况说明" and self.count("情况说明") % 2 == 1 else "docx")
            self.add(folder, f"{safe_name(doc.title)}.{ext}", format=ext, doc=doc, **common)

    def photo(self, folder: str, group: str, standard: Standard | None, area: str, index: int,
              name: str | None = None) -> DemoFile:
        """A photo named the way offices caption files: number, date, place and what happened."""
        day = self.day()
        taken = datetime(day.year, day.month, day.day, self.rng.randint(8, 17), self.rng.randint(0, 59))
        with_exif = self.count("图片") % 3 != 2  # every third photo went through a chat app: no EXIF
        caption = photo_caption(self.rng, area, self.city, taken)
        place = caption.split("地点：", 1)[1].split()[0].removeprefix(self.city)
        activity = caption.rsplit("事由：", 1)[1]
        plan = PhotoPlan(self.rng.getrandbits(32), area, caption, taken if with_exif else None)
        default = f"图片{index + 1} {day:%Y年%-m月%-d日} {safe_name(place)} {safe_name(activity)}.jpg"
        return self.add(folder, name or default, group=group, item=standard.code if standard else None,
                        kind="图片", format="jpg", day=day, photo=plan)

    # -- mistakes ------------------------------------------------------------------------------
    def pick(self, test: Callable[[DemoFile], bool], group: str) -> DemoFile:
        """The first clean file passing `test` in `group`, else in any group."""
        clean = [f for f in self.files if not f.mistakes and not f.variant and f.item]
        found = next((f for f in clean if f.group == group and test(f)), None) or next(
            (f for f in clean if test(f)), None)
        if found is None:
            raise NoCandidate
        return found

    def pick_doc(self, kind: str, group: str, fmt: str | None = None) -> tuple[DemoFile, OfficialDoc]:
        """A clean generated document of `kind` (and format), preferably from `group`."""
        target = self.pick(lambda f: f.kind == kind and f.doc is not None and fmt in (None, f.format), group)
        assert target.doc is not None  # pick() tested it
        return target, target.doc

    def rename(self, target: DemoFile, name: str) -> None:
        target.path = self.unique_path(target.path.rsplit("/", 1)[0], name, renaming=target)

    def plant(self, code: str, target: DemoFile | None, detail: str, item: str | None = None) -> None:
        if target is not None:
            target.mistakes.append(code)
        self.planted.append(PlantedMistake(code, target.path if target else None,
                                           target.item if target else item, detail))

    def plant_mistakes(self) -> None:
        """Each mistake in the first file that can carry it; one the manual offers no file for is left out."""
        for plant in (self._old_date, self._leftovers, self._foreign_city, self._brackets, self._personal_data,
                      self._no_data, self._duplicate, self._encrypted, self._corrupt, self._empty,
                      self._low_resolution, self._no_caption, self._long_name):
            try:
                plant()
            except NoCandidate:
                continue

    def _old_date(self) -> None:
        target, doc = self.pick_doc("工作方案", "CG", "docx")
        old = self.window.begin - timedelta(days=self.rng.randint(60, 90))
        target.doc = replace(doc.replace_text(f"{target.day.year}年", f"{old.year}年"), date=old)
        target.day = old
        self.rename(target, f"{safe_name(target.doc.title)}.docx")
        self.plant("date_outside_window", target,
                   f"落款日期 {old.isoformat()} 早于时间范围开始 {self.window.begin.isoformat()}")

    def _leftovers(self) -> None:
        target, doc = self.pick_doc("情况说明", "JY")
        target.doc = mistakes.with_leftovers(doc)
        self.plant("template_leftover", target, "正文含“XX同志”“第X名”“×××”")

    def _foreign_city(self) -> None:
        target, doc = self.pick_doc("工作方案", "SJ")
        target.doc, foreign = mistakes.with_foreign_city(doc, self.rng)
        self.plant("foreign_city", target, f"正文中出现“{foreign}”")

    def _brackets(self) -> None:
        target, doc = self.pick_doc("正式发文", "JT", "docx")
        target.doc = mistakes.with_bad_brackets(doc)
        target.path = target.path.replace("〔", "[").replace("〕", "]")
        self.plant("docno_brackets", target, f"文号写作“{target.doc.docno}”")

    def _personal_data(self) -> None:
        target, doc = self.pick_doc("台账", "WH")
        target.doc, exposed_id, exposed_mobile = mistakes.with_personal_data(doc, self.rng)
        target.format = "docx"
        self.rename(target, f"{safe_name(target.doc.title)}.docx")
        self.plant("personal_data", target, f"身份证号 {exposed_id}、手机号码 {exposed_mobile} 未脱敏")

    def _no_data(self) -> None:
        target, doc = self.pick_doc("情况说明", "WH")
        target.doc = mistakes.without_data(doc)
        self.plant("no_data_report", target, "只有表态性语言，没有具体措施、成效和数据")

    def _duplicate(self) -> None:
        original, _doc = self.pick_doc("工作方案", "XC", "docx")
        other = next((f for f in self.files if f.group == original.group and f.item and f.item != original.item),
                     None)
        if other is None:
            raise NoCandidate
        copy = self.add(other.path.rsplit("/", 1)[0], original.path.rsplit("/", 1)[1], group=original.group,
                        item=other.item, kind=original.kind, format=original.format, day=original.day,
                        variant="copy", source=original.path)
        self.plant("duplicate", copy, f"与 {original.path} 内容完全相同")

    def _encrypted(self) -> None:
        target, _doc = self.pick_doc("情况说明", "SJ")
        target.variant, target.format = "encrypted", "pdf"
        target.path = target.path.rsplit(".", 1)[0] + ".pdf"
        self.plant("encrypted", target, "PDF 设置了打开密码")

    def _corrupt(self) -> None:
        target = self.pick(lambda f: f.format == "docx" and f.doc is not None, "JT")
        target.variant = "truncated"
        self.plant("corrupt", target, "DOCX 文件只有前一半字节，无法打开")

    def _empty(self) -> None:
        first = self.pick(lambda f: True, "CG")
        empty = self.add(first.path.rsplit("/", 1)[0], "补充说明材料.docx", group=first.group, item=first.item,
                         kind="情况说明", format="docx", day=first.day, variant="empty")
        self.plant("empty", empty, "文件大小为 0 字节")

    def _low_resolution(self) -> None:
        target = self.pick(lambda f: f.photo is not None, "CG")
        assert target.photo is not None  # pick() tested it
        target.photo.size = LOW_RES_SIZE
        self.plant("low_resolution", target, f"图片只有 {LOW_RES_SIZE[0]}×{LOW_RES_SIZE[1]} 像素")

    def _no_caption(self) -> None:
        target = self.pick(lambda f: f.photo is not None and self._captions_required(f.item), "JT")
        assert target.photo is not None  # pick() tested it
        target.photo.caption = None
        self.rename(target, f"现场照片{self.count('bare') + 1}.jpg")
        self.plant("no_caption", target, "图片上没有时间、地点、人物、事由说明")

    def _long_name(self) -> None:
        target, doc = self.pick_doc("工作方案", "JY")
        stem, ext = target.path.rsplit("/", 1)[1].rsplit(".", 1)
        self.rename(target, f"{stem}{safe_name(LONG_NAME_SUFFIX.format(issuer=doc.issuer))}.{ext}")
        self.plant("long_filename", target, f"文件名有 {len(target.path.rsplit('/', 1)[1])} 个字符")

    def _captions_required(self, item: str | None) -> bool:
        standard = self.manual.standard(item) if item else None
        return bool(standard and standard.requirement and standard.requirement.captions_required)

    def unsorted_files(self) -> None:
        """Files a clerk has not filed yet, in each group's 待归类 folder."""
        xc = f"materials/{self.group_names['XC']}/{UNSORTED}"
        photo = self.photo(xc, "XC", None, "公益广告", 0, name="IMG_20260312_101522.jpg")
        photo.item = None
        day = self.day()
        draft = make_document(self.rng, "情况说明", "理论学习", self.city, day, None, since=self.window.begin)
        self.add(xc, "情况说明（草稿）.docx", group="XC", item=None, kind="情况说明", format="docx", day=day, doc=draft)
        fake = self.add(xc, "现场照片扫描件.pdf", group="XC", item=None, kind="图片", format="pdf", day=day,
                        photo=PhotoPlan(self.rng.getrandbits(32), "公益广告", None, None), variant="jpeg")
        self.plant("wrong_extension", fake, "扩展名是 .pdf，内容却是 JPEG 图片")
        cg = f"materials/{self.group_names['CG']}/{UNSORTED}"
        day = self.day()
        sheet = make_document(self.rng, "台账", "垃圾分类", self.city, day, None, since=self.window.begin)
        self.add(cg, f"{city_stem(self.city)}垃圾分类汇总表.xlsx", group="CG", item=None, kind="统计表",
                 format="xlsx", day=day, doc=sheet)


def plan_demo(manual: Manual, window: DateWindow, city: str, seed: int = 7) -> DemoPlan:
    """Assignments, every file with its content, and the planted mistakes, for `manual`."""
    assignments = plan_assignments(manual)
    planner = _Planner(manual, assignments, window, city, seed)
    lead_standards = [(group, s) for s in manual.material_standards()
                      if (group := assignments.owner.get(s.code)) is not None]
    # One assigned standard is left without any material (交通组's last, or the manual's last).
    missing = next((s for g, s in reversed(lead_standards) if g == "JT"), None) or (
        lead_standards[-1][1] if len(lead_standards) > 1 else None)
    for group, standard in lead_standards:
        if standard is not missing:
            planner.standard_files(group, standard)
    if missing is not None:
        planner.plant("missing_item", None, f"{missing.code} {missing.title} 已分工给 "
                      f"{assignments.owner[missing.code]}，但没有任何材料", item=missing.code)
    planner.plant_mistakes()
    planner.unsorted_files()
    return DemoPlan(assignments, planner.files, planner.planted)
