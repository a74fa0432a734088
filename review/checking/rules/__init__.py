"""The rule catalogue: every way a material loses points, found, located and explained.

Pure logic: extraction results and file facts in, findings out (no database, no Qt). Start at
`runner` (check_file, check_standard, find_duplicates), `catalogue` (the rules) and `config`
(switches and thresholds from the workspace settings).

The names below are loaded on first use: importing one small module of the package (a finding's
short id, where a file is) must not load every rule with PyMuPDF and numpy behind them.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "RULES": "catalogue", "Rule": "catalogue",
    "RuleConfig": "config", "describe_rules": "config", "with_rule_option": "config",
    "find_duplicates_by_signature": "duplicates", "text_signature": "duplicates",
    "Finding": "finding", "Severity": "finding",
    "FileFacts": "material",
    "check_file": "runner", "check_standard": "runner", "find_duplicates": "runner", "sort_findings": "runner",
    "without_superseded": "runner",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
