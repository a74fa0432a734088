"""Another city's name left in a material, without flagging the own city, provinces or ordinary words."""
from __future__ import annotations

import pytest

from review.checks.cities import load_cities, own_city
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
