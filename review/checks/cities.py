"""Names of other prefecture-level cities: text copied from another city's materials.

The names ship as data (resources/data/prefecture_cities.txt, with a stoplist of ordinary words
that contain a city name). A match right before 市委 / 市政府 / 文明办 … means the material speaks
in that city's name (must fix); any other mention is worth a look (should fix), from
`min_occurrences` mentions up.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from resources import resource_path
from review.checks.finding import Finding

if TYPE_CHECKING:
    from review.checks.context import FileContext

CITIES_FILE = resource_path("data", "prefecture_cities.txt")
STOPLIST_FILE = resource_path("data", "city_name_stoplist.txt")
_FULL_ONLY = "全称"
_SUFFIXES = (("自治州", "州"), ("地区", "地区"), ("盟", "盟"), ("市", "市"))
_SELF_REFERENCE = re.compile(r"市?(?:委|人民政府|政府|文明办|文明委|精神文明建设委员会|创建|创文|全国文明城市|文明城市)")
_PLACES_SHOWN = 3


@dataclass(frozen=True)
class City:
    province: str
    full: str
    short: str
    full_only: bool

    def forms(self) -> set[str]:
        """How the city is written in running text; ambiguous short names only with a suffix."""
        suffixed = {self.short + short for long, short in _SUFFIXES if self.full.endswith(long)}
        return {self.full, *suffixed} | (set() if self.full_only else {self.short})


def _data_lines(path: object) -> list[str]:
    with open(path, encoding="utf-8") as handle:  # type: ignore[call-overload]
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]


@cache
def load_cities() -> tuple[City, ...]:
    cities = []
    for line in _data_lines(CITIES_FILE):
        parts = line.split()
        cities.append(City(parts[0], parts[1], parts[2], len(parts) > 3 and parts[3] == _FULL_ONLY))
    return tuple(cities)


@cache
def _stoplist() -> tuple[str, ...]:
    return tuple(_data_lines(STOPLIST_FILE))


def own_city(name: str) -> City | None:
    """The workspace's city in the list, from how the settings spell it (焦作市, 焦作)."""
    name = name.strip()
    return next((c for c in load_cities() if name and (name == c.short or name in c.forms())), None)


def trie_pattern(words: list[str]) -> str:
    """One regular expression alternation for many literal words, shared prefixes factored out.

    Python's engine tries alternatives one by one; a trie keeps a match attempt to a few steps.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


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
        target = self_refs if _SELF_REFERENCE.match(text, m.end()) else mentions
        target[city].append(m)
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
