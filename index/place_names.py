"""Place names as data: prefecture cities, their districts, counties and main roads, and the
generic suffixes (街道, 社区, 镇, 村 …) every Chinese place name ends with.

Two uses: the near-copy signature masks every place name and figure before comparing texts
(`mask_places`, used by index.fingerprint), so that two reports that differ only in the district's
name look the same; and the city checks (review.checking.rules.cities) tell which city a
district or road left over in a material belongs to (`local_places`).

The data ship in resources/data (prefecture_cities.txt, county_districts.txt, place_suffixes.txt);
`data_version()` changes with their content, so signatures masked with older data are recomputed.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resources import resource_path

CITIES_FILE = resource_path("data", "prefecture_cities.txt")
LOCAL_FILE = resource_path("data", "county_districts.txt")
SUFFIXES_FILE = resource_path("data", "place_suffixes.txt")
_FULL_ONLY = "全称"
_ROADS_AFTER = "；"
_NOT_PLACES = "不是地名："
_CITY_SUFFIXES = (("自治州", "州"), ("地区", "地区"), ("盟", "盟"), ("市", "市"))
_PROVINCE_SUFFIX = re.compile(r"(?:省|(?:壮族|回族|维吾尔)?自治区)$")
_LOCAL_SUFFIX = re.compile(r"(?:回族区|区|县|市)$")
# What a place's own name is made of before its suffix: Chinese characters, but not the frequent
# function characters the fingerprint cuts at (a name does not run across 在 or 的).
_NOT_NAME = frozenset("的一是在了和有不人为与中对以及等年月日各全本该我")
_FIGURES = re.compile(r"[0-9０-９]+(?:[.．:：/-][0-9０-９]+)*[%％]?|[〇零一二三四五六七八九十]{1,4}(?=[年月日])")
_GOES_ON = frozenset("省市区县镇乡")
PLACEHOLDER = "〇"
_RUNS = re.compile(PLACEHOLDER + "{2,}")


def data_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class City:
    province: str
    full: str
    short: str
    full_only: bool

    def forms(self) -> set[str]:
        """How the city is written in running text; ambiguous short names only with a suffix."""
        suffixed = {self.short + short for long, short in _CITY_SUFFIXES if self.full.endswith(long)}
        return {self.full, *suffixed} | (set() if self.full_only else {self.short})


@cache
def load_cities() -> tuple[City, ...]:
    cities = []
    for line in data_lines(CITIES_FILE):
        parts = line.split()
        cities.append(City(parts[0], parts[1], parts[2], len(parts) > 3 and parts[3] == _FULL_ONLY))
    return tuple(cities)


def city_named(name: str) -> City | None:
    """The city in the list from how it is spelt (焦作市, 焦作); None when it is not listed."""
    name = name.strip()
    return next((c for c in load_cities() if name and (name == c.short or name in c.forms())), None)


def province_short(province: str) -> str:
    """河南省 → 河南, 广西壮族自治区 → 广西."""
    return _PROVINCE_SUFFIX.sub("", province)


@dataclass(frozen=True)
class LocalPlace:
    """A district, county or county-level city (`road` False), or a main road, of a prefecture city."""

    name: str
    city: City
    road: bool


@cache
def local_places() -> tuple[LocalPlace, ...]:
    by_full = {c.full: c for c in load_cities()}
    out = []
    for line in data_lines(LOCAL_FILE):
        if line.startswith(_NOT_PLACES):
            continue
        places, _, roads = line.partition(_ROADS_AFTER)
        city_name, *names = places.split()
        city = by_full[city_name]
        out += [LocalPlace(name, city, False) for name in names]
        out += [LocalPlace(name, city, True) for name in roads.split()]
    return tuple(out)


@cache
def not_place_phrases() -> tuple[str, ...]:
    """Common words that contain a district's name without speaking of it (示范县 holds 范县)."""
    return tuple(word for line in data_lines(LOCAL_FILE) if line.startswith(_NOT_PLACES)
                 for word in line.removeprefix(_NOT_PLACES).split())


@cache
def _suffixes() -> tuple[tuple[str, int, int], ...]:
    return tuple((suffix, int(least), int(most)) for suffix, least, most in map(str.split, data_lines(SUFFIXES_FILE)))


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
class _Masker:
    suffix: re.Pattern[str]  # where a place name ends: its suffix
    limits: dict[str, tuple[int, int]]  # suffix → fewest and most characters of the name before it
    # suffix → the listed names ending with it (河南省, 修武县, 金穗大道), by how many characters come
    # before the suffix, most first
    known: dict[str, tuple[tuple[int, frozenset[str]], ...]]


@cache
def _masker() -> _Masker:
    limits = {suffix: (least, most) for suffix, least, most in _suffixes()}
    limits.setdefault("省", (2, 2))
    names = ({form for c in load_cities() for form in c.forms()} | {c.province for c in load_cities()}
             | {place.name for place in local_places()})
    ordered = sorted(limits, key=len, reverse=True)
    by_suffix: dict[str, dict[int, set[str]]] = {suffix: {} for suffix in ordered}
    for name in names:
        suffix = next((s for s in ordered if name.endswith(s) and len(name) > len(s)), None)
        if suffix:
            by_suffix[suffix].setdefault(len(name) - len(suffix), set()).add(name)
    known = {suffix: tuple((k, frozenset(v)) for k, v in sorted(lengths.items(), reverse=True))
             for suffix, lengths in by_suffix.items()}
    return _Masker(re.compile("|".join(map(re.escape, ordered))), limits, known)


def _is_name_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in _NOT_NAME


def mask_places(text: str) -> str:
    """The text with every place name and figure replaced by one placeholder character.

    Figures (dates, counts, shares) go first. A place name is found from its suffix (…区, …县,
    …街道, …社区, …村, …路, place_suffixes.txt): a listed name ending there (cities, provinces,
    districts, counties, roads) is masked whole, else the Chinese characters right before the
    suffix, as many as such names have. What is left is the wording a copied report keeps.
    Anchoring on the suffixes keeps this to a few microseconds per hundred characters.
    """
    text = _FIGURES.sub(PLACEHOLDER, text)
    masker = _masker()
    out: list[str] = []
    done = 0
    for m in masker.suffix.finditer(text):
        start, end = m.span()
        if text[end:end + 1] in _GOES_ON:  # 新乡市, 修武县城: the name goes on to a larger suffix
            continue
        begin = next((start - k for k, names in masker.known[m[0]]
                      if start - k >= done and text[start - k:end] in names), None)
        if begin is None:
            least, most = masker.limits[m[0]]
            begin = start
            while begin > done and start - begin < most and _is_name_char(text[begin - 1]):
                begin -= 1
            if start - begin < least:
                continue
        out += (text[done:begin], PLACEHOLDER)
        done = end
    out.append(text[done:])
    return _RUNS.sub(PLACEHOLDER, "".join(out))


@cache
def data_version() -> str:
    """Changes with the content of the place-name data (a CRC-32 of the three files)."""
    value = 0
    for path in (CITIES_FILE, LOCAL_FILE, SUFFIXES_FILE):
        value = zlib.crc32(Path(path).read_bytes(), value)
    return f"{value:08x}"
