"""The materials date window: rolling rules as offices state them, and explicit dates."""
from __future__ import annotations

from datetime import date

import pytest

from review.errors import UserError
from review.workspace.date_window import DateWindow, WindowRule, parse_window_rule


def test_rolling_window_from_evaluation_start() -> None:
    # Testing in August 2017 accepts materials dated 2016-08 … 2017-07.
    window = WindowRule().resolve(date(2017, 8, 15))
    assert window == DateWindow(date(2016, 8, 1), date(2017, 7, 31))


def test_rolling_window_across_year_boundary_and_february() -> None:
    window = WindowRule(months_before_start=2, span_months=12).resolve(date(2025, 1, 10))
    assert window == DateWindow(date(2023, 12, 1), date(2024, 11, 30))
    window = WindowRule(months_before_start=1, span_months=3).resolve(date(2024, 3, 1))
    assert window.end == date(2024, 2, 29)
    assert window.begin == date(2023, 12, 1)


@pytest.mark.parametrize(
    ("phrase", "before", "span"),
    [
        ("测评开始前1月上溯一个年度", 1, 12),
        ("测评开始前1个月上溯1年", 1, 12),
        ("测评前两个月上溯两个年度", 2, 24),
        ("测评开始前3月上溯6个月", 3, 6),
    ],
)
def test_parse_rolling_phrases(phrase: str, before: int, span: int) -> None:
    rule = parse_window_rule(phrase)
    assert (rule.mode, rule.months_before_start, rule.span_months) == ("rolling", before, span)


def test_parse_explicit_window() -> None:
    rule = parse_window_rule("2025-9-1至2026-08-31")
    assert rule.resolve(date(2030, 1, 1)) == DateWindow(date(2025, 9, 1), date(2026, 8, 31))


def test_unreadable_phrase_says_how_to_write_it() -> None:
    with pytest.raises(UserError, match="测评开始前1月上溯一个年度"):
        parse_window_rule("去年全年")


def test_reversed_explicit_window_refused() -> None:
    with pytest.raises(UserError, match="晚于"):
        parse_window_rule("2026-08-01至2025-08-01").resolve(date(2026, 8, 1))


def test_window_contains_bounds() -> None:
    window = DateWindow(date(2025, 8, 1), date(2026, 7, 31))
    assert window.contains(date(2025, 8, 1)) and window.contains(date(2026, 7, 31))
    assert not window.contains(date(2025, 7, 31)) and not window.contains(date(2026, 8, 1))
