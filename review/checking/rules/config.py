"""Which rules run and with which thresholds, from the workspace's `settings.rules`.

`settings.rules` maps a rule id to its options, e.g.
``{"MR-CITY-002": {"enabled": false}, "MR-FILE-006": {"min_width": 1024}}``. Anything unknown
is refused with a message that lists what is allowed, so a typo never silently disables a check.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from review.checking.rules.catalogue import RULES, Rule
from review.errors import UserError
from review.workspace.settings import WorkspaceSettings

# Bump when a rule's logic changes, so that every file is re-checked.
CHECKS_VERSION = 3

_TRUE = ("1", "true", "yes", "on", "是", "开", "启用")
_FALSE = ("0", "false", "no", "off", "否", "关", "停用")


@dataclass(frozen=True)
class RuleConfig:
    """Effective rule switches and thresholds, plus the settings the rules depend on."""

    enabled: Mapping[str, bool] = field(default_factory=dict)
    thresholds: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    basis: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: WorkspaceSettings) -> RuleConfig:
        overrides = settings.rules or {}
        unknown = sorted(set(overrides) - set(RULES))
        if unknown:
            raise UserError(f"检查规则设置中有未知的规则编号：{'、'.join(unknown)}。请用 `rules list` 查看规则编号。")
        enabled: dict[str, bool] = {}
        thresholds: dict[str, dict[str, Any]] = {}
        for rule in RULES.values():
            options = dict(overrides.get(rule.id) or {})
            enabled[rule.id] = bool(options.pop("enabled", rule.enabled))
            thresholds[rule.id] = {**rule.thresholds, **_validated(rule, options)}
        window = settings.date_window()
        basis = {
            "city": settings.city,
            "window": [window.begin.isoformat(), window.end.isoformat()],
            "start_date": settings.start_date.isoformat(),
            "max_file_mb": settings.max_file_mb,
            "allowed_formats": sorted(f.lower() for f in settings.allowed_formats),
            "max_filename_length": settings.max_filename_length,
        }
        return cls(enabled, thresholds, basis)

    def is_enabled(self, rule_id: str) -> bool:
        return self.enabled.get(rule_id, RULES[rule_id].enabled)

    def threshold(self, rule_id: str, name: str) -> Any:
        values = self.thresholds.get(rule_id)
        return values[name] if values and name in values else RULES[rule_id].thresholds[name]

    def config_fingerprint(self) -> str:
        """Changes whenever a rule switch, a threshold, a relevant setting or the rule logic does."""
        payload = {"version": CHECKS_VERSION, "enabled": dict(self.enabled),
                   "thresholds": {k: dict(v) for k, v in self.thresholds.items()}, "basis": dict(self.basis)}
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _validated(rule: Rule, options: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in options.items():
        if name not in rule.thresholds:
            allowed = "、".join(["enabled", *rule.thresholds]) or "enabled"
            raise UserError(f"规则 {rule.id}（{rule.title}）没有名为“{name}”的设置。可设置：{allowed}。")
        out[name] = _coerce(rule, name, value)
    return out


def _coerce(rule: Rule, name: str, value: Any) -> Any:
    default = rule.thresholds[name]
    try:
        number = float(value) if isinstance(default, float) else int(value)
    except (TypeError, ValueError) as exc:
        raise UserError(f"规则 {rule.id} 的设置“{name}”应为数字，收到“{value}”。") from exc
    if number < 0 or (isinstance(default, float) and number > 1):
        limit = "0 到 1 之间" if isinstance(default, float) else "不小于 0"
        raise UserError(f"规则 {rule.id} 的设置“{name}”应{limit}，收到“{value}”。")
    return number


def with_rule_option(rules: Mapping[str, Any], rule_id: str, name: str, text: str) -> dict[str, Any]:
    """A copy of `settings.rules` with one option set from user text (`enabled` or a threshold)."""
    if rule_id not in RULES:
        raise UserError(f"没有编号为“{rule_id}”的检查规则。请用 `rules list` 查看规则编号。")
    rule = RULES[rule_id]
    if name == "enabled":
        word = text.strip().lower()
        if word not in _TRUE + _FALSE:
            raise UserError(f"“{text}”不是有效的开关值，请用 是 / 否（或 on / off）。")
        value: Any = word in _TRUE
    else:
        value = _validated(rule, {name: text})[name]
    updated = {key: dict(options) for key, options in rules.items()}
    updated.setdefault(rule_id, {})[name] = value
    return updated


def describe_rules(config: RuleConfig | None = None) -> list[dict[str, Any]]:
    """Rows for `rules list`: id, severity, Chinese title and hint, switch, thresholds."""
    config = config or RuleConfig()
    return [
        {
            "id": rule.id, "severity": rule.severity.value, "severity_label": rule.severity.label,
            "scope": rule.scope, "title": rule.title, "hint": rule.hint,
            "enabled": config.is_enabled(rule.id),
            "thresholds": {name: config.threshold(rule.id, name) for name in rule.thresholds},
        }
        for rule in RULES.values()
    ]
