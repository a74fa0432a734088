"""The rule catalogue: every way a material loses points, found, located and explained.

Pure logic: extraction results and file facts in, findings out (no database, no Qt). Start at
`runner` (check_file, check_standard, find_duplicates), `catalogue` (the rules) and `config`
(switches and thresholds from the workspace settings).
"""
from __future__ import annotations

from review.checking.rules.catalogue import RULES, Rule
from review.checking.rules.config import RuleConfig, describe_rules, with_rule_option
from review.checking.rules.duplicates import find_duplicates_by_signature, text_signature
from review.checking.rules.finding import Finding, Severity
from review.checking.rules.material import FileFacts
from review.checking.rules.runner import (
    check_file,
    check_standard,
    find_duplicates,
    sort_findings,
    without_superseded,
)

__all__ = [
    "RULES", "FileFacts", "Finding", "Rule", "RuleConfig", "Severity", "check_file", "check_standard",
    "describe_rules", "find_duplicates", "find_duplicates_by_signature", "sort_findings", "text_signature",
    "with_rule_option", "without_superseded",
]
