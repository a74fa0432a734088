"""The catalogue and its configuration: stable ids, Chinese texts, switches, thresholds, fingerprints."""
from __future__ import annotations

import re

import pytest

from review.checking.rules import RULES, RuleConfig, describe_rules, sort_findings, with_rule_option
from review.checking.rules.catalogue import make_finding
from review.errors import UserError
from tests.checks_support import extraction, run, settings

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_rules_have_stable_ids_chinese_titles_and_hints() -> None:
    assert len(RULES) >= 30
    for rule in RULES.values():
        assert re.fullmatch(r"MR-[A-Z]+-\d{3}", rule.id)
        assert _HAN.search(rule.title) and _HAN.search(rule.hint)
        assert rule.severity.label in ("必须修改", "建议修改", "提示")
        assert rule.scope in ("file", "requirement", "corpus")


def test_describe_rules_lists_switches_and_thresholds() -> None:
    rows = {r["id"]: r for r in describe_rules(RuleConfig.from_settings(settings(
        rules={"MR-FILE-006": {"min_width": 1024}, "MR-TPL-001": {"enabled": False}})))}
    assert rows["MR-FILE-006"]["thresholds"] == {"min_width": 1024, "min_height": 600, "min_dpi": 150}
    assert rows["MR-TPL-001"]["enabled"] is False and rows["MR-PII-001"]["enabled"] is True
    assert rows["MR-PII-001"]["severity_label"] == "必须修改"


def test_disabled_rule_does_not_run() -> None:
    ex = extraction("XX同志讲话")
    assert any(f.rule_id == "MR-TPL-001" for f in run(ex))
    assert not any(f.rule_id == "MR-TPL-001" for f in run(ex, cfg=settings(rules={"MR-TPL-001": {"enabled": False}})))


@pytest.mark.parametrize(("rules", "words"), [
    ({"MR-NOPE-001": {}}, "未知的规则编号"),
    ({"MR-FILE-006": {"min_wide": 3}}, "没有名为“min_wide”的设置"),
    ({"MR-FILE-006": {"min_width": "宽"}}, "应为数字"),
    ({"MR-DUP-002": {"similarity": 1.5}}, "0 到 1 之间"),
])
def test_bad_rule_settings_are_refused_in_chinese(rules: dict, words: str) -> None:
    with pytest.raises(UserError, match=words):
        RuleConfig.from_settings(settings(rules=rules))


def test_with_rule_option_builds_settings_rules_from_user_text() -> None:
    rules = with_rule_option({}, "MR-CITY-002", "enabled", "否")
    rules = with_rule_option(rules, "MR-CITY-002", "min_occurrences", "3")
    assert rules == {"MR-CITY-002": {"enabled": False, "min_occurrences": 3}}
    with pytest.raises(UserError, match="开关值"):
        with_rule_option({}, "MR-CITY-002", "enabled", "maybe")
    with pytest.raises(UserError, match="没有编号"):
        with_rule_option({}, "MR-X", "enabled", "on")


def test_config_fingerprint_changes_with_rules_and_relevant_settings() -> None:
    base = RuleConfig.from_settings(settings()).config_fingerprint()
    assert RuleConfig.from_settings(settings()).config_fingerprint() == base
    assert RuleConfig.from_settings(settings(rules={"MR-TPL-001": {"enabled": False}})).config_fingerprint() != base
    assert RuleConfig.from_settings(settings(city="郑州市")).config_fingerprint() != base
    assert RuleConfig.from_settings(settings(max_file_mb=10)).config_fingerprint() != base
    assert RuleConfig.from_settings(settings(ocr_enabled=False)).config_fingerprint() == base


def test_finding_fingerprint_is_stable_and_specific() -> None:
    ex = extraction("XX同志讲话")
    first, again = run(ex), run(ex)
    assert [f.fingerprint for f in first] == [f.fingerprint for f in again]
    moved = run(extraction("标题", "XX同志讲话"))
    assert {f.fingerprint for f in first if f.rule_id == "MR-TPL-001"}.isdisjoint(
        f.fingerprint for f in moved if f.rule_id == "MR-TPL-001")


def test_finding_json_and_sorting() -> None:
    info = make_finding("MR-FILE-013", "提示", file="/a.docx")
    must = make_finding("MR-TPL-001", "必须", file="/b.docx", page=2, location="第2页", bbox=(1.0, 2.0, 3.0, 4.0))
    assert sort_findings([info, must]) == [must, info]
    data = must.to_json()
    assert data["severity"] == "must" and data["severity_label"] == "必须修改" and data["file"] == "/b.docx"
    assert data["bbox"] == [1.0, 2.0, 3.0, 4.0] and data["hint"] == RULES["MR-TPL-001"].hint


def test_many_identical_leftovers_are_capped() -> None:
    found = [f for f in run(extraction(*["XX同志"] * 40)) if f.rule_id == "MR-TPL-001"]
    assert len(found) == 30 and "另有 10 处" in found[-1].message
