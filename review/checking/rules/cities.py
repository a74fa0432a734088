"""Names of other prefecture-level cities: text copied from another city's materials.

The names ship as data (resources/data/prefecture_cities.txt, with a stoplist of ordinary words
that contain a city name). A match right before 市委 / 市政府 / 文明办 … means the material speaks
in that city's name (must fix); any other mention is worth a look (should fix), from
`min_occurrences` mentions up.

A short name can also be a person's name (金华 is a city and a name in a 表彰 list), so a short
name is not reported when the context says person: a title right after it (金华同志, 金华等同志,
丽江老师), a title right before it (医生金华, 队员丽江), a common surname right before it (张抚顺;
not after a place, 江苏苏州, 浙江金华), an entry of a 、-separated list whose other entries are mostly
names (李明、金华、王芳), or a table cell of a column of names (a 名册). A suffixed name (金华市)
is never a person.

Cities of the workspace's own province (the `province` setting, by default the city's) named in a
provincial context (省文明办在郑州召开…, for a 河南 city) are where the province meets, not copied
text: they are not reported.

MR-CITY-003 looks for what a copy keeps when only the city's name was replaced: another city's
districts, counties and main roads (index.place_names, resources/data/county_districts.txt) named
without their city. A name the own city also has, a name right after a city or province (新乡市红旗区
names its city: MR-CITY-002's business), a sentence about a visit or an exchange, a provincial
context and words that only contain a name (示范县) are not reported; a city's roads alone count
from two distinct ones.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from index.place_names import (
    City,
    LocalPlace,
    data_lines,
    load_cities,
    local_places,
    not_place_phrases,
    province_short,
    trie_pattern,
)
from index.place_names import city_named as own_city
from resources import resource_path
from review.checking.rules.finding import Finding

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

STOPLIST_FILE = resource_path("data", "city_name_stoplist.txt")
SURNAMES_FILE = resource_path("data", "common_surnames.txt")
_NOT_PREFIX = "不作前缀"
_SELF_REFERENCE = re.compile(r"市?(?:委|人民政府|政府|文明办|文明委|精神文明建设委员会|创建|创文|全国文明城市|文明城市)")
_PLACES_SHOWN = 3
# Right after a person's name: 同志, 等同志, 等3名同志, 等人, a post (副主任), a sex in a 名单 (，女，).
_PERSON_AFTER = re.compile(
    r"(?:等(?:[\d一二三四五六七八九十]+[名位])?)?(?:同志|同学|老师|先生|女士|师傅|阿姨)|等人(?![口员])"
    r"|副?(?:书记|主任|主席|局长|处长|科长|部长|校长|院长|所长|队长|组长|社长|村长|经理)"
    r"|[，,（(][男女][，,）)]")
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
# Right before a person's name: a post or a role (医生金华, 志愿者丽江).
_PERSON_BEFORE = re.compile(
    r"(?:医生|护士|教师|老师|民警|辅警|交警|代表|志愿者|队员|党员|村民|居民|学生|职工|干部|书记|主任|同志|模范|标兵)$")
_PERSON_BEFORE_REACH = 3
# A table cell's place: everything up to the row, the row, then the column ("表格1 第3行第2列").
_CELL = re.compile(r"^(?P<table>.*?)第\s*(?P<row>\d+)\s*行\s*第\s*(?P<column>\d+)\s*列$")
_NAME_HEADERS = frozenset({"姓名", "名字", "人员", "联系人", "负责人", "受表彰人", "获奖人"})
# A provincial body or meeting before a city name of the same province: 省文明办在郑州召开.
_PROVINCIAL = re.compile(r"(?:全省|省委|省政府|省文明办|省文明委|省[\u4e00-\u9fff]{0,6}(?:厅|局|会|办))[^。；\n]{0,12}$")
_PROVINCIAL_REACH = 24
# Another city's body visiting or being visited is an exchange, not text copied from it.
_EXCHANGE = re.compile(r"来我市|来本市|到我市|赴|前往|考察|参观|学习|交流|借鉴|观摩|座谈|调研|对口|结对|友好城市")
_SENTENCE_END = "。；;！!？?\n"
# After a district's name: 区域/县域 are areas, 县长/区长 a person's title (叶县长), 市场 a market.
_NOT_PLACE_AFTER = frozenset("域长场")
_ROADS_ALONE = 2
_LIST_SEPARATOR = "、"
# Where an entry of a list ends (besides the separator); spaces inside names (李　明) are ignored.
_ENTRY_BOUNDARIES = frozenset("、，,。；;：:!！?？（）()“”‘’《》【】[]\n")


@cache
def _stoplist() -> tuple[str, ...]:
    return tuple(data_lines(STOPLIST_FILE))


@dataclass(frozen=True)
class Surnames:
    every: frozenset[str]
    prefix: frozenset[str]  # those that also count right before a city name


@cache
def surnames() -> Surnames:
    every, prefix = set(), set()
    for line in data_lines(SURNAMES_FILE):
        name, *mark = line.split()
        every.add(name)
        if mark != [_NOT_PREFIX]:
            prefix.add(name)
    return Surnames(frozenset(every), frozenset(prefix))


@cache
def place_names() -> frozenset[str]:
    """Every city form (the own city's too) and province name: a surname-like character that ends
    one of these (江苏 before 苏州) is part of a place, and a list entry equal to one is a place."""
    provinces = {c.province for c in load_cities()}
    shorts = {province_short(p) for p in provinces}
    return frozenset({form for c in load_cities() for form in c.forms()} | provinces | shorts)


def _after_place(text: str, end: int) -> bool:
    return any(text.endswith(place, 0, end) for place in place_names())


def _person_like(entry: str) -> bool:
    """A list entry that reads as a name: 2–3 characters from a surname, maybe 等同志 after it."""
    m = _PERSON_NAME.match(entry)
    return (m is not None and entry[0] in surnames().every and m[0] not in place_names()
            and (m.end() == len(entry) or _PERSON_AFTER.match(entry, m.end()) is not None))


def _entry_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1] not in _ENTRY_BOUNDARIES:
        start -= 1
    while end < len(text) and text[end] not in _ENTRY_BOUNDARIES:
        end += 1
    return start, end


def _list_neighbours(text: str, start: int, end: int) -> list[str]:
    """The other entries of the 、-list the entry text[start:end] belongs to, spaces removed."""
    out = []
    left = start
    while left > 0 and text[left - 1] == _LIST_SEPARATOR:
        left, right = _entry_bounds(text, left - 1, left - 1)
        out.append(text[left:right])
    right = end
    while right < len(text) and text[right] == _LIST_SEPARATOR:
        left, right = _entry_bounds(text, right + 1, right + 1)
        out.append(text[left:right])
    return [entry for entry in ("".join(raw.split()) for raw in out) if entry]


def _in_name_list(text: str, start: int, end: int, form: str) -> bool:
    """Whether the name is an entry (maybe after a surname: 向丽江) of a list of person names.

    Two names at least and most entries: a list of places has county names that look like names
    (温岭、武义), and any city or province among them makes it a list of places."""
    first, last = _entry_bounds(text, start, end)
    entry = "".join(text[first:last].split())
    if entry != form and not (len(entry) == len(form) + 1 and entry.endswith(form)):
        return False
    others = _list_neighbours(text, first, last)
    if any(other in place_names() for other in others):
        return False
    names = sum(1 for other in others if _person_like(other))
    return names >= 2 and 2 * names > len(others)


def is_person_name(text: str, start: int, end: int, city: City) -> bool:
    """Whether the short city name at text[start:end] is (part of) a person's name here."""
    form = text[start:end]
    if form != city.short or form == city.full:
        return False
    if _PERSON_AFTER.match(text, end):
        return True
    if _PERSON_BEFORE.search(text, max(0, start - _PERSON_BEFORE_REACH), start):
        return True
    if (len(form) == 2 and start > 0 and text[start - 1] in surnames().prefix
            and not _after_place(text, start)):
        return True
    return _in_name_list(text, start, end, form)


@dataclass(frozen=True)
class CityMatcher:
    pattern: re.Pattern[str]
    by_form: dict[str, City]
    stop_contexts: dict[str, tuple[tuple[str, int], ...]]

    def is_ordinary_word(self, text: str, start: int, form: str) -> bool:
        for phrase, offset in self.stop_contexts.get(form, ()):
            begin = start - offset
            if begin >= 0 and text.startswith(phrase, begin):
                return True
        return False


@cache
def matcher_for(own: str) -> CityMatcher | None:
    """A matcher for every city except the workspace's own; None when the own city is not set."""
    if not own.strip():
        return None
    mine = own_city(own)
    by_form = {form: city for city in load_cities() if city != mine for form in city.forms()}
    by_form = {form: city for form, city in by_form.items() if form not in own}
    stop: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for phrase in _stoplist():
        for form in by_form:
            index = phrase.find(form)
            if index >= 0:
                stop[form].append((phrase, index))
    # Longest forms first at each position comes from the trie: a shorter form only when the
    # longer one does not continue.
    pattern = re.compile(trie_pattern(sorted(by_form, key=len, reverse=True)))
    return CityMatcher(pattern, by_form, {k: tuple(v) for k, v in stop.items()})


def check(ctx: FileContext) -> list[Finding]:
    if not ctx.enabled("MR-CITY-001", "MR-CITY-002"):
        return []
    matcher = matcher_for(ctx.settings.city)
    if matcher is None:
        return []
    text = ctx.doc.text
    self_refs: dict[City, list[re.Match[str]]] = defaultdict(list)
    mentions: dict[City, list[re.Match[str]]] = defaultdict(list)
    for m in matcher.pattern.finditer(text):
        if matcher.is_ordinary_word(text, m.start(), m[0]):
            continue
        city = matcher.by_form[m[0]]
        if _SELF_REFERENCE.match(text, m.end()) and not _in_exchange(text, m.start(), m.end()):
            self_refs[city].append(m)
        elif not (is_person_name(text, m.start(), m.end(), city) or _in_name_column(ctx, m.start(), m[0])
                  or _provincial_meeting_place(ctx, text, m.start(), city)):
            mentions[city].append(m)
    out: list[Finding] = []
    if ctx.config.is_enabled("MR-CITY-001"):
        for city, matches in self_refs.items():
            out.append(_finding(ctx, "MR-CITY-001", city, matches, "以该市的机构或名义表述"))
    if ctx.config.is_enabled("MR-CITY-002"):
        least = ctx.config.threshold("MR-CITY-002", "min_occurrences")
        for city, matches in mentions.items():
            if city not in self_refs and len(matches) >= least:
                out.append(_finding(ctx, "MR-CITY-002", city, matches, "提到该市"))
    return out


@dataclass(frozen=True)
class LocalMatcher:
    pattern: re.Pattern[str]
    by_name: dict[str, tuple[LocalPlace, ...]]  # places of other cities, by name
    stop_contexts: dict[str, tuple[tuple[str, int], ...]]


@cache
def local_matcher_for(own: str) -> LocalMatcher | None:
    """Districts, counties and roads of every other city; None when the own city is not listed
    (its own districts unknown, any district could be its own)."""
    mine = own_city(own)
    if mine is None:
        return None
    own_names = {p.name for p in local_places() if p.city == mine}
    by_name: dict[str, list[LocalPlace]] = defaultdict(list)
    for place in local_places():
        if place.city != mine and place.name not in own_names:
            by_name[place.name].append(place)
    stop: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for phrase in not_place_phrases():
        for name in by_name:
            index = phrase.find(name)
            if index >= 0:
                stop[name].append((phrase, index))
    pattern = re.compile(trie_pattern(sorted(by_name, key=len, reverse=True)))
    return LocalMatcher(pattern, {k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in stop.items()})


def check_leftover_places(ctx: FileContext) -> list[Finding]:
    """MR-CITY-003: another city's districts, counties or roads left in a material of ours."""
    if not ctx.config.is_enabled("MR-CITY-003"):
        return []
    matcher = local_matcher_for(ctx.settings.city)
    if matcher is None:
        return []
    text = ctx.doc.text
    province = ctx.settings.province_name()
    found: dict[tuple[City, ...], list[re.Match[str]]] = defaultdict(list)
    for m in matcher.pattern.finditer(text):
        name, start, end = m[0], m.start(), m.end()
        if (text[end:end + 1] in _NOT_PLACE_AFTER or _names_another_place(text, start, ctx.settings.city)
                or any(text.startswith(phrase, start - offset) for phrase, offset in matcher.stop_contexts.get(name, ()))
                or _in_exchange(text, start, end)):
            continue
        cities = [p.city for p in matcher.by_name[name] if not (
            p.city.province == province and _PROVINCIAL.search(text, max(0, start - _PROVINCIAL_REACH), start))]
        if cities:
            found[tuple(dict.fromkeys(cities))].append(m)
    # A name several cities have (鼓楼区) goes with the one of them the material has other names of.
    for cities in [key for key in found if len(key) > 1]:
        owner = next(((c,) for c in cities if (c,) in found), None)
        if owner:
            found[owner] += found.pop(cities)
    out = []
    for cities, matches in found.items():
        places = {m[0] for m in matches}
        roads = {name for name in places if all(p.road for p in matcher.by_name[name])}
        read = {m[0] for m in matches if not _read_by_ocr(ctx, m.start())}
        # On a scan one misread name (湖滨区 out of a grey seal) is no evidence: two names, or one typed.
        if (len(places) > len(roads) or len(roads) >= _ROADS_ALONE) and (read or len(places) >= 2):
            out.append(_leftover_finding(ctx, cities, matches))
    return out


def _read_by_ocr(ctx: FileContext, offset: int) -> bool:
    segment = ctx.doc.at(offset)
    return segment is not None and segment.source == "ocr"


def _names_another_place(text: str, start: int, own: str) -> bool:
    """A city or province other than ours right before (新乡市红旗区, 江苏省鼓楼区): the text names
    where the place is. Our own city before another city's district (焦作市红旗区) is the copy."""
    mine = own_city(own)
    mine_forms = mine.forms() | {mine.province, province_short(mine.province)} if mine else set()
    return any(text.endswith(place, 0, start) and place not in mine_forms for place in place_names())


def _leftover_finding(ctx: FileContext, cities: tuple[City, ...], matches: list[re.Match[str]]) -> Finding:
    names = list(dict.fromkeys(m[0] for m in matches))
    whose = (f"{cities[0].full}（{cities[0].province}）" if len(cities) == 1
             else f"外市（{'、'.join(c.full for c in cities)}都有此名）")
    first = matches[0]
    segment = ctx.doc.at(first.start())
    where = f"{segment.location if segment else ''}“{ctx.doc.excerpt(first.start(), first.end(), 10)}”"
    own = ctx.settings.city or "本市"
    message = (f"{ctx.facts.display_name}：材料应为{own}的材料，却写有{whose}的地名"
               f"{'、'.join(f'“{n}”' for n in names[:_PLACES_SHOWN * 2])}，见{where}，共 {len(matches)} 处。"
               "可能照搬自外市材料、只替换了市名。")
    return ctx.finding_at("MR-CITY-003", message, first.start(), first.end())


def _in_exchange(text: str, start: int, end: int) -> bool:
    """The sentence around the name tells of a visit or an exchange between the cities."""
    first = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    return _EXCHANGE.search(text, first, min(ends) if ends else len(text)) is not None


def _in_name_column(ctx: FileContext, start: int, form: str) -> bool:
    """The whole cell is the name, in a table column headed 姓名 or made mostly of person names."""
    segment = ctx.doc.at(start)
    cell = _CELL.match(segment.location) if segment else None
    if segment is None or cell is None or "".join(ctx.doc.text[segment.start:segment.end].split()) != form:
        return False
    column = []
    for other in ctx.doc.segments:
        place = _CELL.match(other.location)
        if place and place["table"] == cell["table"] and place["column"] == cell["column"] and other != segment:
            column.append((int(place["row"]), "".join(ctx.doc.text[other.start:other.end].split())))
    if any(row == 1 and value in _NAME_HEADERS for row, value in column):
        return True
    names = sum(1 for _row, value in column if _person_like(value))
    return names >= 2 and 2 * names > len(column)


def _provincial_meeting_place(ctx: FileContext, text: str, start: int, city: City) -> bool:
    province = ctx.settings.province_name()
    return (bool(province) and city.province == province
            and _PROVINCIAL.search(text, max(0, start - _PROVINCIAL_REACH), start) is not None)


def _finding(ctx: FileContext, rule_id: str, city: City, matches: list[re.Match[str]], how: str) -> Finding:
    first = matches[0]
    places = []
    for m in matches[:_PLACES_SHOWN]:
        segment = ctx.doc.at(m.start())
        places.append(f"{segment.location if segment else ''}“{ctx.doc.excerpt(m.start(), m.end(), 10)}”")
    more = f"等 {len(matches)} 处" if len(matches) > _PLACES_SHOWN else f"共 {len(matches)} 处"
    own = ctx.settings.city or "本市"
    message = (f"{ctx.facts.display_name}：材料应为{own}的材料，却{how}“{city.full}”（{city.province}），"
               f"见{'；'.join(places)}，{more}。")
    return ctx.finding_at(rule_id, message, first.start(), first.end())
