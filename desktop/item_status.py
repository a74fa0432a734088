"""The state of one 测评标准 as the desk shows it; status providers return these (no Qt here)."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# The badges, worst first where a parent shows its worst child (see desktop.manual_tree.STATES).
STATE_KEYS = ("missing", "problem", "pending", "ok", "waived", "changed")


@dataclass(frozen=True)
class ItemStatus:
    """`state` is one of STATE_KEYS; `files` counts the present files mapped to the standard."""

    state: str
    files: int = 0
    note: str = ""


StatusProvider = Callable[[Sequence[str]], Mapping[str, ItemStatus]]
