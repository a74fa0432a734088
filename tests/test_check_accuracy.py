"""Every check rule that exists reaches precision and recall of at least 0.95 on the realistic corpus.

The corpus (tests/corpus/realistic.py) is built into a temporary folder, loaded into a workspace
through the real services, scanned (with OCR when rapidocr is installed) and checked, once for the
module; bench/check_accuracy.py does the matching and prints the same figures as a table. Takes
about a minute and a half on two cores.
"""
from __future__ import annotations

import pytest

from bench.check_accuracy import Outcome, RuleFigures, figures, measure, report
from review.checking.rules.catalogue import RULES

pytestmark = pytest.mark.accuracy

THRESHOLD = 0.95
# Mistakes the rules do not see yet, kept visible: strict, so a rule that starts passing fails here
# until its mark is removed. (None today.)
KNOWN_GAPS: dict[str, str] = {}


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    return measure()


@pytest.fixture(scope="module")
def by_rule(outcome: Outcome) -> dict[str, RuleFigures]:
    print(report(outcome))
    return {row.rule: row for row in figures(outcome)}


def _listing(outcome: Outcome, rule_id: str) -> str:
    misses = [f"  漏报 {m['id']} {m.get('file') or m['item']}：{m['text']}（{m['note']}）"
              for m in outcome.missed() if m["rule"] == rule_id]
    alarms = [f"  误报 {f.place}：{f.text or f.message[:80]}（{why}）"
              for f, why in outcome.false_alarms if f.rule == rule_id]
    return "\n".join(misses + alarms)


@pytest.mark.parametrize("rule_id", [
    pytest.param(rule, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[rule])) if rule in KNOWN_GAPS else rule
    for rule in RULES])
def test_rule_precision_and_recall(rule_id: str, outcome: Outcome, by_rule: dict[str, RuleFigures]) -> None:
    row = by_rule[rule_id]
    if not row.planted and not row.false_alarms:
        pytest.skip(f"{rule_id}: nothing planted for it in the corpus and no false alarm")
    problems = []
    if row.recall is not None and row.recall < THRESHOLD:
        problems.append(f"recall {row.recall:.2f} ({row.found}/{row.planted})")
    if row.precision is not None and row.precision < THRESHOLD:
        problems.append(f"precision {row.precision:.2f} ({row.found} found, {row.false_alarms} false alarms)")
    assert not problems, f"{rule_id} {row.title}: {', '.join(problems)}\n{_listing(outcome, rule_id)}"
