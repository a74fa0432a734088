"""Another city's name left in a material, without flagging the own city, provinces or ordinary words."""
from __future__ import annotations

import pytest

from review.checking.rules.cities import load_cities, own_city
from tests.checks_support import extraction, of_rule, run, settings


def test_the_data_lists_all_prefecture_level_divisions() -> None:
    cities = load_cities()
    assert len(cities) == 333
    assert {c.full for c in cities} >= {"焦作市", "延边朝鲜族自治州", "大兴安岭地区", "锡林郭勒盟", "三沙市"}
    assert len({c.full for c in cities}) == len(cities)
    assert own_city("焦作") == own_city("焦作市") and own_city("焦作市").province == "河南省"


def test_foreign_city_mention_is_reported_with_place() -> None:
    findings = run(extraction("志愿服务情况说明", "学习借鉴郑州的经验，现将情况说明如下。"))
    found = of_rule(findings, "MR-CITY-002")
    assert len(found) == 1
    assert "郑州市" in found[0].message and "河南省" in found[0].message
    assert found[0].text == "郑州" and found[0].location == "第2段"


def test_copied_campaign_sentence_is_must_fix() -> None:
    found = of_rule(run(extraction("情况说明", "为进一步推进郑州全国文明城市创建工作，特制定本方案。")), "MR-CITY-001")
    assert [f.text for f in found] == ["郑州"]


def test_speaking_in_another_citys_name_is_must_fix() -> None:
    findings = run(extraction("洛阳市文明委关于印发工作方案的通知", "洛阳市文明办负责牵头。"))
    found = of_rule(findings, "MR-CITY-001")
    assert len(found) == 1 and found[0].severity_label == "必须修改" and "共 2 处" in found[0].message
    assert of_rule(findings, "MR-CITY-002") == []


@pytest.mark.parametrize("line", [
    "焦作市文明办牵头，焦作全市动员。",             # own city
    "河南省文明办、吉林省文明办来我市交流。",        # province names (吉林 is also a city)
    "加大同时推进力度，确保长治久安。",              # 大同, 长治 inside ordinary words
    "感谢各位来宾，会场四季长春。",                  # 来宾, 长春
    "优化广东营商环境经验，建设新乡村、培育新乡贤。",  # 东营, 新乡
    "反对文山会海，弘扬延安精神和遵义会议精神。",     # 文山, 延安, 遵义
])
def test_ordinary_words_own_city_and_provinces_are_not_reported(line: str) -> None:
    findings = run(extraction("情况说明", line))
    assert of_rule(findings, "MR-CITY-001") == [] and of_rule(findings, "MR-CITY-002") == []


def test_ambiguous_names_are_found_with_their_suffix() -> None:
    found = of_rule(run(extraction("情况说明", "学习借鉴大同市、中山市的做法。")), "MR-CITY-002")
    assert {f.text for f in found} == {"大同市", "中山市"}


def test_threshold_and_switch() -> None:
    ex = extraction("情况说明", "赴郑州学习考察。")
    assert len(of_rule(run(ex), "MR-CITY-002")) == 1
    two = settings(rules={"MR-CITY-002": {"min_occurrences": 2}})
    assert of_rule(run(ex, cfg=two), "MR-CITY-002") == []
    off = settings(rules={"MR-CITY-002": {"enabled": False}})
    assert of_rule(run(ex, cfg=off), "MR-CITY-002") == []


def test_no_city_set_means_no_city_check() -> None:
    assert of_rule(run(extraction("郑州市文明办"), cfg=settings(city="")), "MR-CITY-001") == []


def test_own_city_from_the_settings_is_respected() -> None:
    findings = run(extraction("郑州市文明办关于焦作经验的学习"), cfg=settings(city="郑州市"))
    assert of_rule(findings, "MR-CITY-001") == []
    assert [f.text for f in of_rule(findings, "MR-CITY-002")] == ["焦作"]


@pytest.mark.parametrize("line", [
    "表彰李明、王芳、金华等同志。",                   # 金华: a name before 等同志
    "向丽江同志学习，争做文明市民。",                  # 丽江: a given name before 同志
    "张抚顺在会上介绍了志愿服务经验。",                # 抚顺 after the surname 张
    "获奖人员：李明、金华、王芳、赵小燕。",             # an entry of a list of names
    "优秀志愿者：李　明、向丽江、王小芳。",             # list entry with a surname, names padded with spaces
    "由金华老师、丽江副主任带队。",                    # titles
    "金华，女，1985年生，社区网格员。",                 # a 名单 line
])
def test_person_names_that_equal_a_city_are_not_reported(line: str) -> None:
    findings = run(extraction("表彰决定", line))
    assert of_rule(findings, "MR-CITY-001") == [] and of_rule(findings, "MR-CITY-002") == []


@pytest.mark.parametrize(("line", "texts"), [
    ("学习借鉴来自金华的经验。", ["金华"]),
    ("金华市的做法值得推广。", ["金华市"]),             # with 市 it is the city, even after a name list
    ("李明、王芳赴金华市学习。", ["金华市"]),
    ("江苏苏州、浙江金华的做法。", ["苏州", "金华"]),    # 苏 and 江 end a province name, not surnames
    ("考察城市：金华、温州、台州。", ["金华", "温州", "台州"]),  # a list of cities is not a list of names
    ("推进健康金华建设，提高丽江城市品质。", ["金华", "丽江"]),   # 康, 高 here end a word
    ("郑州等人口大市。", ["郑州"]),
])
def test_city_contexts_next_to_names_are_still_reported(line: str, texts: list[str]) -> None:
    found = of_rule(run(extraction("情况说明", line)), "MR-CITY-002")
    assert sorted(f.text for f in found) == sorted(texts)


def test_a_person_named_like_the_city_does_not_hide_the_city() -> None:
    findings = run(extraction("表彰决定", "表彰金华等同志。", "金华市文明办牵头开展活动。"))
    assert [f.text for f in of_rule(findings, "MR-CITY-001")] == ["金华市"]
    assert of_rule(findings, "MR-CITY-002") == []


def test_a_title_before_a_short_name_makes_it_a_person() -> None:
    findings = run(extraction("先进事迹", "医生金华扎根基层二十年，志愿者丽江坚持服务。"), cfg=settings(city="焦作市"))
    assert of_rule(findings, "MR-CITY-002") == []


def test_a_name_in_a_column_of_names_is_a_person() -> None:
    from index.document import Page, TextBlock

    cells = [("姓名", 1), ("金华", 2), ("王芳", 3), ("李明", 4)]
    blocks = [TextBlock(text=value, location=f"表格1 第{row}行第1列") for value, row in cells]
    ex = extraction(pages=[Page(1, text="\n".join(v for v, _ in cells), blocks=blocks)])
    assert of_rule(run(ex, cfg=settings(city="焦作市")), "MR-CITY-002") == []


def test_the_provincial_capital_in_a_provincial_context_is_not_a_copied_city() -> None:
    ok = run(extraction("情况说明", "省文明办在郑州召开全省文明城市创建推进会，我市作交流发言。"), cfg=settings(city="焦作市"))
    assert of_rule(ok, "MR-CITY-002") == []
    elsewhere = run(extraction("情况说明", "学习借鉴郑州的经验做法。"), cfg=settings(city="焦作市"))
    assert [f.text for f in of_rule(elsewhere, "MR-CITY-002")] == ["郑州"]  # not provincial: worth a look


def test_another_citys_office_visiting_is_an_exchange_not_its_voice() -> None:
    findings = run(extraction("情况说明", "金华市文明办来我市交流创建经验。"), cfg=settings(city="焦作市"))
    assert of_rule(findings, "MR-CITY-001") == [] and [f.text for f in of_rule(findings, "MR-CITY-002")] == ["金华市"]
    copied = run(extraction("方案", "为推进新乡市全国文明城市创建工作，特制定本方案。"), cfg=settings(city="焦作市"))
    assert [f.text for f in of_rule(copied, "MR-CITY-001")] == ["新乡市"]
